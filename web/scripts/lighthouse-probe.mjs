#!/usr/bin/env node
// Runs Lighthouse (performance only, default mobile config or desktop) a few times on one URL of a
// running server and prints, per run and as medians, what decides the score: performance, FCP, LCP,
// TBT, the LCP element, and the longest main-thread tasks (simulated times). Each run's full report
// goes to the output folder for a closer look, with --trace also the unthrottled trace that
// Lighthouse simulated the phone from. For trying a change against the last build, not a test: on
// a shared machine the score moves by several points between runs, so compare medians.
//
// --corrected scores each run a second time with the renderer main thread's trace events given their
// thread time (tdur) instead of their wall time: what the same load would have cost had nothing else
// wanted the CPU. An estimate, steadier than the score itself for comparing two builds on a busy
// machine; the score Lighthouse reports is the first one.
//
//   node scripts/lighthouse-probe.mjs URL [--runs 3] [--desktop] [--cookie 'ns_session=…']
//        [--out /tmp/lh] [--label name] [--trace] [--corrected]
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { saveArtifacts } from 'lighthouse/core/lib/asset-saver.js';
import * as chromeLauncher from 'chrome-launcher';

function options(argv) {
  const o = { runs: 3, desktop: false, cookie: process.env.LH_COOKIE ?? '', out: '/tmp/lh', label: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--desktop') o.desktop = true;
    else if (a === '--cookie') o.cookie = argv[++i];
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--label') o.label = argv[++i];
    else if (a === '--trace') o.trace = true;
    else if (a === '--corrected') o.corrected = true;
    else o.url = a;
  }
  if (!o.url) throw new Error('usage: lighthouse-probe.mjs URL [--runs N] [--desktop] [--cookie C] [--out DIR] [--label L] [--trace] [--corrected]');
  return o;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The element of the largest paint, from the trace: Lighthouse 12.2's own audit of it fails on
 * Debian's Chromium 156 ("RootCauses … frame_sequence").
 */
function lcpElementOf(trace) {
  const candidates = trace.traceEvents.filter((e) => e.name === 'largestContentfulPaint::Candidate' && e.args?.data?.isOutermostMainFrame);
  const last = candidates.at(-1)?.args.data;
  return last ? `${last.nodeName} (${last.size} px²)` : 'none in the trace';
}

function summary({ lhr, artifacts }) {
  const a = lhr.audits;
  const ms = (id) => Math.round(a[id]?.numericValue ?? NaN);
  const origin = new URL(lhr.finalDisplayedUrl).origin;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
    fcp: ms('first-contentful-paint'),
    lcp: ms('largest-contentful-paint'),
    tbt: ms('total-blocking-time'),
    si: ms('speed-index'),
    cls: Number((a['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
    lcpElement: lcpElementOf(artifacts.Trace),
    longTasks: (a['long-tasks']?.details?.items ?? [])
      .slice(0, 5)
      .map((t) => `${String(t.url).replace(origin, '')} @${Math.round(t.startTime)} ${Math.round(t.duration)}ms`),
    error: lhr.runtimeError?.code ?? null,
  };
}

/** The run scored again from its artifacts, its main thread's events at their thread time. */
async function scoredWithoutContention(artifacts, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  await saveArtifacts(artifacts, dir);
  const file = path.join(dir, 'defaultPass.trace.json');
  const trace = JSON.parse(fs.readFileSync(file, 'utf8'));
  const events = trace.traceEvents ?? trace;
  const page = events.findLast((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL?.startsWith('http'));
  for (const e of events) {
    if (page && e.pid === page.pid && e.tid === page.tid && e.ph === 'X' && e.tdur < e.dur) e.dur = e.tdur;
  }
  fs.writeFileSync(file, JSON.stringify(trace));
  return run({ auditMode: dir });
}

const o = options(process.argv.slice(2));
fs.mkdirSync(o.out, { recursive: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const runs = [];
const run = (extra = {}) =>
  lighthouse(
    o.url,
    {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      extraHeaders: o.cookie ? { Cookie: o.cookie } : undefined,
      ...extra,
    },
    o.desktop ? desktopConfig : undefined,
  );
try {
  for (let i = 0; i < o.runs; i++) {
    let result = await run();
    // A run Lighthouse could not score (NO_NAVSTART and the like on a busy machine) is run again.
    if (result.lhr.runtimeError || result.lhr.categories.performance?.score == null) {
      console.log(`run ${i + 1}: ${result.lhr.runtimeError?.code ?? 'no score'}, running it again`);
      result = await run();
    }
    const file = path.join(o.out, `${o.label || 'run'}-${o.desktop ? 'desktop' : 'mobile'}-${i + 1}.json`);
    fs.writeFileSync(file, result.report);
    if (o.trace) fs.writeFileSync(file.replace(/\.json$/, '.trace.json'), JSON.stringify(result.artifacts.Trace));
    const s = summary(result);
    if (o.corrected) s.corrected = summary(await scoredWithoutContention(result.artifacts, file.replace(/\.json$/, '.artifacts')));
    runs.push(s);
    console.log(
      `run ${i + 1}: perf ${s.performance}  FCP ${s.fcp}  LCP ${s.lcp}  TBT ${s.tbt}  SI ${s.si}  CLS ${s.cls}${s.error ? `  error ${s.error}` : ''}`,
    );
    if (s.corrected) {
      const c = s.corrected;
      console.log(`  corrected: perf ${c.performance}  FCP ${c.fcp}  LCP ${c.lcp}  TBT ${c.tbt}  SI ${c.si}`);
    }
    console.log(`  LCP element: ${s.lcpElement}`);
    for (const t of s.longTasks) console.log(`  long task: ${t}`);
  }
} finally {
  chrome.kill();
}
const medians = (rows, name) => {
  const m = (k) => median(rows.map((r) => r[k]).filter((x) => Number.isFinite(x)));
  console.log(`${name} of ${rows.length}${o.label ? ` (${o.label})` : ''}: perf ${m('performance')}  FCP ${m('fcp')}  LCP ${m('lcp')}  TBT ${m('tbt')}  SI ${m('si')}`);
};
medians(runs, 'median');
if (o.corrected) medians(runs.map((r) => r.corrected), 'corrected median');
