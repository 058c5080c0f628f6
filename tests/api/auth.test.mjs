// Sign-in, sessions, CSRF, API tokens and sign-in back-off.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, PASSWORD } from '../support/world.mjs';
import { Browser, TokenClient, API, expectProblem, expectStatus } from '../support/client.mjs';

const PAST = {
  iso: '2000-01-01T00:00:00.000Z',
  space: '2000-01-01 00:00:00',
  seconds: 946684800,
  millis: 946684800000,
};

/** A value in the past in the same representation as `sample` (text, epoch s or epoch ms). */
// The server reuses a sign-in lookup for up to --auth-cache-ms (default 1000) unless it made a
// change itself; a change behind its back, as these tests make, is seen after that.
const AUTH_CACHE_MS = 1000;
const outlastAuthCache = () => new Promise((resolve) => setTimeout(resolve, AUTH_CACHE_MS + 100));

function pastLike(sample) {
  if (typeof sample === 'number') return sample > 1e11 ? PAST.millis : PAST.seconds;
  if (typeof sample === 'string' && /^\d+$/.test(sample)) return Number(sample) > 1e11 ? PAST.millis : PAST.seconds;
  if (typeof sample === 'string' && /^\d{4}-\d\d-\d\d /.test(sample)) return `'${PAST.space}'`;
  return `'${PAST.iso}'`;
}

