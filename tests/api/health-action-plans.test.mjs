// Health assessments, what follows the scores: action plans (an action item of a committee, made
// from a dimension's result, listed beside the dimension in this wave's results and the next one's,
// with the dimension's earlier score to tell whether it moved), perception beside evidence (the
// signals of docs/api-guide.md over the wave's period, counted over the records the caller may see)
// and the alliance's health score in the portfolio (latest closed alliance-wide wave, its trend,
// sorted by it).
// The contract is server/modules/health/ (service.hpp, evidence.hpp) and the alliance list.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { NO_SUCH_ID, today, day } from '../support/plan.mjs';
import {
  ACCESS_FIELDS, ACTION_FIELDS, JOINT_SEATS, enlist, expectKeys, getOk, gov, governanceAlliance, makeCommittee, postOk,
} from '../support/governance.mjs';
import { hw, sheet, shippedBank, waveBody, createWave, submit, closeWave, results } from '../support/health.mjs';

const SIGNALS = {
  governance: ['decisions_waiting', 'decision_days', 'minutes_days'],
  communication: ['meetings_held'],
  conflict: ['issues_escalated', 'issue_resolution_days'],
  execution: ['milestones_late', 'slip_days', 'kpis_red'],
  commitments: ['on_time_rate'],
};
const SIGNAL_FIELDS = ['key', 'value', 'expected', 'unit', 'better', 'by_party'];
const PLAN_FIELDS = ['id', 'title', 'status', 'due_on', 'overdue', 'owner_name', 'committee_id', 'committee_name', 'wave_id',
  'wave_title', 'item_key'];
const HEALTH_FIELDS = ['wave_id', 'wave_title', 'closed_on', 'score', 'previous_score'];

