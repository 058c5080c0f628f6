// The first load, and everyone able to use it (issue 13).
//
// 1. Bytes: the sign-in page, the portfolio and an alliance's overview, each opened in a fresh
//    browser (empty cache) with Chromium's own Accept-Encoding: every response's encoded length
//    (CDP Network.loadingFinished) is added up, JavaScript and CSS must arrive Brotli-compressed,
//    and the total must stay within a budget.
// 2. Accessibility: axe-core, injected into the page, on every page a person can reach (sign-in,
//    portfolio, new alliance, an alliance's tabs, a meeting, my actions and obligations, settings,
//    account) at laptop (1366 px) and tablet (820 px) widths: no WCAG 2.1 A/AA violation. At the
//    tablet width the top navigation is not clipped and nothing makes the page scroll sideways.
// 3. Lighthouse (Debian's Chromium through chrome-launcher) on the three pages, mobile and desktop,
//    once each: accessibility must be 100; performance is recorded and held above a floor that this
//    small shared machine reaches (the score is noisy under load).
// The figures go to tests/e2e/artifacts/first-load.json.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { apiCall, baseUrl, LAPTOP, newPage, pharmaManagerWithPartner, screenshot, TABLET } from './support.mjs';

const webDir = process.env.E2E_WEB_DIR;
const require = createRequire(path.join(webDir, 'package.json'));
const artifacts = process.env.E2E_ARTIFACTS;

// Before issue 13 these pages moved ~2 MB each (1.1 MB JS + 0.6 MB charts + 0.28 MB CSS,
// uncompressed). Now 200–360 KB on the wire; the budget (under a quarter of the old) leaves room to
// grow, not room for the workspace or the charts to come back into the first load.
const BUDGET_BYTES = 480 * 1024;
// Lighthouse's performance score depends on how busy this 2-core machine is. Measured while other
// work ran (load average 7–11): sign-in 62–87 mobile and 93–100 desktop, the portfolio 46–54 and
// 57–77, an alliance 50–55 and 65–76; total blocking time (CPU) is what varies. The goal on a quiet
// machine is 90. The floors sit below the worst run under load, so that a busy machine does not
// fail the build while a page far slower than today does; the byte budget above is the firm gate.
// Raise them with E2E_LIGHTHOUSE_FLOOR_MOBILE / _DESKTOP.
const PERFORMANCE_FLOOR = {
  mobile: Number(process.env.E2E_LIGHTHOUSE_FLOOR_MOBILE ?? 35),
  desktop: Number(process.env.E2E_LIGHTHOUSE_FLOOR_DESKTOP ?? 45),
};
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// E2E_FIRST_LOAD_ONLY=bytes|accessibility|lighthouse runs one part (while fixing it).
const only = process.env.E2E_FIRST_LOAD_ONLY;
const part = (name) => ({ skip: only && !name.startsWith(only) ? `E2E_FIRST_LOAD_ONLY=${only}` : false });

const figures = { budget_bytes: BUDGET_BYTES, performance_floor: PERFORMANCE_FLOOR, pages: {}, axe: {}, lighthouse: {} };
let cookieHeader = '';
let allianceId;
let meetingId;
let closedWaveId;
let openWaveId;
/** A day `n` days from today (YYYY-MM-DD, UTC). */
const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

function writeFigures() {
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, 'first-load.json'), `${JSON.stringify(figures, null, 2)}\n`);
}
after(writeFigures);

