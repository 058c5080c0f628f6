// Alliances: create (validation), read (ETag), list (filters, sort, cursor pages), update
// (If-Match), archive/restore and the stage machine.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';

const STAGES = {
  scouting: ['evaluation', 'closed'],
  evaluation: ['due_diligence', 'scouting', 'closed'],
  due_diligence: ['negotiation', 'evaluation', 'closed'],
  negotiation: ['startup', 'due_diligence', 'closed'],
  startup: ['execution', 'terminated'],
  execution: ['renewal', 'wind_down', 'terminated'],
  renewal: ['execution', 'wind_down', 'terminated'],
  wind_down: ['closed', 'terminated'],
  closed: [],
  terminated: [],
};
const ALL_STAGES = Object.keys(STAGES);
const sorted = (a) => [...a].sort();
const partyOrg = (p) => (p && typeof p === 'object' ? p.organization_id : p);
// `actor` is "the user who made the transition": accept their id, their name, or {id, name}.
const isActor = (actor, person) => (actor && typeof actor === 'object'
  ? actor.id === person.id
  : actor === person.id || actor === person.name);

describe('alliances', () => {
  let world;
  let server;

  before(async () => {
    world = await buildWorld({ spares: { helix: 1 } });
    server = world.server;
  });
  after(async () => { await world?.stop(); });

  const counts = () => ({
    alliances: server.count('alliances'),
    parties: server.count('alliance_parties'),
    members: server.count('alliance_members'),
    audit: server.count('audit_events'),
  });

  describe('create', () => {
    it('creates an alliance: 201, caller is manager, stage scouting, ETag', async () => {
      const body = world.allianceBody({ name: 'Meridian Cardiology Programme', tier: 3, type: 'research_collaboration' });
      const res = await world.as('phManager').post(`${API}/alliances`, body);
      expectStatus(res, 201);
      const a = res.body;
      assert.match(a.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'UUIDv7 id');
      assert.equal(a.name, 'Meridian Cardiology Programme');
      assert.equal(a.type, 'research_collaboration');
      assert.equal(a.tier, 3);
      assert.deepEqual(a.therapeutic_areas, body.therapeutic_areas);
      assert.equal(a.territory, body.territory);
      assert.equal(a.description, body.description);
      assert.equal(a.stage, 'scouting');
      assert.equal(a.archived, false);
      assert.equal(a.my_role, 'manager');
      assert.equal(partyOrg(a.my_party), world.orgIds.helix);
      assert.ok(Number.isInteger(a.version));
      assert.match(a.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.match(a.updated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal(a.north_star.statement, body.north_star.statement);
      assert.equal(a.north_star.contributions.length, 2);
      const parties = Object.fromEntries(a.parties.map((p) => [p.organization_id, p]));
      const pick = (p) => p && { organization_id: p.organization_id, organization_name: p.organization_name, organization_type: p.organization_type, role: p.role };
      assert.equal(a.parties.length, 2);
      assert.deepEqual(pick(parties[world.orgIds.helix]), { organization_id: world.orgIds.helix, organization_name: 'Helix Pharma', organization_type: 'pharma', role: 'licensee' });
      assert.deepEqual(pick(parties[world.orgIds.nimbus]), { organization_id: world.orgIds.nimbus, organization_name: 'Nimbus Health', organization_type: 'startup', role: 'licensor' });
      assert.equal(res.headers.get('etag'), `"${a.version}"`);
      const members = await world.as('phManager').get(`${API}/alliances/${a.id}/members`);
      assert.deepEqual(members.body.items.map((m) => [m.user_id, m.role]), [[world.person('phManager').id, 'manager']]);
    });

    it('a given stage is the starting stage', async () => {
      const a = await world.createAlliance('phManager', { stage: 'negotiation' });
      assert.equal(a.stage, 'negotiation');
    });

    const INVALID = [
      ['only one party', (w) => ({ parties: [{ organization_id: w.orgIds.helix, role: 'lead' }] }), 'parties'],
      ['the same party twice', (w) => ({ parties: [{ organization_id: w.orgIds.helix, role: 'lead' }, { organization_id: w.orgIds.helix, role: 'member' }] }), 'parties'],
      ['caller\'s organisation not a party', (w) => ({ parties: [{ organization_id: w.orgIds.nimbus, role: 'lead' }, { organization_id: w.orgIds.outsider, role: 'member' }] }), 'parties'],
      ['an unknown organisation as party', (w) => ({ parties: [{ organization_id: w.orgIds.helix, role: 'lead' }, { organization_id: '01900000-0000-7000-8000-000000000000', role: 'member' }] }), 'parties'],
      ['bad party role', (w) => ({ parties: [{ organization_id: w.orgIds.helix, role: 'overlord' }, { organization_id: w.orgIds.nimbus, role: 'member' }] }), 'parties'],
      ['bad type enum', () => ({ type: 'merger' }), 'type'],
      ['bad stage enum', () => ({ stage: 'hibernation' }), 'stage'],
      ['unknown field', () => ({ colour: 'teal' }), 'colour'],
      ['over-long name', () => ({ name: 'N'.repeat(5000) }), 'name'],
      ['empty name', () => ({ name: '' }), 'name'],
      ['missing name', () => ({ name: undefined }), 'name'],
      ['name of the wrong type', () => ({ name: 42 }), 'name'],
      ['tier as a word', () => ({ tier: 'high' }), 'tier'],
      ['tier out of range', () => ({ tier: 7 }), 'tier'],
      ['therapeutic_areas not an array', () => ({ therapeutic_areas: 'oncology' }), 'therapeutic_areas'],
      ['parties not an array', () => ({ parties: 'everyone' }), 'parties'],
      ['north_star not an object', () => ({ north_star: 'be great' }), 'north_star'],
    ];
    for (const [what, override, field] of INVALID) {
      it(`422 for ${what}, nothing written`, async () => {
        const before = counts();
        const res = await world.as('phManager').post(`${API}/alliances`, world.allianceBody(override(world)));
        expectValidation(res, field);
        assert.deepEqual(counts(), before);
      });
    }

    it('a name of exactly 200 characters is fine (counted in characters, not bytes); 201 is not', async () => {
      const ok = await world.as('phManager').post(`${API}/alliances`, world.allianceBody({ name: 'é'.repeat(199) + '🧪' }));
      expectStatus(ok, 201, '200 non-ASCII characters');
      assert.equal(ok.body.name, 'é'.repeat(199) + '🧪', 'the name round-trips unchanged');
      const before = counts();
      expectValidation(await world.as('phManager').post(`${API}/alliances`, world.allianceBody({ name: 'n'.repeat(201) })), 'name');
      assert.deepEqual(counts(), before);
    });

    it('text round-trips exactly (quotes, backslashes, non-Latin scripts, emoji)', async () => {
      const description = 'Ünïcödé — "quoted" \\ back\\slash, 研究协作, Ελληνικά, 🧬🧪 and a\nnew line';
      const res = await world.as('phManager').post(`${API}/alliances`, world.allianceBody({ description, territory: 'Zürich & Genève' }));
      expectStatus(res, 201);
      const got = await world.getAlliance(res.body.id);
      assert.equal(got.description, description);
      assert.equal(got.territory, 'Zürich & Genève');
    });

    it('reports every invalid field at once', async () => {
      const res = await world.as('phManager').post(`${API}/alliances`, world.allianceBody({ type: 'merger', tier: 'high', name: '' }));
      expectValidation(res, 'type', 'tier', 'name');
    });
  });

  describe('read', () => {
    it('GET returns the alliance with ETag "<version>", my_role and my_party', async () => {
      const res = await world.as('nbMember').get(`${API}/alliances/${world.alliance.id}`);
      expectStatus(res, 200);
      assert.equal(res.body.id, world.alliance.id);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      assert.equal(res.body.my_role, 'member');
      assert.equal(partyOrg(res.body.my_party), world.orgIds.nimbus);
      assert.equal(res.body.my_party.organization_name, 'Nimbus Health');
    });

    it('an unknown (well-formed) id is 404', async () => {
      expectProblem(await world.as('phManager').get(`${API}/alliances/01900000-0000-7000-8000-000000000000`), 404, 'not-found');
    });
  });

  describe('list', () => {
    let lister;
    const made = {};
    let fillers = [];

    before(async () => {
      const spare = world.spares.helix[0];
      lister = await world.signInSpare(spare);
      const create = async (key, over) => {
        const res = await lister.post(`${API}/alliances`, world.allianceBody(over));
        expectStatus(res, 201, `create ${key}`);
        made[key] = res.body;
        return res.body;
      };
      const { nimbus, outsider, helix } = world.orgIds;
      const withOutsider = [{ organization_id: helix, role: 'lead' }, { organization_id: outsider, role: 'member' }];
      const ns = (o) => ({ statement: 'Shared goal', beneficiaries: 'Patients', contributions: [{ organization_id: helix, contribution: 'Money', expected_value: 'Data' }, { organization_id: o, contribution: 'Data', expected_value: 'Money' }] });
      await create('aurora', { name: 'Aurora Oncology Pact', type: 'research_collaboration', tier: 1 });
      await create('boreal', { name: 'Boreal Data Exchange', type: 'data_sharing', tier: 2, parties: withOutsider, north_star: ns(outsider) });
      await create('cobalt', { name: 'Cobalt Co-Promotion', type: 'co_commercialization', tier: 3, stage: 'evaluation' });
      await create('delta', { name: 'Delta Licensing Deal', type: 'in_licensing', tier: 1, parties: withOutsider, north_star: ns(outsider), stage: 'evaluation' });
      for (let i = 1; i <= 8; i++) await create(`filler${i}`, { name: `Zephyr Service ${String(i).padStart(2, '0')}`, type: 'service', tier: 3 });
      fillers = Object.keys(made).filter((k) => k.startsWith('filler')).map((k) => made[k].id);
      void nimbus;
    });

    const ids = (items) => sorted(items.map((a) => a.id));
    const expectSet = async (query, keys) => {
      const items = await listAll(lister, `${API}/alliances${query}`);
      assert.deepEqual(ids(items), sorted(keys.map((k) => (made[k] ? made[k].id : k))), `GET /alliances${query}`);
      return items;
    };

    it('lists only the caller\'s alliances, sorted by name by default', async () => {
      const items = await expectSet('', Object.keys(made));
      const names = items.map((a) => a.name);
      assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      for (const a of items) assert.equal(a.my_role, 'manager');
    });

    it('filters by stage, type, tier, party and q', async () => {
      await expectSet('?stage=evaluation', ['cobalt', 'delta']);
      await expectSet('?type=data_sharing', ['boreal']);
      await expectSet('?tier=1', ['aurora', 'delta']);
      await expectSet(`?party=${world.orgIds.outsider}`, ['boreal', 'delta']);
      await expectSet('?q=Cobalt', ['cobalt']);
      await expectSet('?q=cOBALT', ['cobalt']);
      await expectSet('?q=Zephyr%20Service%200', fillers);
      await expectSet('?type=service&tier=3', fillers);
      await expectSet('?stage=execution', []);
    });

    it('q is a plain substring: % and _ are not wildcards', async () => {
      await expectSet('?q=%25', []);
      await expectSet('?q=_', []);
      await expectSet(`?q=${encodeURIComponent("' OR '1'='1")}`, []);
    });

    it('sort=updated_at and -updated_at order by the last change', async () => {
      const a = made.cobalt;
      const res = await lister.patch(`${API}/alliances/${a.id}`, { description: 'Touched last' }, { ifMatch: a.version });
      expectStatus(res, 200);
      made.cobalt = res.body;
      const asc = await listAll(lister, `${API}/alliances?sort=updated_at`);
      const desc = await listAll(lister, `${API}/alliances?sort=-updated_at`);
      assert.equal(asc[asc.length - 1].id, a.id, 'the last changed comes last');
      assert.equal(desc[0].id, a.id, 'and first with -updated_at');
      const times = asc.map((x) => x.updated_at);
      assert.deepEqual(times, [...times].sort());
      const dtimes = desc.map((x) => x.updated_at);
      assert.deepEqual(dtimes, [...dtimes].sort().reverse());
      assert.deepEqual(sorted(desc.map((x) => x.id)), sorted(asc.map((x) => x.id)));
      const paged = await listAll(lister, `${API}/alliances?sort=-updated_at`, { limit: 4 });
      assert.deepEqual(paged.map((x) => x.id), desc.map((x) => x.id));
    });

    it('sort=-name reverses the order', async () => {
      const items = await listAll(lister, `${API}/alliances?sort=-name`);
      const names = items.map((a) => a.name);
      assert.deepEqual(names, [...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    });

    it('walks every page with limit=5: no duplicates, nothing missing, order kept', async () => {
      const pages = [];
      let cursor = null;
      do {
        const res = await lister.get(`${API}/alliances?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expectStatus(res, 200);
        assert.ok(res.body.items.length <= 5);
        pages.push(res.body.items);
        cursor = res.body.next_cursor;
      } while (cursor && pages.length < 10);
      assert.deepEqual(pages.map((p) => p.length), [5, 5, 2]);
      const all = pages.flat();
      assert.equal(new Set(all.map((a) => a.id)).size, all.length, 'no duplicates');
      assert.deepEqual(ids(all), sorted(Object.values(made).map((a) => a.id)));
      const names = all.map((a) => a.name);
      assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it('a page walk is not disturbed by an alliance created in between', async () => {
      const first = await lister.get(`${API}/alliances?limit=5`);
      expectStatus(first, 200);
      const late = await lister.post(`${API}/alliances`, world.allianceBody({ name: 'AAA Early Bird Alliance' }));
      expectStatus(late, 201);
      made.late = late.body;
      const seen = first.body.items.map((a) => a.id);
      let cursor = first.body.next_cursor;
      for (let page = 0; cursor && page < 20; page++) {
        const res = await lister.get(`${API}/alliances?limit=5&cursor=${encodeURIComponent(cursor)}`);
        expectStatus(res, 200);
        seen.push(...res.body.items.map((a) => a.id));
        cursor = res.body.next_cursor;
      }
      assert.equal(cursor, null, 'the walk ends');
      assert.equal(new Set(seen).size, seen.length, 'no duplicates');
      const expected = Object.entries(made).filter(([k]) => k !== 'late').map(([, a]) => a.id);
      for (const x of expected) assert.ok(seen.includes(x), 'nothing that existed before is missing');
    });

    it('pages the filtered list too (limit=3 over 8 fillers)', async () => {
      const items = await listAll(lister, `${API}/alliances?type=service`, { limit: 3 });
      assert.deepEqual(ids(items), sorted(fillers));
    });

    it('archived alliances leave the default list; archived=true and archived=all show them', async () => {
      const a = made.aurora;
      const res = await lister.post(`${API}/alliances/${a.id}/archive`, undefined, { ifMatch: a.version });
      expectStatus(res, 200);
      assert.equal(res.body.archived, true);
      made.aurora = res.body;
      const rest = Object.keys(made).filter((k) => k !== 'aurora');
      await expectSet('', rest);
      await expectSet('?archived=true', ['aurora']);
      await expectSet('?archived=all', Object.keys(made));
      const back = await lister.post(`${API}/alliances/${a.id}/restore`, undefined, { ifMatch: res.body.version });
      expectStatus(back, 200);
      assert.equal(back.body.archived, false);
      await expectSet('', Object.keys(made));
    });
  });

  describe('update with If-Match', () => {
    let a;
    before(async () => { a = await world.createAlliance('phManager', { name: 'Juniper Rare Disease Alliance' }); });

    it('PATCH with the current version updates, bumps the version and the ETag', async () => {
      const res = await world.as('phManager').patch(`${API}/alliances/${a.id}`, { name: 'Juniper Rare Disease Alliance II', tier: 1 }, { ifMatch: a.version });
      expectStatus(res, 200);
      assert.equal(res.body.name, 'Juniper Rare Disease Alliance II');
      assert.equal(res.body.tier, 1);
      assert.equal(res.body.description, a.description, 'untouched fields stay');
      assert.ok(res.body.version > a.version);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      assert.ok(res.body.updated_at >= a.updated_at);
      const old = a;
      a = res.body;
      // a stale version now: 412 and nothing changes
      const stale = await world.as('phManager').patch(`${API}/alliances/${a.id}`, { name: 'Overwritten' }, { ifMatch: old.version });
      expectProblem(stale, 412, 'stale');
      const now = await world.getAlliance(a.id);
      assert.equal(now.name, 'Juniper Rare Disease Alliance II');
      assert.equal(now.version, a.version);
    });

    it('concurrent PATCHes with the same version: exactly one wins, the others get 412', async () => {
      const cur = await world.getAlliance(a.id);
      const results = await Promise.all([1, 2, 3, 4, 5, 6].map((i) =>
        world.as('phManager').patch(`${API}/alliances/${a.id}`, { description: `Racer ${i}` }, { ifMatch: cur.version })));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 412, 412, 412, 412, 412], `statuses ${statuses}: ${results.map((r) => r.text.slice(0, 200)).join('\n')}`);
      const winner = results.find((r) => r.status === 200);
      const now = await world.getAlliance(a.id);
      assert.equal(now.version, cur.version + 1, 'one update, one version step');
      assert.equal(now.description, winner.body.description);
      a = now;
    });

    it('PATCH without If-Match is 428 and changes nothing', async () => {
      const before = counts();
      const res = await world.as('phManager').patch(`${API}/alliances/${a.id}`, { name: 'No Precondition' });
      expectProblem(res, 428, 'precondition-required');
      assert.equal((await world.getAlliance(a.id)).name, a.name);
      assert.deepEqual(counts(), before);
    });

    it('If-Match without quotes works too', async () => {
      const res = await world.as('phManager').patch(`${API}/alliances/${a.id}`, { territory: 'EU and UK' }, { ifMatch: String(a.version) });
      expectStatus(res, 200);
      assert.equal(res.body.territory, 'EU and UK');
      a = res.body;
    });

    it('an invalid PATCH is 422 and changes nothing (bad enum, unknown field, wrong type)', async () => {
      for (const [body, field] of [[{ type: 'merger' }, 'type'], [{ colour: 'teal' }, 'colour'], [{ tier: '1' }, 'tier'], [{ name: '' }, 'name'], [{ stage: 'execution' }, 'stage'], [{ archived: true }, 'archived'], [{ version: 99 }, 'version']]) {
        const before = counts();
        expectValidation(await world.as('phManager').patch(`${API}/alliances/${a.id}`, body, { ifMatch: a.version }), field);
        assert.deepEqual(counts(), before);
        assert.equal((await world.getAlliance(a.id)).version, a.version);
      }
    });

    it('a party that has members cannot be removed (409); one without members can', async () => {
      const { helix, nimbus, outsider } = world.orgIds;
      const cur = await world.getAlliance(world.alliance.id);
      // Nimbus has joined: the parties change only by its consent, and it is never removed.
      const res = await world.as('phManager').patch(`${API}/alliances/${cur.id}`,
        { parties: [{ organization_id: helix, role: 'licensee' }, { organization_id: outsider, role: 'licensor' }] }, { ifMatch: cur.version });
      expectProblem(res, 409, 'consent-required');
      const proposed = await world.as('phManager').post(`${API}/alliances/${cur.id}/proposals`,
        { parties: [{ organization_id: helix, role: 'licensee' }, { organization_id: outsider, role: 'licensor' }] });
      expectProblem(proposed, 409, 'conflict');
      const after = await world.getAlliance(cur.id);
      assert.deepEqual(sorted(after.parties.map((p) => p.organization_id)), sorted([helix, nimbus]));
      assert.equal(after.version, cur.version);

      const three = await world.createAlliance('phManager', {
        parties: [{ organization_id: helix, role: 'lead' }, { organization_id: nimbus, role: 'member' }, { organization_id: outsider, role: 'observer' }],
      });
      const ok = await world.as('phManager').patch(`${API}/alliances/${three.id}`,
        { parties: [{ organization_id: helix, role: 'lead' }, { organization_id: nimbus, role: 'member' }] }, { ifMatch: three.version });
      expectStatus(ok, 200);
      assert.deepEqual(sorted(ok.body.parties.map((p) => p.organization_id)), sorted([helix, nimbus]));
    });
  });

  describe('archive and restore', () => {
    it('need If-Match (428), refuse a stale one (412), and toggle archived', async () => {
      const a = await world.createAlliance('phManager');
      expectProblem(await world.as('phManager').post(`${API}/alliances/${a.id}/archive`), 428, 'precondition-required');
      expectProblem(await world.as('phManager').post(`${API}/alliances/${a.id}/archive`, undefined, { ifMatch: a.version + 5 }), 412, 'stale');
      assert.equal((await world.getAlliance(a.id)).archived, false);
      const arch = await world.as('phManager').post(`${API}/alliances/${a.id}/archive`, undefined, { ifMatch: a.version });
      expectStatus(arch, 200);
      assert.equal((await world.getAlliance(a.id)).archived, true);
      expectProblem(await world.as('phMember').post(`${API}/alliances/${world.alliance.id}/archive`, undefined, { ifMatch: 1 }), 403, 'forbidden');
      const back = await world.as('phManager').post(`${API}/alliances/${a.id}/restore`, undefined, { ifMatch: arch.body.version });
      expectStatus(back, 200);
      assert.equal((await world.getAlliance(a.id)).archived, false);
    });
  });

  describe('stage machine', () => {
    const stageOf = async (id) => {
      const res = await world.as('phManager').get(`${API}/alliances/${id}/stage`);
      expectStatus(res, 200);
      return res.body;
    };
    const move = async (id, to, reason = `move to ${to}`, key = 'phManager') => {
      const { version } = await world.getAlliance(id);
      return world.as(key).post(`${API}/alliances/${id}/stage`, { to, reason }, { ifMatch: version });
    };

    for (const stage of ALL_STAGES) {
      it(`from ${stage}: allowed_next is [${STAGES[stage].join(', ')}]; others are 422 with "allowed"`, async () => {
        const a = await world.createAlliance('phManager', { stage });
        const st = await stageOf(a.id);
        assert.equal(st.stage, stage);
        assert.deepEqual(sorted(st.allowed_next), sorted(STAGES[stage]));
        const forbidden = ALL_STAGES.filter((s) => s !== stage && !STAGES[stage].includes(s));
        const target = forbidden[0];
        const before = counts();
        const res = await move(a.id, target);
        const p = expectValidation(res);
        assert.deepEqual(sorted(p.allowed || []), sorted(STAGES[stage]), `allowed in ${res.text}`);
        assert.equal((await stageOf(a.id)).stage, stage, 'stage unchanged');
        assert.deepEqual(counts(), before);
        if (STAGES[stage].length) {
          const ok = await move(a.id, STAGES[stage][0]);
          expectStatus(ok, 200);
          assert.equal((await stageOf(a.id)).stage, STAGES[stage][0]);
        }
      });
    }

    it('walks the whole life cycle; history records from, to, reason, actor and time', async () => {
      const a = await world.createAlliance('phManager');
      await world.addMember('phManager', a.id, 'phMember', 'manager');
      const path = ['evaluation', 'due_diligence', 'negotiation', 'startup', 'execution', 'renewal', 'wind_down', 'closed'];
      const started = new Date(Date.now() - 5000).toISOString();
      let from = 'scouting';
      for (const to of path) {
        const reason = uniq(`Steering committee decided ${from}→${to}`);
        const res = await move(a.id, to, reason, to === 'renewal' ? 'phMember' : 'phManager');
        expectStatus(res, 200, `${from} → ${to}`);
        const st = await stageOf(a.id);
        assert.equal(st.stage, to);
        const h = st.history.find((e) => e.reason === reason);
        assert.ok(h, `history entry for ${from}→${to}: ${JSON.stringify(st.history)}`);
        assert.equal(h.from, from);
        assert.equal(h.to, to);
        const who = world.person(to === 'renewal' ? 'phMember' : 'phManager');
        assert.ok(isActor(h.actor, who), `actor ${JSON.stringify(h.actor)} should be ${who.name}`);
        assert.ok(h.at >= started, `at ${h.at}`);
        from = to;
      }
      const final = await stageOf(a.id);
      assert.deepEqual(final.allowed_next, []);
      const res = await move(a.id, 'scouting');
      const p = expectValidation(res);
      assert.deepEqual(p.allowed, []);
      assert.equal((await world.getAlliance(a.id)).stage, 'closed');
    });

    it('concurrent moves with the same version: one wins, the others get 412, one history entry', async () => {
      const a = await world.createAlliance('phManager');
      const before = server.count('stage_transitions');
      const results = await Promise.all(['evaluation', 'closed', 'evaluation', 'closed', 'evaluation'].map((to, i) =>
        world.as('phManager').post(`${API}/alliances/${a.id}/stage`, { to, reason: `racer ${i}` }, { ifMatch: a.version })));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 412, 412, 412, 412], results.map((r) => `${r.status} ${r.text.slice(0, 200)}`).join('\n'));
      assert.equal(server.count('stage_transitions'), before + 1);
      const st = await stageOf(a.id);
      assert.equal(st.stage, results.find((r) => r.status === 200).body.stage);
    });

    it('needs If-Match (428) and a known stage (422); a stale version is 412', async () => {
      const a = await world.createAlliance('phManager');
      expectProblem(await world.as('phManager').post(`${API}/alliances/${a.id}/stage`, { to: 'evaluation', reason: 'x' }), 428, 'precondition-required');
      expectProblem(await world.as('phManager').post(`${API}/alliances/${a.id}/stage`, { to: 'evaluation', reason: 'x' }, { ifMatch: a.version + 3 }), 412, 'stale');
      expectValidation(await world.as('phManager').post(`${API}/alliances/${a.id}/stage`, { to: 'hibernation', reason: 'x' }, { ifMatch: a.version }), 'to');
      assert.equal((await stageOf(a.id)).stage, 'scouting');
    });
  });
});
