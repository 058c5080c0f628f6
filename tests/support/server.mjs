// Starts the real `northstar` binary against a fresh database for one test file.
//
//   const server = await startServer({ setup: async (s) => { await s.createOrg(...) } });
//   ... server.baseUrl, server.dbQuery(sql), server.cli([...]) ...
//   await server.stop();   // SIGTERM, asserts a graceful exit 0, removes the database
//
// Environment: NORTHSTAR_BIN (default build/northstar at the repository root),
// NORTHSTAR_TEST_DB = sqlite (default) | postgresql, NORTHSTAR_PG_PORT (cluster from the runner),
// NORTHSTAR_TEST_VERBOSE=1 to echo the server's log to stderr, NORTHSTAR_PG_URL_QUERY to append
// query parameters to PostgreSQL URLs (e.g. `sslmode=disable`; diagnostics only: the default URL is
// the plain `postgresql://postgres@HOST:PORT/DB` form operators use).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import {
  freePort, clusterForThisProcess, createDatabase, dropDatabase, pgQuery, pgDump, sqliteQuery,
  sqliteDump,
} from './pg.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.resolve(REPO_ROOT, process.env.NORTHSTAR_BIN || 'build/northstar');
export const DB_KIND = (process.env.NORTHSTAR_TEST_DB || 'sqlite').toLowerCase();
if (!['sqlite', 'postgresql'].includes(DB_KIND)) {
  throw new Error(`NORTHSTAR_TEST_DB must be sqlite or postgresql, not ${DB_KIND}`);
}
const VERBOSE = !!process.env.NORTHSTAR_TEST_VERBOSE;
const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

let dbCounter = 0;

