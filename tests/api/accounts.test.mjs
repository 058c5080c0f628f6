// Organisations and users (organisation administration), and the per-address sign-in back-off.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, PASSWORD } from '../support/world.mjs';
import { startServer } from '../support/server.mjs';
import { Browser, TokenClient, API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';

describe('organisations and users', () => {
  let world;
  let server;

  before(async () => {
    world = await buildWorld({ spares: { helix: 3 } });
    server = world.server;
  });
  after(async () => { await world?.stop(); });

  describe('organisation directory', () => {
    let zenith;

    it('any signed-in user sees the directory; q filters by name', async () => {
      const all = await listAll(world.as('outsider'), `${API}/organizations`);
      const names = all.map((o) => o.name);
      for (const n of ['Helix Pharma', 'Nimbus Health', 'Outsider Bio']) assert.ok(names.includes(n), `${n} listed`);
      const some = await listAll(world.as('outsider'), `${API}/organizations?q=nimbus`);
      assert.deepEqual(some.map((o) => o.name), ['Nimbus Health']);
      const org = all.find((o) => o.name === 'Helix Pharma');
      for (const k of ['id', 'name', 'type', 'website', 'version', 'created_at']) assert.ok(k in org, `organization.${k}`);
      expectProblem(await world.anon().get(`${API}/organizations`), 401, 'unauthenticated');
    });

    it('registers a partner organisation (201); a duplicate name is 409', async () => {
      const before = server.count('organizations');
      const res = await world.as('phMember').post(`${API}/organizations`, { name: 'Zenith Diagnostics', type: 'technology', website: 'https://zenith.example' });
      expectStatus(res, 201);
      zenith = res.body;
      assert.equal(zenith.name, 'Zenith Diagnostics');
      assert.equal(zenith.type, 'technology');
      assert.equal(zenith.website, 'https://zenith.example');
      assert.equal(server.count('organizations'), before + 1);
      expectProblem(await world.as('nbMember').post(`${API}/organizations`, { name: 'Zenith Diagnostics', type: 'cro' }), 409, 'conflict');
      assert.equal(server.count('organizations'), before + 1);
    });

    it('the same name registered concurrently: one 201, the rest 409', async () => {
      // a race: several rounds make a lost race likely to show
      const who = ['phMember', 'nbMember', 'outsider', 'phViewer', 'nbManager', 'phExec', 'phBystander', 'phManager'];
      for (const name of ['Vega Bioinformatics', 'Lyra Genomics', 'Altair Clinical']) {
        const before = server.count('organizations');
        const results = await Promise.all(who.map((k) => world.as(k).post(`${API}/organizations`, { name, type: 'technology' })));
        const statuses = results.map((r) => r.status).sort();
        assert.deepEqual(statuses, [201, ...who.slice(1).map(() => 409)], results.map((r) => `${r.status} ${r.text.slice(0, 200)}`).join('\n'));
        assert.equal(server.count('organizations'), before + 1);
      }
    });

    it('invalid organisations are 422 and write nothing', async () => {
      const before = server.count('organizations');
      expectValidation(await world.as('phMember').post(`${API}/organizations`, { name: 'Quasar Labs', type: 'alchemy' }), 'type');
      expectValidation(await world.as('phMember').post(`${API}/organizations`, { name: '', type: 'academic' }), 'name');
      expectValidation(await world.as('phMember').post(`${API}/organizations`, { name: 'Quasar Labs', type: 'academic', motto: 'x' }), 'motto');
      expectValidation(await world.as('phMember').post(`${API}/organizations`, { type: 'academic' }), 'name');
      assert.equal(server.count('organizations'), before);
    });

    it('GET one organisation carries its ETag', async () => {
      const res = await world.as('outsider').get(`${API}/organizations/${zenith.id}`);
      expectStatus(res, 200);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      expectProblem(await world.as('outsider').get(`${API}/organizations/01900000-0000-7000-8000-000000000000`), 404, 'not-found');
    });

    it('only an admin of the organisation may PATCH it (If-Match); others get 403', async () => {
      const helix = (await world.as('phManager').get(`${API}/organizations/${world.orgIds.helix}`)).body;
      for (const key of ['phMember', 'nbManager', 'outsider']) {
        expectProblem(await world.as(key).patch(`${API}/organizations/${helix.id}`, { website: 'https://evil.example' }, { ifMatch: helix.version }), 403, 'forbidden');
      }
      expectProblem(await world.as('phMember').patch(`${API}/organizations/${zenith.id}`, { website: 'https://z.example' }, { ifMatch: zenith.version }), 403, 'forbidden');
      expectProblem(await world.as('phManager').patch(`${API}/organizations/${helix.id}`, { website: 'https://helix.example' }), 428, 'precondition-required');
      expectProblem(await world.as('phManager').patch(`${API}/organizations/${helix.id}`, { website: 'https://helix.example' }, { ifMatch: helix.version + 4 }), 412, 'stale');
      const res = await world.as('phManager').patch(`${API}/organizations/${helix.id}`, { website: 'https://helix.example' }, { ifMatch: helix.version });
      expectStatus(res, 200);
      assert.equal(res.body.website, 'https://helix.example');
      assert.ok(res.body.version > helix.version);
      const renamed = await world.as('phManager').patch(`${API}/organizations/${helix.id}`, { name: 'Nimbus Health' }, { ifMatch: res.body.version });
      expectProblem(renamed, 409, 'conflict');
    });
  });

  describe('users of one\'s organisation', () => {
    it('GET /users lists the caller\'s organisation only; others\' users are 404', async () => {
      const items = await listAll(world.as('phMember'), `${API}/users`);
      assert.ok(items.length >= 5);
      assert.ok(items.every((u) => u.organization_id === world.orgIds.helix), 'only Helix people');
      assert.ok(!JSON.stringify(items).includes('password'), 'no password material');
      expectStatus(await world.as('phMember').get(`${API}/users/${world.person('phViewer').id}`), 200);
      expectProblem(await world.as('phMember').get(`${API}/users/${world.person('nbMember').id}`), 404, 'not-found');
    });

    it('an admin renames a colleague with If-Match; a member cannot (403)', async () => {
      const spare = world.spares.helix[0];
      const u = (await world.as('phManager').get(`${API}/users/${spare.id}`)).body;
      expectProblem(await world.as('phMember').patch(`${API}/users/${spare.id}`, { name: 'Renamed' }, { ifMatch: u.version }), 403, 'forbidden');
      expectProblem(await world.as('nbManager').patch(`${API}/users/${spare.id}`, { name: 'Renamed' }, { ifMatch: u.version }), 404, 'not-found');
      const res = await world.as('phManager').patch(`${API}/users/${spare.id}`, { name: 'Spare Renamed' }, { ifMatch: u.version });
      expectStatus(res, 200);
      assert.equal(res.body.name, 'Spare Renamed');
      expectProblem(await world.as('phManager').patch(`${API}/users/${spare.id}`, { name: 'Again' }, { ifMatch: u.version }), 412, 'stale');
    });

    it('deactivating a user revokes their sessions and tokens; they cannot sign in', async () => {
      const spare = world.spares.helix[1];
      const b = await world.signInSpare(spare);
      const tok = await b.post(`${API}/tokens`, { name: 'Spare token' });
      expectStatus(tok, 201);
      const api = new TokenClient(world.baseUrl, tok.body.secret);
      expectStatus(await api.get(`${API}/me`), 200);
      const u = (await world.as('phManager').get(`${API}/users/${spare.id}`)).body;
      const res = await world.as('phManager').patch(`${API}/users/${spare.id}`, { active: false }, { ifMatch: u.version });
      expectStatus(res, 200);
      assert.equal(res.body.active, false);
      expectProblem(await b.get(`${API}/me`), 401, 'unauthenticated');
      expectProblem(await api.get(`${API}/me`), 401, 'unauthenticated');
      expectProblem(await new Browser(world.baseUrl).login(spare.email, PASSWORD), 401, 'unauthenticated');
    });

    it('the last admin cannot be demoted or deactivated (409); with a second admin they can', async () => {
      const me = (await world.as('phManager').get(`${API}/users/${world.person('phManager').id}`)).body;
      expectProblem(await world.as('phManager').patch(`${API}/users/${me.id}`, { org_role: 'member' }, { ifMatch: me.version }), 409, 'conflict');
      expectProblem(await world.as('phManager').patch(`${API}/users/${me.id}`, { active: false }, { ifMatch: me.version }), 409, 'conflict');
      const spare = world.spares.helix[2];
      const s = (await world.as('phManager').get(`${API}/users/${spare.id}`)).body;
      const up = await world.as('phManager').patch(`${API}/users/${spare.id}`, { org_role: 'admin' }, { ifMatch: s.version });
      expectStatus(up, 200);
      const down = await world.as('phManager').patch(`${API}/users/${spare.id}`, { org_role: 'member' }, { ifMatch: up.body.version });
      expectStatus(down, 200);
      assert.equal(down.body.org_role, 'member');
    });
  });

  describe('per-address sign-in back-off', () => {
    // A server of its own: the back-off blocks 127.0.0.1, and nothing else may have failed before.
    let lone;
    before(async () => { lone = await startServer(); });
    after(async () => { await lone?.stop(); });

    it('after 20 failures from one address within 15 minutes the next attempt is 429 with Retry-After', async () => {
      // four different unknown e-mails, five failures each: no single e-mail passes its own limit first
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 5; j++) {
          const res = await new Browser(lone.baseUrl).login(`stranger${i}@nowhere.example`, `wrong-password-${j}xyz`);
          expectProblem(res, 401, 'unauthenticated');
        }
      }
      const res = await new Browser(lone.baseUrl).login('stranger-new@nowhere.example', 'wrong-password-xyz');
      expectProblem(res, 429, 'too-many-requests');
      assert.match(res.headers.get('retry-after') || '', /^[1-9]\d*$/);
    });
  });
});
