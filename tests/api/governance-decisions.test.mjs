// Governance (issue 5): decisions that need the consent of every party's voting members (votes,
// state changes by managers, search, filters and the CSV export), action items (overdue, filters,
// "my actions" across alliances) and the stakeholder map (quadrants, bounds, party privacy).
// The contract is docs/design/governance-api.md ("Decisions", "Action items", "Stakeholders").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { INSTANT, NO_SUCH_ID, stale, today, day, ids, expectShared } from '../support/plan.mjs';
import {
  DECISION_FIELDS, ACTION_FIELDS, STAKEHOLDER_FIELDS, ACCESS_FIELDS, gov, expectRecordFields, expectKeys, getOk, postOk, patchOk,
  listCount, enlist, governanceAlliance, makeCommittee, createCommittee, currentSeat, at, csvObjects, parseCsv,
} from '../support/governance.mjs';

// The export's header is in words; the tests read its rows by the API's field names.
const CSV_HEADER = ['Proposed on', 'Decided on', 'Committee', 'Title', 'Decision type', 'State', 'Rationale', 'Votes'];
const CSV_FIELDS = ['proposed_on', 'decided_on', 'committee', 'title', 'decision_type', 'state', 'rationale', 'votes'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A YYYY-MM-DD day as the export writes it for `pattern` (the default is D MMM YYYY). */
function dayAs(iso, pattern = 'D MMM YYYY') {
  const [y, m, d] = iso.split('-');
  return pattern.replace(/YYYY|MMM|MM|M|DD|D/g, (t) =>
    ({ YYYY: y, MMM: MONTHS[Number(m) - 1], MM: m, M: String(Number(m)), DD: d, D: String(Number(d)) })[t]);
}
function csvRows(text) {
  const { header, raw } = csvObjects(text);
  return { header, rows: raw.map((r) => Object.fromEntries(CSV_FIELDS.map((f, i) => [f, r[i]]))) };
}

describe('governance: decisions, action items and stakeholders', () => {
  let world;
  let server;
  let id;
  let g;
  let jsc;
  let nonVoting;
  let secretary;
  let leaver;

  before(async () => {
    world = await buildWorld({ spares: { helix: 3 } });
    server = world.server;
    id = world.alliance.id;
    g = gov(id);
    nonVoting = await enlist(world, id, world.spares.helix[0], 'member');
    secretary = await enlist(world, id, world.spares.helix[1], 'member');
    leaver = await enlist(world, id, world.spares.helix[2], 'member');
    jsc = await makeCommittee(world, { allianceId: id, name: 'Joint Steering Committee', kind: 'joint_steering', seats: [
      ['phManager', 'chair'], ['phMember', 'voting_member'], [nonVoting, 'non_voting_member'], [secretary, 'secretary'],
      ['nbManager', 'co_chair'], ['nbMember', 'voting_member'], [leaver, 'voting_member'],
    ] });
    const res = await world.as('phManager').del(`${g.members(jsc.id)}/${currentSeat(jsc, world, leaver).id}`, { ifMatch: jsc.version });
    expectStatus(res, 200, 'the leaver leaves');
    jsc = res.body;
  });
  after(async () => { await world?.stop(); });

  const audit = () => server.count('audit_events');
  const decisionPath = (d, allianceId = id) => `${gov(allianceId).decisions}/${d.id ?? d}`;
  const createDecision = (key, body = {}, allianceId = id, committee = jsc) => postOk(world, key, gov(allianceId).decisions, {
    committee_id: committee.id, title: uniq('Decision'), decision_type: 'budget', description: 'What is proposed.', rationale: 'Why.', ...body,
  });
  /** A vote with the decision's current version; the raw answer. */
  async function voteRaw(key, d, vote, comment, allianceId = id) {
    const cur = await getOk(world, key, decisionPath(d, allianceId));
    return world.as(key).post(`${decisionPath(d, allianceId)}/votes`, comment === undefined ? { vote } : { vote, comment }, { ifMatch: cur.version });
  }
  /** A vote that must succeed; the decision as the voter reads it afterwards. */
  async function vote(key, d, v, comment, allianceId = id) {
    const res = await voteRaw(key, d, v, comment, allianceId);
    expectStatus(res, [200, 201], `vote ${v} as ${key}`);
    return getOk(world, key, decisionPath(d, allianceId));
  }
  async function stateRaw(key, d, state, reason = `Moved to ${state} by the test`) {
    const cur = await getOk(world, key, decisionPath(d));
    return world.as(key).post(`${decisionPath(d)}/state`, { state, reason }, { ifMatch: cur.version });
  }
  async function setState(key, d, state) {
    const res = await stateRaw(key, d, state);
    expectStatus(res, 200, `state ${state} as ${key}`);
    return getOk(world, key, decisionPath(d));
  }
  const positionOf = (d, org) => d.votes.find((v) => v.organization_id === world.orgIds[org]);

  describe('decisions: create and read', () => {
    let d;

    it('POST → 201: proposed today, a pending position per party with voting members, every field and ETag', async () => {
      const res = await world.as('phMember').post(g.decisions, {
        committee_id: jsc.id, title: 'Adopt CDISC SDTM for the pilot', description: 'All pilot data in SDTM.',
        decision_type: 'data standard', rationale: 'Regulators expect it.',
      });
      expectStatus(res, 201);
      d = res.body;
      expectRecordFields(d, DECISION_FIELDS, 'decision');
      expectShared(world, d, { allianceId: id, author: 'phMember' });
      assert.equal(d.committee_id, jsc.id);
      assert.equal(d.committee_name, 'Joint Steering Committee');
      assert.equal(d.meeting_id, null);
      assert.equal(d.agenda_item_id, null);
      assert.equal(d.title, 'Adopt CDISC SDTM for the pilot');
      assert.equal(d.description, 'All pilot data in SDTM.');
      assert.equal(d.decision_type, 'data standard');
      assert.equal(d.rationale, 'Regulators expect it.');
      assert.equal(d.state, 'proposed');
      assert.equal(d.proposed_on, today());
      assert.equal(d.decided_on, null);
      assert.deepEqual(d.votes.map((v) => v.organization_id).sort(), [world.orgIds.helix, world.orgIds.nimbus].sort());
      for (const v of d.votes) {
        expectKeys(v, ['organization_id', 'organization_name', 'position', 'votes'], 'a party\'s votes');
        assert.equal(v.position, 'pending');
        assert.deepEqual(v.votes, []);
      }
      assert.equal(positionOf(d, 'helix').organization_name, 'Helix Pharma');
      assert.equal(positionOf(d, 'nimbus').organization_name, 'Nimbus Health');
      assert.equal(res.headers.get('etag'), `"${d.version}"`);
    });

    it('GET one and the list return the same record to both parties', async () => {
      for (const key of ['nbMember', 'phViewer', 'phExec']) {
        const res = await world.as(key).get(decisionPath(d));
        expectStatus(res, 200);
        assert.deepEqual(res.body, d);
        assert.equal(res.headers.get('etag'), `"${d.version}"`);
        assert.deepEqual((await listAll(world.as(key), g.decisions)).find((x) => x.id === d.id), d);
      }
    });

    it('a decision may name the meeting and agenda item it was taken at', async () => {
      let m = await postOk(world, 'phManager', g.meetings, { committee_id: jsc.id, title: 'JSC where it was decided', starts_at: at(-3) });
      const res = await world.as('phManager').post(g.agenda(m.id), { title: 'Data standard' });
      expectStatus(res, [200, 201]);
      m = res.body;
      const item = m.agenda[0];
      const x = await createDecision('phManager', { meeting_id: m.id, agenda_item_id: item.id });
      assert.equal(x.meeting_id, m.id);
      assert.equal(x.agenda_item_id, item.id);
      const other = await postOk(world, 'phManager', g.meetings, { committee_id: jsc.id, title: 'Another meeting', starts_at: at(-4) });
      const before = audit();
      expectValidation(await world.as('phManager').post(g.decisions, { committee_id: jsc.id, title: 'x', meeting_id: other.id, agenda_item_id: item.id }), 'agenda_item_id');
      expectValidation(await world.as('phManager').post(g.decisions, { committee_id: jsc.id, title: 'x', meeting_id: NO_SUCH_ID }), 'meeting_id');
      assert.equal(audit(), before);
    });

    it('visibility must be alliance: party or restricted → 422, on create and on update; nothing written', async () => {
      const before = { audit: audit(), n: await listCount(world, 'phManager', g.decisions) };
      expectValidation(await world.as('phManager').post(g.decisions, { committee_id: jsc.id, title: 'Helix-only decision', visibility: 'party' }), 'visibility');
      expectValidation(await world.as('phManager').post(g.decisions, { committee_id: jsc.id, title: 'Restricted decision', visibility: 'restricted' }), 'visibility');
      // With readers as well, some error (visibility, readers or both) — but never a restricted decision.
      expectValidation(await world.as('phManager').post(g.decisions, { committee_id: jsc.id, title: 'Restricted decision', visibility: 'restricted',
        readers: [world.person('nbManager').id] }));
      expectValidation(await world.as('phMember').patch(decisionPath(d), { visibility: 'party' }, { ifMatch: d.version }), 'visibility');
      assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', g.decisions) }, before);
      assert.deepEqual(await getOk(world, 'phMember', decisionPath(d)), d);
    });

    const CASES = [
      ['a missing committee', (b) => { const x = { ...b }; delete x.committee_id; return x; }, 'committee_id'],
      ['an unknown committee', (b) => ({ ...b, committee_id: NO_SUCH_ID }), 'committee_id'],
      ['a missing title', (b) => { const x = { ...b }; delete x.title; return x; }, 'title'],
      ['an empty title', (b) => ({ ...b, title: '' }), 'title'],
      ['a title over 200 characters', (b) => ({ ...b, title: 't'.repeat(201) }), 'title'],
      ['a decision type over 200 characters', (b) => ({ ...b, decision_type: 'd'.repeat(201) }), 'decision_type'],
      ['a description of the wrong type', (b) => ({ ...b, description: { text: 'x' } }), 'description'],
      ['a state in the body', (b) => ({ ...b, state: 'approved' }), 'state'],
      ['votes in the body', (b) => ({ ...b, votes: [] }), 'votes'],
      ['a decided_on in the body', (b) => ({ ...b, decided_on: '2026-01-01' }), 'decided_on'],
      ['an unknown field', (b) => ({ ...b, binding: true }), 'binding'],
    ];
    for (const [what, make, field] of CASES) {
      it(`422 for ${what}; nothing written`, async () => {
        const before = { audit: audit(), n: await listCount(world, 'phManager', g.decisions) };
        expectValidation(await world.as('phMember').post(g.decisions, make({ committee_id: jsc.id, title: 'Bad decision', decision_type: 'x' })), field);
        assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', g.decisions) }, before);
      });
    }

    it('viewers and executives may not propose (403); outsiders 404; signed out 401', async () => {
      const before = audit();
      for (const key of ['phViewer', 'phExec']) expectProblem(await world.as(key).post(g.decisions, { committee_id: jsc.id, title: 'x' }), 403, 'forbidden');
      for (const key of ['outsider', 'phBystander']) {
        expectProblem(await world.as(key).get(g.decisions), 404, 'not-found');
        expectProblem(await world.as(key).get(decisionPath(d)), 404, 'not-found');
      }
      expectProblem(await world.anon().get(g.decisions), 401, 'unauthenticated');
      assert.equal(audit(), before);
    });
  });

  describe('consent: votes of each party\'s voting members', () => {
    it('one party\'s voting member approves → still proposed; the other party approves → approved', async () => {
      let d = await createDecision('phMember', { title: 'Extend the pilot to five sites' });
      d = await vote('phManager', d, 'approve', 'Good for enrolment');
      assert.equal(d.state, 'proposed', 'one party can never approve alone');
      assert.equal(d.decided_on, null);
      const h = positionOf(d, 'helix');
      assert.equal(h.position, 'approved');
      assert.equal(h.votes.length, 1);
      expectKeys(h.votes[0], ['user_id', 'name', 'vote', 'comment', 'at'], 'a vote');
      assert.equal(h.votes[0].user_id, world.person('phManager').id);
      assert.equal(h.votes[0].name, world.person('phManager').name);
      assert.equal(h.votes[0].vote, 'approve');
      assert.equal(h.votes[0].comment, 'Good for enrolment');
      assert.match(h.votes[0].at, INSTANT);
      assert.equal(positionOf(d, 'nimbus').position, 'pending');

      d = await vote('nbMember', d, 'approve');
      assert.equal(d.state, 'approved');
      assert.equal(d.decided_on, today());
      assert.equal(positionOf(d, 'nimbus').position, 'approved');
      assert.deepEqual(await getOk(world, 'phViewer', decisionPath(d)), d);
    });

    it('voting on an approved or a rejected decision → 409; nothing changes', async () => {
      let approved = await createDecision('phMember', { title: 'Approved then closed' });
      approved = await vote('phManager', approved, 'approve');
      approved = await vote('nbManager', approved, 'approve');
      assert.equal(approved.state, 'approved');
      let rejected = await createDecision('phMember', { title: 'Rejected then closed' });
      rejected = await vote('nbMember', rejected, 'reject', 'Not this year');
      assert.equal(rejected.state, 'rejected');
      const before = audit();
      for (const d of [approved, rejected]) {
        for (const key of ['phMember', 'nbMember', 'phManager']) expectProblem(await voteRaw(key, d, 'approve'), 409, 'conflict');
        assert.deepEqual(await getOk(world, 'phManager', decisionPath(d)), d);
      }
      assert.equal(audit(), before);
    });

    it('a reject by any party → rejected, with the comment', async () => {
      let d = await createDecision('phMember', { title: 'Move the database lock' });
      d = await vote('phManager', d, 'approve');
      d = await vote('nbManager', d, 'reject', 'The sensor release is not ready');
      assert.equal(d.state, 'rejected');
      assert.equal(d.decided_on, today());
      const n = positionOf(d, 'nimbus');
      assert.equal(n.position, 'rejected');
      assert.equal(n.votes[0].vote, 'reject');
      assert.equal(n.votes[0].comment, 'The sensor release is not ready');
      assert.equal(positionOf(d, 'helix').position, 'approved');
    });

    it('within a party a reject outweighs an approve', async () => {
      let d = await createDecision('phMember', { title: 'Switch the CRO' });
      d = await vote('phManager', d, 'approve');
      assert.equal(positionOf(d, 'helix').position, 'approved');
      d = await vote('phMember', d, 'reject', 'Too late in the study');
      assert.equal(positionOf(d, 'helix').position, 'rejected');
      assert.equal(positionOf(d, 'helix').votes.length, 2);
      assert.equal(d.state, 'rejected');
    });

    it('an abstention leaves the party pending', async () => {
      let d = await createDecision('phMember', { title: 'Add a second wearable' });
      d = await vote('phMember', d, 'abstain');
      assert.equal(positionOf(d, 'helix').position, 'pending');
      assert.equal(d.state, 'proposed');
      d = await vote('nbMember', d, 'approve');
      assert.equal(d.state, 'proposed', 'Helix has not approved');
      d = await vote('phManager', d, 'approve');
      assert.equal(positionOf(d, 'helix').position, 'approved');
      assert.equal(d.state, 'approved');
    });

    it('a non-voting member, a secretary, a member who left, and people not on the committee may not vote (403); nothing changes', async () => {
      const d = await createDecision('phMember', { title: 'Who may vote' });
      const before = audit();
      for (const key of [nonVoting, secretary, leaver, 'phViewer', 'phExec']) {
        expectProblem(await voteRaw(key, d, 'approve'), 403, 'forbidden');
      }
      assert.deepEqual(await getOk(world, 'phManager', decisionPath(d)), d);
      assert.equal(audit(), before);
    });

    it('a vote needs the decision\'s version (428 / 412) and a known vote (422); outsiders 404; signed out 401', async () => {
      const d = await createDecision('phMember', { title: 'Vote preconditions' });
      const path = `${decisionPath(d)}/votes`;
      const before = audit();
      expectProblem(await world.as('phManager').post(path, { vote: 'approve' }), 428, 'precondition-required');
      expectProblem(await world.as('phManager').post(path, { vote: 'approve' }, { ifMatch: stale(d.version) }), 412, 'stale');
      expectValidation(await world.as('phManager').post(path, { vote: 'yes' }, { ifMatch: d.version }), 'vote');
      expectValidation(await world.as('phManager').post(path, {}, { ifMatch: d.version }), 'vote');
      expectValidation(await world.as('phManager').post(path, { vote: 'approve', comment: 'c'.repeat(5001) }, { ifMatch: d.version }), 'comment');
      expectValidation(await world.as('phManager').post(path, { vote: 'approve', weight: 2 }, { ifMatch: d.version }), 'weight');
      expectProblem(await world.as('outsider').post(path, { vote: 'approve' }, { ifMatch: d.version }), 404, 'not-found');
      expectProblem(await world.anon().post(path, { vote: 'approve' }, { ifMatch: d.version }), 401, 'unauthenticated');
      expectProblem(await world.as('phManager').post(`${decisionPath(NO_SUCH_ID)}/votes`, { vote: 'approve' }, { ifMatch: 1 }), 404, 'not-found');
      assert.deepEqual(await getOk(world, 'phManager', decisionPath(d)), d);
      assert.equal(audit(), before);
    });

    it('votes are audited, with the voter as actor, for both parties', async () => {
      let d = await createDecision('phMember', { title: 'Audited vote' });
      d = await vote('nbMember', d, 'approve');
      for (const key of ['phManager', 'nbManager']) {
        const events = (await listAll(world.as(key), g.audit)).filter((e) => e.record_id === d.id);
        assert.ok(events.some((e) => e.actor_id === world.person('nbMember').id), `${key}: the vote in the audit trail: ${JSON.stringify(events)}`);
      }
    });

    it('with three parties: a party with no voting member on the committee has no say and may not vote (403)', async () => {
      const a = await governanceAlliance(world, 'Helix–Nimbus–Outsider consortium', { outsider: true });
      const c = await makeCommittee(world, { allianceId: a.id, name: 'Two-party steering', seats: [['phManager', 'chair'], ['nbManager', 'co_chair']] });
      let d = await createDecision('phManager', { title: 'Consortium budget' }, a.id, c);
      assert.deepEqual(d.votes.map((v) => v.organization_id).sort(), [world.orgIds.helix, world.orgIds.nimbus].sort(),
        'one entry per party with voting members on the committee');
      const before = audit();
      expectProblem(await voteRaw('outsider', d, 'approve', undefined, a.id), 403, 'forbidden');
      assert.equal(audit(), before);
      d = await vote('phManager', d, 'approve', undefined, a.id);
      assert.equal(d.state, 'proposed');
      d = await vote('nbManager', d, 'approve', undefined, a.id);
      assert.equal(d.state, 'approved');
    });
  });

  describe('defer, escalate and reopen (managers)', () => {
    let d;
    before(async () => { d = await createDecision('phMember', { title: 'Manufacturing site choice' }); });

    it('a manager defers; voting on a deferred decision → 409', async () => {
      d = await setState('nbManager', d, 'deferred');
      assert.equal(d.state, 'deferred');
      const before = audit();
      expectProblem(await voteRaw('phManager', d, 'approve'), 409, 'conflict');
      assert.equal(audit(), before);
    });

    it('members, viewers and executives may not change the state (403); nothing changes', async () => {
      const before = audit();
      for (const key of ['phMember', 'nbMember', 'phViewer', 'phExec']) expectProblem(await stateRaw(key, d, 'proposed'), 403, 'forbidden');
      assert.deepEqual(await getOk(world, 'phManager', decisionPath(d)), d);
      assert.equal(audit(), before);
    });

    it('reopen (proposed), escalate, reopen again; each audited', async () => {
      const before = audit();
      d = await setState('phManager', d, 'proposed');
      assert.equal(d.state, 'proposed');
      d = await setState('phManager', d, 'escalated');
      assert.equal(d.state, 'escalated');
      expectProblem(await voteRaw('phManager', d, 'approve'), 409, 'conflict');
      d = await setState('nbManager', d, 'proposed');
      assert.equal(d.state, 'proposed');
      assert.ok(audit() >= before + 3, 'every state change is audited');
      d = await vote('phManager', d, 'approve');
      d = await vote('nbMember', d, 'approve');
      assert.equal(d.state, 'approved');
    });

    it('an approved decision cannot be deferred, escalated or reopened (409); approved/rejected are not states to set (422); 428 / 412', async () => {
      const before = audit();
      for (const s of ['deferred', 'escalated', 'proposed']) expectProblem(await stateRaw('phManager', d, s), 409, 'conflict');
      const open = await createDecision('phMember', { title: 'State validation' });
      const before2 = audit();
      for (const s of ['approved', 'rejected', 'tabled']) expectValidation(await stateRaw('phManager', open, s), 'state');
      expectProblem(await world.as('phManager').post(`${decisionPath(open)}/state`, { state: 'deferred', reason: 'x' }), 428, 'precondition-required');
      expectProblem(await world.as('phManager').post(`${decisionPath(open)}/state`, { state: 'deferred', reason: 'x' }, { ifMatch: stale(open.version) }), 412, 'stale');
      assert.equal(audit(), before2);
      assert.equal(before2 > before, true);
      assert.deepEqual(await getOk(world, 'phManager', decisionPath(open)), open);
    });
  });

  describe('decisions: update and delete', () => {
    it('PATCH while proposed: title, description, decision type, rationale; ETag', async () => {
      const d = await createDecision('phMember', { title: 'Draft wording' });
      const res = await world.as('phMember').patch(decisionPath(d), { title: 'Final wording', description: 'New text', decision_type: 'governance',
        rationale: 'Clearer' }, { ifMatch: d.version });
      expectStatus(res, 200);
      assert.equal(res.body.title, 'Final wording');
      assert.equal(res.body.description, 'New text');
      assert.equal(res.body.decision_type, 'governance');
      assert.equal(res.body.rationale, 'Clearer');
      assert.equal(res.body.state, 'proposed');
      assert.ok(res.body.version > d.version);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
    });

    it('other fields are 422; 428 / 412; the partner and viewers 403; nothing changes', async () => {
      const d = await createDecision('phMember', { title: 'Guarded wording' });
      const path = decisionPath(d);
      const other = await createCommittee(world, 'phManager', id, { name: 'Another committee' });
      const before = audit();
      expectValidation(await world.as('phMember').patch(path, { committee_id: other.id }, { ifMatch: d.version }), 'committee_id');
      expectValidation(await world.as('phMember').patch(path, { state: 'approved' }, { ifMatch: d.version }), 'state');
      expectValidation(await world.as('phMember').patch(path, { title: '' }, { ifMatch: d.version }), 'title');
      expectProblem(await world.as('phMember').patch(path, { title: 'x' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(path, { title: 'x' }, { ifMatch: stale(d.version) }), 412, 'stale');
      for (const key of ['nbManager', 'nbMember', 'phViewer']) {
        expectProblem(await world.as(key).patch(path, { title: 'x' }, { ifMatch: d.version }), 403, 'forbidden');
      }
      assert.deepEqual(await getOk(world, 'phMember', path), d);
      assert.equal(audit(), before);
    });

    it('PATCH once decided → 409; nothing changes', async () => {
      let d = await createDecision('phMember', { title: 'Decided wording' });
      d = await vote('phManager', d, 'approve');
      d = await vote('nbManager', d, 'approve');
      const before = audit();
      expectProblem(await world.as('phMember').patch(decisionPath(d), { title: 'Rewritten' }, { ifMatch: d.version }), 409, 'conflict');
      assert.deepEqual(await getOk(world, 'phMember', decisionPath(d)), d);
      assert.equal(audit(), before);
    });

    it('DELETE by the author → 204, then 404', async () => {
      const d = await createDecision('phMember', { title: 'Withdrawn proposal' });
      const res = await world.as('phMember').del(decisionPath(d));
      assert.equal(res.status, 204, res.text);
      expectProblem(await world.as('phMember').get(decisionPath(d)), 404, 'not-found');
    });
  });

  describe('decisions: search, filters and the CSV export', () => {
    let a;
    let ga;
    let c1;
    let c2;
    let m;
    const made = {};
    const TRICKY_TITLE = 'Budget, "phase II", extension';
    const TRICKY_RATIONALE = 'Line one\nLine two, with a comma and "quotes"';

    before(async () => {
      a = await governanceAlliance(world, 'Helix–Nimbus decision register');
      ga = gov(a.id);
      c1 = await makeCommittee(world, { allianceId: a.id, name: 'Register JSC', seats: [['phManager', 'chair'], ['nbManager', 'co_chair']] });
      c2 = await makeCommittee(world, { allianceId: a.id, name: 'Register JDC', kind: 'joint_development', seats: [['phMember', 'voting_member'], ['nbMember', 'voting_member']] });
      m = await postOk(world, 'phManager', ga.meetings, { committee_id: c1.id, title: 'Register meeting', starts_at: at(-5) });
      const mk = (key, name, body, committee = c1) => createDecision(key, body, a.id, committee).then((d) => { made[name] = d; return d; });
      await mk('phManager', 'quasar', { title: 'Quasar sensor supplier' });
      await mk('phManager', 'nebula', { title: 'Supplier for straps', description: 'Nebula straps are cheaper.' });
      await mk('nbManager', 'pulsar', { title: 'Dashboard vendor', rationale: 'Pulsar has the best uptime.' });
      await mk('nbMember', 'magnetar', { title: 'Hosting region', decision_type: 'Magnetar hosting' }, c2);
      await mk('phManager', 'atMeeting', { title: 'Taken at the meeting', meeting_id: m.id });
      await mk('phManager', 'tricky', { title: TRICKY_TITLE, rationale: TRICKY_RATIONALE, decision_type: 'budget' });
      made.tricky = await vote('phManager', made.tricky, 'approve', 'Yes, within limits', a.id);
      made.tricky = await vote('nbManager', made.tricky, 'approve', undefined, a.id);
      made.quasar = await vote('nbManager', made.quasar, 'reject', 'No', a.id);
    });

    it('q searches title, description, rationale and decision type', async () => {
      for (const [q, name] of [['Quasar', 'quasar'], ['nebula', 'nebula'], ['Pulsar', 'pulsar'], ['magnetar', 'magnetar']]) {
        const items = await listAll(world.as('nbMember'), `${ga.decisions}?q=${encodeURIComponent(q)}`);
        assert.deepEqual(ids(items), [made[name].id], `q=${q}`);
      }
      assert.deepEqual(await listAll(world.as('nbMember'), `${ga.decisions}?q=${encodeURIComponent('no such words at all')}`), []);
    });

    it('filters by state, committee and meeting, alone and together', async () => {
      const approved = await listAll(world.as('phViewer'), `${ga.decisions}?state=approved`);
      assert.deepEqual(ids(approved), [made.tricky.id]);
      const rejected = await listAll(world.as('phViewer'), `${ga.decisions}?state=rejected`);
      assert.deepEqual(ids(rejected), [made.quasar.id]);
      const proposed = await listAll(world.as('phViewer'), `${ga.decisions}?state=proposed`);
      assert.deepEqual(ids(proposed), ids([made.nebula, made.pulsar, made.magnetar, made.atMeeting]));
      assert.deepEqual(ids(await listAll(world.as('phViewer'), `${ga.decisions}?committee_id=${c2.id}`)), [made.magnetar.id]);
      assert.deepEqual(ids(await listAll(world.as('phViewer'), `${ga.decisions}?meeting_id=${m.id}`)), [made.atMeeting.id]);
      assert.deepEqual(ids(await listAll(world.as('phViewer'), `${ga.decisions}?state=proposed&committee_id=${c1.id}&q=supplier`)), [made.nebula.id]);
      const paged = await listAll(world.as('phViewer'), ga.decisions, { limit: 2 });
      assert.deepEqual(ids(paged), ids(Object.values(made)));
      for (const q of ['state=maybe', 'committee_id=nope', 'limit=0', `q=${'q'.repeat(201)}`]) {
        const res = await world.as('phViewer').get(`${ga.decisions}?${q}`);
        assert.ok([400, 422].includes(res.status), `${q}: ${res.status} ${res.text.slice(0, 300)}`);
        expectProblem(res, res.status);
      }
    });

    it('export.csv: text/csv, the header row, RFC 4180 quoting of commas, quotes and line breaks', async () => {
      const res = await world.as('nbMember').get(`${ga.decisions}/export.csv`, { headers: { accept: 'text/csv' } });
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers.get('content-type') || '', /^text\/csv\b/);
      const { header, rows } = csvRows(res.text);
      assert.deepEqual(header, CSV_HEADER);
      assert.equal(rows.length, Object.keys(made).length, 'one row per decision');
      for (const r of parseCsv(res.text)) assert.equal(r.length, CSV_HEADER.length, `every row has ${CSV_HEADER.length} cells: ${JSON.stringify(r)}`);
      const tricky = rows.find((r) => r.title === TRICKY_TITLE);
      assert.ok(tricky, `the tricky title survives quoting: ${JSON.stringify(rows.map((r) => r.title))}`);
      assert.equal(tricky.rationale, TRICKY_RATIONALE);
      assert.equal(tricky.proposed_on, dayAs(today()));
      assert.equal(tricky.decided_on, dayAs(today()));
      assert.equal(tricky.committee, 'Register JSC');
      assert.equal(tricky.decision_type, 'budget');
      assert.equal(tricky.state, 'Approved');
      assert.ok(tricky.votes.length > 0, 'the votes column says something');
      const open = rows.find((r) => r.title === made.pulsar.title);
      assert.equal(open.decided_on, '', 'an undecided decision has an empty decided_on');
      assert.equal(open.state, 'Proposed');
      assert.equal(open.rationale, 'Pulsar has the best uptime.');
      assert.ok(res.text.includes(`"${TRICKY_TITLE.replace(/"/g, '""')}"`), 'the title is quoted with doubled quotes');
    });

    it('export.csv takes the same filters', async () => {
      const approved = csvRows((await world.as('phManager').get(`${ga.decisions}/export.csv?state=approved`, { headers: { accept: 'text/csv' } })).text);
      assert.deepEqual(approved.rows.map((r) => r.title), [TRICKY_TITLE]);
      const q = csvRows((await world.as('phManager').get(`${ga.decisions}/export.csv?q=Pulsar`, { headers: { accept: 'text/csv' } })).text);
      assert.deepEqual(q.rows.map((r) => r.title), [made.pulsar.title]);
      const byCommittee = csvRows((await world.as('phManager').get(`${ga.decisions}/export.csv?committee_id=${c2.id}`, { headers: { accept: 'text/csv' } })).text);
      assert.deepEqual(byCommittee.rows.map((r) => r.title), [made.magnetar.title]);
      const none = csvRows((await world.as('phManager').get(`${ga.decisions}/export.csv?q=nothing-matches-this`, { headers: { accept: 'text/csv' } })).text);
      assert.deepEqual(none.header, CSV_HEADER, 'an empty export still has its header');
      assert.deepEqual(none.rows, []);
    });

    it('export.csv writes days as the reader does (date_format) and refuses a pattern that is not one', async () => {
      for (const pattern of ['MMM D, YYYY', 'DD.MM.YYYY', 'YYYY-MM-DD', 'D/M/YYYY', 'YYYY年M月D日']) {
        const res = await world.as('phManager').get(`${ga.decisions}/export.csv?state=approved&date_format=${encodeURIComponent(pattern)}`, { headers: { accept: 'text/csv' } });
        assert.equal(res.status, 200, res.text);
        const [row] = csvRows(res.text).rows;
        assert.equal(row.proposed_on, dayAs(today(), pattern), pattern);
        assert.equal(row.decided_on, dayAs(today(), pattern), pattern);
      }
      const votes = csvRows((await world.as('phManager').get(`${ga.decisions}/export.csv?state=approved`, { headers: { accept: 'text/csv' } })).text).rows[0].votes;
      assert.match(votes, /: Approves/, `each party's position in words: ${votes}`);
      assert.doesNotMatch(votes, /: approved/);
      for (const bad of ['D MMM', 'YYYY-MM-DD-YYYY', 'D MMMM YYYY', 'Do MMM YYYY', 'x'.repeat(40), 'D\nMMM YYYY']) {
        const res = await world.as('phManager').get(`${ga.decisions}/export.csv?date_format=${encodeURIComponent(bad)}`, { headers: { accept: 'text/csv' } });
        expectValidation(res, 'date_format');
      }
    });

    it('export.csv: outsiders 404, signed out 401', async () => {
      expectProblem(await world.as('outsider').get(`${ga.decisions}/export.csv`), 404, 'not-found');
      expectProblem(await world.anon().get(`${ga.decisions}/export.csv`), 401, 'unauthenticated');
    });
  });

  describe('action items', () => {
    let m;
    let d;
    let a1;
    const actionPath = (x, allianceId = id) => `${gov(allianceId).actions}/${x.id ?? x}`;
    const createAction = (key, body, allianceId = id) => postOk(world, key, gov(allianceId).actions, {
      title: uniq('Action'), owner_user_id: world.person('phMember').id, due_on: day(10), ...body,
    });

    before(async () => {
      m = await postOk(world, 'phManager', g.meetings, { committee_id: jsc.id, title: 'Meeting with actions', starts_at: at(-1) });
      d = await createDecision('phManager', { title: 'Decision with actions' });
    });

    it('POST → 201: the party is the owner\'s, open, not overdue; every field and ETag', async () => {
      const res = await world.as('phManager').post(g.actions, {
        title: 'Circulate the revised budget', description: 'With the cost split.', owner_user_id: world.person('nbMember').id,
        due_on: day(10), meeting_id: m.id, decision_id: d.id,
      });
      expectStatus(res, 201);
      a1 = res.body;
      expectRecordFields(a1, ACTION_FIELDS, 'action item');
      expectShared(world, a1, { allianceId: id, author: 'phManager' });
      assert.equal(a1.party_id, world.orgIds.nimbus, 'the party is the owner\'s');
      assert.equal(a1.party_name, 'Nimbus Health');
      assert.equal(a1.owner_user_id, world.person('nbMember').id);
      assert.equal(a1.owner_name, world.person('nbMember').name);
      assert.equal(a1.title, 'Circulate the revised budget');
      assert.equal(a1.description, 'With the cost split.');
      assert.equal(a1.meeting_id, m.id);
      assert.equal(a1.decision_id, d.id);
      assert.equal(a1.due_on, day(10));
      assert.equal(a1.status, 'open');
      assert.equal(a1.done_on, null);
      assert.equal(a1.overdue, false);
      assert.equal(res.headers.get('etag'), `"${a1.version}"`);
      assert.deepEqual(await getOk(world, 'nbMember', actionPath(a1)), a1);
    });

    it('overdue: open or in progress and due before today; not when done or cancelled; done_on is set when done', async () => {
      let x = await createAction('phMember', { title: 'Overdue action', due_on: day(-1) });
      assert.equal(x.overdue, true);
      x = await patchOk(world, 'phMember', actionPath(x), { status: 'in_progress' });
      assert.equal(x.overdue, true);
      x = await patchOk(world, 'phMember', actionPath(x), { status: 'done' });
      assert.equal(x.overdue, false);
      assert.equal(x.done_on, today());
      const due = await createAction('phMember', { title: 'Due today', due_on: day(0) });
      assert.equal(due.overdue, false, 'due today is not overdue yet');
      let y = await createAction('phMember', { title: 'Cancelled action', due_on: day(-5) });
      assert.equal(y.overdue, true);
      y = await patchOk(world, 'phMember', actionPath(y), { status: 'cancelled' });
      assert.equal(y.overdue, false);
      assert.equal(y.done_on, null);
      const moved = await patchOk(world, 'phMember', actionPath(await createAction('phMember', { due_on: day(-2) })), { due_on: day(3) });
      assert.equal(moved.overdue, false, 'a new due date in the future clears overdue');
      const still = await createAction('phMember', { title: 'Still overdue', due_on: day(-4), status: 'in_progress' });
      assert.equal(still.overdue, true);
      assert.equal(still.status, 'in_progress');
    });

    it('filters: status, owner, meeting, overdue', async () => {
      const check = async (query, pred) => {
        const items = await listAll(world.as('phViewer'), `${g.actions}?${query}`);
        assert.ok(items.length > 0, `${query} finds something`);
        for (const x of items) assert.ok(pred(x), `${query}: ${JSON.stringify(x)}`);
        return items;
      };
      await check('status=done', (x) => x.status === 'done');
      await check('status=open', (x) => x.status === 'open');
      const nb = await check(`owner_user_id=${world.person('nbMember').id}`, (x) => x.owner_user_id === world.person('nbMember').id);
      assert.ok(nb.some((x) => x.id === a1.id));
      assert.deepEqual(ids(await check(`meeting_id=${m.id}`, (x) => x.meeting_id === m.id)), [a1.id]);
      await check('overdue=true', (x) => x.overdue === true);
      await check(`overdue=true&owner_user_id=${world.person('phMember').id}`, (x) => x.overdue && x.owner_user_id === world.person('phMember').id);
      for (const q of ['status=finished', 'overdue=perhaps', 'owner_user_id=nobody']) {
        const res = await world.as('phViewer').get(`${g.actions}?${q}`);
        assert.ok([400, 422].includes(res.status), `${q}: ${res.status}`);
        expectProblem(res, res.status);
      }
    });

    it('GET /me/actions: the caller\'s actions across every alliance, with the alliance, by due date; filters', async () => {
      const second = await governanceAlliance(world, 'Helix–Nimbus second for actions');
      const mine = [
        await createAction('phManager', { title: 'Mine in the first alliance', owner_user_id: world.person('nbMember').id, due_on: day(5) }),
        await createAction('phManager', { title: 'Mine in the second alliance', owner_user_id: world.person('nbMember').id, due_on: day(2) }, second.id),
        await createAction('nbManager', { title: 'Mine and overdue', owner_user_id: world.person('nbMember').id, due_on: day(-3) }, second.id),
      ];
      const notMine = await createAction('phManager', { title: 'Not mine', owner_user_id: world.person('phMember').id, due_on: day(1) }, second.id);
      const items = await listAll(world.as('nbMember'), `${API}/me/actions`);
      for (const x of mine) {
        const got = items.find((y) => y.id === x.id);
        assert.ok(got, `${x.title} is in my actions`);
        assert.equal(got.alliance_id, x.alliance_id);
        assert.equal(got.alliance_name, x.alliance_id === id ? world.alliance.name : second.name);
        for (const k of [...ACCESS_FIELDS, ...ACTION_FIELDS]) assert.ok(k in got, `my action has ${k}`);
      }
      assert.ok(!items.some((y) => y.id === notMine.id), 'only the caller\'s actions');
      assert.ok(items.every((y) => y.owner_user_id === world.person('nbMember').id));
      const dues = items.map((y) => y.due_on);
      assert.deepEqual(dues, [...dues].sort(), 'by due date');
      const overdue = await listAll(world.as('nbMember'), `${API}/me/actions?overdue=true`);
      assert.ok(overdue.some((y) => y.id === mine[2].id) && overdue.every((y) => y.overdue));
      assert.ok(!overdue.some((y) => y.id === mine[1].id));
      const open = await listAll(world.as('nbMember'), `${API}/me/actions?status=open`);
      assert.ok(open.every((y) => y.status === 'open') && open.some((y) => y.id === mine[0].id));
      expectProblem(await world.anon().get(`${API}/me/actions`), 401, 'unauthenticated');
    });

    it('a Helix party action is invisible to Nimbus', async () => {
      const x = await createAction('phManager', { title: 'Helix-only action Vela', visibility: 'party' });
      for (const key of ['nbManager', 'nbMember']) {
        expectProblem(await world.as(key).get(actionPath(x)), 404, 'not-found');
        expectProblem(await world.as(key).patch(actionPath(x), { status: 'done' }, { ifMatch: x.version }), 404, 'not-found');
        const list = await listAll(world.as(key), g.actions);
        assert.ok(!list.some((y) => y.id === x.id) && !JSON.stringify(list).includes('Vela'));
      }
    });

    const CASES = [
      ['a missing title', (b) => { const x = { ...b }; delete x.title; return x; }, 'title'],
      ['a title over 200 characters', (b) => ({ ...b, title: 't'.repeat(201) }), 'title'],
      ['a missing owner', (b) => { const x = { ...b }; delete x.owner_user_id; return x; }, 'owner_user_id'],
      ['an owner outside the alliance', (b, w) => ({ ...b, owner_user_id: w.person('phBystander').id }), 'owner_user_id'],
      ['a missing due date', (b) => { const x = { ...b }; delete x.due_on; return x; }, 'due_on'],
      ['a due date that is no date', (b) => ({ ...b, due_on: '2026-02-30' }), 'due_on'],
      ['a due date as an instant', (b) => ({ ...b, due_on: '2026-03-01T10:00:00Z' }), 'due_on'],
      ['an unknown status', (b) => ({ ...b, status: 'blocked' }), 'status'],
      ['an unknown meeting', (b) => ({ ...b, meeting_id: NO_SUCH_ID }), 'meeting_id'],
      ['an unknown decision', (b) => ({ ...b, decision_id: NO_SUCH_ID }), 'decision_id'],
      ['a read-only overdue', (b) => ({ ...b, overdue: false }), 'overdue'],
      ['a read-only done_on', (b) => ({ ...b, done_on: '2026-01-01' }), 'done_on'],
      ['an unknown field', (b) => ({ ...b, priority: 'high' }), 'priority'],
    ];
    for (const [what, make, field] of CASES) {
      it(`422 for ${what}; nothing written`, async () => {
        const before = { audit: audit(), n: await listCount(world, 'phManager', g.actions) };
        expectValidation(await world.as('phMember').post(g.actions, make({ title: 'Bad action', owner_user_id: world.person('phMember').id, due_on: day(3) }, world)), field);
        assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', g.actions) }, before);
      });
    }

    it('428 / 412; viewers 403; the partner may not change a Helix action (403); DELETE → 204', async () => {
      const x = await createAction('phMember', { title: 'Guarded action' });
      const before = audit();
      expectProblem(await world.as('phMember').patch(actionPath(x), { status: 'done' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(actionPath(x), { status: 'done' }, { ifMatch: stale(x.version) }), 412, 'stale');
      expectValidation(await world.as('phMember').patch(actionPath(x), { status: 'blocked' }, { ifMatch: x.version }), 'status');
      expectProblem(await world.as('phViewer').post(g.actions, { title: 'x', owner_user_id: world.person('phMember').id, due_on: day(1) }), 403, 'forbidden');
      for (const key of ['phViewer', 'phExec', 'nbManager', 'nbMember']) {
        expectProblem(await world.as(key).patch(actionPath(x), { status: 'done' }, { ifMatch: x.version }), 403, 'forbidden');
      }
      assert.deepEqual(await getOk(world, 'phMember', actionPath(x)), x);
      assert.equal(audit(), before);
      const res = await world.as('phMember').del(actionPath(x));
      assert.equal(res.status, 204, res.text);
      expectProblem(await world.as('phMember').get(actionPath(x)), 404, 'not-found');
    });

    it('the owner of an action of the other party reports its progress, but changes nothing else', async () => {
      const x = await createAction('phManager', { title: 'Partner-owned action', owner_user_id: world.person('nbMember').id });
      assert.equal(x.party_id, world.orgIds.nimbus);
      expectProblem(await world.as('nbMember').patch(actionPath(x), { title: 'Renamed by the partner' }, { ifMatch: x.version }), 403, 'forbidden');
      expectProblem(await world.as('nbMember').patch(actionPath(x), { status: 'done', due_on: day(30) }, { ifMatch: x.version }), 403, 'forbidden');
      expectProblem(await world.as('nbMember').patch(actionPath(x), { status: 'done' }, { ifMatch: stale(x.version) }), 412, 'stale');
      const res = await world.as('nbMember').patch(actionPath(x), { status: 'done' }, { ifMatch: x.version });
      expectStatus(res, 200);
      assert.equal(res.body.status, 'done');
      assert.equal(res.body.done_on, day(0));
      assert.equal(res.body.title, 'Partner-owned action');
      expectProblem(await world.as('nbManager').patch(actionPath(x), { status: 'open' }, { ifMatch: res.body.version }), 403, 'forbidden');
    });
  });

  describe('stakeholders', () => {
    let ws;
    let s1;
    const stakeholderPath = (x) => `${g.stakeholders}/${x.id ?? x}`;
    const createStakeholder = (key, body) => postOk(world, key, g.stakeholders, {
      name: uniq('Stakeholder'), title: 'Head of Something', influence: 3, interest: 3, attitude: 'neutral', ...body,
    });

    before(async () => {
      ws = await postOk(world, 'phManager', g.workstreams, { name: 'Clinical workstream for stakeholders' });
    });

    it('POST → 201 with every field and the derived quadrant; ETag', async () => {
      const res = await world.as('nbMember').post(g.stakeholders, {
        name: 'Dr. Mara Lindt', title: 'Chief Scientific Officer', party_id: world.orgIds.helix, user_id: null, influence: 5, interest: 4,
        attitude: 'supporter', committee_id: jsc.id, workstream_id: ws.id, notes: 'Sponsor of the pilot.',
      });
      expectStatus(res, 201);
      s1 = res.body;
      expectRecordFields(s1, STAKEHOLDER_FIELDS, 'stakeholder');
      expectShared(world, s1, { allianceId: id, author: 'nbMember' });
      assert.equal(s1.party_id, world.orgIds.helix, 'the party the person belongs to');
      assert.equal(s1.party_name, 'Helix Pharma');
      assert.equal(s1.name, 'Dr. Mara Lindt');
      assert.equal(s1.title, 'Chief Scientific Officer');
      assert.equal(s1.user_id, null);
      assert.equal(s1.influence, 5);
      assert.equal(s1.interest, 4);
      assert.equal(s1.attitude, 'supporter');
      assert.equal(s1.committee_id, jsc.id);
      assert.equal(s1.workstream_id, ws.id);
      assert.equal(s1.notes, 'Sponsor of the pilot.');
      assert.equal(s1.quadrant, 'manage_closely');
      assert.equal(res.headers.get('etag'), `"${s1.version}"`);
      assert.deepEqual(await getOk(world, 'phViewer', stakeholderPath(s1)), s1);
      assert.deepEqual((await listAll(world.as('phViewer'), g.stakeholders)).find((x) => x.id === s1.id), s1);
    });

    it('the quadrant follows influence and interest (3 is high)', async () => {
      const table = [[3, 3, 'manage_closely'], [5, 5, 'manage_closely'], [5, 2, 'keep_satisfied'], [3, 1, 'keep_satisfied'],
        [2, 5, 'keep_informed'], [1, 3, 'keep_informed'], [2, 2, 'monitor'], [1, 1, 'monitor']];
      for (const [influence, interest, quadrant] of table) {
        const x = await createStakeholder('phMember', { influence, interest });
        assert.equal(x.quadrant, quadrant, `influence ${influence}, interest ${interest}`);
      }
      for (const attitude of ['champion', 'supporter', 'neutral', 'sceptic', 'opponent']) {
        assert.equal((await createStakeholder('phMember', { attitude })).attitude, attitude);
      }
    });

    it('PATCH moves the stakeholder to another quadrant; a user of the alliance may be linked', async () => {
      let x = await patchOk(world, 'nbMember', stakeholderPath(s1), { influence: 2 });
      assert.equal(x.quadrant, 'keep_informed');
      x = await patchOk(world, 'nbMember', stakeholderPath(s1), { interest: 1 });
      assert.equal(x.quadrant, 'monitor');
      const linked = await createStakeholder('phMember', { name: world.person('phExec').name, user_id: world.person('phExec').id, party_id: world.orgIds.helix });
      assert.equal(linked.user_id, world.person('phExec').id);
    });

    const CASES = [
      ['influence 0', (b) => ({ ...b, influence: 0 }), 'influence'],
      ['influence 6', (b) => ({ ...b, influence: 6 }), 'influence'],
      ['influence 2.5', (b) => ({ ...b, influence: 2.5 }), 'influence'],
      ['influence as a string', (b) => ({ ...b, influence: '3' }), 'influence'],
      ['interest 0', (b) => ({ ...b, interest: 0 }), 'interest'],
      ['interest 6', (b) => ({ ...b, interest: 6 }), 'interest'],
      ['an unknown attitude', (b) => ({ ...b, attitude: 'hostile' }), 'attitude'],
      ['a missing name', (b) => { const x = { ...b }; delete x.name; return x; }, 'name'],
      ['a name over 200 characters', (b) => ({ ...b, name: 'n'.repeat(201) }), 'name'],
      ['a user outside the alliance', (b, w) => ({ ...b, user_id: w.person('outsider').id }), 'user_id'],
      ['an unknown committee', (b) => ({ ...b, committee_id: NO_SUCH_ID }), 'committee_id'],
      ['an unknown workstream', (b) => ({ ...b, workstream_id: NO_SUCH_ID }), 'workstream_id'],
      ['a party that is no party of the alliance', (b, w) => ({ ...b, party_id: w.orgIds.outsider }), 'party_id'],
      ['a read-only quadrant', (b) => ({ ...b, quadrant: 'monitor' }), 'quadrant'],
      ['an unknown field', (b) => ({ ...b, twitter: '@mara' }), 'twitter'],
    ];
    for (const [what, make, field] of CASES) {
      it(`422 for ${what}; nothing written`, async () => {
        const before = { audit: audit(), n: await listCount(world, 'phManager', g.stakeholders) };
        expectValidation(await world.as('phMember').post(g.stakeholders, make({ name: 'Bad stakeholder', influence: 3, interest: 3, attitude: 'neutral' }, world)), field);
        assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', g.stakeholders) }, before);
      });
    }

    it('PATCH: bounds are checked (422), 428 / 412; nothing changes', async () => {
      const cur = await getOk(world, 'nbMember', stakeholderPath(s1));
      const before = audit();
      expectValidation(await world.as('nbMember').patch(stakeholderPath(s1), { influence: 6 }, { ifMatch: cur.version }), 'influence');
      expectValidation(await world.as('nbMember').patch(stakeholderPath(s1), { interest: 0 }, { ifMatch: cur.version }), 'interest');
      expectProblem(await world.as('nbMember').patch(stakeholderPath(s1), { notes: 'x' }), 428, 'precondition-required');
      expectProblem(await world.as('nbMember').patch(stakeholderPath(s1), { notes: 'x' }, { ifMatch: stale(cur.version) }), 412, 'stale');
      assert.deepEqual(await getOk(world, 'nbMember', stakeholderPath(s1)), cur);
      assert.equal(audit(), before);
    });

    it('Helix\'s party-private read of a Nimbus person is invisible to Nimbus: 404, absent from lists and the audit trail', async () => {
      const x = await createStakeholder('phManager', { name: 'Farah Q. — our private read Hydra', party_id: world.orgIds.nimbus, influence: 5, interest: 2,
        attitude: 'sceptic', notes: 'Blocks every budget increase.', visibility: 'party' });
      assert.equal(x.quadrant, 'keep_satisfied');
      for (const key of ['phMember', 'phViewer']) expectStatus(await world.as(key).get(stakeholderPath(x)), 200);
      const before = audit();
      for (const key of ['nbManager', 'nbMember']) {
        expectProblem(await world.as(key).get(stakeholderPath(x)), 404, 'not-found');
        expectProblem(await world.as(key).patch(stakeholderPath(x), { attitude: 'champion' }, { ifMatch: x.version }), 404, 'not-found');
        expectProblem(await world.as(key).del(stakeholderPath(x)), 404, 'not-found');
        const list = await listAll(world.as(key), g.stakeholders);
        assert.ok(!list.some((y) => y.id === x.id));
        assert.ok(!JSON.stringify(list).includes('Hydra') && !JSON.stringify(list).includes('Blocks every budget'));
      }
      assert.equal(audit(), before);
      const nimbusAudit = JSON.stringify(await listAll(world.as('nbManager'), g.audit));
      assert.ok(!nimbusAudit.includes(x.id) && !nimbusAudit.includes('Hydra'));
    });

    it('viewers may not write (403); the partner may not change Nimbus\'s record (403); DELETE by the author → 204', async () => {
      const before = audit();
      expectProblem(await world.as('phViewer').post(g.stakeholders, { name: 'x', influence: 1, interest: 1, attitude: 'neutral' }), 403, 'forbidden');
      const cur = await getOk(world, 'nbMember', stakeholderPath(s1));
      for (const key of ['phManager', 'phMember', 'phViewer']) {
        expectProblem(await world.as(key).patch(stakeholderPath(s1), { notes: 'x' }, { ifMatch: cur.version }), 403, 'forbidden');
      }
      assert.equal(audit(), before);
      const res = await world.as('nbMember').del(stakeholderPath(s1));
      assert.equal(res.status, 204, res.text);
      expectProblem(await world.as('nbMember').get(stakeholderPath(s1)), 404, 'not-found');
    });
  });
});
