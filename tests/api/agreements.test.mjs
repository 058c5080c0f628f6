// Agreements (issue 6): create, read, list (filters, tree order, pages), update (If-Match), delete
// (409 while anything hangs off it), the tree rules (masters, sub-agreements, amendments, cycles),
// parties and dates, the terms as amended today and the amendment history, the audit trail, who
// may see and change an agreement, and the internal notes on it.
// The contract is docs/design/agreements-api.md ("Agreements", "Internal notes").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, ORGS, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { NO_SUCH_ID, stale, today, day, expectShared } from '../support/plan.mjs';
import { getOk, postOk, patchOk, listCount } from '../support/governance.mjs';
import {
  AGREEMENT_FIELDS, TERMS_FIELDS, AMENDMENT_ENTRY_FIELDS, NOTE_FIELDS, agr, agreementsAlliance, agreementBody, createAgreement,
  createObligation, createRestriction, expectAccessRecord, uploadOk, auditOf,
} from '../support/agreements.mjs';

const KINDS = ['cda', 'term_sheet', 'collaboration', 'license', 'co_development', 'co_commercialisation', 'data_sharing',
  'material_transfer', 'statement_of_work', 'supply', 'other'];
const STATUSES = ['draft', 'in_negotiation', 'signed', 'active', 'expired', 'terminated'];
const EXCLUSIVITIES = ['exclusive', 'non_exclusive', 'sole', 'none'];
const byOrg = (list) => [...list].sort((x, y) => (x.organization_id < y.organization_id ? -1 : 1));

