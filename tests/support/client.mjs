// HTTP clients for the API tests.
//
// Browser: one cookie jar (keeps ns_session), remembers the csrf_token of login/accept/me answers
// and sends it as X-CSRF-Token on POST/PATCH/PUT/DELETE (unless told not to).
// TokenClient: `Authorization: Bearer ns_…`, no cookies, no CSRF header.
//
// Every call returns {status, headers, body, text, bytes}; body is parsed JSON when the answer is
// JSON; bytes is the raw answer (a Buffer). `raw` sends a string or Buffer as-is with `contentType`.

import http from 'node:http';
import assert from 'node:assert/strict';

export const API = '/api/v1';
const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function etagValue(v) {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return `"${v}"`;
  return v;
}

async function send(baseUrl, method, path, { body, raw, headers = {}, ifMatch, contentType } = {}) {
  const h = { accept: 'application/json', ...headers };
  let payload;
  if (raw !== undefined) {
    payload = raw;
    h['content-type'] = contentType ?? 'application/json';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['content-type'] = contentType ?? 'application/json';
  }
  const im = etagValue(ifMatch);
  if (im !== undefined) h['if-match'] = im;
  const url = path.startsWith('http') ? path : `${baseUrl}${path.startsWith('/') ? '' : `${API}/`}${path}`;
  const res = await fetch(url, { method, headers: h, body: payload, redirect: 'manual' });
  // The bytes as sent (downloads), and the text as fetch's res.text() would give it (UTF-8, BOM dropped).
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let parsed = text;
  const ct = res.headers.get('content-type') || '';
  if (/json/i.test(ct) && text.length) {
    try { parsed = JSON.parse(text); } catch { parsed = text; }
  } else if (!text.length) {
    parsed = null;
  }
  return { status: res.status, headers: res.headers, body: parsed, text, bytes, method, path };
}

/** A signed-in (or not) browser: its own cookie jar and CSRF token. */
export class Browser {
  constructor(baseUrl, label = 'browser') {
    this.baseUrl = baseUrl;
    this.label = label;
    this.cookies = new Map();
    this.csrf = null;
    this.user = null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  absorbCookies(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const attr = attrs.map((a) => a.trim().toLowerCase());
      const maxAge = attr.find((a) => a.startsWith('max-age='));
      const expires = attrs.map((a) => a.trim()).find((a) => /^expires=/i.test(a));
      const gone = value === '' || (maxAge && Number(maxAge.slice(8)) <= 0) ||
        (expires && Date.parse(expires.slice(8)) < Date.now());
      if (gone) this.cookies.delete(name); else this.cookies.set(name, value);
    }
  }

  /**
   * @param {string} method
   * @param {string} path   '/api/v1/...', '/healthz', or a path relative to /api/v1 ('alliances')
   * @param {object} [opts] {body, raw, headers, ifMatch, csrf: false to omit the header,
   *                         csrfToken: a specific value to send}
   */
  async request(method, path, opts = {}) {
    const headers = { ...(opts.headers || {}) };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (CHANGING.has(method) && opts.csrf !== false) {
      const token = opts.csrfToken ?? this.csrf;
      if (token) headers['x-csrf-token'] = token;
    }
    const res = await send(this.baseUrl, method, path, { ...opts, headers });
    this.absorbCookies(res);
    if (res.body && typeof res.body === 'object' && typeof res.body.csrf_token === 'string') {
      this.csrf = res.body.csrf_token;
    }
    return res;
  }

  get(path, opts) { return this.request('GET', path, opts); }
  post(path, body, opts = {}) { return this.request('POST', path, { ...opts, body }); }
  patch(path, body, opts = {}) { return this.request('PATCH', path, { ...opts, body }); }
  put(path, body, opts = {}) { return this.request('PUT', path, { ...opts, body }); }
  del(path, opts = {}) { return this.request('DELETE', path, opts); }

  async login(email, password) {
    const res = await this.post(`${API}/auth/login`, { email, password });
    if (res.status === 200) this.user = res.body.user;
    return res;
  }

  /** login() that fails the test unless it succeeds. */
  async signIn(email, password) {
    const res = await this.login(email, password);
    assert.equal(res.status, 200, `login ${email}: ${res.status} ${res.text}`);
    return res;
  }

  /** A second browser that shares this one's cookies and CSRF token (e.g. a stolen cookie). */
  clone(label = `${this.label}-clone`) {
    const b = new Browser(this.baseUrl, label);
    b.cookies = new Map(this.cookies);
    b.csrf = this.csrf;
    b.user = this.user;
    return b;
  }
}

/** Integration client with an API token. */
export class TokenClient {
  constructor(baseUrl, secret) {
    this.baseUrl = baseUrl;
    this.secret = secret;
  }

  request(method, path, opts = {}) {
    const headers = { authorization: `Bearer ${this.secret}`, ...(opts.headers || {}) };
    return send(this.baseUrl, method, path, { ...opts, headers });
  }

  get(path, opts) { return this.request('GET', path, opts); }
  post(path, body, opts = {}) { return this.request('POST', path, { ...opts, body }); }
  patch(path, body, opts = {}) { return this.request('PATCH', path, { ...opts, body }); }
  del(path, opts = {}) { return this.request('DELETE', path, opts); }
}

