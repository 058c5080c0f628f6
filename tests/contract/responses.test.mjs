// Real responses match the schemas in docs/openapi.yaml: the server is started on the demo
// portfolio, driven through the main flows, and every answer is validated (JSON Schema 2020-12,
// which OpenAPI 3.1 uses) against the schema documented for its route, status and content type.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
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

// `body` is sent as JSON, or as it is when it is bytes (a file upload).
async function call(session, method, path, body, headers = {}) {
  const raw = body instanceof Uint8Array;
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body && !raw ? { 'content-type': 'application/json' } : {}),
      ...(session?.cookie ? { cookie: session.cookie } : {}),
      ...(session?.csrf && method !== 'GET' ? { 'x-csrf-token': session.csrf } : {}),
      ...headers,
    },
    body: raw ? body : body ? JSON.stringify(body) : undefined,
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

// The smallest well-formed PDF: one empty page, with a correct cross-reference table.
function tinyPdf() {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => { const at = pdf.length; pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; return at; });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

test('agreements responses match the documented schemas', async () => {
  const alice = await signIn('alice@meridian.example');
  const dana = await signIn('dana@pulsewise.example');
  const emeka = await signIn('emeka@pulsewise.example');
  const shared = (await call(alice, 'GET', '/api/v1/alliances?q=Pulsewise&limit=50')).body.items
    .find((a) => a.parties.length === 2 && a.stage === 'execution');
  const a = `/api/v1/alliances/${shared.id}`;
  const ifMatch = (v) => ({ 'if-match': `"${v}"` });
  const meridian = alice.me.organization.id;
  const pulsewise = dana.me.organization.id;
  const today = new Date().toISOString().slice(0, 10);
  const addDays = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
  const startChecked = checked.size;

  // Agreements: the demo's tree, one agreement, and a master with an amendment in force.
  const agreements = (await call(dana, 'GET', `${a}/agreements`)).body.items;
  const master = agreements.find((g) => g.relation === 'master' && g.status === 'active');
  assert.ok(master, 'the demo has an active master agreement');
  await call(alice, 'GET', `${a}/agreements?relation=amendment&status=signed`);
  await call(alice, 'GET', `${a}/agreements?parent_id=${master.id}`);
  await call(alice, 'GET', `${a}/agreements?kind=nowhere`);
  await call(dana, 'GET', `${a}/agreements/${master.id}`);
  const supply = await call(alice, 'POST', `${a}/agreements`, { title: 'Contract supply agreement', kind: 'supply',
    relation: 'master', party_ids: [meridian, pulsewise], status: 'active', signed_on: '2026-01-10',
    effective_on: '2026-01-15', expiry_on: addDays(75), notice_period_days: 60, governing_law: 'England and Wales',
    field: 'Heart failure', territory: 'EU', exclusivity: 'non_exclusive', summary: 'Sensors.', reminder_days: [90, 30] });
  assert.equal(supply.status, 201);
  assert.equal(supply.body.notice_deadline, addDays(15));
  const outOfOrder = await call(alice, 'POST', `${a}/agreements`, { title: 'Out of order', kind: 'cda',
    relation: 'master', effective_on: '2026-05-01', expiry_on: '2026-01-01' });
  assert.ok(outOfOrder.body.errors.some((e) => e.field === 'expiry_on'), JSON.stringify(outOfOrder.body));
  assert.equal((await call(alice, 'POST', `${a}/agreements`,
    { title: 'Orphan amendment', kind: 'supply', relation: 'amendment' })).status, 422);
  const amendment = await call(alice, 'POST', `${a}/agreements`, { title: 'Contract amendment No. 1', kind: 'supply',
    relation: 'amendment', parent_id: supply.body.id, status: 'signed', signed_on: addDays(-2), effective_on: addDays(-1),
    term_changes: { notice_period_days: 70, territory: 'EU and UK' } });
  assert.equal(amendment.status, 201);
  const amended = await call(dana, 'GET', `${a}/agreements/${supply.body.id}`);
  assert.deepEqual(amended.body.as_amended.applied_amendment_ids, [amendment.body.id]);
  assert.equal(amended.body.as_amended.territory, 'EU and UK');
  assert.equal(amended.body.as_amended.notice_deadline, addDays(5));
  assert.equal(amended.body.amendments[0].in_force, true);
  assert.equal((await call(alice, 'PATCH', `${a}/agreements/${supply.body.id}`, { summary: 'x' })).status, 428);
  assert.equal((await call(alice, 'PATCH', `${a}/agreements/${supply.body.id}`, { summary: 'x' }, ifMatch(999))).status, 412);
  const patchedAgreement = await call(alice, 'PATCH', `${a}/agreements/${supply.body.id}`,
    { summary: 'Sensors and strips.' }, ifMatch(amended.body.version));
  assert.equal(patchedAgreement.status, 200);
  await call(alice, 'PATCH', `${a}/agreements/${amendment.body.id}`,
    { term_changes: { notice_period_days: 65, territory: 'EU and UK' } }, ifMatch(amendment.body.version));
  assert.equal((await call(alice, 'PATCH', `${a}/agreements/${master.id}`, { term_changes: { territory: 'US' } },
    ifMatch(master.version))).status, 422, 'term_changes only on an amendment');
  assert.equal((await call(alice, 'GET', `${a}/agreements/${supply.body.id}`)).body.notice_deadline, addDays(10));

  // Documents: a PDF upload (twice: version 2), a refused executable, the list and the download.
  const pdf = tinyPdf();
  const docs = `${a}/agreements/${supply.body.id}/documents`;
  const up = await call(alice, 'POST', `${docs}?name=${encodeURIComponent('Supply agreement.pdf')}`, pdf,
    { 'content-type': 'application/pdf' });
  assert.equal(up.status, 201);
  assert.equal(up.body.agreement_id, supply.body.id);
  assert.equal(up.body.name, 'Supply agreement.pdf');
  assert.equal(up.body.version, 1);
  assert.equal(up.body.latest, true);
  assert.equal(up.body.uploaded_by, alice.me.user.id);
  assert.equal(up.body.content_type, 'application/pdf');
  assert.equal(up.body.size_bytes, pdf.length);
  assert.equal(up.body.sha256, createHash('sha256').update(pdf).digest('hex'));
  const up2 = await call(dana, 'POST', `${docs}?name=${encodeURIComponent('Supply agreement.pdf')}`, pdf,
    { 'content-type': 'application/octet-stream' });
  assert.equal(up2.body.version, 2);
  const exe = await call(alice, 'POST', `${docs}?name=setup.exe`, new TextEncoder().encode('MZ\x90\x00'),
    { 'content-type': 'application/octet-stream' });
  assert.equal(exe.status, 422);
  assert.match(JSON.stringify(exe.body), /executable files are not accepted/);
  assert.equal((await call(alice, 'POST', `${docs}?name=empty.pdf`, new Uint8Array(0),
    { 'content-type': 'application/pdf' })).status, 422);
  assert.equal((await call(alice, 'DELETE', `${a}/agreements/${supply.body.id}`)).status, 409, 'it has documents');
  const docList = (await call(alice, 'GET', docs)).body.items;
  assert.deepEqual(docList.map((d) => [d.version, d.latest]), [[2, true], [1, false]]);
  const content = await call(dana, 'GET', `${docs}/${up.body.id}/content`);
  assert.equal(content.status, 200);
  assert.equal(content.headers.get('content-type').split(';')[0], 'application/pdf');
  assert.match(content.headers.get('content-disposition'), /^attachment; filename="Supply agreement\.pdf"/);
  assert.equal(content.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(content.body, new TextDecoder().decode(pdf));

  // Internal notes: party-only by default.
  const notesPath = `${a}/agreements/${supply.body.id}/notes`;
  const agreementNote = await call(alice, 'POST', notesPath, { body: 'Our fallback is a 3-year term.' });
  assert.equal(agreementNote.body.visibility, 'party');
  await call(alice, 'GET', `${notesPath}?limit=5`);
  assert.equal((await call(dana, 'GET', notesPath)).body.items.length, 0);
  await call(alice, 'PATCH', `${notesPath}/${agreementNote.body.id}`, { body: 'Four years.' },
    ifMatch(agreementNote.body.version));
  await call(alice, 'POST', notesPath, { body: '' });
  await call(alice, 'DELETE', `${notesPath}/${agreementNote.body.id}`);

  // Obligations: the demo's, then one of each schedule, and a rule outside the RRULE subset.
  const obligations = (await call(alice, 'GET', `${a}/obligations`)).body.items;
  await call(alice, 'GET', `${a}/obligations?category=reporting&owed_by=${pulsewise}`);
  await call(dana, 'GET', `${a}/obligations/${obligations[0].id}`);
  const milestone = (await call(alice, 'GET', `${a}/milestones`)).body.items.find((m) => m.actual_date);
  assert.ok(milestone, 'the demo has an achieved milestone');
  const once = await call(alice, 'POST', `${a}/obligations`, { agreement_id: supply.body.id, clause_ref: '§4.1',
    title: 'Contract first delivery', category: 'supply', direction: 'owed', owed_by: meridian, owed_to: pulsewise,
    responsible_user_id: alice.me.user.id, schedule: 'once', due_on: addDays(3) });
  assert.equal(once.status, 201);
  const recurring = await call(alice, 'POST', `${a}/obligations`, { agreement_id: supply.body.id, clause_ref: '§9',
    title: 'Contract monthly report', category: 'reporting', direction: 'owed', owed_by: pulsewise, owed_to: meridian,
    responsible_user_id: emeka.me.user.id, schedule: 'recurring', starts_on: addDays(-70),
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=12', reminder_days: [7, 1] });
  assert.equal(recurring.status, 201);
  const onMilestone = await call(alice, 'POST', `${a}/obligations`, { agreement_id: supply.body.id,
    title: 'Contract milestone payment', category: 'payment', direction: 'joint', schedule: 'milestone',
    milestone_id: milestone.id, offset_days: 30 });
  assert.equal(onMilestone.status, 201);
  assert.equal(onMilestone.body.milestone_title, milestone.title);
  const badRule = await call(alice, 'POST', `${a}/obligations`, { agreement_id: supply.body.id, title: 'Bad rule',
    category: 'reporting', direction: 'joint', schedule: 'recurring', starts_on: today, rrule: 'FREQ=MONTHLY;BYSETPOS=1' });
  assert.equal(badRule.status, 422);
  assert.ok(badRule.body.errors.some((e) => e.field === 'rrule' && e.message.includes('BYSETPOS')),
    JSON.stringify(badRule.body));
  await call(alice, 'PATCH', `${a}/obligations/${once.body.id}`, { description: 'Ten units.' }, ifMatch(once.body.version));

  // Occurrences: per obligation, for the alliance, a fulfilment (If-Match "0"), then stale.
  const occurrences = (await call(emeka, 'GET', `${a}/obligations/${recurring.body.id}/occurrences`)).body.items;
  assert.ok(occurrences.length >= 3, JSON.stringify(occurrences.map((o) => o.due_on)));
  await call(alice, 'GET', `${a}/obligations/${recurring.body.id}/occurrences?from=${addDays(-30)}&to=${addDays(30)}`);
  await call(alice, 'GET', `${a}/obligations/${recurring.body.id}/occurrences?from=2020-01-01&to=2030-01-01`);
  const alliance = (await call(alice, 'GET', `${a}/occurrences`)).body.items;
  const disputed = alliance.find((o) => o.status === 'in_dispute' && o.version > 0);
  assert.ok(disputed, 'the demo has a disputed occurrence');
  const redisputed = await call(alice, 'PUT', `${a}/obligations/${disputed.obligation_id}/occurrences/${disputed.due_on}`,
    { status: 'in_dispute', reason: 'The export format is still not agreed' }, ifMatch(disputed.version));
  assert.equal(redisputed.body.version, disputed.version + 1);
  await call(alice, 'GET', `${a}/occurrences?status=overdue&category=reporting&agreement_id=${supply.body.id}`);
  await call(alice, 'GET', `${a}/occurrences?from=${today}&to=${addDays(-1)}`);
  const first = occurrences[0];
  const fulfilled = await call(emeka, 'PUT', `${a}/obligations/${recurring.body.id}/occurrences/${first.due_on}`,
    { status: 'fulfilled', fulfilled_on: today, evidence: 'Report sent by e-mail' }, ifMatch(0));
  assert.equal(fulfilled.status, 200, JSON.stringify(fulfilled.body));
  assert.equal(fulfilled.body.status, 'fulfilled');
  assert.equal(fulfilled.body.version, 1);
  const stale = await call(emeka, 'PUT', `${a}/obligations/${recurring.body.id}/occurrences/${first.due_on}`,
    { status: 'in_dispute', reason: 'x' }, ifMatch(0));
  assert.equal(stale.status, 412);
  const waived = await call(alice, 'PUT', `${a}/obligations/${recurring.body.id}/occurrences/${occurrences[1].due_on}`,
    { status: 'waived', reason: 'Covered by the quarterly report' }, ifMatch(0));
  assert.equal(waived.body.approver_id, alice.me.user.id);
  const notOne = await call(alice, 'PUT', `${a}/obligations/${recurring.body.id}/occurrences/1999-01-01`,
    { status: 'waived', reason: 'x' }, ifMatch(0));
  assert.equal(notOne.status, 404);
  await call(emeka, 'GET', '/api/v1/me/obligations');
  await call(alice, 'GET', `/api/v1/me/obligations?from=${addDays(-10)}&to=${addDays(10)}&status=due`);

  // Compliance and its workbook.
  const compliance = await call(alice, 'GET', `${a}/compliance`);
  assert.ok(compliance.body.by_party.length > 0);
  await call(alice, 'GET', `${a}/compliance?from=${addDays(-30)}&to=${today}`);
  const xlsx = await call(alice, 'GET', `${a}/compliance/export.xlsx`);
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.headers.get('content-type').split(';')[0],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(xlsx.headers.get('content-disposition') ?? '', /^attachment; filename="compliance-.+\.xlsx"/);
  assert.ok(xlsx.body.startsWith('PK'), 'an .xlsx is a ZIP file');

  // Restrictions and the conflict check.
  await call(alice, 'GET', `${a}/restrictions`);
  const restriction = await call(alice, 'POST', `${a}/restrictions`, { agreement_id: supply.body.id,
    kind: 'exclusivity', clause_ref: '§12', description: 'No competing sensor supply.', restricted_party_id: meridian,
    therapeutic_areas: ['Heart failure'], modalities: ['Digital'], territories: ['EU'], counterparties: [] });
  assert.equal(restriction.status, 201);
  await call(alice, 'GET', `${a}/restrictions/${restriction.body.id}`);
  await call(alice, 'GET', `${a}/restrictions?kind=exclusivity&agreement_id=${supply.body.id}`);
  const check = await call(alice, 'POST', '/api/v1/conflict-check', { therapeutic_areas: ['heart failure'],
    modalities: [], territories: ['Germany', 'EU'], counterparty: 'Acme Devices', starts_on: today });
  assert.ok(check.body.hits.some((h) => h.restriction.id === restriction.body.id), JSON.stringify(check.body));
  assert.equal((await call(alice, 'POST', '/api/v1/conflict-check', { territories: 'EU' })).status, 422);
  await call(alice, 'GET', `${a}/conflict-check`);
  await call(dana, 'GET', `${a}/conflict-check`);

  // IP and data registers.
  await call(alice, 'GET', `${a}/ip-assets`);
  const ip = await call(alice, 'POST', `${a}/ip-assets`, { title: 'Contract joint algorithm', kind: 'foreground',
    agreement_id: supply.body.id, owner_party_id: null,
    shares: [{ organization_id: meridian, percent: 60 }, { organization_id: pulsewise, percent: 40 }],
    licences: [{ licensee_id: pulsewise, field: 'Heart failure', territory: 'EU', exclusive: false }],
    patent_family: 'WO2026/000001', filing_on: '2026-02-01', expiry_on: '2046-02-01' });
  assert.equal(ip.status, 201);
  await call(alice, 'GET', `${a}/ip-assets/${ip.body.id}`);
  await call(alice, 'POST', `${a}/ip-assets`, { title: 'Shares summing to 90', kind: 'foreground', owner_party_id: null,
    shares: [{ organization_id: meridian, percent: 60 }, { organization_id: pulsewise, percent: 30 }] });
  await call(alice, 'GET', `${a}/datasets`);
  const dataset = await call(alice, 'POST', `${a}/datasets`, { name: 'Contract sensor readings',
    agreement_id: supply.body.id, provider_id: meridian, recipient_id: pulsewise, purposes: ['Calibration'],
    privacy_basis: 'de_identified', security_requirements: 'Encrypted at rest.', shared_on: addDays(-30),
    retention_until: addDays(10), destruction_due_on: addDays(10) });
  assert.equal(dataset.status, 201);
  assert.equal(dataset.body.destruction_status, 'due');
  await call(alice, 'GET', `${a}/datasets/${dataset.body.id}`);
  const destroyed = await call(dana, 'POST', `${a}/datasets/${dataset.body.id}/destruction`,
    { destroyed_on: today, evidence: 'Certificate of destruction #12' }, ifMatch(dataset.body.version));
  assert.equal(destroyed.body.destruction_status, 'confirmed');
  assert.equal((await call(dana, 'POST', `${a}/datasets/${dataset.body.id}/destruction`,
    { destroyed_on: today, evidence: 'Again' }, ifMatch(destroyed.body.version))).status, 409);

  // Every write above is audited; the events match the documented shape.
  const events = (await call(alice, 'GET', `${a}/audit?limit=200`)).body.items;
  const audited = (type, id, action) => events.find((e) => e.record_type === type && e.record_id === id &&
    (!action || e.action === action));
  assert.ok(audited('agreement', supply.body.id, 'create'), 'agreement create');
  assert.ok(audited('agreement', supply.body.id, 'update'), 'agreement update');
  const upload = audited('agreement', supply.body.id, 'document_upload');
  assert.deepEqual(upload?.changes.document.after, { id: up2.body.id, name: 'Supply agreement.pdf', version: 2,
    content_type: 'application/pdf', size_bytes: pdf.length, sha256: up.body.sha256 });
  assert.ok(audited('obligation', disputed.obligation_id, 'occurrence'), 'occurrence (recorded before)');
  assert.ok(audited('obligation', once.body.id, 'update'), 'obligation update');
  assert.ok(audited('obligation', recurring.body.id, 'occurrence'), 'occurrence (first record, If-Match "0")');
  assert.ok(audited('restriction', restriction.body.id, 'create'), 'restriction');
  assert.ok(audited('ip_asset', ip.body.id, 'create'), 'ip asset');
  assert.ok(audited('dataset', dataset.body.id, 'create'), 'dataset');
  assert.ok(events.some((e) => e.record_type === 'dataset' && e.record_id === dataset.body.id && e.action !== 'create'),
    'dataset destruction');

  // The reminders job (as `northstar jobs run` runs it beside a live server) leaves notifications.
  execFileSync(bin, ['jobs', 'run', '--database', `sqlite:${join(dir, 'c.db')}`, '--today', today],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const notifications = (await call(alice, 'GET', '/api/v1/me/notifications?limit=50')).body.items;
  assert.ok(notifications.some((n) => n.kind === 'agreement_notice' && n.record_id === supply.body.id),
    JSON.stringify(notifications.map((n) => [n.kind, n.title])));
  assert.ok(notifications.some((n) => n.kind === 'obligation_due' && n.record_id === once.body.id));
  await call(emeka, 'GET', '/api/v1/me/notifications?unread=true');
  assert.ok(checked.size - startChecked >= 45, `checked ${checked.size - startChecked} route/status pairs`);
});
