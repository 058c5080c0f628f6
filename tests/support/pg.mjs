// Throwaway PostgreSQL 15 clusters for the API tests, and direct SQL access to a test database.
//
// The runner (run-api-tests.mjs) starts one cluster for the whole run and exports its port in
// NORTHSTAR_PG_PORT; every test file then creates its own database in it. When a file is run on its
// own (node --test tests/api/x.test.mjs) with NORTHSTAR_TEST_DB=postgresql and no cluster, the file
// starts a private cluster and removes it when the process exits.

import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

export const PG_BIN = process.env.NORTHSTAR_PG_BIN || '/usr/lib/postgresql/15/bin';
const PG_USER = 'postgres';

/** A free TCP port on 127.0.0.1 (the kernel picks it; it is closed again before returning). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd, args, { asPostgres = false, input, allowFail = false } = {}) {
  const argv = asPostgres ? ['runuser', ['-u', PG_USER, '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(argv[0], argv[1], { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0 && !allowFail) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}${r.stdout}`);
  }
  return r;
}

/**
 * Starts a fresh cluster owned by the `postgres` user in a temporary directory.
 * Returns {port, host, dir, stop()}. stop() is synchronous and idempotent; it is also run at exit.
 */
export async function startCluster() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-pg-'));
  fs.chmodSync(dir, 0o755);
  execFileSync('chown', ['-R', `${PG_USER}:`, dir]);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  run(path.join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', PG_USER, '-E', 'UTF8',
    '--no-sync', '--locale=C.UTF-8'], { asPostgres: true });

  let port;
  let started = false;
  for (let attempt = 0; attempt < 5 && !started; attempt++) {
    port = await freePort();
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off ` +
      '-c synchronous_commit=off -c full_page_writes=off -c max_connections=400';
    const r = run(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '60', '-o', opts,
      'start'], { asPostgres: true, allowFail: true });
    started = r.status === 0;
    if (!started && attempt === 4) {
      let tail = '';
      try { tail = fs.readFileSync(log, 'utf8').slice(-4000); } catch { /* no log */ }
      throw new Error(`pg_ctl start failed: ${r.stderr}${r.stdout}\n${tail}`);
    }
  }

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stop);
    run(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'],
      { asPostgres: true, allowFail: true });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  return { host: '127.0.0.1', port, dir, stop };
}

let privateCluster = null;

/** The cluster this process should use: the runner's (env) or a private one started on demand. */
export async function clusterForThisProcess() {
  if (process.env.NORTHSTAR_PG_PORT) {
    return { host: process.env.NORTHSTAR_PG_HOST || '127.0.0.1',
      port: Number(process.env.NORTHSTAR_PG_PORT) };
  }
  if (!privateCluster) {
    privateCluster = await startCluster();
    for (const sig of ['SIGINT', 'SIGTERM']) {
      process.once(sig, () => { privateCluster?.stop(); process.exit(130); });
    }
  }
  return privateCluster;
}

function psqlArgs(cluster, dbName) {
  return ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', cluster.host, '-p', String(cluster.port),
    '-U', PG_USER, '-d', dbName];
}

export function createDatabase(cluster, dbName) {
  run(path.join(PG_BIN, 'psql'), [...psqlArgs(cluster, 'postgres'), '-c',
    `CREATE DATABASE "${dbName}"`]);
}

export function dropDatabase(cluster, dbName) {
  run(path.join(PG_BIN, 'psql'), [...psqlArgs(cluster, 'postgres'), '-c',
    `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`], { allowFail: true });
}

const SELECT_RE = /^\s*(select|with|values)\b/i;

/**
 * Runs one SQL statement against a PostgreSQL database. SELECT/WITH/VALUES return an array of row
 * objects (via json_agg, so numbers come back as numbers); other statements return [].
 */
export function pgQuery(cluster, dbName, sql) {
  const stmt = sql.trim().replace(/;\s*$/, '');
  if (SELECT_RE.test(stmt)) {
    const wrapped = `SELECT coalesce(json_agg(t), '[]'::json) FROM (${stmt}) t`;
    const r = run(path.join(PG_BIN, 'psql'), [...psqlArgs(cluster, dbName), '-At', '-c', wrapped]);
    return JSON.parse(r.stdout.trim() || '[]');
  }
  run(path.join(PG_BIN, 'psql'), [...psqlArgs(cluster, dbName), '-c', stmt]);
  return [];
}

/** Full data dump of a PostgreSQL database as text (used to prove a secret is stored nowhere). */
export function pgDump(cluster, dbName) {
  return run(path.join(PG_BIN, 'pg_dump'), ['-h', cluster.host, '-p', String(cluster.port),
    '-U', PG_USER, '--data-only', dbName]).stdout;
}

/** Runs one SQL statement against a SQLite file with the sqlite3 CLI; rows as objects. */
export function sqliteQuery(file, sql) {
  const r = run('sqlite3', ['-bail', '-cmd', '.timeout 10000', '-json', file, sql]);
  const out = r.stdout.trim();
  return out ? JSON.parse(out) : [];
}

export function sqliteDump(file) {
  return run('sqlite3', ['-cmd', '.timeout 10000', file, '.dump']).stdout;
}