async function freshDatabase() {
  if (DB_KIND === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-api-'));
    const file = path.join(dir, 'northstar.db');
    return {
      url: `sqlite:${file}`,
      query: (sql) => sqliteQuery(file, sql),
      dump: () => sqliteDump(file),
      drop: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const cluster = await clusterForThisProcess();
  const script = path.basename(process.argv[1] || 'test').replace(/\W+/g, '_').slice(0, 30);
  const name = `ns_${script}_${process.pid}_${++dbCounter}_${Math.random().toString(36).slice(2, 8)}`
    .toLowerCase();
  createDatabase(cluster, name);
  const query = process.env.NORTHSTAR_PG_URL_QUERY ? `?${process.env.NORTHSTAR_PG_URL_QUERY}` : '';
  return {
    url: `postgresql://postgres@${cluster.host}:${cluster.port}/${name}${query}`,
    query: (sql) => pgQuery(cluster, name, sql),
    dump: () => pgDump(cluster, name),
    admin: (sql) => pgQuery(cluster, 'postgres', sql),
    drop: () => dropDatabase(cluster, name),
  };
}

/** Runs the binary synchronously; `--database URL` is appended unless args already name one. */
function runCli(dbUrl, args) {
  const argv = args.includes('--database') ? args : [...args, '--database', dbUrl];
  const r = spawnSync(BIN, argv, { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw new Error(`cannot run ${BIN}: ${r.error.message}`);
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr,
    output: `${r.stdout}${r.stderr}` };
}

function cliId(dbUrl, args) {
  const r = runCli(dbUrl, args);
  if (r.code !== 0) {
    throw new Error(`northstar ${args.join(' ')} exited ${r.code}:\n${r.output}`);
  }
  const lines = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  const idLine = lines.reverse().find((l) => UUID_RE.test(l));
  if (!idLine) throw new Error(`northstar ${args.join(' ')} printed no id:\n${r.output}`);
  return idLine.match(UUID_RE)[0];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// A timer that does not keep the process alive once everything else is done.
const idleSleep = (ms) => new Promise((r) => setTimeout(r, ms).unref());

/**
 * @param {object} [opts]
 * @param {(ctx) => Promise<void>} [opts.setup]  runs after `migrate`, before `serve` (CLI bootstrap)
 * @param {number} [opts.bodyLimit]              --body-limit
 * @param {number} [opts.sessionTtlMinutes]      --session-ttl-minutes
 * @param {string[]} [opts.args]                 extra serve arguments
 */
export async function startServer(opts = {}) {
  if (!fs.existsSync(BIN)) throw new Error(`northstar binary not found at ${BIN} (set NORTHSTAR_BIN)`);
  const db = await freshDatabase();
  const cli = (args) => runCli(db.url, args);

  const mig = cli(['migrate']);
  if (mig.code !== 0) throw new Error(`northstar migrate exited ${mig.code}:\n${mig.output}`);

  const ctx = {
    dbUrl: db.url,
    cli,
    dbQuery: db.query,
    createOrg: (name, type) => cliId(db.url, ['org', 'create', '--name', name, '--type', type]),
    createUser: ({ orgId, email, name, password, admin = false }) => cliId(db.url, [
      'user', 'create', '--org-id', orgId, '--email', email, '--name', name, '--password', password,
      ...(admin ? ['--admin'] : [])]),
  };
  if (opts.setup) await opts.setup(ctx);

  const serveArgs = ['--bind', '127.0.0.1', '--log-level', process.env.NORTHSTAR_LOG_LEVEL || 'warn'];
  if (opts.bodyLimit) serveArgs.push('--body-limit', String(opts.bodyLimit));
  if (opts.sessionTtlMinutes) serveArgs.push('--session-ttl-minutes', String(opts.sessionTtlMinutes));
  if (opts.args) serveArgs.push(...opts.args);

  let child;
  let port;
  let log = '';
  let exit = null;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    log = '';
    exit = null;
    child = spawn(BIN, ['serve', '--database', db.url, '--port', String(port), ...serveArgs],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk) => {
      const s = chunk.toString();
      if (log.length < 4_000_000) log += s;
      if (VERBOSE) process.stderr.write(`[northstar:${port}] ${s}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    }));
    child.exited = exited;
    const killAtExit = () => { try { child.kill('SIGKILL'); } catch { /* gone */ } };
    process.on('exit', killAtExit);
    child.killAtExit = killAtExit;

    const ready = await waitReady(`http://127.0.0.1:${port}`, () => exit, 20_000);
    if (ready) break;
    process.removeListener('exit', killAtExit);
    if (!exit) { child.kill('SIGKILL'); await exited; }
    const portClash = /address (already )?in use|EADDRINUSE/i.test(log);
    if (portClash && attempt < 4) continue;
    db.drop();
    throw new Error(`northstar serve did not become ready within 20 s (exit: ${JSON.stringify(exit)})` +
      `\n--- server output ---\n${log.slice(-8000)}`);
  }

  const baseUrl = `http://127.0.0.1:${port}`;
  let stopped = false;
  return {
    baseUrl,
    port,
    dbUrl: db.url,
    dbKind: DB_KIND,
    cli,
    dbQuery: db.query,
    dbDump: db.dump,
    /** PostgreSQL only: a statement in the cluster's `postgres` database (rename, terminate…). */
    adminQuery: (sql) => {
      if (!db.admin) throw new Error('adminQuery is for PostgreSQL only');
      return db.admin(sql);
    },
    /** Everything the server has written to stdout/stderr so far. */
    log: () => log,
    /** Row count of a table (optionally with a WHERE clause). */
    count: (table, where = '') => Number(db.query(
      `SELECT count(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ''}`)[0].n),
    createOrg: ctx.createOrg,
    createUser: ctx.createUser,
    /** SIGTERM, then asserts a graceful exit with status 0 within 15 s. Removes the database. */
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (exit) {
          assert.fail(`northstar exited by itself during the tests: ${JSON.stringify(exit)}\n` +
            log.slice(-4000));
        }
        child.kill('SIGTERM');
        const result = await Promise.race([child.exited, idleSleep(15_000).then(() => null)]);
        if (!result) {
          child.kill('SIGKILL');
          await child.exited;
          assert.fail(`northstar did not exit within 15 s of SIGTERM\n${log.slice(-4000)}`);
        }
        assert.deepEqual(result, { code: 0, signal: null },
          `northstar should exit 0 on SIGTERM\n${log.slice(-4000)}`);
      } finally {
        process.removeListener('exit', child.killAtExit);
        db.drop();
      }
    },
  };
}

async function waitReady(baseUrl, exited, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) return false;
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return true;
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  return false;
}