before(async () => {
  // A manager of its own (the admin's portfolio must stay empty for the workspace journey), with
  // one alliance, a committee and a meeting, made through the API.
  const { page, allianceId: id } = await pharmaManagerWithPartner({
    manager: { email: 'fiona@meridian.example', name: 'Fiona Lind', password: 'first-load-password-1' },
    partnerOrgName: 'Lumen Diagnostics',
    alliance: {
      name: 'Lumen companion diagnostic',
      type: 'co_development',
      therapeutic_areas: ['oncology'],
      territory: 'EU',
      tier: 2,
      description: 'A companion diagnostic for the lead oncology asset.',
      north_star: { statement: 'The right patients on the right therapy.', beneficiaries: 'Patients with solid tumours' },
    },
  });
  allianceId = id;
  const committee = await apiCall(page, 'POST', `/api/v1/alliances/${allianceId}/committees`, {
    name: 'Joint Steering Committee',
    kind: 'joint_steering',
    cadence: 'quarterly',
    quorum_rule: 'every_party_voting',
    chair_rotation: 'none',
  });
  assert.equal(committee.status, 201, JSON.stringify(committee.body));
  const meeting = await apiCall(page, 'POST', `/api/v1/alliances/${allianceId}/meetings`, {
    committee_id: committee.body.id,
    title: 'Quarterly steering meeting',
    starts_at: new Date(Date.now() + 7 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  });
  assert.equal(meeting.status, 201, JSON.stringify(meeting.body));
  meetingId = meeting.body.id;
  // Health: a private wave Fiona has answered and closed (its results page), and one open for her
  // to answer (the answer sheet, the Surveys inbox).
  const banks = await apiCall(page, 'GET', '/api/v1/question-banks');
  const bank = banks.body.items.find((b) => b.shipped);
  const wave = async (title, closesIn) => {
    const res = await apiCall(page, 'POST', `/api/v1/alliances/${allianceId}/health-waves`, {
      title, bank_id: bank.id, visibility: 'party', opens_on: day(0), closes_on: day(closesIn),
      respondents: [{ user_id: me.id, role: 'alliance_manager' }],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const me = (await apiCall(page, 'GET', '/api/v1/me')).body.user;
  const answered = await wave('How we see Lumen', 14);
  const answers = bank.dimensions.flatMap((d) => d.items.map((i) => ({ item: i.key, value: i.scale === 'agreement' ? 4 : 75 })));
  const submitted = await apiCall(page, 'POST', `/api/v1/alliances/${allianceId}/health-waves/${answered.id}/response/submit`, { answers });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  const closed = await apiCall(page, 'POST', `/api/v1/alliances/${allianceId}/health-waves/${answered.id}/close`, {}, { ifMatch: submitted.body.wave.version });
  assert.equal(closed.status, 200, JSON.stringify(closed.body));
  closedWaveId = answered.id;
  openWaveId = (await wave('Pulse check', 10)).id;
  const cookies = await page.context().cookies();
  cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  await page.context().close();
});

/** A fresh page; signed in with the manager's cookies unless `signedIn` is false. */
async function freshPage(viewport, signedIn = true) {
  const page = await newPage(viewport);
  if (signedIn) {
    const cookies = cookieHeader.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
    });
    await page.context().addCookies(cookies);
  }
  return page;
}

/** Waits until the page shows its content: the network is quiet and no loader is left. */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root, [aria-busy="true"]'), null, { timeout: 10_000 });
  // Let transitions (tabs, collapses) finish, so that axe sees resting colours.
  await page.waitForTimeout(400);
}

const FIRST_LOAD_PAGES = () => [
  { key: 'sign-in', url: '/login', signedIn: false, ready: (p) => p.getByRole('button', { name: 'Sign in' }).waitFor() },
  { key: 'portfolio', url: '/alliances', signedIn: true, ready: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
  { key: 'alliance-overview', url: `/alliances/${allianceId}`, signedIn: true, ready: (p) => p.getByRole('tab', { name: 'Overview' }).waitFor() },
];

test('first load: each page stays within the byte budget (under a quarter of the old), scripts and styles Brotli-compressed', part('bytes'), async () => {
  const failures = [];
  for (const spec of FIRST_LOAD_PAGES()) {
    const page = await freshPage({ width: 412, height: 823 }, spec.signedIn);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const responses = new Map();
    cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      responses.set(requestId, { url: response.url, type, status: response.status, encoding: headers['content-encoding'] ?? null, bytes: 0 });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const r = responses.get(requestId);
      if (r) r.bytes = encodedDataLength;
    });
    let acceptEncoding = null;
    cdp.on('Network.requestWillBeSentExtraInfo', ({ headers }) => {
      const value = Object.entries(headers).find(([k]) => k.toLowerCase() === 'accept-encoding')?.[1];
      acceptEncoding ??= value ?? null;
    });
    await page.goto(spec.url);
    await spec.ready(page);
    await settle(page);
    await screenshot(page, `first load ${spec.key}`, { fullPage: false });
    const all = [...responses.values()];
    const sum = (list) => list.reduce((n, r) => n + r.bytes, 0);
    const scripts = all.filter((r) => r.type === 'Script');
    const styles = all.filter((r) => r.type === 'Stylesheet');
    figures.pages[spec.key] = {
      url: spec.url,
      accept_encoding: acceptEncoding,
      requests: all.length,
      total_bytes: sum(all),
      js_bytes: sum(scripts),
      css_bytes: sum(styles),
      other_bytes: sum(all) - sum(scripts) - sum(styles),
      responses: all.map(({ url, type, encoding, bytes }) => ({ url: url.replace(baseUrl, ''), type, encoding, bytes })),
    };
    writeFigures();
    if (!scripts.length || !styles.length) failures.push(`${spec.key}: no scripts or no styles were loaded`);
    // The build leaves files under 1 KiB uncompressed (compression would not pay for itself).
    const builtSize = (url) => fs.statSync(path.join(webDir, 'dist', new URL(url).pathname)).size;
    for (const r of [...scripts, ...styles].filter((x) => x.encoding !== 'br' && builtSize(x.url) >= 1024)) {
      failures.push(`${spec.key}: ${r.url} arrives as ${r.encoding ?? 'identity'}, not Brotli (Accept-Encoding: ${acceptEncoding})`);
    }
    if (sum(all) > BUDGET_BYTES) failures.push(`${spec.key}: ${sum(all)} bytes on first load, budget ${BUDGET_BYTES}`);
    // The page asks for /api/v1/me itself (index.html preloads it): the app must take that answer,
    // not ask again, and no other answer is asked for twice either.
    const apiCalls = all.filter((r) => new URL(r.url).pathname.startsWith('/api/')).map((r) => r.url.replace(baseUrl, ''));
    for (const url of new Set(apiCalls)) {
      const times = apiCalls.filter((u) => u === url).length;
      if (times > 1) failures.push(`${spec.key}: ${url} requested ${times} times on first load`);
    }
    if (!apiCalls.includes('/api/v1/me')) failures.push(`${spec.key}: /api/v1/me was not requested`);
    failures.push(...page.problems.map((p) => `${spec.key}: ${p}`));
    await page.context().close();
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});

/** Every page a person can reach, with what shows that it has loaded. */
const AXE_PAGES = () => {
  const tab = (name) => ({ key: `alliance-${name}`, url: `/alliances/${allianceId}${name === 'overview' ? '' : `/${name}`}` });
  return [
    { key: 'sign-in', url: '/login', signedIn: false },
    { key: 'portfolio', url: '/alliances' },
    { key: 'new-alliance', url: '/alliances/new' },
    ...['overview', 'plan', 'governance', 'agreements', 'health', 'stage', 'team', 'notes', 'activity'].map(tab),
    { key: 'health-results', url: `/alliances/${allianceId}/health?wave=${closedWaveId}` },
    { key: 'health-answer', url: `/alliances/${allianceId}/health/${openWaveId}/answer` },
    { key: 'surveys', url: '/surveys' },
    { key: 'meeting', url: `/alliances/${allianceId}/governance?section=meetings&meeting=${meetingId}` },
    { key: 'my-actions', url: '/actions' },
    { key: 'my-obligations', url: '/obligations' },
    { key: 'settings-people', url: '/settings' },
    { key: 'settings-tokens', url: '/settings/tokens' },
    { key: 'settings-calendar', url: '/settings/calendar' },
    { key: 'account', url: '/account' },
  ];
};

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page) {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses an inline script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary?.split('\n').slice(0, 2).join(' ') })),
    }));
  }, AXE_TAGS);
}

