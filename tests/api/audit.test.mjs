// Audit trail: every change leaves an event with before/after; the hash chain detects tampering.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, uniq } from '../support/world.mjs';
import { API, expectStatus, listAll } from '../support/client.mjs';

describe('audit trail', () => {
  let world;
  let server;
  let id;

  before(async () => {
    world = await buildWorld({ spares: { helix: 1 } });
    server = world.server;
    id = world.alliance.id;
  });
  after(async () => { await world?.stop(); });

  const auditPath = () => `${API}/alliances/${id}/audit`;
  const topSeq = async () => {
    const res = await world.as('phManager').get(`${auditPath()}?limit=1`);
    expectStatus(res, 200);
    return res.body.items.length ? res.body.items[0].seq : 0;
  };
  const eventsAfter = async (seq) => {
    const all = await listAll(world.as('phManager'), auditPath());
    return all.filter((e) => e.seq > seq);
  };

  // Each change: what to do (as whom), and which record its event must name.
  const CHANGES = [
    // A shared field changes by consent: Helix proposes, Nimbus's acceptance applies it.
    { name: 'alliance update', actor: 'nbManager', run: async (w) => {
      const a = await w.getAlliance(id);
      const name = uniq('Helix–Nimbus Renamed');
      const proposed = await w.as('phManager').post(`${API}/alliances/${id}/proposals`, { name });
      expectStatus(proposed, 201);
      const res = await w.as('nbManager').post(`${API}/alliances/${id}/proposals/${proposed.body.id}/decision`,
        { decision: 'accept' }, { ifMatch: proposed.body.version });
      expectStatus(res, 200);
      assert.equal(res.body.status, 'applied');
      return { recordId: id, changes: { name: { before: a.name, after: name } } };
    } },
    { name: 'stage move', actor: 'nbManager', run: async (w) => {
      const a = await w.getAlliance(id);
      const res = await w.as('nbManager').post(`${API}/alliances/${id}/stage`, { to: 'evaluation', reason: 'Pilot data looks promising' }, { ifMatch: a.version });
      expectStatus(res, 200);
      return { changes: { stage: { before: 'scouting', after: 'evaluation' } } };
    } },
    { name: 'member added', actor: 'phManager', run: async (w) => {
      const res = await w.as('phManager').post(`${API}/alliances/${id}/members`, { user_id: w.spares.helix[0].id, role: 'viewer' });
      expectStatus(res, 201);
      return { mentions: w.spares.helix[0].id };
    } },
    { name: 'member role changed', actor: 'phManager', run: async (w) => {
      const list = await w.as('phManager').get(`${API}/alliances/${id}/members`);
      const m = list.body.items.find((x) => x.user_id === w.spares.helix[0].id);
      const res = await w.as('phManager').patch(`${API}/alliances/${id}/members/${m.user_id}`, { role: 'member' }, { ifMatch: m.version });
      expectStatus(res, 200);
      return { mentions: w.spares.helix[0].id, changes: { role: { before: 'viewer', after: 'member' } } };
    } },
    { name: 'note created', actor: 'phMember', run: async (w) => {
      const n = await w.createNote('phMember', { visibility: 'alliance', title: 'Site selection shortlist' });
      w.lastNote = n;
      return { recordId: n.id };
    } },
    { name: 'note updated', actor: 'phMember', run: async (w) => {
      const n = w.lastNote;
      const res = await w.as('phMember').patch(`${API}/alliances/${id}/notes/${n.id}`, { title: 'Site selection shortlist v2' }, { ifMatch: n.version });
      expectStatus(res, 200);
      return { recordId: n.id, changes: { title: { before: 'Site selection shortlist', after: 'Site selection shortlist v2' } } };
    } },
    { name: 'note deleted', actor: 'phMember', run: async (w) => {
      const res = await w.as('phMember').del(`${API}/alliances/${id}/notes/${w.lastNote.id}`);
      assert.equal(res.status, 204, res.text);
      return { recordId: w.lastNote.id };
    } },
    { name: 'member removed', actor: 'phManager', run: async (w) => {
      const res = await w.as('phManager').del(`${API}/alliances/${id}/members/${w.spares.helix[0].id}`);
      assert.equal(res.status, 204, res.text);
      return { mentions: w.spares.helix[0].id };
    } },
    { name: 'archived', actor: 'phManager', run: async (w) => {
      const a = await w.getAlliance(id);
      expectStatus(await w.as('phManager').post(`${API}/alliances/${id}/archive`, undefined, { ifMatch: a.version }), 200);
      return { recordId: id, changes: { archived: { before: false, after: true } } };
    } },
    { name: 'restored', actor: 'phManager', run: async (w) => {
      const a = await w.getAlliance(id);
      expectStatus(await w.as('phManager').post(`${API}/alliances/${id}/restore`, undefined, { ifMatch: a.version }), 200);
      return { recordId: id, changes: { archived: { before: true, after: false } } };
    } },
  ];

  describe('every change is audited', () => {
    for (const change of CHANGES) {
      it(`${change.name}: a new event by the actor, with before/after`, async () => {
        const seq = await topSeq();
        const rowsBefore = server.count('audit_events');
        const expect = await change.run(world);
        assert.ok(server.count('audit_events') > rowsBefore, 'a row was appended to audit_events');
        const events = await eventsAfter(seq);
        const mine = events.filter((e) => {
          if (expect.recordId) return e.record_id === expect.recordId;
          if (expect.mentions) return JSON.stringify(e).includes(expect.mentions);
          return true;
        });
        assert.ok(mine.length >= 1, `no new event for ${change.name}: ${JSON.stringify(events)}`);
        for (const e of mine) {
          for (const k of ['id', 'seq', 'at', 'actor_id', 'actor_name', 'record_type', 'record_id', 'action', 'changes']) {
            assert.ok(k in e, `event field ${k}: ${JSON.stringify(e)}`);
          }
          assert.equal(e.actor_id, world.person(change.actor).id);
          assert.equal(e.actor_name, world.person(change.actor).name);
          assert.match(e.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
          assert.equal(typeof e.changes, 'object');
        }
        if (expect.changes) {
          const ok = mine.some((e) => Object.entries(expect.changes).every(([field, ba]) =>
            e.changes && e.changes[field] && JSON.stringify(e.changes[field].before) === JSON.stringify(ba.before) &&
            JSON.stringify(e.changes[field].after) === JSON.stringify(ba.after)));
          assert.ok(ok, `expected changes ${JSON.stringify(expect.changes)} in ${JSON.stringify(mine)}`);
        }
      });
    }

    it('an alliance\'s audit holds only its own events', async () => {
      const other = await world.createAlliance('phManager', { name: 'Orion Side Project' });
      const n = await world.createNote('phManager', { visibility: 'alliance', title: 'Orion kick-off', allianceId: other.id });
      const mine = await listAll(world.as('phManager'), auditPath());
      const text = JSON.stringify(mine);
      assert.ok(!text.includes(other.id) && !text.includes(n.id) && !text.includes('Orion'), 'no event of another alliance');
      const theirs = await listAll(world.as('phManager'), `${API}/alliances/${other.id}/audit`);
      assert.ok(theirs.some((e) => e.record_id === n.id));
      assert.ok(!JSON.stringify(theirs).includes(id), 'and the other way round');
    });

    it('reads are not audited', async () => {
      const rows = server.count('audit_events');
      await world.as('phManager').get(`${API}/alliances/${id}`);
      await world.as('phManager').get(`${API}/alliances/${id}/notes`);
      await world.as('phManager').get(`${API}/alliances/${id}/audit`);
      assert.equal(server.count('audit_events'), rows);
    });

    it('events are newest first with distinct, increasing seq; pages agree', async () => {
      const all = await listAll(world.as('phManager'), auditPath());
      const seqs = all.map((e) => e.seq);
      assert.equal(new Set(seqs).size, seqs.length);
      assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a));
      const paged = await listAll(world.as('phManager'), auditPath(), { limit: 4 });
      assert.deepEqual(paged.map((e) => e.seq), seqs);
    });
  });

  describe('hash chain', () => {
    it('concurrent writers never fork the chain', async () => {
      const before = server.count('audit_events');
      const writers = ['phManager', 'phMember', 'nbManager', 'nbMember'];
      const results = await Promise.all(Array.from({ length: 24 }, (_, i) =>
        world.as(writers[i % writers.length]).post(`${API}/alliances/${id}/notes`, { title: `Burst ${i}`, body: 'x', visibility: i % 3 ? 'alliance' : 'party' })));
      for (const r of results) expectStatus(r, 201, 'concurrent note');
      assert.ok(server.count('audit_events') >= before + 24);
      const seqs = server.dbQuery('SELECT seq FROM audit_events ORDER BY seq').map((r) => Number(r.seq));
      assert.deepEqual(seqs, seqs.map((_, i) => seqs[0] + i), 'seq has no gaps or duplicates');
    });

    it('`northstar audit verify` exits 0 on an intact trail', () => {
      const r = server.cli(['audit', 'verify']);
      assert.equal(r.code, 0, r.output);
    });

    it('after one row\'s changes are altered in the database, verify exits 1 and names that seq', () => {
      const seqs = server.dbQuery('SELECT seq FROM audit_events ORDER BY seq').map((r) => Number(r.seq));
      assert.ok(seqs.length >= 5, `enough events to tamper with: ${seqs.length}`);
      const victim = seqs[Math.floor(seqs.length / 2)];
      server.dbQuery(`UPDATE audit_events SET changes = '{"name":{"before":"Helix","after":"Forged"}}' WHERE seq = ${victim}`);
      const r = server.cli(['audit', 'verify']);
      assert.equal(r.code, 1, `verify should fail after tampering:\n${r.output}`);
      assert.match(r.output, new RegExp(`\\b${victim}\\b`), `the message should name seq ${victim}:\n${r.output}`);
    });
  });

  describe('removed events are detected too', () => {
    let other;
    before(async () => {
      other = await buildWorld({ notes: true });
    });
    after(async () => { await other?.stop(); });

    it('deleting the newest event: verify exits 1', () => {
      assert.equal(other.server.cli(['audit', 'verify']).code, 0, 'intact before');
      const [{ seq }] = other.server.dbQuery('SELECT max(seq) AS seq FROM audit_events');
      const [row] = other.server.dbQuery(`SELECT * FROM audit_events WHERE seq = ${seq}`);
      other.server.dbQuery(`DELETE FROM audit_events WHERE seq = ${seq}`);
      const r = other.server.cli(['audit', 'verify']);
      // put it back, so that the next test starts from an intact trail
      const cols = Object.keys(row);
      const lit = (v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(typeof v === 'object' ? JSON.stringify(v) : v).replaceAll("'", "''")}'`);
      other.server.dbQuery(`INSERT INTO audit_events (${cols.join(', ')}) VALUES (${cols.map((c) => lit(row[c])).join(', ')})`);
      assert.equal(other.server.cli(['audit', 'verify']).code, 0, 'intact again once the row is back');
      assert.equal(r.code, 1, `verify after deleting the newest event (seq ${seq}):\n${r.output}`);
    });

    it('deleting an event in the middle: verify exits 1', () => {
      assert.equal(other.server.cli(['audit', 'verify']).code, 0, 'intact before');
      const seqs = other.server.dbQuery('SELECT seq FROM audit_events ORDER BY seq').map((r) => Number(r.seq));
      const victim = seqs[Math.floor(seqs.length / 2)];
      other.server.dbQuery(`DELETE FROM audit_events WHERE seq = ${victim}`);
      const r = other.server.cli(['audit', 'verify']);
      assert.equal(r.code, 1, `verify after deleting seq ${victim}:\n${r.output}`);
    });
  });
});