describe('authentication', () => {
  let world;
  let server;
  let base;

  before(async () => {
    world = await buildWorld({ spares: { helix: 3 } });
    server = world.server;
    base = world.baseUrl;
  });
  after(async () => { await world?.stop(); });

  describe('login', () => {
    it('signs in with the right password: user, organization, csrf_token and a session cookie', async () => {
      const p = world.person('phMember');
      const b = new Browser(base);
      const res = await b.login(p.email, p.password);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.user.email, p.email);
      assert.equal(res.body.user.id, p.id);
      assert.equal(res.body.user.organization_id, world.orgIds.helix);
      assert.equal(res.body.user.org_role, 'member');
      assert.equal(res.body.user.active, true);
      assert.equal(res.body.organization.id, world.orgIds.helix);
      assert.equal(res.body.organization.name, 'Helix Pharma');
      assert.equal(typeof res.body.csrf_token, 'string');
      assert.ok(res.body.csrf_token.length >= 16, 'csrf_token should be long enough to be unguessable');
      assert.ok(b.cookies.has('ns_session'), 'ns_session cookie set');
      assert.ok(!('password' in res.body.user) && !('password_hash' in res.body.user), 'no password material in user');
    });

    it('the session cookie is HttpOnly, SameSite=Lax, Path=/', async () => {
      const p = world.person('phMember');
      const res = await new Browser(base).login(p.email, p.password);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ns_session='));
      assert.ok(cookie, `Set-Cookie ns_session missing: ${res.headers.getSetCookie()}`);
      const attrs = cookie.split(';').slice(1).map((a) => a.trim().toLowerCase());
      assert.ok(attrs.includes('httponly'), `HttpOnly missing: ${cookie}`);
      assert.ok(attrs.includes('samesite=lax'), `SameSite=Lax missing: ${cookie}`);
      assert.ok(attrs.includes('path=/'), `Path=/ missing: ${cookie}`);
    });

    it('wrong password and unknown e-mail get the same 401', async () => {
      const wrong = await new Browser(base).login(world.person('phViewer').email, 'not-the-password-1');
      const unknown = await new Browser(base).login('nobody.at.all@helix.example', 'not-the-password-1');
      const a = expectProblem(wrong, 401, 'unauthenticated');
      const b = expectProblem(unknown, 401, 'unauthenticated');
      assert.equal(a.title, b.title);
      assert.equal(a.detail, b.detail, 'the detail must not reveal whether the e-mail exists');
      assert.equal(wrong.headers.getSetCookie().some((c) => c.startsWith('ns_session=') && !/ns_session=;/.test(c)), false,
        'no session cookie on a failed login');
    });

    it('a login body without a password is refused and signs nobody in', async () => {
      const b = new Browser(base);
      const res = await b.post(`${API}/auth/login`, { email: world.person('phViewer').email });
      assert.ok([400, 401, 422].includes(res.status), `got ${res.status}`);
      expectProblem(res, res.status);
      expectProblem(await b.get(`${API}/me`), 401, 'unauthenticated');
    });
  });

  describe('me and logout', () => {
    it('GET /me returns the signed-in user, organization and csrf_token', async () => {
      const b = world.as('phExec');
      const res = await b.get(`${API}/me`);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.user.id, world.person('phExec').id);
      assert.equal(res.body.organization.id, world.orgIds.helix);
      assert.equal(res.body.csrf_token, b.csrf, 'me returns the session\'s CSRF token');
    });

    it('GET /me without a session is 401', async () => {
      expectProblem(await new Browser(base).get(`${API}/me`), 401, 'unauthenticated');
    });

    it('logout answers 204, clears the cookie and revokes the session (old cookie → 401)', async () => {
      const p = world.person('phViewer');
      const b = new Browser(base);
      await b.signIn(p.email, p.password);
      const stolen = b.clone();
      const res = await b.post(`${API}/auth/logout`);
      assert.equal(res.status, 204, res.text);
      const cleared = res.headers.getSetCookie().find((c) => c.startsWith('ns_session='));
      assert.ok(cleared, 'logout sends a Set-Cookie for ns_session');
      assert.ok(/ns_session=;|max-age=0|expires=thu, 01 jan 1970/i.test(cleared), `cookie not cleared: ${cleared}`);
      expectProblem(await b.get(`${API}/me`), 401, 'unauthenticated');
      expectProblem(await stolen.get(`${API}/me`), 401, 'unauthenticated');
    });

    it('revoke-all ends every session of the caller, and only theirs', async () => {
      const p = world.person('phMember');
      const one = new Browser(base);
      const two = new Browser(base);
      await one.signIn(p.email, p.password);
      await two.signIn(p.email, p.password);
      const res = await one.post(`${API}/auth/sessions/revoke-all`);
      assert.equal(res.status, 204, res.text);
      expectProblem(await one.get(`${API}/me`), 401, 'unauthenticated');
      expectProblem(await two.get(`${API}/me`), 401, 'unauthenticated');
      expectStatus(await world.as('phViewer').get(`${API}/me`), 200, 'another user stays signed in');
      // the world's own browser of phMember was revoked too: sign it in again for later tests
      await world.as('phMember').signIn(p.email, p.password);
    });
  });

  describe('CSRF', () => {
    it('a change with the cookie but no X-CSRF-Token is 403 and writes nothing', async () => {
      const before = server.count('alliances');
      const res = await world.as('phManager').request('POST', `${API}/alliances`,
        { body: world.allianceBody(), csrf: false });
      expectProblem(res, 403, ['forbidden', 'csrf']);
      assert.equal(server.count('alliances'), before);
    });

    it('a forged X-CSRF-Token is 403 and writes nothing', async () => {
      const before = server.count('alliances');
      const res = await world.as('phManager').request('POST', `${API}/alliances`,
        { body: world.allianceBody(), csrfToken: 'forged-0123456789abcdef0123456789abcdef' });
      expectProblem(res, 403, ['forbidden', 'csrf']);
      assert.equal(server.count('alliances'), before);
    });

    it('another session\'s CSRF token does not work', async () => {
      const p = world.person('phManager');
      const other = new Browser(base);
      await other.signIn(p.email, p.password);
      const before = server.count('alliances');
      const res = await world.as('phManager').request('POST', `${API}/alliances`,
        { body: world.allianceBody(), csrfToken: world.as('phMember').csrf });
      expectProblem(res, 403, ['forbidden', 'csrf']);
      assert.equal(server.count('alliances'), before);
    });

    it('logout and revoke-all need the CSRF token too', async () => {
      const p = world.person('phExec');
      const b = new Browser(base);
      await b.signIn(p.email, p.password);
      expectProblem(await b.request('POST', `${API}/auth/logout`, { csrf: false }), 403, ['forbidden', 'csrf']);
      expectProblem(await b.request('POST', `${API}/auth/sessions/revoke-all`, { csrf: false }), 403, ['forbidden', 'csrf']);
      expectStatus(await b.get(`${API}/me`), 200, 'still signed in');
    });

    it('with the right token the same change succeeds', async () => {
      const res = await world.as('phManager').post(`${API}/alliances`, world.allianceBody());
      expectStatus(res, 201);
    });
  });

  describe('API tokens', () => {
    let created;

    it('POST /tokens shows the secret once; only a hash is stored', async () => {
      const res = await world.as('phMember').post(`${API}/tokens`, { name: 'Nightly export', expires_in_days: 30 });
      expectStatus(res, 201);
      created = res.body;
      assert.match(created.secret, /^ns_\S{20,}$/);
      assert.equal(created.token.name, 'Nightly export');
      assert.equal(created.token.user_id, world.person('phMember').id);
      assert.equal(created.token.revoked_at, null);
      assert.ok(created.token.expires_at, 'expires_at set for expires_in_days');
      assert.ok(created.secret.startsWith(created.token.prefix), 'the prefix is the start of the secret');
      assert.ok(!JSON.stringify(created.token).includes(created.secret), 'the token record does not repeat the secret');

      const secretBody = created.secret.slice(3);
      const rows = server.dbQuery('SELECT * FROM api_tokens');
      assert.ok(rows.length >= 1);
      for (const row of rows) {
        for (const [col, value] of Object.entries(row)) {
          assert.ok(!String(value).includes(secretBody), `api_tokens.${col} contains the secret`);
        }
      }
      assert.ok(!server.dbDump().includes(secretBody), 'the secret appears nowhere in the database');
    });

    it('the bearer token authenticates without cookies or CSRF', async () => {
      const api = new TokenClient(base, created.secret);
      const me = await api.get(`${API}/me`);
      expectStatus(me, 200);
      assert.equal(me.body.user.id, world.person('phMember').id);
      assert.equal(me.body.csrf_token, null, 'no CSRF token for a bearer caller');
      const res = await api.post(`${API}/alliances`, world.allianceBody());
      expectStatus(res, 201, 'create with a token, no CSRF header');
      assert.equal(res.body.my_role, 'manager');
    });

    it('the list shows the token without its secret; last_used_at is set after use', async () => {
      const res = await world.as('phMember').get(`${API}/tokens`);
      expectStatus(res, 200);
      const t = res.body.items.find((x) => x.id === created.token.id);
      assert.ok(t, 'the new token is listed');
      for (const k of ['id', 'name', 'prefix', 'user_id', 'created_at', 'last_used_at', 'expires_at', 'revoked_at']) {
        assert.ok(k in t, `token field ${k}`);
      }
      assert.ok(t.last_used_at, 'last_used_at after a call');
      assert.ok(!res.text.includes(created.secret.slice(3)), 'no secret in the list');
    });

    it('an org admin sees their colleagues\' tokens; a member sees only their own', async () => {
      const mine = await world.as('phViewer').post(`${API}/tokens`, { name: 'Viewer token' });
      expectStatus(mine, 201);
      const admin = await world.as('phManager').get(`${API}/tokens`);
      expectStatus(admin, 200);
      const ids = admin.body.items.map((t) => t.id);
      assert.ok(ids.includes(created.token.id) && ids.includes(mine.body.token.id), 'admin sees every Helix token');
      const member = await world.as('phViewer').get(`${API}/tokens`);
      assert.deepEqual(member.body.items.map((t) => t.id), [mine.body.token.id]);
      const partner = await world.as('nbManager').get(`${API}/tokens`);
      assert.ok(!partner.body.items.some((t) => ids.includes(t.id)), 'another org\'s admin sees none of them');
    });

    it('someone else cannot revoke the token (404), the owner can (204), then it is 401', async () => {
      expectProblem(await world.as('nbManager').del(`${API}/tokens/${created.token.id}`), 404, 'not-found');
      const api = new TokenClient(base, created.secret);
      expectStatus(await api.get(`${API}/me`), 200, 'still valid');
      const res = await world.as('phMember').del(`${API}/tokens/${created.token.id}`);
      assert.equal(res.status, 204, res.text);
      expectProblem(await api.get(`${API}/me`), 401, 'unauthenticated');
      const list = await world.as('phMember').get(`${API}/tokens`);
      const t = list.body.items.find((x) => x.id === created.token.id);
      assert.ok(t && t.revoked_at, 'revoked_at is set');
    });

    it('an expired token is 401', async () => {
      const res = await world.as('phViewer').post(`${API}/tokens`, { name: 'Short-lived', expires_in_days: 1 });
      expectStatus(res, 201);
      const api = new TokenClient(base, res.body.secret);
      expectStatus(await api.get(`${API}/me`), 200);
      const [row] = server.dbQuery(`SELECT expires_at FROM api_tokens WHERE id = '${res.body.token.id}'`);
      server.dbQuery(`UPDATE api_tokens SET expires_at = ${pastLike(row.expires_at)} WHERE id = '${res.body.token.id}'`);
      await outlastAuthCache();
      expectProblem(await api.get(`${API}/me`), 401, 'unauthenticated');
    });

    it('made-up and malformed bearer tokens are 401', async () => {
      for (const secret of ['ns_' + 'a'.repeat(40), 'garbage', '']) {
        expectProblem(await new TokenClient(base, secret).get(`${API}/me`), 401, 'unauthenticated');
      }
    });
  });

  describe('sign-in back-off', () => {
    it('after 5 failures for one e-mail the next attempt is 429 with Retry-After, even with the right password', async () => {
      const spare = world.spares.helix[0];
      for (let i = 1; i <= 5; i++) {
        expectProblem(await new Browser(base).login(spare.email, `wrong-password-${i}xx`), 401, 'unauthenticated');
      }
      const blocked = await new Browser(base).login(spare.email, `wrong-password-6xx`);
      expectProblem(blocked, 429, 'too-many-requests');
      const retry = blocked.headers.get('retry-after');
      assert.match(retry || '', /^\d+$/, `Retry-After: ${retry}`);
      assert.ok(Number(retry) > 0);
      const right = await new Browser(base).login(spare.email, PASSWORD);
      expectProblem(right, 429, 'too-many-requests');
      assert.ok(!right.headers.getSetCookie().some((c) => /^ns_session=[^;]+/.test(c)), 'no session while blocked');
    });

    it('the back-off is per e-mail: another user still signs in', async () => {
      const other = world.spares.helix[1];
      expectStatus(await new Browser(base).login(other.email, PASSWORD), 200);
    });
  });

  describe('session expiry', () => {
    it('a session past its expiry is 401', async () => {
      const spare = world.spares.helix[2];
      const b = new Browser(base);
      await b.signIn(spare.email, PASSWORD);
      expectStatus(await b.get(`${API}/me`), 200);
      const rows = server.dbQuery(`SELECT expires_at FROM sessions WHERE user_id = '${spare.id}'`);
      assert.ok(rows.length >= 1, 'the session row exists');
      server.dbQuery(`UPDATE sessions SET expires_at = ${pastLike(rows[0].expires_at)} WHERE user_id = '${spare.id}'`);
      await outlastAuthCache();
      expectProblem(await b.get(`${API}/me`), 401, 'unauthenticated');
      expectStatus(await world.as('phManager').get(`${API}/me`), 200, 'other sessions are unaffected');
    });
  });
});
