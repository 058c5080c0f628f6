// Plans (issue 4): objectives (create, read, list, update, delete, validation), who may write plan
// records at all, how a `party` draft stays inside its party (GET one, lists, the plan timeline, the
// critical path, the summary), and the plan timeline and summary. Milestones, KPIs, workstreams and
// the communication plan have their own files (plan-milestones, plan-kpis, plan-raci-comms).
// The contract is /work/plan-spec.md ("Plans API — the contract").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, ORGS, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { UUID7, INSTANT, NO_SUCH_ID, stale, today, day, readerIds, ids, SHARED_FIELDS, PLAN_TABLES, expectShared } from '../support/plan.mjs';

const OBJECTIVE_FIELDS = ['id', 'alliance_id', 'title', 'description', 'horizon', 'status', 'party_id', 'party_name'];
const MILESTONE_FIELDS = ['id', 'alliance_id', 'objective_id', 'objective_title', 'title', 'description', 'kind',
  'party_id', 'party_name', 'responsible_user_id', 'responsible_user_name', 'original_date', 'planned_date',
  'forecast_date', 'actual_date', 'slip_days', 'total_slip_days', 'baseline_count', 'status', 'status_set',
  'status_derived', 'depends_on', 'days_late', 'pushed_by', 'early_win', 'payment'];

function expectFields(rec, fields, what) {
  assert.deepEqual(Object.keys(rec).sort(), [...fields, ...SHARED_FIELDS].sort(), `${what}: the record's fields`);
}

