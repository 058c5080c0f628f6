// Bad input gets a clear problem answer and changes nothing.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, rawRequest } from '../support/client.mjs';

const BODY_LIMIT = 65536;

describe('bad input', () => {
  let world;
  let server;
  let id;
  let note;

  before(async () => {
    world = await buildWorld({ server: { bodyLimit: BODY_LIMIT } });
    server = world.server;
    id = world.alliance.id;
    note = await world.createNote('phManager', { visibility: 'alliance', title: 'Baseline note' });
  });
  after(async () => { await world?.stop(); });

  const counts = () => ({
    alliances: server.count('alliances'),
    notes: server.count('notes'),
    members: server.count('alliance_members'),
    audit: server.count('audit_events'),
  });

  // A complete alliance body as text, with `name` replaced by raw bytes.
  const allianceBytesWithName = (nameBytes) => {
    const text = JSON.stringify(world.allianceBody({ name: '@@NAME@@' }));
    const [head, tail] = text.split('@@NAME@@');
    return Buffer.concat([Buffer.from(head, 'utf8'), nameBytes, Buffer.from(tail, 'utf8')]);
  };
  const post = (raw, path = `${API}/alliances`) => world.as('phManager').request('POST', path, { raw });
  const patchAlliance = async (raw) => {
    const a = await world.getAlliance(id);
    return world.as('phManager').request('PATCH', `${API}/alliances/${id}`, { raw, ifMatch: a.version });
  };

  // [what, request, expected status(es), problem type suffix]
  const CASES = [
    ['malformed JSON', () => post('{"name": "Unclosed", '), 400, 'malformed'],
    ['malformed JSON in a PATCH', () => patchAlliance('{"name": '), 400, 'malformed'],
    ['a bad escape', () => post('{"name": "\\x41"}'), 400, 'malformed'],
    ['trailing garbage after the object', () => post(`${JSON.stringify({ name: 'x' })} trailing`), 400, 'malformed'],
    ['an empty body', () => post(''), 400, 'malformed'],
    ['invalid UTF-8 bytes', () => post(allianceBytesWithName(Buffer.from([0x4e, 0xff, 0xfe, 0xc3, 0x28]))), 400, 'malformed'],
    ['an overlong UTF-8 encoding', () => post(allianceBytesWithName(Buffer.from([0xc0, 0xaf]))), 400, 'malformed'],
    ['invalid UTF-8 in a note PATCH', async () => {
      const raw = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
      const cur = await world.as('phManager').get(`${API}/alliances/${id}/notes/${note.id}`);
      return world.as('phManager').request('PATCH', `${API}/alliances/${id}/notes/${note.id}`, { raw, ifMatch: cur.body.version });
    }, 400, 'malformed'],
    ['a JSON array instead of an object', () => post(JSON.stringify([world.allianceBody()])), 400, 'malformed'],
    ['an empty JSON array', () => post('[]'), 400, 'malformed'],
    ['a JSON string', () => post('"alliance"'), 400, 'malformed'],
    ['JSON null', () => post('null'), 400, 'malformed'],
    ['a JSON number', () => post('42'), 400, 'malformed'],
    ['an array as a note body', () => post('[{"title":"t","body":"b","visibility":"alliance"}]', `${API}/alliances/${id}/notes`), 400, 'malformed'],
    ['deeply nested arrays', () => post(`{"name":${'['.repeat(20000)}${']'.repeat(20000)}}`), [400, 422], ['malformed', 'validation']],
    ['a lone surrogate escape', () => post(JSON.stringify(world.allianceBody({ name: '@@' })).replace('@@', '\\ud800')), [400, 422], ['malformed', 'validation']],
    ['a malformed path id', () => world.as('phManager').get(`${API}/alliances/not-an-id`), 400, 'malformed'],
    ['a malformed path id in a PATCH', () => world.as('phManager').patch(`${API}/alliances/not-an-id`, { name: 'x' }, { ifMatch: 1 }), 400, 'malformed'],
    ['a malformed note id', () => world.as('phManager').get(`${API}/alliances/${id}/notes/12345`), 400, 'malformed'],
    ['a malformed member id in a DELETE', () => world.as('phManager').del(`${API}/alliances/${id}/members/'%20OR%201=1`), 400, 'malformed'],
    ['a path id with SQL in it', () => world.as('phManager').get(`${API}/alliances/${encodeURIComponent("x' OR '1'='1")}`), 400, 'malformed'],
    ['an unknown well-formed id', () => world.as('phManager').get(`${API}/alliances/01900000-0000-7000-8000-000000000000`), 404, 'not-found'],
    ['limit that is not a number', () => world.as('phManager').get(`${API}/alliances?limit=abc`), 400, 'malformed'],
    ['limit out of range (0)', () => world.as('phManager').get(`${API}/alliances?limit=0`), [400, 422], ['malformed', 'validation']],
    ['limit out of range (201)', () => world.as('phManager').get(`${API}/alliances?limit=201`), [400, 422], ['malformed', 'validation']],
    ['a forged cursor', () => world.as('phManager').get(`${API}/alliances?cursor=${encodeURIComponent('not-a-real-cursor!!')}`), 400, 'malformed'],
    ['a q over 200 characters', () => world.as('phManager').get(`${API}/alliances?q=${'q'.repeat(201)}`), [400, 422], ['malformed', 'validation']],
    ['a bad archived filter', () => world.as('phManager').get(`${API}/alliances?archived=maybe`), [400, 422], ['malformed', 'validation']],
    ['a bad sort', () => world.as('phManager').get(`${API}/alliances?sort=password`), [400, 422], ['malformed', 'validation']],
    ['a bad party id filter', () => world.as('phManager').get(`${API}/alliances?party=nope`), [400, 422], ['malformed', 'validation']],
    ['a bad date (30 February)', () => world.as('phManager').post(`${API}/alliances/${id}/notes`, { title: 't', body: 'b', visibility: 'alliance', entry_date: '2026-02-30' }), 422, 'validation'],
    ['a bad date in a PATCH', async () => {
      const cur = await world.as('phManager').get(`${API}/alliances/${id}/notes/${note.id}`);
      return world.as('phManager').patch(`${API}/alliances/${id}/notes/${note.id}`, { entry_date: 'yesterday' }, { ifMatch: cur.body.version });
    }, 422, 'validation'],
    ['a stale version', async () => {
      const a = await world.getAlliance(id);
      return world.as('phManager').patch(`${API}/alliances/${id}`, { name: 'Stale write' }, { ifMatch: a.version - 1 < 1 ? a.version + 10 : a.version - 1 });
    }, 412, 'stale'],
    ['an If-Match that is not a version', () => world.as('phManager').patch(`${API}/alliances/${id}`, { name: 'Odd etag' }, { ifMatch: '"banana"' }), [400, 412], ['malformed', 'stale']],
    ['a missing If-Match', () => world.as('phManager').patch(`${API}/alliances/${id}`, { name: 'No precondition' }), 428, 'precondition-required'],
  ];

  for (const [what, request, status, suffix] of CASES) {
    it(`${what} → ${[].concat(status).join(' or ')}, nothing changes`, async () => {
      const before = counts();
      const alliance = await world.getAlliance(id);
      const res = await request();
      const allowed = [].concat(status);
      assert.ok(allowed.includes(res.status), `expected ${allowed.join('|')}, got ${res.status}: ${res.text.slice(0, 500)}`);
      expectProblem(res, res.status, suffix);
      assert.deepEqual(counts(), before);
      const now = await world.getAlliance(id);
      assert.equal(now.version, alliance.version);
      assert.equal(now.name, alliance.name);
    });
  }

  // Cursors are opaque; crafted ones must be refused (400) or ignored, never break the server.
  const b64 = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  const CURSORS = [
    ['SQL in the key value', b64({ s: 'name', v: "' OR 1=1 --", id: "x' OR '1'='1" })],
    ['an unknown sort', b64({ s: 'password_hash', v: 'a', id: '01900000-0000-7000-8000-000000000000' })],
    ['wrong value types', b64({ s: 'name', v: 123, id: null })],
    ['a bad time for updated_at', b64({ s: 'updated_at', v: 'not a time', id: '01900000-0000-7000-8000-000000000000' })],
    ['a JSON array', b64([1, 2, 3])],
    ['not JSON', b64('{{{{')],
    ['an empty object', b64({})],
  ];
  for (const [what, cursor] of CURSORS) {
    it(`a crafted cursor (${what}) is 400 or ignored, never a failure`, async () => {
      for (const path of [`${API}/alliances`, `${API}/alliances/${id}/notes`, `${API}/alliances/${id}/audit`]) {
        const res = await world.as('phManager').get(`${path}?cursor=${cursor}`);
        assert.ok([200, 400].includes(res.status), `${path}: ${res.status} ${res.text.slice(0, 300)}`);
        if (res.status === 400) expectProblem(res, 400, 'malformed');
      }
    });
  }

  it('a body over --body-limit is 413 and nothing changes', async () => {
    const before = counts();
    const body = JSON.stringify({ title: 'Too long', body: 'x'.repeat(BODY_LIMIT + 4096), visibility: 'alliance' });
    const b = world.as('phManager');
    const res = await rawRequest(world.baseUrl, 'POST', `${API}/alliances/${id}/notes`, {
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie: b.cookieHeader(), 'x-csrf-token': b.csrf },
      body,
    });
    res.method = 'POST';
    expectProblem(res, 413, 'too-large');
    assert.deepEqual(counts(), before);
  });

  it('a body just under the limit is read (not 413)', async () => {
    const body = JSON.stringify({ title: 'Long minutes', body: 'y'.repeat(BODY_LIMIT - 2048), visibility: 'alliance' });
    const res = await world.as('phManager').request('POST', `${API}/alliances/${id}/notes`, { raw: body });
    assert.notEqual(res.status, 413, res.text.slice(0, 300));
    assert.ok([201, 422].includes(res.status), `got ${res.status}: ${res.text.slice(0, 300)}`);
  });

  it('the server is still healthy afterwards', async () => {
    const res = await world.anon().get('/healthz');
    assert.equal(res.status, 200);
    expectStatus(await world.as('phManager').get(`${API}/alliances/${id}`), 200);
  });

  it('validation errors list the field of every bad member', async () => {
    const before = counts();
    const res = await world.as('phManager').post(`${API}/alliances`, world.allianceBody({ tier: 'one', type: 'merger', therapeutic_areas: [1, 2] }));
    expectValidation(res, 'tier', 'type', 'therapeutic_areas');
    assert.deepEqual(counts(), before);
  });
});
