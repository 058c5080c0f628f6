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

test('governance responses match the documented schemas', async () => {
  const alice = await signIn('alice@meridian.example');
  const dana = await signIn('dana@pulsewise.example');
  const emeka = await signIn('emeka@pulsewise.example');
  const shared = (await call(alice, 'GET', '/api/v1/alliances?q=Pulsewise&limit=50')).body.items
    .find((a) => a.parties.length === 2 && a.stage === 'execution');
  const a = `/api/v1/alliances/${shared.id}`;
  const ifMatch = (v) => ({ 'if-match': `"${v}"` });

  const committees = (await call(dana, 'GET', `${a}/committees`)).body.items;
  const jsc = committees.find((c) => c.kind === 'joint_steering');
  await call(alice, 'GET', `${a}/committees/${jsc.id}`);
  await call(alice, 'GET', `${a}/committees?kind=nowhere`);
  const wg = await call(alice, 'POST', `${a}/committees`, {
    name: 'Contract working group', kind: 'custom', cadence: 'monthly', quorum_rule: 'all_voting',
    chair_rotation: 'per_meeting', parent_id: jsc.id });
  await call(alice, 'POST', `${a}/committees`, { name: '', kind: 'board' });
  const seated = await call(alice, 'POST', `${a}/committees/${wg.body.id}/members`,
    { user_id: emeka.me.user.id, role: 'voting_member' });
  await call(alice, 'PATCH', `${a}/committees/${wg.body.id}/members/${seated.body.members[0].id}`,
    { role: 'chair' }, ifMatch(seated.body.version));
  await call(alice, 'GET', `${a}/governance/cadence-proposal?template=lean&from=2027-01-04&months=2`);
  await call(alice, 'GET', `${a}/governance/cadence-proposal?template=weekly&from=x&months=99`);
  const rights = (await call(alice, 'GET', `${a}/decision-rights`)).body.items;
  await call(alice, 'GET', `${a}/decision-rights/${rights[0].id}`);
  await call(alice, 'POST', `${a}/decision-rights`, { decision_type: 'New indication', committee_id: jsc.id,
    levels: [{ name: 'JSC', committee_id: jsc.id, days: 30 }, { name: 'Executives', committee_id: null, days: 30 }] });

  const issues = (await call(dana, 'GET', `${a}/issues?status=open`)).body.items;
  await call(dana, 'GET', `${a}/issues/${issues[0].id}`);
  await call(dana, 'GET', `${a}/issues/${issues[0].id}/history`);
  const raised = await call(dana, 'POST', `${a}/issues`, { title: 'Contract issue', severity: 'low',
    party_ids: [dana.me.organization.id], decision_right_id: rights[0].id });
  await call(dana, 'POST', `${a}/issues/${raised.body.id}/escalate`, { reason: 'No agreement' },
    ifMatch(raised.body.version));
  await call(dana, 'POST', `${a}/issues/${raised.body.id}/resolve`, { outcome: 'Agreed', agreed_by: [alice.me.user.id] },
    ifMatch(raised.body.version + 1));
  await call(alice, 'GET', '/api/v1/me/notifications?limit=5');
  await call(alice, 'POST', '/api/v1/me/notifications/read-all');

  const meetings = (await call(alice, 'GET', `${a}/meetings?when=past`)).body.items;
  await call(dana, 'GET', `${a}/meetings/${meetings[0].id}`);
  await call(dana, 'GET', `${a}/meetings/${meetings[0].id}/minutes/revisions`);
  await call(dana, 'GET', `${a}/meetings/${meetings[0].id}/calendar.ics`);
  const upcoming = (await call(alice, 'GET', `${a}/meetings?when=upcoming`)).body.items[0];
  await call(alice, 'GET', `${a}/meetings/${upcoming.id}/briefs`);
  const m = await call(alice, 'POST', `${a}/meetings`, { committee_id: jsc.id, title: 'Contract meeting',
    starts_at: '2026-11-20T15:00:00Z', time_zone: 'Europe/Paris' });
  await call(alice, 'POST', `${a}/meetings`, { committee_id: jsc.id, title: 'x', starts_at: 'noon', time_zone: 'Mars/Base' });
  let meeting = (await call(alice, 'POST', `${a}/meetings/${m.body.id}/agenda`, {
    title: 'Item', decision_sought: 'Approve', pre_reads: [{ title: 'Pack', url: 'https://example.org/pack' }] })).body;
  meeting = (await call(alice, 'PATCH', `${a}/meetings/${meeting.id}/agenda/${meeting.agenda[0].id}`,
    { minutes: 'Agreed.' }, ifMatch(meeting.agenda[0].version))).body;
  meeting = (await call(alice, 'PUT', `${a}/meetings/${meeting.id}/attendance`, { entries: [
    { user_id: alice.me.user.id, status: 'present' }, { user_id: dana.me.user.id, status: 'delegate', delegate_name: 'Sam' }] },
  ifMatch(meeting.version))).body;
  meeting = (await call(alice, 'POST', `${a}/meetings/${meeting.id}/minutes/review`, { decision: 'approve' },
    ifMatch(meeting.version))).body;
  meeting = (await call(dana, 'POST', `${a}/meetings/${meeting.id}/minutes/review`, { decision: 'approve' },
    ifMatch(meeting.version))).body;
  assert.equal(meeting.minutes.state, 'final');
  await call(alice, 'PATCH', `${a}/meetings/${meeting.id}/agenda/${meeting.agenda[0].id}`, { minutes: 'Changed.' },
    ifMatch(meeting.agenda[0].version));
  await call(alice, 'POST', `${a}/meetings/${meeting.id}/minutes/revisions`, { reason: 'Typo' }, ifMatch(meeting.version));
  const brief = await call(alice, 'POST', `${a}/meetings/${meeting.id}/briefs`, { title: 'Our line', body: 'Hold' });
  await call(alice, 'PATCH', `${a}/meetings/${meeting.id}/briefs/${brief.body.id}`, { body: 'Go' }, ifMatch(brief.body.version));

  const decisions = (await call(dana, 'GET', `${a}/decisions?q=monthly`)).body.items;
  await call(dana, 'GET', `${a}/decisions/${decisions[0].id}`);
  await call(dana, 'POST', `${a}/decisions/${decisions[0].id}/votes`, { vote: 'approve', comment: 'Fine' },
    ifMatch(decisions[0].version));
  await call(dana, 'GET', `${a}/decisions/export.csv?state=approved`);
  const d = await call(alice, 'POST', `${a}/decisions`, { committee_id: jsc.id, title: 'Contract decision', visibility: 'alliance' });
  await call(alice, 'POST', `${a}/decisions/${d.body.id}/state`, { state: 'deferred', reason: 'Later' }, ifMatch(d.body.version));
  await call(alice, 'POST', `${a}/decisions`, { committee_id: jsc.id, title: 'Private', visibility: 'party' });

  const action = await call(alice, 'POST', `${a}/actions`, { title: 'Contract action', owner_user_id: emeka.me.user.id,
    due_on: '2026-12-31', meeting_id: meeting.id });
  await call(emeka, 'PATCH', `${a}/actions/${action.body.id}`, { status: 'done' }, ifMatch(action.body.version));
  await call(alice, 'GET', `${a}/actions?overdue=true`);
  await call(emeka, 'GET', '/api/v1/me/actions');
  const people = (await call(alice, 'GET', `${a}/stakeholders`)).body.items;
  await call(alice, 'GET', `${a}/stakeholders/${people[0].id}`);
  await call(alice, 'POST', `${a}/stakeholders`, { name: 'Contract person', influence: 2, interest: 4, attitude: 'supporter' });
  await call(alice, 'POST', `${a}/stakeholders`, { name: 'Out of range', influence: 9, interest: 4, attitude: 'supporter' });

  await call(alice, 'GET', '/api/v1/me/calendar-feed');
  const feed = await call(alice, 'POST', '/api/v1/me/calendar-feed');
  await call(null, 'GET', new URL(feed.body.url).pathname);
  await call(alice, 'DELETE', '/api/v1/me/calendar-feed');
  // Every governance change above is audited; the events match the documented shape.
  const events = await call(alice, 'GET', `${a}/audit?limit=100`);
  assert.ok(events.body.items.some((e) => e.record_type === 'meeting' && e.action === 'review'));
  assert.ok(checked.size >= 90, `checked ${checked.size} route/status pairs`);
});