describe('health assessments: action plans, evidence and the portfolio health score', () => {
  let world;
  let server;
  let A;              // the standard alliance
  let r;              // its health routes
  let BANK;           // the shipped bank
  let JSC;            // a committee of both parties
  let HELIX_ONLY;     // Helix's private committee
  let W1;             // closed: Nimbus sees decision making far worse than Helix
  let W2;             // closed after W1: the gap narrowed
  let PLAN;           // the action plan made from W1's governance result
  const HELIX = [['phManager', 'alliance_manager'], ['phMember', 'team_member'], ['phExec', 'executive_sponsor']];
  let NIMBUS;

  before(async () => {
    world = await buildWorld({ spares: { nimbus: 2 } });
    server = world.server;
    A = world.alliance.id;
    r = hw(A);
    for (const spare of world.spares.nimbus) await enlist(world, A, spare, 'member');
    NIMBUS = [['nbManager', 'alliance_manager'], ['nbMember', 'team_member'], [world.spares.nimbus[0].key, 'finance']];
    BANK = await shippedBank(world);
    JSC = await makeCommittee(world, { allianceId: A, name: 'Joint Steering Committee', seats: JOINT_SEATS });
    HELIX_ONLY = await makeCommittee(world, { allianceId: A, name: 'Helix alliance office', visibility: 'party' });
  });
  after(async () => { await world?.stop(); });

  const gapSheet = (governance, other = 3) => sheet(BANK.dimensions, (item) => {
    const v = item.dimension === 'governance' ? governance : other;
    return item.scale === 'agreement' ? v : (v - 1) * 25;
  });
  async function runWave(title, helixGovernance, nimbusGovernance, { who = [...HELIX, ...NIMBUS], overrides = {} } = {}) {
    const w = await createWave(world, 'phManager', A, waveBody(world, BANK.id, who, { title, ...overrides }));
    for (const [key] of who) {
      const helix = world.person(key).org === 'helix';
      await submit(world, key, A, w, gapSheet(helix ? helixGovernance : nimbusGovernance));
    }
    return closeWave(world, 'phManager', A, w);
  }
  const dimension = (res, key) => res.dimensions.find((d) => d.key === key);
  const planBody = (over = {}) => ({
    dimension_key: 'governance', title: 'Decide within two weeks of a proposal', owner_user_id: world.person('nbManager').id,
    due_on: day(30), committee_id: JSC.id, ...over,
  });
  const counts = () => ({ actions: server.count('action_items'), audit: server.count('audit_events') });

  describe('action plans', () => {
    it('are made from results only: 409 while the wave is open, and nothing is written', async () => {
      const open = await createWave(world, 'phManager', A, waveBody(world, BANK.id, [...HELIX, ...NIMBUS], { title: 'Still open' }));
      const before = counts();
      const res = await world.as('phManager').post(`${r.wave(open)}/action-plans`, planBody());
      expectProblem(res, 409, 'conflict');
      assert.deepEqual(counts(), before);
    });

    it('W1 closes with a clear perception gap on governance and decision making', async () => {
      W1 = await runWave('Health check, first half', 5, 2);
      const res = await results(world, 'nbManager', A, W1);
      const g = dimension(res, 'governance');
      assert.equal(g.gap, 75, 'Helix 100 against Nimbus 25 on the 0–100 scale');
      assert.equal(g.gap_flagged, true);
      assert.equal(g.previous, null, 'no wave before');
      assert.deepEqual(g.action_plans, []);
    });

    it('bad input is refused with the field named, and nothing is written', async () => {
      const before = counts();
      const as = world.as('phManager');
      const url = `${r.wave(W1)}/action-plans`;
      const otherItem = dimension(await results(world, 'phManager', A, W1), 'trust').items[0].key;
      expectValidation(await as.post(url, planBody({ dimension_key: 'no_such_dimension' })), 'dimension_key');
      expectValidation(await as.post(url, planBody({ item_key: otherItem })), 'item_key');
      expectValidation(await as.post(url, planBody({ committee_id: undefined })), 'committee_id');
      expectValidation(await as.post(url, planBody({ committee_id: null })), 'committee_id');
      expectValidation(await as.post(url, planBody({ committee_id: NO_SUCH_ID })), 'committee_id');
      expectValidation(await as.post(url, planBody({ status: 'done' })), 'status');
      expectValidation(await as.post(url, planBody({ title: '' })), 'title');
      expectValidation(await as.post(url, planBody({ due_on: '2026-02-30' })), 'due_on');
      expectValidation(await as.post(url, planBody({ owner_user_id: world.person('outsider').id })), 'owner_user_id');
      expectValidation(await as.post(url, planBody({ surprise: 1 })), 'surprise');
      // A committee only Helix sees cannot follow up an action the whole alliance reads.
      expectValidation(await as.post(url, planBody({ committee_id: HELIX_ONLY.id })), 'committee_id');
      expectProblem(await as.post(`${r.wave(NO_SUCH_ID)}/action-plans`, planBody()), 404, 'not-found');
      const raw = await as.post(url, undefined, { raw: '[1', contentType: 'application/json' });
      assert.equal(raw.status, 400);
      assert.deepEqual(counts(), before);
    });

    it('who may not write action items may not make an action plan', async () => {
      const before = counts();
      expectProblem(await world.as('phViewer').post(`${r.wave(W1)}/action-plans`, planBody()), 403, 'forbidden');
      expectProblem(await world.as('outsider').post(`${r.wave(W1)}/action-plans`, planBody()), 404, 'not-found');
      assert.deepEqual(counts(), before);
    });

    it('becomes an action item of the committee, linked back to the dimension, and audited', async () => {
      const item = dimension(await results(world, 'phManager', A, W1), 'governance').items[1].key;
      const before = counts();
      PLAN = await postOk(world, 'phManager', `${r.wave(W1)}/action-plans`, planBody({ item_key: item }));
      expectKeys(PLAN, [...ACCESS_FIELDS, ...ACTION_FIELDS], 'action plan');
      assert.equal(PLAN.committee_id, JSC.id);
      assert.deepEqual(PLAN.health, { wave_id: W1.id, dimension_key: 'governance', item_key: item });
      assert.equal(PLAN.status, 'open');
      assert.equal(PLAN.party_id, world.orgIds.nimbus, 'an action is its owner\'s party\'s');
      assert.equal(server.count('action_items'), before.actions + 1);
      assert.ok(server.count('audit_events') > before.audit, 'audited');
      // The committee's actions, for both parties: the same action item as any other.
      for (const key of ['phMember', 'nbMember']) {
        const actions = await listAll(world.as(key), gov(A).actions);
        const got = actions.find((a) => a.id === PLAN.id);
        assert.ok(got, `${key} sees the plan among the actions`);
        assert.equal(got.committee_id, JSC.id);
        assert.deepEqual(got.health, PLAN.health);
      }
      const followed = await listAll(world.as('nbMember'), `${gov(A).actions}?committee_id=${JSC.id}`);
      assert.deepEqual(followed.map((a) => a.id), [PLAN.id], 'the committee\'s actions');
      assert.deepEqual(await listAll(world.as('nbMember'), `${gov(A).actions}?committee_id=${NO_SUCH_ID}`), []);
      const trail = await getOk(world, 'nbMember', `${gov(A).audit}?record_type=action&record_id=${PLAN.id}`);
      assert.ok(trail.items.some((e) => e.action === 'create'), `the trail records the plan: ${JSON.stringify(trail.items.map((e) => e.action))}`);
    });

    it('the link cannot be changed afterwards, while the committee can', async () => {
      const cur = await getOk(world, 'phManager', `${gov(A).actions}/${PLAN.id}`);
      const res = await world.as('phManager').patch(`${gov(A).actions}/${PLAN.id}`, { health: null }, { ifMatch: cur.version });
      expectValidation(res, 'health');
      const cleared = await world.as('phManager').patch(`${gov(A).actions}/${PLAN.id}`, { committee_id: null }, { ifMatch: cur.version });
      expectStatus(cleared, 200);
      assert.equal(cleared.body.committee_id, null);
      assert.deepEqual(cleared.body.health, PLAN.health, 'still linked to the dimension');
      const back = await world.as('phManager').patch(`${gov(A).actions}/${PLAN.id}`, { committee_id: JSC.id }, { ifMatch: cleared.body.version });
      expectStatus(back, 200);
    });

    it('the results list it beside its dimension, for both parties', async () => {
      for (const key of ['phManager', 'nbMember']) {
        const res = await results(world, key, A, W1);
        const plans = dimension(res, 'governance').action_plans;
        assert.equal(plans.length, 1, `${key}: ${JSON.stringify(plans)}`);
        expectKeys(plans[0], PLAN_FIELDS, 'listed plan');
        assert.equal(plans[0].id, PLAN.id);
        assert.equal(plans[0].committee_name, 'Joint Steering Committee');
        assert.equal(plans[0].wave_id, W1.id);
        assert.equal(plans[0].wave_title, 'Health check, first half');
        assert.equal(plans[0].item_key, PLAN.health.item_key);
        assert.equal(plans[0].owner_name, world.person('nbManager').name);
        assert.equal(plans[0].overdue, false);
        for (const d of res.dimensions.filter((x) => x.key !== 'governance')) assert.deepEqual(d.action_plans, [], d.key);
      }
    });

    it('the next wave shows whether the dimension moved, with the plan from the wave before', async () => {
      const first = dimension(await results(world, 'phManager', A, W1), 'governance').overall.score;
      W2 = await runWave('Health check, second half', 5, 4);
      const res = await results(world, 'nbMember', A, W2);
      const g = dimension(res, 'governance');
      assert.deepEqual(g.previous, { wave_id: W1.id, title: 'Health check, first half', closed_on: today(), score: first });
      assert.ok(g.overall.score > first, `moved up: ${first} → ${g.overall.score}`);
      assert.equal(g.gap, 25, 'the gap narrowed from 75 to 25');
      assert.deepEqual(g.action_plans.map((p) => [p.id, p.wave_title]), [[PLAN.id, 'Health check, first half']]);
      // W1's results do not list plans made from later waves.
      const later = await postOk(world, 'phManager', `${r.wave(W2)}/action-plans`, planBody({ title: 'Keep the two-week rule' }));
      const w1 = dimension(await results(world, 'phManager', A, W1), 'governance').action_plans.map((p) => p.id);
      assert.deepEqual(w1, [PLAN.id]);
      const w2 = dimension(await results(world, 'phManager', A, W2), 'governance').action_plans.map((p) => p.id).sort();
      assert.deepEqual(w2, [PLAN.id, later.id].sort());
    });

    it('a private wave\'s plan stays with its party: the partner never sees it or its wave', async () => {
      const w = await runWave('How we see Nimbus', 4, 4, { who: HELIX, overrides: { visibility: 'party' } });
      const url = `${r.wave(w)}/action-plans`;
      const body = planBody({ dimension_key: 'trust', owner_user_id: world.person('phMember').id, committee_id: HELIX_ONLY.id });
      const before = counts();
      expectValidation(await world.as('phManager').post(url, { ...body, owner_user_id: world.person('nbManager').id }), 'owner_user_id');
      expectValidation(await world.as('phManager').post(url, { ...body, visibility: 'alliance' }), 'visibility');
      expectProblem(await world.as('nbManager').post(url, body), 404, 'not-found');
      assert.deepEqual(counts(), before);
      const plan = await postOk(world, 'phManager', url, body);
      assert.equal(plan.visibility, 'party');
      assert.equal(plan.party_id, world.orgIds.helix);
      expectProblem(await world.as('nbManager').get(`${gov(A).actions}/${plan.id}`), 404, 'not-found');
      const theirs = await listAll(world.as('nbManager'), gov(A).actions);
      assert.ok(!theirs.some((a) => a.id === plan.id), 'not in the partner\'s list');
      assert.ok(!JSON.stringify(theirs).includes(w.id), 'no action of the partner names the private wave');
      const mine = dimension(await results(world, 'phMember', A, w), 'trust').action_plans.map((p) => p.id);
      assert.deepEqual(mine, [plan.id]);
    });
  });

  describe('perception beside evidence', () => {
    before(async () => {
      // Over the first wave's period (half a year to today): a late shared milestone, a late
      // Helix-only one, a red KPI, a meeting of the joint committee yesterday.
      const objective = await postOk(world, 'phMember', `${API}/alliances/${A}/objectives`, { title: 'First patient in', horizon: 'short_term' });
      const milestone = (over) => postOk(world, 'phMember', `${API}/alliances/${A}/milestones`,
        { objective_id: objective.id, kind: 'development', title: 'Site activation', planned_date: day(-20), ...over });
      await milestone({});
      await milestone({ title: 'Helix internal readiness', planned_date: day(-10), visibility: 'party', party_id: world.orgIds.helix });
      const kpi = await postOk(world, 'phMember', `${API}/alliances/${A}/kpis`, {
        name: 'Patients enrolled', unit: 'patients', direction: 'higher_is_better', indicator: 'leading', target: 40,
        amber_threshold: 30, red_threshold: 20, cadence: 'monthly',
      });
      await postOk(world, 'phMember', `${API}/alliances/${A}/kpis/${kpi.id}/values`, { measured_on: day(-3), value: 5 });
      await postOk(world, 'phManager', gov(A).meetings, {
        committee_id: JSC.id, title: 'JSC review', starts_at: `${day(-1)}T09:00:00Z`, duration_minutes: 60, time_zone: 'UTC',
      });
    });

    it('each dimension carries its signals, defined once: key, value, expectation, unit, direction', async () => {
      const res = await results(world, 'phManager', A, W1);
      assert.deepEqual(res.evidence_period, { from: day(-181), to: today() }, 'half a year to the close');
      for (const d of res.dimensions) {
        assert.deepEqual(d.evidence.map((s) => s.key), SIGNALS[d.key] ?? [], d.key);
        for (const s of d.evidence) expectKeys(s, SIGNAL_FIELDS, s.key);
      }
      const signal = (key) => res.dimensions.flatMap((d) => d.evidence).find((s) => s.key === key);
      assert.equal(signal('milestones_late').value, 2);
      assert.equal(signal('milestones_late').better, 'lower');
      assert.equal(signal('kpis_red').value, 1);
      assert.equal(signal('meetings_held').value, 1);
      assert.equal(signal('meetings_held').unit, 'count');
      assert.equal(signal('meetings_held').better, 'higher');
      assert.equal(typeof signal('meetings_held').expected, 'number', 'the quarterly committee sets an expectation');
      assert.equal(signal('decision_days').value, null, 'nothing decided: nothing to measure');
      assert.equal(signal('on_time_rate').unit, 'percent');
      assert.deepEqual(signal('on_time_rate').by_party, [], 'no obligation due');
    });

    it('counts only the records the caller may see: the partner does not count Helix\'s private milestone', async () => {
      const theirs = await results(world, 'nbMember', A, W1);
      const late = theirs.dimensions.flatMap((d) => d.evidence).find((s) => s.key === 'milestones_late');
      assert.equal(late.value, 1);
    });

    it('the next wave counts from the day after the one before closed', async () => {
      const res = await results(world, 'phManager', A, W2);
      // Both closed today: the period is that one day.
      assert.deepEqual(res.evidence_period, { from: today(), to: today() });
    });
  });

  describe('the portfolio\'s health score', () => {
    let LOW;      // an alliance whose wave scored low
    let NONE;     // an alliance without a closed wave

    before(async () => {
      LOW = await governanceAlliance(world, 'Low health');
      for (const spare of world.spares.nimbus) await enlist(world, LOW.id, spare, 'member');
      const who = [...HELIX, ...NIMBUS];
      const w = await createWave(world, 'phManager', LOW.id, waveBody(world, BANK.id, who, { title: 'Low check' }));
      const low = sheet(BANK.dimensions, (item) => (item.scale === 'agreement' ? 1 : 0));
      for (const [key] of who) await submit(world, key, LOW.id, w, low);
      await closeWave(world, 'phManager', LOW.id, w);
      NONE = await governanceAlliance(world, 'No health yet');
      await createWave(world, 'phManager', NONE.id, waveBody(world, BANK.id, [...HELIX, ['nbManager', 'alliance_manager']], { title: 'Open check' }));
    });

    it('is the latest closed alliance-wide wave\'s overall score, with the one before for the trend', async () => {
      const w2 = await results(world, 'nbMember', A, W2);
      const w1 = await results(world, 'nbMember', A, W1);
      for (const key of ['phManager', 'nbMember']) {
        const alliance = await getOk(world, key, `${API}/alliances/${A}`);
        expectKeys(alliance.health, HEALTH_FIELDS, 'health');
        assert.equal(alliance.health.wave_id, W2.id, `${key}: the latest alliance-wide wave, never Helix's private one`);
        assert.equal(alliance.health.wave_title, 'Health check, second half');
        assert.equal(alliance.health.closed_on, today());
        assert.ok(Math.abs(alliance.health.score - w2.overall.score) < 0.01, `${alliance.health.score} vs ${w2.overall.score}`);
        assert.ok(Math.abs(alliance.health.previous_score - w1.overall.score) < 0.01);
      }
      const none = await getOk(world, 'phManager', `${API}/alliances/${NONE.id}`);
      assert.equal(none.health, null, 'an open wave gives no score');
      const low = await getOk(world, 'phManager', `${API}/alliances/${LOW.id}`);
      assert.equal(low.health.score, 0);
      assert.equal(low.health.previous_score, null);
    });

    it('the list sorts by it both ways, those without a score last, page by page', async () => {
      const mine = [A, LOW.id, NONE.id];
      const order = async (sort, limit) => (await listAll(world.as('phManager'), `${API}/alliances?sort=${sort}`, { limit }))
        .filter((a) => mine.includes(a.id)).map((a) => a.id);
      assert.deepEqual(await order('health', 25), [LOW.id, A, NONE.id]);
      assert.deepEqual(await order('-health', 25), [A, LOW.id, NONE.id]);
      assert.deepEqual(await order('-health', 1), [A, LOW.id, NONE.id], 'the same across pages of one');
      assert.deepEqual(await order('health', 1), [LOW.id, A, NONE.id]);
      const listed = (await listAll(world.as('nbMember'), `${API}/alliances?sort=-health`)).find((a) => a.id === A);
      assert.equal(listed.health.wave_id, W2.id);
    });

    it('a cursor of another order, or one the list never gave, is refused', async () => {
      const first = await world.as('phManager').get(`${API}/alliances?sort=health&limit=1`);
      expectStatus(first, 200);
      assert.ok(first.body.next_cursor);
      expectProblem(await world.as('phManager').get(`${API}/alliances?sort=name&cursor=${encodeURIComponent(first.body.next_cursor)}`), 400, 'malformed');
      const forged = Buffer.from(JSON.stringify({ s: 'health', v: '1; DROP TABLE alliances', id: A })).toString('base64url');
      const res = await world.as('phManager').get(`${API}/alliances?sort=health&cursor=${forged}`);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal((await world.as('phManager').get(`${API}/alliances?sort=healthiest`)).status, 400);
    });
  });
});
