// Plan privacy: what one party cannot see never shapes what it gets back. Links to hidden records
// read as null / are left out; cycle checks, deletions, edits and the audit trail only ever
// consider what the caller sees; a manager of the owner party manages values of a restricted KPI;
// the reset of an external communication's approvals is audited.
// The contract is /work/plan-spec.md and docs/api-guide.md ("Plans", "Audit").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { today, day, ids, PLAN_TABLES } from '../support/plan.mjs';

describe('plan privacy', () => {
  let world;
  let server;

  before(async () => {
    world = await buildWorld();
    server = world.server;
  });
  after(async () => { await world?.stop(); });

  const snapshot = () => Object.fromEntries(PLAN_TABLES.map((t) => [t, server.count(t)]));
  const paths = (allianceId) => {
    const base = `${API}/alliances/${allianceId}`;
    return { base, objectives: `${base}/objectives`, milestones: `${base}/milestones`, kpis: `${base}/kpis`,
      communications: `${base}/communications`, plan: `${base}/plan`, summary: `${base}/plan/summary`, audit: `${base}/audit` };
  };

  /** A new alliance of Helix (phManager, phMember, phViewer) and Nimbus (nbManager), to keep each story apart. */
  async function freshAlliance(name) {
    const a = await world.createAlliance('phManager', { name: uniq(name) });
    await world.addMember('phManager', a.id, 'phMember', 'member');
    await world.addMember('phManager', a.id, 'phViewer', 'viewer');
    await world.inviteExisting('phManager', a.id, 'nbManager', 'manager');
    return { id: a.id, ...paths(a.id) };
  }
  async function post(key, path, body) {
    const res = await world.as(key).post(path, body);
    expectStatus(res, 201, `POST ${path} as ${key}`);
    return res.body;
  }
  async function getOk(key, path) {
    const res = await world.as(key).get(path);
    expectStatus(res, 200, `GET ${path} as ${key}`);
    return res.body;
  }
  /** PATCH with the caller's current version; returns the raw answer. */
  async function patchRaw(key, path, body) {
    const cur = await getOk(key, path);
    return world.as(key).patch(path, body, { ifMatch: cur.version });
  }
  async function patchOk(key, path, body) {
    const res = await patchRaw(key, path, body);
    expectStatus(res, 200, `PATCH ${path} ${JSON.stringify(body)} as ${key}`);
    return res.body;
  }
  const milestone = (key, a, body) => post(key, a.milestones, { kind: 'development', ...body });
  const audit = (key, a) => listAll(world.as(key), a.audit);

  describe('a milestone under an objective the caller cannot see', () => {
    let a;
    let objective;
    let m;

    before(async () => {
      a = await freshAlliance('Helix–Nimbus hidden objective');
      objective = await post('phManager', a.objectives, { title: 'Helix internal objective', horizon: 'short_term', visibility: 'party' });
      m = await milestone('phManager', a, { objective_id: objective.id, title: 'Shared readout', planned_date: day(5) });
      assert.equal(m.visibility, 'alliance');
    });

    it('GET one: Nimbus gets objective_id and objective_title null; Helix gets the real ones', async () => {
      const helix = await getOk('phMember', `${a.milestones}/${m.id}`);
      assert.equal(helix.objective_id, objective.id);
      assert.equal(helix.objective_title, 'Helix internal objective');
      const res = await world.as('nbManager').get(`${a.milestones}/${m.id}`);
      expectStatus(res, 200);
      assert.equal(res.body.objective_id, null);
      assert.equal(res.body.objective_title, null);
      assert.deepEqual(res.body, { ...helix, objective_id: null, objective_title: null }, 'everything else is the same record');
      assert.ok(!res.text.includes(objective.id) && !res.text.includes('Helix internal objective'), res.text);
    });

    it('GET /milestones: the same', async () => {
      const helix = (await listAll(world.as('phMember'), a.milestones)).find((x) => x.id === m.id);
      assert.ok(helix, 'Helix lists it');
      assert.equal(helix.objective_id, objective.id);
      assert.equal(helix.objective_title, 'Helix internal objective');
      const nimbus = (await listAll(world.as('nbManager'), a.milestones)).find((x) => x.id === m.id);
      assert.ok(nimbus, 'Nimbus lists it');
      assert.equal(nimbus.objective_id, null);
      assert.equal(nimbus.objective_title, null);
    });

    it('GET /plan: the same; the objective is only in Helix\'s plan', async () => {
      const helix = await getOk('phMember', a.plan);
      assert.deepEqual(ids(helix.objectives), [objective.id]);
      const hm = helix.milestones.find((x) => x.id === m.id);
      assert.equal(hm.objective_id, objective.id);
      assert.equal(hm.objective_title, 'Helix internal objective');
      const res = await world.as('nbManager').get(a.plan);
      expectStatus(res, 200);
      assert.deepEqual(res.body.objectives, []);
      const nm = res.body.milestones.find((x) => x.id === m.id);
      assert.equal(nm.objective_id, null);
      assert.equal(nm.objective_title, null);
      assert.ok(!res.text.includes(objective.id) && !res.text.includes('Helix internal objective'), res.text);
    });

    it('GET /plan/summary next_milestones: null for Nimbus, and, the summary being identical for every party, for Helix too', async () => {
      const res = await world.as('nbManager').get(a.summary);
      expectStatus(res, 200);
      assert.deepEqual(res.body.next_milestones.map((x) => x.id), [m.id]);
      assert.equal(res.body.next_milestones[0].objective_id, null);
      assert.equal(res.body.next_milestones[0].objective_title, null);
      assert.ok(!res.text.includes(objective.id) && !res.text.includes('Helix internal objective'), res.text);
      // plan-spec.md: the summary is "identical for every party: counts only alliance-visible records";
      // the objective is party-visible, so Helix's summary names it no more than Nimbus's does.
      const helix = await world.as('phMember').get(a.summary);
      expectStatus(helix, 200);
      assert.equal(helix.text, res.text, 'the summary is the same for Helix and Nimbus');
    });
  });

  describe('cycles are checked within what the caller sees', () => {
    let a;
    let objective;
    let h;
    let x;
    let p;

    before(async () => {
      a = await freshAlliance('Helix–Nimbus cycles');
      objective = await post('nbManager', a.objectives, { title: 'Shared cycle objective', horizon: 'short_term' });
      h = await milestone('phManager', a, { objective_id: objective.id, title: 'Helix hidden step', planned_date: day(50), visibility: 'party' });
      x = await milestone('phManager', a, { objective_id: objective.id, title: 'Helix shared step', planned_date: day(50), depends_on: [h.id] });
      p = await milestone('nbManager', a, { objective_id: objective.id, title: 'Nimbus shared step', planned_date: day(50) });
      const h2 = await patchOk('phManager', `${a.milestones}/${h.id}`, { depends_on: [p.id] });
      assert.deepEqual(h2.depends_on, [p.id]);
    });

    it('Nimbus makes P depend on X (X → H → P is hidden from it) → 200, depends_on [X], no hint of H', async () => {
      const before = await getOk('nbManager', `${a.milestones}/${p.id}`);
      const res = await world.as('nbManager').patch(`${a.milestones}/${p.id}`, { depends_on: [x.id] }, { ifMatch: before.version });
      expectStatus(res, 200, 'PATCH P depends_on [X] as nbManager');
      assert.deepEqual(res.body.depends_on, [x.id]);
      assert.ok(!res.text.includes(h.id) && !res.text.includes('Helix hidden step'), res.text);
      assert.deepEqual((await getOk('nbManager', `${a.milestones}/${p.id}`)).depends_on, [x.id]);
    });

    it('Helix, who sees the loop P → X → H → P, still gets its plan and its milestones', { timeout: 15_000 }, async () => {
      const plan = await getOk('phManager', a.plan);
      assert.deepEqual(ids(plan.milestones), ids([h, x, p]));
      assert.ok(Array.isArray(plan.critical_path), JSON.stringify(plan.critical_path));
      assert.deepEqual((await getOk('phManager', `${a.milestones}/${h.id}`)).depends_on, [p.id]);
      assert.deepEqual((await getOk('phManager', `${a.milestones}/${x.id}`)).depends_on, [h.id]);
      assert.deepEqual((await getOk('phManager', `${a.milestones}/${p.id}`)).depends_on, [x.id]);
      expectStatus(await world.as('phManager').get(a.summary), 200);
    });

    it('a cycle among milestones the caller sees is still 422, named with →', async () => {
      const q = await milestone('nbManager', a, { objective_id: objective.id, title: 'Nimbus follow-up', planned_date: day(50), depends_on: [p.id] });
      const before = snapshot();
      const cur = await getOk('nbManager', `${a.milestones}/${p.id}`);
      const res = await world.as('nbManager').patch(`${a.milestones}/${p.id}`, { depends_on: [x.id, q.id] }, { ifMatch: cur.version });
      const problem = expectValidation(res, 'depends_on');
      const e = problem.errors.find((err) => err.field === 'depends_on');
      const match = /would create a cycle: (.+)$/.exec(e.message);
      assert.ok(match, `the message names the cycle: "${e.message}"`);
      const chain = match[1].split(' → ');
      assert.equal(chain.length, 3, chain.join(' → '));
      assert.equal(chain[0], chain[2]);
      assert.deepEqual([...new Set(chain)].sort(), ['Nimbus follow-up', 'Nimbus shared step']);
      assert.ok(!res.text.includes(h.id) && !res.text.includes('Helix hidden step'), res.text);
      assert.deepEqual(snapshot(), before);
      assert.deepEqual(await getOk('nbManager', `${a.milestones}/${p.id}`), cur);
    });
  });

  describe('deleting an objective that only hidden milestones link to', () => {
    let a;

    before(async () => { a = await freshAlliance('Helix–Nimbus objective deletion'); });

    it('Nimbus deletes O → 204; Helix\'s party milestone M is kept without an objective; audited for Helix only', async () => {
      const o = await post('nbManager', a.objectives, { title: 'Nimbus shared objective', horizon: 'long_term' });
      const m = await milestone('phManager', a, { objective_id: o.id, title: 'Helix private milestone', planned_date: day(30), visibility: 'party' });
      const res = await world.as('nbManager').del(`${a.objectives}/${o.id}`);
      assert.equal(res.status, 204, `DELETE objective as nbManager: ${res.status} ${res.text}`);
      expectProblem(await world.as('nbManager').get(`${a.objectives}/${o.id}`), 404, 'not-found');

      const got = await getOk('phManager', `${a.milestones}/${m.id}`);
      assert.equal(got.objective_id, null);
      assert.equal(got.objective_title, null);

      const nimbus = await audit('nbManager', a);
      assert.ok(nimbus.some((e) => e.record_id === o.id && e.action === 'delete'), 'Nimbus sees the objective\'s deletion');
      assert.ok(!nimbus.some((e) => e.record_id === m.id), 'no event for M in Nimbus\'s audit');
      assert.ok(!JSON.stringify(nimbus).includes(m.id), 'M\'s id is nowhere in Nimbus\'s audit');
      assert.ok(!JSON.stringify(nimbus).includes('Helix private milestone'), 'M\'s title is nowhere in Nimbus\'s audit');

      const helix = await audit('phManager', a);
      const unlink = helix.filter((e) => e.record_id === m.id && e.action === 'update');
      assert.equal(unlink.length, 1, `one update event for M: ${JSON.stringify(helix.filter((e) => e.record_id === m.id))}`);
      assert.deepEqual(unlink[0].changes.objective_id, { before: o.id, after: null });
    });

    it('when the caller sees a linked milestone, DELETE of the objective is 409 and nothing changes', async () => {
      const o = await post('nbManager', a.objectives, { title: 'Objective with a shared milestone', horizon: 'long_term' });
      const hidden = await milestone('phManager', a, { objective_id: o.id, title: 'Helix private, linked', planned_date: day(30), visibility: 'party' });
      const shared = await milestone('phManager', a, { objective_id: o.id, title: 'Helix shared, linked', planned_date: day(30) });
      const before = snapshot();
      const oBefore = await getOk('nbManager', `${a.objectives}/${o.id}`);
      expectProblem(await world.as('nbManager').del(`${a.objectives}/${o.id}`), 409, 'conflict');
      assert.deepEqual(snapshot(), before);
      assert.deepEqual(await getOk('nbManager', `${a.objectives}/${o.id}`), oBefore);
      assert.equal((await getOk('phManager', `${a.milestones}/${shared.id}`)).objective_id, o.id);
      assert.equal((await getOk('phManager', `${a.milestones}/${hidden.id}`)).objective_id, o.id);
    });
  });

  describe('deleting a milestone that only hidden milestones depend on', () => {
    let a;
    let objective;

    before(async () => {
      a = await freshAlliance('Helix–Nimbus milestone deletion');
      objective = await post('nbManager', a.objectives, { title: 'Deletion objective', horizon: 'short_term' });
    });

    it('Nimbus deletes B → 204; Helix\'s party milestone D no longer depends on it', async () => {
      const b = await milestone('nbManager', a, { objective_id: objective.id, title: 'Nimbus base', planned_date: day(20) });
      const d = await milestone('phManager', a, { objective_id: objective.id, title: 'Helix private dependent', planned_date: day(40), depends_on: [b.id], visibility: 'party' });
      assert.deepEqual(d.depends_on, [b.id]);
      const res = await world.as('nbManager').del(`${a.milestones}/${b.id}`);
      assert.equal(res.status, 204, `DELETE milestone as nbManager: ${res.status} ${res.text}`);
      expectProblem(await world.as('nbManager').get(`${a.milestones}/${b.id}`), 404, 'not-found');
      assert.deepEqual((await getOk('phManager', `${a.milestones}/${d.id}`)).depends_on, []);
    });

    it('when the caller sees the dependent, DELETE is 409 and nothing changes', async () => {
      const b = await milestone('nbManager', a, { objective_id: objective.id, title: 'Nimbus base 2', planned_date: day(20) });
      const d = await milestone('phManager', a, { objective_id: objective.id, title: 'Helix shared dependent', planned_date: day(40), depends_on: [b.id] });
      const before = snapshot();
      expectProblem(await world.as('nbManager').del(`${a.milestones}/${b.id}`), 409, 'conflict');
      assert.deepEqual(snapshot(), before);
      expectStatus(await world.as('nbManager').get(`${a.milestones}/${b.id}`), 200);
      assert.deepEqual((await getOk('phManager', `${a.milestones}/${d.id}`)).depends_on, [b.id]);
    });
  });

  describe('editing a milestone whose stored dependency the caller no longer sees', () => {
    it('Nimbus edits P\'s title → 200 and sees depends_on []; Helix still sees P depend on Q', async () => {
      const a = await freshAlliance('Helix–Nimbus narrowed dependency');
      const objective = await post('nbManager', a.objectives, { title: 'Narrowing objective', horizon: 'short_term' });
      const q = await milestone('phManager', a, { objective_id: objective.id, title: 'Helix Q', planned_date: day(20) });
      const p = await milestone('nbManager', a, { objective_id: objective.id, title: 'Nimbus P', planned_date: day(40), depends_on: [q.id] });
      assert.deepEqual(p.depends_on, [q.id]);
      const q2 = await patchOk('phManager', `${a.milestones}/${q.id}`, { visibility: 'party' });
      assert.equal(q2.visibility, 'party');
      expectProblem(await world.as('nbManager').get(`${a.milestones}/${q.id}`), 404, 'not-found');

      const cur = await getOk('nbManager', `${a.milestones}/${p.id}`);
      assert.deepEqual(cur.depends_on, []);
      const res = await world.as('nbManager').patch(`${a.milestones}/${p.id}`, { title: 'Nimbus P renamed' }, { ifMatch: cur.version });
      expectStatus(res, 200, 'PATCH P title as nbManager');
      assert.equal(res.body.title, 'Nimbus P renamed');
      assert.deepEqual(res.body.depends_on, []);
      assert.ok(!res.text.includes(q.id), res.text);
      assert.deepEqual((await getOk('nbManager', `${a.milestones}/${p.id}`)).depends_on, []);

      const helix = await getOk('phManager', `${a.milestones}/${p.id}`);
      assert.equal(helix.title, 'Nimbus P renamed');
      assert.deepEqual(helix.depends_on, [q.id], 'the hidden dependency was kept');
    });
  });

  describe('audit scope of an update is the intersection of before and after', () => {
    it('a restricted KPI (reader nbManager) narrowed to party: Nimbus\'s audit has no event of that update', async () => {
      const a = await freshAlliance('Helix–Nimbus audit scope');
      const kpi = await post('phManager', a.kpis, { name: 'Helix enrolment KPI', unit: 'patients', direction: 'higher_is_better',
        indicator: 'leading', target: 40, cadence: 'monthly', visibility: 'restricted', readers: [world.person('nbManager').id] });
      expectStatus(await world.as('nbManager').get(`${a.kpis}/${kpi.id}`), 200);
      const updated = await patchOk('phManager', `${a.kpis}/${kpi.id}`, { visibility: 'party', description: 'Helix internal' });
      assert.equal(updated.visibility, 'party');
      assert.equal(updated.description, 'Helix internal');
      expectProblem(await world.as('nbManager').get(`${a.kpis}/${kpi.id}`), 404, 'not-found');

      const helix = await audit('phManager', a);
      assert.ok(helix.some((e) => e.record_id === kpi.id && e.action === 'update' && e.changes?.description?.after === 'Helix internal'),
        `Helix's audit has the update: ${JSON.stringify(helix.filter((e) => e.record_id === kpi.id))}`);

      const nimbus = await audit('nbManager', a);
      const leaks = nimbus.filter((e) => JSON.stringify(e.changes ?? {}).includes('Helix internal'));
      assert.deepEqual(leaks, [], 'no event in Nimbus\'s audit mentions "Helix internal"');
      const updates = nimbus.filter((e) => e.record_id === kpi.id && e.action === 'update');
      assert.deepEqual(updates, [], 'no event for the KPI\'s update in Nimbus\'s audit');
    });
  });

  describe('values of a restricted KPI', () => {
    it('a manager of the owner party deletes a reader\'s value (204); a viewer reader cannot (403); a non-reader gets 404', async () => {
      const a = await freshAlliance('Helix–Nimbus restricted KPI values');
      const kPath = a.kpis;
      // phViewer is a reader so that its refusal is "visible but not allowed" (403), not "invisible" (404).
      const kpi = await post('phManager', kPath, { name: 'Helix restricted KPI', unit: 'sites', direction: 'higher_is_better',
        indicator: 'leading', target: 10, cadence: 'monthly', visibility: 'restricted',
        readers: [world.person('phMember').id, world.person('phViewer').id] });
      const addValue = (value) => post('phMember', `${kPath}/${kpi.id}/values`, { measured_on: day(-1), value });

      const v1 = await addValue(3);
      let res = await world.as('phManager').del(`${kPath}/${kpi.id}/values/${v1.id}`);
      assert.equal(res.status, 204, `DELETE value as phManager: ${res.status} ${res.text}`);
      const left = await listAll(world.as('phMember'), `${kPath}/${kpi.id}/values`);
      assert.ok(!left.some((v) => v.id === v1.id), 'the value is gone');

      const v2 = await addValue(4);
      const before = snapshot();
      expectProblem(await world.as('phViewer').del(`${kPath}/${kpi.id}/values/${v2.id}`), 403, 'forbidden');
      assert.deepEqual(snapshot(), before);

      const v3 = await addValue(5);
      const before3 = snapshot();
      expectProblem(await world.as('nbManager').del(`${kPath}/${kpi.id}/values/${v3.id}`), 404, 'not-found');
      assert.deepEqual(snapshot(), before3);
      const all = await listAll(world.as('phMember'), `${kPath}/${kpi.id}/values`);
      assert.deepEqual(ids(all), [v2.id, v3.id].sort());
    });
  });

  describe('audit of an approval reset', () => {
    it('editing the title of an approved external communication: an update event with approvals before [Helix\'s decision] and after []', async () => {
      const a = await freshAlliance('Helix–Nimbus approval reset');
      const c = await post('phMember', a.communications, { category: 'external', kind: 'press_release', title: 'Pilot announced',
        description: 'Draft press release.', audience: 'Trade press', planned_date: day(45) });
      let res = await world.as('phManager').post(`${a.communications}/${c.id}/decision`, { decision: 'approve' }, { ifMatch: c.version });
      expectStatus(res, 200, 'approve as phManager');
      const approved = res.body;
      const helixDecision = approved.approvals.find((x) => x.organization_id === world.orgIds.helix);
      assert.equal(helixDecision.decision, 'approved');

      res = await world.as('phMember').patch(`${a.communications}/${c.id}`, { title: 'Pilot announced (v2)' }, { ifMatch: approved.version });
      expectStatus(res, 200, 'PATCH title as phMember');
      assert.ok(res.body.approvals.every((x) => x.decision === 'pending'), JSON.stringify(res.body.approvals));

      for (const key of ['phManager', 'nbManager']) {
        const events = (await audit(key, a)).filter((e) => e.record_id === c.id && e.action === 'update');
        const reset = events.find((e) => e.changes && e.changes.title);
        assert.ok(reset, `${key}: an update event for the title change: ${JSON.stringify(events)}`);
        assert.deepEqual(reset.changes.title, { before: 'Pilot announced', after: 'Pilot announced (v2)' });
        assert.ok(reset.changes.approvals, `${key}: the update names approvals: ${JSON.stringify(reset.changes)}`);
        const { before, after } = reset.changes.approvals;
        assert.deepEqual(before, [{ organization_id: world.orgIds.helix, decision: 'approved' }], `${key}: before lists Helix's decision`);
        assert.deepEqual(after, []);
      }
    });
  });
});
