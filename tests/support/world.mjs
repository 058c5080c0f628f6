// The standard scenario the API suites share (all names are fictional):
//
//   Helix Pharma (pharma):   phManager (org admin, alliance manager), phMember, phViewer, phExec,
//                            phBystander (a Helix colleague who is NOT in the alliance)
//   Nimbus Health (startup): nbManager (org admin; joins the alliance through an invitation),
//                            nbMember (added by nbManager through the members API)
//   Outsider Bio (biotech):  outsider (org admin; in no alliance)
//
//   One alliance "Helix–Nimbus Digital Biomarker Collaboration" between Helix and Nimbus, and,
//   with {notes: true}, notes at every visibility level from both sides (see STANDARD_NOTES).
//
// Orgs and users are created with the CLI before `serve` starts; everything else goes through
// the API, as a person would do it.

import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { Browser, API, expectStatus, tokenFromAcceptUrl } from './client.mjs';

export const PASSWORD = 'Tidal-Lantern-4827!';

export const ORGS = {
  helix: { name: 'Helix Pharma', type: 'pharma' },
  nimbus: { name: 'Nimbus Health', type: 'startup' },
  outsider: { name: 'Outsider Bio', type: 'biotech' },
};

// role: the person's role in the standard alliance (null: not a member).
export const PEOPLE = {
  phManager: { org: 'helix', name: 'Avery Lindqvist', email: 'avery.lindqvist@helix.example', admin: true, role: 'manager' },
  phMember: { org: 'helix', name: 'Bela Okonkwo', email: 'bela.okonkwo@helix.example', role: 'member' },
  phViewer: { org: 'helix', name: 'Cyrus Penhallow', email: 'cyrus.penhallow@helix.example', role: 'viewer' },
  phExec: { org: 'helix', name: 'Dalia Verhoeven', email: 'dalia.verhoeven@helix.example', role: 'executive' },
  phBystander: { org: 'helix', name: 'Emil Sandoval', email: 'emil.sandoval@helix.example', role: null },
  nbManager: { org: 'nimbus', name: 'Farah Quenneville', email: 'farah.quenneville@nimbus.example', admin: true, role: 'manager' },
  nbMember: { org: 'nimbus', name: 'Gideon Trask', email: 'gideon.trask@nimbus.example', role: 'member' },
  outsider: { org: 'outsider', name: 'Hana Moravec', email: 'hana.moravec@outsider.example', admin: true, role: null },
};

// Notes the world writes when asked to: every visibility from both sides.
export const STANDARD_NOTES = [
  { key: 'H-alliance', author: 'phManager', visibility: 'alliance' },
  { key: 'H-party', author: 'phManager', visibility: 'party' },
  { key: 'H-restricted', author: 'phManager', visibility: 'restricted', readers: ['phMember', 'nbMember'] },
  { key: 'H-restricted-by-member', author: 'phMember', visibility: 'restricted', readers: ['phViewer'] },
  { key: 'N-alliance', author: 'nbMember', visibility: 'alliance' },
  { key: 'N-party', author: 'nbMember', visibility: 'party' },
  { key: 'N-restricted', author: 'nbManager', visibility: 'restricted', readers: ['nbMember'] },
];

