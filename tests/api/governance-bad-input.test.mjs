// Governance (issue 5): bad input for every governance record type and sub-resource — malformed
// JSON, wrong types, unknown fields, over-long strings, bad dates, bad enums, malformed ids and
// filters — gets a 400 or 422 problem answer and changes nothing (list counts, the records'
// versions, the audit trail).
// The contract is docs/design/governance-api.md and docs/api-guide.md ("Conventions").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { API, expectProblem, expectValidation, listAll } from '../support/client.mjs';
import { day } from '../support/plan.mjs';
import {
  gov, getOk, postOk, listCount, makeCommittee, JOINT_SEATS, committeeBody, createDecisionRight, at,
} from '../support/governance.mjs';

describe('governance: bad input changes nothing', () => {
  let world;
  let server;
  let id;
  let g;
  const r = {};   // the records under test: committee, right, issue, meeting, item, brief, decision, action, stakeholder

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
    g = gov(id);
    r.committee = await makeCommittee(world, { allianceId: id, name: 'Bad-input JSC', seats: JOINT_SEATS });
    r.right = await createDecisionRight(world, 'phManager', id, { committee: r.committee, levels: [['Team', r.committee, 5], ['Executives', null, 10]] });
    r.issue = await postOk(world, 'phManager', g.issues, { title: 'Bad-input issue', severity: 'medium',
      party_ids: [world.orgIds.helix], decision_right_id: r.right.id });
    r.meeting = await postOk(world, 'phManager', g.meetings, { committee_id: r.committee.id, title: 'Bad-input meeting', starts_at: at(10) });
    const withItem = await world.as('phManager').post(g.agenda(r.meeting.id), { title: 'Bad-input item' });
    assert.ok([200, 201].includes(withItem.status), withItem.text);
    r.item = withItem.body.agenda[0];
    r.brief = await postOk(world, 'phManager', g.briefs(r.meeting.id), { title: 'Bad-input brief', body: 'Helix view.' });
    r.decision = await postOk(world, 'phManager', g.decisions, { committee_id: r.committee.id, title: 'Bad-input decision', decision_type: 'x' });
    r.action = await postOk(world, 'phManager', g.actions, { title: 'Bad-input action', owner_user_id: world.person('phMember').id, due_on: day(5) });
    r.stakeholder = await postOk(world, 'phManager', g.stakeholders, { name: 'Bad-input stakeholder', influence: 3, interest: 3, attitude: 'neutral' });
  });
  after(async () => { await world?.stop(); });

  const p = {
    committee: () => `${g.committees}/${r.committee.id}`,
    members: () => g.members(r.committee.id),
    member: () => `${g.members(r.committee.id)}/${r.committee.members[0].id}`,
    right: () => `${g.decisionRights}/${r.right.id}`,
    issue: () => `${g.issues}/${r.issue.id}`,
    meeting: () => `${g.meetings}/${r.meeting.id}`,
    agenda: () => g.agenda(r.meeting.id),
    item: () => `${g.agenda(r.meeting.id)}/${r.item.id}`,
    briefs: () => g.briefs(r.meeting.id),
    brief: () => `${g.briefs(r.meeting.id)}/${r.brief.id}`,
    decision: () => `${g.decisions}/${r.decision.id}`,
    action: () => `${g.actions}/${r.action.id}`,
    stakeholder: () => `${g.stakeholders}/${r.stakeholder.id}`,
  };

  /** Everything a refused request must leave alone. */
  async function snapshot() {
    const get = (path) => getOk(world, 'phManager', path);
    const committee = await get(p.committee());
    const meeting = await get(p.meeting());
    const briefs = await listAll(world.as('phManager'), p.briefs());
    return {
      audit: server.count('audit_events'),
      counts: {
        committees: await listCount(world, 'phManager', g.committees),
        decisionRights: await listCount(world, 'phManager', g.decisionRights),
        issues: await listCount(world, 'phManager', g.issues),
        meetings: await listCount(world, 'phManager', g.meetings),
        decisions: await listCount(world, 'phManager', g.decisions),
        actions: await listCount(world, 'phManager', g.actions),
        stakeholders: await listCount(world, 'phManager', g.stakeholders),
        briefs: briefs.length,
        seats: committee.members.length,
        agenda: meeting.agenda.length,
        attendance: meeting.attendance.length,
      },
      versions: {
        committee: committee.version,
        right: (await get(p.right())).version,
        issue: (await get(p.issue())).version,
        meeting: meeting.version,
        item: meeting.agenda[0].version,
        brief: briefs.find((b) => b.id === r.brief.id).version,
        decision: (await get(p.decision())).version,
        action: (await get(p.action())).version,
        stakeholder: (await get(p.stakeholder())).version,
      },
      states: { reviews: meeting.minutes.reviews.map((x) => x.decision), decision: (await get(p.decision())).votes },
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
  const itemVersion = async () => (await getOk(world, 'phManager', p.meeting())).agenda[0].version;
  async function patchItem(body, raw) {
    return me().request('PATCH', p.item(), raw === undefined ? { body, ifMatch: await itemVersion() } : { raw, ifMatch: await itemVersion() });
  }
  async function patchBrief(body) {
    const cur = (await listAll(me(), p.briefs())).find((b) => b.id === r.brief.id);
    return me().patch(p.brief(), body, { ifMatch: cur.version });
  }
  const long = (n) => 'x'.repeat(n);
  const u = (key) => world.person(key).id;

  // [what, request, field (422) | null for a 400]
  const CASES = [
    // committees
    ['committee: malformed JSON', () => postRaw(() => g.committees, '{"name": "JSC", '), null],
    ['committee: a JSON array', () => postRaw(() => g.committees, JSON.stringify([committeeBody()])), null],
    ['committee: a name of the wrong type', () => post(() => g.committees, committeeBody({ name: ['JSC'] })), 'name'],
    ['committee: a name over 200 characters', () => post(() => g.committees, committeeBody({ name: long(201) })), 'name'],
    ['committee: an unknown field', () => post(() => g.committees, committeeBody({ budget: 1000 })), 'budget'],
    ['committee: a bad kind', () => post(() => g.committees, committeeBody({ kind: 'board' })), 'kind'],
    ['committee: a bad cadence', () => post(() => g.committees, committeeBody({ cadence: 'fortnightly' })), 'cadence'],
    ['committee: a bad rotation_start (29 Feb 2027)', () => post(() => g.committees, committeeBody({ rotation_start: '2027-02-29' })), 'rotation_start'],
    ['committee: meeting_minutes of the wrong type', () => post(() => g.committees, committeeBody({ meeting_minutes: true })), 'meeting_minutes'],
    ['committee: a parent of the wrong type', () => post(() => g.committees, committeeBody({ parent_id: 5 })), 'parent_id'],
    ['committee PATCH: malformed JSON', () => patchRaw(p.committee, '{"name": '), null],
    ['committee PATCH: a name of the wrong type', () => patch(p.committee, { name: 7 }), 'name'],
    ['committee PATCH: an unknown field', () => patch(p.committee, { budget: 1 }), 'budget'],
    ['committee PATCH: a bad rotation_start', () => patch(p.committee, { rotation_start: 'yesterday' }), 'rotation_start'],
    ['committee PATCH: a bad quorum rule', () => patch(p.committee, { quorum_rule: 'unanimity' }), 'quorum_rule'],
    // members
    ['member: malformed JSON', () => postRaw(p.members, '{"user_id": '), null],
    ['member: a user id of the wrong type', () => post(p.members, { user_id: 42, role: 'voting_member' }), 'user_id'],
    ['member: a bad role', () => post(p.members, { user_id: u('phExec'), role: 'observer' }), 'role'],
    ['member: a bad joined_on (31 April)', () => post(p.members, { user_id: u('phExec'), role: 'secretary', joined_on: '2026-04-31' }), 'joined_on'],
    ['member: an unknown field', () => post(p.members, { user_id: u('phExec'), role: 'secretary', proxy: true }), 'proxy'],
    ['member PATCH: a bad role', () => withVersion('PATCH', p.member, { role: 'emperor' }, p.committee), 'role'],
    ['member PATCH: a role of the wrong type', () => withVersion('PATCH', p.member, { role: 1 }, p.committee), 'role'],
    ['member PATCH: malformed JSON', () => withVersion('PATCH', p.member, undefined, p.committee, { raw: '{"role"' }), null],
    // decision rights
    ['decision right: malformed JSON', () => postRaw(() => g.decisionRights, '{"levels": [}'), null],
    ['decision right: a decision type of the wrong type', () => post(() => g.decisionRights, { decision_type: 3, committee_id: r.committee.id,
      levels: [{ name: 'T', committee_id: null, days: 5 }] }), 'decision_type'],
    ['decision right: a decision type over 200 characters', () => post(() => g.decisionRights, { decision_type: long(201), committee_id: r.committee.id,
      levels: [{ name: 'T', committee_id: null, days: 5 }] }), 'decision_type'],
    ['decision right: days of the wrong type', () => post(() => g.decisionRights, { decision_type: 'x', committee_id: r.committee.id,
      levels: [{ name: 'T', committee_id: null, days: 'five' }] }), 'levels'],
    ['decision right: a level name over 200 characters', () => post(() => g.decisionRights, { decision_type: 'x', committee_id: r.committee.id,
      levels: [{ name: long(201), committee_id: null, days: 5 }] }), 'levels'],
    ['decision right: levels that are an object', () => post(() => g.decisionRights, { decision_type: 'x', committee_id: r.committee.id,
      levels: { name: 'T', days: 5 } }), 'levels'],
    ['decision right: an unknown field', () => post(() => g.decisionRights, { decision_type: 'x', committee_id: r.committee.id,
      levels: [{ name: 'T', committee_id: null, days: 5 }], owner: 'x' }), 'owner'],
    ['decision right PATCH: days 0', () => patch(p.right, { levels: [{ name: 'T', committee_id: null, days: 0 }] }), 'levels'],
    ['decision right PATCH: an unknown field', () => patch(p.right, { sla: 3 }), 'sla'],
    // issues
    ['issue: malformed JSON', () => postRaw(() => g.issues, '{"title": "x",,}'), null],
    ['issue: a title of the wrong type', () => post(() => g.issues, { title: { t: 1 }, severity: 'low', party_ids: [world.orgIds.helix], decision_right_id: r.right.id }), 'title'],
    ['issue: a title over 200 characters', () => post(() => g.issues, { title: long(201), severity: 'low', party_ids: [world.orgIds.helix], decision_right_id: r.right.id }), 'title'],
    ['issue: a bad severity', () => post(() => g.issues, { title: 'x', severity: 'blocker', party_ids: [world.orgIds.helix], decision_right_id: r.right.id }), 'severity'],
    ['issue: party ids of the wrong type', () => post(() => g.issues, { title: 'x', severity: 'low', party_ids: [1, 2], decision_right_id: r.right.id }), 'party_ids'],
    ['issue: an unknown field', () => post(() => g.issues, { title: 'x', severity: 'low', party_ids: [world.orgIds.helix], decision_right_id: r.right.id, sla: 1 }), 'sla'],
    ['issue PATCH: a bad severity', () => patch(p.issue, { severity: 'blocker' }), 'severity'],
    ['issue PATCH: an unknown field', () => patch(p.issue, { assignee: 'x' }), 'assignee'],
    ['issue escalate: malformed JSON', () => withVersion('POST', () => `${p.issue()}/escalate`, undefined, p.issue, { raw: '{"reason": ' }), null],
    ['issue escalate: a reason of the wrong type', () => withVersion('POST', () => `${p.issue()}/escalate`, { reason: 5 }, p.issue), 'reason'],
    ['issue escalate: an unknown field', () => withVersion('POST', () => `${p.issue()}/escalate`, { reason: 'x', to_level: 1 }, p.issue), 'to_level'],
    ['issue resolve: an outcome over 5000 characters', () => withVersion('POST', () => `${p.issue()}/resolve`, { outcome: long(5001), agreed_by: [u('phManager')] }, p.issue), 'outcome'],
    ['issue resolve: agreed_by of the wrong type', () => withVersion('POST', () => `${p.issue()}/resolve`, { outcome: 'ok', agreed_by: 'phManager' }, p.issue), 'agreed_by'],
    // meetings
    ['meeting: malformed JSON', () => postRaw(() => g.meetings, '{"title": "x" "starts_at": "y"}'), null],
    ['meeting: a title of the wrong type', () => post(() => g.meetings, { committee_id: r.committee.id, title: 12, starts_at: at(3) }), 'title'],
    ['meeting: a bad start (30 February)', () => post(() => g.meetings, { committee_id: r.committee.id, title: 'x', starts_at: '2026-02-30T10:00:00Z' }), 'starts_at'],
    ['meeting: a start at 25 o\'clock', () => post(() => g.meetings, { committee_id: r.committee.id, title: 'x', starts_at: '2026-03-02T25:00:00Z' }), 'starts_at'],
    ['meeting: a bad status', () => post(() => g.meetings, { committee_id: r.committee.id, title: 'x', starts_at: at(3), status: 'tentative' }), 'status'],
    ['meeting: a duration of the wrong type', () => post(() => g.meetings, { committee_id: r.committee.id, title: 'x', starts_at: at(3), duration_minutes: [60] }), 'duration_minutes'],
    ['meeting: a bad time zone', () => post(() => g.meetings, { committee_id: r.committee.id, title: 'x', starts_at: at(3), time_zone: 'CEST+1' }), 'time_zone'],
    ['meeting: an unknown field', () => post(() => g.meetings, { committee_id: r.committee.id, title: 'x', starts_at: at(3), room: 'B2' }), 'room'],
    ['meeting PATCH: malformed JSON', () => patchRaw(p.meeting, '{"title": '), null],
    ['meeting PATCH: a bad start', () => patch(p.meeting, { starts_at: 'next Tuesday' }), 'starts_at'],
    ['meeting PATCH: a bad status', () => patch(p.meeting, { status: 'done' }), 'status'],
    ['meeting PATCH: an unknown field', () => patch(p.meeting, { room: 'B2' }), 'room'],
    // agenda
    ['agenda item: malformed JSON', () => postRaw(p.agenda, '{"title": '), null],
    ['agenda item: a title over 200 characters', () => post(p.agenda, { title: long(201) }), 'title'],
    ['agenda item: a time box of the wrong type', () => post(p.agenda, { title: 'x', time_box_minutes: '15' }), 'time_box_minutes'],
    ['agenda item: a pre-read without a url', () => post(p.agenda, { title: 'x', pre_reads: [{ title: 'Doc' }] }), 'pre_reads'],
    ['agenda item: a pre-read url of the wrong type', () => post(p.agenda, { title: 'x', pre_reads: [{ title: 'Doc', url: 5 }] }), 'pre_reads'],
    ['agenda item: an unknown field', () => post(p.agenda, { title: 'x', presenter: 'Avery' }), 'presenter'],
    ['agenda item PATCH: malformed JSON', () => patchItem(undefined, '{"minutes": '), null],
    ['agenda item PATCH: a position of the wrong type', () => patchItem({ position: 'first' }), 'position'],
    ['agenda item PATCH: minutes of the wrong type', () => patchItem({ minutes: ['a', 'b'] }), 'minutes'],
    // attendance
    ['attendance: malformed JSON', () => withVersion('PUT', () => `${p.meeting()}/attendance`, undefined, p.meeting, { raw: '{"entries": [' }), null],
    ['attendance: entries of the wrong type', () => withVersion('PUT', () => `${p.meeting()}/attendance`, { entries: { user_id: u('phManager') } }, p.meeting), 'entries'],
    ['attendance: a bad status', () => withVersion('PUT', () => `${p.meeting()}/attendance`, { entries: [{ user_id: u('phManager'), status: 'excused' }] }, p.meeting), 'entries'],
    ['attendance: a user id of the wrong type', () => withVersion('PUT', () => `${p.meeting()}/attendance`, { entries: [{ user_id: 7, status: 'present' }] }, p.meeting), 'entries'],
    ['attendance: an unknown field', () => withVersion('PUT', () => `${p.meeting()}/attendance`, { entries: [], room: 'B2' }, p.meeting), 'room'],
    // minutes review
    ['review: a bad decision', () => withVersion('POST', () => `${p.meeting()}/minutes/review`, { decision: 'approved' }, p.meeting), 'decision'],
    ['review: a comment of the wrong type', () => withVersion('POST', () => `${p.meeting()}/minutes/review`, { decision: 'comment', comment: 5 }, p.meeting), 'comment'],
    ['review: an unknown field', () => withVersion('POST', () => `${p.meeting()}/minutes/review`, { decision: 'approve', on_behalf_of: 'x' }, p.meeting), 'on_behalf_of'],
    // briefs
    ['brief: malformed JSON', () => postRaw(p.briefs, '{"title": '), null],
    ['brief: a title of the wrong type', () => post(p.briefs, { title: 1, body: 'x' }), 'title'],
    ['brief: a title over 200 characters', () => post(p.briefs, { title: long(201), body: 'x' }), 'title'],
    ['brief: a bad visibility', () => post(p.briefs, { title: 'x', body: 'x', visibility: 'private' }), 'visibility'],
    ['brief: an unknown field', () => post(p.briefs, { title: 'x', body: 'x', tone: 'firm' }), 'tone'],
    ['brief PATCH: a body of the wrong type', () => patchBrief({ body: { text: 'x' } }), 'body'],
    ['brief PATCH: an unknown field', () => patchBrief({ tone: 'firm' }), 'tone'],
    // decisions
    ['decision: malformed JSON', () => postRaw(() => g.decisions, '{"title": '), null],
    ['decision: a title of the wrong type', () => post(() => g.decisions, { committee_id: r.committee.id, title: false }), 'title'],
    ['decision: a title over 200 characters', () => post(() => g.decisions, { committee_id: r.committee.id, title: long(201) }), 'title'],
    ['decision: party visibility', () => post(() => g.decisions, { committee_id: r.committee.id, title: 'x', visibility: 'party' }), 'visibility'],
    ['decision: an unknown field', () => post(() => g.decisions, { committee_id: r.committee.id, title: 'x', quorum: 3 }), 'quorum'],
    ['decision PATCH: a rationale of the wrong type', () => patch(p.decision, { rationale: 42 }), 'rationale'],
    ['decision PATCH: an unknown field', () => patch(p.decision, { quorum: 3 }), 'quorum'],
    ['vote: malformed JSON', () => withVersion('POST', () => `${p.decision()}/votes`, undefined, p.decision, { raw: '{"vote": ' }), null],
    ['vote: a bad vote', () => withVersion('POST', () => `${p.decision()}/votes`, { vote: 'approved' }, p.decision), 'vote'],
    ['vote: a comment of the wrong type', () => withVersion('POST', () => `${p.decision()}/votes`, { vote: 'approve', comment: ['x'] }, p.decision), 'comment'],
    ['vote: an unknown field', () => withVersion('POST', () => `${p.decision()}/votes`, { vote: 'approve', proxy_for: 'x' }, p.decision), 'proxy_for'],
    ['decision state: a bad state', () => withVersion('POST', () => `${p.decision()}/state`, { state: 'cancelled', reason: 'x' }, p.decision), 'state'],
    ['decision state: a reason of the wrong type', () => withVersion('POST', () => `${p.decision()}/state`, { state: 'deferred', reason: 1 }, p.decision), 'reason'],
    ['decision state: an unknown field', () => withVersion('POST', () => `${p.decision()}/state`, { state: 'deferred', reason: 'x', until: '2030-01-01' }, p.decision), 'until'],
    // action items
    ['action: malformed JSON', () => postRaw(() => g.actions, '{"title": '), null],
    ['action: a bad due date', () => post(() => g.actions, { title: 'x', owner_user_id: u('phMember'), due_on: '2026-06-31' }), 'due_on'],
    ['action: a due date of the wrong type', () => post(() => g.actions, { title: 'x', owner_user_id: u('phMember'), due_on: 20260601 }), 'due_on'],
    ['action: a bad status', () => post(() => g.actions, { title: 'x', owner_user_id: u('phMember'), due_on: day(3), status: 'waiting' }), 'status'],
    ['action: an owner of the wrong type', () => post(() => g.actions, { title: 'x', owner_user_id: ['a'], due_on: day(3) }), 'owner_user_id'],
    ['action: a title over 200 characters', () => post(() => g.actions, { title: long(201), owner_user_id: u('phMember'), due_on: day(3) }), 'title'],
    ['action: an unknown field', () => post(() => g.actions, { title: 'x', owner_user_id: u('phMember'), due_on: day(3), effort: 3 }), 'effort'],
    ['action PATCH: a bad due date', () => patch(p.action, { due_on: '31/12/2026' }), 'due_on'],
    ['action PATCH: a bad status', () => patch(p.action, { status: 'closed' }), 'status'],
    // stakeholders
    ['stakeholder: malformed JSON', () => postRaw(() => g.stakeholders, '{"name": '), null],
    ['stakeholder: influence of the wrong type', () => post(() => g.stakeholders, { name: 'x', influence: '5', interest: 3, attitude: 'neutral' }), 'influence'],
    ['stakeholder: influence 0', () => post(() => g.stakeholders, { name: 'x', influence: 0, interest: 3, attitude: 'neutral' }), 'influence'],
    ['stakeholder: interest 6', () => post(() => g.stakeholders, { name: 'x', influence: 3, interest: 6, attitude: 'neutral' }), 'interest'],
    ['stakeholder: a bad attitude', () => post(() => g.stakeholders, { name: 'x', influence: 3, interest: 3, attitude: 'indifferent' }), 'attitude'],
    ['stakeholder: a name over 200 characters', () => post(() => g.stakeholders, { name: long(201), influence: 3, interest: 3, attitude: 'neutral' }), 'name'],
    ['stakeholder: an unknown field', () => post(() => g.stakeholders, { name: 'x', influence: 3, interest: 3, attitude: 'neutral', age: 50 }), 'age'],
    ['stakeholder PATCH: interest 6', () => patch(p.stakeholder, { interest: 6 }), 'interest'],
    ['stakeholder PATCH: a bad attitude', () => patch(p.stakeholder, { attitude: 'hostile' }), 'attitude'],
    ['stakeholder PATCH: malformed JSON', () => patchRaw(p.stakeholder, '{"name": '), null],
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

  const MALFORMED_IDS = [
    () => me().get(`${g.committees}/not-an-id`),
    () => me().get(`${g.decisionRights}/12345`),
    () => me().get(`${g.issues}/${encodeURIComponent("x' OR '1'='1")}`),
    () => me().get(`${g.issues}/not-an-id/history`),
    () => me().get(`${g.meetings}/abc`),
    () => me().get(`${g.meetings}/abc/calendar.ics`),
    () => me().get(`${g.decisions}/not-an-id`),
    () => me().get(`${g.actions}/not-an-id`),
    () => me().get(`${g.stakeholders}/not-an-id`),
    () => me().patch(`${g.members(r.committee.id)}/not-an-id`, { role: 'chair' }, { ifMatch: r.committee.version }),
    () => me().patch(`${g.agenda(r.meeting.id)}/not-an-id`, { title: 'x' }, { ifMatch: 1 }),
    () => me().del(`${g.briefs(r.meeting.id)}/not-an-id`),
    () => me().post(`${API}/me/notifications/not-an-id/read`),
  ];
  for (const [i, request] of MALFORMED_IDS.entries()) {
    it(`a malformed id (${i + 1}) → 400, nothing changes`, async () => {
      const before = await snapshot();
      expectProblem(await request(), 400, 'malformed');
      assert.deepEqual(await snapshot(), before);
    });
  }

  // Paths relative to the alliance (`a/`) or to /api/v1 (`/`): the alliance exists only once before() ran.
  // Relative to the alliance: `g` exists only once before() has run.
  const FILTERS = [
    'committees?kind=board', 'meetings?when=tomorrow', 'meetings?status=tentative', 'meetings?limit=abc',
    'decisions?state=maybe', 'decisions?committee_id=nope', 'issues?severity=blocker', 'issues?status=closed',
    'actions?overdue=perhaps', 'actions?status=waiting', 'stakeholders?limit=0', 'decision-rights?limit=201',
    `issues?cursor=${encodeURIComponent('not-a-real-cursor!!')}`, '/me/actions?status=waiting', '/me/actions?overdue=perhaps',
    '/me/notifications?unread=maybe', 'governance/cadence-proposal?template=classic&from=2030-01-07&months=99',
    'decisions/export.csv?state=maybe',
  ];
  for (const rel of FILTERS) {
    it(`a bad query (${rel}) → 400 or 422`, async () => {
      const res = await me().get(rel.startsWith('/') ? `${API}${rel}` : `${g.base}/${rel}`);
      assert.ok([400, 422].includes(res.status), `${res.status} ${res.text.slice(0, 300)}`);
      expectProblem(res, res.status);
    });
  }

  it('a stale If-Match on each kind of record → 412, nothing changes', async () => {
    const before = await snapshot();
    const stale = (v) => (v > 1 ? v - 1 : v + 1);
    for (const [path, body, version] of [
      [p.committee(), { name: 'x' }, before.versions.committee], [p.right(), { description: 'x' }, before.versions.right],
      [p.issue(), { title: 'x' }, before.versions.issue], [p.meeting(), { title: 'x' }, before.versions.meeting],
      [p.item(), { title: 'x' }, before.versions.item], [p.brief(), { title: 'x' }, before.versions.brief],
      [p.decision(), { title: 'x' }, before.versions.decision], [p.action(), { title: 'x' }, before.versions.action],
      [p.stakeholder(), { name: 'x' }, before.versions.stakeholder],
    ]) {
      expectProblem(await me().patch(path, body, { ifMatch: stale(version) }), 412, 'stale');
      expectProblem(await me().patch(path, body), 428, 'precondition-required');
    }
    assert.deepEqual(await snapshot(), before);
  });

  it('the server is still healthy afterwards', async () => {
    assert.equal((await world.anon().get('/healthz')).status, 200);
    await getOk(world, 'phManager', p.meeting());
  });
});
