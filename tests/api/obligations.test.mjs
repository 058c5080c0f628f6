// Obligations (issue 6): create (once, recurring, milestone), the RFC 5545 subset and its
// expansion into occurrences, the statuses derived from the server's today, recording occurrences
// (fulfilled, waived, in dispute, open) with If-Match and who may record what, milestone triggers,
// my obligations, compliance (tallies, rates, overdue, due within, the amendment signal, by quarter)
// and its .xlsx export, party privacy in the tallies, and deletion.
// The contract is docs/design/agreements-api.md ("Obligations", "Occurrences", "Compliance", "My obligations").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, ORGS, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { INSTANT, NO_SUCH_ID, stale, today, day, expectShared } from '../support/plan.mjs';
import { getOk, postOk, patchOk, listCount, addDays } from '../support/governance.mjs';
import {
  OBLIGATION_FIELDS, OCCURRENCE_FIELDS, SIGNAL_FIELDS, COMPLIANCE_FIELDS, COMPLIANCE_ROW_FIELDS, QUARTER_ROW_FIELDS,
  SIGNAL_ROW_FIELDS, MIME, ME_OBLIGATIONS, agr, leaves, agreementsAlliance, createAgreement, obligationBody, createObligation,
  recordOccurrence, recordOk, occurrenceOf, createMilestone, expectAccessRecord, auditOf, everyNDays, quarterOf, readXlsx,
} from '../support/agreements.mjs';

/** The status the server derives for an open occurrence due on `due`, from today (UTC). */
const derived = (due) => (due < today() ? 'overdue' : due <= day(7) ? 'due' : 'upcoming');
const near = (got, want, what) => {
  if (want === null) assert.equal(got, null, what);
  else assert.ok(typeof got === 'number' && Math.abs(got - want) < 1e-9, `${what}: ${got} ≠ ${want}`);
};

