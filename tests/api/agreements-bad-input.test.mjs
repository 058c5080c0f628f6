// Agreements (issue 6): bad input for every record type and sub-resource — malformed JSON, wrong
// types, unknown and read-only fields, bad dates and enums, malformed ids and filters, stale or
// missing If-Match — gets a 400/412/422/428 problem answer and changes nothing (list counts, the
// records' versions, the recorded occurrence, the audit trail).
// The contract is docs/design/agreements-api.md and docs/api-guide.md ("Conventions").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { API, expectProblem, expectValidation, listAll } from '../support/client.mjs';
import { day } from '../support/plan.mjs';
import { getOk, postOk, listCount } from '../support/governance.mjs';
import {
  agr, agreementBody, createAgreement, createObligation, createRestriction, ipAssetBody, datasetBody, occurrenceOf, upload,
  CONFLICT_CHECK, ME_OBLIGATIONS, makePdf, createMilestone, recordOccurrence,
} from '../support/agreements.mjs';

describe('agreements: bad input changes nothing', () => {
  let world;
  let server;
  let id;
  let a;
  const r = {};   // ag, note, ob, restriction, ip, ds

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
    a = agr(id);
    r.ag = await createAgreement(world, 'phManager', id, { title: 'Bad-input agreement', expiry_on: day(300), notice_period_days: 30 });
    r.amendment = await createAgreement(world, 'phManager', id, { title: 'Bad-input amendment', relation: 'amendment', parent_id: r.ag.id, status: 'draft' });
    r.note = await postOk(world, 'phManager', a.notes(r.ag), { body: 'Bad-input note' });
    r.ob = await createObligation(world, 'phManager', id, r.ag, { title: 'Bad-input obligation', schedule: 'recurring', due_on: undefined,
      starts_on: day(-20), rrule: 'FREQ=DAILY;INTERVAL=10' });
    // recorded here, checked by its own test below (a failure must not cancel the whole suite)
    r.recording = await recordOccurrence(world, 'phManager', id, r.ob, day(-20), { status: 'fulfilled', evidence: 'Bad-input evidence', fulfilled_on: day(-20) });
    r.restriction = await createRestriction(world, 'phManager', id, r.ag, { therapeutic_areas: ['Oncology'] });
    r.ip = await postOk(world, 'phManager', a.ipAssets, ipAssetBody(world));
    r.ds = await postOk(world, 'phManager', a.datasets, datasetBody(world, { destruction_due_on: day(40) }));
    r.milestone = await createMilestone(world, 'phManager', id);
  });
  after(async () => { await world?.stop(); });

  const p = {
    ag: () => a.agreement(r.ag),
    amendment: () => a.agreement(r.amendment),
    note: () => a.note(r.ag, r.note),
    ob: () => a.obligation(r.ob),
    restriction: () => a.restriction(r.restriction),
    ip: () => a.ipAsset(r.ip),
    ds: () => a.dataset(r.ds),
  };

  /** Everything a refused request must leave alone. */
  async function snapshot() {
    const get = (path) => getOk(world, 'phManager', path);
    const count = (path) => listCount(world, 'phManager', path);
    const recorded = await occurrenceOf(world, 'phManager', id, r.ob, day(-20));
    const open = await occurrenceOf(world, 'phManager', id, r.ob, day(-10));
    return {
      audit: server.count('audit_events'),
      counts: {
        agreements: await count(a.agreements), notes: await count(a.notes(r.ag)), documents: (await listAll(world.as('phManager'), a.documents(r.ag))).length,
        obligations: await count(a.obligations), restrictions: await count(a.restrictions), ipAssets: await count(a.ipAssets),
        datasets: await count(a.datasets),
      },
      versions: {
        ag: (await get(p.ag())).version, amendment: (await get(p.amendment())).version, ob: (await get(p.ob())).version,
        note: (await listAll(world.as('phManager'), a.notes(r.ag))).find((n) => n.id === r.note.id).version,
        restriction: (await get(p.restriction())).version, ip: (await get(p.ip())).version, ds: (await get(p.ds())).version,
      },
      occurrences: { recorded, open },
      destroyed: (await get(p.ds())).destroyed_on,
    };
  }

  const me = () => world.as('phManager');
  const post = (path, body) => me().post(path(), body);
  const postRaw = (path, text) => me().request('POST', path(), { raw: text });
  /** A request that needs If-Match: the current version of `versionOf` (a path), read now. */
  async function withVersion(method, path, body, versionOf = path, { raw } = {}) {
    const cur = await getOk(world, 'phManager', versionOf());
    return me().request(method, path(), raw === undefined ? { body, ifMatch: cur.version } : { raw, ifMatch: cur.version });
  }
  const patch = (path, body) => withVersion('PATCH', path, body);
  const patchRaw = (path, text) => withVersion('PATCH', path, undefined, path, { raw: text });
  async function patchNote(body, raw) {
    const cur = (await listAll(me(), a.notes(r.ag))).find((n) => n.id === r.note.id);
    return me().request('PATCH', p.note(), raw === undefined ? { body, ifMatch: cur.version } : { raw, ifMatch: cur.version });
  }
  async function putOccurrence(due, body, raw) {
    const occ = await occurrenceOf(world, 'phManager', id, r.ob, due);
    return me().request('PUT', a.occurrence(r.ob, due), raw === undefined ? { body, ifMatch: occ.version } : { raw, ifMatch: occ.version });
  }
  const destruction = (body, raw) => withVersion('POST', () => a.destruction(r.ds), body, p.ds, { raw });
  const long = (n) => 'x'.repeat(n);
  const ag = (o) => agreementBody(world, o);
  const ob = (o) => ({ agreement_id: r.ag.id, title: 'x', category: 'reporting', direction: 'joint', schedule: 'once', due_on: day(5), ...o });

  it('the setup recorded an occurrence (PUT with If-Match "0")', () => {
    assert.equal(r.recording.status, 200, r.recording.text);
  });

  // [what, request, field (422) | null for a 400]
  const CASES = [
    // agreements
    ['agreement: malformed JSON', () => postRaw(() => a.agreements, '{"title": "x", '), null],
    ['agreement: a JSON array', () => postRaw(() => a.agreements, JSON.stringify([ag()])), null],
    ['agreement: a title of the wrong type', () => post(() => a.agreements, ag({ title: ['x'] })), 'title'],
    ['agreement: an unknown field', () => post(() => a.agreements, ag({ royalty_rate: 4 })), 'royalty_rate'],
    ['agreement: party_ids that is a string', () => post(() => a.agreements, ag({ party_ids: world.orgIds.helix })), 'party_ids'],
    ['agreement: party ids of the wrong type', () => post(() => a.agreements, ag({ party_ids: [42] })), 'party_ids'],
    ['agreement: a parent of the wrong type', () => post(() => a.agreements, ag({ relation: 'sub_agreement', parent_id: 5 })), 'parent_id'],
    ['agreement: a notice period as a string', () => post(() => a.agreements, ag({ notice_period_days: '30' })), 'notice_period_days'],
    ['agreement: a fractional notice period', () => post(() => a.agreements, ag({ notice_period_days: 30.5 })), 'notice_period_days'],
    ['agreement: reminder days as a string', () => post(() => a.agreements, ag({ reminder_days: '90' })), 'reminder_days'],
    ['agreement: a fractional reminder', () => post(() => a.agreements, ag({ reminder_days: [1.5] })), 'reminder_days'],
    ['agreement: an expiry on 30 February', () => post(() => a.agreements, ag({ expiry_on: '2026-02-30' })), 'expiry_on'],
    ['agreement: an expiry as dd/mm/yyyy', () => post(() => a.agreements, ag({ expiry_on: '31/12/2026' })), 'expiry_on'],
    ['agreement: term changes that are a string', () => post(() => a.agreements, ag({ relation: 'amendment', parent_id: r.ag.id, term_changes: 'longer' })), 'term_changes'],
    ['agreement: obligation changes that are an object', () => post(() => a.agreements, ag({ relation: 'amendment', parent_id: r.ag.id, obligation_changes: {} })), 'obligation_changes'],
    ['agreement: a bad visibility', () => post(() => a.agreements, ag({ visibility: 'private' })), 'visibility'],
    ['agreement PATCH: malformed JSON', () => patchRaw(p.ag, '{"title": '), null],
    ['agreement PATCH: an unknown field', () => patch(p.ag, { royalty_rate: 4 }), 'royalty_rate'],
    ['agreement PATCH: read-only notice_deadline', () => patch(p.ag, { notice_deadline: day(1) }), 'notice_deadline'],
    ['agreement PATCH: read-only document_count', () => patch(p.ag, { document_count: 5 }), 'document_count'],
    ['agreement PATCH: a bad kind', () => patch(p.ag, { kind: 'nda' }), 'kind'],
    ['agreement PATCH: a title of the wrong type', () => patch(p.ag, { title: 7 }), 'title'],
    ['amendment PATCH: term changes with an unknown term', () => patch(p.amendment, { term_changes: { royalty_rate: 3 } }), 'term_changes'],
    // notes
    ['note: malformed JSON', () => postRaw(() => a.notes(r.ag), '{"body": '), null],
    ['note: a body of the wrong type', () => post(() => a.notes(r.ag), { body: { text: 'x' } }), 'body'],
    ['note: an unknown field', () => post(() => a.notes(r.ag), { body: 'x', title: 'x' }), 'title'],
    ['note PATCH: a body of the wrong type', () => patchNote({ body: 5 }), 'body'],
    ['note PATCH: malformed JSON', () => patchNote(undefined, '{"body": '), null],
    // obligations
    ['obligation: malformed JSON', () => postRaw(() => a.obligations, '{"title": '), null],
    ['obligation: a title of the wrong type', () => post(() => a.obligations, ob({ title: false })), 'title'],
    ['obligation: a due date in month 13', () => post(() => a.obligations, ob({ due_on: '2026-13-01' })), 'due_on'],
    ['obligation: reminder days of the wrong type', () => post(() => a.obligations, ob({ reminder_days: ['14'] })), 'reminder_days'],
    ['obligation: an rrule of the wrong type', () => post(() => a.obligations, ob({ schedule: 'recurring', due_on: undefined, starts_on: day(1), rrule: 5 })), 'rrule'],
    ['obligation: offset days as a string', () => post(() => a.obligations, ob({ schedule: 'milestone', due_on: undefined, milestone_id: r.milestone.id, offset_days: '14' })), 'offset_days'],
    ['obligation: an unknown field', () => post(() => a.obligations, ob({ penalty: 100 })), 'penalty'],
    ['obligation: an agreement id of the wrong type', () => post(() => a.obligations, ob({ agreement_id: 12 })), 'agreement_id'],
    ['obligation PATCH: malformed JSON', () => patchRaw(p.ob, '{"title": '), null],
    ['obligation PATCH: a bad category', () => patch(p.ob, { category: 'finance' }), 'category'],
    ['obligation PATCH: a bad start date', () => patch(p.ob, { starts_on: 'next Monday' }), 'starts_on'],
    ['obligation PATCH: a bad rrule', () => patch(p.ob, { rrule: 'FREQ=SECONDLY' }), 'rrule'],
    ['obligation PATCH: read-only next_due', () => patch(p.ob, { next_due: null }), 'next_due'],
    // occurrences
    ['occurrence: malformed JSON', () => putOccurrence(day(-10), undefined, '{"status": '), null],
    ['occurrence: a status of the wrong type', () => putOccurrence(day(-10), { status: 1 }), 'status'],
    ['occurrence: a bad status', () => putOccurrence(day(-10), { status: 'late', reason: 'x' }), 'status'],
    ['occurrence: a bad fulfilled_on', () => putOccurrence(day(-10), { status: 'fulfilled', evidence: 'x', fulfilled_on: '2026-02-29' }), 'fulfilled_on'],
    ['occurrence: evidence of the wrong type', () => putOccurrence(day(-10), { status: 'fulfilled', evidence: ['x'] }), 'evidence'],
    ['occurrence: an unknown field', () => putOccurrence(day(-10), { status: 'fulfilled', evidence: 'x', rating: 5 }), 'rating'],
    ['occurrence: a recorded one, malformed JSON', () => putOccurrence(day(-20), undefined, '{"status"'), null],
    ['occurrence: a recorded one, evidence over 2000 characters', () => putOccurrence(day(-20), { status: 'fulfilled', evidence: long(2001) }), 'evidence'],
    // restrictions
    ['restriction: malformed JSON', () => postRaw(() => a.restrictions, '{"kind": '), null],
    ['restriction: therapeutic areas as a string', () => post(() => a.restrictions, { agreement_id: r.ag.id, kind: 'non_compete', therapeutic_areas: 'Oncology' }), 'therapeutic_areas'],
    ['restriction: a bad start date', () => post(() => a.restrictions, { agreement_id: r.ag.id, kind: 'non_compete', starts_on: '2026-06-31' }), 'starts_on'],
    ['restriction: an unknown field', () => post(() => a.restrictions, { agreement_id: r.ag.id, kind: 'non_compete', penalty: 1 }), 'penalty'],
    ['restriction PATCH: a bad kind', () => patch(p.restriction, { kind: 'non_solicit' }), 'kind'],
    ['restriction PATCH: a restricted party of the wrong type', () => patch(p.restriction, { restricted_party_id: 3 }), 'restricted_party_id'],
    // IP assets
    ['IP asset: malformed JSON', () => postRaw(() => a.ipAssets, '{"title": '), null],
    ['IP asset: shares as an object', () => post(() => a.ipAssets, ipAssetBody(world, { owner_party_id: null, shares: { helix: 100 } })), 'shares'],
    ['IP asset: a percent as a string', () => post(() => a.ipAssets, ipAssetBody(world, { owner_party_id: null,
      shares: [{ organization_id: world.orgIds.helix, percent: '50' }, { organization_id: world.orgIds.nimbus, percent: 50 }] })), 'shares'],
    ['IP asset: exclusive as a string', () => post(() => a.ipAssets, ipAssetBody(world, { licences: [{ licensee_id: world.orgIds.nimbus, field: 'x', territory: 'EU', exclusive: 'yes' }] })), 'licences'],
    ['IP asset: a bad filing date', () => post(() => a.ipAssets, ipAssetBody(world, { filing_on: '2026-00-10' })), 'filing_on'],
    ['IP asset: an unknown field', () => post(() => a.ipAssets, ipAssetBody(world, { valuation: 1e6 })), 'valuation'],
    ['IP asset PATCH: a bad kind', () => patch(p.ip, { kind: 'sideground' }), 'kind'],
    // datasets
    ['dataset: malformed JSON', () => postRaw(() => a.datasets, '{"name": '), null],
    ['dataset: purposes as a string', () => post(() => a.datasets, datasetBody(world, { purposes: 'Validation' })), 'purposes'],
    ['dataset: a bad shared_on', () => post(() => a.datasets, datasetBody(world, { shared_on: '2026-02-30' })), 'shared_on'],
    ['dataset: an unknown field', () => post(() => a.datasets, datasetBody(world, { rows: 1200 })), 'rows'],
    ['dataset PATCH: a recipient of the wrong type', () => patch(p.ds, { recipient_id: 5 }), 'recipient_id'],
    ['dataset PATCH: read-only destruction_status', () => patch(p.ds, { destruction_status: 'confirmed' }), 'destruction_status'],
    ['destruction: malformed JSON', () => destruction(undefined, '{"evidence": '), null],
    ['destruction: a bad date', () => destruction({ destroyed_on: 'yesterday', evidence: 'x' }), 'destroyed_on'],
    ['destruction: an unknown field', () => destruction({ destroyed_on: day(-1), evidence: 'x', witness: 'y' }), 'witness'],
    // the conflict check (writes nothing at all)
    ['conflict check: malformed JSON', () => me().request('POST', CONFLICT_CHECK, { raw: '{"therapeutic_areas": [' }), null],
  ];

  for (const [what, request, field] of CASES) {
    it(`${what} → ${field ? '422' : '400'}, nothing changes`, async () => {
      const before = await snapshot();
      const res = await request();
      if (field) expectValidation(res, field);
      else expectProblem(res, 400, 'malformed');
      assert.deepEqual(await snapshot(), before);
    });
  }

  it('destruction by the recipient with a bad body, as a Nimbus writer: 422, nothing changes', async () => {
    const before = await snapshot();
    const cur = await getOk(world, 'nbMember', p.ds());
    expectValidation(await world.as('nbMember').post(a.destruction(r.ds), { destroyed_on: '2026-02-30', evidence: 'x' }, { ifMatch: cur.version }), 'destroyed_on');
    expectValidation(await world.as('nbMember').post(a.destruction(r.ds), { destroyed_on: day(-1), evidence: 5 }, { ifMatch: cur.version }), 'evidence');
    assert.deepEqual(await snapshot(), before);
  });

  it('an upload without a name or with an empty body: 400/422, nothing changes', async () => {
    const before = await snapshot();
    for (const res of [
      await me().request('POST', a.documents(r.ag), { raw: makePdf(), contentType: 'application/pdf' }),
      await me().request('POST', `${a.documents(r.ag)}?name=`, { raw: makePdf(), contentType: 'application/pdf' }),
      await upload(world, 'phManager', id, r.ag, 'empty.pdf', Buffer.alloc(0)),
    ]) {
      assert.ok([400, 422].includes(res.status), `${res.path}: ${res.status} ${res.text.slice(0, 300)}`);
      expectProblem(res, res.status);
    }
    assert.deepEqual(await snapshot(), before);
  });

  const MALFORMED_IDS = [
    () => me().get(`${a.agreements}/not-an-id`),
    () => me().get(`${a.obligations}/12345`),
    () => me().get(`${a.restrictions}/${encodeURIComponent("x' OR '1'='1")}`),
    () => me().get(`${a.ipAssets}/not-an-id`),
    () => me().get(`${a.datasets}/not-an-id`),
    () => me().get(`${a.agreements}/not-an-id/documents`),
    () => me().get(`${a.documents(r.ag)}/not-an-id/content`),
    () => me().get(`${a.agreements}/not-an-id/notes`),
    () => me().patch(`${a.notes(r.ag)}/not-an-id`, { body: 'x' }, { ifMatch: 1 }),
    () => me().get(`${a.obligations}/not-an-id/occurrences`),
    () => me().put(`${a.obligations}/not-an-id/occurrences/${day(-10)}`, { status: 'open' }, { ifMatch: 0 }),
    () => me().del(`${a.agreements}/not-an-id`),
    () => me().post(`${a.datasets}/not-an-id/destruction`, { destroyed_on: day(-1), evidence: 'x' }, { ifMatch: 1 }),
  ];
  for (const [i, request] of MALFORMED_IDS.entries()) {
    it(`a malformed id (${i + 1}) → 400, nothing changes`, async () => {
      const before = await snapshot();
      expectProblem(await request(), 400, 'malformed');
      assert.deepEqual(await snapshot(), before);
    });
  }

  it('an occurrence date that is not a date → 400 or 404, nothing changes', async () => {
    const before = await snapshot();
    for (const due of ['not-a-date', '2026-02-30', '20260101']) {
      const res = await me().put(a.occurrence(r.ob, due), { status: 'fulfilled', evidence: 'x' }, { ifMatch: 0 });
      assert.ok([400, 404].includes(res.status), `${due}: ${res.status} ${res.text.slice(0, 200)}`);
      expectProblem(res, res.status);
    }
    assert.deepEqual(await snapshot(), before);
  });

  const FILTERS = [
    'agreements?kind=nda', 'agreements?status=pending', 'agreements?relation=umbrella', 'agreements?parent_id=nope', 'agreements?limit=0',
    'obligations?category=finance', 'obligations?owed_by=nope', 'obligations?agreement_id=nope', 'obligations?responsible_user_id=42',
    'occurrences?status=late', 'occurrences?from=2026-02-30', 'occurrences?category=finance', 'occurrences?from=2026-06-01&to=2026-01-01',
    'restrictions?kind=non_solicit', 'restrictions?agreement_id=nope', 'ip-assets?kind=sideground', 'ip-assets?owner_party_id=nope',
    'datasets?limit=0', 'datasets?limit=201', `agreements?cursor=${encodeURIComponent('not-a-real-cursor!!')}`,
    'compliance?from=bad', 'compliance?from=2026-06-01&to=2026-01-01', 'compliance/export.xlsx?to=bad',
    '/me/obligations?status=maybe', '/me/obligations?from=bad', '/me/obligations?from=2026-06-01&to=2026-01-01',
  ];
  for (const rel of FILTERS) {
    it(`a bad query (${rel}) → 400 or 422`, async () => {
      const res = await me().get(rel.startsWith('/') ? `${API}${rel}` : `${a.base}/${rel}`, { headers: { accept: '*/*' } });
      assert.ok([400, 422].includes(res.status), `${res.status} ${res.text.slice(0, 300)}`);
      expectProblem(res, res.status);
    });
  }

  it('a stale If-Match on each kind of record → 412, a missing one → 428; nothing changes', async () => {
    const before = await snapshot();
    const stale = (v) => (v > 1 ? v - 1 : v + 1);
    for (const [path, body, version] of [
      [p.ag(), { title: 'x' }, before.versions.ag], [p.amendment(), { title: 'x' }, before.versions.amendment],
      [p.note(), { body: 'x' }, before.versions.note], [p.ob(), { title: 'x' }, before.versions.ob],
      [p.restriction(), { description: 'x' }, before.versions.restriction], [p.ip(), { title: 'x' }, before.versions.ip],
      [p.ds(), { name: 'x' }, before.versions.ds],
    ]) {
      expectProblem(await me().patch(path, body, { ifMatch: stale(version) }), 412, 'stale');
      expectProblem(await me().patch(path, body), 428, 'precondition-required');
    }
    const occ = before.occurrences.recorded;
    expectProblem(await me().put(a.occurrence(r.ob, day(-20)), { status: 'open' }, { ifMatch: stale(occ.version) }), 412, 'stale');
    expectProblem(await me().put(a.occurrence(r.ob, day(-20)), { status: 'open' }), 428, 'precondition-required');
    expectProblem(await me().put(a.occurrence(r.ob, day(-10)), { status: 'fulfilled', evidence: 'x' }, { ifMatch: 3 }), 412, 'stale');
    expectProblem(await world.as('nbMember').post(a.destruction(r.ds), { destroyed_on: day(-1), evidence: 'x' }, { ifMatch: stale(before.versions.ds) }), 412, 'stale');
    expectProblem(await world.as('nbMember').post(a.destruction(r.ds), { destroyed_on: day(-1), evidence: 'x' }), 428, 'precondition-required');
    assert.deepEqual(await snapshot(), before);
  });

  it('the server is still healthy afterwards', async () => {
    assert.equal((await world.anon().get('/healthz')).status, 200);
    await getOk(world, 'phManager', p.ag());
    await getOk(world, 'phManager', ME_OBLIGATIONS);
  });
});
