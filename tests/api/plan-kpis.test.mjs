// Plan KPIs and their values: create, read, list, update, delete; the RAG status from the latest
// value (higher_is_better / lower_is_better, with and without thresholds); the values list and the
// sparkline; who may add and delete values; bad input that changes nothing.
// The contract is /work/plan-spec.md ("KPIs").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, ORGS } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { UUID7, INSTANT, NO_SUCH_ID, stale, today, day, readerIds, ids, SHARED_FIELDS, PLAN_TABLES, expectShared } from '../support/plan.mjs';

const KPI_FIELDS = ['id', 'alliance_id', 'name', 'description', 'unit', 'direction', 'indicator', 'target',
  'amber_threshold', 'red_threshold', 'cadence', 'data_source', 'party_id', 'party_name', 'responsible_user_id',
  'responsible_user_name', 'latest', 'status', 'values'];
const VALUE_FIELDS = ['id', 'measured_on', 'value', 'note', 'entered_by', 'entered_by_name', 'created_at'];

describe('plan KPIs', () => {
  let world;
  let server;
  let id;
  let kPath;

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
    kPath = `${API}/alliances/${id}/kpis`;
  });
  after(async () => { await world?.stop(); });

  const snapshot = () => Object.fromEntries(PLAN_TABLES.map((t) => [t, server.count(t)]));
  const kpiBody = (over = {}) => ({ name: 'Patients enrolled', unit: 'patients', direction: 'higher_is_better', indicator: 'leading',
    target: 40, cadence: 'monthly', ...over });
  async function createKpi(key, over) {
    const res = await world.as(key).post(kPath, kpiBody(over));
    expectStatus(res, 201, `create KPI as ${key}`);
    return res.body;
  }
  async function getKpi(key, k) {
    const res = await world.as(key).get(`${kPath}/${k.id ?? k}`);
    expectStatus(res, 200);
    return res.body;
  }
  async function addValue(key, k, measuredOn, value, note) {
    const body = { measured_on: measuredOn, value };
    if (note !== undefined) body.note = note;
    const res = await world.as(key).post(`${kPath}/${k.id}/values`, body);
    expectStatus(res, 201, `value ${value} on ${measuredOn} as ${key}`);
    return res.body;
  }

  describe('create and read', () => {
    let full;

    it('POST with every field → 201, every field, no data yet, and ETag', async () => {
      const res = await world.as('nbMember').post(kPath, {
        name: 'Patients enrolled per month', description: 'Across all active sites.', unit: 'patients',
        direction: 'higher_is_better', indicator: 'leading', target: 40, amber_threshold: 30, red_threshold: 20,
        cadence: 'monthly', data_source: 'Site monitoring report', party_id: world.orgIds.helix,
        responsible_user_id: world.person('phMember').id, visibility: 'alliance',
      });
      expectStatus(res, 201);
      full = res.body;
      assert.deepEqual(Object.keys(full).sort(), [...KPI_FIELDS, ...SHARED_FIELDS].sort());
      expectShared(world, full, { allianceId: id, author: 'nbMember' });
      assert.equal(full.name, 'Patients enrolled per month');
      assert.equal(full.description, 'Across all active sites.');
      assert.equal(full.unit, 'patients');
      assert.equal(full.direction, 'higher_is_better');
      assert.equal(full.indicator, 'leading');
      assert.equal(full.target, 40);
      assert.equal(full.amber_threshold, 30);
      assert.equal(full.red_threshold, 20);
      assert.equal(full.cadence, 'monthly');
      assert.equal(full.data_source, 'Site monitoring report');
      assert.equal(full.party_id, world.orgIds.helix);
      assert.equal(full.party_name, 'Helix Pharma');
      assert.equal(full.responsible_user_id, world.person('phMember').id);
      assert.equal(full.responsible_user_name, world.person('phMember').name);
      assert.equal(full.latest, null);
      assert.equal(full.status, 'no_data');
      assert.deepEqual(full.values, []);
      assert.equal(res.headers.get('etag'), `"${full.version}"`);
    });

    it('POST with the required fields only: the defaults; fractional numbers are kept', async () => {
      const k = await createKpi('phMember', { name: 'Screen failure rate', unit: '%', direction: 'lower_is_better', indicator: 'lagging', target: 2.5, cadence: 'once' });
      expectShared(world, k, { allianceId: id, author: 'phMember' });
      assert.equal(k.description, '');
      assert.equal(k.data_source, '');
      assert.equal(k.target, 2.5);
      assert.equal(k.amber_threshold, null);
      assert.equal(k.red_threshold, null);
      assert.equal(k.party_id, world.orgIds.helix);
      assert.equal(k.party_name, 'Helix Pharma');
      assert.equal(k.responsible_user_id, null);
      assert.equal(k.responsible_user_name, null);
      assert.equal(k.latest, null);
      assert.equal(k.status, 'no_data');
      assert.deepEqual(k.values, []);
    });

    it('GET one returns the same record with its ETag, to both parties', async () => {
      for (const key of ['phViewer', 'nbManager', 'phExec']) {
        const res = await world.as(key).get(`${kPath}/${full.id}`);
        expectStatus(res, 200);
        assert.deepEqual(res.body, full);
        assert.equal(res.headers.get('etag'), `"${full.version}"`);
      }
    });

    it('every cadence, direction and indicator is accepted', async () => {
      for (const cadence of ['weekly', 'monthly', 'quarterly', 'annually', 'once']) {
        assert.equal((await createKpi('phMember', { name: `Cadence ${cadence}`, cadence })).cadence, cadence);
      }
      const k = await createKpi('nbManager', { name: 'Device returns', direction: 'lower_is_better', indicator: 'lagging', target: 0, unit: 'devices' });
      assert.equal(k.direction, 'lower_is_better');
      assert.equal(k.indicator, 'lagging');
      assert.equal(k.target, 0);
      assert.equal(k.party_id, world.orgIds.nimbus);
    });

    it('a KPI is only reachable under its own alliance; an unknown id is 404', async () => {
      const other = await world.createAlliance('phManager');
      expectProblem(await world.as('phManager').get(`${API}/alliances/${other.id}/kpis/${full.id}`), 404, 'not-found');
      expectProblem(await world.as('phManager').get(`${kPath}/${NO_SUCH_ID}`), 404, 'not-found');
      expectProblem(await world.as('phManager').get(`${kPath}/${NO_SUCH_ID}/values`), 404, 'not-found');
    });
  });

  describe('status from the latest value', () => {
    // [what, thresholds, [[value, expected status], …]] — each value is measured a day after the one before
    const PROFILES = [
      ['higher is better, amber and red thresholds', { direction: 'higher_is_better', target: 40, amber_threshold: 30, red_threshold: 20 },
        [[45, 'green'], [40, 'green'], [35, 'amber'], [30, 'amber'], [21, 'amber'], [20, 'red'], [10, 'red'], [40.5, 'green']]],
      ['lower is better, amber and red thresholds', { direction: 'lower_is_better', target: 5, amber_threshold: 8, red_threshold: 12 },
        [[4, 'green'], [5, 'green'], [8, 'amber'], [10, 'amber'], [12, 'red'], [15, 'red'], [0, 'green']]],
      ['higher is better, amber only', { direction: 'higher_is_better', target: 40, amber_threshold: 30 },
        [[30, 'amber'], [29, 'red'], [41, 'green']]],
      ['lower is better, amber only', { direction: 'lower_is_better', target: 5, amber_threshold: 8 },
        [[8, 'amber'], [9, 'red'], [5, 'green']]],
      ['higher is better, red only', { direction: 'higher_is_better', target: 40, red_threshold: 20 },
        [[25, 'amber'], [20, 'red'], [19, 'red'], [40, 'green']]],
      ['lower is better, red only', { direction: 'lower_is_better', target: 5, red_threshold: 12 },
        [[11, 'amber'], [12, 'red'], [6, 'amber']]],
      ['higher is better, no thresholds', { direction: 'higher_is_better', target: 40 },
        [[39, 'red'], [40, 'green'], [39.99, 'red']]],
      ['lower is better, no thresholds', { direction: 'lower_is_better', target: 5 },
        [[6, 'red'], [5, 'green'], [-1, 'green']]],
    ];
    for (const [what, thresholds, steps] of PROFILES) {
      it(what, async () => {
        const k = await createKpi('phMember', { name: `RAG: ${what}`, ...thresholds });
        assert.equal(k.status, 'no_data');
        let n = -steps.length;
        for (const [value, status] of steps) {
          const measured = day(n++);
          await addValue('phMember', k, measured, value);
          const got = await getKpi('nbMember', k);
          assert.deepEqual(got.latest, { measured_on: measured, value }, `latest after ${value}`);
          assert.equal(got.status, status, `${what}: value ${value}`);
        }
      });
    }

    it('the latest measured_on wins, then the latest entered', async () => {
      const k = await createKpi('phMember', { name: 'Latest wins', target: 40, amber_threshold: 30, red_threshold: 20 });
      await addValue('phMember', k, day(-10), 45);
      let got = await getKpi('phMember', k);
      assert.equal(got.status, 'green');
      await addValue('phMember', k, day(-20), 10);
      got = await getKpi('phMember', k);
      assert.deepEqual(got.latest, { measured_on: day(-10), value: 45 }, 'an older measurement entered later does not win');
      assert.equal(got.status, 'green');
      await addValue('nbMember', k, day(-10), 10);
      got = await getKpi('phMember', k);
      assert.deepEqual(got.latest, { measured_on: day(-10), value: 10 }, 'on the same day, the one entered last wins');
      assert.equal(got.status, 'red');
      await addValue('phMember', k, day(0), 35);
      got = await getKpi('phMember', k);
      assert.deepEqual(got.latest, { measured_on: day(0), value: 35 });
      assert.equal(got.status, 'amber');
    });

    it('changing the target or thresholds recomputes the status', async () => {
      let k = await createKpi('phMember', { name: 'Recomputed', target: 40 });
      await addValue('phMember', k, day(-1), 35);
      k = await getKpi('phMember', k);
      assert.equal(k.status, 'red');
      let res = await world.as('phMember').patch(`${kPath}/${k.id}`, { amber_threshold: 30 }, { ifMatch: k.version });
      expectStatus(res, 200);
      assert.equal(res.body.status, 'amber');
      res = await world.as('phMember').patch(`${kPath}/${k.id}`, { target: 35 }, { ifMatch: res.body.version });
      expectStatus(res, 200);
      assert.equal(res.body.status, 'green');
      res = await world.as('phMember').patch(`${kPath}/${k.id}`, { direction: 'lower_is_better', target: 20, amber_threshold: 30, red_threshold: 34 }, { ifMatch: res.body.version });
      expectStatus(res, 200);
      assert.equal(res.body.status, 'red');
    });

    it('the list filters by status and indicator', async () => {
      const all = await listAll(world.as('phManager'), kPath);
      for (const status of ['green', 'amber', 'red', 'no_data']) {
        const items = await listAll(world.as('phManager'), `${kPath}?status=${status}`);
        assert.deepEqual(ids(items), ids(all.filter((k) => k.status === status)), `status=${status}`);
        assert.ok(items.length > 0, `some ${status} KPI`);
      }
      for (const indicator of ['leading', 'lagging']) {
        const items = await listAll(world.as('phManager'), `${kPath}?indicator=${indicator}`);
        assert.deepEqual(ids(items), ids(all.filter((k) => k.indicator === indicator)), `indicator=${indicator}`);
      }
      const paged = await listAll(world.as('phManager'), kPath, { limit: 4 });
      assert.deepEqual(paged.map((k) => k.id), all.map((k) => k.id));
      for (const q of ['status=purple', 'indicator=coincident']) {
        const res = await world.as('phManager').get(`${kPath}?${q}`);
        assert.ok([400, 422].includes(res.status), `${q}: ${res.status}`);
      }
    });
  });

  describe('values', () => {
    let k;
    before(async () => {
      k = await createKpi('phMember', { name: 'Sites activated', unit: 'sites', target: 10, amber_threshold: 6, cadence: 'weekly' });
    });

    it('POST → 201 with every field of the value; the KPI\'s version goes up', async () => {
      const before = await getKpi('phMember', k);
      const res = await world.as('phMember').post(`${kPath}/${k.id}/values`, { measured_on: day(-3), value: 7, note: 'Two sites in Lyon' });
      expectStatus(res, 201);
      const v = res.body;
      assert.deepEqual(Object.keys(v).sort(), [...VALUE_FIELDS].sort());
      assert.match(v.id, UUID7);
      assert.equal(v.measured_on, day(-3));
      assert.equal(v.value, 7);
      assert.equal(v.note, 'Two sites in Lyon');
      assert.equal(v.entered_by, world.person('phMember').id);
      assert.equal(v.entered_by_name, world.person('phMember').name);
      assert.match(v.created_at, INSTANT);
      const after = await getKpi('phMember', k);
      assert.ok(after.version > before.version, 'the KPI\'s version is bumped');
      assert.deepEqual(after.values, [v]);
      assert.deepEqual(after.latest, { measured_on: day(-3), value: 7 });
      assert.equal(after.status, 'amber');
    });

    it('a value measured today, without a note, by the partner\'s member', async () => {
      const v = await addValue('nbMember', k, day(0), 10);
      assert.ok(v.note === null || v.note === '', `note ${v.note}`);
      assert.equal(v.entered_by, world.person('nbMember').id);
      assert.equal((await getKpi('phViewer', k)).status, 'green');
    });

    it('viewers and executives 403, outsiders 404, signed out 401; nothing written', async () => {
      const before = snapshot();
      const body = { measured_on: day(-1), value: 3 };
      for (const key of ['phViewer', 'phExec']) expectProblem(await world.as(key).post(`${kPath}/${k.id}/values`, body), 403, 'forbidden');
      for (const key of ['outsider', 'phBystander']) {
        expectProblem(await world.as(key).post(`${kPath}/${k.id}/values`, body), 404, 'not-found');
        expectProblem(await world.as(key).get(`${kPath}/${k.id}/values`), 404, 'not-found');
      }
      expectProblem(await world.anon().post(`${kPath}/${k.id}/values`, body), 401, 'unauthenticated');
      expectProblem(await world.anon().get(`${kPath}/${k.id}/values`), 401, 'unauthenticated');
      assert.deepEqual(snapshot(), before);
    });

    const BAD = [
      ['a measured_on in the future', () => ({ measured_on: day(1), value: 3 }), 'measured_on'],
      ['an impossible measured_on', () => ({ measured_on: '2026-13-01', value: 3 }), 'measured_on'],
      ['a measured_on in another format', () => ({ measured_on: '01.03.2026', value: 3 }), 'measured_on'],
      ['a missing measured_on', () => ({ value: 3 }), 'measured_on'],
      ['a value as a string', () => ({ measured_on: day(-1), value: '3' }), 'value'],
      ['a missing value', () => ({ measured_on: day(-1) }), 'value'],
      ['a null value', () => ({ measured_on: day(-1), value: null }), 'value'],
      ['a note over 1000 characters', () => ({ measured_on: day(-1), value: 3, note: 'n'.repeat(1001) }), 'note'],
      ['a note of the wrong type', () => ({ measured_on: day(-1), value: 3, note: 5 }), 'note'],
      ['an unknown field', () => ({ measured_on: day(-1), value: 3, source: 'EDC' }), 'source'],
    ];
    for (const [what, body, field] of BAD) {
      it(`422 for ${what}; nothing written, the KPI unchanged`, async () => {
        const before = snapshot();
        const cur = await getKpi('phMember', k);
        expectValidation(await world.as('phMember').post(`${kPath}/${k.id}/values`, body()), field);
        assert.deepEqual(snapshot(), before);
        assert.deepEqual(await getKpi('phMember', k), cur);
      });
    }

    it('a value that is not a finite number (1e999) is refused', async () => {
      const before = snapshot();
      const res = await world.as('phMember').request('POST', `${kPath}/${k.id}/values`, { raw: `{"measured_on":"${day(-1)}","value":1e999}` });
      assert.ok([400, 422].includes(res.status), `${res.status} ${res.text}`);
      expectProblem(res, res.status);
      assert.deepEqual(snapshot(), before);
    });

    it('GET values: newest first, paged; the KPI carries the last 24, oldest first', async () => {
      const s = await createKpi('phMember', { name: 'Sparkline', target: 100 });
      const made = [];
      for (let i = 30; i >= 5; i--) made.push(await addValue('phMember', s, day(-i), 100 - i));
      const all = await listAll(world.as('nbMember'), `${kPath}/${s.id}/values`);
      assert.deepEqual(all.map((v) => v.measured_on), made.map((v) => v.measured_on).reverse(), 'newest first');
      const paged = await listAll(world.as('nbMember'), `${kPath}/${s.id}/values`, { limit: 5 });
      assert.deepEqual(paged.map((v) => v.id), all.map((v) => v.id));
      const first = await world.as('nbMember').get(`${kPath}/${s.id}/values?limit=5`);
      assert.equal(first.body.items.length, 5);
      assert.equal(typeof first.body.next_cursor, 'string');
      for (const v of all) assert.deepEqual(Object.keys(v).sort(), [...VALUE_FIELDS].sort());
      const got = await getKpi('nbMember', s);
      assert.equal(got.values.length, 24);
      assert.deepEqual(got.values.map((v) => v.measured_on), made.slice(-24).map((v) => v.measured_on), 'the last 24, oldest first');
      assert.deepEqual(got.values.at(-1), all[0]);
      assert.deepEqual(got.latest, { measured_on: day(-5), value: 95 });
    });

    it('DELETE a value: its author or a manager of the KPI\'s owner party (204); others 403', async () => {
      const byPartner = await addValue('nbMember', k, day(-2), 8);
      const byMember = await addValue('phMember', k, day(-2), 9);
      const before = snapshot();
      for (const key of ['nbManager', 'phViewer', 'phExec']) {
        expectProblem(await world.as(key).del(`${kPath}/${k.id}/values/${byPartner.id}`), 403, 'forbidden');
      }
      expectProblem(await world.as('nbManager').del(`${kPath}/${k.id}/values/${byMember.id}`), 403, 'forbidden');
      expectProblem(await world.as('outsider').del(`${kPath}/${k.id}/values/${byMember.id}`), 404, 'not-found');
      assert.deepEqual(snapshot(), before);
      let res = await world.as('nbMember').del(`${kPath}/${k.id}/values/${byPartner.id}`);
      assert.equal(res.status, 204, res.text);
      res = await world.as('phManager').del(`${kPath}/${k.id}/values/${byMember.id}`);
      assert.equal(res.status, 204, res.text);
      assert.equal(server.count('kpi_values'), before.kpi_values - 2);
      expectProblem(await world.as('phManager').del(`${kPath}/${k.id}/values/${byMember.id}`), 404, 'not-found');
      expectProblem(await world.as('phManager').del(`${kPath}/${k.id}/values/${NO_SUCH_ID}`), 404, 'not-found');
      const values = await listAll(world.as('phMember'), `${kPath}/${k.id}/values`);
      assert.ok(!values.some((v) => v.id === byPartner.id || v.id === byMember.id));
    });

    it('a value is only reachable under its own KPI', async () => {
      const other = await createKpi('phMember', { name: 'Other KPI' });
      const v = await addValue('phMember', other, day(-1), 1);
      const before = snapshot();
      expectProblem(await world.as('phMember').del(`${kPath}/${k.id}/values/${v.id}`), 404, 'not-found');
      assert.deepEqual(snapshot(), before);
    });

    it('deleting the only value brings back no_data', async () => {
      const x = await createKpi('phMember', { name: 'One value only' });
      const v = await addValue('phMember', x, day(-1), 50);
      assert.equal((await getKpi('phMember', x)).status, 'green');
      assert.equal((await world.as('phMember').del(`${kPath}/${x.id}/values/${v.id}`)).status, 204);
      const got = await getKpi('phMember', x);
      assert.equal(got.status, 'no_data');
      assert.equal(got.latest, null);
      assert.deepEqual(got.values, []);
    });
  });

  describe('validation (422, nothing written)', () => {
    const CASES = [
      ['a missing name', { name: undefined }, 'name'],
      ['an empty name', { name: '' }, 'name'],
      ['a name of the wrong type', { name: 12 }, 'name'],
      ['a missing unit', { unit: undefined }, 'unit'],
      ['a missing direction', { direction: undefined }, 'direction'],
      ['an unknown direction', { direction: 'up' }, 'direction'],
      ['a missing indicator', { indicator: undefined }, 'indicator'],
      ['an unknown indicator', { indicator: 'coincident' }, 'indicator'],
      ['a missing target', { target: undefined }, 'target'],
      ['a target as a string', { target: '40' }, 'target'],
      ['a null target', { target: null }, 'target'],
      ['a target of the wrong type', { target: true }, 'target'],
      ['a missing cadence', { cadence: undefined }, 'cadence'],
      ['an unknown cadence', { cadence: 'daily' }, 'cadence'],
      ['a data source over 200 characters', { data_source: 'x'.repeat(201) }, 'data_source'],
      ['a data source of the wrong type', { data_source: 7 }, 'data_source'],
      ['a threshold of the wrong type', { amber_threshold: 'thirty' }, 'amber_threshold'],
      ['higher is better: red above amber', { amber_threshold: 30, red_threshold: 35 }, 'thresholds'],
      ['higher is better: amber above the target', { amber_threshold: 45, red_threshold: 20 }, 'thresholds'],
      ['higher is better: red above the target (no amber)', { red_threshold: 50 }, 'thresholds'],
      ['lower is better: red below amber', { direction: 'lower_is_better', target: 5, amber_threshold: 8, red_threshold: 6 }, 'thresholds'],
      ['lower is better: amber below the target', { direction: 'lower_is_better', target: 5, amber_threshold: 3 }, 'thresholds'],
      ['a responsible party that is not a party', (w) => ({ party_id: w.orgIds.outsider }), 'party_id'],
      ['a responsible person outside the alliance', (w) => ({ responsible_user_id: w.person('phBystander').id }), 'responsible_user_id'],
      ['a responsible person of the other party', (w) => ({ party_id: w.orgIds.nimbus, responsible_user_id: w.person('phMember').id }), 'responsible_user_id'],
      ['a bad visibility', { visibility: 'secret' }, 'visibility'],
      ['readers with party visibility', (w) => ({ visibility: 'party', readers: [w.person('phViewer').id] }), 'readers'],
      ['an unknown field', { weight: 3 }, 'weight'],
      ['a computed field (status)', { status: 'green' }, 'status'],
    ];
    for (const [what, over, field] of CASES) {
      it(`422 for ${what}`, async () => {
        const before = snapshot();
        const res = await world.as('phMember').post(kPath, kpiBody(typeof over === 'function' ? over(world) : over));
        if (field === 'thresholds') {
          const p = expectValidation(res);
          assert.ok(p.errors.some((e) => ['target', 'amber_threshold', 'red_threshold'].includes(e.field)), JSON.stringify(p.errors));
        } else {
          expectValidation(res, field);
        }
        assert.deepEqual(snapshot(), before);
      });
    }

    it('a target that is not a finite number (1e999) is refused', async () => {
      const before = snapshot();
      const text = JSON.stringify(kpiBody({ target: 12345 })).replace('12345', '1e999');
      const res = await world.as('phMember').request('POST', kPath, { raw: text });
      assert.ok([400, 422].includes(res.status), `${res.status} ${res.text}`);
      assert.deepEqual(snapshot(), before);
    });
  });

  describe('update, visibility and delete', () => {
    let k;
    before(async () => {
      k = await createKpi('phMember', { name: 'Query resolution time', unit: 'days', direction: 'lower_is_better', indicator: 'lagging', target: 5, amber_threshold: 8, red_threshold: 12 });
    });

    it('the author updates every field with If-Match: 200, new version and ETag', async () => {
      const res = await world.as('phMember').patch(`${kPath}/${k.id}`, {
        name: 'Median query resolution time', description: 'Working days.', unit: 'working days', direction: 'lower_is_better',
        indicator: 'leading', target: 4, amber_threshold: 6, red_threshold: 10, cadence: 'weekly', data_source: 'CRO query log',
        party_id: world.orgIds.nimbus,
        responsible_user_id: world.person('nbMember').id,
      }, { ifMatch: k.version });
      expectStatus(res, 200);
      const x = res.body;
      assert.equal(x.name, 'Median query resolution time');
      assert.equal(x.description, 'Working days.');
      assert.equal(x.unit, 'working days');
      assert.equal(x.indicator, 'leading');
      assert.equal(x.target, 4);
      assert.equal(x.amber_threshold, 6);
      assert.equal(x.red_threshold, 10);
      assert.equal(x.cadence, 'weekly');
      assert.equal(x.data_source, 'CRO query log');
      assert.equal(x.party_id, world.orgIds.nimbus);
      assert.equal(x.party_name, 'Nimbus Health');
      assert.equal(x.responsible_user_name, world.person('nbMember').name);
      assert.equal(x.owner_organization_id, world.orgIds.helix);
      assert.ok(x.version > k.version);
      assert.equal(res.headers.get('etag'), `"${x.version}"`);
      const cleared = await world.as('phMember').patch(`${kPath}/${k.id}`, { amber_threshold: null, red_threshold: null, responsible_user_id: null }, { ifMatch: x.version });
      expectStatus(cleared, 200);
      assert.equal(cleared.body.amber_threshold, null);
      assert.equal(cleared.body.red_threshold, null);
      assert.equal(cleared.body.responsible_user_id, null);
      k = cleared.body;
    });

    it('missing If-Match → 428, stale → 412, invalid → 422 (also thresholds out of order with the stored ones); nothing changes', async () => {
      const before = snapshot();
      const path = `${kPath}/${k.id}`;
      const withThresholds = await world.as('phMember').patch(path, { amber_threshold: 6, red_threshold: 10 }, { ifMatch: k.version });
      expectStatus(withThresholds, 200);
      k = withThresholds.body;
      const snap = snapshot();
      expectProblem(await world.as('phMember').patch(path, { target: 3 }), 428, 'precondition-required');
      expectProblem(await world.as('phMember').patch(path, { target: 3 }, { ifMatch: stale(k.version) }), 412, 'stale');
      const p = expectValidation(await world.as('phMember').patch(path, { red_threshold: 5 }, { ifMatch: k.version }));
      assert.ok(p.errors.some((e) => ['target', 'amber_threshold', 'red_threshold'].includes(e.field)), JSON.stringify(p.errors));
      expectValidation(await world.as('phMember').patch(path, { target: 'four' }, { ifMatch: k.version }), 'target');
      expectValidation(await world.as('phMember').patch(path, { cadence: 'hourly' }, { ifMatch: k.version }), 'cadence');
      expectValidation(await world.as('phMember').patch(path, { latest: null }, { ifMatch: k.version }), 'latest');
      assert.deepEqual(await getKpi('phMember', k), k);
      assert.deepEqual(snapshot(), snap);
      assert.ok(before);
    });

    it('the partner, viewers and executives may not change it (403); the owner party\'s manager may', async () => {
      const before = snapshot();
      for (const key of ['nbManager', 'nbMember', 'phViewer', 'phExec']) {
        expectProblem(await world.as(key).patch(`${kPath}/${k.id}`, { name: 'Hijack' }, { ifMatch: k.version }), 403, 'forbidden');
      }
      assert.deepEqual(snapshot(), before);
      const res = await world.as('phManager').patch(`${kPath}/${k.id}`, { description: 'Reviewed by the manager.' }, { ifMatch: k.version });
      expectStatus(res, 200);
      k = res.body;
    });

    it('a Helix party KPI is invisible to Nimbus (404, not listed) and visible to Helix', async () => {
      const p = await createKpi('phMember', { name: 'Helix internal cost per patient', visibility: 'party' });
      expectStatus(await world.as('phViewer').get(`${kPath}/${p.id}`), 200);
      for (const key of ['nbManager', 'nbMember']) {
        expectProblem(await world.as(key).get(`${kPath}/${p.id}`), 404, 'not-found');
        expectProblem(await world.as(key).get(`${kPath}/${p.id}/values`), 404, 'not-found');
        assert.ok(!(await listAll(world.as(key), kPath)).some((x) => x.id === p.id));
        assert.ok(!(await listAll(world.as(key), `${kPath}?status=no_data`)).some((x) => x.id === p.id));
      }
      const r = await createKpi('phMember', { name: 'Shared with Gideon', visibility: 'restricted', readers: [world.person('nbMember').id] });
      expectShared(world, r, { allianceId: id, author: 'phMember', visibility: 'restricted', readers: ['nbMember'] });
      expectStatus(await world.as('nbMember').get(`${kPath}/${r.id}`), 200);
      expectProblem(await world.as('nbManager').get(`${kPath}/${r.id}`), 404, 'not-found');
    });

    it('DELETE: viewers and the partner 403; the author 204 and its values go too; then 404', async () => {
      const x = await createKpi('phMember', { name: 'To be deleted' });
      for (const [i, v] of [[3, 10], [2, 20], [1, 30]]) await addValue('phMember', x, day(-i), v);
      const before = snapshot();
      for (const key of ['phViewer', 'nbManager']) expectProblem(await world.as(key).del(`${kPath}/${x.id}`), 403, 'forbidden');
      assert.deepEqual(snapshot(), before);
      const res = await world.as('phMember').del(`${kPath}/${x.id}`);
      assert.equal(res.status, 204, res.text);
      assert.equal(server.count('kpis'), before.kpis - 1);
      assert.equal(server.count('kpi_values'), before.kpi_values - 3);
      expectProblem(await world.as('phMember').get(`${kPath}/${x.id}`), 404, 'not-found');
      expectProblem(await world.as('phMember').get(`${kPath}/${x.id}/values`), 404, 'not-found');
      expectProblem(await world.as('phMember').del(`${kPath}/${x.id}`), 404, 'not-found');
    });
  });
});
