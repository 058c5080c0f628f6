// The operator commands: help, clear errors, migrate, demo, backup while the server runs, and
// configuration precedence (flag > environment > TOML file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.NORTHSTAR_BIN ?? resolve(root, 'build', 'northstar');
const run = (args, env = {}) =>
  spawnSync(bin, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
const sqlite = (file, sql) =>
  spawnSync('sqlite3', [file, sql], { encoding: 'utf8' }).stdout.trim();

function freePort() {
  return new Promise((res) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function waitReady(base) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not become ready');
}

function stop(child) {
  return new Promise((res) => {
    child.on('exit', (code) => res(code));
    child.kill('SIGTERM');
  });
}

test('every command has --help and bad use fails with a message', () => {
  for (const args of [['--help'], ['serve', '--help'], ['migrate', '--help'], ['demo', '--help'],
    ['org', 'create', '--help'], ['user', 'create', '--help'], ['token', 'create', '--help'],
    ['audit', 'verify', '--help'], ['backup', '--help']]) {
    const r = run(args);
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stdout, /Usage|OPTIONS|Options/i, args.join(' '));
  }
  const serveHelp = run(['serve', '--help']).stdout;
  for (const flag of ['--database', '--port', '--body-limit', '--session-ttl-minutes',
    '--grace-seconds', '--static-dir', '--config']) {
    assert.ok(serveHelp.includes(flag), `serve --help documents ${flag}`);
  }
  assert.ok(serveHelp.includes('NORTHSTAR_PORT'), 'serve --help names the environment variables');
  const noCommand = run([]);
  assert.notEqual(noCommand.status, 0);
  const badType = run(['org', 'create', '--database', 'sqlite:/tmp/x.db', '--name', 'X', '--type', 'bank']);
  assert.notEqual(badType.status, 0);
  assert.match(badType.stderr, /type/);
  const badUrl = run(['migrate', '--database', 'mysql://nope']);
  assert.notEqual(badUrl.status, 0);
  assert.match(badUrl.stderr, /unsupported database URL/);
});

test('migrate is idempotent and org/user create print ids; errors are clear', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ns-cli-'));
  try {
    const url = `sqlite:${join(dir, 'n.db')}`;
    assert.match(run(['migrate', '--database', url]).stdout, /applied 0001_foundation/);
    assert.doesNotMatch(run(['migrate', '--database', url]).stdout, /applied/);
    const org = run(['org', 'create', '--database', url, '--name', 'Helix Pharma', '--type', 'pharma']);
    assert.equal(org.status, 0, org.stderr);
    assert.match(org.stdout.trim(), /^[0-9a-f-]{36}$/);
    const dupe = run(['org', 'create', '--database', url, '--name', 'helix  pharma', '--type', 'pharma']);
    assert.equal(dupe.status, 1);
    assert.match(dupe.stderr, /already exists/);
    const weak = run(['user', 'create', '--database', url, '--org', 'Helix Pharma', '--email',
      'a@helix.example', '--name', 'A', '--password', 'short']);
    assert.equal(weak.status, 1);
    assert.match(weak.stderr, /password/);
    const user = run(['user', 'create', '--database', url, '--org', 'Helix Pharma', '--email',
      'a@helix.example', '--name', 'A', '--admin']);
    assert.equal(user.status, 0, user.stderr);
    assert.match(user.stderr, /password: \S{12,}/);
    const token = run(['token', 'create', '--database', url, '--email', 'a@helix.example', '--name', 'ci']);
    assert.equal(token.status, 0, token.stderr);
    assert.match(token.stdout.trim(), /^ns_/);
    assert.equal(sqlite(join(dir, 'n.db'), `SELECT COUNT(*) FROM api_tokens WHERE token_hash LIKE '%${token.stdout.trim()}%'`), '0');
    assert.equal(run(['audit', 'verify', '--database', url]).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('demo replays its data files through the API as its people, once, and names a bad step', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ns-cli-'));
  try {
    const db = join(dir, 'demo.db');
    const url = `sqlite:${db}`;
    const first = run(['demo', '--database', url]);
    assert.equal(first.status, 0, first.stderr);
    const signIns = first.stdout.match(/e-mail: \S+@\S+\.example {3}password: \S{12,}/g) ?? [];
    assert.equal(signIns.length, 19, first.stdout);
    assert.equal(sqlite(db, 'SELECT COUNT(*) FROM alliances'), '12');
    // Each change was made by the person the data names, signed in through the API, and every
    // session the replay opened to do so is closed again.
    assert.ok(Number(sqlite(db, `SELECT COUNT(*) FROM audit_events e JOIN users u ON u.id = e.actor_id
      WHERE e.record_type = 'alliance' AND e.action = 'stage' AND u.email = 'alice@meridian.example'`)) > 0);
    const signedIn = `FROM sessions s JOIN audit_events e ON e.record_id = s.id AND e.action = 'sign_in'`;
    assert.ok(Number(sqlite(db, `SELECT COUNT(*) ${signedIn}`)) > 0);
    assert.equal(sqlite(db, `SELECT COUNT(*) ${signedIn} WHERE s.revoked_at IS NULL`), '0');
    const again = run(['demo', '--database', url]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /already has organisations; the demo was not loaded/);
    assert.notEqual(again.stdout.match(/alice@meridian\.example {3}password: (\S+)/)[1],
      first.stdout.match(/alice@meridian\.example {3}password: (\S+)/)[1], 'fresh passwords');
    assert.equal(sqlite(db, 'SELECT COUNT(*) FROM alliances'), '12');

    // A step the policy refuses (a member may not move the stage) stops the load, named.
    const data = join(dir, 'data');
    rmSync(data, { recursive: true, force: true });
    const writeData = (steps) => {
      rmSync(data, { recursive: true, force: true });
      spawnSync('mkdir', ['-p', data]);
      writeFileSync(join(data, '10-people.json'), JSON.stringify({
        organizations: [{ key: 'acme', name: 'Acme Bio', type: 'biotech' }, { key: 'uni', name: 'Uni Lab', type: 'academic' }],
        people: [{ organization: 'acme', name: 'Ada', email: 'ada@acme.example', admin: true },
          { organization: 'acme', name: 'Bo', email: 'bo@acme.example' }],
      }));
      writeFileSync(join(data, '20-steps.json'), JSON.stringify({ steps }));
    };
    const create = { as: 'ada@acme.example', post: '/api/v1/alliances', save: 'a',
      body: { name: 'Acme scouting', type: 'co_development', parties: [{ organization_id: '{org:acme}', role: 'lead' }, { organization_id: '{org:uni}', role: 'member' }] } };
    const member = { as: 'ada@acme.example', post: '/api/v1/alliances/{a.id}/members', body: { user_id: '{user:bo@acme.example}', role: 'member' } };
    writeData([create, member, { as: 'bo@acme.example', post: '/api/v1/alliances/{a.id}/stage',
      if_match: '/api/v1/alliances/{a.id}', body: { to: 'evaluation', reason: 'Looks promising' } }]);
    const refused = run(['demo', '--database', `sqlite:${join(dir, 'refused.db')}`, '--from', data]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /20-steps\.json, step 3: POST \/api\/v1\/alliances\/\S+\/stage as bo@acme\.example answered 403/);
    // A reference to nothing saved is named too.
    writeData([create, { as: 'ada@acme.example', get: '/api/v1/alliances/{plan.id}' }]);
    const unknown = run(['demo', '--database', `sqlite:${join(dir, 'unknown.db')}`, '--from', data]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /20-steps\.json, step 2: \{plan\.id\}: no step saved "plan"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('backup copies a consistent SQLite database while the server runs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ns-cli-'));
  const file = join(dir, 'live.db');
  const url = `sqlite:${file}`;
  const port = await freePort();
  const server = spawn(bin, ['serve', '--database', url, '--port', String(port), '--demo',
    '--access-log', 'false', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  server.stdout.on('data', (d) => { out += d; });
  try {
    await waitReady(`http://127.0.0.1:${port}`);
    // Keep the server busy with sign-ins while the backup runs.
    const email = 'alice@meridian.example';
    const load = Promise.all(Array.from({ length: 20 }, () =>
      fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'wrong-password-xyz' }),
      })));
    const backup = run(['backup', '--database', url, '--output', join(dir, 'copy.db')]);
    await load;
    assert.equal(backup.status, 0, backup.stderr);
    assert.equal(sqlite(join(dir, 'copy.db'), 'PRAGMA integrity_check'), 'ok');
    assert.equal(sqlite(join(dir, 'copy.db'), 'SELECT COUNT(*) FROM alliances'), '12');
    assert.equal(run(['audit', 'verify', '--database', `sqlite:${join(dir, 'copy.db')}`]).status, 0);
    assert.match(out, /alice@meridian\.example\s+password: \S{12,}/);
  } finally {
    assert.equal(await stop(server), 0);
    rmSync(dir, { recursive: true, force: true });
  }
  const pg = run(['backup', '--database', 'postgresql://postgres@127.0.0.1:5/x']);
  assert.equal(pg.status, 0);
  assert.match(pg.stdout, /pg_dump/);
});

test('configuration: flags beat environment variables, which beat the TOML file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ns-cli-'));
  const [p1, p2, p3] = [await freePort(), await freePort(), await freePort()];
  const toml = join(dir, 'northstar.toml');
  writeFileSync(toml, `database = "sqlite:${join(dir, 'c.db')}"\nport = ${p1}\nlog_level = "warn"\naccess_log = false\n`);
  const start = async (args, env, port) => {
    const child = spawn(bin, ['serve', '--config', toml, ...args], {
      env: { ...process.env, ...env }, stdio: 'ignore',
    });
    await waitReady(`http://127.0.0.1:${port}`);
    assert.equal(await stop(child), 0);
  };
  try {
    await start([], {}, p1);                                   // from the file
    await start([], { NORTHSTAR_PORT: String(p2) }, p2);       // environment beats the file
    await start(['--port', String(p3)], { NORTHSTAR_PORT: String(p2) }, p3);  // flag beats both
    writeFileSync(join(dir, 'bad.toml'), 'colour = "blue"\n');
    const bad = run(['serve', '--config', join(dir, 'bad.toml')]);
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /unknown setting 'colour'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SIGTERM lets requests in flight finish, refuses new connections, and exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ns-cli-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(bin, ['serve', '--database', `sqlite:${join(dir, 'g.db')}`, '--port',
    String(port), '--demo', '--access-log', 'false', '--log-level', 'warn', '--grace-seconds', '10'],
  { stdio: 'ignore' });
  try {
    await waitReady(base);
    // Sign-ins are slow on purpose (Argon2id), so these are still running when SIGTERM arrives.
    const inFlight = Array.from({ length: 8 }, () =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ben@meridian.example', password: 'not-the-password-1' }),
      }).then((r) => r.status, (e) => `error: ${e.cause?.code ?? e.message}`));
    await new Promise((r) => setTimeout(r, 100));
    const exited = new Promise((res) => server.on('exit', (code) => res(code)));
    server.kill('SIGTERM');
    const statuses = await Promise.all(inFlight);
    for (const s of statuses) assert.ok(s === 401 || s === 429, `in-flight request answered ${s}`);
    assert.equal(await exited, 0);
    await assert.rejects(fetch(`${base}/healthz`), 'no new connections after shutdown');
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
