// Shared helpers of the browser tests: the browser, sign-in, screenshots and direct API calls.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, test } from 'node:test';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through tests/e2e/run.mjs`);
  return value;
};

export const baseUrl = env('E2E_BASE_URL');
export const pharma = JSON.parse(env('E2E_PHARMA'));
const artifacts = env('E2E_ARTIFACTS');
const require = createRequire(path.join(env('E2E_WEB_DIR'), 'package.json'));
const { chromium } = require('playwright-core');

export const LAPTOP = { width: 1366, height: 900 };
export const TABLET = { width: 820, height: 1180 };

let browser;
export async function launch() {
  browser ??= await chromium.launch({
    executablePath: env('E2E_CHROMIUM'),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return browser;
}

after(async () => {
  await browser?.close();
});

/** A fresh browser context (its own cookies) with one page; console errors are collected. */
export async function newPage(viewport = LAPTOP) {
  const b = await launch();
  const context = await b.newContext({ viewport, baseURL: baseUrl, locale: 'en-GB', timezoneId: 'Europe/London' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  // Console errors (a CSP violation, a React warning turned error) fail the test; failed requests
  // are expected (401 before sign-in, 404 for an unknown invitation) and the tests check them.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      page.problems.push(`console error: ${message.text()}`);
    }
  });
  return page;
}

function slug(name) {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

let counter = 0;
/** Saves a full-page screenshot under tests/e2e/artifacts/. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  counter += 1;
  const file = path.join(artifacts, `${path.basename(process.argv[1] ?? 'e2e', '.test.mjs')}-${String(counter).padStart(2, '0')}-${slug(name)}.png`);
  fs.mkdirSync(artifacts, { recursive: true });
  // Let closing dialogs and arriving notifications settle, so the picture shows a resting page.
  await page.waitForTimeout(350).catch(() => {});
  // A full-page picture of a scrolled page would draw the fixed header mid-page.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0)).catch(() => {});
  await page.screenshot({ path: file, fullPage, animations: 'disabled' }).catch(() => {});
  return file;
}

/**
 * A browser test: runs `body`, then saves a screenshot of the page that `body` returns or that
 * `current()` names, pass or fail.
 */
export function browserTest(name, current, body) {
  test(name, async () => {
    await runAndCapture(name, current, body);
  });
}

let journeyBroken = null;
/** Like browserTest, for steps of one journey: after a failed step the later ones are skipped. */
export function journeyStep(name, current, body) {
  test(name, async (t) => {
    if (journeyBroken) {
      t.skip(`an earlier step failed: ${journeyBroken}`);
      return;
    }
    try {
      await runAndCapture(name, current, body);
    } catch (error) {
      journeyBroken = name;
      throw error;
    }
  });
}

async function runAndCapture(name, current, body) {
  {
    let page;
    try {
      page = await body();
    } finally {
      const target = page ?? current();
      if (target && !target.isClosed()) await screenshot(target, name);
    }
    if (page?.problems?.length) throw new Error(page.problems.join('\n'));
  }
}

export async function signIn(page, email, password) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/alliances$/);
}

/** Signs a new person in through an invitation, in the page's browser context (API only). */
export async function acceptInvitation(page, token, name, password) {
  const response = await page.request.post('/api/v1/invitations/accept', { data: { token, password, name } });
  if (!response.ok()) throw new Error(`accepting the invitation failed: ${response.status()} ${await response.text()}`);
  return response.json();
}

/** JSON API call with the page's cookies (and CSRF token for changes). */
export async function apiCall(page, method, url, body, { ifMatch } = {}) {
  const me = await page.request.get('/api/v1/me');
  const csrf = me.ok() ? (await me.json()).csrf_token : null;
  const response = await page.request.fetch(url, {
    method,
    headers: {
      ...(csrf && method !== 'GET' ? { 'X-CSRF-Token': csrf } : {}),
      ...(ifMatch !== undefined ? { 'If-Match': `"${ifMatch}"` } : {}),
      'content-type': 'application/json',
    },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status(), body: text ? JSON.parse(text) : null };
}

/** Waits until `fn` stops throwing (for assertions on a page that is still updating). */
export async function eventually(fn, timeout = 8000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Invites someone through the API as the person signed in on `page`; returns the token. */
export async function invite(page, body) {
  const res = await apiCall(page, 'POST', '/api/v1/invitations', body);
  if (res.status !== 201) throw new Error(`invitation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/**
 * The journeys' common start: the pharma admin invites `manager` (a colleague), who signs in on a
 * new page, creates the partner organisation (a start-up) and an alliance of the two parties from
 * `alliance` (name, type, areas, territory, tier, description, north_star). Returns the manager's
 * page and the ids.
 */
export async function pharmaManagerWithPartner({ manager, partnerOrgName, alliance }) {
  const admin = await newPage();
  await signIn(admin, pharma.email, pharma.password);
  const me = await apiCall(admin, 'GET', '/api/v1/me');
  const pharmaOrgId = me.body.organization.id;
  const token = await invite(admin, { email: manager.email, name: manager.name, organization_id: pharmaOrgId });
  await admin.context().close();

  const page = await newPage();
  await acceptInvitation(page, token, manager.name, manager.password);
  const org = await apiCall(page, 'POST', '/api/v1/organizations', { name: partnerOrgName, type: 'startup' });
  if (org.status !== 201) throw new Error(`partner organisation: ${org.status} ${JSON.stringify(org.body)}`);
  const partnerOrgId = org.body.id;
  const created = await apiCall(page, 'POST', '/api/v1/alliances', {
    ...alliance,
    parties: [
      { organization_id: pharmaOrgId, role: 'licensee' },
      { organization_id: partnerOrgId, role: 'licensor' },
    ],
  });
  if (created.status !== 201) throw new Error(`alliance: ${created.status} ${JSON.stringify(created.body)}`);
  return { page, pharmaOrgId, partnerOrgId, allianceId: created.body.id };
}