describe('plans: objectives, access, the plan timeline and the summary', () => {
  let world;
  let server;
  let id;
  let objectivesPath;

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
    objectivesPath = `${API}/alliances/${id}/objectives`;
  });
  after(async () => { await world?.stop(); });

  const snapshot = () => Object.fromEntries(PLAN_TABLES.map((t) => [t, server.count(t)]));
  const paths = (allianceId = id) => ({
    objectives: `${API}/alliances/${allianceId}/objectives`,
    milestones: `${API}/alliances/${allianceId}/milestones`,
    kpis: `${API}/alliances/${allianceId}/kpis`,
    workstreams: `${API}/alliances/${allianceId}/workstreams`,
    communications: `${API}/alliances/${allianceId}/communications`,
    plan: `${API}/alliances/${allianceId}/plan`,
    summary: `${API}/alliances/${allianceId}/plan/summary`,
  });

  async function createObjective(key, body, allianceId = id) {
    const res = await world.as(key).post(paths(allianceId).objectives, { horizon: 'short_term', ...body });
    expectStatus(res, 201, `create objective "${body.title}" as ${key}`);
    return res.body;
  }
  async function createMilestone(key, body, allianceId = id) {
    const res = await world.as(key).post(paths(allianceId).milestones, { kind: 'development', ...body });
    expectStatus(res, 201, `create milestone "${body.title}" as ${key}`);
    return res.body;
  }
  async function createKpi(key, body, allianceId = id) {
    const res = await world.as(key).post(paths(allianceId).kpis, {
      unit: 'patients', direction: 'higher_is_better', indicator: 'leading', target: 40, cadence: 'monthly', ...body,
    });
    expectStatus(res, 201, `create KPI "${body.name}" as ${key}`);
    return res.body;
  }
  async function addValue(key, kpi, measuredOn, value, allianceId = id) {
    const res = await world.as(key).post(`${paths(allianceId).kpis}/${kpi.id}/values`, { measured_on: measuredOn, value });
    expectStatus(res, 201, `value ${value} for ${kpi.name}`);
    return res.body;
  }
  /** A second Helix–Nimbus alliance whose plan holds only what a test puts there. */
  async function sharedAlliance(name) {
    const a = await world.createAlliance('phManager', { name: uniq(name) });
    await world.addMember('phManager', a.id, 'phViewer', 'viewer');
    await world.inviteExisting('phManager', a.id, 'nbManager', 'manager');
    await world.addMember('nbManager', a.id, 'nbMember', 'member');
    return a;
  }

  describe('objectives: create and read', () => {
    let minimal;
    let full;

    it('POST with title and horizon → 201 with the defaults, every field, and ETag', async () => {
      const res = await world.as('phMember').post(objectivesPath, { title: 'First patient in', horizon: 'short_term' });
      expectStatus(res, 201);
      minimal = res.body;
      expectFields(minimal, OBJECTIVE_FIELDS, 'objective');
      expectShared(world, minimal, { allianceId: id, author: 'phMember' });
      assert.equal(minimal.title, 'First patient in');
      assert.equal(minimal.description, '');
      assert.equal(minimal.horizon, 'short_term');
      assert.equal(minimal.status, 'active');
      assert.equal(minimal.party_id, world.orgIds.helix, 'the responsible party defaults to the caller\'s organisation');
      assert.equal(minimal.party_name, 'Helix Pharma');
      assert.equal(res.headers.get('etag'), `"${minimal.version}"`);
    });

    it('POST with every field: the partner writes an objective for which Helix is responsible', async () => {
      const res = await world.as('nbManager').post(objectivesPath, {
        title: 'Validated digital endpoint accepted by the EMA', description: 'Qualification opinion for the wearable endpoint.',
        horizon: 'long_term', status: 'proposed', party_id: world.orgIds.helix, visibility: 'alliance',
      });
      expectStatus(res, 201);
      full = res.body;
      expectFields(full, OBJECTIVE_FIELDS, 'objective');
      expectShared(world, full, { allianceId: id, author: 'nbManager' });
      assert.equal(full.title, 'Validated digital endpoint accepted by the EMA');
      assert.equal(full.description, 'Qualification opinion for the wearable endpoint.');
      assert.equal(full.horizon, 'long_term');
      assert.equal(full.status, 'proposed');
      assert.equal(full.party_id, world.orgIds.helix);
      assert.equal(full.party_name, 'Helix Pharma');
      assert.equal(full.owner_organization_id, world.orgIds.nimbus, 'the writer\'s party owns it');
    });

    it('GET one returns the same record with its ETag, to both parties', async () => {
      for (const key of ['phViewer', 'nbMember', 'phExec']) {
        const res = await world.as(key).get(`${objectivesPath}/${full.id}`);
        expectStatus(res, 200);
        assert.deepEqual(res.body, full);
        assert.equal(res.headers.get('etag'), `"${full.version}"`);
      }
    });

    it('every status and horizon is accepted', async () => {
      for (const status of ['proposed', 'active', 'achieved', 'dropped']) {
        for (const horizon of ['short_term', 'long_term']) {
          const o = await createObjective('phMember', { title: `Objective ${status} ${horizon}`, status, horizon });
          assert.equal(o.status, status);
          assert.equal(o.horizon, horizon);
        }
      }
    });

    it('a 200-character non-ASCII title round-trips', async () => {
      const title = 'ü'.repeat(192) + '研究协作🧪🧬Ωé';
      assert.equal([...title].length, 200);
      const o = await createObjective('phMember', { title, description: 'd'.repeat(5000) });
      const got = await world.as('phMember').get(`${objectivesPath}/${o.id}`);
      assert.equal(got.body.title, title);
      assert.equal(got.body.description.length, 5000);
    });

    it('a restricted objective keeps its readers and only they (and its author) see it', async () => {
      const o = await createObjective('phManager', { title: 'Walk-away price for the option', visibility: 'restricted', readers: [world.person('nbMember').id] });
      expectShared(world, o, { allianceId: id, author: 'phManager', visibility: 'restricted', readers: ['nbMember'] });
      expectStatus(await world.as('nbMember').get(`${objectivesPath}/${o.id}`), 200);
      expectStatus(await world.as('phManager').get(`${objectivesPath}/${o.id}`), 200);
      expectProblem(await world.as('nbManager').get(`${objectivesPath}/${o.id}`), 404, 'not-found');
      expectProblem(await world.as('phMember').get(`${objectivesPath}/${o.id}`), 404, 'not-found');
      const list = await listAll(world.as('phMember'), objectivesPath);
      assert.ok(!list.some((x) => x.id === o.id));
    });

    it('an objective is only reachable under its own alliance; an unknown id is 404', async () => {
      const other = await world.createAlliance('phManager');
      expectProblem(await world.as('phManager').get(`${API}/alliances/${other.id}/objectives/${minimal.id}`), 404, 'not-found');
      expectProblem(await world.as('phManager').get(`${objectivesPath}/${NO_SUCH_ID}`), 404, 'not-found');
    });
  });

  describe('objectives: list', () => {
    let mine;
    before(async () => {
      mine = [];
      for (const [i, horizon, status, visibility] of [
        [1, 'short_term', 'active', 'alliance'], [2, 'long_term', 'active', 'party'], [3, 'long_term', 'proposed', 'alliance'],
        [4, 'short_term', 'dropped', 'party'], [5, 'long_term', 'achieved', 'alliance'],
      ]) {
        mine.push(await createObjective('nbMember', { title: `Nimbus objective ${i}`, horizon, status, visibility }));
      }
    });

    it('lists what the caller may see, in pages without duplicates or gaps', async () => {
      const all = await listAll(world.as('nbMember'), objectivesPath);
      for (const o of mine) assert.ok(all.some((x) => x.id === o.id), `${o.title} listed`);
      const paged = await listAll(world.as('nbMember'), objectivesPath, { limit: 2 });
      assert.deepEqual(paged.map((x) => x.id), all.map((x) => x.id));
      const first = await world.as('nbMember').get(`${objectivesPath}?limit=2`);
      assert.equal(first.body.items.length, 2);
      assert.equal(typeof first.body.next_cursor, 'string');
      const listed = all.find((x) => x.id === mine[0].id);
      assert.deepEqual(listed, mine[0], 'a listed objective is the same record as GET one');
    });

    it('filters by horizon, status and visibility', async () => {
      const check = async (query, pred) => {
        const items = await listAll(world.as('nbMember'), `${objectivesPath}?${query}`);
        for (const o of items) assert.ok(pred(o), `${query}: ${JSON.stringify(o)}`);
        assert.deepEqual(ids(items.filter((o) => mine.some((m) => m.id === o.id))), ids(mine.filter(pred)), query);
      };
      await check('horizon=long_term', (o) => o.horizon === 'long_term');
      await check('horizon=short_term', (o) => o.horizon === 'short_term');
      await check('status=active', (o) => o.status === 'active');
      await check('status=dropped', (o) => o.status === 'dropped');
      await check('visibility=party', (o) => o.visibility === 'party');
      await check('horizon=long_term&status=active', (o) => o.horizon === 'long_term' && o.status === 'active');
    });

    it('a Nimbus party objective is not in Helix\'s list, not even with visibility=party', async () => {
      const helix = await listAll(world.as('phManager'), objectivesPath);
      for (const o of mine.filter((m) => m.visibility === 'party')) assert.ok(!helix.some((x) => x.id === o.id));
      const party = await listAll(world.as('phManager'), `${objectivesPath}?visibility=party`);
      assert.ok(!party.some((o) => o.owner_organization_id === world.orgIds.nimbus));
    });

    it('a bad filter value or limit is 422 or 400', async () => {
      for (const q of ['horizon=someday', 'status=finished', 'visibility=secret']) {
        const res = await world.as('phManager').get(`${objectivesPath}?${q}`);
        assert.ok([400, 422].includes(res.status), `${q}: ${res.status} ${res.text}`);
        expectProblem(res, res.status);
      }
      for (const q of ['limit=0', 'limit=201']) {
        const res = await world.as('phManager').get(`${objectivesPath}?${q}`);
        assert.ok([400, 422].includes(res.status), `${q}: ${res.status} ${res.text}`);
      }
    });
  });

  describe('objectives: validation (422, nothing written)', () => {
    const CASES = [
      ['a missing title', { horizon: 'short_term' }, 'title'],
      ['an empty title', { title: '', horizon: 'short_term' }, 'title'],
      ['a title over 200 characters', { title: 't'.repeat(201), horizon: 'short_term' }, 'title'],
      ['a title of the wrong type', { title: 7, horizon: 'short_term' }, 'title'],
      ['a missing horizon', { title: 'Objective' }, 'horizon'],
      ['an unknown horizon', { title: 'Objective', horizon: 'mid_term' }, 'horizon'],
      ['an unknown status', { title: 'Objective', horizon: 'short_term', status: 'done' }, 'status'],
      ['a description over 5000 characters', { title: 'Objective', horizon: 'short_term', description: 'd'.repeat(5001) }, 'description'],
      ['a description of the wrong type', { title: 'Objective', horizon: 'short_term', description: ['x'] }, 'description'],
      ['a responsible party that is no party of the alliance', (w) => ({ title: 'Objective', horizon: 'short_term', party_id: w.orgIds.outsider }), 'party_id'],
      ['a responsible party that does not exist', { title: 'Objective', horizon: 'short_term', party_id: NO_SUCH_ID }, 'party_id'],
      ['a bad visibility', { title: 'Objective', horizon: 'short_term', visibility: 'secret' }, 'visibility'],
      ['readers with alliance visibility', (w) => ({ title: 'Objective', horizon: 'short_term', readers: [w.person('phViewer').id] }), 'readers'],
      ['a reader who is not an alliance member', (w) => ({ title: 'Objective', horizon: 'short_term', visibility: 'restricted', readers: [w.person('phBystander').id] }), 'readers'],
      ['an unknown field', { title: 'Objective', horizon: 'short_term', priority: 'high' }, 'priority'],
      ['a read-only field', (w) => ({ title: 'Objective', horizon: 'short_term', owner_organization_id: w.orgIds.nimbus }), 'owner_organization_id'],
    ];
    for (const [what, body, field] of CASES) {
      it(`422 for ${what}`, async () => {
        const before = snapshot();
        const res = await world.as('phManager').post(objectivesPath, typeof body === 'function' ? body(world) : body);
        expectValidation(res, field);
        assert.deepEqual(snapshot(), before);
      });
    }
  });

  describe('objectives: update and delete', () => {
    let o;
    before(async () => {
      o = await createObjective('phMember', { title: 'Pilot in three sites', description: 'Draft.' });
    });

    it('the author updates with If-Match: 200, every changed field, new version and ETag', async () => {
      const res = await world.as('phMember').patch(`${objectivesPath}/${o.id}`, {
        title: 'Pilot in five sites', description: 'Agreed at the JSC.', horizon: 'long_term', status: 'achieved',
        party_id: world.orgIds.nimbus,
      }, { ifMatch: o.version });
      expectStatus(res, 200);
      assert.equal(res.body.title, 'Pilot in five sites');
      assert.equal(res.body.description, 'Agreed at the JSC.');
      assert.equal(res.body.horizon, 'long_term');
      assert.equal(res.body.status, 'achieved');
      assert.equal(res.body.party_id, world.orgIds.nimbus);
      assert.equal(res.body.party_name, 'Nimbus Health');
      assert.equal(res.body.owner_organization_id, world.orgIds.helix, 'the owner never changes');
      assert.equal(res.body.author_id, world.person('phMember').id);
      assert.equal(res.body.created_at, o.created_at);
      assert.ok(res.body.version > o.version);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      assert.deepEqual((await world.as('nbMember').get(`${objectivesPath}/${o.id}`)).body, res.body);
      o = res.body;
    });

    it('missing If-Match → 428, stale → 412, invalid → 422; nothing changes', async () => {
      const before = snapshot();
      const path = `${objectivesPath}/${o.id}`;
      expectProblem(await world.as('phMember').patch(path, { title: 'Overwrite' }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(path, { title: 'Overwrite' }, { ifMatch: stale(o.version) }), 412, 'stale');
      expectValidation(await world.as('phMember').patch(path, { title: '' }, { ifMatch: o.version }), 'title');
      expectValidation(await world.as('phMember').patch(path, { horizon: 'forever' }, { ifMatch: o.version }), 'horizon');
      expectValidation(await world.as('phMember').patch(path, { party_id: world.orgIds.outsider }, { ifMatch: o.version }), 'party_id');
      expectValidation(await world.as('phMember').patch(path, { colour: 'red' }, { ifMatch: o.version }), 'colour');
      expectValidation(await world.as('phMember').patch(path, { visibility: 'restricted', readers: [world.person('outsider').id] }, { ifMatch: o.version }), 'readers');
      assert.deepEqual((await world.as('phMember').get(path)).body, o);
      assert.deepEqual(snapshot(), before);
    });

    it('a manager of the owner party may edit; viewers, executives and the partner may not (403)', async () => {
      const path = `${objectivesPath}/${o.id}`;
      const before = snapshot();
      for (const key of ['phViewer', 'phExec', 'nbManager', 'nbMember']) {
        expectProblem(await world.as(key).patch(path, { title: 'Hijack' }, { ifMatch: o.version }), 403, 'forbidden');
      }
      assert.deepEqual(snapshot(), before);
      const res = await world.as('phManager').patch(path, { title: 'Pilot in five sites (final)' }, { ifMatch: o.version });
      expectStatus(res, 200);
      o = res.body;
    });

    it('a member of the owner party who is not the author may not edit (403)', async () => {
      const other = await createObjective('phManager', { title: 'Manager-owned objective' });
      expectProblem(await world.as('phMember').patch(`${objectivesPath}/${other.id}`, { title: 'x' }, { ifMatch: other.version }), 403, 'forbidden');
    });

    it('DELETE with a milestone still linked → 409, nothing changes; without → 204, then 404', async () => {
      const path = `${objectivesPath}/${o.id}`;
      const m = await createMilestone('phMember', { objective_id: o.id, title: 'Site five activated', planned_date: day(60) });
      const before = snapshot();
      expectProblem(await world.as('phMember').del(path), 409, 'conflict');
      assert.deepEqual(snapshot(), before);
      expectStatus(await world.as('phMember').get(path), 200);
      const gone = await world.as('phMember').del(`${paths().milestones}/${m.id}`);
      assert.equal(gone.status, 204, gone.text);
      for (const key of ['phViewer', 'nbManager']) expectProblem(await world.as(key).del(path), 403, 'forbidden');
      const res = await world.as('phMember').del(path);
      assert.equal(res.status, 204, res.text);
      assert.equal(server.count('objectives'), before.objectives - 1);
      expectProblem(await world.as('phMember').get(path), 404, 'not-found');
      expectProblem(await world.as('phMember').del(path), 404, 'not-found');
      assert.ok(!(await listAll(world.as('phManager'), objectivesPath)).some((x) => x.id === o.id));
    });

    it('objective changes are audited', async () => {
      const x = await createObjective('phMember', { title: 'Audited objective' });
      const events = await listAll(world.as('phManager'), `${API}/alliances/${id}/audit`);
      assert.ok(events.some((e) => e.record_id === x.id), 'the creation is in the audit trail');
    });
  });

  describe('who may write plan records', () => {
    let objective;
    const bodies = () => ({
      objectives: { title: uniq('Objective'), horizon: 'short_term' },
      milestones: { objective_id: objective.id, title: uniq('Milestone'), kind: 'research', planned_date: day(30) },
      kpis: { name: uniq('KPI'), unit: 'sites', direction: 'higher_is_better', indicator: 'lagging', target: 5, cadence: 'quarterly' },
      workstreams: { name: uniq('Workstream') },
      communications: { category: 'channel', kind: 'meeting', title: uniq('JSC meeting'), audience: 'JSC members', cadence: 'quarterly' },
    });
    before(async () => {
      objective = await createObjective('phManager', { title: 'Objective for the role checks' });
    });

    for (const type of ['objectives', 'milestones', 'kpis', 'workstreams', 'communications']) {
      it(`${type}: viewers and executives 403, people outside the alliance 404, signed out 401; nothing written`, async () => {
        const before = snapshot();
        for (const key of ['phViewer', 'phExec']) {
          expectStatus(await world.as(key).get(paths()[type]), 200);
          expectProblem(await world.as(key).post(paths()[type], bodies()[type]), 403, 'forbidden');
        }
        for (const key of ['outsider', 'phBystander']) {
          expectProblem(await world.as(key).get(paths()[type]), 404, 'not-found');
          expectProblem(await world.as(key).post(paths()[type], bodies()[type]), 404, 'not-found');
        }
        expectProblem(await world.anon().get(paths()[type]), 401, 'unauthenticated');
        expectProblem(await world.anon().post(paths()[type], bodies()[type]), 401, 'unauthenticated');
        assert.deepEqual(snapshot(), before);
      });

      it(`${type}: managers and members of both parties may write (201)`, async () => {
        for (const key of ['phManager', 'phMember', 'nbManager', 'nbMember']) {
          expectStatus(await world.as(key).post(paths()[type], bodies()[type]), 201, `${type} as ${key}`);
        }
      });
    }

    it('plan and summary: members of either party 200, outsiders 404, signed out 401', async () => {
      for (const p of [paths().plan, paths().summary]) {
        for (const key of ['phManager', 'phViewer', 'phExec', 'nbMember']) expectStatus(await world.as(key).get(p), 200);
        for (const key of ['outsider', 'phBystander']) expectProblem(await world.as(key).get(p), 404, 'not-found');
        expectProblem(await world.anon().get(p), 401, 'unauthenticated');
      }
      expectProblem(await world.as('phManager').get(`${API}/alliances/${NO_SUCH_ID}/plan`), 404, 'not-found');
    });

    it('an existing record of the alliance is 404 to outsiders, 401 signed out', async () => {
      const path = `${paths().objectives}/${objective.id}`;
      for (const key of ['outsider', 'phBystander']) {
        expectProblem(await world.as(key).get(path), 404, 'not-found');
        expectProblem(await world.as(key).patch(path, { title: 'x' }, { ifMatch: objective.version }), 404, 'not-found');
        expectProblem(await world.as(key).del(path), 404, 'not-found');
      }
      expectProblem(await world.anon().get(path), 401, 'unauthenticated');
    });

    it('a change with the cookie but without the CSRF header is refused (403)', async () => {
      const before = snapshot();
      const res = await world.as('phManager').post(paths().objectives, bodies().objectives, { csrf: false });
      expectProblem(res, 403);
      assert.deepEqual(snapshot(), before);
    });
  });

  describe('a Helix party draft stays inside Helix', () => {
    let a;
    let p;
    let shared;
    let draft;
    let draftMilestone;
    let draftKpi;
    let sharedMilestone;
    let sharedKpi;

    before(async () => {
      a = await sharedAlliance('Helix–Nimbus party drafts');
      p = paths(a.id);
      await world.addMember('phManager', a.id, 'phMember', 'member');
      shared = await createObjective('phManager', { title: 'Shared objective' }, a.id);
      draft = await createObjective('phManager', { title: 'Helix-only stretch goal', visibility: 'party' }, a.id);
      sharedMilestone = await createMilestone('phManager', { objective_id: shared.id, title: 'Shared milestone', planned_date: day(40) }, a.id);
      draftMilestone = await createMilestone('phManager', { objective_id: draft.id, title: 'Helix-only internal milestone',
        planned_date: day(80), depends_on: [sharedMilestone.id], visibility: 'party' }, a.id);
      sharedKpi = await createKpi('phManager', { name: 'Shared KPI' }, a.id);
      draftKpi = await createKpi('phManager', { name: 'Helix-only KPI', visibility: 'party' }, a.id);
      await addValue('phManager', draftKpi, day(-1), 10, a.id);
    });

    it('Helix people see the drafts', async () => {
      for (const key of ['phManager', 'phMember', 'phViewer']) {
        expectStatus(await world.as(key).get(`${p.objectives}/${draft.id}`), 200);
        expectStatus(await world.as(key).get(`${p.milestones}/${draftMilestone.id}`), 200);
        expectStatus(await world.as(key).get(`${p.kpis}/${draftKpi.id}`), 200);
      }
    });

    it('GET one is 404 for Nimbus (never 403), and so are PATCH and DELETE', async () => {
      const before = snapshot();
      for (const key of ['nbManager', 'nbMember']) {
        for (const [path, rec] of [[`${p.objectives}/${draft.id}`, draft], [`${p.milestones}/${draftMilestone.id}`, draftMilestone], [`${p.kpis}/${draftKpi.id}`, draftKpi]]) {
          expectProblem(await world.as(key).get(path), 404, 'not-found');
          expectProblem(await world.as(key).patch(path, { description: 'peek' }, { ifMatch: rec.version }), 404, 'not-found');
          expectProblem(await world.as(key).del(path), 404, 'not-found');
        }
        expectProblem(await world.as(key).get(`${p.kpis}/${draftKpi.id}/values`), 404, 'not-found');
        expectProblem(await world.as(key).post(`${p.kpis}/${draftKpi.id}/values`, { measured_on: day(0), value: 1 }), 404, 'not-found');
        expectProblem(await world.as(key).get(`${p.milestones}/${draftMilestone.id}/history`), 404, 'not-found');
      }
      assert.deepEqual(snapshot(), before);
    });

    it('the drafts are not in Nimbus\'s lists', async () => {
      for (const key of ['nbManager', 'nbMember']) {
        const objectives = await listAll(world.as(key), p.objectives);
        assert.deepEqual(ids(objectives), [shared.id]);
        const milestones = await listAll(world.as(key), p.milestones);
        assert.deepEqual(ids(milestones), [sharedMilestone.id]);
        const kpis = await listAll(world.as(key), p.kpis);
        assert.deepEqual(ids(kpis), [sharedKpi.id]);
        assert.deepEqual(await listAll(world.as(key), `${p.objectives}?visibility=party`), []);
      }
      assert.deepEqual(ids(await listAll(world.as('phMember'), p.milestones)), ids([sharedMilestone, draftMilestone]));
    });

    it('the drafts are not in Nimbus\'s plan timeline nor its critical path', async () => {
      const helix = await world.as('phManager').get(p.plan);
      expectStatus(helix, 200);
      assert.deepEqual(ids(helix.body.objectives), ids([shared, draft]));
      assert.deepEqual(ids(helix.body.milestones), ids([sharedMilestone, draftMilestone]));
      assert.deepEqual(helix.body.critical_path, [sharedMilestone.id, draftMilestone.id]);

      const nimbus = await world.as('nbManager').get(p.plan);
      expectStatus(nimbus, 200);
      assert.deepEqual(ids(nimbus.body.objectives), [shared.id]);
      assert.deepEqual(ids(nimbus.body.milestones), [sharedMilestone.id]);
      assert.deepEqual(nimbus.body.critical_path, [sharedMilestone.id]);
      assert.ok(!nimbus.text.includes(draft.id) && !nimbus.text.includes('Helix-only'), 'nothing of the drafts leaks into Nimbus\'s plan');
    });

    it('the drafts are not counted in the summary, which both parties get byte for byte', async () => {
      const helix = await world.as('phManager').get(p.summary);
      const nimbus = await world.as('nbManager').get(p.summary);
      expectStatus(helix, 200);
      expectStatus(nimbus, 200);
      assert.equal(helix.text, nimbus.text);
      assert.equal(helix.body.milestones.total, 1);
      assert.equal(helix.body.kpis.total, 1);
      assert.equal(helix.body.kpis.red, 0, 'the draft KPI (red) is not counted');
      assert.equal(helix.body.kpis.no_data, 1);
      assert.deepEqual(helix.body.next_milestones.map((m) => m.id), [sharedMilestone.id]);
      assert.ok(!helix.text.includes('Helix-only'));
    });

    it('the audit trail shows Nimbus nothing of the drafts', async () => {
      const helix = await listAll(world.as('phManager'), `${API}/alliances/${a.id}/audit`);
      assert.ok(helix.some((e) => e.record_id === draft.id), 'Helix sees the draft\'s creation');
      const nimbus = await listAll(world.as('nbManager'), `${API}/alliances/${a.id}/audit`);
      const text = JSON.stringify(nimbus);
      for (const rec of [draft, draftMilestone, draftKpi]) assert.ok(!text.includes(rec.id), `audit shows Nimbus ${rec.id}`);
      assert.ok(!text.includes('Helix-only'), 'audit shows Nimbus the title of a draft');
    });

    it('a Nimbus milestone may not link to the hidden objective nor depend on the hidden milestone (422)', async () => {
      const before = snapshot();
      expectValidation(await world.as('nbMember').post(p.milestones, { objective_id: draft.id, title: 'Peek', kind: 'research', planned_date: day(90) }), 'objective_id');
      expectValidation(await world.as('nbMember').post(p.milestones, { objective_id: shared.id, title: 'Peek', kind: 'research', planned_date: day(90), depends_on: [draftMilestone.id] }), 'depends_on');
      assert.deepEqual(snapshot(), before);
    });

    it('publishing the draft (party → alliance) shows it to Nimbus', async () => {
      const res = await world.as('phManager').patch(`${p.objectives}/${draft.id}`, { visibility: 'alliance' }, { ifMatch: draft.version });
      expectStatus(res, 200);
      expectStatus(await world.as('nbMember').get(`${p.objectives}/${draft.id}`), 200);
      const back = await world.as('phManager').patch(`${p.objectives}/${draft.id}`, { visibility: 'party' }, { ifMatch: res.body.version });
      expectStatus(back, 200);
      expectProblem(await world.as('nbMember').get(`${p.objectives}/${draft.id}`), 404, 'not-found');
    });
  });

  describe('the plan timeline and the summary', () => {
    let a;
    let p;
    const m = {};
    const k = {};
    let o1;
    let o2;
    let oParty;

    before(async () => {
      a = await sharedAlliance('Helix–Nimbus plan summary');
      p = paths(a.id);
      o1 = await createObjective('phManager', { title: 'Clinical validation', horizon: 'short_term' }, a.id);
      o2 = await createObjective('nbManager', { title: 'Platform readiness', horizon: 'long_term' }, a.id);
      oParty = await createObjective('phManager', { title: 'Helix portfolio fit (internal)', visibility: 'party' }, a.id);
      const ms = async (name, body) => { m[name] = await createMilestone('phManager', { objective_id: o1.id, title: name, ...body }, a.id); };
      await ms('Protocol approved', { planned_date: day(-40), actual_date: day(-35) });
      await ms('Ethics submission', { planned_date: day(-5) });
      await ms('First site activated', { planned_date: day(10) });
      await ms('Device shipment', { planned_date: day(15), forecast_date: day(25) });
      await ms('First patient in', { planned_date: day(30) });
      await ms('Tenth patient in', { planned_date: day(31) });
      await ms('Database lock', { planned_date: day(200) });
      await ms('Interim analysis', { planned_date: day(20), status: 'cancelled' });
      m['Sensor firmware frozen'] = await createMilestone('nbManager', { objective_id: o2.id, title: 'Sensor firmware frozen', planned_date: day(12), party_id: world.orgIds.nimbus }, a.id);
      m['Helix board review'] = await createMilestone('phManager', { objective_id: oParty.id, title: 'Helix board review', planned_date: day(300),
        depends_on: [m['Database lock'].id], visibility: 'party' }, a.id);
      m['Helix budget check'] = await createMilestone('phManager', { objective_id: o1.id, title: 'Helix budget check', planned_date: day(-2), visibility: 'party' }, a.id);
      m['Shared with Farah'] = await createMilestone('phManager', { objective_id: o1.id, title: 'Shared with Farah', planned_date: day(1),
        visibility: 'restricted', readers: [world.person('nbManager').id] }, a.id);

      k.green = await createKpi('phManager', { name: 'Patients enrolled', target: 40 }, a.id);
      await addValue('phManager', k.green, day(-1), 45, a.id);
      k.amber = await createKpi('nbManager', { name: 'Sensor wear time', unit: 'hours', target: 40, amber_threshold: 30, red_threshold: 20 }, a.id);
      await addValue('nbManager', k.amber, day(-1), 35, a.id);
      k.red = await createKpi('phManager', { name: 'Screen failures', unit: '%', direction: 'lower_is_better', target: 5 }, a.id);
      await addValue('phManager', k.red, day(-1), 9, a.id);
      k.noData = await createKpi('nbManager', { name: 'Data queries resolved', unit: '%', indicator: 'lagging', target: 95 }, a.id);
      k.party = await createKpi('phManager', { name: 'Helix internal cost per patient', unit: 'EUR', direction: 'lower_is_better', target: 100, visibility: 'party' }, a.id);
      await addValue('phManager', k.party, day(-1), 500, a.id);
      k.restricted = await createKpi('phManager', { name: 'Restricted KPI', target: 10, visibility: 'restricted', readers: [world.person('nbManager').id] }, a.id);
      await addValue('phManager', k.restricted, day(-1), 1, a.id);
    });

    it('each milestone has the status its dates give', async () => {
      const expected = {
        'Protocol approved': 'achieved', 'Ethics submission': 'late', 'First site activated': 'on_track',
        'Device shipment': 'at_risk', 'First patient in': 'on_track', 'Tenth patient in': 'on_track',
        'Database lock': 'planned', 'Interim analysis': 'cancelled', 'Sensor firmware frozen': 'on_track',
        'Helix board review': 'planned', 'Helix budget check': 'late', 'Shared with Farah': 'on_track',
      };
      const plan = await world.as('phManager').get(p.plan);
      expectStatus(plan, 200);
      for (const [title, status] of Object.entries(expected)) {
        const got = plan.body.milestones.find((x) => x.title === title);
        assert.ok(got, `${title} in Helix's plan`);
        assert.equal(got.status, status, `${title}`);
      }
      assert.equal(m['Shared with Farah'].status, 'on_track');
    });

    it('GET /plan: today, every objective and milestone the caller may see (no paging), and the critical path', async () => {
      const helix = await world.as('phManager').get(p.plan);
      expectStatus(helix, 200);
      assert.deepEqual(Object.keys(helix.body).sort(), ['critical_path', 'milestones', 'objectives', 'today']);
      assert.equal(helix.body.today, today());
      assert.deepEqual(ids(helix.body.objectives), ids([o1, o2, oParty]));
      // phManager wrote the restricted one, so sees it too
      assert.deepEqual(ids(helix.body.milestones), ids(Object.values(m)));
      for (const x of helix.body.milestones) {
        expectFields(x, MILESTONE_FIELDS, 'plan milestone');
        const one = await world.as('phManager').get(`${p.milestones}/${x.id}`);
        assert.deepEqual(x, one.body, `${x.title}: the plan carries the same record as GET one`);
      }
      assert.deepEqual(helix.body.critical_path, [m['Database lock'].id, m['Helix board review'].id]);

      const nimbus = await world.as('nbManager').get(p.plan);
      expectStatus(nimbus, 200);
      assert.equal(nimbus.body.today, today());
      assert.deepEqual(ids(nimbus.body.objectives), ids([o1, o2]));
      const nimbusSees = Object.entries(m).filter(([name]) => !name.startsWith('Helix ')).map(([, x]) => x);
      assert.deepEqual(ids(nimbus.body.milestones), ids(nimbusSees));
      assert.deepEqual(nimbus.body.critical_path, [m['Database lock'].id]);

      const member = await world.as('nbMember').get(p.plan);
      assert.ok(!member.body.milestones.some((x) => x.id === m['Shared with Farah'].id), 'a restricted milestone only for its readers');
    });

    it('GET /plan/summary counts alliance-visible records only, and is byte-identical for every party', async () => {
      const helix = await world.as('phManager').get(p.summary);
      expectStatus(helix, 200);
      const s = helix.body;
      assert.deepEqual(Object.keys(s).sort(), ['kpis', 'milestones', 'next_milestones', 'today']);
      assert.equal(s.today, today());
      assert.deepEqual(s.milestones, { total: 9, achieved: 1, due_30_days: 4, late: 1, at_risk: 1 });
      assert.deepEqual(s.kpis, { total: 4, green: 1, amber: 1, red: 1, no_data: 1 });
      // The next three not achieved, cancelled or missed, by forecast date.
      assert.deepEqual(s.next_milestones.map((x) => x.title), ['Ethics submission', 'First site activated', 'Sensor firmware frozen']);
      for (const x of s.next_milestones) expectFields(x, MILESTONE_FIELDS, 'summary milestone');
      for (const key of ['nbManager', 'nbMember', 'phViewer', 'phMember']) {
        const res = await world.as(key).get(p.summary);
        if (key === 'phMember') { expectProblem(res, 404, 'not-found'); continue; } // not in this alliance
        expectStatus(res, 200);
        assert.equal(res.text, helix.text, `the summary for ${key} is byte-identical to phManager's`);
      }
      assert.ok(!helix.text.includes('Helix board review') && !helix.text.includes('Shared with Farah'));
    });

    it('the summary follows changes: achieving a milestone moves it out of next_milestones', async () => {
      const x = m['Ethics submission'];
      const res = await world.as('phManager').patch(`${p.milestones}/${x.id}`, { actual_date: day(0) }, { ifMatch: x.version });
      expectStatus(res, 200);
      assert.equal(res.body.status, 'achieved');
      const s = (await world.as('nbManager').get(p.summary)).body;
      assert.deepEqual(s.milestones, { total: 9, achieved: 2, due_30_days: 4, late: 0, at_risk: 1 });
      assert.deepEqual(s.next_milestones.map((y) => y.title), ['First site activated', 'Sensor firmware frozen', 'Device shipment']);
      assert.equal((await world.as('phManager').get(p.summary)).text, (await world.as('nbMember').get(p.summary)).text);
    });
  });
});
