// Health endpoints, request ids and security headers.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import YAML from 'yaml';
import { startServer, DB_KIND } from '../support/server.mjs';
import { Browser, API, expectProblem, rawRequest } from '../support/client.mjs';

describe('health and transport headers', () => {
  let server;
  let anon;

  before(async () => {
    server = await startServer({
      setup: async (s) => {
        const org = s.createOrg('Helix Pharma', 'pharma');
        s.createUser({ orgId: org, email: 'avery.lindqvist@helix.example', name: 'Avery Lindqvist',
          password: 'Tidal-Lantern-4827!', admin: true });
      },
    });
    anon = new Browser(server.baseUrl);
  });
  after(async () => { await server?.stop(); });

  it('GET /healthz answers 200 {"status":"ok"}', async () => {
    const res = await anon.get('/healthz');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') || '', /^application\/json/);
    assert.equal(res.body.status, 'ok');
  });

  it('GET /readyz answers 200 with the database kind and an integer schema version', async () => {
    const res = await anon.get('/readyz');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status, 'ready');
    assert.equal(res.body.database, DB_KIND);
    assert.ok(Number.isInteger(res.body.schema_version) && res.body.schema_version >= 1,
      `schema_version: ${res.text}`);
  });

  it('serves the OpenAPI document as YAML', async () => {
    const res = await anon.get(`${API}/openapi.yaml`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') || '', /^application\/(yaml|x-yaml)/);
    const doc = YAML.parse(res.text);
    assert.match(String(doc.openapi), /^3\.1/);
    assert.ok(doc.paths && Object.keys(doc.paths).length > 0, 'the document lists paths');
  });

  it('an unknown API route is a 404 problem', async () => {
    const res = await anon.get(`${API}/no-such-route`);
    expectProblem(res, 404, 'not-found');
  });

  it('every response carries a distinct X-Request-Id', async () => {
    const responses = [
      await anon.get('/healthz'),
      await anon.get('/readyz'),
      await anon.get(`${API}/openapi.yaml`),
      await anon.get(`${API}/me`),
      await anon.get(`${API}/no-such-route`),
      await anon.post(`${API}/auth/login`, { email: 'nobody@nowhere.example', password: 'wrong-password-123' }),
      await anon.post(`${API}/auth/login`, { email: 'avery.lindqvist@helix.example', password: 'Tidal-Lantern-4827!' }),
      await anon.get(`${API}/me`),
      await anon.request('OPTIONS', `${API}/me`),
    ];
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    for (const [i, id] of ids.entries()) {
      assert.ok(id && id.length >= 8, `${responses[i].method} ${responses[i].path} (${responses[i].status}) has X-Request-Id "${id}"`);
    }
    assert.equal(new Set(ids).size, ids.length, `request ids should be unique: ${ids.join(', ')}`);
  });

  it('security headers are on JSON, problem and YAML responses', async () => {
    const responses = [
      await anon.get('/healthz'),
      await anon.get(`${API}/me`),
      await anon.get(`${API}/openapi.yaml`),
      await anon.get(`${API}/alliances/not-an-id`),
    ];
    for (const res of responses) {
      const where = `${res.method} ${res.path} (${res.status})`;
      assert.equal((res.headers.get('x-content-type-options') || '').toLowerCase(), 'nosniff', `${where}: X-Content-Type-Options`);
      assert.ok(res.headers.get('referrer-policy'), `${where}: Referrer-Policy missing`);
      const csp = res.headers.get('content-security-policy') || '';
      assert.match(csp, /frame-ancestors\s+'none'/, `${where}: Content-Security-Policy "${csp}"`);
    }
  });

  it('a body over the default limit (1 MiB) is 413', async () => {
    const body = JSON.stringify({ email: 'a@b.example', password: 'p'.repeat(1024 * 1024 + 10) });
    const res = await rawRequest(server.baseUrl, 'POST', `${API}/auth/login`, {
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, body,
    });
    expectProblem(res, 413, 'too-large');
  });

  it('a method the route does not have is a problem answer (404/405)', async () => {
    const res = await anon.request('PUT', `${API}/me`, { body: {} });
    assert.ok([404, 405].includes(res.status), `got ${res.status}`);
    // the guide names no type for 405; the problem's status must still match the answer's
    expectProblem(res, res.status, res.status === 405 ? undefined : 'not-found');
    if (res.status === 405) assert.match(res.headers.get('allow') || '', /GET/, 'a 405 names the allowed methods in Allow');
  });

  it('signed-out calls to protected routes are 401 problems', async () => {
    const fresh = new Browser(server.baseUrl);
    for (const path of [`${API}/me`, `${API}/alliances`, `${API}/organizations`, `${API}/tokens`, `${API}/users`]) {
      expectProblem(await fresh.get(path), 401, 'unauthenticated');
    }
  });

  it('readyz is 503 once the database is gone (PostgreSQL)', { skip: DB_KIND !== 'postgresql' }, async () => {
    const name = new URL(server.dbUrl).pathname.slice(1).split('?')[0];
    const rename = `${name}_gone`;
    // rename it away from the server (renaming needs no open connections; retry while the pool reconnects)
    let renamed = false;
    for (let i = 0; i < 20 && !renamed; i++) {
      try {
        server.adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
        server.adminQuery(`ALTER DATABASE "${name}" RENAME TO "${rename}"`);
        renamed = true;
      } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    assert.ok(renamed, 'could not take the database away');
    // probe without a cookie (a load balancer) and with one (a signed-in browser)
    const probe = new Browser(server.baseUrl);
    const signedIn = anon;
    assert.ok(signedIn.cookies.has('ns_session'), 'the second probe carries a session cookie');
    const seen = {};
    try {
      seen.readyz = await probe.get('/readyz');
      seen.healthz = await probe.get('/healthz');
      seen.healthzWithCookie = await signedIn.get('/healthz');
      seen.readyzWithCookie = await signedIn.get('/readyz');
    } finally {
      server.adminQuery(`ALTER DATABASE "${rename}" RENAME TO "${name}"`);
    }
    let ready = false;
    for (let i = 0; i < 50 && !ready; i++) {
      ready = (await probe.get('/readyz')).status === 200;
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    const wrong = [];
    if (seen.readyz.status !== 503) wrong.push(`GET /readyz without a database: ${seen.readyz.status}, expected 503`);
    if (seen.readyzWithCookie.status !== 503) wrong.push(`GET /readyz (with a session cookie) without a database: ${seen.readyzWithCookie.status}, expected 503`);
    if (seen.healthz.status !== 200) wrong.push(`GET /healthz without a database: ${seen.healthz.status}, expected 200`);
    if (seen.healthzWithCookie.status !== 200) wrong.push(`GET /healthz (with a session cookie) without a database: ${seen.healthzWithCookie.status}, expected 200`);
    if (!ready) wrong.push('GET /readyz is not 200 again within 5 s after the database is back');
    assert.deepEqual(wrong, []);
  });
});
