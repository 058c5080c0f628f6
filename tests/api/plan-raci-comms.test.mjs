// Workstreams with their RACI (exactly one Accountable per activity), and the communication plan
// (channels, and external communications that need every party's approval).
// The contract is /work/plan-spec.md ("Workstreams and RACI", "Communication plan").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, ORGS } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { UUID7, INSTANT, NO_SUCH_ID, stale, today, day, readerIds, SHARED_FIELDS, PLAN_TABLES, expectShared } from '../support/plan.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const WORKSTREAM_FIELDS = ['id', 'alliance_id', 'name', 'description', 'party_id', 'party_name', 'activities'];
const COMMUNICATION_FIELDS = ['id', 'alliance_id', 'category', 'kind', 'title', 'description', 'audience', 'cadence',
  'party_id', 'party_name', 'responsible_user_id', 'responsible_user_name', 'planned_date', 'approval_state', 'approvals'];
const APPROVAL_FIELDS = ['organization_id', 'organization_name', 'decision', 'reason', 'decided_by', 'decided_by_name', 'decided_at'];

describe('plan workstreams (RACI) and communication plan', () => {
  let world;
  let server;
  let id;
  let wPath;
  let cPath;

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
    wPath = `${API}/alliances/${id}/workstreams`;
    cPath = `${API}/alliances/${id}/communications`;
  });
  after(async () => { await world?.stop(); });

  const snapshot = () => Object.fromEntries(PLAN_TABLES.map((t) => [t, server.count(t)]));
  async function get(key, path) {
    const res = await world.as(key).get(path);
    expectStatus(res, 200);
    return res.body;
  }

  describe('workstreams and RACI', () => {
    let ws;
    const helixA = (w, extra = {}) => ({ organization_id: w.orgIds.helix, user_id: w.person('phMember').id, role: 'A', ...extra });

    it('POST with activities and assignments → 201 with every field, names filled in, and ETag', async () => {
      const res = await world.as('phMember').post(wPath, {
        name: 'Clinical', description: 'Everything about the pilot study.', party_id: world.orgIds.helix,
        activities: [
          { name: 'Protocol design', assignments: [
            { organization_id: world.orgIds.helix, user_id: world.person('phMember').id, role: 'A' },
            { organization_id: world.orgIds.helix, user_id: world.person('phManager').id, role: 'R' },
            { organization_id: world.orgIds.nimbus, role: 'C' },
            { organization_id: world.orgIds.nimbus, user_id: world.person('nbMember').id, role: 'I' },
          ] },
          { name: 'Site selection', assignments: [{ organization_id: world.orgIds.nimbus, user_id: world.person('nbManager').id, role: 'A' }] },
        ],
      });
      expectStatus(res, 201);
      ws = res.body;
      assert.deepEqual(Object.keys(ws).sort(), [...WORKSTREAM_FIELDS, ...SHARED_FIELDS].sort());
      expectShared(world, ws, { allianceId: id, author: 'phMember' });
      assert.equal(ws.name, 'Clinical');
      assert.equal(ws.description, 'Everything about the pilot study.');
      assert.equal(ws.party_id, world.orgIds.helix);
      assert.equal(ws.party_name, 'Helix Pharma');
      assert.equal(ws.activities.length, 2);
      const [design, sites] = ws.activities;
      assert.equal(design.name, 'Protocol design');
      assert.equal(sites.name, 'Site selection');
      for (const a of ws.activities) {
        assert.deepEqual(Object.keys(a).sort(), ['assignments', 'id', 'name']);
        assert.match(a.id, UUID);
        for (const s of a.assignments) assert.deepEqual(Object.keys(s).sort(), ['organization_id', 'organization_name', 'role', 'user_id', 'user_name']);
      }
      assert.notEqual(design.id, sites.id);
      const norm = (list) => list.map((s) => `${s.role}|${s.organization_name}|${s.user_name}`).sort();
      assert.deepEqual(norm(design.assignments), [
        `A|Helix Pharma|${world.person('phMember').name}`,
        `C|Nimbus Health|null`,
        `I|Nimbus Health|${world.person('nbMember').name}`,
        `R|Helix Pharma|${world.person('phManager').name}`,
      ]);
      const c = design.assignments.find((s) => s.role === 'C');
      assert.equal(c.organization_id, world.orgIds.nimbus);
      assert.equal(c.user_id, null);
      assert.equal(c.user_name, null);
      assert.equal(sites.assignments[0].user_id, world.person('nbManager').id);
      assert.equal(res.headers.get('etag'), `"${ws.version}"`);
    });

    it('GET one returns the same record to both parties; a workstream without activities is fine', async () => {
      for (const key of ['nbMember', 'phViewer']) {
        const res = await world.as(key).get(`${wPath}/${ws.id}`);
        expectStatus(res, 200);
        assert.deepEqual(res.body, ws);
        assert.equal(res.headers.get('etag'), `"${ws.version}"`);
      }
      const res = await world.as('nbMember').post(wPath, { name: 'Data platform' });
      expectStatus(res, 201);
      assert.deepEqual(res.body.activities, []);
      assert.equal(res.body.description, '');
      assert.equal(res.body.party_id, world.orgIds.nimbus);
      assert.equal(res.body.party_name, 'Nimbus Health');
      const list = await listAll(world.as('phViewer'), wPath);
      assert.ok(list.some((w) => w.id === ws.id) && list.some((w) => w.id === res.body.id));
      assert.deepEqual(list.find((w) => w.id === ws.id), ws);
    });

    it('PATCH with activities replaces them: a sent id keeps the activity, new ones get ids', async () => {
      const [design] = ws.activities;
      const res = await world.as('phMember').patch(`${wPath}/${ws.id}`, {
        activities: [
          { id: design.id, name: 'Protocol design and approval', assignments: [helixA(world), { organization_id: world.orgIds.nimbus, role: 'R' }] },
          { name: 'Monitoring', assignments: [{ organization_id: world.orgIds.nimbus, role: 'A' }] },
        ],
      }, { ifMatch: ws.version });
      expectStatus(res, 200);
      const acts = res.body.activities;
      assert.equal(acts.length, 2);
      const kept = acts.find((a) => a.name === 'Protocol design and approval');
      assert.equal(kept.id, design.id, 'a sent activity id is kept');
      assert.equal(kept.assignments.length, 2);
      const added = acts.find((a) => a.name === 'Monitoring');
      assert.match(added.id, UUID);
      assert.ok(!acts.some((a) => a.name === 'Site selection'), 'an activity left out is removed');
      assert.ok(res.body.version > ws.version);
      ws = res.body;
      const renamed = await world.as('phMember').patch(`${wPath}/${ws.id}`, { name: 'Clinical operations' }, { ifMatch: ws.version });
      expectStatus(renamed, 200);
      assert.deepEqual(renamed.body.activities, ws.activities, 'a PATCH without activities keeps them');
      ws = renamed.body;
    });

    it('an activity without an Accountable, or with two, is 422 with the count; nothing written', async () => {
      const before = snapshot();
      const two = await world.as('phMember').post(wPath, { name: 'Regulatory', activities: [
        { name: 'Scientific advice', assignments: [helixA(world), { organization_id: world.orgIds.nimbus, role: 'A' }] },
      ] });
      const p2 = expectValidation(two, 'activities[0].assignments');
      const e2 = p2.errors.find((e) => e.field === 'activities[0].assignments');
      assert.ok(e2, JSON.stringify(p2.errors));
      assert.equal(e2.message, 'needs exactly one Accountable (A); found 2');

      const zero = await world.as('phMember').post(wPath, { name: 'Regulatory', activities: [
        { name: 'Fine', assignments: [helixA(world)] },
        { name: 'Dossier', assignments: [{ organization_id: world.orgIds.nimbus, role: 'R' }] },
      ] });
      const p0 = expectValidation(zero, 'activities[1].assignments');
      const e0 = p0.errors.find((e) => e.field === 'activities[1].assignments');
      assert.ok(e0, JSON.stringify(p0.errors));
      assert.equal(e0.message, 'needs exactly one Accountable (A); found 0');
      assert.ok(!p0.errors.some((e) => e.field.startsWith('activities[0]')), 'the valid activity has no error');

      const none = await world.as('phMember').post(wPath, { name: 'Regulatory', activities: [{ name: 'Empty', assignments: [] }] });
      expectValidation(none, 'activities[0].assignments');
      assert.deepEqual(snapshot(), before);

      const cur = await get('phMember', `${wPath}/${ws.id}`);
      const patch = await world.as('phMember').patch(`${wPath}/${ws.id}`, { activities: [
        { name: 'Two accountables', assignments: [helixA(world), { organization_id: world.orgIds.nimbus, user_id: world.person('nbManager').id, role: 'A' }] },
      ] }, { ifMatch: cur.version });
      const pp = expectValidation(patch, 'activities[0].assignments');
      assert.ok(pp.errors.some((e) => e.message === 'needs exactly one Accountable (A); found 2'), JSON.stringify(pp.errors));
      assert.deepEqual(await get('phMember', `${wPath}/${ws.id}`), cur);
      assert.deepEqual(snapshot(), before);
    });

    const BAD = [
      ['a missing name', () => ({}), 'name'],
      ['an empty name', () => ({ name: '' }), 'name'],
      ['a name over 200 characters', () => ({ name: 'w'.repeat(201) }), 'name'],
      ['an unknown field', () => ({ name: 'Clinical 2', lead: 'Avery' }), 'lead'],
      ['a lead party that is not a party', (w) => ({ name: 'Clinical 2', party_id: w.orgIds.outsider }), 'party_id'],
      ['activities that are not an array', () => ({ name: 'Clinical 2', activities: 'Protocol' }), 'activities'],
      ['an activity without a name', (w) => ({ name: 'Clinical 2', activities: [{ assignments: [helixA(w)] }] }), 'activities[0]'],
      ['an activity name over 200 characters', (w) => ({ name: 'Clinical 2', activities: [{ name: 'a'.repeat(201), assignments: [helixA(w)] }] }), 'activities[0]'],
      ['two activities with the same name', (w) => ({ name: 'Clinical 2', activities: [{ name: 'Same', assignments: [helixA(w)] }, { name: 'Same', assignments: [helixA(w)] }] }), 'activities'],
      ['more than 100 activities', (w) => ({ name: 'Clinical 2', activities: Array.from({ length: 101 }, (_, i) => ({ name: `Step ${i}`, assignments: [helixA(w)] })) }), 'activities'],
      ['an assignment to an organisation that is not a party', (w) => ({ name: 'Clinical 2', activities: [{ name: 'X', assignments: [helixA(w), { organization_id: w.orgIds.outsider, role: 'I' }] }] }), 'activities[0]'],
      ['an assignment to a person of another organisation', (w) => ({ name: 'Clinical 2', activities: [{ name: 'X', assignments: [helixA(w, { user_id: w.person('nbMember').id })] }] }), 'activities[0]'],
      ['an assignment to a person outside the alliance', (w) => ({ name: 'Clinical 2', activities: [{ name: 'X', assignments: [helixA(w, { user_id: w.person('phBystander').id })] }] }), 'activities[0]'],
      ['the same assignment twice', (w) => ({ name: 'Clinical 2', activities: [{ name: 'X', assignments: [helixA(w), { organization_id: w.orgIds.nimbus, role: 'R' }, { organization_id: w.orgIds.nimbus, role: 'R' }] }] }), 'activities[0]'],
      ['an unknown role', (w) => ({ name: 'Clinical 2', activities: [{ name: 'X', assignments: [helixA(w), { organization_id: w.orgIds.nimbus, role: 'S' }] }] }), 'activities[0]'],
      ['an assignment without an organisation', (w) => ({ name: 'Clinical 2', activities: [{ name: 'X', assignments: [helixA(w), { role: 'R' }] }] }), 'activities[0]'],
    ];
    for (const [what, body, field] of BAD) {
      it(`422 for ${what}; nothing written`, async () => {
        const before = snapshot();
        expectValidation(await world.as('phMember').post(wPath, body(world)), field);
        assert.deepEqual(snapshot(), before);
      });
    }

    it('exactly 100 activities are accepted', async () => {
      const res = await world.as('phMember').post(wPath, { name: 'Large workstream',
        activities: Array.from({ length: 100 }, (_, i) => ({ name: `Step ${i}`, assignments: [helixA(world)] })) });
      expectStatus(res, 201);
      assert.equal(res.body.activities.length, 100);
    });

    it('missing If-Match → 428, stale → 412; the partner, viewers 403; DELETE by the author 204', async () => {
      const before = snapshot();
      const path = `${wPath}/${ws.id}`;
      expectProblem(await world.as('phMember').patch(path, { name: 'x' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(path, { name: 'x' }, { ifMatch: stale(ws.version) }), 412, 'stale');
      for (const key of ['phViewer', 'phExec', 'nbManager', 'nbMember']) {
        expectProblem(await world.as(key).patch(path, { name: 'x' }, { ifMatch: ws.version }), 403, 'forbidden');
        expectProblem(await world.as(key).del(path), 403, 'forbidden');
      }
      for (const key of ['outsider', 'phBystander']) expectProblem(await world.as(key).get(path), 404, 'not-found');
      expectProblem(await world.anon().get(path), 401, 'unauthenticated');
      assert.deepEqual(snapshot(), before);
      assert.deepEqual(await get('phMember', path), ws);
      const res = await world.as('phMember').del(path);
      assert.equal(res.status, 204, res.text);
      assert.equal(server.count('workstreams'), before.workstreams - 1);
      expectProblem(await world.as('phMember').get(path), 404, 'not-found');
    });

    it('a Helix party workstream is invisible to Nimbus', async () => {
      const res = await world.as('phManager').post(wPath, { name: 'Helix-only negotiation prep', visibility: 'party' });
      expectStatus(res, 201);
      expectProblem(await world.as('nbManager').get(`${wPath}/${res.body.id}`), 404, 'not-found');
      assert.ok(!(await listAll(world.as('nbManager'), wPath)).some((w) => w.id === res.body.id));
      expectStatus(await world.as('phViewer').get(`${wPath}/${res.body.id}`), 200);
    });
  });

  describe('communication plan', () => {
    let channel;
    let ext;
    const decide = (key, c, body, opts) => world.as(key).post(`${cPath}/${c.id}/decision`, body, { ifMatch: c.version, ...opts });
    const approvalOf = (c, org) => c.approvals.find((a) => a.organization_id === world.orgIds[org]);

    it('a channel: 201 with every field; no approvals', async () => {
      const res = await world.as('phMember').post(cPath, {
        category: 'channel', kind: 'report', title: 'Quarterly JSC report', description: 'Progress against plan.',
        audience: 'JSC members', cadence: 'quarterly', party_id: world.orgIds.helix, responsible_user_id: world.person('phMember').id,
        planned_date: day(30),
      });
      expectStatus(res, 201);
      channel = res.body;
      assert.deepEqual(Object.keys(channel).sort(), [...COMMUNICATION_FIELDS, ...SHARED_FIELDS].sort());
      expectShared(world, channel, { allianceId: id, author: 'phMember' });
      assert.equal(channel.category, 'channel');
      assert.equal(channel.kind, 'report');
      assert.equal(channel.title, 'Quarterly JSC report');
      assert.equal(channel.description, 'Progress against plan.');
      assert.equal(channel.audience, 'JSC members');
      assert.equal(channel.cadence, 'quarterly');
      assert.equal(channel.party_id, world.orgIds.helix);
      assert.equal(channel.party_name, 'Helix Pharma');
      assert.equal(channel.responsible_user_id, world.person('phMember').id);
      assert.equal(channel.responsible_user_name, world.person('phMember').name);
      assert.equal(channel.planned_date, day(30));
      assert.equal(channel.approval_state, null);
      assert.deepEqual(channel.approvals, []);
      assert.equal(res.headers.get('etag'), `"${channel.version}"`);
      assert.deepEqual(await get('nbMember', `${cPath}/${channel.id}`), channel);
    });

    it('every channel kind and cadence is accepted; a party channel is allowed', async () => {
      for (const [kind, cadence] of [['meeting', 'weekly'], ['email_list', 'monthly'], ['shared_workspace', null], ['report', 'annually'], ['meeting', 'ad_hoc']]) {
        const res = await world.as('nbMember').post(cPath, { category: 'channel', kind, title: `Channel ${kind}`, audience: 'Teams', cadence });
        expectStatus(res, 201, `${kind} ${cadence}`);
        assert.equal(res.body.kind, kind);
        assert.equal(res.body.cadence, cadence);
        assert.equal(res.body.party_id, world.orgIds.nimbus);
      }
      const party = await world.as('phMember').post(cPath, { category: 'channel', kind: 'meeting', title: 'Helix pre-JSC huddle', audience: 'Helix team', cadence: 'monthly', visibility: 'party' });
      expectStatus(party, 201);
      expectProblem(await world.as('nbMember').get(`${cPath}/${party.body.id}`), 404, 'not-found');
    });

    it('an external communication: pending, one pending approval per party', async () => {
      const res = await world.as('phMember').post(cPath, {
        category: 'external', kind: 'press_release', title: 'Helix and Nimbus start a pilot', description: 'Draft press release.',
        audience: 'Trade press', planned_date: day(45),
      });
      expectStatus(res, 201);
      ext = res.body;
      assert.deepEqual(Object.keys(ext).sort(), [...COMMUNICATION_FIELDS, ...SHARED_FIELDS].sort());
      assert.equal(ext.category, 'external');
      assert.equal(ext.approval_state, 'pending');
      assert.equal(ext.approvals.length, 2);
      assert.deepEqual(ext.approvals.map((a) => a.organization_id).sort(), [world.orgIds.helix, world.orgIds.nimbus].sort());
      for (const a of ext.approvals) {
        assert.deepEqual(Object.keys(a).sort(), [...APPROVAL_FIELDS].sort());
        assert.equal(a.decision, 'pending');
        assert.equal(a.reason, null);
        assert.equal(a.decided_by, null);
        assert.equal(a.decided_by_name, null);
        assert.equal(a.decided_at, null);
      }
      assert.equal(approvalOf(ext, 'helix').organization_name, 'Helix Pharma');
      assert.equal(approvalOf(ext, 'nimbus').organization_name, 'Nimbus Health');
    });

    it('one party approves → still pending; the other approves → cleared; each decision audited', async () => {
      const audit0 = server.count('audit_events');
      let res = await decide('phManager', ext, { decision: 'approve' });
      expectStatus(res, 200);
      ext = res.body;
      assert.equal(ext.approval_state, 'pending');
      const h = approvalOf(ext, 'helix');
      assert.equal(h.decision, 'approved');
      assert.equal(h.decided_by, world.person('phManager').id);
      assert.equal(h.decided_by_name, world.person('phManager').name);
      assert.match(h.decided_at, INSTANT);
      assert.equal(approvalOf(ext, 'nimbus').decision, 'pending');
      assert.equal(res.headers.get('etag'), `"${ext.version}"`);
      assert.ok(server.count('audit_events') > audit0, 'the decision is audited');

      res = await decide('nbManager', ext, { decision: 'approve', reason: 'Fine by us' });
      expectStatus(res, 200);
      ext = res.body;
      assert.equal(ext.approval_state, 'cleared');
      assert.equal(approvalOf(ext, 'nimbus').decision, 'approved');
      assert.equal(approvalOf(ext, 'nimbus').decided_by, world.person('nbManager').id);
      assert.deepEqual(await get('phViewer', `${cPath}/${ext.id}`), ext);
      const events = (await listAll(world.as('phManager'), `${API}/alliances/${id}/audit`)).filter((e) => e.record_id === ext.id);
      assert.ok(events.some((e) => e.actor_id === world.person('nbManager').id), 'the partner\'s decision is in the audit trail');
    });

    it('editing the audience keeps the decisions; editing the title resets them to pending', async () => {
      let res = await world.as('phMember').patch(`${cPath}/${ext.id}`, { audience: 'Trade and patient press' }, { ifMatch: ext.version });
      expectStatus(res, 200);
      assert.equal(res.body.approval_state, 'cleared');
      res = await world.as('phMember').patch(`${cPath}/${ext.id}`, { title: 'Helix and Nimbus begin their pilot' }, { ifMatch: res.body.version });
      expectStatus(res, 200);
      ext = res.body;
      assert.equal(ext.approval_state, 'pending');
      for (const a of ext.approvals) {
        assert.equal(a.decision, 'pending');
        assert.equal(a.decided_by, null);
        assert.equal(a.decided_at, null);
      }
    });

    it('changing the planned date, description or kind resets the decisions too', async () => {
      for (const change of [{ planned_date: day(50) }, { description: 'Second draft.' }, { kind: 'investor_statement' }]) {
        let res = await decide('phManager', ext, { decision: 'approve' });
        expectStatus(res, 200);
        assert.equal(approvalOf(res.body, 'helix').decision, 'approved');
        res = await world.as('phMember').patch(`${cPath}/${ext.id}`, change, { ifMatch: res.body.version });
        expectStatus(res, 200);
        ext = res.body;
        assert.equal(approvalOf(ext, 'helix').decision, 'pending', `after ${JSON.stringify(change)}`);
        assert.equal(ext.approval_state, 'pending');
      }
    });

    it('rejecting needs a reason; with one, the communication is rejected', async () => {
      const before = snapshot();
      expectValidation(await decide('nbManager', ext, { decision: 'reject' }), 'reason');
      expectValidation(await decide('nbManager', ext, { decision: 'reject', reason: '' }), 'reason');
      expectValidation(await decide('nbManager', ext, { decision: 'reject', reason: 'r'.repeat(1001) }), 'reason');
      expectValidation(await decide('nbManager', ext, { decision: 'maybe' }), 'decision');
      expectValidation(await decide('nbManager', ext, {}), 'decision');
      expectValidation(await decide('nbManager', ext, { decision: 'approve', urgent: true }), 'urgent');
      assert.deepEqual(snapshot(), before);
      assert.deepEqual(await get('nbManager', `${cPath}/${ext.id}`), ext);

      let res = await decide('phManager', ext, { decision: 'approve' });
      expectStatus(res, 200);
      res = await decide('nbManager', res.body, { decision: 'reject', reason: 'Embargo until the congress' });
      expectStatus(res, 200);
      ext = res.body;
      assert.equal(ext.approval_state, 'rejected');
      const n = approvalOf(ext, 'nimbus');
      assert.equal(n.decision, 'rejected');
      assert.equal(n.reason, 'Embargo until the congress');
      assert.equal(n.decided_by_name, world.person('nbManager').name);
      assert.equal(approvalOf(ext, 'helix').decision, 'approved');
    });

    it('decisions: only a manager (403 otherwise), If-Match needed (428/412), outsiders 404; nothing changes', async () => {
      const before = snapshot();
      for (const key of ['phMember', 'nbMember', 'phViewer', 'phExec']) {
        expectProblem(await decide(key, ext, { decision: 'approve' }), 403, 'forbidden');
      }
      expectProblem(await decide('outsider', ext, { decision: 'approve' }), 404, 'not-found');
      expectProblem(await world.anon().post(`${cPath}/${ext.id}/decision`, { decision: 'approve' }, { ifMatch: ext.version }), 401, 'unauthenticated');
      expectProblem(await world.as('phManager').post(`${cPath}/${ext.id}/decision`, { decision: 'approve' }), 428, 'precondition-required');
      expectProblem(await decide('phManager', ext, { decision: 'approve' }, { ifMatch: stale(ext.version) }), 412, 'stale');
      expectProblem(await world.as('phManager').post(`${cPath}/${NO_SUCH_ID}/decision`, { decision: 'approve' }, { ifMatch: 1 }), 404, 'not-found');
      assert.deepEqual(snapshot(), before);
      assert.deepEqual(await get('phManager', `${cPath}/${ext.id}`), ext);
    });

    it('a decision on a channel is 422; nothing changes', async () => {
      const before = snapshot();
      const cur = await get('phManager', `${cPath}/${channel.id}`);
      expectValidation(await decide('phManager', cur, { decision: 'approve' }));
      assert.deepEqual(snapshot(), before);
      assert.deepEqual(await get('phManager', `${cPath}/${channel.id}`), cur);
    });

    it('the list filters by category', async () => {
      const all = await listAll(world.as('nbMember'), cPath);
      const ext2 = await listAll(world.as('nbMember'), `${cPath}?category=external`);
      const chans = await listAll(world.as('nbMember'), `${cPath}?category=channel`);
      assert.ok(ext2.some((c) => c.id === ext.id) && !ext2.some((c) => c.category !== 'external'));
      assert.ok(chans.some((c) => c.id === channel.id) && !chans.some((c) => c.category !== 'channel'));
      assert.equal(ext2.length + chans.length, all.length);
      assert.deepEqual(all.find((c) => c.id === ext.id), ext);
      const paged = await listAll(world.as('nbMember'), cPath, { limit: 2 });
      assert.deepEqual(paged.map((c) => c.id), all.map((c) => c.id));
    });

    const BAD = [
      ['party visibility on an external communication', () => ({ category: 'external', kind: 'publication', title: 'Paper', audience: 'Scientists', visibility: 'party' }), 'visibility'],
      ['restricted visibility on an external communication', (w) => ({ category: 'external', kind: 'publication', title: 'Paper', audience: 'Scientists', visibility: 'restricted', readers: [w.person('nbMember').id] }), 'visibility'],
      ['an external kind on a channel', () => ({ category: 'channel', kind: 'press_release', title: 'Mixed up', audience: 'All' }), 'kind'],
      ['a channel kind on an external', () => ({ category: 'external', kind: 'meeting', title: 'Mixed up', audience: 'All' }), 'kind'],
      ['an unknown category', () => ({ category: 'internal', kind: 'meeting', title: 'X', audience: 'All' }), 'category'],
      ['a missing category', () => ({ kind: 'meeting', title: 'X', audience: 'All' }), 'category'],
      ['a missing kind', () => ({ category: 'channel', title: 'X', audience: 'All' }), 'kind'],
      ['a missing title', () => ({ category: 'channel', kind: 'meeting', audience: 'All' }), 'title'],
      ['a title over 200 characters', () => ({ category: 'channel', kind: 'meeting', title: 't'.repeat(201), audience: 'All' }), 'title'],
      ['an unknown cadence', () => ({ category: 'channel', kind: 'meeting', title: 'X', audience: 'All', cadence: 'daily' }), 'cadence'],
      ['a malformed planned_date', () => ({ category: 'external', kind: 'publication', title: 'X', audience: 'All', planned_date: '2026-02-30' }), 'planned_date'],
      ['a responsible party that is not a party', (w) => ({ category: 'channel', kind: 'meeting', title: 'X', audience: 'All', party_id: w.orgIds.outsider }), 'party_id'],
      ['a responsible person outside the alliance', (w) => ({ category: 'channel', kind: 'meeting', title: 'X', audience: 'All', responsible_user_id: w.person('outsider').id }), 'responsible_user_id'],
      ['approval fields in the body', () => ({ category: 'external', kind: 'publication', title: 'X', audience: 'All', approval_state: 'cleared' }), 'approval_state'],
      ['an unknown field', () => ({ category: 'channel', kind: 'meeting', title: 'X', audience: 'All', room: 'B2' }), 'room'],
      ['a title of the wrong type', () => ({ category: 'channel', kind: 'meeting', title: ['X'], audience: 'All' }), 'title'],
    ];
    for (const [what, body, field] of BAD) {
      it(`422 for ${what}; nothing written`, async () => {
        const before = snapshot();
        expectValidation(await world.as('phMember').post(cPath, body(world)), field);
        assert.deepEqual(snapshot(), before);
      });
    }

    it('an external communication cannot be made party-visible by a PATCH either (422)', async () => {
      const before = snapshot();
      const cur = await get('phMember', `${cPath}/${ext.id}`);
      expectValidation(await world.as('phMember').patch(`${cPath}/${ext.id}`, { visibility: 'party' }, { ifMatch: cur.version }), 'visibility');
      assert.deepEqual(snapshot(), before);
      assert.deepEqual(await get('phMember', `${cPath}/${ext.id}`), cur);
    });

    it('PATCH: 428 / 412; the partner and viewers 403; DELETE by the author 204', async () => {
      const before = snapshot();
      const cur = await get('phMember', `${cPath}/${ext.id}`);
      const path = `${cPath}/${ext.id}`;
      expectProblem(await world.as('phMember').patch(path, { audience: 'x' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(path, { audience: 'x' }, { ifMatch: stale(cur.version) }), 412, 'stale');
      for (const key of ['phViewer', 'phExec', 'nbManager', 'nbMember']) {
        expectProblem(await world.as(key).patch(path, { audience: 'x' }, { ifMatch: cur.version }), 403, 'forbidden');
        expectProblem(await world.as(key).del(path), 403, 'forbidden');
      }
      assert.deepEqual(snapshot(), before);
      const res = await world.as('phMember').del(path);
      assert.equal(res.status, 204, res.text);
      assert.equal(server.count('communications'), before.communications - 1);
      expectProblem(await world.as('phMember').get(path), 404, 'not-found');
    });
  });
});