describe('obligations', () => {
  let world;
  let server;
  let id;
  let a;
  let helix;
  let nimbus;
  let AG;   // Helix and Nimbus, active
  let AH;   // Helix only

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
    a = agr(id);
    ({ helix, nimbus } = world.orgIds);
    AG = await createAgreement(world, 'phManager', id, { title: 'Development and licence agreement', status: 'active' });
    AH = await createAgreement(world, 'phManager', id, { title: 'Helix-only services agreement', party_ids: [helix], status: 'active' });
  });
  after(async () => { await world?.stop(); });

  const audit = () => server.count('audit_events');
  const create = (key, overrides = {}, agreement = AG, allianceId = id) => createObligation(world, key, allianceId, agreement, overrides);
  const occurrences = async (key, o, query = '', allianceId = id) => (await getOk(world, key, agr(allianceId).occurrencesOf(o, query))).items;
  const dues = async (key, o, query) => (await occurrences(key, o, query)).map((x) => x.due_on);
  const u = (key) => world.person(key).id;

  describe('create and read', () => {
    let full;

    it('a once-obligation with every field → 201: every field as sent or derived, and ETag', async () => {
      const res = await world.as('phMember').post(a.obligations, {
        agreement_id: AG.id, clause_ref: '§7.2', title: 'Annual development report', description: 'A written report to the JSC.',
        category: 'reporting', direction: 'owed', owed_by: helix, owed_to: nimbus, responsible_user_id: u('phMember'),
        schedule: 'once', due_on: day(20), reminder_days: [30, 7, 1],
      });
      expectStatus(res, 201);
      full = res.body;
      expectAccessRecord(full, OBLIGATION_FIELDS, 'obligation');
      expectShared(world, full, { allianceId: id, author: 'phMember' });
      assert.equal(full.party_id, helix);
      assert.equal(full.agreement_id, AG.id);
      assert.equal(full.agreement_title, 'Development and licence agreement');
      assert.equal(full.clause_ref, '§7.2');
      assert.equal(full.title, 'Annual development report');
      assert.equal(full.description, 'A written report to the JSC.');
      assert.equal(full.category, 'reporting');
      assert.equal(full.direction, 'owed');
      assert.equal(full.owed_by, helix);
      assert.equal(full.owed_by_name, 'Helix Pharma');
      assert.equal(full.owed_to, nimbus);
      assert.equal(full.owed_to_name, 'Nimbus Health');
      assert.equal(full.responsible_user_id, u('phMember'));
      assert.equal(full.responsible_name, world.person('phMember').name);
      assert.equal(full.schedule, 'once');
      assert.equal(full.due_on, day(20));
      assert.equal(full.starts_on, null);
      assert.equal(full.rrule, null);
      assert.equal(full.milestone_id, null);
      assert.ok([null, 0].includes(full.offset_days), `offset_days ${full.offset_days}`);
      assert.deepEqual(full.reminder_days, [30, 7, 1]);
      assert.deepEqual(full.next_due, { due_on: day(20), status: 'upcoming' });
      assert.deepEqual(full.amended_by, []);
      assert.deepEqual(Object.keys(full.signal).sort(), [...SIGNAL_FIELDS].sort());
      assert.equal(full.signal.consider_amendment, false);
      assert.equal(full.signal.late, 0);
      assert.equal(full.signal.waived, 0);
      assert.equal(full.signal.considered, 0);
      assert.equal(res.headers.get('etag'), `"${full.version}"`);
      assert.deepEqual(await getOk(world, 'nbMember', a.obligation(full)), full);
      assert.equal((await getOk(world, 'nbMember', a.agreement(AG))).obligation_count, 1);
    });

    it('the defaults: reminders 14 and 3 days before, no responsible person, empty texts', async () => {
      const x = await postOk(world, 'nbMember', a.obligations, { agreement_id: AG.id, title: 'Pay the milestone fee', category: 'payment',
        direction: 'owed', owed_by: nimbus, owed_to: helix, schedule: 'once', due_on: day(40) });
      assert.deepEqual(x.reminder_days, [14, 3]);
      assert.equal(x.responsible_user_id, null);
      assert.equal(x.clause_ref, '');
      assert.equal(x.description, '');
      assert.equal(x.visibility, 'alliance');
      assert.equal(x.party_id, nimbus);
      const zero = await create('phMember', { reminder_days: [0] });
      assert.deepEqual(zero.reminder_days, [0], 'a reminder on the day itself is allowed');
    });

    it('a joint obligation has neither owing nor owed party', async () => {
      const x = await create('phMember', { title: 'Joint governance review', category: 'governance', direction: 'joint', owed_by: null, owed_to: null });
      assert.equal(x.direction, 'joint');
      assert.equal(x.owed_by, null);
      assert.equal(x.owed_to, null);
    });

    it('names of absent references are null, as everywhere else in the API (plan, governance)', async () => {
      const x = await create('phMember', { title: 'Joint, nobody responsible', direction: 'joint', owed_by: null, owed_to: null });
      assert.deepEqual({ owed_by_name: x.owed_by_name, owed_to_name: x.owed_to_name, responsible_name: x.responsible_name, milestone_title: x.milestone_title },
        { owed_by_name: null, owed_to_name: null, responsible_name: null, milestone_title: null });
    });

    it('a recurring obligation keeps its rule; every category is accepted', async () => {
      const x = await create('phMember', { title: 'Quarterly safety report', schedule: 'recurring', due_on: undefined,
        starts_on: '2026-01-15', rrule: 'FREQ=MONTHLY;INTERVAL=3' });
      assert.equal(x.schedule, 'recurring');
      assert.equal(x.starts_on, '2026-01-15');
      assert.equal(x.rrule, 'FREQ=MONTHLY;INTERVAL=3');
      assert.equal(x.due_on, null);
      for (const category of ['reporting', 'payment', 'diligence', 'regulatory', 'supply', 'ip', 'data_protection', 'audit', 'governance', 'other']) {
        assert.equal((await create('phMember', { category })).category, category);
      }
    });

    it('PATCH with If-Match → 200 with the change; 428 / 412; nothing else changes', async () => {
      const before = audit();
      expectProblem(await world.as('phMember').patch(a.obligation(full), { title: 'x' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(a.obligation(full), { title: 'x' }, { ifMatch: stale(full.version) }), 412, 'stale');
      expectProblem(await world.as('nbMember').patch(a.obligation(full), { title: 'x' }, { ifMatch: full.version }), 403, 'forbidden');
      assert.equal(audit(), before);
      const res = await world.as('phMember').patch(a.obligation(full), { title: 'Annual development report (JSC)', due_on: day(21) }, { ifMatch: full.version });
      expectStatus(res, 200);
      assert.equal(res.body.title, 'Annual development report (JSC)');
      assert.equal(res.body.due_on, day(21));
      assert.deepEqual(res.body.next_due, { due_on: day(21), status: 'upcoming' });
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      const events = await auditOf(world, 'nbManager', id, full.id);
      const upd = events.find((e) => e.action === 'update');
      assert.deepEqual(upd.changes.title, { before: 'Annual development report', after: 'Annual development report (JSC)' });
      full = res.body;
    });

    it('viewers may not create (403); outsiders 404; signed out 401', async () => {
      const before = { audit: audit(), n: await listCount(world, 'phManager', a.obligations) };
      expectProblem(await world.as('phViewer').post(a.obligations, obligationBody(world, AG)), 403, 'forbidden');
      expectProblem(await world.as('phExec').post(a.obligations, obligationBody(world, AG)), 403, 'forbidden');
      expectProblem(await world.as('outsider').post(a.obligations, obligationBody(world, AG)), 404, 'not-found');
      expectProblem(await world.as('outsider').get(a.obligations), 404, 'not-found');
      expectProblem(await world.anon().get(a.obligations), 401, 'unauthenticated');
      assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', a.obligations) }, before);
    });
  });

  describe('validation: schedules, parties, people; nothing is written', () => {
    const snap = async () => ({ audit: audit(), n: await listCount(world, 'phManager', a.obligations) });
    const base = (o = {}) => obligationBody(world, AG, o);
    const recurring = (rrule) => base({ schedule: 'recurring', due_on: undefined, starts_on: '2026-01-01', rrule });

    // [rrule, the part the message must name]
    const BAD_RULES = [
      ['FREQ=HOURLY', 'freq'],
      ['FREQ=MONTHLY;COUNT=3;UNTIL=20270101', ['count', 'until']],
      ['FREQ=MONTHLY;BYMONTHDAY=0', 'bymonthday'],
      ['FREQ=MONTHLY;BYMONTHDAY=32', 'bymonthday'],
      ['FREQ=MONTHLY;BYMONTHDAY=-32', 'bymonthday'],
      ['FREQ=WEEKLY;BYMONTHDAY=3', 'bymonthday'],
      ['FREQ=YEARLY;BYDAY=MO', 'byday'],
      ['FREQ=WEEKLY;BYDAY=1MO', 'byday'],
      ['FREQ=WEEKLY;BYDAY=XX', 'byday'],
      ['FREQ=DAILY;INTERVAL=0', 'interval'],
      ['FREQ=DAILY;INTERVAL=1001', 'interval'],
      ['FREQ=MONTHLY;COUNT=0', 'count'],
      ['FREQ=MONTHLY;COUNT=1001', 'count'],
      ['FREQ=MONTHLY;UNTIL=2027-01-01', 'until'],
      ['FREQ=WEEKLY;BYSETPOS=1', 'bysetpos'],
      ['FREQ=DAILY;BYHOUR=9', 'byhour'],
      ['FREQ=MONTHLY;BYMONTH=3', 'bymonth'],
      ['INTERVAL=2', 'freq'],
      ['FREQ=MONTHLY;FREQ=WEEKLY', 'freq'],
      ['FREQ=MONTHLY;INTERVAL=two', 'interval'],
    ];
    for (const [rule, part] of BAD_RULES) {
      it(`rrule ${rule} → 422 on rrule naming ${[].concat(part).join(' or ')}`, async () => {
        const before = await snap();
        const p = expectValidation(await world.as('phMember').post(a.obligations, recurring(rule)), 'rrule');
        const e = p.errors.find((x) => x.field === 'rrule');
        assert.ok(e, JSON.stringify(p.errors));
        assert.ok([].concat(part).some((x) => e.message.toLowerCase().includes(x)), `the message names ${part}: "${e.message}"`);
        assert.deepEqual(await snap(), before);
      });
    }

    const CASES = [
      ['an empty rrule', () => recurring(''), 'rrule'],
      ['a recurring schedule without a start', () => base({ schedule: 'recurring', due_on: undefined, rrule: 'FREQ=MONTHLY' }), 'starts_on'],
      ['a recurring schedule without a rule', () => base({ schedule: 'recurring', due_on: undefined, starts_on: day(1) }), 'rrule'],
      ['a once schedule without a due date', () => base({ due_on: undefined }), 'due_on'],
      ['a due date that does not exist', () => base({ due_on: '2026-04-31' }), 'due_on'],
      ['a milestone schedule without a milestone', () => base({ schedule: 'milestone', due_on: undefined, offset_days: 10 }), 'milestone_id'],
      ['an unknown milestone', () => base({ schedule: 'milestone', due_on: undefined, milestone_id: NO_SUCH_ID, offset_days: 10 }), 'milestone_id'],
      ['a bad schedule', () => base({ schedule: 'weekly' }), 'schedule'],
      ['owed by a party that is not a party of the agreement', () => ({ ...base(), agreement_id: AH.id, owed_by: nimbus, owed_to: helix }), 'owed_by', 'not a party of the agreement'],
      ['owed to a party that is not a party of the agreement', () => ({ ...base(), agreement_id: AH.id, owed_by: helix, owed_to: nimbus }), 'owed_to', 'not a party of the agreement'],
      ['owed by an organisation outside the alliance', () => base({ owed_by: world.orgIds.outsider }), 'owed_by', 'not a party of the agreement'],
      ['owed without an owed_to', () => base({ owed_to: null }), 'owed_to'],
      ['owed without an owed_by', () => base({ owed_by: null }), 'owed_by'],
      ['joint with an owing party', () => base({ direction: 'joint', owed_to: null }), 'owed_by'],
      ['joint with an owed party', () => base({ direction: 'joint', owed_by: null }), 'owed_to'],
      ['a bad direction', () => base({ direction: 'mutual' }), 'direction'],
      ['a bad category', () => base({ category: 'finance' }), 'category'],
      ['an empty title', () => base({ title: '' }), 'title'],
      ['a title over 200 characters', () => base({ title: 'x'.repeat(201) }), 'title'],
      ['a clause ref over 100 characters', () => base({ clause_ref: 'x'.repeat(101) }), 'clause_ref'],
      ['a description over 5000 characters', () => base({ description: 'x'.repeat(5001) }), 'description'],
      ['a reminder of 366 days', () => base({ reminder_days: [366] }), 'reminder_days'],
      ['six reminders', () => base({ reminder_days: [30, 20, 10, 5, 2, 1] }), 'reminder_days'],
      ['a responsible person outside the alliance', () => base({ responsible_user_id: world.person('phBystander').id }), 'responsible_user_id'],
      ['an unknown responsible person', () => base({ responsible_user_id: NO_SUCH_ID }), 'responsible_user_id'],
      ['no agreement', () => base({ agreement_id: undefined }), 'agreement_id'],
      ['an unknown agreement', () => base({ agreement_id: NO_SUCH_ID }), 'agreement_id'],
    ];
    for (const [what, body, field, phrase] of CASES) {
      it(`${what} → 422 on ${field}`, async () => {
        const before = await snap();
        const p = expectValidation(await world.as('phMember').post(a.obligations, body()), field);
        if (phrase) assert.ok(JSON.stringify(p.errors).includes(phrase), `the message says "${phrase}": ${JSON.stringify(p.errors)}`);
        assert.deepEqual(await snap(), before);
      });
    }

    it('owed by and to the same party → 422; nothing written', async () => {
      const before = await snap();
      const p = expectValidation(await world.as('phMember').post(a.obligations, base({ owed_to: helix })));
      assert.ok(p.errors.some((e) => ['owed_to', 'owed_by'].includes(e.field)), JSON.stringify(p.errors));
      assert.deepEqual(await snap(), before);
    });

    it('an agreement of another alliance, or one the caller cannot read → 422 on agreement_id, without naming it', async () => {
      const other = await agreementsAlliance(world, 'Obligations other alliance');
      const foreign = await createAgreement(world, 'phManager', other.id, { title: 'Foreign agreement' });
      const hidden = await createAgreement(world, 'phManager', id, { title: 'Helix secret agreement Hydra', visibility: 'party' });
      const m = await createMilestone(world, 'phManager', other.id);
      const before = await snap();
      expectValidation(await world.as('phMember').post(a.obligations, base({ agreement_id: foreign.id })), 'agreement_id');
      const res = await world.as('nbMember').post(a.obligations, base({ agreement_id: hidden.id }));
      expectValidation(res, 'agreement_id');
      assert.ok(!res.text.includes('Hydra'), res.text);
      expectValidation(await world.as('phMember').post(a.obligations, base({ schedule: 'milestone', due_on: undefined, milestone_id: m.id, offset_days: 5 })), 'milestone_id');
      expectValidation(await world.as('phMember').post(a.obligations, base({ schedule: 'milestone', due_on: undefined, milestone_id: m.id, offset_days: 3651 })), 'offset_days');
      assert.deepEqual(await snap(), before);
    });
  });

  describe('occurrences: the schedule expanded for a window', () => {
    // [rule, DTSTART, from, to, expected] — checked against python-dateutil's rrule
    const RULES = [
      ['FREQ=MONTHLY;INTERVAL=3', '2026-01-15', '2026-01-01', '2027-12-31',
        ['2026-01-15', '2026-04-15', '2026-07-15', '2026-10-15', '2027-01-15', '2027-04-15', '2027-07-15', '2027-10-15']],
      ['FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31', '2026-01-01', '2026-12-31',
        ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31']],
      ['FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-31', '2026-01-01', '2026-06-30',
        ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']],
      ['FREQ=YEARLY', '2024-02-29', '2024-02-01', '2028-12-31', ['2024-02-29', '2028-02-29']],
      ['FREQ=WEEKLY;BYDAY=MO,TH;COUNT=5', '2026-03-02', '2026-01-01', '2026-12-31',
        ['2026-03-02', '2026-03-05', '2026-03-09', '2026-03-12', '2026-03-16']],
      ['FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260630', '2026-01-30', '2026-01-01', '2026-12-31',
        ['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29', '2026-06-26']],
      ['FREQ=MONTHLY;BYDAY=1MO;COUNT=3', '2026-01-05', '2026-01-01', '2026-12-31', ['2026-01-05', '2026-02-02', '2026-03-02']],
      ['FREQ=DAILY;INTERVAL=10;COUNT=3', '2026-01-01', '2026-01-01', '2026-12-31', ['2026-01-01', '2026-01-11', '2026-01-21']],
      ['FREQ=MONTHLY;COUNT=4', '2026-01-10', '2026-03-01', '2026-12-31', ['2026-03-10', '2026-04-10']],
      ['FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1,15;COUNT=5', '2026-01-01', '2026-01-01', '2026-12-31',
        ['2026-01-01', '2026-01-15', '2026-03-01', '2026-03-15', '2026-05-01']],
      ['FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;UNTIL=20260320', '2026-01-02', '2026-01-01', '2026-12-31',
        ['2026-01-02', '2026-01-16', '2026-01-30', '2026-02-13', '2026-02-27', '2026-03-13']],
    ];
    for (const [rule, start, from, to, expected] of RULES) {
      it(`${rule} from ${start}, in ${from}..${to}`, async () => {
        const o = await create('phMember', { schedule: 'recurring', due_on: undefined, starts_on: start, rrule: rule, title: uniq(rule) });
        const items = await occurrences('nbMember', o, `from=${from}&to=${to}`);
        assert.deepEqual(items.map((x) => x.due_on), expected);
        assert.deepEqual(items.map((x) => x.status), expected.map(derived), 'statuses derived from today');
      });
    }

    it('an occurrence has every field; nothing is recorded yet (version 0)', async () => {
      const o = await create('phMember', { title: 'Quarterly data transfer', schedule: 'recurring', due_on: undefined, starts_on: '2026-01-15',
        rrule: 'FREQ=MONTHLY;INTERVAL=3', clause_ref: '§4.1', category: 'data_protection', responsible_user_id: u('nbMember') });
      const [first] = await occurrences('phViewer', o, 'from=2026-04-01&to=2026-06-30');
      assert.deepEqual(Object.keys(first).sort(), [...OCCURRENCE_FIELDS].sort());
      assert.deepEqual(first, {
        obligation_id: o.id, obligation_title: 'Quarterly data transfer', agreement_id: AG.id, agreement_title: AG.title, clause_ref: '§4.1',
        category: 'data_protection', direction: 'owed', owed_by: helix, owed_by_name: 'Helix Pharma', owed_to: nimbus, owed_to_name: 'Nimbus Health',
        responsible_user_id: u('nbMember'), responsible_name: world.person('nbMember').name, due_on: '2026-04-15', status: derived('2026-04-15'),
        fulfilled_on: null, evidence: null, on_time: null, reason: null, approver_id: null, approver_name: null, recorded_by_name: null,
        version: 0, updated_at: null,
      });
    });

    it('the default window is today − 90 .. today + 365', async () => {
      const o = await create('phMember', { title: 'Every 30 days', schedule: 'recurring', due_on: undefined, starts_on: day(-200), rrule: 'FREQ=DAILY;INTERVAL=30' });
      assert.deepEqual(await dues('phMember', o), everyNDays(day(-200), 30, day(-90), day(365)));
      const all = (await getOk(world, 'phMember', a.occurrences())).items.filter((x) => x.obligation_id === o.id);
      assert.deepEqual(all.map((x) => x.due_on), everyNDays(day(-200), 30, day(-90), day(365)));
    });

    it('the derived status: overdue before today, due from today to today + 7, upcoming after; next_due follows', async () => {
      const cases = [[-1, 'overdue'], [0, 'due'], [7, 'due'], [8, 'upcoming']];
      const made = [];
      for (const [n, status] of cases) {
        const o = await create('phMember', { title: `Status at day ${n}`, due_on: day(n), category: 'diligence' });
        made.push(o.id);
        const [occ] = await occurrences('nbMember', o);
        assert.equal(occ.due_on, day(n));
        assert.equal(occ.status, status, `day ${n}`);
        assert.deepEqual((await getOk(world, 'nbMember', a.obligation(o))).next_due, { due_on: day(n), status });
      }
      const overdue = (await getOk(world, 'phMember', a.occurrences('status=overdue&category=diligence'))).items;
      assert.deepEqual(overdue.filter((x) => made.includes(x.obligation_id)).map((x) => x.due_on), [day(-1)]);
      const due = (await getOk(world, 'phMember', a.occurrences('status=due&category=diligence'))).items;
      assert.deepEqual(due.filter((x) => made.includes(x.obligation_id)).map((x) => x.due_on), [day(0), day(7)]);
      const sorted = (await getOk(world, 'phMember', a.occurrences())).items.map((x) => x.due_on);
      assert.deepEqual(sorted, [...sorted].sort(), 'sorted by due_on');
    });

    it('a window over 5 years, or from after to → 422; malformed dates → 400 or 422', async () => {
      const o = await create('phMember', { title: 'Window checks' });
      expectStatus(await world.as('phMember').get(a.occurrencesOf(o, 'from=2026-01-01&to=2030-12-31')), 200);
      for (const q of ['from=2026-01-01&to=2031-06-01', 'from=2026-06-01&to=2026-05-31']) {
        expectProblem(await world.as('phMember').get(a.occurrencesOf(o, q)), 422);
        expectProblem(await world.as('phMember').get(a.occurrences(q)), 422);
      }
      for (const q of ['from=yesterday', 'to=2026-02-30']) {
        const res = await world.as('phMember').get(a.occurrencesOf(o, q));
        assert.ok([400, 422].includes(res.status), `${q}: ${res.status}`);
        expectProblem(res, res.status);
      }
    });
  });

  describe('recording occurrences', () => {
    let O;    // owed by Helix to Nimbus, phMember responsible, due 5 days ago
    const D = () => day(-5);
    const put = (key, body, ifMatch) => world.as(key).put(a.occurrence(O, D()), body, ifMatch === undefined ? {} : { ifMatch });
    const cur = () => occurrenceOf(world, 'phManager', id, O, D());

    before(async () => {
      O = await create('phManager', { title: 'Deliver the validation data set', category: 'supply', due_on: D(), responsible_user_id: u('phMember') });
    });

    it('missing If-Match → 428; "1" before anything is recorded → 412; nothing changes', async () => {
      const before = { audit: audit(), occ: await cur() };
      expectProblem(await put('phMember', { status: 'fulfilled', evidence: 'x' }), 428, 'precondition-required');
      expectProblem(await put('phMember', { status: 'fulfilled', evidence: 'x' }, 1), 412, 'stale');
      assert.deepEqual({ audit: audit(), occ: await cur() }, before);
      assert.equal(before.occ.version, 0);
    });

    it('bad records → 422 on the field; nothing changes', async () => {
      const before = { audit: audit(), occ: await cur() };
      expectValidation(await put('phMember', { status: 'fulfilled' }, 0), 'evidence');
      expectValidation(await put('phMember', { status: 'fulfilled', evidence: '' }, 0), 'evidence');
      expectValidation(await put('phMember', { status: 'fulfilled', evidence: 'x'.repeat(2001) }, 0), 'evidence');
      expectValidation(await put('phMember', { status: 'fulfilled', evidence: 'x', fulfilled_on: day(1) }, 0), 'fulfilled_on');
      expectValidation(await put('phMember', { status: 'done', evidence: 'x' }, 0), 'status');
      expectValidation(await put('nbManager', { status: 'waived' }, 0), 'reason');
      expectValidation(await put('nbMember', { status: 'in_dispute' }, 0), 'reason');
      assert.deepEqual({ audit: audit(), occ: await cur() }, before);
    });

    it('fulfilled: not by the owed party\'s member, a viewer, or an outsider (403/404/401); nothing changes', async () => {
      const before = { audit: audit(), occ: await cur() };
      for (const key of ['nbMember', 'nbManager', 'phViewer', 'phExec']) {
        expectProblem(await put(key, { status: 'fulfilled', evidence: 'x' }, 0), 403, 'forbidden');
      }
      expectProblem(await put('outsider', { status: 'fulfilled', evidence: 'x' }, 0), 404, 'not-found');
      expectProblem(await world.anon().put(a.occurrence(O, D()), { status: 'fulfilled', evidence: 'x' }, { ifMatch: 0 }), 401, 'unauthenticated');
      assert.deepEqual({ audit: audit(), occ: await cur() }, before);
    });

    let recorded;
    it('fulfilled by the responsible person with If-Match "0" → 200: fulfilled today, late, recorded by them; audited', async () => {
      const res = await put('phMember', { status: 'fulfilled', evidence: 'Uploaded to the data room: VAL-2026-01.zip' }, 0);
      expectStatus(res, 200);
      recorded = res.body;
      assert.deepEqual(Object.keys(recorded).sort(), [...OCCURRENCE_FIELDS].sort());
      assert.equal(recorded.obligation_id, O.id);
      assert.equal(recorded.due_on, D());
      assert.equal(recorded.status, 'fulfilled');
      assert.equal(recorded.fulfilled_on, today(), 'fulfilled_on defaults to today');
      assert.equal(recorded.evidence, 'Uploaded to the data room: VAL-2026-01.zip');
      assert.equal(recorded.on_time, false, 'fulfilled after the due date');
      assert.equal(recorded.reason, null);
      assert.equal(recorded.approver_id, null);
      assert.equal(recorded.approver_name, null);
      assert.equal(recorded.recorded_by_name, world.person('phMember').name);
      assert.ok(recorded.version >= 1, `version ${recorded.version}`);
      assert.match(recorded.updated_at, INSTANT);
      assert.deepEqual(await occurrenceOf(world, 'nbMember', id, O, D()), recorded, 'the other party reads the same');
      assert.equal((await getOk(world, 'phMember', a.obligation(O))).next_due, null, 'nothing left open');
      const events = (await auditOf(world, 'nbManager', id, O.id)).filter((e) => e.action === 'occurrence');
      assert.equal(events.length, 1);
      // {before, after} of the occurrence's record (null: nothing recorded), on the day it concerns
      assert.equal(events[0].changes.occurrence.before, null);
      assert.equal(events[0].changes.occurrence.after.status, 'fulfilled');
      assert.equal(events[0].changes.occurrence.after.evidence, 'Uploaded to the data room: VAL-2026-01.zip');
      assert.equal(events[0].changes.occurrence.after.fulfilled_on, today());
      assert.ok(leaves(events[0].changes).includes(D()), 'the event names the due date');
      assert.equal(events[0].actor_id, u('phMember'));
    });

    it('a stale version → 412; the current one → 200 (fulfilled on the due date: on time)', async () => {
      const before = audit();
      expectProblem(await put('phMember', { status: 'fulfilled', evidence: 'y' }, 0), 412, 'stale');
      expectProblem(await put('phMember', { status: 'fulfilled', evidence: 'y' }), 428, 'precondition-required');
      assert.equal(audit(), before);
      const res = await put('phManager', { status: 'fulfilled', evidence: 'Corrected date', fulfilled_on: D() }, recorded.version);
      expectStatus(res, 200);
      assert.equal(res.body.on_time, true);
      assert.equal(res.body.fulfilled_on, D());
      assert.equal(res.body.recorded_by_name, world.person('phManager').name, 'a writer of the owing party');
      assert.ok(res.body.version > recorded.version);
      recorded = res.body;
    });

    it('open: not by the owed party (403); by the owing party → back to the derived status', async () => {
      expectProblem(await put('nbMember', { status: 'open' }, recorded.version), 403, 'forbidden');
      const res = await put('phMember', { status: 'open' }, recorded.version);
      expectStatus(res, 200);
      assert.equal(res.body.status, 'overdue');
      for (const f of ['fulfilled_on', 'evidence', 'on_time', 'reason', 'approver_id', 'approver_name', 'recorded_by_name', 'updated_at']) {
        assert.equal(res.body[f], null, f);
      }
      assert.equal(res.body.version, 0, 'nothing is recorded any more');
      assert.deepEqual((await getOk(world, 'phMember', a.obligation(O))).next_due, { due_on: D(), status: 'overdue' });
      const events = (await auditOf(world, 'phManager', id, O.id)).filter((e) => e.action === 'occurrence');
      assert.equal(events.length, 3);
      const last = events.find((e) => e.changes.occurrence?.after === null);
      assert.ok(last, `the clearing is audited: ${JSON.stringify(events)}`);
      assert.equal(last.changes.occurrence.before.status, 'fulfilled');
      assert.equal(last.changes.occurrence.before.evidence, 'Corrected date');
      recorded = res.body;
    });

    it('waived: only a manager of the party owed (not the owing party\'s manager, not a member); reason required; approver recorded', async () => {
      const before = { audit: audit(), occ: await cur() };
      for (const key of ['phManager', 'phMember', 'nbMember']) {
        expectProblem(await put(key, { status: 'waived', reason: 'Not needed this quarter' }, recorded.version), 403, 'forbidden');
      }
      assert.deepEqual({ audit: audit(), occ: await cur() }, before);
      const res = await put('nbManager', { status: 'waived', reason: 'Not needed this quarter' }, recorded.version);
      expectStatus(res, 200);
      assert.equal(res.body.status, 'waived');
      assert.equal(res.body.reason, 'Not needed this quarter');
      assert.equal(res.body.approver_id, u('nbManager'));
      assert.equal(res.body.approver_name, world.person('nbManager').name);
      assert.equal(res.body.fulfilled_on, null);
      assert.equal(res.body.on_time, null);
      recorded = res.body;
    });

    it('open on a waiver needs the people a waiver needs: the owing party → 403, the owed party\'s manager → 200', async () => {
      expectProblem(await put('phMember', { status: 'open' }, recorded.version), 403, 'forbidden');
      expectProblem(await put('phManager', { status: 'open' }, recorded.version), 403, 'forbidden');
      const res = await put('nbManager', { status: 'open' }, recorded.version);
      expectStatus(res, 200);
      assert.equal(res.body.status, 'overdue');
      recorded = res.body;
    });

    it('in_dispute: a writer of either party, with a reason; not a viewer', async () => {
      expectProblem(await put('phViewer', { status: 'in_dispute', reason: 'x' }, recorded.version), 403, 'forbidden');
      const res = await put('nbMember', { status: 'in_dispute', reason: 'The data set misses the 2025 cohort.' }, recorded.version);
      expectStatus(res, 200);
      assert.equal(res.body.status, 'in_dispute');
      assert.equal(res.body.reason, 'The data set misses the 2025 cohort.');
      assert.equal(res.body.recorded_by_name, world.person('nbMember').name);
      recorded = res.body;
      assert.deepEqual((await getOk(world, 'phMember', a.obligation(O))).next_due, { due_on: D(), status: 'in_dispute' });
    });

    it('a date that is not an occurrence → 404; an unknown obligation → 404; nothing changes', async () => {
      const before = audit();
      expectProblem(await world.as('phMember').put(a.occurrence(O, day(-4)), { status: 'fulfilled', evidence: 'x' }, { ifMatch: 0 }), 404, 'not-found');
      const R = await create('phMember', { title: 'Quarterly for 404', schedule: 'recurring', due_on: undefined, starts_on: '2026-01-15', rrule: 'FREQ=MONTHLY;INTERVAL=3' });
      const b2 = audit();
      expectProblem(await world.as('phMember').put(a.occurrence(R, '2026-02-15'), { status: 'fulfilled', evidence: 'x' }, { ifMatch: 0 }), 404, 'not-found');
      expectStatus(await world.as('phMember').put(a.occurrence(R, '2026-01-15'), { status: 'fulfilled', evidence: 'Report sent', fulfilled_on: '2026-01-14' }, { ifMatch: 0 }), 200);
      expectProblem(await world.as('phMember').put(a.occurrence(NO_SUCH_ID, D()), { status: 'fulfilled', evidence: 'x' }, { ifMatch: 0 }), 404, 'not-found');
      assert.ok(audit() > b2);
      assert.ok(b2 > before);
    });

    it('a joint obligation: any party\'s writer fulfils, any party\'s manager waives', async () => {
      const J = await create('phManager', { title: 'Joint audit', category: 'audit', direction: 'joint', owed_by: null, owed_to: null, due_on: day(-2) });
      const f = await recordOk(world, 'nbMember', id, J, day(-2), { status: 'fulfilled', evidence: 'Audit report v1', fulfilled_on: day(-2) });
      assert.equal(f.on_time, true);
      const w = await recordOk(world, 'phManager', id, J, day(-2), { status: 'waived', reason: 'Audit postponed by the JSC' });
      assert.equal(w.approver_id, u('phManager'));
      expectProblem(await recordOccurrence(world, 'phMember', id, J, day(-2), { status: 'open' }), 403, 'forbidden');
    });

    it('a responsible person from the owed party may fulfil', async () => {
      const R = await create('phManager', { title: 'Nimbus-run report', due_on: day(-1), responsible_user_id: u('nbMember') });
      const f = await recordOk(world, 'nbMember', id, R, day(-1), { status: 'fulfilled', evidence: 'Report in the data room', fulfilled_on: day(-1) });
      assert.equal(f.status, 'fulfilled');
      assert.equal(f.on_time, true);
    });

    it('DELETE with recorded occurrences → 409; without → 204, then 404, audited', async () => {
      const before = { audit: audit(), n: await listCount(world, 'phManager', a.obligations) };
      expectProblem(await world.as('phManager').del(a.obligation(O)), 409, 'conflict');
      assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', a.obligations) }, before);
      const X = await create('phMember', { title: 'Short-lived obligation' });
      expectProblem(await world.as('nbMember').del(a.obligation(X)), 403, 'forbidden');
      const res = await world.as('phMember').del(a.obligation(X));
      assert.equal(res.status, 204, res.text);
      expectProblem(await world.as('phMember').get(a.obligation(X)), 404, 'not-found');
      assert.ok((await auditOf(world, 'phManager', id, X.id)).some((e) => e.action === 'delete'));
    });
  });

  describe('a party-private obligation', () => {
    let P;
    before(async () => {
      P = await create('phManager', { title: 'Helix internal diligence Cygnus', visibility: 'party', due_on: day(3), category: 'diligence' });
    });

    it('is 404 to the other party on every route and absent from its lists', async () => {
      for (const key of ['nbManager', 'nbMember']) {
        expectProblem(await world.as(key).get(a.obligation(P)), 404, 'not-found');
        expectProblem(await world.as(key).get(a.occurrencesOf(P)), 404, 'not-found');
        expectProblem(await world.as(key).put(a.occurrence(P, day(3)), { status: 'in_dispute', reason: 'x' }, { ifMatch: 0 }), 404, 'not-found');
        expectProblem(await world.as(key).patch(a.obligation(P), { title: 'x' }, { ifMatch: P.version }), 404, 'not-found');
        expectProblem(await world.as(key).del(a.obligation(P)), 404, 'not-found');
        const list = await listAll(world.as(key), a.obligations);
        assert.ok(!list.some((x) => x.id === P.id));
        const occ = await world.as(key).get(a.occurrences());
        assert.ok(!occ.text.includes(P.id) && !occ.text.includes('Cygnus'), `${key}: not in the alliance occurrences`);
      }
      assert.equal((await getOk(world, 'phViewer', a.obligation(P))).title, 'Helix internal diligence Cygnus');
      assert.ok((await getOk(world, 'phViewer', a.occurrences())).items.some((x) => x.obligation_id === P.id));
    });
  });

  describe('milestone triggers', () => {
    let m;
    let o;
    before(async () => {
      m = await createMilestone(world, 'phManager', id, { title: 'First patient in', planned_date: day(30) });
      o = await create('phMember', { title: 'Milestone payment on first patient in', category: 'payment', owed_by: helix, owed_to: nimbus,
        schedule: 'milestone', due_on: undefined, milestone_id: m.id, offset_days: 14 });
    });

    it('the obligation names its milestone; no occurrence until the milestone has an actual date', async () => {
      assert.equal(o.schedule, 'milestone');
      assert.equal(o.milestone_id, m.id);
      assert.equal(o.milestone_title, 'First patient in');
      assert.equal(o.offset_days, 14);
      assert.equal(o.next_due, null);
      assert.deepEqual(await dues('nbMember', o), []);
      assert.deepEqual(await dues('nbMember', o, `from=${day(-365)}&to=${day(1000)}`), []);
      expectProblem(await world.as('phMember').put(a.occurrence(o, day(44)), { status: 'fulfilled', evidence: 'x' }, { ifMatch: 0 }), 404, 'not-found');
    });

    it('once achieved: one occurrence, due actual date + offset', async () => {
      await patchOk(world, 'phManager', a.milestone(m), { actual_date: day(-2) });
      assert.deepEqual(await dues('nbMember', o), [day(12)]);
      const got = await getOk(world, 'nbMember', a.obligation(o));
      assert.deepEqual(got.next_due, { due_on: day(12), status: 'upcoming' });
      const [occ] = await occurrences('phMember', o);
      assert.equal(occ.status, 'upcoming');
      const f = await recordOk(world, 'phMember', id, o, day(12), { status: 'fulfilled', evidence: 'Wire transfer 2026-117' });
      assert.equal(f.on_time, true);
    });

    it('offset 0: due on the actual date itself', async () => {
      const m2 = await createMilestone(world, 'phManager', id, { title: 'Protocol approved', planned_date: day(-10) });
      const o2 = await create('phMember', { title: 'Notify the regulator', category: 'regulatory', schedule: 'milestone', due_on: undefined,
        milestone_id: m2.id, offset_days: 0 });
      await patchOk(world, 'phManager', a.milestone(m2), { actual_date: day(-9) });
      assert.deepEqual(await dues('phMember', o2), [day(-9)]);
      assert.equal((await occurrences('phMember', o2))[0].status, 'overdue');
    });
  });

  describe('my obligations', () => {
    const mine = {};
    let second;
    before(async () => {
      second = await agreementsAlliance(world, 'My obligations second alliance');
      const AG2 = await createAgreement(world, 'phManager', second.id, { title: 'Second alliance agreement' });
      mine.near = await create('phManager', { title: 'Exec: sign the budget', due_on: day(10), responsible_user_id: u('phExec') });
      mine.far = await create('phManager', { title: 'Exec: annual review', due_on: day(100), responsible_user_id: u('phExec') });
      mine.old = await create('phManager', { title: 'Exec: old filing', due_on: day(-100), responsible_user_id: u('phExec') });
      mine.oldDone = await create('phManager', { title: 'Exec: old report, done', due_on: day(-110), responsible_user_id: u('phExec') });
      await recordOk(world, 'phManager', id, mine.oldDone, day(-110), { status: 'fulfilled', evidence: 'Filed', fulfilled_on: day(-110) });
      mine.other = await createObligation(world, 'phManager', second.id, AG2, { title: 'Exec: second alliance report', due_on: day(20), responsible_user_id: u('phExec') });
      mine.notMine = await create('phManager', { title: 'Somebody else\'s report', due_on: day(11), responsible_user_id: u('phMember') });
    });

    it('lists only the caller\'s occurrences, across alliances, in the default window today − 90 .. today + 90, with what is still overdue from before it', async () => {
      const res = await world.as('phExec').get(ME_OBLIGATIONS);
      expectStatus(res, 200);
      const items = res.body.items;
      for (const x of items) assert.deepEqual(Object.keys(x).sort(), [...OCCURRENCE_FIELDS, 'alliance_id', 'alliance_name'].sort());
      assert.ok(items.every((x) => x.responsible_user_id === u('phExec')), 'only the caller\'s');
      assert.deepEqual(items.map((x) => [x.obligation_title, x.due_on, x.alliance_id]).sort(), [
        ['Exec: old filing', day(-100), id], // overdue: it stays until someone acts on it
        ['Exec: second alliance report', day(20), second.id],
        ['Exec: sign the budget', day(10), id],
      ].sort());
      assert.equal(items.find((x) => x.obligation_id === mine.old.id).status, 'overdue');
      assert.ok(!items.some((x) => x.obligation_id === mine.oldDone.id), 'a fulfilled one before the window is not listed');
      const one = items.find((x) => x.obligation_id === mine.near.id);
      assert.equal(one.alliance_name, world.alliance.name);
      assert.equal(items.find((x) => x.obligation_id === mine.other.id).alliance_name, second.name);
    });

    it('from/to widen the window; status filters', async () => {
      const wide = await getOk(world, 'phExec', `${ME_OBLIGATIONS}?from=${day(-120)}&to=${day(120)}`);
      assert.deepEqual(wide.items.map((x) => x.due_on).sort(), [day(-110), day(-100), day(10), day(20), day(100)]);
      const overdue = await getOk(world, 'phExec', `${ME_OBLIGATIONS}?from=${day(-120)}&to=${day(120)}&status=overdue`);
      assert.deepEqual(overdue.items.map((x) => x.obligation_id), [mine.old.id]);
      const other = await getOk(world, 'phMember', `${ME_OBLIGATIONS}?from=${day(-120)}&to=${day(120)}`);
      assert.ok(!other.items.some((x) => x.responsible_user_id !== u('phMember')));
      assert.ok(other.items.some((x) => x.obligation_id === mine.notMine.id));
      expectProblem(await world.anon().get(ME_OBLIGATIONS), 401, 'unauthenticated');
    });

    it('through the policy: a responsible person who may not read the obligation does not get it', async () => {
      const res = await world.as('phManager').post(a.obligations, obligationBody(world, AG, {
        title: 'Helix-private task for a Nimbus person Pegasus', visibility: 'party', due_on: day(12), responsible_user_id: u('nbMember') }));
      if (res.status === 422) {
        expectValidation(res, 'responsible_user_id'); // refusing such a responsible person is the other fair reading
        return;
      }
      expectStatus(res, 201);
      const got = await world.as('nbMember').get(ME_OBLIGATIONS);
      expectStatus(got, 200);
      assert.ok(!got.text.includes(res.body.id) && !got.text.includes('Pegasus'), got.text.slice(0, 500));
    });
  });

  describe('compliance', () => {
    let C;
    let c;
    const o = {};
    before(async () => {
      C = await agreementsAlliance(world, 'Compliance alliance');
      c = agr(C.id);
      const CA = await createAgreement(world, 'phManager', C.id, { title: 'Compliance master agreement', status: 'active' });
      const mk = (key, name, body) => createObligation(world, key, C.id, CA, { title: name, ...body }).then((x) => { o[name] = x; });
      await mk('phManager', 'R1 safety report', { category: 'reporting', schedule: 'recurring', due_on: undefined, starts_on: day(-45),
        rrule: 'FREQ=DAILY;INTERVAL=10;COUNT=6', responsible_user_id: u('phMember') });
      await mk('nbManager', 'R2 milestone fee', { category: 'payment', owed_by: nimbus, owed_to: helix, due_on: day(-3) });
      await mk('phManager', 'R3 joint governance review', { category: 'governance', direction: 'joint', owed_by: null, owed_to: null, due_on: day(-10) });
      await mk('phManager', 'R4 old payment', { category: 'payment', due_on: day(-400) });
      await mk('phManager', 'R5 Helix private report Lyra', { category: 'reporting', due_on: day(-7), visibility: 'party' });
      for (const [n, due] of [['a', 20], ['b', 45], ['c', 75], ['d', 95], ['e', 25]]) {
        await mk('nbManager', `R6${n} supply batch`, { category: 'supply', owed_by: nimbus, owed_to: helix, due_on: day(due) });
      }
    });

    it('the history is recorded (fulfilled on time and late, waived, in dispute)', async () => {
      const rec = (key, name, due, body) => recordOk(world, key, C.id, o[name], due, body);
      await rec('phMember', 'R1 safety report', day(-45), { status: 'fulfilled', evidence: 'SR-1', fulfilled_on: day(-46) });
      await rec('phMember', 'R1 safety report', day(-35), { status: 'fulfilled', evidence: 'SR-2', fulfilled_on: day(-30) });
      await rec('phMember', 'R1 safety report', day(-25), { status: 'fulfilled', evidence: 'SR-3', fulfilled_on: day(-25) });
      await rec('nbManager', 'R1 safety report', day(-15), { status: 'waived', reason: 'Merged into the annual report' });
      await rec('nbMember', 'R2 milestone fee', day(-3), { status: 'fulfilled', evidence: 'Wire 778', fulfilled_on: day(-1) });
      await rec('nbMember', 'R3 joint governance review', day(-10), { status: 'in_dispute', reason: 'Scope of the review is contested' });
      await rec('phManager', 'R4 old payment', day(-400), { status: 'fulfilled', evidence: 'Wire 001', fulfilled_on: day(-390) });
      await rec('nbMember', 'R6e supply batch', day(25), { status: 'fulfilled', evidence: 'Delivered early', fulfilled_on: day(0) });
    });

    const row = (rows, key) => rows.find((r) => r.key === key);
    const expectRow = (rows, key, want, what) => {
      const r = row(rows, key);
      assert.ok(r, `${what}: a row for ${key}: ${JSON.stringify(rows)}`);
      assert.deepEqual(Object.keys(r).sort(), [...COMPLIANCE_ROW_FIELDS].sort());
      for (const f of ['due', 'on_time', 'late', 'overdue', 'waived', 'in_dispute']) assert.equal(r[f], want[f] ?? 0, `${what} ${key}.${f}`);
      near(r.on_time_rate, want.rate, `${what} ${key}.on_time_rate`);
      if (want.name) assert.equal(r.name, want.name, `${what} ${key}.name`);
    };
    const onlyCounted = (rows) => rows.filter((r) => r.due > 0).map((r) => r.key).sort();

    it('the default window, today and the shape', async () => {
      const res = await world.as('phManager').get(c.compliance());
      expectStatus(res, 200);
      assert.deepEqual(Object.keys(res.body).sort(), [...COMPLIANCE_FIELDS].sort());
      assert.equal(res.body.from, day(-365));
      assert.equal(res.body.to, today());
      assert.equal(res.body.today, today());
      assert.deepEqual(Object.keys(res.body.due_within).sort(), ['d30', 'd60', 'd90']);
    });

    it('by party (the owing party; joint apart): exact tallies and on-time rates for Helix', async () => {
      const b = await getOk(world, 'phManager', c.compliance());
      assert.deepEqual(onlyCounted(b.by_party), [helix, nimbus, 'joint'].sort());
      expectRow(b.by_party, helix, { due: 6, on_time: 2, late: 1, overdue: 2, waived: 1, rate: 0.4, name: 'Helix Pharma' }, 'helix view');
      expectRow(b.by_party, nimbus, { due: 1, late: 1, rate: 0, name: 'Nimbus Health' }, 'helix view');
      expectRow(b.by_party, 'joint', { due: 1, in_dispute: 1, rate: null }, 'helix view');
    });

    it('by category', async () => {
      const b = await getOk(world, 'phManager', c.compliance());
      assert.deepEqual(onlyCounted(b.by_category), ['governance', 'payment', 'reporting']);
      expectRow(b.by_category, 'reporting', { due: 6, on_time: 2, late: 1, overdue: 2, waived: 1, rate: 0.4 }, 'helix view');
      expectRow(b.by_category, 'payment', { due: 1, late: 1, rate: 0 }, 'helix view');
      expectRow(b.by_category, 'governance', { due: 1, in_dispute: 1, rate: null }, 'helix view');
    });

    it('overdue and due within 30 / 60 / 90 days', async () => {
      const b = await getOk(world, 'phManager', c.compliance());
      const keys = (list) => list.map((x) => `${x.obligation_title}@${x.due_on}`).sort();
      assert.deepEqual(keys(b.overdue), [`R1 safety report@${day(-5)}`, `R5 Helix private report Lyra@${day(-7)}`].sort());
      for (const x of b.overdue) assert.equal(x.status, 'overdue');
      assert.deepEqual(keys(b.due_within.d30), [`R1 safety report@${day(5)}`, `R6a supply batch@${day(20)}`].sort());
      assert.deepEqual(keys(b.due_within.d60), [`R6b supply batch@${day(45)}`]);
      assert.deepEqual(keys(b.due_within.d90), [`R6c supply batch@${day(75)}`]);
    });

    it('the amendment signal: R1 (2 late and 1 waived of its last 4)', async () => {
      const b = await getOk(world, 'phManager', c.compliance());
      assert.deepEqual(b.signals.map((s) => s.obligation_id), [o['R1 safety report'].id]);
      const s = b.signals[0];
      assert.deepEqual(Object.keys(s).sort(), [...SIGNAL_ROW_FIELDS].sort());
      assert.equal(s.title, 'R1 safety report');
      assert.equal(s.late, 2);
      assert.equal(s.waived, 1);
      assert.equal(s.considered, 4);
      assert.ok(typeof s.reason === 'string' && s.reason.length > 0);
      const ob = await getOk(world, 'nbMember', c.obligation(o['R1 safety report']));
      assert.equal(ob.signal.consider_amendment, true);
      assert.equal(ob.signal.late, 2);
      assert.equal(ob.signal.waived, 1);
      assert.equal(ob.signal.considered, 4);
      assert.deepEqual(ob.next_due, { due_on: day(-5), status: 'overdue' }, 'the first occurrence neither fulfilled nor waived');
    });

    it('by quarter: Helix\'s rows match the quarters of its occurrences', async () => {
      const b = await getOk(world, 'phManager', c.compliance());
      for (const r of b.by_quarter) {
        assert.deepEqual(Object.keys(r).sort(), [...QUARTER_ROW_FIELDS].sort());
        assert.match(r.quarter, /^\d{4}-Q[1-4]$/);
      }
      // Helix's counted occurrences and their outcomes
      const facts = [[-45, 'on_time'], [-35, 'late'], [-25, 'on_time'], [-15, 'waived'], [-5, 'overdue'], [-7, 'overdue']];
      const want = {};
      for (const [n, outcome] of facts) {
        const q = quarterOf(day(n));
        want[q] ??= { due: 0, on_time: 0, rated: 0 };
        want[q].due += 1;
        if (outcome === 'on_time') want[q].on_time += 1;
        if (outcome !== 'waived') want[q].rated += 1;
      }
      const got = b.by_quarter.filter((r) => r.organization_id === helix && r.due > 0);
      assert.deepEqual(got.map((r) => r.quarter).sort(), Object.keys(want).sort());
      for (const r of got) {
        assert.equal(r.name, 'Helix Pharma');
        assert.equal(r.due, want[r.quarter].due, `${r.quarter} due`);
        assert.equal(r.on_time, want[r.quarter].on_time, `${r.quarter} on_time`);
        near(r.on_time_rate, want[r.quarter].rated ? want[r.quarter].on_time / want[r.quarter].rated : null, `${r.quarter} rate`);
      }
    });

    it('a party-private obligation is not counted in the other party\'s view: the counts differ by exactly that', async () => {
      const h = await getOk(world, 'phManager', c.compliance());
      const nres = await world.as('nbManager').get(c.compliance());
      expectStatus(nres, 200);
      const n = nres.body;
      assert.ok(!nres.text.includes(o['R5 Helix private report Lyra'].id) && !nres.text.includes('Lyra'), 'nothing of R5');
      expectRow(n.by_party, helix, { due: 5, on_time: 2, late: 1, overdue: 1, waived: 1, rate: 0.5 }, 'nimbus view');
      expectRow(n.by_category, 'reporting', { due: 5, on_time: 2, late: 1, overdue: 1, waived: 1, rate: 0.5 }, 'nimbus view');
      assert.deepEqual(row(n.by_party, nimbus), row(h.by_party, nimbus));
      assert.deepEqual(row(n.by_party, 'joint'), row(h.by_party, 'joint'));
      assert.equal(row(h.by_party, helix).due - row(n.by_party, helix).due, 1);
      assert.equal(row(h.by_party, helix).overdue - row(n.by_party, helix).overdue, 1);
      assert.deepEqual(n.overdue.map((x) => x.due_on), [day(-5)]);
      assert.equal(h.overdue.length - n.overdue.length, 1);
      assert.deepEqual(n.due_within, h.due_within);
      assert.deepEqual(n.signals.map((s) => s.obligation_id), [o['R1 safety report'].id]);
    });

    it('from/to: only occurrences due in [from, min(to, today)] are counted', async () => {
      const b = await getOk(world, 'phManager', c.compliance(`from=${day(-20)}&to=${day(30)}`));
      assert.equal(b.from, day(-20));
      assert.equal(b.to, day(30));
      expectRow(b.by_party, helix, { due: 3, overdue: 2, waived: 1, rate: 0 }, 'window');
      expectRow(b.by_party, nimbus, { due: 1, late: 1, rate: 0 }, 'window');
      const old = await getOk(world, 'phManager', c.compliance(`from=${day(-500)}&to=${day(-380)}`));
      expectRow(old.by_party, helix, { due: 1, late: 1, rate: 0 }, 'R4 alone');
      expectProblem(await world.as('phManager').get(c.compliance(`from=${day(1)}&to=${day(0)}`)), 422);
    });

    it('filters of the alliance occurrences: status, category, owed_by, agreement, responsible person', async () => {
      const ids = async (q) => (await getOk(world, 'phManager', c.occurrences(q))).items.map((x) => `${x.obligation_title}@${x.due_on}`);
      assert.deepEqual(await ids('status=overdue'), [`R5 Helix private report Lyra@${day(-7)}`, `R1 safety report@${day(-5)}`]);
      assert.deepEqual(await ids('status=fulfilled'), [`R1 safety report@${day(-45)}`, `R1 safety report@${day(-35)}`, `R1 safety report@${day(-25)}`,
        `R2 milestone fee@${day(-3)}`, `R6e supply batch@${day(25)}`]);
      assert.deepEqual(await ids('status=waived'), [`R1 safety report@${day(-15)}`]);
      assert.deepEqual(await ids('status=in_dispute'), [`R3 joint governance review@${day(-10)}`]);
      assert.deepEqual(await ids('category=supply'), [20, 25, 45, 75, 95].map((n) => `R6${{ 20: 'a', 25: 'e', 45: 'b', 75: 'c', 95: 'd' }[n]} supply batch@${day(n)}`));
      assert.equal((await ids(`owed_by=${nimbus}`)).length, 6);
      assert.equal((await ids(`responsible_user_id=${u('phMember')}`)).length, 6);
      const list = async (q) => (await listAll(world.as('phManager'), `${c.obligations}?${q}`)).map((x) => x.title).sort();
      assert.deepEqual(await list('category=payment'), ['R2 milestone fee', 'R4 old payment']);
      assert.deepEqual(await list(`owed_by=${nimbus}`), ['R2 milestone fee', 'R6a supply batch', 'R6b supply batch', 'R6c supply batch', 'R6d supply batch', 'R6e supply batch']);
      assert.deepEqual(await list(`responsible_user_id=${u('phMember')}`), ['R1 safety report']);
      assert.equal((await list(`agreement_id=${o['R1 safety report'].agreement_id}`)).length, 10);
    });

    it('the export: an .xlsx with the sheets "Obligations" and "Compliance"; rows match', async () => {
      const res = await world.as('phManager').get(c.complianceExport(`from=${day(-60)}&to=${day(100)}`), { headers: { accept: '*/*' } });
      assert.equal(res.status, 200, res.text.slice(0, 300));
      assert.equal((res.headers.get('content-type') || '').split(';')[0], MIME.xlsx);
      const wb = readXlsx(res.bytes);
      assert.deepEqual(wb.sheet_names, ['Obligations', 'Compliance']);
      const rows = wb.sheets.Obligations.slice(1).filter((r) => r.some((v) => v !== null && v !== ''));
      const expected = [
        ...[-45, -35, -25, -15, -5, 5].map((n) => ['R1 safety report', day(n)]),
        ['R2 milestone fee', day(-3)], ['R3 joint governance review', day(-10)], ['R5 Helix private report Lyra', day(-7)],
        ['R6a supply batch', day(20)], ['R6b supply batch', day(45)], ['R6c supply batch', day(75)], ['R6d supply batch', day(95)], ['R6e supply batch', day(25)],
      ];
      assert.equal(rows.length, expected.length, `one row per occurrence due in the window: ${JSON.stringify(rows)}`);
      const text = (r) => r.map((v) => String(v ?? '')).join(' | ').toLowerCase();
      const find = (title, due) => rows.find((r) => r.some((v) => v === title || (typeof v === 'string' && v.includes(title))) && r.includes(due));
      for (const [title, due] of expected) assert.ok(find(title, due), `a row for ${title} due ${due}: ${JSON.stringify(rows)}`);
      const has = (title, due, ...words) => {
        const t = text(find(title, due));
        for (const w of words) assert.ok(t.includes(w.toLowerCase()) || t.includes(w.toLowerCase().replace('_', ' ')), `${title}@${due} says ${w}: ${t}`);
      };
      has('R1 safety report', day(-35), 'fulfilled', 'SR-2', day(-30));
      has('R1 safety report', day(-15), 'waived', 'Merged into the annual report');
      has('R1 safety report', day(-5), 'overdue');
      has('R3 joint governance review', day(-10), 'in_dispute', 'Scope of the review is contested');
      has('R6d supply batch', day(95), 'upcoming');
      assert.ok(!rows.some((r) => text(r).includes('r4 old payment')), 'R4 is outside the window');
      // The words of the page (docs/words.json), not the API's values: who owes whom in one
      // column, "Joint" once, categories and statuses as people read them.
      const header = wb.sheets.Obligations[0];
      assert.ok(header.includes('Owed') && !header.includes('Owed to') && !header.includes('Owed by'), JSON.stringify(header));
      const joint = find('R3 joint governance review', day(-10));
      assert.equal(joint.filter((v) => v === 'Joint').length, 1, `Joint once: ${JSON.stringify(joint)}`);
      assert.ok(joint.includes('In dispute'), JSON.stringify(joint));
      assert.ok(find('R2 milestone fee', day(-3)).some((v) => typeof v === 'string' && / \u2192 /.test(v)), 'owed by → owed to');
      for (const r of rows) {
        for (const v of r) assert.ok(!(typeof v === 'string' && /^[a-z]+_[a-z_]+$/.test(v)), `no raw value in the export: ${v}`);
      }
      assert.ok(find('R1 safety report', day(-35)).includes('No'), 'fulfilled five days late: on time says No');

      const comp = wb.sheets.Compliance;
      const fmts = wb.formats.Compliance;
      const rateIn = (...labels) => {
        const i = comp.findIndex((r) => r.some((v) => labels.includes(v)));
        assert.ok(i >= 0, `a Compliance row for ${labels.join(' or ')}: ${JSON.stringify(comp)}`);
        return comp[i].map((v, j) => ({ v, fmt: fmts[i][j] }));
      };
      const hasPercent = (cells, pct, label) => {
        const ok = cells.some(({ v, fmt }) => (typeof v === 'number' && ((Math.abs(v - pct / 100) < 1e-9 && String(fmt).includes('%')) || Math.abs(v - pct) < 1e-9))
          || (typeof v === 'string' && new RegExp(`^${pct}(\\.0+)?\\s?%$`).test(v.trim())));
        assert.ok(ok, `${label}: the rate ${pct}% in ${JSON.stringify(cells)}`);
      };
      hasPercent(rateIn('Helix Pharma'), 40, 'Helix Pharma');
      hasPercent(rateIn('Nimbus Health'), 0, 'Nimbus Health');
      hasPercent(rateIn('Reporting'), 40, 'Reporting');

      const nb = await world.as('nbManager').get(c.complianceExport(`from=${day(-60)}&to=${day(100)}`), { headers: { accept: '*/*' } });
      assert.equal(nb.status, 200);
      const nwb = readXlsx(nb.bytes);
      const nrows = nwb.sheets.Obligations.slice(1).filter((r) => r.some((v) => v !== null && v !== ''));
      assert.equal(nrows.length, expected.length - 1, 'Nimbus\'s export lacks exactly the Helix-private occurrence');
      assert.ok(!JSON.stringify(nwb).includes('Lyra'));
      const ni = nwb.sheets.Compliance.findIndex((r) => r.includes('Helix Pharma'));
      hasPercent(nwb.sheets.Compliance[ni].map((v, j) => ({ v, fmt: nwb.formats.Compliance[ni][j] })), 50, 'Helix Pharma (Nimbus view)');
    });

    it('the export shows its dates as the reader writes them (date_format), still as real dates', async () => {
      const dueColumn = (wb) => wb.formats.Obligations[1][0];
      const plain = readXlsx((await world.as('phManager').get(c.complianceExport(`from=${day(-60)}&to=${day(100)}`), { headers: { accept: '*/*' } })).bytes);
      assert.equal(dueColumn(plain), 'd" "mmm" "yyyy', 'D MMM YYYY unless the reader says otherwise');
      for (const [pattern, format] of [['MMM D, YYYY', 'mmm" "d", "yyyy'], ['DD.MM.YYYY', 'dd"."mm"."yyyy'], ['YYYY-MM-DD', 'yyyy"-"mm"-"dd']]) {
        const res = await world.as('phManager').get(c.complianceExport(`from=${day(-60)}&to=${day(100)}&date_format=${encodeURIComponent(pattern)}`), { headers: { accept: '*/*' } });
        assert.equal(res.status, 200, res.text.slice(0, 300));
        const wb = readXlsx(res.bytes);
        assert.equal(dueColumn(wb), format, pattern);
        assert.match(String(wb.sheets.Obligations[1][0]), /^\d{4}-\d{2}-\d{2}$/, 'the cell is a date, not text');
      }
      expectValidation(await world.as('phManager').get(c.complianceExport('date_format=MMM'), { headers: { accept: '*/*' } }), 'date_format');
    });

    it('outsiders 404, signed out 401 for compliance and its export', async () => {
      expectProblem(await world.as('outsider').get(c.compliance()), 404, 'not-found');
      expectProblem(await world.as('outsider').get(c.complianceExport()), 404, 'not-found');
      expectProblem(await world.anon().get(c.compliance()), 401, 'unauthenticated');
      expectStatus(await world.as('phViewer').get(c.compliance()), 200);
    });
  });

  describe('the amendment signal, step by step', () => {
    let S;
    let s;
    let S1;
    let S2;
    let SA;
    const D1 = [-35, -25, -15, -5];
    before(async () => {
      S = await agreementsAlliance(world, 'Signal alliance');
      s = agr(S.id);
      SA = await createAgreement(world, 'phManager', S.id, { title: 'Signal agreement' });
      S1 = await createObligation(world, 'phManager', S.id, SA, { title: 'S1 monthly KPI pack', schedule: 'recurring', due_on: undefined,
        starts_on: day(-35), rrule: 'FREQ=DAILY;INTERVAL=10;COUNT=4' });
      S2 = await createObligation(world, 'phManager', S.id, SA, { title: 'S2 six reports', schedule: 'recurring', due_on: undefined,
        starts_on: day(-55), rrule: 'FREQ=DAILY;INTERVAL=10;COUNT=6' });
    });
    const signal = async (x) => (await getOk(world, 'phManager', s.obligation(x))).signal;
    const signals = async () => (await getOk(world, 'phManager', s.compliance())).signals.map((x) => x.obligation_id);
    const rec = (key, x, n, body) => recordOk(world, key, S.id, x, day(n), body);

    it('nothing recorded: four overdue occurrences raise it', async () => {
      const g = await signal(S1);
      assert.equal(g.consider_amendment, true);
      assert.equal(g.late, 4, 'overdue counts as late');
      assert.equal(g.considered, 4);
      assert.ok((await signals()).includes(S1.id));
    });

    it('all four on time: not raised', async () => {
      for (const n of D1) await rec('phMember', S1, n, { status: 'fulfilled', evidence: `KPI pack ${n}`, fulfilled_on: day(n) });
      const g = await signal(S1);
      assert.deepEqual([g.consider_amendment, g.late, g.waived, g.considered], [false, 0, 0, 4]);
      assert.ok(!(await signals()).includes(S1.id));
    });

    it('one late of the last four: still not raised', async () => {
      await rec('phMember', S1, -25, { status: 'fulfilled', evidence: 'KPI pack late', fulfilled_on: day(-20) });
      const g = await signal(S1);
      assert.deepEqual([g.consider_amendment, g.late, g.waived, g.considered], [false, 1, 0, 4]);
      assert.ok(!(await signals()).includes(S1.id));
    });

    it('one late and one waived: raised, with a reason; listed in compliance', async () => {
      await rec('nbManager', S1, -15, { status: 'waived', reason: 'Skipped by agreement' });
      const g = await signal(S1);
      assert.deepEqual([g.consider_amendment, g.late, g.waived, g.considered], [true, 1, 1, 4]);
      assert.ok(typeof g.reason === 'string' && g.reason.length > 0);
      const row = (await getOk(world, 'phManager', s.compliance())).signals.find((x) => x.obligation_id === S1.id);
      assert.deepEqual([row.late, row.waived, row.considered], [1, 1, 4]);
    });

    it('the waiver reopened and fulfilled on time: no longer raised', async () => {
      await rec('nbManager', S1, -15, { status: 'open' });
      await rec('phMember', S1, -15, { status: 'fulfilled', evidence: 'KPI pack -15', fulfilled_on: day(-15) });
      assert.equal((await signal(S1)).consider_amendment, false);
      assert.ok(!(await signals()).includes(S1.id));
    });

    it('only the last four count: two late ones before them do not raise it', async () => {
      await rec('phMember', S2, -55, { status: 'fulfilled', evidence: 'late 1', fulfilled_on: day(-50) });
      await rec('phMember', S2, -45, { status: 'fulfilled', evidence: 'late 2', fulfilled_on: day(-40) });
      for (const n of [-35, -25, -15, -5]) await rec('phMember', S2, n, { status: 'fulfilled', evidence: `on time ${n}`, fulfilled_on: day(n) });
      const g = await signal(S2);
      assert.deepEqual([g.consider_amendment, g.late, g.waived, g.considered], [false, 0, 0, 4]);
      await rec('phMember', S2, -35, { status: 'fulfilled', evidence: 'late 3', fulfilled_on: day(-30) });
      const g2 = await signal(S2);
      assert.deepEqual([g2.consider_amendment, g2.late, g2.considered], [false, 1, 4]);
      await rec('phMember', S2, -5, { status: 'fulfilled', evidence: 'late 4', fulfilled_on: day(-1) });
      const g3 = await signal(S2);
      assert.deepEqual([g3.consider_amendment, g3.late, g3.considered], [true, 2, 4]);
    });

    it('an obligation with nothing due yet considers nothing', async () => {
      const F = await createObligation(world, 'phManager', S.id, SA, { title: 'Future only', due_on: day(40) });
      const g = await signal(F);
      assert.deepEqual([g.consider_amendment, g.late, g.waived, g.considered], [false, 0, 0, 0]);
    });
  });
});
