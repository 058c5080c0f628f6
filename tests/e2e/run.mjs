#!/usr/bin/env node
// Browser tests of the web app against the real server.
//
// Starts `northstar serve` on a fresh temporary SQLite database and a free port, serving the built
// web app (web/dist), creates a pharma organisation with one admin, runs every tests/e2e/*.test.mjs
// with node's test runner (headless Debian Chromium through playwright-core), then stops the server
// with SIGTERM. Screenshots of each test's final page go to tests/e2e/artifacts/.
//
// Env: NORTHSTAR_BIN (default build/northstar), CHROMIUM (default /usr/bin/chromium),
//      E2E_KEEP=1 keeps the temporary database and server log.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const bin = path.resolve(process.env.NORTHSTAR_BIN ?? path.join(root, 'build/northstar'));
const dist = path.join(root, 'web/dist');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const artifacts = path.join(here, 'artifacts');

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(bin)) fail(`no server binary at ${bin} (build it, or set NORTHSTAR_BIN)`);
if (!fs.existsSync(path.join(dist, 'index.html'))) fail(`no built web app in ${dist} (run: cd web && npm ci && npm run build)`);
if (!fs.existsSync(path.join(root, 'web/node_modules/playwright-core'))) fail('playwright-core is missing (run: cd web && npm ci)');
if (!fs.existsSync(chromium)) fail(`no Chromium at ${chromium} (install Debian's package: apt-get install chromium)`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function cli(args) {
  const result = spawnSync(bin, args, { encoding: 'utf8' });
  if (result.status !== 0) fail(`northstar ${args.slice(0, 2).join(' ')} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout.trim();
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-e2e-'));
const database = `sqlite:${path.join(tmp, 'e2e.db')}`;
fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });

// The one account the tests start from: a pharma alliance manager. Everyone else joins through the UI.
const pharma = { org: 'Meridian Therapeutics', email: 'alice@meridian.example', name: 'Alice Moreau', password: 'correct-horse-battery-1' };
cli(['migrate', '--database', database]);
const pharmaId = cli(['org', 'create', '--database', database, '--name', pharma.org, '--type', 'pharma']).split(/\s+/).pop();
cli(['user', 'create', '--database', database, '--org-id', pharmaId, '--email', pharma.email, '--name', pharma.name, '--password', pharma.password, '--admin']);

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const logPath = path.join(tmp, 'server.log');
const log = fs.openSync(logPath, 'w');
const server = spawn(
  bin,
  ['serve', '--database', database, '--port', String(port), '--static-dir', dist, '--public-url', baseUrl, '--access-log', 'false', '--grace-seconds', '2'],
  { stdio: ['ignore', log, log] },
);
let serverExited = false;
server.on('exit', () => {
  serverExited = true;
});

async function waitReady() {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (serverExited) break;
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  console.error(fs.readFileSync(logPath, 'utf8'));
  throw new Error('the server did not become ready');
}

async function stopServer() {
  if (serverExited) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

let code = 1;
try {
  await waitReady();
  const files = fs
    .readdirSync(here)
    .filter((f) => f.endsWith('.test.mjs'))
    .sort()
    .map((f) => path.join(here, f));
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
  const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...selected], {
    stdio: 'inherit',
    env: {
      ...process.env,
      E2E_BASE_URL: baseUrl,
      E2E_DATABASE: database,
      E2E_ARTIFACTS: artifacts,
      E2E_CHROMIUM: chromium,
      E2E_WEB_DIR: path.join(root, 'web'),
      E2E_PHARMA: JSON.stringify(pharma),
    },
  });
  code = await new Promise((resolve) => runner.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
} catch (error) {
  console.error(`e2e: ${error.message}`);
  code = 1;
} finally {
  await stopServer();
  fs.closeSync(log);
  if (code !== 0 || process.env.E2E_KEEP) {
    const kept = path.join(artifacts, 'server.log');
    fs.copyFileSync(logPath, kept);
    console.error(`e2e: server log kept at ${path.relative(root, kept)}`);
  }
  if (!process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`e2e: screenshots in ${path.relative(root, artifacts)}/`);
}
process.exit(code);
