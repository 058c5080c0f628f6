#!/usr/bin/env node
// Runs the API suites (tests/api/*.test.mjs) against SQLite, then PostgreSQL.
//
//   node tests/support/run-api-tests.mjs                    # both databases
//   node tests/support/run-api-tests.mjs --db sqlite        # one database
//   node tests/support/run-api-tests.mjs --db postgresql tests/api/auth.test.mjs
//
// For PostgreSQL one throwaway cluster serves the whole run (each test file creates its own
// database in it); it is stopped and deleted at the end, also on Ctrl-C.
// Environment: NORTHSTAR_BIN (binary; the run tests a private copy of it), NORTHSTAR_TEST_CONCURRENCY
// (files in parallel, default 2), NORTHSTAR_PG_URL_QUERY (see server.mjs).
// Exits non-zero if any run fails.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCluster } from './pg.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const testsDir = path.resolve(here, '..');
const repoRoot = path.resolve(testsDir, '..');

const args = process.argv.slice(2);
let dbs = ['sqlite', 'postgresql'];
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--db') {
    const v = args[++i];
    dbs = v === 'all' ? ['sqlite', 'postgresql'] : v.split(',');
  } else if (args[i].startsWith('--db=')) {
    const v = args[i].slice(5);
    dbs = v === 'all' ? ['sqlite', 'postgresql'] : v.split(',');
  } else {
    files.push(path.resolve(args[i]));
  }
}
for (const db of dbs) {
  if (!['sqlite', 'postgresql'].includes(db)) {
    console.error(`unknown database "${db}" (sqlite, postgresql or all)`);
    process.exit(2);
  }
}
const testFiles = files.length ? files : fs.readdirSync(path.join(testsDir, 'api'))
  .filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join(testsDir, 'api', f));

const bin = path.resolve(repoRoot, process.env.NORTHSTAR_BIN || 'build/northstar');
if (!fs.existsSync(bin)) {
  console.error(`northstar binary not found at ${bin}; build it first or set NORTHSTAR_BIN`);
  process.exit(2);
}

// Test a private copy of the binary, so that a rebuild during the run cannot swap it mid-way.
function snapshotBinary() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-bin-'));
  const copy = path.join(dir, 'northstar');
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      fs.copyFileSync(bin, copy);
      fs.chmodSync(copy, 0o755);
      const r = spawnSync(copy, ['--version'], { encoding: 'utf8', timeout: 10_000 });
      if (r.status === 0) return copy;
    } catch { /* being rebuilt: try again */ }
    spawnSync('sleep', ['2']);
  }
  console.error(`could not take a working copy of ${bin}`);
  process.exit(2);
}
const binCopy = snapshotBinary();

if (!fs.existsSync(path.join(testsDir, 'node_modules', 'yaml'))) {
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: testsDir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}

let cluster = null;
let child = null;
const cleanup = () => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  cluster?.stop();
};
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => { cleanup(); process.exit(130); });
}

function runNodeTest(db, extraEnv) {
  return new Promise((resolve) => {
    const concurrency = process.env.NORTHSTAR_TEST_CONCURRENCY || '2';
    child = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`,
      '--test-reporter=spec', ...testFiles], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, NORTHSTAR_BIN: binCopy, NORTHSTAR_TEST_DB: db, ...extraEnv },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const results = [];
for (const db of dbs) {
  const started = Date.now();
  console.log(`\n=== API tests on ${db} (${testFiles.length} files) ===\n`);
  let env = {};
  if (db === 'postgresql') {
    cluster = await startCluster();
    env = { NORTHSTAR_PG_HOST: cluster.host, NORTHSTAR_PG_PORT: String(cluster.port) };
    console.log(`PostgreSQL cluster on ${cluster.host}:${cluster.port}`);
  }
  const code = await runNodeTest(db, env);
  if (cluster) { cluster.stop(); cluster = null; }
  results.push({ db, code, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.db}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds}s`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
