// Governance (issue 5): committees (create, read, list, update, delete, parent and cycles), their
// members and the history of seats, whose turn it is to chair, the cadence templates (nothing is
// created), and the decision-rights matrix with its escalation levels.
// The contract is docs/design/governance-api.md ("Committees", "Cadence templates", "Decision rights").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, ORGS, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { UUID7, NO_SUCH_ID, stale, today, day, ids, expectShared } from '../support/plan.mjs';
import {
  COMMITTEE_FIELDS, MEMBER_FIELDS, DECISION_RIGHT_FIELDS, STARTS_AT, gov, expectRecordFields, expectKeys, getOk, postOk,
  patchOk, listCount, governanceAlliance, committeeBody, createCommittee, seat, makeCommittee, currentSeat, createDecisionRight,
  between, addDays, at,
} from '../support/governance.mjs';

const KINDS = ['joint_steering', 'joint_development', 'joint_commercial', 'joint_finance', 'ip', 'joint_project_team', 'custom'];
const CADENCES = ['weekly', 'biweekly', 'monthly', 'bimonthly', 'quarterly', 'semiannual', 'annual', 'ad_hoc'];
const QUORUM_RULES = ['every_party_voting', 'majority_voting', 'all_voting'];
const ROTATIONS = ['none', 'yearly', 'per_meeting'];
const VOTING = { chair: true, co_chair: true, voting_member: true, non_voting_member: false, secretary: false };

