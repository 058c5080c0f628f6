// Alliance members: list, add, change role, remove; who may do it; the last manager of a party.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { Browser, API, expectProblem, expectStatus, expectValidation } from '../support/client.mjs';

describe('alliance members', () => {
  let world;
  let server;
  let id;
  let spare1;
  let spare2;
  let spare1Browser;

  before(async () => {
    world = await buildWorld({ spares: { helix: 2, nimbus: 1, outsider: 1 } });
    server = world.server;
    id = world.alliance.id;
    [spare1, spare2] = world.spares.helix;
    spare1Browser = await world.signInSpare(spare1);
  });
  after(async () => { await world?.stop(); });

  const membersPath = () => `${API}/alliances/${id}/members`;
  const list = async (key = 'phManager') => {
    const res = await world.as(key).get(membersPath());
    expectStatus(res, 200);
    return res.body.items;
  };
  const memberOf = async (userId) => (await list()).find((m) => m.user_id === userId);
  const snapshot = () => ({ members: server.count('alliance_members'), audit: server.count('audit_events') });

  it('lists every member with user, organisation, role, added_at and version', async () => {
    const items = await list('nbMember');
    const got = Object.fromEntries(items.map((m) => [m.user_id, m]));
    for (const key of ['phManager', 'phMember', 'phViewer', 'phExec', 'nbManager', 'nbMember']) {
      const p = world.person(key);
      const m = got[p.id];
      assert.ok(m, `${key} listed`);
      assert.equal(m.role, p.role);
      assert.equal(m.email, p.email);
      assert.equal(m.name, p.name);
      assert.equal(m.organization_id, p.orgId);
      assert.ok(m.added_at, 'added_at');
      assert.ok(Number.isInteger(m.version), 'version');
    }
    assert.equal(items.length, 6);
  });

  describe('add', () => {
    it('a manager adds a colleague: 201, listed, the colleague now sees the alliance', async () => {
      expectProblem(await spare1Browser.get(`${API}/alliances/${id}`), 404, 'not-found');
      const before = snapshot();
      const res = await world.as('phManager').post(membersPath(), { user_id: spare1.id, role: 'viewer' });
      expectStatus(res, 201);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      assert.equal(res.body.user_id, spare1.id);
      assert.equal(res.body.role, 'viewer');
      assert.equal(server.count('alliance_members'), before.members + 1);
      assert.ok(server.count('audit_events') > before.audit, 'audited');
      assert.equal((await memberOf(spare1.id)).role, 'viewer');
      const got = await spare1Browser.get(`${API}/alliances/${id}`);
      expectStatus(got, 200);
      assert.equal(got.body.my_role, 'viewer');
    });


    it('adding someone twice is 409', async () => {
      const before = snapshot();
      expectProblem(await world.as('phManager').post(membersPath(), { user_id: spare1.id, role: 'member' }), 409, 'conflict');
      assert.deepEqual(snapshot(), before);
      assert.equal((await memberOf(spare1.id)).role, 'viewer');
    });

    it('a bad role or a missing user_id is 422', async () => {
      const before = snapshot();
      expectValidation(await world.as('phManager').post(membersPath(), { user_id: spare2.id, role: 'overlord' }), 'role');
      expectValidation(await world.as('phManager').post(membersPath(), { role: 'member' }), 'user_id');
      expectValidation(await world.as('phManager').post(membersPath(), { user_id: spare2.id, role: 'member', colour: 'teal' }), 'colour');
      assert.deepEqual(snapshot(), before);
    });

    it('members, viewers and executives cannot add (403)', async () => {
      const before = snapshot();
      for (const key of ['phMember', 'phViewer', 'phExec']) {
        expectProblem(await world.as(key).post(membersPath(), { user_id: spare2.id, role: 'member' }), 403, 'forbidden');
      }
      assert.deepEqual(snapshot(), before);
    });

    it('a manager of the other party cannot add our people; nobody can add a non-party person', async () => {
      const before = snapshot();
      const cross = await world.as('nbManager').post(membersPath(), { user_id: spare2.id, role: 'member' });
      assert.ok([403, 404, 422].includes(cross.status), `other party's manager adding a Helix user: ${cross.status} ${cross.text}`);
      expectProblem(cross, cross.status);
      const foreign = await world.as('phManager').post(membersPath(), { user_id: world.spares.outsider[0].id, role: 'member' });
      assert.ok([403, 404, 422].includes(foreign.status), `adding a user of a non-party organisation: ${foreign.status} ${foreign.text}`);
      expectProblem(foreign, foreign.status);
      assert.deepEqual(snapshot(), before);
    });

    it('outsiders get 404, signed-out callers 401', async () => {
      const before = snapshot();
      expectProblem(await world.as('outsider').post(membersPath(), { user_id: spare2.id, role: 'member' }), 404, 'not-found');
      expectProblem(await world.as('phBystander').post(membersPath(), { user_id: spare2.id, role: 'member' }), 404, 'not-found');
      expectProblem(await new Browser(world.baseUrl).post(membersPath(), { user_id: spare2.id, role: 'member' }), 401, 'unauthenticated');
      assert.deepEqual(snapshot(), before);
    });

    it('the same person added concurrently: one 201, the rest 409', async () => {
      // a race: several rounds make a lost race likely to show
      for (let round = 0; round < 3; round++) {
        const before = snapshot();
        const results = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() =>
          world.as('phManager').post(membersPath(), { user_id: spare2.id, role: 'viewer' })));
        const statuses = results.map((r) => r.status).sort();
        const added = server.count('alliance_members') - before.members;
        // leave spare2 out of the alliance again whatever happened: later tests rely on it
        const del = await world.as('phManager').del(`${membersPath()}/${spare2.id}`);
        assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409], results.map((r) => `${r.status} ${r.text.slice(0, 200)}`).join('\n'));
        assert.equal(added, 1);
        assert.equal(del.status, 204, del.text);
      }
    });

    it('the partner\'s manager adds a person of their own party', async () => {
      const res = await world.as('nbManager').post(membersPath(), { user_id: world.spares.nimbus[0].id, role: 'executive' });
      expectStatus(res, 201);
      assert.equal((await memberOf(world.spares.nimbus[0].id)).role, 'executive');
    });
  });

  describe('change role', () => {
    it('PATCH with If-Match changes the role and bumps the version', async () => {
      const m = await memberOf(spare1.id);
      const res = await world.as('phManager').patch(`${membersPath()}/${spare1.id}`, { role: 'member' }, { ifMatch: m.version });
      expectStatus(res, 200);
      assert.equal(res.body.role, 'member');
      const now = await memberOf(spare1.id);
      assert.equal(now.role, 'member');
      assert.ok(now.version > m.version);
      const got = await spare1Browser.get(`${API}/alliances/${id}`);
      assert.equal(got.body.my_role, 'member');
    });

    it('stale If-Match → 412, missing → 428, bad role → 422; nothing changes', async () => {
      const m = await memberOf(spare1.id);
      const before = snapshot();
      expectProblem(await world.as('phManager').patch(`${membersPath()}/${spare1.id}`, { role: 'viewer' }, { ifMatch: m.version + 7 }), 412, 'stale');
      expectProblem(await world.as('phManager').patch(`${membersPath()}/${spare1.id}`, { role: 'viewer' }), 428, 'precondition-required');
      expectValidation(await world.as('phManager').patch(`${membersPath()}/${spare1.id}`, { role: 'overlord' }, { ifMatch: m.version }), 'role');
      assert.deepEqual(await memberOf(spare1.id), m);
      assert.deepEqual(snapshot(), before);
    });

    it('only a manager of the member\'s party may change it (403 otherwise)', async () => {
      const m = await memberOf(spare1.id);
      for (const key of ['nbManager', 'phMember', 'phViewer', 'nbMember']) {
        expectProblem(await world.as(key).patch(`${membersPath()}/${spare1.id}`, { role: 'viewer' }, { ifMatch: m.version }), 403, 'forbidden');
      }
      expectProblem(await world.as('outsider').patch(`${membersPath()}/${spare1.id}`, { role: 'viewer' }, { ifMatch: m.version }), 404, 'not-found');
      assert.deepEqual(await memberOf(spare1.id), m);
    });

    it('a user who is not a member is 404', async () => {
      expectProblem(await world.as('phManager').patch(`${membersPath()}/${spare2.id}`, { role: 'viewer' }, { ifMatch: 1 }), 404, 'not-found');
    });
  });

  describe('last manager of a party', () => {
    it('cannot be removed or demoted (409)', async () => {
      const before = snapshot();
      const ph = await memberOf(world.person('phManager').id);
      expectProblem(await world.as('phManager').del(`${membersPath()}/${ph.user_id}`), 409, 'conflict');
      expectProblem(await world.as('phManager').patch(`${membersPath()}/${ph.user_id}`, { role: 'member' }, { ifMatch: ph.version }), 409, 'conflict');
      const nb = await memberOf(world.person('nbManager').id);
      expectProblem(await world.as('nbManager').del(`${membersPath()}/${nb.user_id}`), 409, 'conflict');
      assert.deepEqual(snapshot(), before);
      assert.equal((await memberOf(ph.user_id)).role, 'manager');
    });

    it('with a second manager in the party, one of them may be demoted', async () => {
      expectStatus(await world.as('phManager').post(membersPath(), { user_id: spare2.id, role: 'manager' }), 201);
      const m = await memberOf(spare2.id);
      const res = await world.as('phManager').patch(`${membersPath()}/${spare2.id}`, { role: 'member' }, { ifMatch: m.version });
      expectStatus(res, 200);
      const ph = await memberOf(world.person('phManager').id);
      expectProblem(await world.as('phManager').patch(`${membersPath()}/${ph.user_id}`, { role: 'viewer' }, { ifMatch: ph.version }), 409, 'conflict');
    });

    it('another party\'s managers do not count: Nimbus still has only one', async () => {
      const nb = await memberOf(world.person('nbManager').id);
      expectProblem(await world.as('nbManager').patch(`${membersPath()}/${nb.user_id}`, { role: 'member' }, { ifMatch: nb.version }), 409, 'conflict');
    });
  });

  describe('remove', () => {
    it('only a manager of the member\'s party may remove (403 otherwise)', async () => {
      const before = snapshot();
      for (const key of ['nbManager', 'phMember', 'phExec']) {
        expectProblem(await world.as(key).del(`${membersPath()}/${spare1.id}`), 403, 'forbidden');
      }
      expectProblem(await world.as('outsider').del(`${membersPath()}/${spare1.id}`), 404, 'not-found');
      assert.deepEqual(snapshot(), before);
    });

    it('DELETE → 204; the person loses access to the alliance (404) and leaves the list', async () => {
      const note = await world.createNote('phManager', { visibility: 'restricted', title: 'For the spare only', readers: [] });
      const upd = await world.as('phManager').patch(`${API}/alliances/${id}/notes/${note.id}`, { readers: [spare1.id] }, { ifMatch: note.version });
      expectStatus(upd, 200);
      expectStatus(await spare1Browser.get(`${API}/alliances/${id}/notes/${note.id}`), 200, 'a reader while a member');
      const res = await world.as('phManager').del(`${membersPath()}/${spare1.id}`);
      assert.equal(res.status, 204, res.text);
      assert.equal(await memberOf(spare1.id), undefined);
      expectProblem(await spare1Browser.get(`${API}/alliances/${id}`), 404, 'not-found');
      expectProblem(await spare1Browser.get(`${API}/alliances/${id}/members`), 404, 'not-found');
      expectProblem(await spare1Browser.get(`${API}/alliances/${id}/notes/${note.id}`), 404, 'not-found');
      const mine = await spare1Browser.get(`${API}/alliances`);
      assert.ok(!mine.body.items.some((a) => a.id === id));
      expectProblem(await world.as('phManager').del(`${membersPath()}/${spare1.id}`), 404, 'not-found');
    });

    it('the other party\'s manager cannot remove our people (403)', async () => {
      expectProblem(await world.as('nbManager').del(`${membersPath()}/${world.person('phViewer').id}`), 403, 'forbidden');
      assert.ok(await memberOf(world.person('phViewer').id));
    });
  });
});
