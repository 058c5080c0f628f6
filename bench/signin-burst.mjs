#!/usr/bin/env node
// A burst of sign-ins while reads go on (issue 12, defect 4), on loopback only.
//
//   node bench/signin-burst.mjs                       # build/northstar, 200 sign-ins, 8 readers
//   NORTHSTAR_BIN=/path/to/old/northstar node bench/signin-burst.mjs
//   BURST_SIGNINS=200 BURST_READERS=8 BURST_ROUNDS=3 BURST_ARGS="--hash-threads 1" node bench/signin-burst.mjs
//
// Starts the server on a fresh SQLite database in a temporary folder (default settings unless
// BURST_ARGS adds some), makes two organisations, a person in each and one alliance, signs the
// reader in, then per round: BURST_READERS loops read GET /api/v1/alliances/{id} back to back;
// after a second of reads alone, BURST_SIGNINS sign-ins start at the same moment (each on its
// own connection). It reports read latency before and during the burst (from its first sign-in
// to its last answer), the longest gap between two completed reads during the burst, and each
// sign-in's answer and latency. Prints a Markdown table; the server is stopped on every exit.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.resolve(root, process.env.NORTHSTAR_BIN || 'build/northstar');
const SIGNINS = Number(process.env.BURST_SIGNINS || 200);
const READERS = Number(process.env.BURST_READERS || 8);
const ROUNDS = Number(process.env.BURST_ROUNDS || 3);
const EXTRA = (process.env.BURST_ARGS || '').split(/\s+/).filter(Boolean);
const PASSWORD = 'Burst-Lantern-4827!';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-burst-'));
const db = `sqlite:${path.join(dir, 'burst.db')}`;
let server = null;
const cleanup = () => {
  try { server?.kill('SIGKILL'); } catch { /* gone */ }
  fs.rmSync(dir, { recursive: true, force: true });
};
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