describe('governance: committees, members, chairs, cadence templates and decision rights', () => {
  let world;
  let server;
  let id;
  let g;

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
    g = gov(id);
  });
  after(async () => { await world?.stop(); });

  const audit = () => server.count('audit_events');
  const committeePath = (c, allianceId = id) => `${gov(allianceId).committees}/${c.id ?? c}`;
  const eventsOf = async (key, recordId, allianceId = id) =>
    (await listAll(world.as(key), gov(allianceId).audit)).filter((e) => e.record_id === recordId);

  describe('committees: create and read', () => {
    let jsc;
    let jdc;

    it('POST → 201 with every field, the defaults and ETag', async () => {
      const res = await world.as('phManager').post(g.committees, {
        name: 'Joint Steering Committee', kind: 'joint_steering', cadence: 'quarterly', quorum_rule: 'every_party_voting',
        chair_rotation: 'none',
      });
      expectStatus(res, 201);
      jsc = res.body;
      expectRecordFields(jsc, COMMITTEE_FIELDS, 'committee');
      expectShared(world, jsc, { allianceId: id, author: 'phManager' });
      assert.equal(jsc.party_id, world.orgIds.helix, 'the party defaults to the caller\'s organisation');
      assert.equal(jsc.party_name, 'Helix Pharma');
      assert.equal(jsc.name, 'Joint Steering Committee');
      assert.equal(jsc.kind, 'joint_steering');
      assert.equal(jsc.purpose, '');
      assert.equal(jsc.decision_scope, '');
      assert.equal(jsc.parent_id, null);
      assert.equal(jsc.cadence, 'quarterly');
      assert.equal(jsc.meeting_minutes, 90, 'a meeting lasts 90 minutes by default');
      assert.equal(jsc.quorum_rule, 'every_party_voting');
      assert.equal(jsc.chair_rotation, 'none');
      assert.equal(jsc.rotation_start, today(), 'the rotation starts today by default');
      assert.deepEqual(jsc.members, []);
      assert.equal(jsc.chair_party_id, null, 'no rotation and no chair: nobody chairs');
      assert.equal(jsc.chair_party_name, null);
      assert.equal(res.headers.get('etag'), `"${jsc.version}"`);
    });

    it('POST with every field, by the partner, under a parent', async () => {
      const res = await world.as('nbMember').post(g.committees, {
        name: 'Joint Development Committee', kind: 'joint_development', purpose: 'Steer the clinical validation.',
        decision_scope: 'Protocols, sites, data management plans.', parent_id: jsc.id, cadence: 'monthly', meeting_minutes: 60,
        quorum_rule: 'majority_voting', chair_rotation: 'yearly', rotation_start: day(-10),
      });
      expectStatus(res, 201);
      jdc = res.body;
      expectRecordFields(jdc, COMMITTEE_FIELDS, 'committee');
      expectShared(world, jdc, { allianceId: id, author: 'nbMember' });
      assert.equal(jdc.party_id, world.orgIds.nimbus);
      assert.equal(jdc.party_name, 'Nimbus Health');
      assert.equal(jdc.purpose, 'Steer the clinical validation.');
      assert.equal(jdc.decision_scope, 'Protocols, sites, data management plans.');
      assert.equal(jdc.parent_id, jsc.id);
      assert.equal(jdc.cadence, 'monthly');
      assert.equal(jdc.meeting_minutes, 60);
      assert.equal(jdc.quorum_rule, 'majority_voting');
      assert.equal(jdc.chair_rotation, 'yearly');
      assert.equal(jdc.rotation_start, day(-10));
      assert.ok([world.orgIds.helix, world.orgIds.nimbus].includes(jdc.chair_party_id), `a yearly rotation names a party: ${jdc.chair_party_id}`);
      assert.equal(jdc.chair_party_name, jdc.chair_party_id === world.orgIds.helix ? 'Helix Pharma' : 'Nimbus Health');
    });

    it('GET one returns the same record with its ETag to every member of both parties', async () => {
      for (const key of ['phViewer', 'phExec', 'nbManager', 'nbMember', 'phMember']) {
        for (const c of [jsc, jdc]) {
          const res = await world.as(key).get(committeePath(c));
          expectStatus(res, 200);
          assert.deepEqual(res.body, c, `${c.name} as ${key}`);
          assert.equal(res.headers.get('etag'), `"${c.version}"`);
        }
      }
    });

    it('every kind, cadence, quorum rule and rotation is accepted; meeting_minutes 15 and 600 are the bounds', async () => {
      for (const [i, kind] of KINDS.entries()) {
        const c = await createCommittee(world, 'phMember', id, {
          kind, cadence: CADENCES[i % CADENCES.length], quorum_rule: QUORUM_RULES[i % 3], chair_rotation: ROTATIONS[i % 3],
          meeting_minutes: i % 2 ? 15 : 600,
        });
        assert.equal(c.kind, kind);
        assert.equal(c.cadence, CADENCES[i % CADENCES.length]);
        assert.equal(c.quorum_rule, QUORUM_RULES[i % 3]);
        assert.equal(c.chair_rotation, ROTATIONS[i % 3]);
        assert.equal(c.meeting_minutes, i % 2 ? 15 : 600);
      }
      const c = await createCommittee(world, 'phMember', id, { cadence: 'ad_hoc' });
      assert.equal(c.cadence, 'ad_hoc');
    });

    it('a 200-character non-ASCII name and 5000-character charter round-trip', async () => {
      const name = 'ü'.repeat(192) + '研究协作🧪🧬Ωé';
      assert.equal([...name].length, 200);
      const c = await createCommittee(world, 'phMember', id, { name, purpose: 'p'.repeat(5000), decision_scope: 'd'.repeat(5000) });
      const got = await getOk(world, 'nbMember', committeePath(c));
      assert.equal(got.name, name);
      assert.equal(got.purpose.length, 5000);
      assert.equal(got.decision_scope.length, 5000);
    });

    it('the list pages without gaps, filters by kind and carries the same records', async () => {
      const all = await listAll(world.as('nbMember'), g.committees);
      assert.ok(all.some((c) => c.id === jsc.id) && all.some((c) => c.id === jdc.id));
      assert.deepEqual(all.find((c) => c.id === jsc.id), jsc);
      const paged = await listAll(world.as('nbMember'), g.committees, { limit: 2 });
      assert.deepEqual(paged.map((c) => c.id), all.map((c) => c.id));
      const first = await world.as('nbMember').get(`${g.committees}?limit=2`);
      assert.equal(first.body.items.length, 2);
      assert.equal(typeof first.body.next_cursor, 'string');
      for (const kind of ['joint_steering', 'joint_development', 'ip']) {
        const items = await listAll(world.as('nbMember'), `${g.committees}?kind=${kind}`);
        assert.ok(items.length > 0, kind);
        assert.ok(items.every((c) => c.kind === kind), kind);
        assert.deepEqual(ids(items), ids(all.filter((c) => c.kind === kind)), kind);
      }
      for (const q of ['kind=board', 'limit=0', 'limit=201']) {
        const res = await world.as('nbMember').get(`${g.committees}?${q}`);
        assert.ok([400, 422].includes(res.status), `${q}: ${res.status} ${res.text}`);
        expectProblem(res, res.status);
      }
    });

    it('a Helix party committee: Helix sees it; Nimbus gets 404 for it and its members, and never lists it', async () => {
      const internal = await makeCommittee(world, { allianceId: id, name: 'Helix internal alliance board', kind: 'custom',
        visibility: 'party', seats: [['phManager', 'chair']] });
      assert.equal(internal.visibility, 'party');
      for (const key of ['phMember', 'phViewer', 'phExec']) expectStatus(await world.as(key).get(committeePath(internal)), 200);
      const before = audit();
      for (const key of ['nbManager', 'nbMember']) {
        expectProblem(await world.as(key).get(committeePath(internal)), 404, 'not-found');
        expectProblem(await world.as(key).patch(committeePath(internal), { name: 'peek' }, { ifMatch: internal.version }), 404, 'not-found');
        expectProblem(await world.as(key).del(committeePath(internal)), 404, 'not-found');
        expectProblem(await world.as(key).post(g.members(internal.id), { user_id: world.person(key).id, role: 'voting_member' }), 404, 'not-found');
        const seatId = internal.members[0].id;
        expectProblem(await world.as(key).del(`${g.members(internal.id)}/${seatId}`, { ifMatch: internal.version }), 404, 'not-found');
        const list = await listAll(world.as(key), g.committees);
        assert.ok(!list.some((c) => c.id === internal.id));
        assert.ok(!JSON.stringify(list).includes('Helix internal alliance board'));
        assert.ok(!(await listAll(world.as(key), `${g.committees}?kind=custom`)).some((c) => c.id === internal.id));
      }
      assert.equal(audit(), before);
      const nimbusAudit = JSON.stringify(await listAll(world.as('nbManager'), g.audit));
      assert.ok(!nimbusAudit.includes(internal.id) && !nimbusAudit.includes('Helix internal alliance board'), 'the audit trail shows Nimbus nothing of it');
    });

    it('an unknown id is 404; a committee is only reachable under its own alliance', async () => {
      expectProblem(await world.as('phManager').get(committeePath(NO_SUCH_ID)), 404, 'not-found');
      const other = await world.createAlliance('phManager');
      expectProblem(await world.as('phManager').get(`${API}/alliances/${other.id}/committees/${jsc.id}`), 404, 'not-found');
    });
  });

  describe('committees: validation (422, nothing written)', () => {
    let jsc;
    before(async () => { jsc = await createCommittee(world, 'phManager', id, { name: 'Validation parent' }); });

    const CASES = [
      ['a missing name', (b) => { delete b.name; return b; }, 'name'],
      ['an empty name', (b) => ({ ...b, name: '' }), 'name'],
      ['a name over 200 characters', (b) => ({ ...b, name: 'n'.repeat(201) }), 'name'],
      ['a name of the wrong type', (b) => ({ ...b, name: 12 }), 'name'],
      ['a missing kind', (b) => { delete b.kind; return b; }, 'kind'],
      ['an unknown kind', (b) => ({ ...b, kind: 'board_of_directors' }), 'kind'],
      ['a purpose over 5000 characters', (b) => ({ ...b, purpose: 'p'.repeat(5001) }), 'purpose'],
      ['a decision scope over 5000 characters', (b) => ({ ...b, decision_scope: 'd'.repeat(5001) }), 'decision_scope'],
      ['an unknown cadence', (b) => ({ ...b, cadence: 'daily' }), 'cadence'],
      ['meeting_minutes 14', (b) => ({ ...b, meeting_minutes: 14 }), 'meeting_minutes'],
      ['meeting_minutes 601', (b) => ({ ...b, meeting_minutes: 601 }), 'meeting_minutes'],
      ['meeting_minutes as a string', (b) => ({ ...b, meeting_minutes: '90' }), 'meeting_minutes'],
      ['meeting_minutes not whole', (b) => ({ ...b, meeting_minutes: 90.5 }), 'meeting_minutes'],
      ['an unknown quorum rule', (b) => ({ ...b, quorum_rule: 'two_thirds' }), 'quorum_rule'],
      ['an unknown chair rotation', (b) => ({ ...b, chair_rotation: 'monthly' }), 'chair_rotation'],
      ['a rotation_start that is no date', (b) => ({ ...b, rotation_start: '2026-02-30' }), 'rotation_start'],
      ['a rotation_start in another format', (b) => ({ ...b, rotation_start: '01/03/2026' }), 'rotation_start'],
      ['an unknown parent', (b) => ({ ...b, parent_id: NO_SUCH_ID }), 'parent_id'],
      ['a parent that is not an id', (b) => ({ ...b, parent_id: 'jsc' }), 'parent_id'],
      ['a read-only members list', (b) => ({ ...b, members: [] }), 'members'],
      ['a read-only chair party', (b, w) => ({ ...b, chair_party_id: w.orgIds.helix }), 'chair_party_id'],
      ['an unknown field', (b) => ({ ...b, charter_url: 'https://example.org' }), 'charter_url'],
      ['a party that is no party of the alliance', (b, w) => ({ ...b, party_id: w.orgIds.outsider }), 'party_id'],
      ['a bad visibility', (b) => ({ ...b, visibility: 'secret' }), 'visibility'],
      ['a reader outside the alliance', (b, w) => ({ ...b, visibility: 'restricted', readers: [w.person('phBystander').id] }), 'readers'],
    ];
    for (const [what, make, field] of CASES) {
      it(`422 for ${what}`, async () => {
        const before = { audit: audit(), n: await listCount(world, 'phManager', g.committees) };
        const res = await world.as('phManager').post(g.committees, make(committeeBody({ parent_id: jsc.id }), world));
        expectValidation(res, field);
        assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', g.committees) }, before);
      });
    }

    it('malformed JSON → 400; a JSON array → 400; nothing written', async () => {
      const before = audit();
      for (const raw of ['{"name": "Unclosed", ', JSON.stringify([committeeBody()])]) {
        expectProblem(await world.as('phManager').request('POST', g.committees, { raw }), 400, 'malformed');
      }
      expectProblem(await world.as('phManager').get(`${g.committees}/not-an-id`), 400, 'malformed');
      assert.equal(audit(), before);
    });
  });

  describe('committees: parent and cycles', () => {
    let a;
    let b;
    let c;
    before(async () => {
      a = await createCommittee(world, 'phManager', id, { name: 'Cycle A' });
      b = await createCommittee(world, 'phManager', id, { name: 'Cycle B', parent_id: a.id });
      c = await createCommittee(world, 'phManager', id, { name: 'Cycle C', parent_id: b.id });
    });

    it('A under C (C → B → A) is 422 "would create a cycle"; A under A too; nothing changes', async () => {
      const before = audit();
      const cur = await getOk(world, 'phManager', committeePath(a));
      for (const parent of [c.id, b.id, a.id]) {
        const res = await world.as('phManager').patch(committeePath(a), { parent_id: parent }, { ifMatch: cur.version });
        const p = expectValidation(res, 'parent_id');
        assert.ok(p.errors.some((e) => e.field === 'parent_id' && /would create a cycle/.test(e.message)), JSON.stringify(p.errors));
      }
      assert.deepEqual(await getOk(world, 'phManager', committeePath(a)), cur);
      assert.equal(audit(), before);
    });

    it('moving C under A is fine; clearing a parent with null is fine', async () => {
      const moved = await patchOk(world, 'phManager', committeePath(c), { parent_id: a.id });
      assert.equal(moved.parent_id, a.id);
      const top = await patchOk(world, 'phManager', committeePath(c), { parent_id: null });
      assert.equal(top.parent_id, null);
    });

    it('a parent of another alliance, or one the caller cannot see, is 422 and names nothing hidden', async () => {
      const other = await world.createAlliance('phManager');
      const foreign = await createCommittee(world, 'phManager', other.id);
      expectValidation(await world.as('phManager').post(g.committees, committeeBody({ parent_id: foreign.id })), 'parent_id');
      const hidden = await createCommittee(world, 'phManager', id, { name: 'Helix hidden parent', visibility: 'party' });
      const before = audit();
      const res = await world.as('nbManager').post(g.committees, committeeBody({ parent_id: hidden.id }));
      expectValidation(res, 'parent_id');
      assert.ok(!res.text.includes('Helix hidden parent'), res.text);
      assert.equal(audit(), before);
    });
  });

  describe('committees: update, who may write, delete', () => {
    let c;
    before(async () => { c = await createCommittee(world, 'phMember', id, { name: 'Joint Commercial Committee', kind: 'joint_commercial' }); });

    it('the author updates with If-Match: 200, the changes, a new version and ETag; audited', async () => {
      const events0 = (await eventsOf('phManager', c.id)).length;
      const res = await world.as('phMember').patch(committeePath(c), {
        name: 'Joint Commercialisation Committee', purpose: 'Launch readiness.', cadence: 'bimonthly', meeting_minutes: 120,
        quorum_rule: 'all_voting',
      }, { ifMatch: c.version });
      expectStatus(res, 200);
      assert.equal(res.body.name, 'Joint Commercialisation Committee');
      assert.equal(res.body.purpose, 'Launch readiness.');
      assert.equal(res.body.cadence, 'bimonthly');
      assert.equal(res.body.meeting_minutes, 120);
      assert.equal(res.body.quorum_rule, 'all_voting');
      assert.equal(res.body.kind, 'joint_commercial');
      assert.equal(res.body.created_at, c.created_at);
      assert.ok(res.body.version > c.version);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      assert.deepEqual(await getOk(world, 'nbMember', committeePath(c)), res.body);
      const events = await eventsOf('phManager', c.id);
      assert.ok(events.length > events0, 'the update is audited');
      assert.ok(events.some((e) => e.action === 'update' && e.changes?.name?.after === 'Joint Commercialisation Committee'), JSON.stringify(events));
      c = res.body;
    });

    it('missing If-Match → 428, stale → 412, invalid → 422; nothing changes', async () => {
      const before = audit();
      expectProblem(await world.as('phMember').patch(committeePath(c), { name: 'Overwrite' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(committeePath(c), { name: 'Overwrite' }, { ifMatch: stale(c.version) }), 412, 'stale');
      expectValidation(await world.as('phMember').patch(committeePath(c), { name: '' }, { ifMatch: c.version }), 'name');
      expectValidation(await world.as('phMember').patch(committeePath(c), { kind: 'board' }, { ifMatch: c.version }), 'kind');
      expectValidation(await world.as('phMember').patch(committeePath(c), { members: [] }, { ifMatch: c.version }), 'members');
      assert.deepEqual(await getOk(world, 'phMember', committeePath(c)), c);
      assert.equal(audit(), before);
    });

    it('viewers and executives may not create (403); outsiders 404; signed out 401; nothing written', async () => {
      const before = { audit: audit(), n: await listCount(world, 'phManager', g.committees) };
      for (const key of ['phViewer', 'phExec']) {
        expectStatus(await world.as(key).get(g.committees), 200);
        expectProblem(await world.as(key).post(g.committees, committeeBody()), 403, 'forbidden');
      }
      for (const key of ['outsider', 'phBystander']) {
        expectProblem(await world.as(key).get(g.committees), 404, 'not-found');
        expectProblem(await world.as(key).post(g.committees, committeeBody()), 404, 'not-found');
        expectProblem(await world.as(key).get(committeePath(c)), 404, 'not-found');
      }
      expectProblem(await world.anon().get(g.committees), 401, 'unauthenticated');
      expectProblem(await world.anon().post(g.committees, committeeBody()), 401, 'unauthenticated');
      assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', g.committees) }, before);
    });

    it('viewers, executives, the partner and a colleague who is not the author may not change it (403); a manager of the owner party may', async () => {
      const before = audit();
      for (const key of ['phViewer', 'phExec', 'nbManager', 'nbMember']) {
        expectProblem(await world.as(key).patch(committeePath(c), { name: 'Hijack' }, { ifMatch: c.version }), 403, 'forbidden');
        expectProblem(await world.as(key).del(committeePath(c)), 403, 'forbidden');
      }
      const other = await createCommittee(world, 'phManager', id, { name: 'Manager-owned committee' });
      const before2 = audit();
      expectProblem(await world.as('phMember').patch(committeePath(other), { name: 'x' }, { ifMatch: other.version }), 403, 'forbidden');
      assert.equal(audit(), before2);
      assert.ok(before2 > before);
      const res = await world.as('phManager').patch(committeePath(c), { decision_scope: 'Pricing and launch sequencing.' }, { ifMatch: c.version });
      expectStatus(res, 200);
      c = res.body;
    });

    it('DELETE with a sub-committee, a meeting or a decision it can see → 409 naming them; nothing changes', async () => {
      const parent = await createCommittee(world, 'phManager', id, { name: 'Parent with a child' });
      const child = await createCommittee(world, 'phManager', id, { name: 'Visible sub-committee Orion', parent_id: parent.id });
      let res = await world.as('phManager').del(committeePath(parent));
      let p = expectProblem(res, 409, 'conflict');
      assert.ok(p.detail.includes('Visible sub-committee Orion'), `the 409 names the sub-committee: ${p.detail}`);
      expectStatus(await world.as('phManager').get(committeePath(parent)), 200);

      const withMeeting = await createCommittee(world, 'phManager', id, { name: 'Committee with a meeting' });
      const meeting = await postOk(world, 'phManager', g.meetings, { committee_id: withMeeting.id, title: 'Kick-off meeting Lyra', starts_at: at(7) });
      const before = audit();
      res = await world.as('phManager').del(committeePath(withMeeting));
      p = expectProblem(res, 409, 'conflict');
      assert.ok(p.detail.includes('Kick-off meeting Lyra'), `the 409 names the meeting: ${p.detail}`);
      assert.equal(audit(), before);
      const gone = await world.as('phManager').del(`${g.meetings}/${meeting.id}`);
      assert.equal(gone.status, 204, gone.text);
      res = await world.as('phManager').del(committeePath(withMeeting));
      assert.equal(res.status, 204, res.text);

      const withDecision = await createCommittee(world, 'phManager', id, { name: 'Committee with a decision' });
      await postOk(world, 'phManager', g.decisions, { committee_id: withDecision.id, title: 'Adopt the data standard Vega', decision_type: 'data' });
      res = await world.as('phManager').del(committeePath(withDecision));
      p = expectProblem(res, 409, 'conflict');
      assert.ok(p.detail.includes('Adopt the data standard Vega'), `the 409 names the decision: ${p.detail}`);
      expectStatus(await world.as('phManager').get(committeePath(withDecision)), 200);
      expectStatus(await world.as('phManager').get(committeePath(child)), 200);
    });

    it('DELETE of a committee whose only sub-committee is hidden from the caller → 204; the hidden one is detached', async () => {
      const nimbusParent = await createCommittee(world, 'nbManager', id, { name: 'Nimbus-owned parent' });
      const hidden = await createCommittee(world, 'phManager', id, { name: 'Helix party sub-committee Draco', parent_id: nimbusParent.id, visibility: 'party' });
      const res = await world.as('nbManager').del(committeePath(nimbusParent));
      assert.equal(res.status, 204, `DELETE as nbManager: ${res.status} ${res.text}`);
      expectProblem(await world.as('nbManager').get(committeePath(nimbusParent)), 404, 'not-found');
      const got = await getOk(world, 'phManager', committeePath(hidden));
      assert.equal(got.parent_id, null, 'the hidden sub-committee has no parent any more');
      const nimbus = JSON.stringify(await listAll(world.as('nbManager'), g.audit));
      assert.ok(!nimbus.includes(hidden.id) && !nimbus.includes('Draco'), 'Nimbus\'s audit shows nothing of the hidden sub-committee');
    });

    it('the 409 of a committee with visible and hidden sub-committees names only the visible one', async () => {
      const nimbusParent = await createCommittee(world, 'nbManager', id, { name: 'Nimbus parent two' });
      await createCommittee(world, 'nbManager', id, { name: 'Nimbus visible child Carina', parent_id: nimbusParent.id });
      await createCommittee(world, 'phManager', id, { name: 'Helix secret child Pyxis', parent_id: nimbusParent.id, visibility: 'party' });
      const res = await world.as('nbManager').del(committeePath(nimbusParent));
      const p = expectProblem(res, 409, 'conflict');
      assert.ok(p.detail.includes('Carina'), p.detail);
      assert.ok(!res.text.includes('Pyxis'), `the 409 does not name the hidden child: ${res.text}`);
    });

    it('DELETE → 204, then 404; gone from the list; audited', async () => {
      const x = await createCommittee(world, 'phMember', id, { name: 'Short-lived committee' });
      const res = await world.as('phMember').del(committeePath(x));
      assert.equal(res.status, 204, res.text);
      expectProblem(await world.as('phMember').get(committeePath(x)), 404, 'not-found');
      expectProblem(await world.as('phMember').del(committeePath(x)), 404, 'not-found');
      assert.ok(!(await listAll(world.as('phManager'), g.committees)).some((y) => y.id === x.id));
      assert.ok((await eventsOf('phManager', x.id)).some((e) => e.action === 'delete'));
    });
  });

  describe('members: seats and their history', () => {
    let c;
    const seats = (committee, who) => committee.members.filter((m) => m.user_id === world.person(who).id);
    before(async () => { c = await createCommittee(world, 'phManager', id, { name: 'Seats committee', kind: 'joint_development' }); });

    it('POST a member → 201 with the whole committee; the seat has every field; the version moves on', async () => {
      const res = await world.as('phManager').post(g.members(c.id), { user_id: world.person('phMember').id, role: 'voting_member' });
      expectStatus(res, 201);
      expectRecordFields(res.body, COMMITTEE_FIELDS, 'committee');
      assert.equal(res.body.id, c.id);
      assert.ok(res.body.version > c.version, 'a member change moves the committee\'s version on');
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      assert.equal(res.body.members.length, 1);
      const m = res.body.members[0];
      expectKeys(m, MEMBER_FIELDS, 'committee member');
      assert.match(m.id, UUID7);
      assert.equal(m.user_id, world.person('phMember').id);
      assert.equal(m.name, world.person('phMember').name);
      assert.equal(m.organization_id, world.orgIds.helix);
      assert.equal(m.organization_name, 'Helix Pharma');
      assert.equal(m.role, 'voting_member');
      assert.equal(m.voting, true);
      assert.equal(m.joined_on, today());
      assert.equal(m.left_on, null);
      assert.equal(m.current, true);
      c = res.body;
      assert.deepEqual(await getOk(world, 'nbMember', committeePath(c)), c);
    });

    it('every role; voting only for chair, co-chair and voting member; joined_on may be given; the party is the organisation', async () => {
      const plan = [['phManager', 'chair', day(-30)], ['nbManager', 'co_chair'], ['nbMember', 'non_voting_member'], ['phExec', 'secretary'],
        ['phViewer', 'voting_member']];
      for (const [who, role, joined] of plan) {
        c = await seat(world, 'phManager', id, c, who, role, joined ? { joined_on: joined } : {});
        const m = currentSeat(c, world, who);
        assert.ok(m, `${who} sits`);
        assert.equal(m.role, role);
        assert.equal(m.voting, VOTING[role], `${role} votes: ${VOTING[role]}`);
        assert.equal(m.joined_on, joined || today());
        assert.equal(m.organization_id, world.person(who).orgId);
        assert.equal(m.organization_name, ORGS[world.person(who).org].name);
      }
      assert.equal(c.members.length, 6);
      assert.ok(c.members.every((m) => m.current));
    });

    it('a person already sitting → 409; nothing changes', async () => {
      const before = audit();
      for (const role of ['voting_member', 'secretary']) {
        expectProblem(await world.as('phManager').post(g.members(c.id), { user_id: world.person('phMember').id, role }), 409, 'conflict');
      }
      assert.deepEqual(await getOk(world, 'phManager', committeePath(c)), c);
      assert.equal(audit(), before);
    });

    it('a user who is not an alliance member, an unknown user, a bad role or a bad date → 422; nothing changes', async () => {
      const before = audit();
      const bad = [
        [{ user_id: world.person('phBystander').id, role: 'voting_member' }, 'user_id'],
        [{ user_id: world.person('outsider').id, role: 'voting_member' }, 'user_id'],
        [{ user_id: NO_SUCH_ID, role: 'voting_member' }, 'user_id'],
        [{ role: 'voting_member' }, 'user_id'],
        [{ user_id: world.person('phMember').id, role: 'president' }, 'role'],
        [{ user_id: world.person('phMember').id }, 'role'],
        [{ user_id: world.person('phBystander').id, role: 'chair', joined_on: '2026-13-01' }, 'joined_on'],
        [{ user_id: world.person('phBystander').id, role: 'chair', vote_weight: 2 }, 'vote_weight'],
      ];
      for (const [body, field] of bad) expectValidation(await world.as('phManager').post(g.members(c.id), body), field);
      assert.deepEqual(await getOk(world, 'phManager', committeePath(c)), c);
      assert.equal(audit(), before);
    });

    it('PATCH a seat\'s role: the seat ends today, a new one opens with the new role; both in the history, current first', async () => {
      const old = currentSeat(c, world, 'phMember');
      const res = await world.as('phManager').patch(`${g.members(c.id)}/${old.id}`, { role: 'co_chair' }, { ifMatch: c.version });
      expectStatus(res, 200);
      expectRecordFields(res.body, COMMITTEE_FIELDS, 'committee');
      assert.ok(res.body.version > c.version);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      c = res.body;
      const mine = seats(c, 'phMember');
      assert.equal(mine.length, 2, `two seats in the history: ${JSON.stringify(mine)}`);
      const ended = mine.find((m) => m.id === old.id);
      assert.ok(ended, 'the old seat is kept');
      assert.equal(ended.role, 'voting_member');
      assert.equal(ended.current, false);
      assert.equal(ended.left_on, today());
      assert.equal(ended.joined_on, old.joined_on);
      const opened = mine.find((m) => m.id !== old.id);
      assert.match(opened.id, UUID7);
      assert.equal(opened.role, 'co_chair');
      assert.equal(opened.voting, true);
      assert.equal(opened.current, true);
      assert.equal(opened.joined_on, today());
      assert.equal(opened.left_on, null);
      const firstPast = c.members.findIndex((m) => !m.current);
      assert.ok(firstPast > 0 && c.members.slice(firstPast).every((m) => !m.current), `current seats come first: ${JSON.stringify(c.members.map((m) => m.current))}`);
    });

    it('PATCH and DELETE of a seat need the committee\'s version (428, 412) and a valid role (422); nothing changes', async () => {
      const s = currentSeat(c, world, 'phViewer');
      const path = `${g.members(c.id)}/${s.id}`;
      const before = audit();
      expectProblem(await world.as('phManager').patch(path, { role: 'secretary' }), 428, 'precondition-required');
      expectProblem(await world.as('phManager').patch(path, { role: 'secretary' }, { ifMatch: stale(c.version) }), 412, 'stale');
      expectProblem(await world.as('phManager').del(path), 428, 'precondition-required');
      expectProblem(await world.as('phManager').del(path, { ifMatch: stale(c.version) }), 412, 'stale');
      expectValidation(await world.as('phManager').patch(path, { role: 'king' }, { ifMatch: c.version }), 'role');
      expectValidation(await world.as('phManager').patch(path, { role: 'secretary', user_id: world.person('phMember').id }, { ifMatch: c.version }), 'user_id');
      expectProblem(await world.as('phManager').patch(`${g.members(c.id)}/${NO_SUCH_ID}`, { role: 'secretary' }, { ifMatch: c.version }), 404, 'not-found');
      assert.deepEqual(await getOk(world, 'phManager', committeePath(c)), c);
      assert.equal(audit(), before);
    });

    it('DELETE a seat → 200 with the committee; left_on today; the seat stays in the history; the person may sit again', async () => {
      const s = currentSeat(c, world, 'phViewer');
      const res = await world.as('phManager').del(`${g.members(c.id)}/${s.id}`, { ifMatch: c.version });
      expectStatus(res, 200);
      expectRecordFields(res.body, COMMITTEE_FIELDS, 'committee');
      assert.ok(res.body.version > c.version);
      c = res.body;
      const kept = c.members.find((m) => m.id === s.id);
      assert.ok(kept, 'nothing is deleted');
      assert.equal(kept.current, false);
      assert.equal(kept.left_on, today());
      assert.equal(currentSeat(c, world, 'phViewer'), undefined);
      c = await seat(world, 'phManager', id, c, 'phViewer', 'non_voting_member');
      assert.equal(currentSeat(c, world, 'phViewer').role, 'non_voting_member');
      assert.equal(seats(c, 'phViewer').length, 2);
    });

    it('every member change is audited on the committee', async () => {
      const before = (await eventsOf('phManager', c.id)).length;
      const s = currentSeat(c, world, 'phExec');
      let res = await world.as('phManager').patch(`${g.members(c.id)}/${s.id}`, { role: 'non_voting_member' }, { ifMatch: c.version });
      expectStatus(res, 200);
      res = await world.as('phManager').del(`${g.members(c.id)}/${currentSeat(res.body, world, 'phExec').id}`, { ifMatch: res.body.version });
      expectStatus(res, 200);
      c = await seat(world, 'phManager', id, res.body, 'phExec', 'secretary');
      const after = await eventsOf('phManager', c.id);
      assert.ok(after.length >= before + 3, `three member changes audited on the committee: ${before} → ${after.length}`);
      assert.ok(after.every((e) => e.record_id === c.id));
    });

    it('viewers and executives may not seat anyone (403); outsiders 404; signed out 401; nothing changes', async () => {
      const before = audit();
      for (const key of ['phViewer', 'phExec']) {
        expectProblem(await world.as(key).post(g.members(c.id), { user_id: world.person(key).id, role: 'voting_member' }), 403, 'forbidden');
        const s = c.members.find((m) => m.current);
        expectProblem(await world.as(key).patch(`${g.members(c.id)}/${s.id}`, { role: 'secretary' }, { ifMatch: c.version }), 403, 'forbidden');
        expectProblem(await world.as(key).del(`${g.members(c.id)}/${s.id}`, { ifMatch: c.version }), 403, 'forbidden');
      }
      expectProblem(await world.as('outsider').post(g.members(c.id), { user_id: world.person('phMember').id, role: 'voting_member' }), 404, 'not-found');
      expectProblem(await world.anon().post(g.members(c.id), { user_id: world.person('phMember').id, role: 'voting_member' }), 401, 'unauthenticated');
      assert.deepEqual(await getOk(world, 'phManager', committeePath(c)), c);
      assert.equal(audit(), before);
    });

    it('seats are changes of the committee: a member of the other party may not change a Helix-owned committee (403)', async () => {
      const before = audit();
      expectProblem(await world.as('nbMember').post(g.members(c.id), { user_id: world.person('nbMember').id, role: 'voting_member' }), 403, 'forbidden');
      assert.equal(audit(), before);
    });
  });

  describe('whose turn it is to chair', () => {
    const party = (c) => c.chair_party_id;
    const name = (orgId) => (orgId === world.orgIds.helix ? 'Helix Pharma' : orgId === world.orgIds.nimbus ? 'Nimbus Health' : null);

    it('rotation none: the party of the member with role chair; null without one', async () => {
      let c = await createCommittee(world, 'phManager', id, { chair_rotation: 'none' });
      assert.equal(c.chair_party_id, null);
      c = await seat(world, 'phManager', id, c, 'phMember', 'voting_member');
      assert.equal(c.chair_party_id, null, 'a voting member does not chair');
      c = await seat(world, 'phManager', id, c, 'nbManager', 'chair');
      assert.equal(c.chair_party_id, world.orgIds.nimbus);
      assert.equal(c.chair_party_name, 'Nimbus Health');
      const s = currentSeat(c, world, 'nbManager');
      const res = await world.as('phManager').del(`${g.members(c.id)}/${s.id}`, { ifMatch: c.version });
      expectStatus(res, 200);
      assert.equal(res.body.chair_party_id, null, 'a past chair does not chair');
      c = await seat(world, 'phManager', id, res.body, 'phManager', 'chair');
      assert.equal(c.chair_party_id, world.orgIds.helix);
      assert.equal(c.chair_party_name, 'Helix Pharma');
    });

    it('rotation yearly: the chair passes to the other party each year after rotation_start', async () => {
      const chairs = [];
      for (const back of [0, 400, 800, 1200]) {
        const c = await makeCommittee(world, { allianceId: id, chair_rotation: 'yearly', rotation_start: day(-back),
          seats: [['phMember', 'voting_member'], ['nbMember', 'voting_member']] });
        assert.ok([world.orgIds.helix, world.orgIds.nimbus].includes(party(c)), `a party chairs (${back} days): ${party(c)}`);
        assert.equal(c.chair_party_name, name(party(c)));
        chairs.push(party(c));
      }
      assert.notEqual(chairs[0], chairs[1], 'one year later the other party chairs');
      assert.equal(chairs[0], chairs[2], 'two years later the first party chairs again');
      assert.equal(chairs[1], chairs[3]);
    });

    it('moving rotation_start back a year hands the chair over; the answer is the same for both parties', async () => {
      let c = await makeCommittee(world, { allianceId: id, chair_rotation: 'yearly', rotation_start: day(-5),
        seats: [['phMember', 'voting_member'], ['nbMember', 'voting_member']] });
      const first = party(c);
      c = await patchOk(world, 'phManager', committeePath(c), { rotation_start: day(-370) });
      assert.notEqual(party(c), first);
      assert.equal((await getOk(world, 'nbMember', committeePath(c))).chair_party_id, party(c));
      c = await patchOk(world, 'phManager', committeePath(c), { chair_rotation: 'none' });
      assert.equal(c.chair_party_id, null, 'no rotation and no chair seat: nobody chairs');
    });

    it('rotation per_meeting names a party', async () => {
      const c = await makeCommittee(world, { allianceId: id, chair_rotation: 'per_meeting',
        seats: [['phMember', 'voting_member'], ['nbMember', 'voting_member']] });
      assert.ok([world.orgIds.helix, world.orgIds.nimbus].includes(party(c)), `${party(c)}`);
      assert.equal(c.chair_party_name, name(party(c)));
    });
  });

  describe('cadence templates', () => {
    let a;
    let ga;
    let jsc;
    let jdc;
    let jcc;
    let internal;
    const FROM = '2030-01-07';
    const MONTHS = 12;
    const endOf = (from, months) => {
      const t = new Date(`${from}T00:00:00Z`);
      t.setUTCMonth(t.getUTCMonth() + months);
      return t.toISOString().slice(0, 10);
    };
    const propose = async (key, template, from = FROM, months = MONTHS) => {
      const res = await world.as(key).get(`${ga.cadence}?template=${template}&from=${from}&months=${months}`);
      expectStatus(res, 200, `${template} proposal as ${key}`);
      return res.body;
    };
    const of = (p, c) => p.meetings.filter((m) => m.committee_id === c.id).sort((x, y) => x.starts_at.localeCompare(y.starts_at));
    const gaps = (ms) => ms.slice(1).map((m, i) => between(ms[i].starts_at.slice(0, 10), m.starts_at.slice(0, 10)));

    before(async () => {
      a = await governanceAlliance(world, 'Helix–Nimbus cadence');
      ga = gov(a.id);
      jsc = await createCommittee(world, 'phManager', a.id, { name: 'Cadence JSC', kind: 'joint_steering' });
      jdc = await createCommittee(world, 'phManager', a.id, { name: 'Cadence JDC', kind: 'joint_development', cadence: 'monthly' });
      jcc = await createCommittee(world, 'nbManager', a.id, { name: 'Cadence JCC', kind: 'joint_commercial', cadence: 'monthly' });
      internal = await createCommittee(world, 'phManager', a.id, { name: 'Helix cadence prep', kind: 'custom', cadence: 'monthly', visibility: 'party' });
    });

    function checkShape(p, template, from = FROM, months = MONTHS) {
      expectKeys(p, ['template', 'from', 'months', 'meetings'], 'cadence proposal');
      assert.equal(p.template, template);
      assert.equal(p.from, from);
      assert.equal(p.months, months);
      const end = addDays(endOf(from, months), 3);
      for (const m of p.meetings) {
        expectKeys(m, ['committee_id', 'committee_name', 'title', 'starts_at', 'duration_minutes', 'time_zone'], 'proposed meeting');
        assert.match(m.starts_at, STARTS_AT);
        const t = new Date(m.starts_at);
        assert.equal(t.getUTCHours(), 15, `${m.starts_at} starts at 15:00 UTC`);
        assert.equal(t.getUTCMinutes(), 0);
        assert.ok(t.getUTCDay() >= 1 && t.getUTCDay() <= 5, `${m.starts_at} is a weekday`);
        assert.equal(m.time_zone, 'UTC');
        assert.ok(m.starts_at.slice(0, 10) >= from, `${m.starts_at} is not before ${from}`);
        assert.ok(m.starts_at.slice(0, 10) <= end, `${m.starts_at} is within ${months} months of ${from}`);
        assert.equal(typeof m.title, 'string');
        assert.ok(m.title.length > 0 && m.title.length <= 200, m.title);
      }
    }

    it('classic: the JSC quarterly for 180 minutes, every other committee monthly for 90', async () => {
      const p = await propose('phManager', 'classic');
      checkShape(p, 'classic');
      const s = of(p, jsc);
      assert.ok(Math.abs(s.length - 4) <= 1, `about four JSC meetings a year: ${s.length}`);
      assert.ok(s.every((m) => m.duration_minutes === 180 && m.committee_name === 'Cadence JSC'));
      for (const gap of gaps(s)) assert.ok(gap >= 87 && gap <= 94, `a quarter between JSC meetings: ${gap} days`);
      for (const c of [jdc, jcc, internal]) {
        const ms = of(p, c);
        assert.ok(Math.abs(ms.length - 12) <= 1, `about twelve ${c.name} meetings a year: ${ms.length}`);
        assert.ok(ms.every((m) => m.duration_minutes === 90 && m.committee_name === c.name));
        for (const gap of gaps(ms)) assert.ok(gap >= 26 && gap <= 33, `a month between ${c.name} meetings: ${gap} days`);
      }
    });

    it('lean: the JSC every two months for 60 minutes, every other committee every two weeks for 30 — more often and shorter', async () => {
      const lean = await propose('phManager', 'lean');
      const classic = await propose('phManager', 'classic');
      checkShape(lean, 'lean');
      const s = of(lean, jsc);
      assert.ok(Math.abs(s.length - 6) <= 1, `about six JSC meetings a year: ${s.length}`);
      assert.ok(s.every((m) => m.duration_minutes === 60));
      for (const gap of gaps(s)) assert.ok(gap >= 57 && gap <= 64, `two months between JSC meetings: ${gap} days`);
      for (const c of [jdc, jcc]) {
        const ms = of(lean, c);
        assert.ok(Math.abs(ms.length - 26) <= 1, `about 26 ${c.name} meetings a year: ${ms.length}`);
        assert.ok(ms.every((m) => m.duration_minutes === 30));
        for (const gap of gaps(ms)) assert.ok(gap >= 12 && gap <= 16, `two weeks between ${c.name} meetings: ${gap} days`);
      }
      for (const c of [jsc, jdc, jcc]) {
        assert.ok(of(lean, c).length > of(classic, c).length, `${c.name}: lean meets more often`);
        assert.ok(of(lean, c)[0].duration_minutes < of(classic, c)[0].duration_minutes, `${c.name}: lean meetings are shorter`);
      }
    });

    it('a Saturday or Sunday start moves to Monday', async () => {
      const saturday = '2030-01-05';
      assert.equal(new Date(`${saturday}T00:00:00Z`).getUTCDay(), 6);
      const p = await propose('phManager', 'classic', saturday, 1);
      checkShape(p, 'classic', saturday, 1);
      const first = of(p, jsc)[0];
      assert.ok(first, 'the JSC has a proposal in the first month');
      assert.equal(first.starts_at, '2030-01-07T15:00:00Z', 'the first meeting moves from Saturday to Monday');
    });

    it('nothing is created: the meetings and the audit trail are unchanged', async () => {
      const before = { meetings: await listCount(world, 'phManager', ga.meetings), audit: audit() };
      await propose('phManager', 'classic', FROM, 24);
      await propose('nbMember', 'lean', FROM, 24);
      assert.deepEqual({ meetings: await listCount(world, 'phManager', ga.meetings), audit: audit() }, before);
    });

    it('the proposal only names committees the caller can see; viewers may ask; outsiders 404', async () => {
      const nimbus = await propose('nbMember', 'classic');
      assert.ok(!nimbus.meetings.some((m) => m.committee_id === internal.id), 'Helix\'s party committee is not proposed to Nimbus');
      assert.ok(!JSON.stringify(nimbus).includes('Helix cadence prep'));
      assert.ok(nimbus.meetings.some((m) => m.committee_id === jsc.id));
      const viewer = await propose('phViewer', 'lean');
      assert.ok(viewer.meetings.some((m) => m.committee_id === internal.id));
      expectProblem(await world.as('outsider').get(`${ga.cadence}?template=classic&from=${FROM}&months=3`), 404, 'not-found');
      expectProblem(await world.anon().get(`${ga.cadence}?template=classic&from=${FROM}&months=3`), 401, 'unauthenticated');
    });

    it('months 1 and 24 are the bounds; a bad template, months or from is 400 or 422', async () => {
      checkShape(await propose('phManager', 'classic', FROM, 1), 'classic', FROM, 1);
      checkShape(await propose('phManager', 'lean', FROM, 24), 'lean', FROM, 24);
      for (const q of ['template=heavy&from=2030-01-07&months=3', 'template=classic&from=2030-01-07&months=0',
        'template=classic&from=2030-01-07&months=25', 'template=classic&from=2030-02-30&months=3',
        'template=classic&from=tomorrow&months=3', 'template=classic&from=2030-01-07&months=three']) {
        const res = await world.as('phManager').get(`${ga.cadence}?${q}`);
        assert.ok([400, 422].includes(res.status), `${q}: ${res.status} ${res.text}`);
        expectProblem(res, res.status);
      }
    });
  });

  describe('decision rights', () => {
    let jsc;
    let jdc;
    let right;
    const rightPath = (r) => `${g.decisionRights}/${r.id ?? r}`;
    const levelsOf = (r) => r.levels.map((l) => ({ name: l.name, committee_id: l.committee_id, days: l.days }));

    before(async () => {
      jsc = await createCommittee(world, 'phManager', id, { name: 'Rights JSC', kind: 'joint_steering' });
      jdc = await createCommittee(world, 'phManager', id, { name: 'Rights JDC', kind: 'joint_development', parent_id: jsc.id });
    });

    it('POST → 201 with every field, the committee\'s name and the levels in order; ETag', async () => {
      const res = await world.as('phMember').post(g.decisionRights, {
        decision_type: 'Clinical protocol amendment', description: 'Changes to the pilot protocol.', committee_id: jdc.id,
        levels: [
          { name: 'Project team', committee_id: jdc.id, days: 5 },
          { name: 'Joint Steering Committee', committee_id: jsc.id, days: 10 },
          { name: 'Executive sponsors', committee_id: null, days: 15 },
        ],
      });
      expectStatus(res, 201);
      right = res.body;
      expectRecordFields(right, DECISION_RIGHT_FIELDS, 'decision right');
      expectShared(world, right, { allianceId: id, author: 'phMember' });
      assert.equal(right.decision_type, 'Clinical protocol amendment');
      assert.equal(right.description, 'Changes to the pilot protocol.');
      assert.equal(right.committee_id, jdc.id);
      assert.equal(right.committee_name, 'Rights JDC');
      assert.deepEqual(levelsOf(right), [
        { name: 'Project team', committee_id: jdc.id, days: 5 },
        { name: 'Joint Steering Committee', committee_id: jsc.id, days: 10 },
        { name: 'Executive sponsors', committee_id: null, days: 15 },
      ]);
      assert.equal(res.headers.get('etag'), `"${right.version}"`);
    });

    it('GET one and the list return the same record to both parties', async () => {
      for (const key of ['nbMember', 'phViewer', 'phExec']) {
        const res = await world.as(key).get(rightPath(right));
        expectStatus(res, 200);
        assert.deepEqual(res.body, right);
        assert.equal(res.headers.get('etag'), `"${right.version}"`);
        const list = await listAll(world.as(key), g.decisionRights);
        assert.deepEqual(list.find((r) => r.id === right.id), right);
      }
    });

    it('one level and eight levels; days 1 and 365 are the bounds', async () => {
      const one = await createDecisionRight(world, 'phMember', id, { committee: jsc, levels: [['JSC', jsc, 1]] });
      assert.deepEqual(levelsOf(one), [{ name: 'JSC', committee_id: jsc.id, days: 1 }]);
      const eight = await createDecisionRight(world, 'phMember', id, { committee: jdc,
        levels: Array.from({ length: 8 }, (_, i) => [`Level ${i + 1}`, i % 2 ? jsc : null, i === 7 ? 365 : i + 1]) });
      assert.equal(eight.levels.length, 8);
      assert.deepEqual(eight.levels.map((l) => l.name), Array.from({ length: 8 }, (_, i) => `Level ${i + 1}`));
      assert.equal(eight.levels[7].days, 365);
    });

    it('PATCH replaces the levels (If-Match); 428 / 412; audited', async () => {
      const path = rightPath(right);
      expectProblem(await world.as('phMember').patch(path, { description: 'x' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(path, { description: 'x' }, { ifMatch: stale(right.version) }), 412, 'stale');
      const res = await world.as('phMember').patch(path, {
        levels: [{ name: 'Project team', committee_id: jdc.id, days: 7 }, { name: 'Joint Steering Committee', committee_id: jsc.id, days: 14 }],
      }, { ifMatch: right.version });
      expectStatus(res, 200);
      assert.deepEqual(levelsOf(res.body), [
        { name: 'Project team', committee_id: jdc.id, days: 7 }, { name: 'Joint Steering Committee', committee_id: jsc.id, days: 14 },
      ]);
      assert.ok(res.body.version > right.version);
      assert.equal(res.body.decision_type, right.decision_type);
      right = res.body;
      assert.ok((await eventsOf('phManager', right.id)).some((e) => e.action === 'update'));
    });

    const levels = (w, extra = {}) => [{ name: 'Project team', committee_id: jdc.id, days: 5, ...extra }];
    const without = (b, k) => { const x = { ...b }; delete x[k]; return x; };
    const CASES = [
      ['no levels', (b) => ({ ...b, levels: [] }), 'levels'],
      ['nine levels', (b) => ({ ...b, levels: Array.from({ length: 9 }, (_, i) => ({ name: `L${i}`, committee_id: null, days: 5 })) }), 'levels'],
      ['levels that are not an array', (b) => ({ ...b, levels: 'team, JSC' }), 'levels'],
      ['a missing levels', (b) => without(b, 'levels'), 'levels'],
      ['days 0', (b, w) => ({ ...b, levels: levels(w, { days: 0 }) }), 'levels'],
      ['days 366', (b, w) => ({ ...b, levels: levels(w, { days: 366 }) }), 'levels'],
      ['days as a string', (b, w) => ({ ...b, levels: levels(w, { days: '5' }) }), 'levels'],
      ['days not whole', (b, w) => ({ ...b, levels: levels(w, { days: 2.5 }) }), 'levels'],
      ['a level without days', (b) => ({ ...b, levels: [{ name: 'Team', committee_id: null }] }), 'levels'],
      ['an empty level name', (b, w) => ({ ...b, levels: levels(w, { name: '' }) }), 'levels'],
      ['a level name over 200 characters', (b, w) => ({ ...b, levels: levels(w, { name: 'l'.repeat(201) }) }), 'levels'],
      ['a level of an unknown committee', (b, w) => ({ ...b, levels: levels(w, { committee_id: NO_SUCH_ID }) }), 'levels'],
      ['a level with an unknown field', (b, w) => ({ ...b, levels: levels(w, { sla: 'fast' }) }), 'levels'],
      ['an unknown deciding committee', (b) => ({ ...b, committee_id: NO_SUCH_ID }), 'committee_id'],
      ['a missing deciding committee', (b) => without(b, 'committee_id'), 'committee_id'],
      ['a missing decision type', (b) => without(b, 'decision_type'), 'decision_type'],
      ['an empty decision type', (b) => ({ ...b, decision_type: '' }), 'decision_type'],
      ['a decision type over 200 characters', (b) => ({ ...b, decision_type: 't'.repeat(201) }), 'decision_type'],
      ['a read-only committee name', (b) => ({ ...b, committee_name: 'Rights JSC' }), 'committee_name'],
      ['an unknown field', (b) => ({ ...b, urgency: 'high' }), 'urgency'],
    ];
    for (const [what, make, field] of CASES) {
      it(`422 for ${what}; nothing written`, async () => {
        const body = make({ decision_type: uniq('Type'), committee_id: jsc.id, levels: levels(world) }, world);
        const before = { audit: audit(), n: await listCount(world, 'phManager', g.decisionRights) };
        expectValidation(await world.as('phMember').post(g.decisionRights, body), field);
        assert.deepEqual({ audit: audit(), n: await listCount(world, 'phManager', g.decisionRights) }, before);
      });
    }

    it('a committee of another alliance, or one the caller cannot see, is 422', async () => {
      const other = await world.createAlliance('phManager');
      const foreign = await createCommittee(world, 'phManager', other.id);
      const hidden = await createCommittee(world, 'phManager', id, { name: 'Helix-only rights committee', visibility: 'party' });
      const before = audit();
      expectValidation(await world.as('phMember').post(g.decisionRights, { decision_type: 'x', committee_id: foreign.id, levels: levels(world) }), 'committee_id');
      expectValidation(await world.as('phMember').post(g.decisionRights, { decision_type: 'x', committee_id: jsc.id,
        levels: [{ name: 'Foreign', committee_id: foreign.id, days: 5 }] }), 'levels');
      const res = await world.as('nbMember').post(g.decisionRights, { decision_type: 'x', committee_id: hidden.id, levels: levels(world) });
      expectValidation(res, 'committee_id');
      assert.ok(!res.text.includes('Helix-only rights committee'), res.text);
      expectValidation(await world.as('nbMember').post(g.decisionRights, { decision_type: 'x', committee_id: jsc.id,
        levels: [{ name: 'Hidden', committee_id: hidden.id, days: 5 }] }), 'levels');
      assert.equal(audit(), before);
    });

    it('viewers and executives 403; the partner may not change it (403); outsiders 404; DELETE by the author 204', async () => {
      const before = audit();
      const body = { decision_type: 'Budget reallocation', committee_id: jsc.id, levels: levels(world) };
      for (const key of ['phViewer', 'phExec']) expectProblem(await world.as(key).post(g.decisionRights, body), 403, 'forbidden');
      for (const key of ['nbManager', 'nbMember', 'phViewer']) {
        expectProblem(await world.as(key).patch(rightPath(right), { description: 'x' }, { ifMatch: right.version }), 403, 'forbidden');
        expectProblem(await world.as(key).del(rightPath(right)), 403, 'forbidden');
      }
      for (const key of ['outsider', 'phBystander']) {
        expectProblem(await world.as(key).get(g.decisionRights), 404, 'not-found');
        expectProblem(await world.as(key).get(rightPath(right)), 404, 'not-found');
      }
      assert.equal(audit(), before);
      const x = await createDecisionRight(world, 'nbMember', id, { committee: jsc, levels: [['JSC', jsc, 10]] });
      const res = await world.as('nbMember').del(rightPath(x));
      assert.equal(res.status, 204, res.text);
      expectProblem(await world.as('nbMember').get(rightPath(x)), 404, 'not-found');
    });

    it('a Helix party decision right is invisible to Nimbus', async () => {
      const x = await createDecisionRight(world, 'phManager', id, { committee: jsc, levels: [['JSC', jsc, 10]],
        decision_type: 'Helix walk-away threshold', visibility: 'party' });
      expectProblem(await world.as('nbManager').get(rightPath(x)), 404, 'not-found');
      const list = await listAll(world.as('nbManager'), g.decisionRights);
      assert.ok(!list.some((r) => r.id === x.id));
      assert.ok(!JSON.stringify(list).includes('Helix walk-away threshold'));
      expectStatus(await world.as('phViewer').get(rightPath(x)), 200);
    });
  });

  describe('the audit trail', () => {
    it('committee creation, update and member changes are audit events on the committee, for both parties', async () => {
      let c = await createCommittee(world, 'phManager', id, { name: 'Audited committee' });
      c = await seat(world, 'phManager', id, c, 'nbMember', 'voting_member');
      await patchOk(world, 'phManager', committeePath(c), { purpose: 'Audited purpose' });
      for (const key of ['phManager', 'nbManager']) {
        const events = await eventsOf(key, c.id);
        assert.ok(events.some((e) => e.action === 'create'), `${key}: the creation`);
        assert.ok(events.some((e) => e.action === 'update' && e.changes?.purpose?.after === 'Audited purpose'), `${key}: the update`);
        assert.ok(events.length >= 3, `${key}: create, the seat and the update: ${JSON.stringify(events.map((e) => e.action))}`);
        assert.ok(events.every((e) => typeof e.record_type === 'string' && e.record_type.length > 0));
        assert.ok(events.some((e) => e.actor_id === world.person('phManager').id));
      }
    });
  });
});
