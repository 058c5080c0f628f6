// Notes (the alliance journal): create, read, list, update, delete, validation, and how
// visibility changes who sees a note. The full caller × route × visibility matrix is in
// policy-matrix.test.mjs.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';

const readerIds = (readers) => (readers || []).map((r) => (r && typeof r === 'object' ? (r.id ?? r.user_id) : r)).sort();

describe('notes', () => {
  let world;
  let server;
  let id;
  let notesPath;

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
    notesPath = `${API}/alliances/${id}/notes`;
  });
  after(async () => { await world?.stop(); });

  const snapshot = () => ({ notes: server.count('notes'), audit: server.count('audit_events') });

  describe('create and read', () => {
    let note;

    it('POST → 201 with every field, and ETag', async () => {
      const res = await world.as('phMember').post(notesPath, {
        title: 'Kick-off with the Nimbus sensor team', body: 'Agreed the data format for the pilot.',
        entry_date: '2026-03-15', visibility: 'alliance',
      });
      expectStatus(res, 201);
      note = res.body;
      assert.match(note.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(note.alliance_id, id);
      assert.equal(note.title, 'Kick-off with the Nimbus sensor team');
      assert.equal(note.body, 'Agreed the data format for the pilot.');
      assert.equal(note.entry_date, '2026-03-15');
      assert.equal(note.visibility, 'alliance');
      assert.equal(note.owner_organization_id, world.orgIds.helix);
      assert.equal(note.owner_organization_name, 'Helix Pharma');
      assert.equal(note.author_id, world.person('phMember').id);
      assert.equal(note.author_name, world.person('phMember').name);
      assert.deepEqual(readerIds(note.readers), []);
      assert.ok(Number.isInteger(note.version));
      assert.match(note.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal(res.headers.get('etag'), `"${note.version}"`);
    });

    it('GET returns the same note with its ETag; the partner sees an alliance note', async () => {
      const res = await world.as('nbMember').get(`${notesPath}/${note.id}`);
      expectStatus(res, 200);
      assert.deepEqual(res.body, note);
      assert.equal(res.headers.get('etag'), `"${note.version}"`);
    });

    it('a 200-character non-ASCII title is accepted and round-trips', async () => {
      const title = 'ü'.repeat(192) + '研究协作🧪🧬Ωé';
      assert.equal([...title].length, 200);
      const res = await world.as('phMember').post(notesPath, { title, body: 'Ελληνικά\n"quoted"', visibility: 'alliance' });
      expectStatus(res, 201);
      const got = await world.as('phMember').get(`${notesPath}/${res.body.id}`);
      assert.equal(got.body.title, title);
      assert.equal(got.body.body, 'Ελληνικά\n"quoted"');
    });

    it('entry_date is optional', async () => {
      const res = await world.as('phMember').post(notesPath, { title: 'Undated thought', body: 'x', visibility: 'alliance' });
      expectStatus(res, 201);
      assert.ok(res.body.entry_date === null || /^\d{4}-\d\d-\d\d$/.test(res.body.entry_date), `entry_date ${res.body.entry_date}`);
    });

    it('a restricted note keeps its readers', async () => {
      const readers = [world.person('phViewer').id, world.person('nbMember').id];
      const res = await world.as('phManager').post(notesPath, { title: 'Term sheet position', body: 'Our walk-away.', visibility: 'restricted', readers });
      expectStatus(res, 201);
      assert.deepEqual(readerIds(res.body.readers), [...readers].sort());
      const seen = await world.as('nbMember').get(`${notesPath}/${res.body.id}`);
      expectStatus(seen, 200);
      expectProblem(await world.as('nbManager').get(`${notesPath}/${res.body.id}`), 404, 'not-found');
      expectProblem(await world.as('phMember').get(`${notesPath}/${res.body.id}`), 404, 'not-found');
    });

    it('changing the readers of a restricted note changes who can read it', async () => {
      const res = await world.as('phManager').post(notesPath, { title: 'Budget scenario', body: 'Plan B.', visibility: 'restricted', readers: [world.person('phViewer').id] });
      expectStatus(res, 201);
      const path = `${notesPath}/${res.body.id}`;
      expectProblem(await world.as('nbManager').get(path), 404, 'not-found');
      const upd = await world.as('phManager').patch(path, { readers: [world.person('nbManager').id] }, { ifMatch: res.body.version });
      expectStatus(upd, 200);
      assert.deepEqual(readerIds(upd.body.readers), [world.person('nbManager').id]);
      expectStatus(await world.as('nbManager').get(path), 200);
      expectProblem(await world.as('phViewer').get(path), 404, 'not-found');
      const open = await world.as('phManager').patch(path, { visibility: 'alliance', readers: [] }, { ifMatch: upd.body.version });
      expectStatus(open, 200);
      expectStatus(await world.as('phViewer').get(path), 200);
      expectStatus(await world.as('nbMember').get(path), 200);
    });

    it('a note is only reachable under its own alliance', async () => {
      const other = await world.createAlliance('phManager');
      expectProblem(await world.as('phManager').get(`${API}/alliances/${other.id}/notes/${note.id}`), 404, 'not-found');
    });
  });

  describe('validation', () => {
    const CASES = [
      ['missing title', { body: 'x', visibility: 'alliance' }, 'title'],
      ['empty title', { title: '', body: 'x', visibility: 'alliance' }, 'title'],
      ['title of the wrong type', { title: 7, body: 'x', visibility: 'alliance' }, 'title'],
      ['bad visibility', { title: 't', body: 'x', visibility: 'secret' }, 'visibility'],
      ['missing visibility', { title: 't', body: 'x' }, 'visibility'],
      ['readers with alliance visibility', (w) => ({ title: 't', body: 'x', visibility: 'alliance', readers: [w.person('phViewer').id] }), 'readers'],
      ['a reader who is not an alliance member', (w) => ({ title: 't', body: 'x', visibility: 'restricted', readers: [w.person('phBystander').id] }), 'readers'],
      ['a reader id that is no user', { title: 't', body: 'x', visibility: 'restricted', readers: ['01900000-0000-7000-8000-000000000000'] }, 'readers'],
      ['an impossible entry_date', { title: 't', body: 'x', visibility: 'alliance', entry_date: '2026-02-30' }, 'entry_date'],
      ['entry_date in another format', { title: 't', body: 'x', visibility: 'alliance', entry_date: '15/03/2026' }, 'entry_date'],
      ['an unknown field', { title: 't', body: 'x', visibility: 'alliance', mood: 'sunny' }, 'mood'],
      ['a title over 200 characters', { title: 't'.repeat(201), body: 'x', visibility: 'alliance' }, 'title'],
      ['a body over 20000 characters', { title: 't', body: 'b'.repeat(20001), visibility: 'alliance' }, 'body'],
      ['the same reader twice', (w) => ({ title: 't', body: 'x', visibility: 'restricted', readers: [w.person('phViewer').id, w.person('phViewer').id] }), 'readers'],
      ['readers not an array', (w) => ({ title: 't', body: 'x', visibility: 'restricted', readers: w.person('phViewer').id }), 'readers'],
    ];
    for (const [what, body, field] of CASES) {
      it(`422 for ${what}; nothing written`, async () => {
        const before = snapshot();
        const res = await world.as('phManager').post(notesPath, typeof body === 'function' ? body(world) : body);
        expectValidation(res, field);
        assert.deepEqual(snapshot(), before);
      });
    }
  });

  describe('list', () => {
    let mine;

    before(async () => {
      mine = [];
      for (const i of [1, 2, 3, 4, 5]) {
        mine.push(await world.createNote('nbMember', { visibility: i % 2 ? 'party' : 'alliance', title: `Nimbus weekly sync ${i}` }));
      }
    });

    it('lists newest first', async () => {
      const items = await listAll(world.as('nbMember'), notesPath);
      const pos = mine.map((n) => items.findIndex((x) => x.id === n.id));
      assert.ok(pos.every((p) => p >= 0), 'all listed');
      assert.deepEqual(pos, [...pos].sort((a, b) => b - a), 'later notes come first');
    });

    it('pages with limit=2 without duplicates or gaps', async () => {
      const all = await listAll(world.as('nbMember'), notesPath);
      const paged = await listAll(world.as('nbMember'), notesPath, { limit: 2 });
      assert.deepEqual(paged.map((n) => n.id), all.map((n) => n.id));
      const first = await world.as('nbMember').get(`${notesPath}?limit=2`);
      assert.equal(first.body.items.length, 2);
      assert.equal(typeof first.body.next_cursor, 'string');
    });

    it('the default page holds 50 notes; limit=200 is allowed', async () => {
      const existing = (await listAll(world.as('nbMember'), notesPath)).length;
      for (let i = existing; i < 53; i++) mine.push(await world.createNote('nbMember', { visibility: 'party', title: `Filler note ${i}` }));
      const res = await world.as('nbMember').get(notesPath);
      expectStatus(res, 200);
      assert.equal(res.body.items.length, 50);
      assert.equal(typeof res.body.next_cursor, 'string');
      const big = await world.as('nbMember').get(`${notesPath}?limit=200`);
      expectStatus(big, 200);
      assert.ok(big.body.items.length >= 53);
      assert.equal(big.body.next_cursor, null);
    });

    it('filters by visibility', async () => {
      const party = await listAll(world.as('nbMember'), `${notesPath}?visibility=party`);
      assert.deepEqual(party.map((n) => n.id).sort(), mine.filter((n) => n.visibility === 'party').map((n) => n.id).sort());
      const helixView = await listAll(world.as('phManager'), `${notesPath}?visibility=party`);
      assert.ok(!helixView.some((n) => n.owner_organization_id === world.orgIds.nimbus), 'no Nimbus party note for Helix');
    });
  });

  describe('update and delete', () => {
    let note;
    before(async () => {
      note = await world.createNote('phMember', { visibility: 'alliance', title: 'Draft agenda for the JSC' });
    });

    it('the author updates with If-Match: 200, new version and ETag', async () => {
      const res = await world.as('phMember').patch(`${notesPath}/${note.id}`, { title: 'Agenda for the JSC', body: 'Budget, milestones.' }, { ifMatch: note.version });
      expectStatus(res, 200);
      assert.equal(res.body.title, 'Agenda for the JSC');
      assert.equal(res.body.body, 'Budget, milestones.');
      assert.ok(res.body.version > note.version);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      note.version = res.body.version;
    });

    it('stale → 412, missing If-Match → 428, invalid → 422; nothing changes', async () => {
      const before = snapshot();
      const path = `${notesPath}/${note.id}`;
      expectProblem(await world.as('phMember').patch(path, { title: 'Overwrite' }, { ifMatch: note.version - 1 }), 412, 'stale');
      expectProblem(await world.as('phMember').patch(path, { title: 'Overwrite' }), 428, 'precondition-required');
      expectValidation(await world.as('phMember').patch(path, { visibility: 'secret' }, { ifMatch: note.version }), 'visibility');
      expectValidation(await world.as('phMember').patch(path, { entry_date: '2026-13-01' }, { ifMatch: note.version }), 'entry_date');
      expectValidation(await world.as('phMember').patch(path, { visibility: 'restricted', readers: [world.person('phBystander').id] }, { ifMatch: note.version }), 'readers');
      expectValidation(await world.as('phMember').patch(path, { title: '' }, { ifMatch: note.version }), 'title');
      const got = await world.as('phMember').get(path);
      assert.equal(got.body.title, 'Agenda for the JSC');
      assert.equal(got.body.version, note.version);
      assert.deepEqual(snapshot(), before);
    });

    it('concurrent edits with the same version: one 200, the others 412', async () => {
      const path = `${notesPath}/${note.id}`;
      const cur = (await world.as('phMember').get(path)).body;
      const results = await Promise.all([1, 2, 3, 4, 5].map((i) =>
        world.as(i % 2 ? 'phMember' : 'phManager').patch(path, { body: `Racer ${i}` }, { ifMatch: cur.version })));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 412, 412, 412, 412], results.map((r) => `${r.status} ${r.text.slice(0, 200)}`).join('\n'));
      const now = (await world.as('phMember').get(path)).body;
      assert.equal(now.version, cur.version + 1);
      assert.equal(now.body, results.find((r) => r.status === 200).body.body);
    });

    it('a manager of the owner party may edit; other members, viewers and the partner may not (403)', async () => {
      const path = `${notesPath}/${note.id}`;
      note.version = (await world.as('phMember').get(path)).body.version;
      for (const key of ['phViewer', 'phExec', 'nbManager', 'nbMember']) {
        expectProblem(await world.as(key).patch(path, { title: 'Hijack' }, { ifMatch: note.version }), 403, 'forbidden');
      }
      const res = await world.as('phManager').patch(path, { title: 'Agenda for the JSC (final)' }, { ifMatch: note.version });
      expectStatus(res, 200);
      note.version = res.body.version;
    });

    it('turning an alliance note into a party note hides it from the partner', async () => {
      const path = `${notesPath}/${note.id}`;
      expectStatus(await world.as('nbMember').get(path), 200);
      note.version = (await world.as('phMember').get(path)).body.version;
      const res = await world.as('phMember').patch(path, { visibility: 'party' }, { ifMatch: note.version });
      expectStatus(res, 200);
      note.version = res.body.version;
      expectProblem(await world.as('nbMember').get(path), 404, 'not-found');
      const list = await listAll(world.as('nbMember'), notesPath);
      assert.ok(!list.some((n) => n.id === note.id));
    });

    it('DELETE: others 403; author 204; then 404 everywhere', async () => {
      const path = `${notesPath}/${note.id}`;
      const before = server.count('notes');
      expectProblem(await world.as('phViewer').del(path), 403, 'forbidden');
      expectProblem(await world.as('nbManager').del(path), 404, 'not-found');
      assert.equal(server.count('notes'), before);
      const res = await world.as('phMember').del(path);
      assert.equal(res.status, 204, res.text);
      expectProblem(await world.as('phMember').get(path), 404, 'not-found');
      expectProblem(await world.as('phMember').del(path), 404, 'not-found');
      const list = await listAll(world.as('phManager'), notesPath);
      assert.ok(!list.some((n) => n.id === note.id));
    });

    it('readers on a note that stays non-restricted are 422 in a PATCH too, and change nothing', async () => {
      const n = await world.createNote('phMember', { visibility: 'alliance', title: 'Open minutes' });
      const path = `${notesPath}/${n.id}`;
      const before = snapshot();
      expectValidation(await world.as('phMember').patch(path, { readers: [world.person('phViewer').id] }, { ifMatch: n.version }), 'readers');
      expectValidation(await world.as('phMember').patch(path, { visibility: 'party', readers: [world.person('phViewer').id] }, { ifMatch: n.version }), 'readers');
      assert.equal((await world.as('phMember').get(path)).body.version, n.version);
      assert.deepEqual(snapshot(), before);
    });

    it('viewers and executives cannot write notes (403, nothing written)', async () => {
      const before = snapshot();
      for (const key of ['phViewer', 'phExec']) {
        expectProblem(await world.as(key).post(notesPath, { title: 'Not allowed', body: 'x', visibility: 'alliance' }), 403, 'forbidden');
      }
      assert.deepEqual(snapshot(), before);
    });
  });
});