function cli(args) {
  const r = spawnSync(bin, [...args, '--database', db], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`northstar ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r.stdout.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)?.[0];
}

// One keep-alive agent per reader, one connection per sign-in (as 200 browsers would).
function request(port, method, urlPath, { body, cookie, csrf, agent } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    if (cookie) headers.cookie = cookie;
    if (csrf) headers['x-csrf-token'] = csrf;
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'),
        ms: Number(process.hrtime.bigint() - t0) / 1e6, done: performance.now(),
      }));
    });
    req.on('error', reject);
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
}

const pct = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');

async function main() {
  cli(['migrate']);
  const orgA = cli(['org', 'create', '--name', 'Burst Pharma', '--type', 'pharma']);
  const orgB = cli(['org', 'create', '--name', 'Burst Start-up', '--type', 'startup']);
  cli(['user', 'create', '--org-id', orgA, '--email', 'reader@burst.example', '--name', 'Rea Der', '--admin', '--password', PASSWORD]);
  cli(['user', 'create', '--org-id', orgA, '--email', 'crowd@burst.example', '--name', 'Crow D', '--password', PASSWORD]);
  cli(['user', 'create', '--org-id', orgB, '--email', 'partner@burst.example', '--name', 'Part Ner', '--admin', '--password', PASSWORD]);

  server = spawn(bin, ['serve', '--database', db, '--bind', '127.0.0.1', '--port', '0', '--access-log', 'false',
    '--log-level', 'warn', '--jobs-interval-s', '0', ...EXTRA], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (c) => {
      out += c;
      const m = out.match(/listening on http:\/\/[^:]+:(\d+)/);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });

  const login = await request(port, 'POST', '/api/v1/auth/login', { body: { email: 'reader@burst.example', password: PASSWORD } });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${login.text}`);
  const cookie = [].concat(login.headers['set-cookie'])[0].split(';')[0];
  const csrf = JSON.parse(login.text).csrf_token;
  const created = await request(port, 'POST', '/api/v1/alliances', { cookie, csrf, body: {
    name: 'Burst alliance', type: 'co_development', therapeutic_areas: ['oncology'], territory: 'Worldwide', tier: 1,
    description: 'Load test.', parties: [{ organization_id: orgA, role: 'licensee' }, { organization_id: orgB, role: 'licensor' }],
    north_star: { statement: 'Measure.', beneficiaries: 'Operators', contributions: [] } } });
  if (created.status !== 201) throw new Error(`alliance: ${created.status} ${created.text}`);
  const readPath = `/api/v1/alliances/${JSON.parse(created.text).id}`;

  const rows = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const reads = [];  // {at (start, ms since origin), ms, done}
    let reading = true;
    const readers = Array.from({ length: READERS }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (reading) {
        const at = performance.now();
        const r = await request(port, 'GET', readPath, { cookie, agent });
        if (r.status !== 200) throw new Error(`read: ${r.status} ${r.text}`);
        reads.push({ at, ms: r.ms, done: r.done });
      }
      agent.destroy();
    });
    await new Promise((r) => setTimeout(r, 1000));
    const burstStart = performance.now();
    const signins = await Promise.all(Array.from({ length: SIGNINS }, () => request(port, 'POST', '/api/v1/auth/login', {
      body: { email: 'crowd@burst.example', password: PASSWORD }, agent: false })));
    const burstEnd = performance.now();
    await new Promise((r) => setTimeout(r, 500));
    reading = false;
    await Promise.all(readers);

    const before = reads.filter((r) => r.done < burstStart).map((r) => r.ms);
    const during = reads.filter((r) => r.at >= burstStart && r.at <= burstEnd).map((r) => r.ms);
    // Longest time in the burst with no read completing: what "every other request stops" means.
    const completions = reads.map((r) => r.done).filter((t) => t >= burstStart && t <= burstEnd).sort((a, b) => a - b);
    let gap = 0;
    let last = burstStart;
    for (const t of [...completions, burstEnd]) { gap = Math.max(gap, t - last); last = t; }
    const ok = signins.filter((s) => s.status === 200);
    const busy = signins.filter((s) => s.status === 503);
    const other = signins.length - ok.length - busy.length;
    rows.push({ round, burstMs: burstEnd - burstStart, beforeP50: pct(before, 50), beforeP99: pct(before, 99),
      reads: during.length, duringP50: pct(during, 50), duringP99: pct(during, 99), duringMax: Math.max(...during),
      gap, ok: ok.length, busy: busy.length, other,
      okP50: pct(ok.map((s) => s.ms), 50), okMax: Math.max(...ok.map((s) => s.ms)),
      busyMax: busy.length ? Math.max(...busy.map((s) => s.ms)) : NaN,
      retryAfter: busy[0]?.headers['retry-after'] ?? '—' });
  }

  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`\nSign-in burst: ${SIGNINS} sign-ins at once, ${READERS} readers of ${readPath.replace(/[0-9a-f-]{36}/, '{id}')}; `
    + `binary ${bin}; args ${EXTRA.join(' ') || '(defaults)'}; ${new Date().toISOString()}; load ${load}\n`);
  console.log('| round | burst (ms) | read p50 / p99 before (ms) | reads in burst | read p50 / p99 / max in burst (ms) | longest gap without a read (ms) | sign-ins 200 / 503 / other | 200: p50 / max (ms) | 503: max (ms), Retry-After |');
  console.log('|---:|---:|---|---:|---|---:|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.round} | ${f(r.burstMs)} | ${f(r.beforeP50)} / ${f(r.beforeP99)} | ${r.reads} | ${f(r.duringP50)} / ${f(r.duringP99)} / ${f(r.duringMax)} | ${f(r.gap)} | ${r.ok} / ${r.busy} / ${r.other} | ${f(r.okP50)} / ${f(r.okMax)} | ${f(r.busyMax)}, ${r.retryAfter} |`);
  }
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  server = null;
}

main().catch((e) => { console.error(e); process.exit(1); });