/** What makes a page wider than the window at this width: elements past the right edge. */
async function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return [];
    const scrolls = (el) => {
      for (let e = el.parentElement; e; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !scrolls(e))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} right=${Math.round(e.getBoundingClientRect().right)}`);
  });
}

/**
 * Tables wider than their place: each must sit in a box that scrolls sideways (so every column, and
 * the row actions at the end, can be reached), never in one that cuts it off.
 */
async function clippedTables(page) {
  return page.evaluate(() => {
    const out = [];
    for (const table of document.querySelectorAll('table')) {
      const r = table.getBoundingClientRect();
      if (r.width === 0) continue;
      let clipper = null;
      for (let e = table.parentElement; e; e = e.parentElement) {
        if (getComputedStyle(e).overflowX !== 'visible') {
          clipper = e;
          break;
        }
      }
      const limit = clipper ? clipper.getBoundingClientRect().right : document.documentElement.clientWidth;
      if (r.right <= limit + 1) continue;
      const overflow = clipper ? getComputedStyle(clipper).overflowX : 'visible';
      if ((overflow === 'auto' || overflow === 'scroll') && clipper.scrollWidth >= Math.floor(r.width)) continue;
      const name = table.getAttribute('aria-label') ?? table.querySelector('caption, th')?.textContent ?? 'a table';
      out.push(`"${name}" is cut off at ${Math.round(limit)} px (its right edge is at ${Math.round(r.right)} px)`);
    }
    return out;
  });
}

for (const [label, viewport] of [['laptop', LAPTOP], ['tablet', TABLET]]) {
  test(`accessibility at ${label} width (${viewport.width} px): no WCAG 2.1 A/AA violation on any page`, part('accessibility'), async () => {
    const failures = [];
    const signedOut = await freshPage(viewport, false);
    const signedIn = await freshPage(viewport, true);
    for (const spec of AXE_PAGES()) {
      const page = spec.signedIn === false ? signedOut : signedIn;
      await page.goto(spec.url);
      await page.locator('h1, h2').first().waitFor();
      await settle(page);
      const violations = await axeViolations(page);
      figures.axe[`${label}/${spec.key}`] = violations.map((v) => `${v.id} (${v.nodes.length})`);
      for (const v of violations) {
        failures.push(`${spec.key}: ${v.id} — ${v.help}\n${v.nodes.map((n) => `    ${n.target}: ${n.summary}`).join('\n')}`);
      }
      if (label === 'tablet') {
        const overflow = await sidewaysOverflow(page);
        if (overflow.length) failures.push(`${spec.key}: the page scrolls sideways at ${viewport.width} px: ${overflow.join(', ')}`);
        const cut = await clippedTables(page);
        if (cut.length) failures.push(`${spec.key}: at ${viewport.width} px ${cut.join('; ')}`);
        if (spec.signedIn !== false) {
          // Every top navigation link is inside the window and inside the header: none wraps to a
          // second line that the header's fixed height cuts off.
          const clipped = await page.evaluate(() => {
            const header = document.querySelector('header').getBoundingClientRect();
            return [...document.querySelectorAll('header nav a, [data-testid="user-menu"]')]
              .filter((a) => {
                const r = a.getBoundingClientRect();
                return (
                  r.width === 0 ||
                  r.left < 0 ||
                  r.right > document.documentElement.clientWidth ||
                  r.top < header.top ||
                  r.bottom > header.bottom ||
                  a.scrollWidth > a.clientWidth + 1
                );
              })
              .map((a) => a.textContent || a.getAttribute('aria-label'));
          });
          if (clipped.length) failures.push(`${spec.key}: top navigation clipped at ${viewport.width} px: ${clipped.join(', ')}`);
        }
      }
      if (label === 'tablet' || failures.length) await screenshot(page, `${label} ${spec.key}`, { fullPage: false });
    }
    writeFigures();
    const problems = [...signedIn.problems, ...signedOut.problems];
    await signedIn.context().close();
    await signedOut.context().close();
    assert.deepEqual(failures, [], failures.join('\n'));
    assert.deepEqual(problems, []);
  });
}

test('Lighthouse: accessibility 100 and performance above the floor, mobile and desktop', { timeout: 240_000, ...part('lighthouse') }, async () => {
  const lighthouse = (await import(pathToFileURL(require.resolve('lighthouse')).href)).default;
  const desktopConfig = (await import(pathToFileURL(path.join(path.dirname(require.resolve('lighthouse')), 'config/desktop-config.js')).href)).default;
  const chromeLauncher = await import(pathToFileURL(require.resolve('chrome-launcher')).href);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const failures = [];
  try {
    for (const spec of FIRST_LOAD_PAGES()) {
      for (const formFactor of ['mobile', 'desktop']) {
        const started = Date.now();
        const run = () =>
          lighthouse(
            `${baseUrl}${spec.url}`,
            {
              port: chrome.port,
              output: 'json',
              logLevel: 'error',
              onlyCategories: ['performance', 'accessibility'],
              extraHeaders: spec.signedIn ? { Cookie: cookieHeader } : undefined,
            },
            formFactor === 'desktop' ? desktopConfig : undefined,
          );
        let result = await run();
        // A run that Lighthouse itself could not score (its trace lost the paint events on a busy
        // machine: performance null) is run once more; a scored run is never repeated.
        let retried = null;
        if (result.lhr.categories.performance?.score == null) {
          retried = result.lhr.runtimeError?.code ?? result.lhr.audits['largest-contentful-paint']?.errorMessage ?? 'no performance score';
          result = await run();
        }
        const { categories, audits } = result.lhr;
        const score = (c) => Math.round((categories[c]?.score ?? 0) * 100);
        const entry = {
          performance: score('performance'),
          accessibility: score('accessibility'),
          lcp_ms: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
          fcp_ms: Math.round(audits['first-contentful-paint']?.numericValue ?? 0),
          tbt_ms: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
          cls: Number((audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
          final_url: result.lhr.finalDisplayedUrl,
          retried_after: retried,
          error: result.lhr.runtimeError?.code ?? audits['largest-contentful-paint']?.errorMessage ?? null,
          seconds: Math.round((Date.now() - started) / 100) / 10,
          // Where the main thread's time went, to see what to trim next.
          main_thread_ms: Object.fromEntries((audits['mainthread-work-breakdown']?.details?.items ?? []).map((i) => [i.group, Math.round(i.duration)])),
          script_ms: (audits['bootup-time']?.details?.items ?? []).slice(0, 6).map((i) => `${String(i.url).replace(baseUrl, '')} ${Math.round(i.total)}`),
          failed_accessibility_audits: Object.values(audits)
            .filter((a) => result.lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 1)
            .map((a) => a.id),
        };
        figures.lighthouse[`${spec.key}/${formFactor}`] = entry;
        writeFigures();
        if (!entry.final_url.endsWith(spec.url)) failures.push(`${spec.key} ${formFactor}: Lighthouse ended on ${entry.final_url}`);
        if (entry.accessibility !== 100) failures.push(`${spec.key} ${formFactor}: accessibility ${entry.accessibility} (${entry.failed_accessibility_audits.join(', ')})`);
        if (entry.performance < PERFORMANCE_FLOOR[formFactor]) failures.push(`${spec.key} ${formFactor}: performance ${entry.performance} < ${PERFORMANCE_FLOOR[formFactor]}`);
      }
    }
  } finally {
    chrome.kill();
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});