let uniqCounter = 0;
/** A short unique suffix for names within one run. */
export function uniq(prefix = 'x') {
  uniqCounter += 1;
  return `${prefix}-${Date.now().toString(36)}${uniqCounter}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * @param {object} [opts]
 * @param {boolean} [opts.notes]      write STANDARD_NOTES
 * @param {object}  [opts.spares]     extra users per org, not in the alliance: {helix: 2, nimbus: 1}
 * @param {object}  [opts.server]     options for startServer (bodyLimit, sessionTtlMinutes, args)
 */
export async function buildWorld(opts = {}) {
  const orgIds = {};
  const people = {};
  const spares = { helix: [], nimbus: [], outsider: [] };

  const server = await startServer({
    ...(opts.server || {}),
    setup: async (ctx) => {
      for (const [key, org] of Object.entries(ORGS)) orgIds[key] = ctx.createOrg(org.name, org.type);
      for (const [key, p] of Object.entries(PEOPLE)) {
        const id = ctx.createUser({ orgId: orgIds[p.org], email: p.email, name: p.name,
          password: PASSWORD, admin: !!p.admin });
        people[key] = { ...p, key, id, orgId: orgIds[p.org], password: PASSWORD };
      }
      for (const [org, n] of Object.entries(opts.spares || {})) {
        for (let i = 1; i <= n; i++) {
          const email = `spare${i}@${org}.example`;
          const name = `Spare ${org} ${i}`;
          const id = ctx.createUser({ orgId: orgIds[org], email, name, password: PASSWORD });
          spares[org].push({ key: `${org}Spare${i}`, org, id, email, name, orgId: orgIds[org],
            password: PASSWORD, role: null });
        }
      }
    },
  });

  const world = new World(server, orgIds, people, spares);
  try {
    await world.signInEveryone();
    await world.createStandardAlliance();
    if (opts.notes) {
      for (const spec of STANDARD_NOTES) await world.createNote(spec.author, spec);
    }
  } catch (e) {
    await server.stop().catch(() => {});
    throw e;
  }
  return world;
}

export class World {
  constructor(server, orgIds, people, spares) {
    this.server = server;
    this.baseUrl = server.baseUrl;
    this.orgIds = orgIds;
    this.people = people;
    this.spares = spares;
    this.browsers = {};
    this.alliance = null;
    this.notes = [];            // ledger of notes this world created: {id, key, author, visibility, readers, title, deleted}
    this.noteByKey = {};
  }

  stop() { return this.server.stop(); }

  /** A fresh browser with no session. */
  anon(label = 'anonymous') { return new Browser(this.baseUrl, label); }

  /** The signed-in browser of a person (by key). */
  as(key) {
    const b = this.browsers[key];
    assert.ok(b, `no signed-in browser for ${key}`);
    return b;
  }

  person(key) {
    const p = this.people[key];
    assert.ok(p, `unknown person ${key}`);
    return p;
  }

  async signInEveryone() {
    await Promise.all(Object.values(this.people).map(async (p) => {
      const b = new Browser(this.baseUrl, p.key);
      await b.signIn(p.email, p.password);
      this.browsers[p.key] = b;
    }));
  }

  /** A signed-in browser for a spare user (created on demand). */
  async signInSpare(spare) {
    const b = new Browser(this.baseUrl, spare.key);
    await b.signIn(spare.email, spare.password);
    return b;
  }

  /** A complete, valid alliance body between Helix and Nimbus; overrides are shallow-merged. */
  allianceBody(overrides = {}) {
    const { helix, nimbus } = this.orgIds;
    return {
      name: uniq('Helix–Nimbus Alliance'),
      type: 'co_development',
      therapeutic_areas: ['oncology', 'digital biomarkers'],
      territory: 'Worldwide',
      tier: 2,
      description: 'Co-development of a wearable-derived digital biomarker for oncology trials.',
      parties: [
        { organization_id: helix, role: 'licensee' },
        { organization_id: nimbus, role: 'licensor' },
      ],
      north_star: {
        statement: 'Shorten oncology trials by a year with continuous, validated endpoints.',
        beneficiaries: 'Patients in oncology trials and their clinicians',
        contributions: [
          { organization_id: helix, contribution: 'Clinical trial network and regulatory know-how',
            expected_value: 'Faster readouts' },
          { organization_id: nimbus, contribution: 'Sensor platform and signal processing',
            expected_value: 'Validated product and milestone payments' },
        ],
      },
      ...overrides,
    };
  }

  /** Creates an alliance as `key` (default phManager); returns the alliance body. */
  async createAlliance(key = 'phManager', overrides = {}) {
    const res = await this.as(key).post(`${API}/alliances`, this.allianceBody(overrides));
    expectStatus(res, 201, `create alliance as ${key}`);
    return res.body;
  }

  async getAlliance(id, key = 'phManager') {
    const res = await this.as(key).get(`${API}/alliances/${id}`);
    expectStatus(res, 200, `get alliance as ${key}`);
    return res.body;
  }

  /** Adds a user (person key or spare object) to an alliance through the members API. */
  async addMember(managerKey, allianceId, who, role) {
    const userId = typeof who === 'string' ? this.person(who).id : who.id;
    const res = await this.as(managerKey).post(`${API}/alliances/${allianceId}/members`, { user_id: userId, role });
    expectStatus(res, 201, `add ${typeof who === 'string' ? who : who.key} as ${role}`);
    return res.body;
  }

  /**
   * Invites a person with an existing account into an alliance and accepts with their existing
   * password in a fresh browser, which becomes that person's browser.
   */
  async inviteExisting(inviterKey, allianceId, key, role) {
    const p = this.person(key);
    const inv = await this.as(inviterKey).post(`${API}/invitations`, {
      email: p.email, name: p.name, organization_id: p.orgId, alliance_id: allianceId, alliance_role: role,
    });
    expectStatus(inv, 201, `invite ${key}`);
    const token = tokenFromAcceptUrl(inv.body.accept_url);
    const b = new Browser(this.baseUrl, key);
    const acc = await b.post(`${API}/invitations/accept`, { token, password: p.password });
    expectStatus(acc, 200, `accept invitation as ${key}`);
    this.browsers[key] = b;
    return inv.body;
  }

  async createStandardAlliance() {
    this.alliance = await this.createAlliance('phManager', {
      name: 'Helix–Nimbus Digital Biomarker Collaboration',
      tier: 1,
    });
    const id = this.alliance.id;
    for (const key of ['phMember', 'phViewer', 'phExec']) {
      await this.addMember('phManager', id, key, this.person(key).role);
    }
    await this.inviteExisting('phManager', id, 'nbManager', 'manager');
    await this.addMember('nbManager', id, 'nbMember', 'member');
  }

  /**
   * Writes a note as `authorKey` and records it in the ledger.
   * spec: {key?, visibility, readers?: [person keys], title?, body?, allianceId?}
   */
  async createNote(authorKey, spec) {
    const allianceId = spec.allianceId || this.alliance.id;
    const title = spec.title || `${spec.key || spec.visibility} note ${uniq('t')}`;
    const body = {
      title,
      body: spec.body || `Journal entry (${spec.visibility}) written by ${this.person(authorKey).name}.`,
      visibility: spec.visibility,
    };
    if (spec.readers) body.readers = spec.readers.map((k) => this.person(k).id);
    const res = await this.as(authorKey).post(`${API}/alliances/${allianceId}/notes`, body);
    expectStatus(res, 201, `create ${spec.visibility} note as ${authorKey}`);
    const note = {
      id: res.body.id, key: spec.key, author: authorKey, ownerOrg: this.person(authorKey).org,
      visibility: spec.visibility, readers: spec.readers || [], title, allianceId, deleted: false,
      version: res.body.version,
    };
    if (allianceId === this.alliance.id) this.notes.push(note);
    if (spec.key) this.noteByKey[spec.key] = note;
    return note;
  }

  /** Whether person `callerKey` may read `note` in the standard alliance, per the guide. */
  canRead(note, callerKey) {
    if (!callerKey) return false;
    const c = this.person(callerKey);
    if (!c.role) return false;
    if (note.visibility === 'alliance') return true;
    if (note.visibility === 'party') return c.org === note.ownerOrg;
    return callerKey === note.author || note.readers.includes(callerKey);
  }

  /** Whether person `callerKey` may change or delete a note they can read. */
  canWrite(note, callerKey) {
    const c = this.person(callerKey);
    return callerKey === note.author || (c.role === 'manager' && c.org === note.ownerOrg);
  }
}