/**
 * A raw HTTP/1.1 request with node:http: for bodies that fetch would not send as-is, and for
 * answers that arrive before the server has read the whole body (413).
 */
export function rawRequest(baseUrl, method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(path, baseUrl);
    let answered = false;
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method,
      headers: { connection: 'close', ...headers } }, (res) => {
      answered = true;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const text = bytes.toString('utf8');
        let parsed = text;
        if (/json/i.test(res.headers['content-type'] || '') && text) {
          try { parsed = JSON.parse(text); } catch { /* leave text */ }
        }
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          for (const one of [].concat(v)) h.append(k, one);
        }
        resolve({ status: res.statusCode, headers: h, body: parsed, text, bytes, method, path });
      });
      res.on('error', (e) => reject(e));
    });
    req.on('error', (e) => { if (!answered) reject(e); });
    if (body !== undefined) req.write(body, () => {});
    req.end();
  });
}

export const PROBLEM_BASE = 'https://northstar.dev/problems/';

/**
 * Asserts an RFC 9457 problem answer: status, media type, the five members, request_id equal to the
 * X-Request-Id header, and (optionally) the type suffix, or one of several suffixes.
 */
export function expectProblem(res, status, suffix) {
  const where = `${res.method} ${res.path}`;
  assert.equal(res.status, status, `${where}: expected ${status}, got ${res.status}: ${res.text}`);
  const ct = res.headers.get('content-type') || '';
  assert.match(ct, /^application\/problem\+json\b/, `${where}: content-type was "${ct}"`);
  const b = res.body;
  assert.equal(typeof b, 'object', `${where}: problem body is not JSON: ${res.text}`);
  for (const k of ['type', 'title', 'status', 'detail', 'request_id']) {
    assert.ok(b[k] !== undefined && b[k] !== null && b[k] !== '', `${where}: problem lacks "${k}": ${res.text}`);
  }
  assert.equal(b.status, status, `${where}: problem.status`);
  assert.equal(b.request_id, res.headers.get('x-request-id'),
    `${where}: problem.request_id should equal the X-Request-Id header`);
  if (suffix) {
    const allowed = [].concat(suffix).map((s) => PROBLEM_BASE + s);
    assert.ok(allowed.includes(b.type), `${where}: problem type ${b.type}, expected ${allowed.join(' or ')}`);
  }
  return b;
}

/** Asserts a 422 whose errors[] names each given field (exactly, or as a prefix like `parties[0]`). */
export function expectValidation(res, ...fields) {
  const b = expectProblem(res, 422, 'validation');
  assert.ok(Array.isArray(b.errors) && b.errors.length > 0, `${res.method} ${res.path}: 422 without errors[]: ${res.text}`);
  for (const e of b.errors) {
    assert.equal(typeof e.field, 'string', `errors[] entry without field: ${JSON.stringify(e)}`);
    assert.equal(typeof e.message, 'string', `errors[] entry without message: ${JSON.stringify(e)}`);
  }
  for (const f of fields) {
    const hit = b.errors.some((e) => e.field === f || e.field.startsWith(`${f}.`) || e.field.startsWith(`${f}[`));
    assert.ok(hit, `${res.method} ${res.path}: expected an error for field "${f}", got ${JSON.stringify(b.errors)}`);
  }
  return b;
}

/** Asserts a status, with the answer in the message. */
export function expectStatus(res, status, what = '') {
  const allowed = [].concat(status);
  assert.ok(allowed.includes(res.status),
    `${what ? `${what}: ` : ''}${res.method} ${res.path}: expected ${allowed.join('|')}, got ${res.status}: ${res.text.slice(0, 1000)}`);
  if (res.status >= 400) expectProblem(res, res.status);
  return res.body;
}

/** Follows next_cursor to the end; returns all items. Fails if the walk does not terminate. */
export async function listAll(client, path, { limit, maxPages = 200 } = {}) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const q = [limit ? `limit=${limit}` : null, cursor ? `cursor=${encodeURIComponent(cursor)}` : null]
      .filter(Boolean).join('&');
    const res = await client.get(q ? `${path}${sep}${q}` : path);
    expectStatus(res, 200, `list ${path}`);
    assert.ok(Array.isArray(res.body.items), `${path}: items should be an array: ${res.text}`);
    items.push(...res.body.items);
    cursor = res.body.next_cursor;
    if (cursor === null || cursor === undefined) return items;
    assert.equal(typeof cursor, 'string', `${path}: next_cursor should be a string or null`);
  }
  assert.fail(`${path}: pagination did not end after ${maxPages} pages`);
}

/** The invitation token out of an accept_url (query ?token=, #token= or last path segment). */
export function tokenFromAcceptUrl(acceptUrl) {
  const u = new URL(acceptUrl, 'http://placeholder');
  const fromQuery = u.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const hash = new URLSearchParams(u.hash.replace(/^#/, ''));
  if (hash.get('token')) return hash.get('token');
  const segs = u.pathname.split('/').filter(Boolean);
  return decodeURIComponent(segs[segs.length - 1]);
}
