// Restrictions and the conflict check (issue 6): restrictions CRUD and validation; POST
// /conflict-check hitting and missing on each dimension (therapeutic area, modality, territory with
// "Worldwide", counterparty, period with the agreement's dates as fallback), only signed/active
// agreements, only bound parties, only restrictions the caller may read; the check of an alliance;
// the automatic check when an alliance moves to negotiation. The IP register (joint shares,
// licences) and the data register (destruction status and its confirmation).
// The contract is docs/design/agreements-api.md ("Restrictions and the conflict check", "IP register", "Data register").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { NO_SUCH_ID, stale, today, day, expectShared } from '../support/plan.mjs';
import { getOk, postOk, patchOk, listCount, notifications, NOTIFICATION_FIELDS } from '../support/governance.mjs';
import {
  RESTRICTION_FIELDS, CONFLICT_CHECK_FIELDS, CONFLICT_HIT_FIELDS, IP_ASSET_FIELDS, DATASET_FIELDS, CONFLICT_CHECK, agr,
  agreementsAlliance, createAgreement, restrictionBody, createRestriction, ipAssetBody, datasetBody, expectAccessRecord, auditOf,
} from '../support/agreements.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('restrictions, the conflict check, the IP and data registers', () => {
  let world;
  let server;
  let helix;
  let nimbus;
  let R;        // the alliance the restrictions live in
  let r;        // its routes
  let XA;       // active, Helix and Nimbus, day −100 .. day 1000
  let DRAFT;    // a draft agreement for CRUD (its restrictions never bind anybody)

  before(async () => {
    world = await buildWorld();
    server = world.server;
    ({ helix, nimbus } = world.orgIds);
    R = await agreementsAlliance(world, 'Restrictions alliance');
    r = agr(R.id);
    XA = await createAgreement(world, 'phManager', R.id, { title: 'Cardio exclusivity agreement', status: 'active',
      effective_on: day(-100), expiry_on: day(1000) });
    DRAFT = await createAgreement(world, 'phManager', R.id, { title: 'Draft agreement for restrictions', status: 'draft' });
  });
  after(async () => { await world?.stop(); });

  const audit = () => server.count('audit_events');
  const u = (key) => world.person(key).id;

  describe('restrictions: CRUD and validation', () => {
    let full;

    it('POST with every field → 201: every field as sent or derived, and ETag', async () => {
      const res = await world.as('phMember').post(r.restrictions, {
        agreement_id: DRAFT.id, kind: 'exclusivity', clause_ref: '§12.1', description: 'No competing heart-failure small molecules in the EU.',
        restricted_party_id: helix, therapeutic_areas: ['Heart failure'], modalities: ['Small molecule'], territories: ['EU'],
        counterparties: ['Cardio Rival Inc'], starts_on: day(-30), ends_on: day(365),
      });
      expectStatus(res, 201);
      full = res.body;
      expectAccessRecord(full, RESTRICTION_FIELDS, 'restriction');
      expectShared(world, full, { allianceId: R.id, author: 'phMember' });
      assert.equal(full.agreement_id, DRAFT.id);
      assert.equal(full.agreement_title, 'Draft agreement for restrictions');
      assert.equal(full.kind, 'exclusivity');
      assert.equal(full.clause_ref, '§12.1');
      assert.equal(full.description, 'No competing heart-failure small molecules in the EU.');
      assert.equal(full.restricted_party_id, helix);
      assert.equal(full.restricted_party_name, 'Helix Pharma');
      assert.deepEqual(full.therapeutic_areas, ['Heart failure']);
      assert.deepEqual(full.modalities, ['Small molecule']);
      assert.deepEqual(full.territories, ['EU']);
      assert.deepEqual(full.counterparties, ['Cardio Rival Inc']);
      assert.equal(full.starts_on, day(-30));
      assert.equal(full.ends_on, day(365));
      assert.equal(res.headers.get('etag'), `"${full.version}"`);
      assert.deepEqual(await getOk(world, 'nbMember', r.restriction(full)), full);
    });

    it('the defaults: every party of the agreement is bound, empty lists, no dates', async () => {
      const x = await createRestriction(world, 'nbMember', R.id, DRAFT, { kind: 'change_of_control' });
      assert.equal(x.restricted_party_id, null);
      for (const f of ['therapeutic_areas', 'modalities', 'territories', 'counterparties']) assert.deepEqual(x[f], [], f);
      assert.equal(x.starts_on, null);
      assert.equal(x.ends_on, null);
      assert.equal(x.clause_ref, '');
      assert.equal(x.description, '');
      assert.equal(x.party_id, nimbus);
      for (const kind of ['exclusivity', 'non_compete', 'field_limit', 'territory_limit', 'change_of_control']) {
        assert.equal((await createRestriction(world, 'phMember', R.id, DRAFT, { kind })).kind, kind);
      }
      const fifty = Array.from({ length: 50 }, (_, i) => `Area ${i + 1}`);
      const big = await createRestriction(world, 'phMember', R.id, DRAFT, { therapeutic_areas: fifty, counterparties: ['c'.repeat(200)] });
      assert.deepEqual(big.therapeutic_areas, fifty);
    });

    it('names of absent references are null, as everywhere else in the API (plan, governance)', async () => {
      const x = await createRestriction(world, 'phMember', R.id, DRAFT, { kind: 'change_of_control' });
      assert.equal(x.restricted_party_name, null, 'restricted_party_name without a restricted party');
      const ip = await postOk(world, 'phMember', r.ipAssets, ipAssetBody(world, { kind: 'foreground', owner_party_id: null,
        shares: [{ organization_id: helix, percent: 50 }, { organization_id: nimbus, percent: 50 }] }));
      assert.equal(ip.owner_party_name, null, 'owner_party_name of jointly owned IP');
    });

    const base = () => restrictionBody(DRAFT, { kind: 'non_compete' });
    const CASES = [
      ['no agreement', () => ({ ...base(), agreement_id: undefined }), 'agreement_id'],
      ['an unknown agreement', () => ({ ...base(), agreement_id: NO_SUCH_ID }), 'agreement_id'],
      ['a bad kind', () => ({ ...base(), kind: 'non_solicit' }), 'kind'],
      ['a restricted party outside the alliance', () => ({ ...base(), restricted_party_id: world.orgIds.outsider }), 'restricted_party_id'],
      ['51 therapeutic areas', () => ({ ...base(), therapeutic_areas: Array.from({ length: 51 }, (_, i) => `A${i}`) }), 'therapeutic_areas'],
      ['an empty modality', () => ({ ...base(), modalities: [''] }), 'modalities'],
      ['a territory over 200 characters', () => ({ ...base(), territories: ['t'.repeat(201)] }), 'territories'],
      ['a counterparty of the wrong type', () => ({ ...base(), counterparties: [42] }), 'counterparties'],
      ['dates out of order', () => ({ ...base(), starts_on: day(10), ends_on: day(9) }), 'ends_on'],
      ['a date that does not exist', () => ({ ...base(), starts_on: '2026-13-01' }), 'starts_on'],
      ['a description over 5000 characters', () => ({ ...base(), description: 'x'.repeat(5001) }), 'description'],
      ['a clause ref over 100 characters', () => ({ ...base(), clause_ref: 'x'.repeat(101) }), 'clause_ref'],
    ];
    for (const [what, body, field] of CASES) {
      it(`${what} → 422 on ${field}; nothing written`, async () => {
        const before = { audit: audit(), n: await listCount(world, 'phManager', r.restrictions) };
        expectValidation(await world.as('phMember').post(r.restrictions, body()), field);
        assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', r.restrictions) }, before);
      });
    }

    it('a restricted party that is in the alliance but not a party of the agreement → 422; an agreement of another alliance → 422', async () => {
      const helixOnly = await createAgreement(world, 'phManager', R.id, { title: 'Helix-only draft', party_ids: [helix], status: 'draft' });
      const foreign = await createAgreement(world, 'phManager', world.alliance.id, { title: 'Foreign agreement' });
      const before = { audit: audit(), n: await listCount(world, 'phManager', r.restrictions) };
      expectValidation(await world.as('phMember').post(r.restrictions, restrictionBody(helixOnly, { restricted_party_id: nimbus })), 'restricted_party_id');
      expectValidation(await world.as('phMember').post(r.restrictions, restrictionBody(foreign)), 'agreement_id');
      assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', r.restrictions) }, before);
    });

    it('PATCH with If-Match; 428 / 412 / 403; filters by agreement and kind; DELETE → 204 then 404; audited', async () => {
      const x = await createRestriction(world, 'phMember', R.id, DRAFT, { kind: 'field_limit', description: 'Field limited to diagnostics' });
      expectProblem(await world.as('phMember').patch(r.restriction(x), { description: 'y' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(r.restriction(x), { description: 'y' }, { ifMatch: stale(x.version) }), 412, 'stale');
      expectProblem(await world.as('nbMember').patch(r.restriction(x), { description: 'y' }, { ifMatch: x.version }), 403, 'forbidden');
      expectValidation(await world.as('phMember').patch(r.restriction(x), { starts_on: day(5), ends_on: day(4) }, { ifMatch: x.version }), 'ends_on');
      const y = await patchOk(world, 'phMember', r.restriction(x), { description: 'Field limited to companion diagnostics', territories: ['US', 'Canada'] });
      assert.equal(y.description, 'Field limited to companion diagnostics');
      assert.deepEqual(y.territories, ['US', 'Canada']);
      const upd = (await auditOf(world, 'nbManager', R.id, x.id)).find((e) => e.action === 'update');
      assert.deepEqual(upd.changes.description, { before: 'Field limited to diagnostics', after: 'Field limited to companion diagnostics' });

      const other = await createAgreement(world, 'phManager', R.id, { title: 'Another draft', status: 'draft' });
      const z = await createRestriction(world, 'phMember', R.id, other, { kind: 'territory_limit' });
      const byAgreement = await listAll(world.as('nbMember'), `${r.restrictions}?agreement_id=${other.id}`);
      assert.deepEqual(byAgreement.map((q) => q.id), [z.id]);
      const byKind = await listAll(world.as('nbMember'), `${r.restrictions}?kind=field_limit`);
      assert.ok(byKind.some((q) => q.id === x.id) && byKind.every((q) => q.kind === 'field_limit'));
      const paged = await listAll(world.as('nbMember'), r.restrictions, { limit: 2 });
      assert.deepEqual(paged.map((q) => q.id).sort(), (await listAll(world.as('nbMember'), r.restrictions)).map((q) => q.id).sort());

      expectProblem(await world.as('phViewer').post(r.restrictions, restrictionBody(DRAFT)), 403, 'forbidden');
      expectProblem(await world.as('outsider').get(r.restrictions), 404, 'not-found');
      const res = await world.as('phMember').del(r.restriction(z));
      assert.equal(res.status, 204, res.text);
      expectProblem(await world.as('phMember').get(r.restriction(z)), 404, 'not-found');
    });

    it('a party-private restriction is invisible to the other party', async () => {
      const p = await createRestriction(world, 'phManager', R.id, DRAFT, { description: 'Helix internal reading Volans', visibility: 'party' });
      expectProblem(await world.as('nbManager').get(r.restriction(p)), 404, 'not-found');
      const list = await world.as('nbManager').get(r.restrictions);
      assert.ok(!list.text.includes(p.id) && !list.text.includes('Volans'));
      assert.equal((await getOk(world, 'phViewer', r.restriction(p))).id, p.id);
    });
  });

  describe('the conflict check', () => {
    const P = {};   // probe restrictions by name
    const ag = {};
    const probeIds = () => new Set(Object.values(P).map((x) => x.id));

    before(async () => {
      const mkAg = async (name, body) => { ag[name] = await createAgreement(world, 'phManager', R.id, { title: name, ...body }); };
      await mkAg('Fallback dates agreement', { status: 'active', effective_on: day(-10), expiry_on: day(100) });
      for (const status of ['draft', 'in_negotiation', 'signed', 'expired', 'terminated']) await mkAg(`Status ${status}`, { status });
      await mkAg('Nimbus-only agreement', { status: 'active', party_ids: [nimbus] });
      const mk = async (key, name, agreement, body) => { P[name] = await createRestriction(world, key, R.id, agreement, body); };
      await mk('phManager', 'R1', XA, { kind: 'exclusivity', clause_ref: '§12.1', restricted_party_id: helix, therapeutic_areas: ['Heart failure'],
        modalities: ['Small molecule'], territories: ['EU'], counterparties: ['Cardio Rival Inc'], starts_on: day(-30), ends_on: day(365) });
      await mk('phManager', 'RW', XA, { therapeutic_areas: ['Nephrology'], territories: ['Worldwide'] });
      await mk('phManager', 'RF', ag['Fallback dates agreement'], { therapeutic_areas: ['Dermatology'] });
      for (const status of ['draft', 'in_negotiation', 'signed', 'expired', 'terminated']) {
        await mk('phManager', `RS ${status}`, ag[`Status ${status}`], { therapeutic_areas: ['Ophthalmology'] });
      }
      await mk('phManager', 'RN', XA, { restricted_party_id: nimbus, therapeutic_areas: ['Hepatology'] });
      await mk('nbManager', 'RO', ag['Nimbus-only agreement'], { therapeutic_areas: ['Rheumatology'] });
      await mk('nbManager', 'RP', XA, { therapeutic_areas: ['Psychiatry'], description: 'Nimbus secret Sagitta', visibility: 'party' });
    });

    const check = async (key, body) => {
      const res = await world.as(key).post(CONFLICT_CHECK, body);
      expectStatus(res, 200, `conflict check ${JSON.stringify(body)} as ${key}`);
      return res;
    };
    /** The probe restrictions hit, by name. */
    const hits = async (key, body) => {
      const res = await check(key, body);
      const names = Object.fromEntries(Object.entries(P).map(([k, v]) => [v.id, k]));
      return res.body.hits.filter((h) => probeIds().has(h.restriction.id)).map((h) => names[h.restriction.id]).sort();
    };
    const HF = { therapeutic_areas: ['Heart failure'], modalities: ['Small molecule'], territories: ['EU'], counterparty: 'Cardio Rival Inc' };

    it('a proposal that touches R1 on every dimension: the hit and its shape', async () => {
      const res = await check('phManager', HF);
      const b = res.body;
      assert.deepEqual(Object.keys(b).sort(), [...CONFLICT_CHECK_FIELDS].sort());
      assert.equal(b.checked_on, today());
      assert.equal(b.organization_id, helix);
      assert.equal(b.organization_name, 'Helix Pharma');
      assert.deepEqual(b.proposal.therapeutic_areas, ['Heart failure']);
      assert.deepEqual(b.proposal.territories, ['EU']);
      const hit = b.hits.find((h) => h.restriction.id === P.R1.id);
      assert.ok(hit, JSON.stringify(b.hits));
      assert.deepEqual(Object.keys(hit).sort(), [...CONFLICT_HIT_FIELDS].sort());
      assert.deepEqual(hit.restriction, await getOk(world, 'phManager', r.restriction(P.R1)));
      assert.equal(hit.alliance_id, R.id);
      assert.equal(hit.alliance_name, R.name);
      assert.equal(hit.agreement_id, XA.id);
      assert.equal(hit.agreement_title, 'Cardio exclusivity agreement');
      assert.equal(hit.clause_ref, '§12.1');
      assert.ok(hit.matched.includes('therapeutic area: Heart failure'), JSON.stringify(hit.matched));
      assert.ok(hit.matched.includes('territory: EU'), JSON.stringify(hit.matched));
      assert.ok(hit.matched.some((m) => m.startsWith('modality')), JSON.stringify(hit.matched));
      assert.ok(hit.matched.some((m) => m.startsWith('counterpart')), JSON.stringify(hit.matched));
      assert.deepEqual(await hits('phManager', HF), ['R1']);
    });

    it('values match case-insensitively and trimmed', async () => {
      assert.deepEqual(await hits('phManager', { therapeutic_areas: ['  heart FAILURE '], modalities: ['small molecule'], territories: [' eu'],
        counterparty: ' cardio rival inc ' }), ['R1']);
    });

    const MISSES = [
      ['another therapeutic area', { therapeutic_areas: ['Oncology'] }],
      ['another modality', { modalities: ['Cell therapy'] }],
      ['another territory', { territories: ['US'] }],
      ['another counterparty', { counterparty: 'Other Corp' }],
      ['a period after the restriction', { starts_on: day(366) }],
      ['a period before the restriction', { starts_on: day(-60), ends_on: day(-31) }],
    ];
    for (const [what, change] of MISSES) {
      it(`a miss on ${what}`, async () => {
        assert.deepEqual(await hits('phManager', { ...HF, ...change }), []);
      });
    }

    // [what, change, the probes hit] — RF, RS signed and RW leave modality, territory (or Worldwide) and
    // counterparty open, so once the proposal leaves the therapeutic area open they touch it too
    const TOUCHES = [
      ['a list the proposal leaves empty (therapeutic areas)', { therapeutic_areas: [] }, ['R1', 'RF', 'RS signed', 'RW']],
      ['a list the proposal leaves empty (modalities)', { modalities: [] }, ['R1']],
      ['no counterparty named', { counterparty: undefined }, ['R1']],
      ['a Worldwide proposal', { territories: ['Worldwide'] }, ['R1']],
      ['a global proposal', { territories: ['global'] }, ['R1']],
      ['one shared value among several', { therapeutic_areas: ['Oncology', 'Heart failure'], territories: ['US', 'EU'] }, ['R1']],
      ['a period starting on the restriction\'s last day', { starts_on: day(365) }, ['R1']],
      ['a period ending on the restriction\'s first day', { starts_on: day(-60), ends_on: day(-30) }, ['R1']],
    ];
    for (const [what, change, expected] of TOUCHES) {
      it(`a touch with ${what}`, async () => {
        assert.deepEqual(await hits('phManager', { ...HF, ...change }), expected);
      });
    }

    it('a Worldwide restriction overlaps every territory', async () => {
      assert.deepEqual(await hits('phManager', { therapeutic_areas: ['Nephrology'], territories: ['Japan'] }), ['RW']);
      assert.deepEqual(await hits('phManager', { therapeutic_areas: ['Nephrology'], territories: ['Brazil'], modalities: ['Gene therapy'], counterparty: 'Anyone' }), ['RW']);
    });

    it('without dates of its own a restriction takes the agreement\'s effective and expiry dates', async () => {
      assert.deepEqual(await hits('phManager', { therapeutic_areas: ['Dermatology'] }), ['RF']);
      assert.deepEqual(await hits('phManager', { therapeutic_areas: ['Dermatology'], starts_on: day(50) }), ['RF']);
      assert.deepEqual(await hits('phManager', { therapeutic_areas: ['Dermatology'], starts_on: day(101) }), []);
      assert.deepEqual(await hits('phManager', { therapeutic_areas: ['Dermatology'], starts_on: day(-50), ends_on: day(-11) }), []);
    });

    it('only signed or active agreements count', async () => {
      assert.deepEqual(await hits('phManager', { therapeutic_areas: ['Ophthalmology'] }), ['RS signed']);
      assert.deepEqual(await hits('nbManager', { therapeutic_areas: ['Ophthalmology'] }), ['RS signed']);
    });

    it('only the bound party: a restriction on Nimbus hits Nimbus, not Helix', async () => {
      assert.deepEqual(await hits('phManager', { therapeutic_areas: ['Hepatology'] }), []);
      const res = await check('nbManager', { therapeutic_areas: ['Hepatology'] });
      assert.equal(res.body.organization_id, nimbus);
      assert.equal(res.body.organization_name, 'Nimbus Health');
      assert.deepEqual(await hits('nbMember', { therapeutic_areas: ['Hepatology'] }), ['RN']);
    });

    it('only agreements the caller\'s organisation is a party of', async () => {
      assert.deepEqual(await hits('phManager', { therapeutic_areas: ['Rheumatology'] }), []);
      assert.deepEqual(await hits('nbManager', { therapeutic_areas: ['Rheumatology'] }), ['RO']);
    });

    it('only restrictions the caller may read: Nimbus\'s party-private restriction never appears for Helix', async () => {
      const res = await check('phManager', { therapeutic_areas: ['Psychiatry'] });
      assert.ok(!res.text.includes(P.RP.id) && !res.text.includes('Sagitta'), res.text.slice(0, 500));
      assert.deepEqual(await hits('phManager', { therapeutic_areas: ['Psychiatry'] }), []);
      assert.deepEqual(await hits('nbManager', { therapeutic_areas: ['Psychiatry'] }), ['RP']);
      const all = await check('phManager', {});
      assert.ok(!all.text.includes(P.RP.id) && !all.text.includes('Sagitta'), 'not even for an empty proposal');
    });

    it('exclude_alliance_id leaves that alliance\'s restrictions out', async () => {
      assert.deepEqual(await hits('phManager', { ...HF, exclude_alliance_id: R.id }), []);
      assert.deepEqual(await hits('phManager', { ...HF, exclude_alliance_id: world.alliance.id }), ['R1']);
    });

    it('an empty proposal touches every bound, readable restriction in force', async () => {
      assert.deepEqual(await hits('phManager', {}), ['R1', 'RF', 'RS signed', 'RW'].sort());
    });

    it('bad proposals → 400 or 422; signed out → 401', async () => {
      for (const [body, field] of [[{ therapeutic_areas: 'Heart failure' }, 'therapeutic_areas'], [{ territories: [5] }, 'territories'],
        [{ starts_on: '2026-02-30' }, 'starts_on'], [{ starts_on: day(5), ends_on: day(4) }, 'ends_on'], [{ budget: 1 }, 'budget'],
        [{ exclude_alliance_id: 'nope' }, 'exclude_alliance_id']]) {
        const res = await world.as('phManager').post(CONFLICT_CHECK, body);
        assert.ok([400, 422].includes(res.status), `${JSON.stringify(body)}: ${res.status} ${res.text.slice(0, 300)}`);
        if (res.status === 422) expectValidation(res, field);
        else expectProblem(res, 400);
      }
      expectProblem(await world.anon().post(CONFLICT_CHECK, HF), 401, 'unauthenticated');
    });

    describe('an alliance\'s own check, and the automatic check on negotiation', () => {
      let Y;
      before(async () => {
        P.R4 = await createRestriction(world, 'phManager', R.id, XA, { kind: 'exclusivity', restricted_party_id: helix,
          therapeutic_areas: ['Heart failure'], territories: ['EU'], counterparties: ['Nimbus Health'], clause_ref: '§14' });
        Y = await world.createAlliance('phManager', { name: uniq('Second heart-failure alliance'), therapeutic_areas: ['Heart failure'], territory: 'EU' });
        await world.inviteExisting('phManager', Y.id, 'nbManager', 'manager');
        await world.addMember('phManager', Y.id, 'phMember', 'member');
        const YA = await createAgreement(world, 'phManager', Y.id, { title: 'Second alliance own agreement', status: 'active' });
        P.RY = await createRestriction(world, 'phManager', Y.id, YA, { restricted_party_id: helix, therapeutic_areas: ['Heart failure'], territories: ['EU'] });
      });

      const allianceHits = async (key, allianceId) => {
        const res = await world.as(key).get(agr(allianceId).conflictCheck);
        expectStatus(res, 200);
        const names = Object.fromEntries(Object.entries(P).map(([k, v]) => [v.id, k]));
        return { body: res.body, names: res.body.hits.filter((h) => probeIds().has(h.restriction.id)).map((h) => names[h.restriction.id]).sort() };
      };

      it('GET on a second alliance: its areas, territory and the other party as counterparty; its own agreements left out', async () => {
        const { body, names } = await allianceHits('phManager', Y.id);
        assert.deepEqual(Object.keys(body).sort(), [...CONFLICT_CHECK_FIELDS].sort());
        assert.equal(body.organization_id, helix);
        assert.equal(body.checked_on, today());
        assert.deepEqual(names, ['R4'], 'R4 names Nimbus; R1 names another counterparty; RY is Y\'s own');
        const hit = body.hits.find((h) => h.restriction.id === P.R4.id);
        assert.equal(hit.alliance_id, R.id);
        assert.equal(hit.clause_ref, '§14');
        assert.ok(JSON.stringify(body.proposal).includes('Nimbus Health'), `the counterparty: ${JSON.stringify(body.proposal)}`);
      });

      it('the other party\'s manager sees only what binds Nimbus', async () => {
        const { names } = await allianceHits('nbManager', Y.id);
        assert.deepEqual(names, []);
      });

      it('members may read it; people outside the alliance may not (404)', async () => {
        expectStatus(await world.as('phMember').get(agr(Y.id).conflictCheck), 200);
        expectProblem(await world.as('nbMember').get(agr(Y.id).conflictCheck), 404, 'not-found');
        expectProblem(await world.anon().get(agr(Y.id).conflictCheck), 401, 'unauthenticated');
      });

      let Z;
      const kinds = async (key) => (await notifications(world, key)).items.filter((n) => n.kind === 'conflict_check' && n.alliance_id === Z.id);
      const waitFor = async (key, n) => {
        for (let i = 0; i < 50 && (await kinds(key)).length < n; i++) await sleep(100);
        return kinds(key);
      };
      const move = async (to) => {
        const { version } = await world.getAlliance(Z.id);
        const res = await world.as('phManager').post(agr(Z.id).stage, { to, reason: `to ${to}` }, { ifMatch: version });
        expectStatus(res, 200, `move to ${to}`);
      };

      it('moving an alliance to negotiation notifies the managers who have hits — once', async () => {
        Z = await world.createAlliance('phManager', { name: uniq('Negotiating heart-failure alliance'), therapeutic_areas: ['Heart failure'],
          territory: 'EU', stage: 'due_diligence' });
        await world.inviteExisting('phManager', Z.id, 'nbManager', 'manager');
        await world.addMember('phManager', Z.id, 'phMember', 'member');
        for (const key of ['phManager', 'nbManager', 'phMember']) assert.deepEqual(await kinds(key), [], `${key}: nothing before`);
        await move('negotiation');
        const mine = await waitFor('phManager', 1);
        assert.equal(mine.length, 1, JSON.stringify(mine));
        const n = mine[0];
        assert.deepEqual(Object.keys(n).sort(), [...NOTIFICATION_FIELDS].sort());
        assert.equal(n.alliance_name, Z.name);
        assert.ok(n.link.includes(Z.id), `the link names the alliance: ${n.link}`);
        assert.match(n.link, /agreements/i);
        assert.match(n.link, /restrictions/i);
        assert.equal(n.read_at, null);
        await sleep(500);
        assert.equal((await kinds('phManager')).length, 1, 'exactly one');
        assert.deepEqual(await kinds('nbManager'), [], 'no hits for Nimbus: no notification');
        assert.deepEqual(await kinds('phMember'), [], 'members are not managers');
      });

      it('another stage move does not notify; a new move to negotiation is a new transition', async () => {
        await move('due_diligence');
        await sleep(300);
        assert.equal((await kinds('phManager')).length, 1);
        await move('negotiation');
        assert.equal((await waitFor('phManager', 2)).length, 2);
        assert.deepEqual(await kinds('nbManager'), []);
      });
    });
  });

  describe('the IP register', () => {
    const a = () => r;
    let bg;
    let joint;

    it('background IP owned by a party, with a licence → 201 with every field', async () => {
      const res = await world.as('phMember').post(a().ipAssets, {
        title: 'Helix cardiac biomarker panel', kind: 'background', description: 'Patent family on the panel.', agreement_id: XA.id,
        owner_party_id: helix, shares: [], licences: [{ licensee_id: nimbus, field: 'Companion diagnostics', territory: 'EU', exclusive: false }],
        patent_family: 'WO2024/123456', filing_on: day(-400), expiry_on: day(6000),
      });
      expectStatus(res, 201);
      bg = res.body;
      expectAccessRecord(bg, IP_ASSET_FIELDS, 'IP asset');
      expectShared(world, bg, { allianceId: R.id, author: 'phMember' });
      assert.equal(bg.title, 'Helix cardiac biomarker panel');
      assert.equal(bg.kind, 'background');
      assert.equal(bg.agreement_id, XA.id);
      assert.equal(bg.owner_party_id, helix);
      assert.equal(bg.owner_party_name, 'Helix Pharma');
      assert.deepEqual(bg.shares, []);
      assert.equal(bg.licences.length, 1);
      assert.deepEqual({ ...bg.licences[0], licensee_name: undefined }, { licensee_id: nimbus, field: 'Companion diagnostics', territory: 'EU', exclusive: false, licensee_name: undefined });
      assert.equal(bg.patent_family, 'WO2024/123456');
      assert.equal(bg.filing_on, day(-400));
      assert.equal(bg.expiry_on, day(6000));
      assert.deepEqual(await getOk(world, 'nbMember', a().ipAsset(bg)), bg);
    });

    it('joint foreground IP: shares of two parties summing to 100', async () => {
      joint = await postOk(world, 'nbMember', a().ipAssets, ipAssetBody(world, { title: 'Joint algorithm', kind: 'foreground', owner_party_id: null,
        shares: [{ organization_id: helix, percent: 60 }, { organization_id: nimbus, percent: 40 }] }));
      assert.equal(joint.owner_party_id, null);
      assert.deepEqual(joint.shares.map((s) => [s.organization_id, s.percent]).sort(), [[helix, 60], [nimbus, 40]].sort());
      const halves = await postOk(world, 'nbMember', a().ipAssets, ipAssetBody(world, { kind: 'foreground', owner_party_id: null,
        shares: [{ organization_id: helix, percent: 50.5 }, { organization_id: nimbus, percent: 49.5 }] }));
      assert.deepEqual(halves.shares.map((s) => s.percent).sort(), [49.5, 50.5]);
    });

    const jointBody = (shares, extra = {}) => ipAssetBody(world, { kind: 'foreground', owner_party_id: null, shares, ...extra });
    const CASES = [
      ['joint shares summing to 90', () => jointBody([{ organization_id: helix, percent: 50 }, { organization_id: nimbus, percent: 40 }]), 'shares'],
      ['joint shares summing to 110', () => jointBody([{ organization_id: helix, percent: 60 }, { organization_id: nimbus, percent: 50 }]), 'shares'],
      ['one party holding 100', () => jointBody([{ organization_id: helix, percent: 100 }]), 'shares'],
      ['the same party twice', () => jointBody([{ organization_id: helix, percent: 50 }, { organization_id: helix, percent: 50 }]), 'shares'],
      ['a share of 0', () => jointBody([{ organization_id: helix, percent: 0 }, { organization_id: nimbus, percent: 100 }]), 'shares'],
      ['a negative share', () => jointBody([{ organization_id: helix, percent: -10 }, { organization_id: nimbus, percent: 110 }]), 'shares'],
      ['a share of an organisation outside the alliance', () => jointBody([{ organization_id: helix, percent: 50 }, { organization_id: world.orgIds.outsider, percent: 50 }]), 'shares'],
      ['jointly owned without shares', () => jointBody([]), 'shares'],
      ['an owner and shares', () => ipAssetBody(world, { shares: [{ organization_id: helix, percent: 50 }, { organization_id: nimbus, percent: 50 }] }), 'shares'],
      ['an owner outside the alliance', () => ipAssetBody(world, { owner_party_id: world.orgIds.outsider }), 'owner_party_id'],
      ['a licensee outside the alliance', () => ipAssetBody(world, { licences: [{ licensee_id: world.orgIds.outsider, field: 'x', territory: 'EU', exclusive: true }] }), 'licences'],
      ['21 licences', () => ipAssetBody(world, { licences: Array.from({ length: 21 }, () => ({ licensee_id: nimbus, field: 'x', territory: 'EU', exclusive: false })) }), 'licences'],
      ['filing after expiry', () => ipAssetBody(world, { filing_on: day(10), expiry_on: day(9) }), 'expiry_on'],
      ['a bad kind', () => ipAssetBody(world, { kind: 'sideground' }), 'kind'],
      ['an empty title', () => ipAssetBody(world, { title: '' }), 'title'],
      ['a patent family over 200 characters', () => ipAssetBody(world, { patent_family: 'x'.repeat(201) }), 'patent_family'],
    ];
    for (const [what, body, field] of CASES) {
      it(`${what} → 422 on ${field}; nothing written`, async () => {
        const before = { audit: audit(), n: await listCount(world, 'phManager', a().ipAssets) };
        expectValidation(await world.as('phMember').post(a().ipAssets, body()), field);
        assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', a().ipAssets) }, before);
      });
    }

    it('20 licences are fine; PATCH shares (If-Match) to 70/30, not to 99; filters by kind and owner', async () => {
      const many = await postOk(world, 'phMember', a().ipAssets, ipAssetBody(world, {
        licences: Array.from({ length: 20 }, (_, i) => ({ licensee_id: nimbus, field: `Field ${i}`, territory: 'EU', exclusive: false })) }));
      assert.equal(many.licences.length, 20);
      const j = await patchOk(world, 'nbMember', a().ipAsset(joint), { shares: [{ organization_id: helix, percent: 70 }, { organization_id: nimbus, percent: 30 }] });
      assert.deepEqual(j.shares.map((s) => [s.organization_id, s.percent]).sort(), [[helix, 70], [nimbus, 30]].sort());
      const before = audit();
      expectValidation(await world.as('nbMember').patch(a().ipAsset(joint), { shares: [{ organization_id: helix, percent: 70 }, { organization_id: nimbus, percent: 29 }] },
        { ifMatch: j.version }), 'shares');
      assert.deepEqual(await getOk(world, 'nbMember', a().ipAsset(joint)), j);
      assert.equal(audit(), before);
      const fg = await listAll(world.as('phManager'), `${a().ipAssets}?kind=foreground`);
      assert.ok(fg.some((x) => x.id === joint.id) && fg.every((x) => x.kind === 'foreground') && !fg.some((x) => x.id === bg.id));
      const owned = await listAll(world.as('phManager'), `${a().ipAssets}?owner_party_id=${helix}`);
      assert.ok(owned.some((x) => x.id === bg.id) && owned.every((x) => x.owner_party_id === helix));
    });

    it('a party-private IP asset is invisible to the other party; viewers may not write', async () => {
      const p = await postOk(world, 'phManager', a().ipAssets, ipAssetBody(world, { title: 'Helix trade secret Norma', visibility: 'party' }));
      expectProblem(await world.as('nbMember').get(a().ipAsset(p)), 404, 'not-found');
      const list = await world.as('nbMember').get(a().ipAssets);
      assert.ok(!list.text.includes('Norma'));
      expectProblem(await world.as('phViewer').post(a().ipAssets, ipAssetBody(world)), 403, 'forbidden');
      const res = await world.as('phManager').del(a().ipAsset(p));
      assert.equal(res.status, 204, res.text);
    });
  });

  describe('the data register', () => {
    const a = () => r;
    let ds;

    it('a dataset with every field → 201; destruction due within 30 days is "due"', async () => {
      const res = await world.as('phMember').post(a().datasets, {
        name: 'Pilot cohort wearable data', description: '1,200 participants, 6 months.', agreement_id: XA.id, provider_id: helix, recipient_id: nimbus,
        purposes: ['Algorithm validation', 'Regulatory submission'], privacy_basis: 'de_identified', security_requirements: 'Encrypted at rest; EU hosting.',
        shared_on: day(-100), retention_until: day(300), destruction_due_on: day(20),
      });
      expectStatus(res, 201);
      ds = res.body;
      expectAccessRecord(ds, DATASET_FIELDS, 'dataset');
      expectShared(world, ds, { allianceId: R.id, author: 'phMember' });
      assert.equal(ds.name, 'Pilot cohort wearable data');
      assert.equal(ds.agreement_id, XA.id);
      assert.equal(ds.provider_id, helix);
      assert.equal(ds.provider_name, 'Helix Pharma');
      assert.equal(ds.recipient_id, nimbus);
      assert.equal(ds.recipient_name, 'Nimbus Health');
      assert.deepEqual(ds.purposes, ['Algorithm validation', 'Regulatory submission']);
      assert.equal(ds.privacy_basis, 'de_identified');
      assert.equal(ds.security_requirements, 'Encrypted at rest; EU hosting.');
      assert.equal(ds.shared_on, day(-100));
      assert.equal(ds.retention_until, day(300));
      assert.equal(ds.destruction_due_on, day(20));
      assert.equal(ds.destroyed_on, null);
      assert.equal(ds.destruction_evidence, null);
      assert.equal(ds.destruction_confirmed_by_name, null);
      assert.equal(ds.destruction_status, 'due');
      assert.deepEqual(await getOk(world, 'nbMember', a().dataset(ds)), ds);
    });

    it('destruction_status from the date: not_scheduled, scheduled, due (within 30 days), overdue', async () => {
      const cases = [[null, 'not_scheduled'], [31, 'scheduled'], [30, 'due'], [0, 'due'], [-1, 'overdue']];
      for (const [n, status] of cases) {
        const x = await postOk(world, 'phMember', a().datasets, datasetBody(world, { destruction_due_on: n === null ? null : day(n) }));
        assert.equal(x.destruction_status, status, `destruction due ${n === null ? 'never' : `day ${n}`}`);
      }
      for (const basis of ['consent', 'de_identified', 'anonymised', 'contract']) {
        assert.equal((await postOk(world, 'phMember', a().datasets, datasetBody(world, { privacy_basis: basis }))).privacy_basis, basis);
      }
    });

    const CASES = [
      ['provider and recipient the same', () => datasetBody(world, { recipient_id: helix }), 'recipient_id'],
      ['a provider outside the alliance', () => datasetBody(world, { provider_id: world.orgIds.outsider }), 'provider_id'],
      ['a recipient outside the alliance', () => datasetBody(world, { recipient_id: world.orgIds.outsider }), 'recipient_id'],
      ['no purposes', () => datasetBody(world, { purposes: [] }), 'purposes'],
      ['21 purposes', () => datasetBody(world, { purposes: Array.from({ length: 21 }, (_, i) => `Purpose ${i}`) }), 'purposes'],
      ['a bad privacy basis', () => datasetBody(world, { privacy_basis: 'pseudonymised' }), 'privacy_basis'],
      ['shared after the retention date', () => datasetBody(world, { shared_on: day(10), retention_until: day(9) }), 'retention_until'],
      ['shared after the destruction date', () => datasetBody(world, { shared_on: day(10), destruction_due_on: day(9) }), 'destruction_due_on'],
      ['an empty name', () => datasetBody(world, { name: '' }), 'name'],
      ['security requirements over 5000 characters', () => datasetBody(world, { security_requirements: 'x'.repeat(5001) }), 'security_requirements'],
      ['a destroyed_on given on create', () => datasetBody(world, { destroyed_on: day(-1) }), 'destroyed_on'],
    ];
    for (const [what, body, field] of CASES) {
      it(`${what} → 422 on ${field}; nothing written`, async () => {
        const before = { audit: audit(), n: await listCount(world, 'phManager', a().datasets) };
        expectValidation(await world.as('phMember').post(a().datasets, body()), field);
        assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', a().datasets) }, before);
      });
    }

    it('destruction: If-Match needed (428 / 412); only a writer of the recipient party (403 otherwise); not in the future; evidence required', async () => {
      const before = { audit: audit(), ds: await getOk(world, 'phManager', a().dataset(ds)) };
      const body = { destroyed_on: day(-1), evidence: 'Certificate of destruction #88' };
      expectProblem(await world.as('nbMember').post(a().destruction(ds), body), 428, 'precondition-required');
      expectProblem(await world.as('nbMember').post(a().destruction(ds), body, { ifMatch: stale(ds.version) }), 412, 'stale');
      for (const key of ['phManager', 'phMember', 'phViewer', 'phExec']) {
        expectProblem(await world.as(key).post(a().destruction(ds), body, { ifMatch: ds.version }), 403, 'forbidden');
      }
      expectProblem(await world.as('outsider').post(a().destruction(ds), body, { ifMatch: ds.version }), 404, 'not-found');
      expectValidation(await world.as('nbMember').post(a().destruction(ds), { destroyed_on: day(1), evidence: 'x' }, { ifMatch: ds.version }), 'destroyed_on');
      expectValidation(await world.as('nbMember').post(a().destruction(ds), { destroyed_on: day(-1), evidence: '' }, { ifMatch: ds.version }), 'evidence');
      expectValidation(await world.as('nbMember').post(a().destruction(ds), { destroyed_on: day(-1), evidence: 'x'.repeat(2001) }, { ifMatch: ds.version }), 'evidence');
      expectValidation(await world.as('nbMember').post(a().destruction(ds), { evidence: 'x' }, { ifMatch: ds.version }), 'destroyed_on');
      assert.deepEqual({ audit: audit(), ds: await getOk(world, 'phManager', a().dataset(ds)) }, before);
    });

    it('confirmed by the recipient → 200: confirmed, with the date, evidence and who; audited; a second time → 409', async () => {
      const res = await world.as('nbMember').post(a().destruction(ds), { destroyed_on: day(-1), evidence: 'Certificate of destruction #88' }, { ifMatch: ds.version });
      expectStatus(res, 200);
      assert.equal(res.body.destroyed_on, day(-1));
      assert.equal(res.body.destruction_evidence, 'Certificate of destruction #88');
      assert.equal(res.body.destruction_confirmed_by_name, world.person('nbMember').name);
      assert.equal(res.body.destruction_status, 'confirmed');
      assert.ok(res.body.version > ds.version);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      assert.deepEqual(await getOk(world, 'phViewer', a().dataset(ds)), res.body);
      ds = res.body;
      const events = await auditOf(world, 'phManager', R.id, ds.id);
      assert.ok(events.some((e) => JSON.stringify(e.changes).includes('Certificate of destruction #88')), JSON.stringify(events));
      const before = audit();
      expectProblem(await world.as('nbManager').post(a().destruction(ds), { destroyed_on: day(0), evidence: 'Again' }, { ifMatch: ds.version }), 409, 'conflict');
      assert.equal(audit(), before);
      assert.deepEqual(await getOk(world, 'phViewer', a().dataset(ds)), ds);
    });

    it('a manager of the recipient party may confirm too; a dataset without a destruction date may be confirmed', async () => {
      const x = await postOk(world, 'phMember', a().datasets, datasetBody(world, { destruction_due_on: null }));
      const res = await world.as('nbManager').post(a().destruction(x), { destroyed_on: today(), evidence: 'Wiped' }, { ifMatch: x.version });
      expectStatus(res, 200);
      assert.equal(res.body.destruction_status, 'confirmed');
    });

    it('a party-private dataset is invisible to the other party', async () => {
      const p = await postOk(world, 'phManager', a().datasets, datasetBody(world, { name: 'Helix internal copy Tucana', visibility: 'party', provider_id: nimbus, recipient_id: helix }));
      expectProblem(await world.as('nbManager').get(a().dataset(p)), 404, 'not-found');
      expectProblem(await world.as('nbManager').post(a().destruction(p), { destroyed_on: today(), evidence: 'x' }, { ifMatch: p.version }), 404, 'not-found');
      assert.ok(!(await world.as('nbManager').get(a().datasets)).text.includes('Tucana'));
    });
  });
});
