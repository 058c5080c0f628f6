// Real responses match the schemas in docs/openapi.yaml: the server is started on the demo
// portfolio, driven through the main flows, and every answer is validated (JSON Schema 2020-12,
// which OpenAPI 3.1 uses) against the schema documented for its route, status and content type.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.NORTHSTAR_BIN ?? resolve(root, 'build', 'northstar');
const doc = YAML.parse(readFileSync(resolve(root, 'docs', 'openapi.yaml'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: 'openapi' });

const deref = (node) => {
  while (node?.$ref) node = node.$ref.replace(/^#\//, '').split('/').reduce((n, k) => n[k], doc);
  return node;
};

function operationFor(method, path) {
  for (const [template, item] of Object.entries(doc.paths)) {
    const re = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
    if (re.test(path) && item[method.toLowerCase()]) return { template, op: item[method.toLowerCase()] };
  }
  return null;
}

let server, dir, base;
const passwords = {};
const checked = new Set();

async function call(session, method, path, body, headers = {}) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(session?.cookie ? { cookie: session.cookie } : {}),
      ...(session?.csrf && method !== 'GET' ? { 'x-csrf-token': session.csrf } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const type = (res.headers.get('content-type') ?? '').split(';')[0];
  const found = operationFor(method, path.split('?')[0]);
  assert.ok(found, `${method} ${path} is not documented`);
  const response = deref(found.op.responses[String(res.status)] ?? found.op.responses.default);
  assert.ok(response, `${method} ${found.template} answered ${res.status}, which is not documented`);
  if (res.status !== 204) {
    const media = response.content?.[type];
    assert.ok(media, `${method} ${found.template} ${res.status}: content type ${type} is not documented`);
    if (type.endsWith('json') && media.schema) {
      const data = JSON.parse(text);
      // Inline schemas may refer to components: point their refs into the registered document.
      const validate = ajv.compile(
        JSON.parse(JSON.stringify(media.schema).replaceAll('"#/', '"openapi#/')));
      assert.ok(validate(data), `${method} ${found.template} ${res.status} does not match its schema: ` +
        `${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`);
    }
  }
  checked.add(`${method} ${found.template} ${res.status}`);
  return { status: res.status, headers: res.headers, body: text && type.endsWith('json') ? JSON.parse(text) : text };
}

async function signIn(email) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: passwords[email] }),
  });
  assert.equal(res.status, 200);
  const body = await res.json();
  return { cookie: res.headers.get('set-cookie').split(';')[0], csrf: body.csrf_token, me: body };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ns-contract-'));
  const port = await new Promise((res) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
  });
  base = `http://127.0.0.1:${port}`;
  server = spawn(bin, ['serve', '--database', `sqlite:${join(dir, 'c.db')}`, '--port', String(port),
    '--demo', '--access-log', 'false', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  server.stdout.on('data', (d) => { out += d; });
  for (let i = 0; i < 400 && !/listening/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
  for (const m of out.matchAll(/e-mail: (\S+)\s+password: (\S+)/g)) passwords[m[1]] = m[2];
});

after(async () => {
  if (server) await new Promise((res) => { server.on('exit', res); server.kill('SIGTERM'); });
  rmSync(dir, { recursive: true, force: true });
});

test('responses of the main flows match the documented schemas', async () => {
  await call(null, 'GET', '/healthz');
  await call(null, 'GET', '/readyz');
  await call(null, 'GET', '/api/v1/me');
  await call(null, 'POST', '/api/v1/auth/login', { email: 'alice@meridian.example', password: 'wrong-password' });
  const alice = await signIn('alice@meridian.example');
  const dana = await signIn('dana@pulsewise.example');
  await call(alice, 'GET', '/api/v1/me');
  const orgs = await call(alice, 'GET', '/api/v1/organizations?limit=3');
  await call(alice, 'GET', `/api/v1/organizations/${orgs.body.items[0].id}`);
  await call(alice, 'POST', '/api/v1/organizations', { name: 'Orbital Diagnostics', type: 'technology' });
  await call(alice, 'POST', '/api/v1/organizations', { name: 'Orbital Diagnostics', type: 'technology' });
  await call(alice, 'POST', '/api/v1/organizations', { name: '', type: 'bank', colour: 'red' });
  const users = await call(alice, 'GET', '/api/v1/users?limit=2');
  await call(alice, 'GET', `/api/v1/users/${users.body.items[0].id}`);
  await call(alice, 'GET', '/api/v1/tokens');
  const token = await call(alice, 'POST', '/api/v1/tokens', { name: 'contract test', expires_in_days: 30 });
  await call(alice, 'DELETE', `/api/v1/tokens/${token.body.token.id}`);

  const list = await call(alice, 'GET', '/api/v1/alliances?limit=2&sort=-updated_at');
  await call(alice, 'GET', `/api/v1/alliances?limit=2&sort=-updated_at&cursor=${list.body.next_cursor}`);
  await call(alice, 'GET', '/api/v1/alliances?stage=nowhere');
  const shared = (await call(alice, 'GET', '/api/v1/alliances?q=Pulsewise&limit=50')).body.items
    .find((a) => a.parties.length === 2 && a.stage === 'execution');
  assert.ok(shared, 'the demo has Meridian × Pulsewise in execution');
  const id = shared.id;
  await call(alice, 'GET', `/api/v1/alliances/${id}`);
  await call(dana, 'GET', `/api/v1/alliances/${id}`);
  await call(alice, 'GET', `/api/v1/alliances/${id}/stage`);
  await call(alice, 'POST', `/api/v1/alliances/${id}/stage`, { to: 'closed', reason: 'x' }, { 'if-match': `"${shared.version}"` });
  await call(alice, 'PATCH', `/api/v1/alliances/${id}`, { tier: 2 }, { 'if-match': '"1"' });
  await call(alice, 'PATCH', `/api/v1/alliances/${id}`, { tier: 2 });
  const patched = await call(alice, 'PATCH', `/api/v1/alliances/${id}`, { tier: 2 }, { 'if-match': `"${shared.version}"` });
  assert.equal(patched.status, 200);
  await call(alice, 'GET', `/api/v1/alliances/${id}/members`);
  const notes = await call(dana, 'GET', `/api/v1/alliances/${id}/notes?limit=2`);
  await call(dana, 'GET', `/api/v1/alliances/${id}/notes/${notes.body.items[0].id}`);
  const note = await call(alice, 'POST', `/api/v1/alliances/${id}/notes`, { title: 'Contract', body: 'b', visibility: 'party' });
  await call(dana, 'GET', `/api/v1/alliances/${id}/notes/${note.body.id}`);
  await call(alice, 'PATCH', `/api/v1/alliances/${id}/notes/${note.body.id}`, { body: 'c' }, { 'if-match': '"1"' });
  await call(alice, 'DELETE', `/api/v1/alliances/${id}/notes/${note.body.id}`);
  await call(dana, 'GET', `/api/v1/alliances/${id}/audit?limit=5`);

  const partner = dana.me.organization.id;
  const invite = await call(alice, 'POST', '/api/v1/invitations', {
    email: 'new.person@pulsewise.example', name: 'New Person', organization_id: partner,
    alliance_id: id, alliance_role: 'viewer' });
  await call(alice, 'GET', '/api/v1/invitations');
  const secret = new URL(invite.body.accept_url).searchParams.get('token');
  await call(null, 'GET', `/api/v1/invitations/lookup?token=${secret}`);
  await call(null, 'POST', '/api/v1/invitations/accept', { token: secret, password: 'a-long-enough-password' });
  await call(null, 'POST', '/api/v1/invitations/accept', { token: secret, password: 'a-long-enough-password' });
  await call(alice, 'POST', `/api/v1/alliances/${id}/archive`, {}, { 'if-match': `"${patched.body.version}"` });
  await call(alice, 'POST', `/api/v1/alliances/${id}/restore`, {}, { 'if-match': `"${patched.body.version + 1}"` });
  await call(alice, 'POST', '/api/v1/auth/logout');
  assert.ok(checked.size >= 35, `checked ${checked.size} route/status pairs`);
});
