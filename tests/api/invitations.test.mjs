// Invitations: inviting partner people into an alliance and colleagues into an organisation.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { Browser, API, expectProblem, expectStatus, expectValidation, tokenFromAcceptUrl } from '../support/client.mjs';

const NEW_PASSWORD = 'Quiet-Harbour-7731#';

describe('invitations', () => {
  let world;
  let server;
  let base;
  let allianceId;

  before(async () => {
    world = await buildWorld({ spares: { helix: 1 } });
    server = world.server;
    base = world.baseUrl;
    allianceId = world.alliance.id;
  });
  after(async () => { await world?.stop(); });

  const partnerInvite = (over = {}) => ({
    email: 'ingrid.solberg@nimbus.example',
    name: 'Ingrid Solberg',
    organization_id: world.orgIds.nimbus,
    alliance_id: allianceId,
    alliance_role: 'member',
    ...over,
  });

  describe('a manager invites a partner person', () => {
    let invitation;
    let token;
    let partner;

    it('POST /invitations → 201 with the invitation and an accept_url', async () => {
      const res = await world.as('phManager').post(`${API}/invitations`, partnerInvite());
      expectStatus(res, 201);
      invitation = res.body.invitation;
      assert.equal(invitation.email, 'ingrid.solberg@nimbus.example');
      assert.equal(invitation.name, 'Ingrid Solberg');
      assert.equal(invitation.organization_id, world.orgIds.nimbus);
      assert.equal(invitation.alliance_id, allianceId);
      assert.equal(invitation.alliance_role, 'member');
      assert.equal(typeof invitation.status, 'string');
      const days = (Date.parse(invitation.expires_at) - Date.now()) / 86_400_000;
      assert.ok(days > 6.9 && days <= 7.01, `expires in 7 days, got ${days}`);
      assert.equal(typeof res.body.accept_url, 'string');
      assert.ok(res.body.accept_url.startsWith(`${base}/invitations/accept?token=`),
        `the link is on the address the inviter used (${base}): ${res.body.accept_url}`);
      token = tokenFromAcceptUrl(res.body.accept_url);
      assert.ok(token && token.length >= 16, `token in accept_url: ${res.body.accept_url}`);
    });

    it('the inviting organisation lists it', async () => {
      const res = await world.as('phManager').get(`${API}/invitations`);
      expectStatus(res, 200);
      assert.ok(res.body.items.some((i) => i.id === invitation.id));
      const other = await world.as('outsider').get(`${API}/invitations`);
      expectStatus(other, 200);
      assert.ok(!other.body.items.some((i) => i.id === invitation.id), 'not listed for another organisation');
    });

    it('lookup (no auth) shows who is invited where', async () => {
      const res = await new Browser(base).get(`${API}/invitations/lookup?token=${encodeURIComponent(token)}`);
      expectStatus(res, 200);
      assert.equal(res.body.email, 'ingrid.solberg@nimbus.example');
      assert.equal(res.body.name, 'Ingrid Solberg');
      assert.equal(res.body.organization_name, 'Nimbus Health');
      assert.equal(res.body.alliance_name, world.alliance.name);
      assert.equal(res.body.alliance_id, allianceId);
      assert.equal(res.body.alliance_role, 'member');
      assert.equal(res.body.invited_by_name, 'Avery Lindqvist');
      assert.equal(res.body.invited_by_organization_name, 'Helix Pharma');
      assert.equal(res.body.expires_at, invitation.expires_at);
    });

    it('lookup of an unknown token is 404', async () => {
      expectProblem(await new Browser(base).get(`${API}/invitations/lookup?token=definitely-not-a-token-123456`), 404, 'not-found');
    });

    it('accepting with a too-short password is 422 and keeps the invitation usable', async () => {
      const usersBefore = server.count('users');
      const res = await new Browser(base).post(`${API}/invitations/accept`, { token, password: 'short-pw' });
      expectValidation(res, 'password');
      assert.equal(server.count('users'), usersBefore);
      expectStatus(await new Browser(base).get(`${API}/invitations/lookup?token=${encodeURIComponent(token)}`), 200);
    });

    it('accept (no auth, no CSRF) sets the password and signs the person in', async () => {
      partner = new Browser(base, 'ingrid');
      const res = await partner.post(`${API}/invitations/accept`, { token, password: NEW_PASSWORD });
      expectStatus(res, 200);
      assert.equal(res.body.user.email, 'ingrid.solberg@nimbus.example');
      assert.equal(res.body.user.organization_id, world.orgIds.nimbus);
      assert.equal(res.body.organization.name, 'Nimbus Health');
      assert.equal(typeof res.body.csrf_token, 'string');
      assert.ok(partner.cookies.has('ns_session'), 'session cookie set');
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ns_session='));
      const attrs = cookie.split(';').slice(1).map((a) => a.trim().toLowerCase());
      for (const a of ['httponly', 'samesite=lax', 'path=/']) assert.ok(attrs.includes(a), `${a} missing: ${cookie}`);
      const me = await partner.get(`${API}/me`);
      expectStatus(me, 200);
      assert.equal(me.body.user.email, 'ingrid.solberg@nimbus.example');
      expectStatus(await new Browser(base).login('ingrid.solberg@nimbus.example', NEW_PASSWORD), 200, 'the password works');
    });

    it('the partner is now a member of the alliance with the invited role', async () => {
      const res = await partner.get(`${API}/alliances/${allianceId}`);
      expectStatus(res, 200);
      assert.equal(res.body.my_role, 'member');
      assert.equal(res.body.my_party.organization_id, world.orgIds.nimbus);
      const members = await world.as('phManager').get(`${API}/alliances/${allianceId}/members`);
      const m = members.body.items.find((x) => x.email === 'ingrid.solberg@nimbus.example');
      assert.ok(m, 'listed as a member');
      assert.equal(m.role, 'member');
      assert.equal(m.organization_id, world.orgIds.nimbus);
      const list = await partner.get(`${API}/alliances`);
      assert.deepEqual(list.body.items.map((a) => a.id), [allianceId]);
    });

    it('the invitation shows as accepted', async () => {
      const res = await world.as('phManager').get(`${API}/invitations`);
      const inv = res.body.items.find((i) => i.id === invitation.id);
      assert.ok(inv, 'still listed');
      assert.notEqual(inv.status, invitation.status, 'the status changed on acceptance');
      assert.match(inv.status, /accept/i);
    });

    it('the token cannot be used again (lookup and accept → 404)', async () => {
      expectProblem(await new Browser(base).get(`${API}/invitations/lookup?token=${encodeURIComponent(token)}`), 404, 'not-found');
      const again = await new Browser(base).post(`${API}/invitations/accept`, { token, password: 'Another-Password-123' });
      expectProblem(again, 404, 'not-found');
      expectStatus(await new Browser(base).login('ingrid.solberg@nimbus.example', NEW_PASSWORD), 200,
        'the first password still works');
    });
  });

  describe('expiry, revocation and existing accounts', () => {
    it('an expired token is 404 for lookup and accept', async () => {
      const res = await world.as('phManager').post(`${API}/invitations`,
        partnerInvite({ email: 'jonas.ferreira@nimbus.example', name: 'Jonas Ferreira' }));
      expectStatus(res, 201);
      const token = tokenFromAcceptUrl(res.body.accept_url);
      const [row] = server.dbQuery(`SELECT expires_at FROM invitations WHERE id = '${res.body.invitation.id}'`);
      assert.ok(row, 'invitation row exists');
      const past = typeof row.expires_at === 'number'
        ? (row.expires_at > 1e11 ? 946684800000 : 946684800)
        : /^\d{4}-\d\d-\d\d /.test(row.expires_at) ? "'2000-01-01 00:00:00'" : "'2000-01-01T00:00:00.000Z'";
      server.dbQuery(`UPDATE invitations SET expires_at = ${past} WHERE id = '${res.body.invitation.id}'`);
      expectProblem(await new Browser(base).get(`${API}/invitations/lookup?token=${encodeURIComponent(token)}`), 404, 'not-found');
      const usersBefore = server.count('users');
      expectProblem(await new Browser(base).post(`${API}/invitations/accept`, { token, password: NEW_PASSWORD }), 404, 'not-found');
      assert.equal(server.count('users'), usersBefore);
    });

    it('a revoked invitation (DELETE by the inviter) is 404 afterwards', async () => {
      const res = await world.as('phManager').post(`${API}/invitations`,
        partnerInvite({ email: 'kira.lund@nimbus.example', name: 'Kira Lund' }));
      expectStatus(res, 201);
      const token = tokenFromAcceptUrl(res.body.accept_url);
      expectProblem(await world.as('nbMember').del(`${API}/invitations/${res.body.invitation.id}`), 404, 'not-found');
      const del = await world.as('phManager').del(`${API}/invitations/${res.body.invitation.id}`);
      assert.equal(del.status, 204, del.text);
      expectProblem(await new Browser(base).get(`${API}/invitations/lookup?token=${encodeURIComponent(token)}`), 404, 'not-found');
      expectProblem(await new Browser(base).post(`${API}/invitations/accept`, { token, password: NEW_PASSWORD }), 404, 'not-found');
    });

    it('the same token accepted concurrently: one 200, the rest 404; one account', async () => {
      const res = await world.as('phManager').post(`${API}/invitations`,
        partnerInvite({ email: 'pavel.novak@nimbus.example', name: 'Pavel Novak' }));
      expectStatus(res, 201);
      const token = tokenFromAcceptUrl(res.body.accept_url);
      const usersBefore = server.count('users');
      const results = await Promise.all([1, 2, 3, 4, 5, 6].map(() =>
        new Browser(base).post(`${API}/invitations/accept`, { token, password: NEW_PASSWORD })));
      const statuses = results.map((r) => r.status).sort();
      assert.equal(server.count('users'), usersBefore + 1, 'exactly one account');
      assert.equal(server.count('users', "email = 'pavel.novak@nimbus.example'"), 1);
      assert.deepEqual(statuses, [200, 404, 404, 404, 404, 404], results.map((r) => `${r.status} ${r.text.slice(0, 200)}`).join('\n'));
    });

    it('the first person of an organisation registered by a partner becomes its administrator', async () => {
      const org = await world.as('phManager').post(`${API}/organizations`, { name: 'Lumen Sensors', type: 'startup' });
      expectStatus(org, 201);
      const a = await world.createAlliance('phManager', { parties: [
        { organization_id: world.orgIds.helix, role: 'licensee' }, { organization_id: org.body.id, role: 'licensor' }],
      north_star: { statement: 'Sensors for trials', beneficiaries: 'Patients', contributions: [] } });
      const accept = async (email, name) => {
        const inv = await world.as('phManager').post(`${API}/invitations`, {
          email, name, organization_id: org.body.id, alliance_id: a.id, alliance_role: 'manager' });
        expectStatus(inv, 201);
        const b = new Browser(base);
        expectStatus(await b.post(`${API}/invitations/accept`, { token: tokenFromAcceptUrl(inv.body.accept_url), password: NEW_PASSWORD }), 200);
        return b;
      };
      const first = await accept('mara@lumen.example', 'Mara Lumen');
      const me = await first.get(`${API}/me`);
      expectStatus(me, 200);
      assert.equal(me.body.user.org_role, 'admin', 'someone can now manage Lumen\'s people');
      const colleagues = await first.get(`${API}/users`);
      expectStatus(colleagues, 200);
      const second = await accept('otto@lumen.example', 'Otto Lumen');
      assert.equal((await second.get(`${API}/me`)).body.user.org_role, 'member', 'only the first');
    });

    it('alliance_role defaults to member', async () => {
      const res = await world.as('phManager').post(`${API}/invitations`,
        partnerInvite({ email: 'lena.marsh@nimbus.example', name: 'Lena Marsh', alliance_role: undefined }));
      expectStatus(res, 201);
      assert.equal(res.body.invitation.alliance_role, 'member');
    });

    it('a person with an account who gives a wrong password does not join (401/422)', async () => {
      const other = await world.createAlliance('phManager');
      const p = world.person('nbMember');
      const res = await world.as('phManager').post(`${API}/invitations`, {
        email: p.email, name: p.name, organization_id: world.orgIds.nimbus, alliance_id: other.id, alliance_role: 'member',
      });
      expectStatus(res, 201);
      const acc = await new Browser(base).post(`${API}/invitations/accept`, { token: tokenFromAcceptUrl(res.body.accept_url), password: 'Not-Their-Password-99' });
      assert.ok([401, 422].includes(acc.status), `got ${acc.status}: ${acc.text}`);
      expectProblem(acc, acc.status, ['unauthenticated', 'validation']);
      expectProblem(await world.as('nbMember').get(`${API}/alliances/${other.id}`), 404, 'not-found');
      expectStatus(await world.as('nbMember').get(`${API}/me`), 200, 'their password is unchanged and their session alive');
    });

    it('guessing an existing account\'s password through accept is subject to the sign-in back-off', async () => {
      // A manager can invite anyone of any party by e-mail and so obtain a token for that account;
      // accept must not become a way around the 5-failures-per-e-mail back-off of sign-in.
      const victim = world.spares.helix[0];
      const res = await world.as('nbManager').post(`${API}/invitations`, {
        email: victim.email, name: victim.name, organization_id: world.orgIds.helix, alliance_id: allianceId, alliance_role: 'viewer',
      });
      expectStatus(res, 201);
      const token = tokenFromAcceptUrl(res.body.accept_url);
      const statuses = [];
      for (let i = 1; i <= 6; i++) {
        const r = await new Browser(base).post(`${API}/invitations/accept`, { token, password: `Guess-number-${i}-xyz` });
        statuses.push(r.status);
      }
      assert.equal(statuses[5], 429, `six wrong passwords for one e-mail through accept: ${statuses.join(', ')}`);
      const right = await new Browser(base).post(`${API}/invitations/accept`, { token, password: victim.password });
      assert.equal(right.status, 429, `the right password while backed off: ${right.status}`);
    });

    it('a person with an account accepts with their existing password and joins the alliance', async () => {
      const other = await world.createAlliance('phManager');
      const p = world.person('nbMember');
      const res = await world.as('phManager').post(`${API}/invitations`, {
        email: p.email, name: p.name, organization_id: world.orgIds.nimbus, alliance_id: other.id, alliance_role: 'viewer',
      });
      expectStatus(res, 201);
      const usersBefore = server.count('users');
      const b = new Browser(base);
      const acc = await b.post(`${API}/invitations/accept`, { token: tokenFromAcceptUrl(res.body.accept_url), password: p.password });
      expectStatus(acc, 200);
      assert.equal(acc.body.user.id, p.id, 'the same account');
      assert.equal(server.count('users'), usersBefore, 'no new user');
      const got = await world.as('nbMember').get(`${API}/alliances/${other.id}`);
      expectStatus(got, 200);
      assert.equal(got.body.my_role, 'viewer');
    });
  });

  describe('who may invite', () => {
    it('a member (not a manager) of the alliance cannot invite: 403, nothing written', async () => {
      const before = server.count('invitations');
      for (const key of ['phMember', 'phViewer', 'phExec', 'nbMember']) {
        const res = await world.as(key).post(`${API}/invitations`,
          partnerInvite({ email: `nobody.${key.toLowerCase()}@nimbus.example` }));
        expectProblem(res, 403, 'forbidden');
      }
      assert.equal(server.count('invitations'), before);
    });

    it('the partner\'s manager may invite people of either party', async () => {
      const res = await world.as('nbManager').post(`${API}/invitations`, partnerInvite({
        email: 'mateo.ruiz@helix.example', name: 'Mateo Ruiz', organization_id: world.orgIds.helix, alliance_role: 'viewer',
      }));
      expectStatus(res, 201);
    });

    it('an outsider (or a colleague outside the alliance) inviting into the alliance gets 404', async () => {
      const before = server.count('invitations');
      for (const key of ['outsider', 'phBystander']) {
        const res = await world.as(key).post(`${API}/invitations`, partnerInvite({ email: `x.${key.toLowerCase()}@nimbus.example` }));
        expectProblem(res, 404, 'not-found');
      }
      assert.equal(server.count('invitations'), before);
    });

    it('the invited organisation must be a party of the alliance', async () => {
      const before = server.count('invitations');
      const res = await world.as('phManager').post(`${API}/invitations`, partnerInvite({
        email: 'nina.holt@outsider.example', organization_id: world.orgIds.outsider,
      }));
      assert.ok([403, 404, 422].includes(res.status), `got ${res.status}: ${res.text}`);
      expectProblem(res, res.status);
      assert.equal(server.count('invitations'), before);
    });

    it('invalid invitations are 422 (bad e-mail, bad role, unknown field)', async () => {
      const before = server.count('invitations');
      expectValidation(await world.as('phManager').post(`${API}/invitations`, partnerInvite({ email: 'not-an-email' })), 'email');
      expectValidation(await world.as('phManager').post(`${API}/invitations`, partnerInvite({ alliance_role: 'overlord' })), 'alliance_role');
      expectValidation(await world.as('phManager').post(`${API}/invitations`, partnerInvite({ favourite_colour: 'teal' })), 'favourite_colour');
      assert.equal(server.count('invitations'), before);
    });

    it('colleague invitations (no alliance): org admin → 201, org member → 403, other org → 403/404', async () => {
      const body = { email: 'olga.brandt@helix.example', name: 'Olga Brandt', organization_id: world.orgIds.helix };
      const before = server.count('invitations');
      expectProblem(await world.as('phMember').post(`${API}/invitations`, body), 403, 'forbidden');
      const foreign = await world.as('nbManager').post(`${API}/invitations`, body);
      assert.ok([403, 404].includes(foreign.status), `another org's admin: ${foreign.status} ${foreign.text}`);
      expectProblem(foreign, foreign.status);
      assert.equal(server.count('invitations'), before);
      const res = await world.as('phManager').post(`${API}/invitations`, body);
      expectStatus(res, 201);
      assert.equal(res.body.invitation.alliance_id, null);
      const b = new Browser(base);
      const acc = await b.post(`${API}/invitations/accept`, { token: tokenFromAcceptUrl(res.body.accept_url), password: NEW_PASSWORD });
      expectStatus(acc, 200);
      assert.equal(acc.body.user.organization_id, world.orgIds.helix);
      assert.equal(acc.body.user.org_role, 'member');
      const list = await b.get(`${API}/alliances`);
      assert.deepEqual(list.body.items, [], 'a colleague joins no alliance');
    });
  });
});
