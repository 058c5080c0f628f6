// Governance (issue 5): the issue register (problem-resolution mechanism). Issues follow the
// escalation path of a decision right (levels copied when raised), escalate by hand (audited, in
// the history), are resolved with the people who agreed, and escalate by themselves when a level's
// time limit passes: `northstar jobs run --today DATE` is run against the test server's own
// database with an injected date. Escalations notify the people involved who may read the issue
// (GET /me/notifications), once.
// The contract is docs/design/governance-api.md ("Issues", "Notifications").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { INSTANT, NO_SUCH_ID, stale, today, day, expectShared } from '../support/plan.mjs';
import {
  ISSUE_FIELDS, HISTORY_FIELDS, NOTIFICATION_FIELDS, gov, expectRecordFields, expectKeys, getOk, postOk, patchOk, listCount,
  makeCommittee, createCommittee, createDecisionRight, between, runJobs, runJobsConcurrently, notifications,
} from '../support/governance.mjs';

describe('governance: issues, escalation (by hand and by the job) and notifications', () => {
  let world;
  let server;
  let id;
  let g;
  let jdc;
  let jsc;
  let right3;
  let right5;

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
    g = gov(id);
    jdc = await makeCommittee(world, { allianceId: id, name: 'Project team committee', kind: 'joint_project_team',
      seats: [['phMember', 'voting_member'], ['nbMember', 'voting_member']] });
    jsc = await makeCommittee(world, { allianceId: id, name: 'Joint Steering Committee', kind: 'joint_steering',
      seats: [['phManager', 'chair'], ['phExec', 'voting_member'], ['nbManager', 'co_chair'], ['nbMember', 'voting_member']] });
    right3 = await createDecisionRight(world, 'phManager', id, { committee: jdc, decision_type: 'Clinical operations',
      levels: [['Project team', jdc, 5], ['Joint Steering Committee', jsc, 10], ['Executive sponsors', null, 15]] });
    right5 = await createDecisionRight(world, 'phManager', id, { committee: jdc, decision_type: 'Data platform',
      levels: [['Team', jdc, 7], ['Development committee', jdc, 8], ['Steering committee', jsc, 9], ['Executives', null, 30], ['Chief executives', null, 30]] });
  });
  after(async () => { await world?.stop(); });

  const audit = () => server.count('audit_events');
  const issuePath = (i) => `${g.issues}/${i.id ?? i}`;
  const levelsOf = (x) => x.levels.map((l) => ({ name: l.name, committee_id: l.committee_id, days: l.days }));
  const raise = (key, body = {}) => postOk(world, key, g.issues, {
    title: uniq('Issue'), description: 'What the parties disagree about.', severity: 'high',
    party_ids: [world.orgIds.helix, world.orgIds.nimbus], decision_right_id: right3.id, ...body,
  });
  const getIssue = (key, i) => getOk(world, key, issuePath(i));
  const history = async (key, i) => {
    const body = await getOk(world, key, `${issuePath(i)}/history`);
    assert.ok(Array.isArray(body.items), JSON.stringify(body));
    return body.items;
  };
  async function escalateRaw(key, i, reason = 'No agreement at this level') {
    const cur = await getIssue(key, i);
    return world.as(key).post(`${issuePath(i)}/escalate`, { reason }, { ifMatch: cur.version });
  }
  async function escalate(key, i, reason) {
    const res = await escalateRaw(key, i, reason);
    expectStatus(res, 200, `escalate as ${key}`);
    return getIssue(key, i);
  }
  async function resolveRaw(key, i, body) {
    const cur = await getIssue(key, i);
    return world.as(key).post(`${issuePath(i)}/resolve`, body, { ifMatch: cur.version });
  }
  const escalations = async (key, i) => (await listAll(world.as(key), g.audit)).filter((e) => e.record_id === i.id && e.action === 'escalate');
  const notesFor = async (key, i) => (await notifications(world, key)).items.filter((n) => n.record_id === i.id);

  describe('raising an issue', () => {
    let issue;

    it('POST → 201: level 0, levels copied from the decision right, due = raised_on + days, days_left; every field and ETag', async () => {
      const res = await world.as('phMember').post(g.issues, {
        title: 'Site activation is late', description: 'Two sites wait for the sensor shipment.', severity: 'high',
        party_ids: [world.orgIds.helix, world.orgIds.nimbus], decision_right_id: right3.id,
      });
      expectStatus(res, 201);
      issue = res.body;
      expectRecordFields(issue, ISSUE_FIELDS, 'issue');
      expectShared(world, issue, { allianceId: id, author: 'phMember' });
      assert.equal(issue.title, 'Site activation is late');
      assert.equal(issue.description, 'Two sites wait for the sensor shipment.');
      assert.equal(issue.severity, 'high');
      assert.deepEqual([...issue.party_ids].sort(), [world.orgIds.helix, world.orgIds.nimbus].sort());
      assert.equal(issue.decision_right_id, right3.id);
      assert.equal(issue.raised_by, world.person('phMember').id);
      assert.equal(issue.raised_by_name, world.person('phMember').name);
      assert.equal(issue.raised_on, today());
      assert.deepEqual(levelsOf(issue), levelsOf(right3));
      assert.equal(issue.current_level, 0);
      assert.equal(issue.current_level_name, 'Project team');
      assert.equal(issue.level_due_on, day(5));
      assert.equal(issue.days_left, 5);
      assert.equal(issue.status, 'open');
      assert.equal(issue.resolution, null);
      assert.equal(res.headers.get('etag'), `"${issue.version}"`);
    });

    it('the history starts with a "raised" entry', async () => {
      const items = await history('nbMember', issue);
      assert.equal(items.length, 1);
      expectKeys(items[0], HISTORY_FIELDS, 'history entry');
      assert.equal(items[0].level, 0);
      assert.equal(items[0].level_name, 'Project team');
      assert.equal(items[0].entered_on, today());
      assert.equal(items[0].due_on, day(5));
      assert.equal(items[0].reason, 'raised');
      assert.equal(items[0].by, world.person('phMember').id);
      assert.equal(items[0].by_name, world.person('phMember').name);
    });

    it('GET one and the list return the same record to both parties; filters by status and severity', async () => {
      for (const key of ['nbManager', 'phViewer', 'phExec']) {
        const res = await world.as(key).get(issuePath(issue));
        expectStatus(res, 200);
        assert.deepEqual(res.body, issue);
        assert.equal(res.headers.get('etag'), `"${issue.version}"`);
        assert.deepEqual((await listAll(world.as(key), g.issues)).find((x) => x.id === issue.id), issue);
      }
      const low = await raise('nbMember', { title: 'Minor wording issue', severity: 'low', party_ids: [world.orgIds.nimbus] });
      const critical = await raise('phMember', { title: 'Safety signal', severity: 'critical' });
      assert.deepEqual(low.party_ids, [world.orgIds.nimbus]);
      for (const [q, pred] of [['severity=low', (x) => x.severity === 'low'], ['severity=critical', (x) => x.severity === 'critical'],
        ['status=open', (x) => x.status === 'open'], ['status=open&severity=high', (x) => x.status === 'open' && x.severity === 'high']]) {
        const items = await listAll(world.as('phViewer'), `${g.issues}?${q}`);
        assert.ok(items.length > 0 && items.every(pred), `${q}: ${JSON.stringify(items.map((x) => [x.status, x.severity]))}`);
      }
      assert.ok((await listAll(world.as('phViewer'), `${g.issues}?severity=low`)).some((x) => x.id === low.id));
      assert.ok((await listAll(world.as('phViewer'), `${g.issues}?severity=critical`)).some((x) => x.id === critical.id));
      for (const q of ['severity=urgent', 'status=closed', 'limit=0']) {
        const res = await world.as('phViewer').get(`${g.issues}?${q}`);
        assert.ok([400, 422].includes(res.status), `${q}: ${res.status}`);
        expectProblem(res, res.status);
      }
    });

    it('the levels are copied when raised: changing the decision right later leaves the issue as it was', async () => {
      const r = await createDecisionRight(world, 'phManager', id, { committee: jdc, levels: [['Team', jdc, 6], ['JSC', jsc, 12]] });
      const x = await raise('phMember', { decision_right_id: r.id });
      assert.equal(x.level_due_on, day(6));
      await patchOk(world, 'phManager', `${g.decisionRights}/${r.id}`, { levels: [{ name: 'Renamed team', committee_id: jdc.id, days: 20 }] });
      const again = await getIssue('phMember', x);
      assert.deepEqual(levelsOf(again), [{ name: 'Team', committee_id: jdc.id, days: 6 }, { name: 'JSC', committee_id: jsc.id, days: 12 }]);
      assert.equal(again.current_level_name, 'Team');
      assert.equal(again.level_due_on, day(6));
      const y = await raise('phMember', { decision_right_id: r.id });
      assert.deepEqual(levelsOf(y), [{ name: 'Renamed team', committee_id: jdc.id, days: 20 }]);
      assert.equal(y.level_due_on, day(20));
    });

    it('a Helix party issue is invisible to Nimbus: 404 for it and its history, absent from lists', async () => {
      const x = await raise('phManager', { title: 'Helix doubts Nimbus\'s capacity Lynx', visibility: 'party' });
      for (const key of ['phMember', 'phViewer']) expectStatus(await world.as(key).get(issuePath(x)), 200);
      const before = audit();
      for (const key of ['nbManager', 'nbMember']) {
        expectProblem(await world.as(key).get(issuePath(x)), 404, 'not-found');
        expectProblem(await world.as(key).get(`${issuePath(x)}/history`), 404, 'not-found');
        expectProblem(await world.as(key).patch(issuePath(x), { title: 'peek' }, { ifMatch: x.version }), 404, 'not-found');
        expectProblem(await world.as(key).post(`${issuePath(x)}/escalate`, { reason: 'peek' }, { ifMatch: x.version }), 404, 'not-found');
        expectProblem(await world.as(key).post(`${issuePath(x)}/resolve`, { outcome: 'peek', agreed_by: [world.person(key).id] }, { ifMatch: x.version }), 404, 'not-found');
        expectProblem(await world.as(key).del(issuePath(x)), 404, 'not-found');
        const list = await listAll(world.as(key), g.issues);
        assert.ok(!list.some((y) => y.id === x.id) && !JSON.stringify(list).includes('Lynx'));
      }
      assert.equal(audit(), before);
    });

    const CASES = [
      ['a missing title', (b) => { const x = { ...b }; delete x.title; return x; }, 'title'],
      ['an empty title', (b) => ({ ...b, title: '' }), 'title'],
      ['a title over 200 characters', (b) => ({ ...b, title: 't'.repeat(201) }), 'title'],
      ['a description of the wrong type', (b) => ({ ...b, description: 12 }), 'description'],
      ['an unknown severity', (b) => ({ ...b, severity: 'urgent' }), 'severity'],
      ['no parties', (b) => ({ ...b, party_ids: [] }), 'party_ids'],
      ['a party that is not in the alliance', (b, w) => ({ ...b, party_ids: [w.orgIds.helix, w.orgIds.outsider] }), 'party_ids'],
      ['an unknown party', (b) => ({ ...b, party_ids: [NO_SUCH_ID] }), 'party_ids'],
      ['parties that are not an array', (b, w) => ({ ...b, party_ids: w.orgIds.helix }), 'party_ids'],
      ['a missing decision right', (b) => { const x = { ...b }; delete x.decision_right_id; return x; }, 'decision_right_id'],
      ['an unknown decision right', (b) => ({ ...b, decision_right_id: NO_SUCH_ID }), 'decision_right_id'],
      ['a read-only level', (b) => ({ ...b, current_level: 2 }), 'current_level'],
      ['read-only levels', (b) => ({ ...b, levels: [] }), 'levels'],
      ['a read-only status', (b) => ({ ...b, status: 'resolved' }), 'status'],
      ['a read-only raised_on', (b) => ({ ...b, raised_on: '2026-01-01' }), 'raised_on'],
      ['an unknown field', (b) => ({ ...b, owner: 'Avery' }), 'owner'],
    ];
    for (const [what, make, field] of CASES) {
      it(`422 for ${what}; nothing written`, async () => {
        const before = { audit: audit(), n: await listCount(world, 'phManager', g.issues) };
        const body = make({ title: 'Bad issue', severity: 'low', party_ids: [world.orgIds.helix], decision_right_id: right3.id }, world);
        expectValidation(await world.as('phMember').post(g.issues, body), field);
        assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', g.issues) }, before);
      });
    }

    it('a decision right of another alliance, or one hidden from the caller, is 422', async () => {
      const other = await world.createAlliance('phManager');
      const oc = await createCommittee(world, 'phManager', other.id);
      const foreign = await createDecisionRight(world, 'phManager', other.id, { committee: oc, levels: [['Team', oc, 5]] });
      const hidden = await createDecisionRight(world, 'phManager', id, { committee: jsc, levels: [['JSC', jsc, 5]],
        decision_type: 'Helix-only path Orca', visibility: 'party' });
      const before = audit();
      expectValidation(await world.as('phMember').post(g.issues, { title: 'x', severity: 'low', party_ids: [world.orgIds.helix], decision_right_id: foreign.id }), 'decision_right_id');
      const res = await world.as('nbMember').post(g.issues, { title: 'x', severity: 'low', party_ids: [world.orgIds.nimbus], decision_right_id: hidden.id });
      expectValidation(res, 'decision_right_id');
      assert.ok(!res.text.includes('Orca'), res.text);
      assert.equal(audit(), before);
    });

    it('viewers and executives may not raise issues (403); outsiders 404; signed out 401', async () => {
      const before = audit();
      const body = { title: 'x', severity: 'low', party_ids: [world.orgIds.helix], decision_right_id: right3.id };
      for (const key of ['phViewer', 'phExec']) expectProblem(await world.as(key).post(g.issues, body), 403, 'forbidden');
      for (const key of ['outsider', 'phBystander']) {
        expectProblem(await world.as(key).post(g.issues, body), 404, 'not-found');
        expectProblem(await world.as(key).get(issuePath(issue)), 404, 'not-found');
      }
      expectProblem(await world.anon().get(g.issues), 401, 'unauthenticated');
      assert.equal(audit(), before);
    });
  });

  describe('updating an issue', () => {
    it('PATCH title, description, severity and parties (If-Match); 428 / 412; the path is not editable (422)', async () => {
      const x = await raise('phMember', { title: 'To be reworded' });
      const path = issuePath(x);
      const before = audit();
      expectProblem(await world.as('phMember').patch(path, { title: 'y' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(path, { title: 'y' }, { ifMatch: stale(x.version) }), 412, 'stale');
      expectValidation(await world.as('phMember').patch(path, { decision_right_id: right5.id }, { ifMatch: x.version }), 'decision_right_id');
      expectValidation(await world.as('phMember').patch(path, { current_level: 1 }, { ifMatch: x.version }), 'current_level');
      expectValidation(await world.as('phMember').patch(path, { party_ids: [] }, { ifMatch: x.version }), 'party_ids');
      expectValidation(await world.as('phMember').patch(path, { severity: 'meh' }, { ifMatch: x.version }), 'severity');
      for (const key of ['phViewer', 'phExec', 'nbManager', 'nbMember']) {
        expectProblem(await world.as(key).patch(path, { title: 'y' }, { ifMatch: x.version }), 403, 'forbidden');
      }
      assert.deepEqual(await getIssue('phMember', x), x);
      assert.equal(audit(), before);
      const res = await world.as('phMember').patch(path, { title: 'Reworded', description: 'Clearer.', severity: 'critical',
        party_ids: [world.orgIds.helix] }, { ifMatch: x.version });
      expectStatus(res, 200);
      assert.equal(res.body.title, 'Reworded');
      assert.equal(res.body.description, 'Clearer.');
      assert.equal(res.body.severity, 'critical');
      assert.deepEqual(res.body.party_ids, [world.orgIds.helix]);
      assert.equal(res.body.current_level, 0);
      assert.equal(res.body.level_due_on, x.level_due_on, 'editing does not restart the clock');
      assert.ok(res.body.version > x.version);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
    });
  });

  describe('manual escalation', () => {
    let x;
    before(async () => { x = await raise('phMember', { title: 'Budget overrun' }); });

    it('POST escalate → the next level now, due today + its days; a "manual" history entry; audited', async () => {
      x = await escalate('phMember', x, 'The team cannot agree on the overrun');
      assert.equal(x.current_level, 1);
      assert.equal(x.current_level_name, 'Joint Steering Committee');
      assert.equal(x.level_due_on, day(10));
      assert.equal(x.days_left, 10);
      assert.equal(x.status, 'open');
      const items = await history('nbManager', x);
      assert.equal(items.length, 2);
      const last = items[items.length - 1];
      assert.equal(last.level, 1);
      assert.equal(last.level_name, 'Joint Steering Committee');
      assert.equal(last.reason, 'manual');
      assert.equal(last.note, 'The team cannot agree on the overrun');
      assert.equal(last.entered_on, today());
      assert.equal(last.due_on, day(10));
      assert.equal(last.by, world.person('phMember').id);
      assert.equal(last.by_name, world.person('phMember').name);
      for (const key of ['phManager', 'nbManager']) {
        const events = await escalations(key, x);
        assert.equal(events.length, 1, `${key}: one escalate event`);
        assert.equal(events[0].actor_id, world.person('phMember').id);
      }
    });

    it('at the last level → 409; nothing changes', async () => {
      x = await escalate('phMember', x, 'Still no agreement');
      assert.equal(x.current_level, 2);
      assert.equal(x.current_level_name, 'Executive sponsors');
      assert.equal(x.level_due_on, day(15));
      const before = audit();
      expectProblem(await escalateRaw('phMember', x, 'Beyond the top'), 409, 'conflict');
      assert.deepEqual(await getIssue('phMember', x), x);
      assert.equal((await history('phMember', x)).length, 3);
      assert.equal(audit(), before);
    });

    it('escalate needs If-Match (428 / 412); viewers 403; outsiders 404; nothing changes', async () => {
      const y = await raise('phMember', { title: 'Escalation preconditions' });
      const path = `${issuePath(y)}/escalate`;
      const before = audit();
      expectProblem(await world.as('phMember').post(path, { reason: 'x' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').post(path, { reason: 'x' }, { ifMatch: stale(y.version) }), 412, 'stale');
      expectValidation(await world.as('phMember').post(path, { reason: 'x', level: 2 }, { ifMatch: y.version }), 'level');
      for (const key of ['phViewer', 'phExec']) expectProblem(await world.as(key).post(path, { reason: 'x' }, { ifMatch: y.version }), 403, 'forbidden');
      expectProblem(await world.as('outsider').post(path, { reason: 'x' }, { ifMatch: y.version }), 404, 'not-found');
      assert.deepEqual(await getIssue('phMember', y), y);
      assert.equal(audit(), before);
    });
  });

  describe('resolution', () => {
    let x;
    before(async () => { x = await raise('phMember', { title: 'Cost split for the extension' }); });

    it('resolve needs an outcome and at least one alliance member who agreed (422); nothing changes', async () => {
      const before = audit();
      const u = (k) => world.person(k).id;
      for (const [body, field] of [
        [{ outcome: '', agreed_by: [u('phManager')] }, 'outcome'],
        [{ outcome: 'o'.repeat(5001), agreed_by: [u('phManager')] }, 'outcome'],
        [{ agreed_by: [u('phManager')] }, 'outcome'],
        [{ outcome: 'Agreed', agreed_by: [] }, 'agreed_by'],
        [{ outcome: 'Agreed' }, 'agreed_by'],
        [{ outcome: 'Agreed', agreed_by: [u('phBystander')] }, 'agreed_by'],
        [{ outcome: 'Agreed', agreed_by: [NO_SUCH_ID] }, 'agreed_by'],
        [{ outcome: 'Agreed', agreed_by: u('phManager') }, 'agreed_by'],
        [{ outcome: 'Agreed', agreed_by: [u('phManager')], signed: true }, 'signed'],
      ]) {
        expectValidation(await resolveRaw('phMember', x, body), field);
      }
      expectProblem(await world.as('phMember').post(`${issuePath(x)}/resolve`, { outcome: 'Agreed', agreed_by: [u('phManager')] }), 428, 'precondition-required');
      assert.deepEqual(await getIssue('phMember', x), x);
      assert.equal(audit(), before);
    });

    it('POST resolve → resolved, with the outcome, who agreed, when and by whom; a "resolved" history entry', async () => {
      const res = await resolveRaw('phMember', x, { outcome: 'Agreed to split the cost 60/40.',
        agreed_by: [world.person('phManager').id, world.person('nbManager').id] });
      expectStatus(res, 200);
      x = await getIssue('phMember', x);
      assert.equal(x.status, 'resolved');
      assert.ok(x.resolution, 'a resolution');
      expectKeys(x.resolution, ['outcome', 'agreed_by', 'resolved_on', 'resolved_by'], 'resolution');
      assert.equal(x.resolution.outcome, 'Agreed to split the cost 60/40.');
      assert.equal(x.resolution.resolved_on, today());
      assert.equal(x.resolution.resolved_by, world.person('phMember').id);
      const agreed = [...x.resolution.agreed_by].sort((a, b) => a.user_id.localeCompare(b.user_id));
      const expected = ['phManager', 'nbManager'].map((k) => ({ user_id: world.person(k).id, name: world.person(k).name,
        organization_id: world.person(k).orgId })).sort((a, b) => a.user_id.localeCompare(b.user_id));
      assert.deepEqual(agreed, expected);
      const items = await history('nbMember', x);
      assert.equal(items[items.length - 1].reason, 'resolved');
      assert.equal(items[items.length - 1].by, world.person('phMember').id);
      assert.deepEqual(await getIssue('nbMember', x), x);
      assert.ok((await listAll(world.as('phViewer'), `${g.issues}?status=resolved`)).some((y) => y.id === x.id));
      assert.ok(!(await listAll(world.as('phViewer'), `${g.issues}?status=open`)).some((y) => y.id === x.id));
    });

    it('after resolution: escalate, PATCH and resolve again → 409; nothing changes', async () => {
      const before = audit();
      expectProblem(await escalateRaw('phMember', x), 409, 'conflict');
      expectProblem(await world.as('phMember').patch(issuePath(x), { title: 'Reopened?' }, { ifMatch: x.version }), 409, 'conflict');
      expectProblem(await resolveRaw('phMember', x, { outcome: 'Again', agreed_by: [world.person('phManager').id] }), 409, 'conflict');
      assert.deepEqual(await getIssue('phMember', x), x);
      assert.equal(audit(), before);
    });
  });

  describe('automatic escalation: northstar jobs run --today', () => {
    let A;   // alliance-visible, 3 levels (5, 10, 15 days)
    let P;   // Helix party-private, the same path, both parties involved
    let M;   // alliance-visible, 5 levels (7, 8, 9, 30, 30 days)
    let R;   // resolved
    const WHO = ['phMember', 'phManager', 'phExec', 'phViewer', 'nbManager', 'nbMember'];
    const auto = (items) => items.filter((h) => h.reason === 'automatic');

    before(async () => {
      A = await raise('phMember', { title: 'Sensor supply is short' });
      P = await raise('phMember', { title: 'Helix private worry Corvus', visibility: 'party' });
      M = await raise('phMember', { title: 'Data platform outage', decision_right_id: right5.id });
      R = await raise('phMember', { title: 'Already settled' });
      const res = await resolveRaw('phMember', R, { outcome: 'Settled in the corridor.', agreed_by: [world.person('nbManager').id] });
      expectStatus(res, 200);
      R = await getIssue('phMember', R);
      assert.equal(A.level_due_on, day(5));
      assert.equal(M.level_due_on, day(7));
    });

    it('a run on the due date itself moves nothing (only dates before today are past)', async () => {
      const before = { A: await getIssue('phMember', A), M: await getIssue('phMember', M), audit: audit() };
      runJobs(server, day(5));
      assert.deepEqual(await getIssue('phMember', A), before.A);
      assert.deepEqual(await getIssue('phMember', M), before.M);
      assert.deepEqual(await notesFor('phMember', A), []);
      assert.equal(audit(), before.audit);
    });

    it('a run the day after: one level up, due = previous due + the new level\'s days; an "automatic" history entry; audited without an actor', async () => {
      runJobs(server, day(6));
      A = await getIssue('phMember', A);
      assert.equal(A.current_level, 1);
      assert.equal(A.current_level_name, 'Joint Steering Committee');
      assert.equal(A.level_due_on, day(15), 'due = day 5 + 10 days');
      assert.equal(A.days_left, between(today(), day(15)));
      const items = await history('nbManager', A);
      const moves = auto(items);
      assert.equal(moves.length, 1);
      expectKeys(moves[0], HISTORY_FIELDS, 'history entry');
      assert.equal(moves[0].level, 1);
      assert.equal(moves[0].level_name, 'Joint Steering Committee');
      assert.equal(moves[0].due_on, day(15));
      assert.equal(moves[0].by, null);
      assert.equal(moves[0].by_name, null);
      for (const key of ['phManager', 'nbManager']) {
        const events = await escalations(key, A);
        assert.equal(events.length, 1, `${key}: one escalate event`);
        assert.equal(events[0].actor_id, null, 'the job has no actor');
      }
      P = await getIssue('phMember', P);
      assert.equal(P.current_level, 1);
      M = await getIssue('phMember', M);
      assert.equal(M.current_level, 0, 'M is due on day 7: not yet');
    });

    it('notifies the raiser, the new level\'s committee and the involved parties\' managers — not others', async () => {
      for (const key of ['phMember', 'phManager', 'phExec', 'nbManager', 'nbMember']) {
        const mine = await notesFor(key, A);
        assert.ok(mine.length >= 1, `${key} is notified of A`);
        for (const n of mine) {
          expectKeys(n, NOTIFICATION_FIELDS, 'notification');
          assert.equal(n.kind, 'issue_escalated');
          assert.equal(n.alliance_id, id);
          assert.equal(n.alliance_name, world.alliance.name);
          assert.equal(n.record_id, A.id);
          assert.equal(typeof n.record_type, 'string');
          assert.ok(typeof n.title === 'string' && n.title.length > 0);
          assert.equal(typeof n.body, 'string');
          assert.equal(typeof n.link, 'string');
          assert.match(n.created_at, INSTANT);
          assert.equal(n.read_at, null);
        }
        const { unread_count: unread } = await notifications(world, key);
        const unreadItems = await listAll(world.as(key), `${API}/me/notifications?unread=true`);
        assert.ok(unreadItems.every((n) => n.read_at === null));
        assert.equal(unread, unreadItems.length, `${key}: unread_count counts the unread notifications`);
        assert.ok(unread >= mine.length);
      }
      assert.deepEqual(await notesFor('phViewer', A), [], 'a viewer who is neither raiser, committee member nor manager is not notified');
    });

    it('a party-private issue notifies only people who may read it: nobody of Nimbus', async () => {
      for (const key of ['phMember', 'phManager', 'phExec']) assert.ok((await notesFor(key, P)).length >= 1, `${key} is notified of P`);
      for (const key of ['nbManager', 'nbMember']) {
        const all = await notifications(world, key);
        assert.ok(!all.items.some((n) => n.record_id === P.id), `${key} is not notified of P`);
        assert.ok(!JSON.stringify(all).includes('Corvus'), `nothing of P in ${key}'s notifications`);
      }
      const nimbusAudit = JSON.stringify(await listAll(world.as('nbManager'), g.audit));
      assert.ok(!nimbusAudit.includes(P.id) && !nimbusAudit.includes('Corvus'), 'nothing of P in Nimbus\'s audit trail');
    });

    it('running the job again with the same date changes nothing (same levels, history, events and notifications)', async () => {
      const snap = async () => ({
        issues: await Promise.all([A, P, M, R].map((x) => getIssue('phMember', x))),
        histories: await Promise.all([A, P, M, R].map((x) => history('phMember', x))),
        events: (await listAll(world.as('phManager'), g.audit)).filter((e) => e.action === 'escalate').length,
        notifications: await Promise.all(WHO.map(async (key) => { const n = await notifications(world, key); return [n.items.length, n.unread_count]; })),
        audit: audit(),
      });
      const before = await snap();
      runJobs(server, day(6));
      runJobs(server, day(6));
      assert.deepEqual(await snap(), before);
    });

    it('several passed limits move several levels at once, each due = previous due + days, until a due date is not past', async () => {
      runJobs(server, day(32));
      M = await getIssue('phMember', M);
      // day 7 → +8 = day 15 (past) → +9 = day 24 (past) → +30 = day 54 (not past): level 3
      assert.equal(M.current_level, 3);
      assert.equal(M.current_level_name, 'Executives');
      assert.equal(M.level_due_on, day(54));
      assert.equal(M.days_left, between(today(), day(54)));
      const moves = auto(await history('phMember', M));
      assert.deepEqual(moves.map((h) => [h.level, h.due_on]), [[1, day(15)], [2, day(24)], [3, day(54)]]);
      assert.equal((await escalations('phManager', M)).length, 3, 'each move is audited');
      A = await getIssue('phMember', A);
      // day 15 → +15 = day 30: the last level
      assert.equal(A.current_level, 2);
      assert.equal(A.current_level_name, 'Executive sponsors');
      assert.equal(A.level_due_on, day(30));
      assert.ok((await notesFor('nbManager', M)).length >= 1, 'the steering committee\'s co-chair hears of M');
    });

    it('at the last level nothing moves any more; resolved issues never move', async () => {
      const before = { A: await getIssue('phMember', A), R: await getIssue('phMember', R), histA: await history('phMember', A) };
      runJobs(server, day(60));
      assert.deepEqual(await getIssue('phMember', A), before.A);
      assert.deepEqual(await history('phMember', A), before.histA);
      assert.deepEqual(await getIssue('phMember', R), before.R);
      assert.equal(R.status, 'resolved');
      assert.deepEqual(auto(await history('phMember', R)), []);
      assert.deepEqual(await escalations('phManager', R), []);
      M = await getIssue('phMember', M);
      assert.equal(M.current_level, 4, 'M moves on: day 54 + 30 = day 84');
      assert.equal(M.level_due_on, day(84));
    });

    it('two job runs at the same time (two nodes) move each issue exactly once per level', async () => {
      const C = await raise('nbMember', { title: 'Concurrent escalation', decision_right_id: right5.id, party_ids: [world.orgIds.nimbus] });
      const [r1, r2] = await Promise.all([runJobsConcurrently(server, day(32)), runJobsConcurrently(server, day(32))]);
      assert.equal(r1.code, 0, r1.output);
      assert.equal(r2.code, 0, r2.output);
      const got = await getIssue('nbMember', C);
      assert.equal(got.current_level, 3);
      assert.equal(got.level_due_on, day(54));
      const moves = auto(await history('nbMember', C));
      assert.deepEqual(moves.map((h) => h.level).sort(), [1, 2, 3], 'each level entered once, none twice');
      assert.equal((await escalations('nbManager', C)).length, 3, 'three escalate events, not six');
      const mine = await notesFor('nbMember', C);
      assert.ok(mine.length >= 1 && mine.length <= 3, `the raiser is notified once per move at most: ${mine.length}`);
    });
  });

  describe('reading notifications', () => {
    it('mark one read → 204: read_at set, unread_count down by one; someone else\'s → 404', async () => {
      const before = await notifications(world, 'phMember', 'unread=true');
      assert.ok(before.items.length >= 2, `phMember has unread notifications: ${before.items.length}`);
      const n = before.items[0];
      const res = await world.as('phMember').post(`${API}/me/notifications/${n.id}/read`);
      assert.equal(res.status, 204, res.text);
      const after = await notifications(world, 'phMember');
      assert.equal(after.unread_count, before.unread_count - 1);
      const got = after.items.find((x) => x.id === n.id);
      assert.match(got.read_at, INSTANT);
      assert.ok(!(await listAll(world.as('phMember'), `${API}/me/notifications?unread=true`)).some((x) => x.id === n.id));
      const other = (await notifications(world, 'phMember', 'unread=true')).items[0];
      const nbBefore = await notifications(world, 'nbMember');
      expectProblem(await world.as('nbMember').post(`${API}/me/notifications/${other.id}/read`), 404, 'not-found');
      expectProblem(await world.as('phMember').post(`${API}/me/notifications/${NO_SUCH_ID}/read`), 404, 'not-found');
      assert.equal((await notifications(world, 'phMember')).unread_count, after.unread_count, 'nothing else was read');
      assert.equal((await notifications(world, 'nbMember')).unread_count, nbBefore.unread_count);
    });

    it('read-all → 204: no unread left for the caller, others untouched', async () => {
      const managerBefore = await notifications(world, 'phManager');
      assert.ok(managerBefore.unread_count > 0);
      const res = await world.as('phMember').post(`${API}/me/notifications/read-all`);
      assert.equal(res.status, 204, res.text);
      const after = await notifications(world, 'phMember');
      assert.equal(after.unread_count, 0);
      assert.ok(after.items.every((n) => n.read_at !== null));
      assert.deepEqual(await listAll(world.as('phMember'), `${API}/me/notifications?unread=true`), []);
      assert.equal((await notifications(world, 'phManager')).unread_count, managerBefore.unread_count);
    });

    it('the list pages; signed out → 401; a bad filter → 400 or 422', async () => {
      const all = (await notifications(world, 'phManager')).items;
      const paged = await listAll(world.as('phManager'), `${API}/me/notifications`, { limit: 1 });
      assert.deepEqual(paged.map((n) => n.id), all.map((n) => n.id));
      expectProblem(await world.anon().get(`${API}/me/notifications`), 401, 'unauthenticated');
      expectProblem(await world.anon().post(`${API}/me/notifications/read-all`), 401, 'unauthenticated');
      const res = await world.as('phManager').get(`${API}/me/notifications?unread=perhaps`);
      assert.ok([400, 422].includes(res.status), `${res.status}`);
      expectProblem(res, res.status);
    });
  });
});