describe('agreements', () => {
  let world;
  let server;
  let id;
  let a;
  let helix;
  let nimbus;

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
    a = agr(id);
    ({ helix, nimbus } = world.orgIds);
  });
  after(async () => { await world?.stop(); });

  const audit = () => server.count('audit_events');
  const create = (key, overrides = {}, allianceId = id) => createAgreement(world, key, allianceId, overrides);
  const get = (key, x, allianceId = id) => getOk(world, key, agr(allianceId).agreement(x));
  const list = (key, query = '', allianceId = id) => listAll(world.as(key), `${agr(allianceId).agreements}${query ? `?${query}` : ''}`);
  const parties = () => byOrg([{ organization_id: helix, organization_name: ORGS.helix.name },
    { organization_id: nimbus, organization_name: ORGS.nimbus.name }]);

  describe('create and read', () => {
    let full;

    it('POST with every field → 201: every field as sent or derived, and ETag', async () => {
      const res = await world.as('phMember').post(a.agreements, {
        title: 'Master Collaboration Agreement', kind: 'collaboration', relation: 'master', parent_id: null,
        party_ids: [helix, nimbus], status: 'active', signed_on: day(-30), effective_on: day(-20), expiry_on: day(700),
        notice_period_days: 180, governing_law: 'England and Wales', field: 'Digital biomarkers in oncology trials',
        territory: 'Worldwide', exclusivity: 'non_exclusive', summary: 'Joint development of a wearable-derived endpoint.',
        reminder_days: [120, 60, 14],
      });
      expectStatus(res, 201);
      full = res.body;
      expectAccessRecord(full, AGREEMENT_FIELDS, 'agreement');
      expectShared(world, full, { allianceId: id, author: 'phMember' });
      assert.equal(full.party_id, helix, 'the party defaults to the caller\'s organisation');
      assert.equal(full.party_name, 'Helix Pharma');
      assert.equal(full.title, 'Master Collaboration Agreement');
      assert.equal(full.kind, 'collaboration');
      assert.equal(full.relation, 'master');
      assert.equal(full.parent_id, null);
      assert.deepEqual([...full.party_ids].sort(), [helix, nimbus].sort());
      assert.deepEqual(byOrg(full.parties), parties());
      assert.equal(full.status, 'active');
      assert.equal(full.signed_on, day(-30));
      assert.equal(full.effective_on, day(-20));
      assert.equal(full.expiry_on, day(700));
      assert.equal(full.notice_period_days, 180);
      assert.equal(full.governing_law, 'England and Wales');
      assert.equal(full.field, 'Digital biomarkers in oncology trials');
      assert.equal(full.territory, 'Worldwide');
      assert.equal(full.exclusivity, 'non_exclusive');
      assert.equal(full.summary, 'Joint development of a wearable-derived endpoint.');
      assert.deepEqual(full.reminder_days, [120, 60, 14]);
      assert.deepEqual(full.term_changes, {}, 'a master has no term changes');
      assert.deepEqual(full.obligation_changes, []);
      assert.equal(full.notice_deadline, day(520), 'expiry − 180 days');
      expectKeysOf(full.as_amended, TERMS_FIELDS, 'as_amended');
      assert.deepEqual(full.as_amended, {
        expiry_on: day(700), notice_period_days: 180, governing_law: 'England and Wales',
        field: 'Digital biomarkers in oncology trials', territory: 'Worldwide', exclusivity: 'non_exclusive',
        notice_deadline: day(520), applied_amendment_ids: [],
      });
      assert.deepEqual(full.amendments, []);
      assert.equal(full.document_count, 0);
      assert.equal(full.obligation_count, 0);
      assert.equal(res.headers.get('etag'), `"${full.version}"`);
    });

    it('POST with the required fields only: the defaults', async () => {
      const res = await world.as('nbMember').post(a.agreements, { title: 'Mutual CDA', kind: 'cda', relation: 'master', party_ids: [nimbus] });
      expectStatus(res, 201);
      const x = res.body;
      expectAccessRecord(x, AGREEMENT_FIELDS, 'agreement');
      expectShared(world, x, { allianceId: id, author: 'nbMember' });
      assert.equal(x.party_id, nimbus);
      assert.equal(x.party_name, 'Nimbus Health');
      assert.equal(x.visibility, 'alliance');
      assert.equal(x.status, 'draft', 'a new agreement is a draft unless told otherwise');
      assert.deepEqual(x.parties, [{ organization_id: nimbus, organization_name: 'Nimbus Health' }]);
      for (const f of ['parent_id', 'signed_on', 'effective_on', 'expiry_on', 'notice_period_days', 'notice_deadline']) {
        assert.equal(x[f], null, f);
      }
      for (const f of ['governing_law', 'field', 'territory', 'summary']) assert.equal(x[f], '', f);
      assert.ok([null, 'none'].includes(x.exclusivity), `exclusivity ${x.exclusivity}`);
      assert.deepEqual(x.reminder_days, [90, 30], 'reminders 90 and 30 days before by default');
      assert.equal(x.as_amended.expiry_on, null);
      assert.equal(x.as_amended.notice_deadline, null);
      assert.deepEqual(x.as_amended.applied_amendment_ids, []);
      assert.deepEqual(x.amendments, []);
    });

    it('GET one returns the same record with its ETag to every member of both parties', async () => {
      for (const key of ['phViewer', 'phExec', 'nbManager', 'nbMember', 'phManager']) {
        const res = await world.as(key).get(a.agreement(full));
        expectStatus(res, 200);
        assert.deepEqual(res.body, full, key);
        assert.equal(res.headers.get('etag'), `"${full.version}"`);
      }
    });

    it('every kind, status and exclusivity is accepted; 200 characters of title and 10 000 of summary round-trip', async () => {
      for (const [i, kind] of KINDS.entries()) {
        const x = await create('phMember', { kind, status: STATUSES[i % STATUSES.length], exclusivity: EXCLUSIVITIES[i % 4] });
        assert.equal(x.kind, kind);
        assert.equal(x.status, STATUSES[i % STATUSES.length]);
        assert.equal(x.exclusivity, EXCLUSIVITIES[i % 4]);
      }
      const title = 'ü'.repeat(195) + 'Ωé🧪🧬x';
      assert.equal([...title].length, 200);
      const x = await create('phMember', { title, summary: 's'.repeat(10000), governing_law: 'g'.repeat(200), field: 'f'.repeat(1000),
        territory: 't'.repeat(500), notice_period_days: 3650, reminder_days: [730, 500, 100, 10, 1] });
      const got = await get('nbMember', x);
      assert.equal(got.title, title);
      assert.equal(got.summary.length, 10000);
      assert.equal(got.field.length, 1000);
      assert.equal(got.territory.length, 500);
      assert.equal(got.notice_period_days, 3650);
      assert.deepEqual(got.reminder_days, [730, 500, 100, 10, 1]);
      const none = await create('phMember', { reminder_days: [] });
      assert.deepEqual(none.reminder_days, [], 'no reminders at all is allowed (0..5)');
      const zero = await create('phMember', { notice_period_days: 0, expiry_on: day(50) });
      assert.equal(zero.notice_deadline, day(50), 'no notice period: the deadline is the expiry');
    });

    it('dates: equal effective and expiry dates are fine; signing after the effective date is fine; the notice deadline needs both', async () => {
      // Signing still to come: a draft (a signed or active agreement was signed by today).
      const same = await create('phMember', { status: 'draft', effective_on: day(10), expiry_on: day(10), signed_on: day(10) });
      assert.equal(same.expiry_on, day(10));
      const late = await create('phMember', { status: 'in_negotiation', signed_on: day(5), effective_on: day(-5), expiry_on: day(30) });
      assert.equal(late.signed_on, day(5));
      const noNotice = await create('phMember', { expiry_on: day(30) });
      assert.equal(noNotice.notice_deadline, null, 'without a notice period');
      const noExpiry = await create('phMember', { notice_period_days: 30 });
      assert.equal(noExpiry.notice_deadline, null, 'without an expiry');
      const x = await create('phMember', { expiry_on: '2027-03-01', notice_period_days: 1 });
      assert.equal(x.notice_deadline, '2027-02-28', 'calendar arithmetic across the end of February');
    });
  });

  describe('parties and dates are validated; nothing is written', () => {
    const base = () => agreementBody(world);
    const CASES = [
      ['a party that is not in the alliance', () => ({ ...base(), party_ids: [world.orgIds.outsider] }), 'party_ids', 'not a party of this alliance'],
      ['an unknown organisation', () => ({ ...base(), party_ids: [helix, NO_SUCH_ID] }), 'party_ids', 'not a party of this alliance'],
      ['no parties', () => ({ ...base(), party_ids: [] }), 'party_ids'],
      ['effective after expiry', () => ({ ...base(), effective_on: day(20), expiry_on: day(19) }), 'expiry_on', 'dates out of order'],
      ['signed after expiry', () => ({ ...base(), signed_on: day(40), expiry_on: day(30) }), 'expiry_on', 'dates out of order'],
      ['a date that does not exist', () => ({ ...base(), signed_on: '2026-02-30' }), 'signed_on'],
      ['signed tomorrow, as signed', () => ({ ...base(), status: 'signed', signed_on: day(1) }), 'signed_on', 'in the future'],
      ['signed next month, as active', () => ({ ...base(), status: 'active', signed_on: day(30) }), 'signed_on', 'in the future'],
      ['a title that is empty', () => ({ ...base(), title: '' }), 'title'],
      ['a title over 200 characters', () => ({ ...base(), title: 'x'.repeat(201) }), 'title'],
      ['a bad kind', () => ({ ...base(), kind: 'nda' }), 'kind'],
      ['a bad relation', () => ({ ...base(), relation: 'umbrella' }), 'relation'],
      ['a bad status', () => ({ ...base(), status: 'pending' }), 'status'],
      ['a bad exclusivity', () => ({ ...base(), exclusivity: 'partial' }), 'exclusivity'],
      ['a notice period of 3651 days', () => ({ ...base(), notice_period_days: 3651 }), 'notice_period_days'],
      ['a negative notice period', () => ({ ...base(), notice_period_days: -1 }), 'notice_period_days'],
      ['a reminder of 0 days', () => ({ ...base(), reminder_days: [0] }), 'reminder_days'],
      ['a reminder of 731 days', () => ({ ...base(), reminder_days: [731] }), 'reminder_days'],
      ['six reminders', () => ({ ...base(), reminder_days: [60, 50, 40, 30, 20, 10] }), 'reminder_days'],
      ['governing law over 200 characters', () => ({ ...base(), governing_law: 'x'.repeat(201) }), 'governing_law'],
      ['a field over 1000 characters', () => ({ ...base(), field: 'x'.repeat(1001) }), 'field'],
      ['a territory over 500 characters', () => ({ ...base(), territory: 'x'.repeat(501) }), 'territory'],
      ['a summary over 10000 characters', () => ({ ...base(), summary: 'x'.repeat(10001) }), 'summary'],
      ['term changes on a master', () => ({ ...base(), term_changes: { expiry_on: day(900) } }), 'term_changes'],
      ['obligation changes on a master', () => ({ ...base(), obligation_changes: [{ obligation_id: NO_SUCH_ID, change: 'x' }] }), 'obligation_changes'],
    ];
    for (const [what, body, field, phrase] of CASES) {
      it(`${what} → 422 on ${field}`, async () => {
        const before = { audit: audit(), n: await listCount(world, 'phManager', a.agreements) };
        const p = expectValidation(await world.as('phMember').post(a.agreements, body()), field);
        if (phrase) {
          const e = p.errors.find((x) => x.field === field || x.field.startsWith(`${field}[`) || x.field.startsWith(`${field}.`));
          assert.ok(e.message.toLowerCase().includes(phrase), `the message says "${phrase}": ${JSON.stringify(p.errors)}`);
        }
        assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', a.agreements) }, before);
      });
    }

    it('PATCH that puts the dates out of order → 422 on expiry_on; the record is unchanged', async () => {
      const x = await create('phMember', { effective_on: day(10), expiry_on: day(100) });
      const before = audit();
      let p = expectValidation(await world.as('phMember').patch(a.agreement(x), { expiry_on: day(9) }, { ifMatch: x.version }), 'expiry_on');
      assert.ok(JSON.stringify(p.errors).includes('dates out of order'), JSON.stringify(p.errors));
      p = expectValidation(await world.as('phMember').patch(a.agreement(x), { effective_on: day(101) }, { ifMatch: x.version }), 'expiry_on');
      expectValidation(await world.as('phMember').patch(a.agreement(x), { party_ids: [world.orgIds.outsider] }, { ifMatch: x.version }), 'party_ids');
      assert.deepEqual(await get('phMember', x), x);
      assert.equal(audit(), before);
    });
  });

  describe('the tree: masters, sub-agreements and amendments', () => {
    let M;
    let S;
    let S2;
    let A;

    before(async () => {
      M = await create('phManager', { title: 'Tree master' });
      S = await create('phManager', { title: 'Tree SOW 1', kind: 'statement_of_work', relation: 'sub_agreement', parent_id: M.id });
      S2 = await create('nbMember', { title: 'Tree SOW 1.1', kind: 'statement_of_work', relation: 'sub_agreement', parent_id: S.id });
      A = await create('phManager', { title: 'Tree amendment 1', kind: 'other', relation: 'amendment', parent_id: M.id, status: 'draft' });
    });

    it('a sub-agreement and an amendment name their parent; a sub-agreement may hang under a sub-agreement', async () => {
      assert.equal(S.parent_id, M.id);
      assert.equal(S.relation, 'sub_agreement');
      assert.equal(S2.parent_id, S.id);
      assert.equal(A.parent_id, M.id);
      assert.equal(A.relation, 'amendment');
      assert.deepEqual(A.term_changes, {});
      assert.deepEqual(A.obligation_changes, []);
    });

    const refuse = async (what, body, field, phrase) => {
      const before = { audit: audit(), n: await listCount(world, 'phManager', a.agreements) };
      const p = expectValidation(await world.as('phManager').post(a.agreements, agreementBody(world, body)), field);
      if (phrase) assert.ok(JSON.stringify(p.errors).toLowerCase().includes(phrase), `${what}: ${JSON.stringify(p.errors)}`);
      assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', a.agreements) }, before, `${what}: nothing written`);
    };

    it('a sub-agreement or an amendment without a parent → 422 on parent_id', async () => {
      await refuse('sub without parent', { relation: 'sub_agreement', parent_id: null }, 'parent_id');
      await refuse('amendment without parent', { relation: 'amendment' }, 'parent_id');
    });

    it('a master with a parent → 422 on parent_id', async () => {
      await refuse('master with parent', { relation: 'master', parent_id: M.id }, 'parent_id');
    });

    it('nothing hangs under an amendment → 422 on parent_id', async () => {
      await refuse('sub under amendment', { relation: 'sub_agreement', parent_id: A.id }, 'parent_id');
      await refuse('amendment under amendment', { relation: 'amendment', parent_id: A.id }, 'parent_id');
    });

    it('a parent that does not exist, or lives in another alliance → 422 on parent_id', async () => {
      await refuse('unknown parent', { relation: 'sub_agreement', parent_id: NO_SUCH_ID }, 'parent_id');
      const other = await agreementsAlliance(world, 'Tree other alliance');
      const foreign = await create('phManager', { title: 'Foreign master' }, other.id);
      await refuse('foreign parent', { relation: 'sub_agreement', parent_id: foreign.id }, 'parent_id');
    });

    it('a parent the caller cannot read → 422, without naming it', async () => {
      const hidden = await create('phManager', { title: 'Helix hidden master Octans', visibility: 'party' });
      const before = audit();
      const res = await world.as('nbManager').post(a.agreements, agreementBody(world, { relation: 'sub_agreement', parent_id: hidden.id }));
      expectValidation(res, 'parent_id');
      assert.ok(!res.text.includes('Octans'), res.text);
      assert.equal(audit(), before);
    });

    it('PATCH that would make a cycle → 422 "would create a cycle"; nothing changes', async () => {
      const before = { audit: audit(), M: await get('phManager', M), S: await get('phManager', S) };
      let p = expectValidation(await world.as('phManager').patch(a.agreement(M), { relation: 'sub_agreement', parent_id: S2.id },
        { ifMatch: before.M.version }), 'parent_id');
      assert.ok(JSON.stringify(p.errors).includes('would create a cycle'), JSON.stringify(p.errors));
      p = expectValidation(await world.as('phManager').patch(a.agreement(S), { parent_id: S.id }, { ifMatch: before.S.version }), 'parent_id');
      p = expectValidation(await world.as('phManager').patch(a.agreement(S), { parent_id: S2.id }, { ifMatch: before.S.version }), 'parent_id');
      assert.ok(JSON.stringify(p.errors).includes('would create a cycle'), JSON.stringify(p.errors));
      assert.deepEqual({ audit: audit(), M: await get('phManager', M), S: await get('phManager', S) }, before);
    });

    it('PATCH that turns an agreement with children into an amendment → 422; nothing changes', async () => {
      const cur = await get('phManager', S);
      const before = audit();
      expectValidation(await world.as('phManager').patch(a.agreement(S), { relation: 'amendment' }, { ifMatch: cur.version }));
      assert.deepEqual(await get('phManager', S), cur);
      assert.equal(audit(), before);
    });

    it('a sub-agreement may move to another parent of the alliance', async () => {
      const M2 = await create('phManager', { title: 'Tree master two' });
      const moved = await patchOk(world, 'nbMember', a.agreement(S2), { parent_id: M2.id });
      assert.equal(moved.parent_id, M2.id);
      S2 = moved;
    });
  });

  describe('the terms as amended today, and the amendment history', () => {
    let M;
    const am = {};
    const amend = (key, title, body) => create(key, { title, kind: 'other', relation: 'amendment', parent_id: M.id, ...body });

    before(async () => {
      M = await create('phManager', {
        title: 'Licence to be amended', kind: 'license', status: 'active', effective_on: day(-300), expiry_on: day(400),
        notice_period_days: 90, governing_law: 'England and Wales', field: 'Oncology', territory: 'EU', exclusivity: 'exclusive',
      });
      assert.equal(M.notice_deadline, day(310));
      // created in the order of their dates: the history order is the same by either reading
      am.A1 = await amend('phManager', 'Amendment 1: extension', { status: 'signed', effective_on: day(-10), term_changes: { expiry_on: day(700), notice_period_days: 30 } });
      am.A2 = await amend('nbManager', 'Amendment 2: territory (draft)', { status: 'draft', effective_on: day(-5), term_changes: { territory: 'Worldwide' } });
      am.A4 = await amend('phManager', 'Amendment 3: exclusivity', { status: 'active', signed_on: day(-3), term_changes: { exclusivity: 'non_exclusive', expiry_on: day(800) } });
      am.A3 = await amend('phManager', 'Amendment 4: law (future)', { status: 'signed', effective_on: day(20), term_changes: { governing_law: 'New York' } });
    });

    it('only signed/active amendments in force today are applied, in date order; the notice deadline follows', async () => {
      const got = await get('nbMember', M);
      assert.equal(got.expiry_on, day(400), 'the agreement\'s own expiry is unchanged');
      assert.equal(got.notice_period_days, 90);
      assert.deepEqual(got.as_amended, {
        expiry_on: day(800), notice_period_days: 30, governing_law: 'England and Wales', field: 'Oncology', territory: 'EU',
        exclusivity: 'non_exclusive', notice_deadline: day(770), applied_amendment_ids: [am.A1.id, am.A4.id],
      });
      assert.equal(got.notice_deadline, day(770), 'notice_deadline is as amended');
    });

    it('the history lists every amendment oldest first, with in_force', async () => {
      const got = await get('phViewer', M);
      assert.deepEqual(got.amendments.map((x) => x.id), [am.A1.id, am.A2.id, am.A4.id, am.A3.id]);
      for (const x of got.amendments) expectKeysOf(x, AMENDMENT_ENTRY_FIELDS, 'amendment entry');
      assert.deepEqual(got.amendments[0], {
        id: am.A1.id, title: 'Amendment 1: extension', status: 'signed', effective_on: day(-10),
        term_changes: { expiry_on: day(700), notice_period_days: 30 }, obligation_changes: [], in_force: true,
      });
      assert.deepEqual(got.amendments.map((x) => x.in_force), [true, false, true, false]);
      assert.equal(got.amendments[1].status, 'draft');
      assert.equal(got.amendments[2].effective_on, null);
      assert.deepEqual(got.amendments[3].term_changes, { governing_law: 'New York' });
    });

    it('an amendment with an earlier date applies first, whatever the order it was written in', async () => {
      am.A5 = await amend('phManager', 'Amendment 0: early extension', { status: 'signed', effective_on: day(-20), term_changes: { expiry_on: day(500) } });
      const got = await get('phManager', M);
      assert.deepEqual(got.as_amended.applied_amendment_ids, [am.A5.id, am.A1.id, am.A4.id]);
      assert.equal(got.as_amended.expiry_on, day(800), 'the latest in force (day −3) wins, not the last written');
      assert.equal(got.amendments.length, 5);
      assert.equal(got.amendments.find((x) => x.id === am.A5.id).in_force, true);
    });

    it('when a future amendment\'s date moves to yesterday and a draft is signed, both apply', async () => {
      await patchOk(world, 'phManager', a.agreement(am.A3), { effective_on: day(-1) });
      await patchOk(world, 'nbManager', a.agreement(am.A2), { status: 'signed' });
      const got = await get('nbManager', M);
      assert.deepEqual(got.as_amended, {
        expiry_on: day(800), notice_period_days: 30, governing_law: 'New York', field: 'Oncology', territory: 'Worldwide',
        exclusivity: 'non_exclusive', notice_deadline: day(770), applied_amendment_ids: [am.A5.id, am.A1.id, am.A2.id, am.A4.id, am.A3.id],
      });
      assert.ok(got.amendments.every((x) => x.in_force), JSON.stringify(got.amendments));
    });

    it('a terminated amendment no longer applies', async () => {
      await patchOk(world, 'phManager', a.agreement(am.A4), { status: 'terminated' });
      const got = await get('phManager', M);
      assert.equal(got.as_amended.expiry_on, day(700), 'A1 (day −10) is now the latest extension in force');
      assert.equal(got.as_amended.exclusivity, 'exclusive');
      assert.equal(got.as_amended.notice_deadline, day(670));
      assert.ok(!got.as_amended.applied_amendment_ids.includes(am.A4.id));
      assert.equal(got.amendments.find((x) => x.id === am.A4.id).in_force, false);
    });

    it('term_changes accept only the listed terms, and must be valid values', async () => {
      const before = { audit: audit(), n: await listCount(world, 'phManager', a.agreements) };
      const bad = [
        [{ title: 'New title' }, 'term_changes'],
        [{ expiry_on: '2027-13-01' }, 'term_changes'],
        [{ notice_period_days: 4000 }, 'term_changes'],
        [{ exclusivity: 'partial' }, 'term_changes'],
      ];
      for (const [changes, field] of bad) {
        expectValidation(await world.as('phManager').post(a.agreements, agreementBody(world, { relation: 'amendment', parent_id: M.id, term_changes: changes })), field);
      }
      assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', a.agreements) }, before);
    });

    it('obligation_changes name obligations of the parent; they show on the obligation as amended_by', async () => {
      const ob = await createObligation(world, 'phManager', id, M, { title: 'Quarterly development report' });
      const otherMaster = await create('phManager', { title: 'Unrelated master' });
      const foreign = await createObligation(world, 'phManager', id, otherMaster, { title: 'Unrelated report' });
      const sub = await create('phManager', { relation: 'sub_agreement', parent_id: M.id });
      const before = { audit: audit(), n: await listCount(world, 'phManager', a.agreements) };
      expectValidation(await world.as('phManager').post(a.agreements, agreementBody(world, { relation: 'amendment', parent_id: M.id,
        obligation_changes: [{ obligation_id: foreign.id, change: 'Semi-annual instead' }] })), 'obligation_changes');
      expectValidation(await world.as('phManager').post(a.agreements, agreementBody(world, { relation: 'amendment', parent_id: M.id,
        obligation_changes: [{ obligation_id: ob.id, change: '' }] })), 'obligation_changes');
      expectValidation(await world.as('phManager').post(a.agreements, agreementBody(world, { relation: 'amendment', parent_id: M.id,
        obligation_changes: [{ obligation_id: ob.id, change: 'x'.repeat(1001) }] })), 'obligation_changes');
      expectValidation(await world.as('phManager').patch(a.agreement(sub), { obligation_changes: [{ obligation_id: ob.id, change: 'x' }] },
        { ifMatch: sub.version }), 'obligation_changes');
      expectValidation(await world.as('phManager').patch(a.agreement(sub), { term_changes: { field: 'x' } }, { ifMatch: sub.version }), 'term_changes');
      assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', a.agreements) }, before);

      const A6 = await amend('phManager', 'Amendment 6: reporting cadence', { status: 'signed', effective_on: day(-2),
        obligation_changes: [{ obligation_id: ob.id, change: 'The report becomes semi-annual.' }] });
      assert.deepEqual(A6.obligation_changes, [{ obligation_id: ob.id, change: 'The report becomes semi-annual.' }]);
      const got = await getOk(world, 'nbMember', a.obligation(ob));
      assert.deepEqual(got.amended_by, [{ agreement_id: A6.id, title: 'Amendment 6: reporting cadence', change: 'The report becomes semi-annual.' }]);
      const entry = (await get('nbMember', M)).amendments.find((x) => x.id === A6.id);
      assert.deepEqual(entry.obligation_changes, [{ obligation_id: ob.id, change: 'The report becomes semi-annual.' }]);
      assert.equal((await getOk(world, 'nbMember', a.obligation(foreign))).amended_by.length, 0);
    });

    it('a party-private amendment is not in the other party\'s history', async () => {
      const M2 = await create('phManager', { title: 'Master with a private amendment' });
      const shared = await create('phManager', { title: 'Shared amendment', relation: 'amendment', parent_id: M2.id, status: 'draft' });
      const priv = await create('phManager', { title: 'Helix-only amendment Lacerta', relation: 'amendment', parent_id: M2.id,
        status: 'draft', visibility: 'party' });
      assert.deepEqual((await get('phManager', M2)).amendments.map((x) => x.id), [shared.id, priv.id]);
      const nb = await world.as('nbManager').get(a.agreement(M2));
      expectStatus(nb, 200);
      assert.deepEqual(nb.body.amendments.map((x) => x.id), [shared.id]);
      assert.ok(!nb.text.includes('Lacerta') && !nb.text.includes(priv.id), 'nothing of the private amendment');
    });
  });

  describe('update, versions, who may write, delete', () => {
    let x;
    before(async () => { x = await create('phMember', { title: 'Term sheet Vega', kind: 'term_sheet', status: 'draft' }); });

    it('PATCH with If-Match → 200, the changes, a new version and ETag', async () => {
      const res = await world.as('phMember').patch(a.agreement(x), { title: 'Term sheet Vega (agreed)', status: 'signed', signed_on: day(0) },
        { ifMatch: x.version });
      expectStatus(res, 200);
      assert.equal(res.body.title, 'Term sheet Vega (agreed)');
      assert.equal(res.body.status, 'signed');
      assert.equal(res.body.signed_on, today());
      assert.equal(res.body.kind, 'term_sheet', 'untouched fields stay');
      assert.equal(res.body.created_at, x.created_at);
      assert.ok(res.body.version > x.version);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      assert.deepEqual(await get('nbMember', x), res.body);
      x = res.body;
    });

    it('missing If-Match → 428; stale → 412; nothing changes', async () => {
      const before = audit();
      expectProblem(await world.as('phMember').patch(a.agreement(x), { title: 'Overwrite' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(a.agreement(x), { title: 'Overwrite' }, { ifMatch: stale(x.version) }), 412, 'stale');
      assert.deepEqual(await get('phMember', x), x);
      assert.equal(audit(), before);
    });

    it('viewers and executives may not create (403); outsiders 404; signed out 401; nothing written', async () => {
      const before = { audit: audit(), n: await listCount(world, 'phManager', a.agreements) };
      for (const key of ['phViewer', 'phExec']) {
        expectStatus(await world.as(key).get(a.agreements), 200);
        expectProblem(await world.as(key).post(a.agreements, agreementBody(world)), 403, 'forbidden');
      }
      for (const key of ['outsider', 'phBystander']) {
        expectProblem(await world.as(key).get(a.agreements), 404, 'not-found');
        expectProblem(await world.as(key).post(a.agreements, agreementBody(world)), 404, 'not-found');
        expectProblem(await world.as(key).get(a.agreement(x)), 404, 'not-found');
      }
      expectProblem(await world.anon().get(a.agreements), 401, 'unauthenticated');
      expectProblem(await world.anon().post(a.agreements, agreementBody(world)), 401, 'unauthenticated');
      assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', a.agreements) }, before);
    });

    it('only the author or a manager of the owning party may change or delete (403 for others)', async () => {
      const before = audit();
      for (const key of ['phViewer', 'phExec', 'nbManager', 'nbMember']) {
        expectProblem(await world.as(key).patch(a.agreement(x), { title: 'Hijack' }, { ifMatch: x.version }), 403, 'forbidden');
        expectProblem(await world.as(key).del(a.agreement(x)), 403, 'forbidden');
      }
      assert.equal(audit(), before);
      const byManager = await create('phManager', { title: 'Manager-owned' });
      const before2 = audit();
      expectProblem(await world.as('phMember').patch(a.agreement(byManager), { title: 'x' }, { ifMatch: byManager.version }), 403, 'forbidden');
      expectProblem(await world.as('phMember').del(a.agreement(byManager)), 403, 'forbidden');
      assert.equal(audit(), before2);
      assert.deepEqual(await get('phManager', byManager), byManager);
      x = await patchOk(world, 'phManager', a.agreement(x), { summary: 'Reviewed by the alliance manager.' });
      assert.equal(x.summary, 'Reviewed by the alliance manager.');
    });

    it('DELETE with a sub-agreement, an amendment, an obligation, a restriction or a document → 409; nothing changes', async () => {
      const cases = [
        ['a sub-agreement', async (p) => create('phManager', { relation: 'sub_agreement', parent_id: p.id })],
        ['an amendment', async (p) => create('phManager', { relation: 'amendment', parent_id: p.id, status: 'draft' })],
        ['an obligation', async (p) => createObligation(world, 'phManager', id, p)],
        ['a restriction', async (p) => createRestriction(world, 'phManager', id, p)],
        ['a document', async (p) => uploadOk(world, 'phManager', id, p, 'minutes.txt', Buffer.from('Signed minutes of the kick-off.\n'), { contentType: 'text/plain' })],
      ];
      for (const [what, attach] of cases) {
        const p = await create('phManager', { title: `Parent with ${what}` });
        await attach(p);
        const before = { audit: audit(), n: await listCount(world, 'phManager', a.agreements), p: await get('phManager', p) };
        expectProblem(await world.as('phManager').del(a.agreement(p)), 409, 'conflict');
        assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', a.agreements), p: await get('phManager', p) }, before, what);
      }
    });

    it('the counts follow what hangs off the agreement', async () => {
      const p = await create('phManager', { title: 'Counted agreement' });
      await createObligation(world, 'phManager', id, p);
      await createObligation(world, 'nbMember', id, p);
      await uploadOk(world, 'phManager', id, p, 'scope.txt', Buffer.from('Scope of work.\n'), { contentType: 'text/plain' });
      const got = await get('nbMember', p);
      assert.equal(got.obligation_count, 2);
      assert.equal(got.document_count, 1);
    });

    it('DELETE of a leaf → 204, then 404; gone from the list; once its sub-agreement is gone the parent may go too', async () => {
      const p = await create('phMember', { title: 'Short-lived master' });
      const c = await create('phMember', { title: 'Short-lived SOW', relation: 'sub_agreement', parent_id: p.id });
      expectProblem(await world.as('phMember').del(a.agreement(p)), 409, 'conflict');
      let res = await world.as('phMember').del(a.agreement(c));
      assert.equal(res.status, 204, res.text);
      expectProblem(await world.as('phMember').get(a.agreement(c)), 404, 'not-found');
      expectProblem(await world.as('phMember').del(a.agreement(c)), 404, 'not-found');
      res = await world.as('phManager').del(a.agreement(p));
      assert.equal(res.status, 204, res.text);
      const items = await list('phManager');
      assert.ok(!items.some((y) => y.id === p.id || y.id === c.id));
    });
  });

  describe('the audit trail', () => {
    it('creation, update (before/after) and deletion are events on the agreement, for both parties', async () => {
      let x = await create('phMember', { title: 'Audited SOW', status: 'draft' });
      x = await patchOk(world, 'phMember', a.agreement(x), { title: 'Audited SOW v2', status: 'in_negotiation' });
      const res = await world.as('phMember').del(a.agreement(x));
      assert.equal(res.status, 204, res.text);
      for (const key of ['phManager', 'nbManager']) {
        const events = await auditOf(world, key, id, x.id);
        assert.deepEqual(events.map((e) => e.action).sort(), ['create', 'delete', 'update'], `${key}: ${JSON.stringify(events)}`);
        const upd = events.find((e) => e.action === 'update');
        assert.deepEqual(upd.changes.title, { before: 'Audited SOW', after: 'Audited SOW v2' });
        assert.deepEqual(upd.changes.status, { before: 'draft', after: 'in_negotiation' });
        assert.ok(!('kind' in upd.changes), 'unchanged fields are not in the event');
        for (const e of events) {
          assert.equal(e.actor_id, world.person('phMember').id);
          assert.equal(e.actor_name, world.person('phMember').name);
          assert.equal(typeof e.record_type, 'string');
        }
      }
    });

    it('the events of a party-private agreement are not in the other party\'s trail', async () => {
      let x = await create('phManager', { title: 'Helix walk-away terms Mensa', visibility: 'party' });
      x = await patchOk(world, 'phManager', a.agreement(x), { summary: 'Mensa floor price' });
      assert.ok((await auditOf(world, 'phViewer', id, x.id)).length >= 2);
      const nimbus = JSON.stringify(await listAll(world.as('nbManager'), a.audit));
      assert.ok(!nimbus.includes(x.id) && !nimbus.includes('Mensa'), 'nothing of it in Nimbus\'s audit trail');
    });
  });

  describe('visibility', () => {
    let priv;
    let restricted;
    before(async () => {
      priv = await create('phManager', { title: 'Helix negotiation mandate Aquila', visibility: 'party' });
      restricted = await create('phManager', { title: 'Side letter Carina', visibility: 'restricted', readers: [world.person('nbMember').id] });
    });

    it('a party-private agreement: 404 to the other party on every route, absent from its lists; readable by the own party', async () => {
      for (const key of ['nbManager', 'nbMember']) {
        expectProblem(await world.as(key).get(a.agreement(priv)), 404, 'not-found');
        expectProblem(await world.as(key).patch(a.agreement(priv), { title: 'x' }, { ifMatch: priv.version }), 404, 'not-found');
        expectProblem(await world.as(key).del(a.agreement(priv)), 404, 'not-found');
        expectProblem(await world.as(key).get(a.notes(priv)), 404, 'not-found');
        expectProblem(await world.as(key).post(a.notes(priv), { body: 'x' }), 404, 'not-found');
        expectProblem(await world.as(key).get(a.documents(priv)), 404, 'not-found');
        const items = await list(key);
        assert.ok(!items.some((y) => y.id === priv.id), `${key}: not in the list`);
        assert.ok(!JSON.stringify(items).includes('Aquila'));
        for (const q of ['relation=master', 'status=active', 'kind=collaboration']) {
          assert.ok(!(await list(key, q)).some((y) => y.id === priv.id), `${key}: not in ?${q}`);
        }
      }
      for (const key of ['phViewer', 'phExec', 'phMember']) {
        const got = await get(key, priv);
        assert.equal(got.visibility, 'party');
        assert.ok((await list(key)).some((y) => y.id === priv.id), `${key} lists it`);
      }
    });

    it('a restricted agreement: its reader and the author see it; others do not', async () => {
      assert.equal((await get('nbMember', restricted)).id, restricted.id);
      assert.equal((await get('phManager', restricted)).id, restricted.id);
      for (const key of ['nbManager', 'phViewer']) {
        expectProblem(await world.as(key).get(a.agreement(restricted)), 404, 'not-found');
        assert.ok(!(await list(key)).some((y) => y.id === restricted.id), key);
      }
    });
  });

  describe('internal notes', () => {
    let ag;
    let note;
    before(async () => { ag = await create('phManager', { title: 'Agreement with notes' }); });

    it('POST → 201: party-private by default, on the agreement', async () => {
      const res = await world.as('phMember').post(a.notes(ag), { body: 'Our fallback on the royalty stack is 4%.' });
      expectStatus(res, 201);
      note = res.body;
      expectAccessRecord(note, NOTE_FIELDS, 'agreement note');
      expectShared(world, note, { allianceId: id, author: 'phMember', visibility: 'party' });
      assert.equal(note.agreement_id, ag.id);
      assert.equal(note.body, 'Our fallback on the royalty stack is 4%.');
      assert.equal(note.party_id, helix);
      assert.equal(res.headers.get('etag'), `"${note.version}"`);
    });

    it('the other party neither sees nor lists a party note; an alliance note is shared', async () => {
      expectProblem(await world.as('nbManager').patch(a.note(ag, note), { body: 'x' }, { ifMatch: note.version }), 404, 'not-found');
      expectProblem(await world.as('nbManager').del(a.note(ag, note)), 404, 'not-found');
      const nb = await world.as('nbManager').get(a.notes(ag));
      expectStatus(nb, 200);
      assert.ok(!nb.text.includes(note.id) && !nb.text.includes('royalty stack'), nb.text);
      const shared = await postOk(world, 'phMember', a.notes(ag), { body: 'Both sides agree the kick-off date.', visibility: 'alliance' });
      assert.ok((await listAll(world.as('nbManager'), a.notes(ag))).some((n) => n.id === shared.id));
      const theirs = await postOk(world, 'nbMember', a.notes(ag), { body: 'Nimbus view: push for co-exclusivity.' });
      assert.equal(theirs.visibility, 'party');
      assert.equal(theirs.party_id, nimbus);
      const helixList = await listAll(world.as('phManager'), a.notes(ag));
      assert.deepEqual(helixList.map((n) => n.id).sort(), [note.id, shared.id].sort());
      assert.deepEqual((await listAll(world.as('phViewer'), a.notes(ag))).map((n) => n.id).sort(), [note.id, shared.id].sort());
    });

    it('PATCH (If-Match) by the author; 428 / 412; a colleague who is not the author and not a manager → 403', async () => {
      expectProblem(await world.as('phMember').patch(a.note(ag, note), { body: 'x' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(a.note(ag, note), { body: 'x' }, { ifMatch: stale(note.version) }), 412, 'stale');
      expectProblem(await world.as('phViewer').patch(a.note(ag, note), { body: 'x' }, { ifMatch: note.version }), 403, 'forbidden');
      const res = await world.as('phMember').patch(a.note(ag, note), { body: 'Fallback is 4.5%.' }, { ifMatch: note.version });
      expectStatus(res, 200);
      assert.equal(res.body.body, 'Fallback is 4.5%.');
      assert.ok(res.body.version > note.version);
      note = res.body;
    });

    it('bad bodies → 422 on body; nothing written', async () => {
      const before = { audit: audit(), n: await listCount(world, 'phManager', a.notes(ag)) };
      expectValidation(await world.as('phMember').post(a.notes(ag), { body: '' }), 'body');
      expectValidation(await world.as('phMember').post(a.notes(ag), { body: 'x'.repeat(10001) }), 'body');
      expectValidation(await world.as('phMember').post(a.notes(ag), { body: 'x', visibility: 'secret' }), 'visibility');
      expectValidation(await world.as('phMember').patch(a.note(ag, note), { body: '' }, { ifMatch: note.version }), 'body');
      assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', a.notes(ag)) }, before);
      const long = await postOk(world, 'phMember', a.notes(ag), { body: 'y'.repeat(10000) });
      assert.equal(long.body.length, 10000);
    });

    it('DELETE → 204 then 404; a viewer may not write notes (403)', async () => {
      expectProblem(await world.as('phViewer').post(a.notes(ag), { body: 'x' }), 403, 'forbidden');
      const res = await world.as('phMember').del(a.note(ag, note));
      assert.equal(res.status, 204, res.text);
      assert.ok(!(await listAll(world.as('phMember'), a.notes(ag))).some((n) => n.id === note.id), 'gone from the list');
      expectProblem(await world.as('phMember').del(a.note(ag, note)), 404, 'not-found');
    });
  });

  describe('the list: filters, tree order, pages', () => {
    let L;
    const t = {};
    before(async () => {
      L = await agreementsAlliance(world, 'Agreements list alliance');
      const mk = async (key, name, body) => { t[name] = await create(key, { title: name, ...body }, L.id); };
      await mk('phManager', 'Bravo master services', { kind: 'collaboration', status: 'active' });
      await mk('nbManager', 'Alpha CDA', { kind: 'cda', status: 'signed' });
      await mk('phManager', 'Charlie supply', { kind: 'supply', status: 'draft' });
      await mk('phManager', 'Bravo SOW 2', { kind: 'statement_of_work', relation: 'sub_agreement', parent_id: t['Bravo master services'].id, status: 'active' });
      await mk('phManager', 'Alpha amendment', { kind: 'other', relation: 'amendment', parent_id: t['Alpha CDA'].id, status: 'draft' });
      await mk('nbMember', 'Bravo SOW 1', { kind: 'statement_of_work', relation: 'sub_agreement', parent_id: t['Bravo master services'].id, status: 'draft' });
      await mk('phManager', 'Bravo SOW 1 work order', { kind: 'statement_of_work', relation: 'sub_agreement', parent_id: t['Bravo SOW 1'].id, status: 'draft' });
    });

    it('masters by title, each followed by its descendants before the next master', async () => {
      const items = await list('nbMember', '', L.id);
      assert.equal(items.length, 7);
      const masters = items.filter((x) => x.relation === 'master').map((x) => x.title);
      assert.deepEqual(masters, ['Alpha CDA', 'Bravo master services', 'Charlie supply']);
      const index = Object.fromEntries(items.map((x, i) => [x.id, i]));
      const masterOf = (x) => { let y = x; while (y.parent_id) y = items.find((z) => z.id === y.parent_id); return y; };
      for (const x of items.filter((y) => y.parent_id)) {
        assert.ok(index[x.id] > index[x.parent_id], `${x.title} comes after its parent`);
        const m = masterOf(x);
        const next = items.find((y, i) => i > index[m.id] && y.relation === 'master');
        if (next) assert.ok(index[x.id] < index[next.id], `${x.title} comes before the next master ${next.title}`);
      }
    });

    it('filters: kind, status, relation, parent_id', async () => {
      const titles = async (q) => (await list('phManager', q, L.id)).map((x) => x.title).sort();
      assert.deepEqual(await titles('kind=statement_of_work'), ['Bravo SOW 1', 'Bravo SOW 1 work order', 'Bravo SOW 2']);
      assert.deepEqual(await titles('status=draft'), ['Alpha amendment', 'Bravo SOW 1', 'Bravo SOW 1 work order', 'Charlie supply']);
      assert.deepEqual(await titles('relation=amendment'), ['Alpha amendment']);
      assert.deepEqual(await titles('relation=master'), ['Alpha CDA', 'Bravo master services', 'Charlie supply']);
      assert.deepEqual(await titles(`parent_id=${t['Bravo master services'].id}`), ['Bravo SOW 1', 'Bravo SOW 2']);
      assert.deepEqual(await titles('kind=statement_of_work&status=active'), ['Bravo SOW 2']);
      assert.deepEqual(await titles('kind=license'), []);
    });

    it('pages of 2 give the same list without gaps; next_cursor ends with null', async () => {
      const all = await list('phManager', '', L.id);
      const paged = await listAll(world.as('phManager'), agr(L.id).agreements, { limit: 2 });
      assert.deepEqual(paged.map((x) => x.id), all.map((x) => x.id));
      const first = await world.as('phManager').get(`${agr(L.id).agreements}?limit=2`);
      expectStatus(first, 200);
      assert.equal(first.body.items.length, 2);
      assert.equal(typeof first.body.next_cursor, 'string');
    });

    it('bad filters → 400 or 422', async () => {
      for (const q of ['kind=nda', 'status=pending', 'relation=umbrella', 'parent_id=not-an-id', 'limit=0']) {
        const res = await world.as('phManager').get(`${agr(L.id).agreements}?${q}`);
        assert.ok([400, 422].includes(res.status), `${q}: ${res.status} ${res.text.slice(0, 200)}`);
        expectProblem(res, res.status);
      }
    });
  });
});

function expectKeysOf(obj, fields, what) {
  assert.deepEqual(Object.keys(obj).sort(), [...fields].sort(), `${what}: the fields`);
}
