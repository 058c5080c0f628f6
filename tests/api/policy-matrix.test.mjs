// The policy matrix: every alliance-scoped route × every kind of caller (× note visibility for
// note routes). Invisible → 404 (never 403, never a hint); signed out → 401; visible but not
// allowed → 403. Lists and the audit view must not reveal invisible notes either.
//
// To cover a new route, add one line to ALLIANCE_ROUTES or NOTE_ROUTES.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, STANDARD_NOTES, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus, listAll } from '../support/client.mjs';

// Callers: people of the standard world (see support/world.mjs) and `null` = signed out.
const CALLERS = ['phManager', 'phMember', 'phViewer', 'phExec', 'nbManager', 'nbMember', 'phBystander', 'outsider', null];
const callerName = (c) => c ?? 'signed-out';

// What a route needs, given the caller's alliance role (the caller is known to be a member).
const NEEDS = {
  read: () => true,
  manage: (role) => role === 'manager',                       // edit alliance, move stage
  write: (role) => role === 'manager' || role === 'member',   // write notes
  manageOwnParty: (role) => role === 'manager',               // add members of one's own party
  manageHelixMember: (role, org) => role === 'manager' && org === 'helix', // change/remove a Helix member
  // Change control (issue 13): a change Helix proposed is decided by Nimbus's managers and
  // withdrawn by Helix's.
  decideHelixProposal: (role, org) => role === 'manager' && org === 'nimbus',
  withdrawHelixProposal: (role, org) => role === 'manager' && org === 'helix',
};

const ALLIANCE_ROUTES = [
  { name: 'GET alliance', method: 'GET', path: (c) => `alliances/${c.id}`, need: 'read', ok: 200 },
  { name: 'PATCH alliance', method: 'PATCH', path: (c) => `alliances/${c.id}`, need: 'manage', ok: 200, prepare: patchAlliance },
  { name: 'GET proposals', method: 'GET', path: (c) => `alliances/${c.id}/proposals`, need: 'read', ok: 200 },
  { name: 'POST proposals', method: 'POST', path: (c) => `alliances/${c.id}/proposals`, need: 'manage', ok: 201, prepare: proposeDescription },
  { name: 'GET proposal', method: 'GET', path: (c, p) => `alliances/${c.id}/proposals/${p.target}`, need: 'read', ok: 200, prepare: helixProposal },
  { name: 'POST proposal decision', method: 'POST', path: (c, p) => `alliances/${c.id}/proposals/${p.target}/decision`, need: 'decideHelixProposal', ok: 200, prepare: rejectHelixProposal },
  { name: 'POST proposal withdraw', method: 'POST', path: (c, p) => `alliances/${c.id}/proposals/${p.target}/withdraw`, need: 'withdrawHelixProposal', ok: 200, prepare: helixProposal },
  { name: 'GET stage', method: 'GET', path: (c) => `alliances/${c.id}/stage`, need: 'read', ok: 200 },
  { name: 'POST stage', method: 'POST', path: (c) => `alliances/${c.id}/stage`, need: 'manage', ok: 200, prepare: nextStage },
  { name: 'POST archive', method: 'POST', path: (c) => `alliances/${c.id}/archive`, need: 'manage', ok: 200, prepare: unarchived },
  { name: 'POST restore', method: 'POST', path: (c) => `alliances/${c.id}/restore`, need: 'manage', ok: 200, prepare: archived },
  { name: 'GET members', method: 'GET', path: (c) => `alliances/${c.id}/members`, need: 'read', ok: 200 },
  { name: 'POST members', method: 'POST', path: (c) => `alliances/${c.id}/members`, need: 'manageOwnParty', ok: 201, prepare: newColleague },
  { name: 'PATCH member', method: 'PATCH', path: (c, p) => `alliances/${c.id}/members/${p.target}`, need: 'manageHelixMember', ok: 200, prepare: helixMemberRole },
  { name: 'DELETE member', method: 'DELETE', path: (c, p) => `alliances/${c.id}/members/${p.target}`, need: 'manageHelixMember', ok: 204, prepare: helixMemberToRemove },
  { name: 'GET notes', method: 'GET', path: (c) => `alliances/${c.id}/notes`, need: 'read', ok: 200 },
  { name: 'POST notes', method: 'POST', path: (c) => `alliances/${c.id}/notes`, need: 'write', ok: 201, prepare: newNote },
  { name: 'GET audit', method: 'GET', path: (c) => `alliances/${c.id}/audit`, need: 'read', ok: 200 },
  // The plan (issue 4): reading is for every member, writing for managers and members.
  { name: 'GET plan', method: 'GET', path: (c) => `alliances/${c.id}/plan`, need: 'read', ok: 200 },
  { name: 'GET plan summary', method: 'GET', path: (c) => `alliances/${c.id}/plan/summary`, need: 'read', ok: 200 },
  ...['objectives', 'milestones', 'kpis', 'workstreams', 'communications'].map((collection) => (
    { name: `GET ${collection}`, method: 'GET', path: (c) => `alliances/${c.id}/${collection}`, need: 'read', ok: 200 })),
  { name: 'POST objectives', method: 'POST', path: (c) => `alliances/${c.id}/objectives`, need: 'write', ok: 201, prepare: newObjective },
  { name: 'POST milestones', method: 'POST', path: (c) => `alliances/${c.id}/milestones`, need: 'write', ok: 201, prepare: newMilestone },
  { name: 'POST kpis', method: 'POST', path: (c) => `alliances/${c.id}/kpis`, need: 'write', ok: 201, prepare: newKpi },
  { name: 'POST workstreams', method: 'POST', path: (c) => `alliances/${c.id}/workstreams`, need: 'write', ok: 201, prepare: newWorkstream },
  { name: 'POST communications', method: 'POST', path: (c) => `alliances/${c.id}/communications`, need: 'write', ok: 201, prepare: newCommunication },
  // Governance (issue 5): reading is for every member, writing for managers and members.
  ...['committees', 'decision-rights', 'issues', 'meetings', 'decisions', 'actions', 'stakeholders'].map((collection) => (
    { name: `GET ${collection}`, method: 'GET', path: (c) => `alliances/${c.id}/${collection}`, need: 'read', ok: 200 })),
  { name: 'GET cadence proposal', method: 'GET', path: (c) => `alliances/${c.id}/governance/cadence-proposal?template=lean&from=2030-01-07&months=3`, need: 'read', ok: 200 },
  { name: 'GET decisions export', method: 'GET', path: (c) => `alliances/${c.id}/decisions/export.csv`, need: 'read', ok: 200 },
  { name: 'POST committees', method: 'POST', path: (c) => `alliances/${c.id}/committees`, need: 'write', ok: 201, prepare: newCommittee },
  { name: 'POST decision-rights', method: 'POST', path: (c) => `alliances/${c.id}/decision-rights`, need: 'write', ok: 201, prepare: newDecisionRight },
  { name: 'POST issues', method: 'POST', path: (c) => `alliances/${c.id}/issues`, need: 'write', ok: 201, prepare: newIssue },
  { name: 'POST meetings', method: 'POST', path: (c) => `alliances/${c.id}/meetings`, need: 'write', ok: 201, prepare: newMeeting },
  { name: 'POST decisions', method: 'POST', path: (c) => `alliances/${c.id}/decisions`, need: 'write', ok: 201, prepare: newDecision },
  { name: 'POST actions', method: 'POST', path: (c) => `alliances/${c.id}/actions`, need: 'write', ok: 201, prepare: newAction },
  { name: 'POST stakeholders', method: 'POST', path: (c) => `alliances/${c.id}/stakeholders`, need: 'write', ok: 201, prepare: newStakeholder },
  // Agreements (issue 6): reading is for every member, writing for managers and members.
  ...['agreements', 'obligations', 'occurrences', 'restrictions', 'ip-assets', 'datasets', 'compliance', 'conflict-check'].map((collection) => (
    { name: `GET ${collection}`, method: 'GET', path: (c) => `alliances/${c.id}/${collection}`, need: 'read', ok: 200 })),
  { name: 'GET compliance export', method: 'GET', path: (c) => `alliances/${c.id}/compliance/export.xlsx`, need: 'read', ok: 200, prepare: anyMediaType },
  { name: 'POST agreements', method: 'POST', path: (c) => `alliances/${c.id}/agreements`, need: 'write', ok: 201, prepare: newAgreement },
  { name: 'POST obligations', method: 'POST', path: (c) => `alliances/${c.id}/obligations`, need: 'write', ok: 201, prepare: newObligation },
  { name: 'POST restrictions', method: 'POST', path: (c) => `alliances/${c.id}/restrictions`, need: 'write', ok: 201, prepare: newRestriction },
  { name: 'POST ip-assets', method: 'POST', path: (c) => `alliances/${c.id}/ip-assets`, need: 'write', ok: 201, prepare: newIpAsset },
  { name: 'POST datasets', method: 'POST', path: (c) => `alliances/${c.id}/datasets`, need: 'write', ok: 201, prepare: newDataset },
];

// Note routes run against a note written like each of STANDARD_NOTES; `fresh` routes get a new
// note for every case (they change or delete it).
const NOTE_ROUTES = [
  { name: 'GET note', method: 'GET', need: 'read', ok: 200, fresh: false },
  { name: 'PATCH note', method: 'PATCH', need: 'edit', ok: 200, fresh: true, body: (caller) => ({ title: uniq(`edited by ${callerName(caller)}`) }) },
  { name: 'DELETE note', method: 'DELETE', need: 'edit', ok: 204, fresh: true },
];

// What a manager changes alone: the own party's note on its tier (the shared fields change by
// proposal, tested in change-control.test.mjs).
async function patchAlliance(w) {
  const a = await w.getAlliance(w.alliance.id);
  return { body: { priority_note: uniq('Why this tier') }, ifMatch: a.version };
}

function proposeDescription() {
  return { body: { description: uniq('Proposed description'), reason: 'Clearer scope' } };
}

// A fresh open proposal by Helix's manager; `target` is its id, `ifMatch` its version.
async function helixProposal(w) {
  const res = await w.as('phManager').post(`${API}/alliances/${w.alliance.id}/proposals`,
    { description: uniq('Proposed by Helix') });
  expectStatus(res, 201);
  return { target: res.body.id, ifMatch: res.body.version };
}

async function rejectHelixProposal(w) {
  return { ...(await helixProposal(w)), body: { decision: 'reject', reason: 'Not now' } };
}

// Archive/restore need the alliance in the other state first (set by phManager), then If-Match.
async function setArchived(w, value) {
  let a = await w.getAlliance(w.alliance.id);
  if (a.archived !== value) {
    const res = await w.as('phManager').post(`${API}/alliances/${a.id}/${value ? 'archive' : 'restore'}`, undefined, { ifMatch: a.version });
    expectStatus(res, 200);
    a = res.body;
  }
  return { ifMatch: a.version };
}
function unarchived(w) { return setArchived(w, false); }
function archived(w) { return setArchived(w, true); }

async function nextStage(w) {
  const st = await w.as('phManager').get(`${API}/alliances/${w.alliance.id}/stage`);
  expectStatus(st, 200);
  const to = st.body.allowed_next.find((s) => s !== 'closed' && s !== 'terminated');
  const a = await w.getAlliance(w.alliance.id);
  return { body: { to, reason: uniq('Policy matrix stage move') }, ifMatch: a.version };
}

async function newColleague(w, caller) {
  // Someone from the caller's own organisation who is not yet a member.
  const org = caller ? w.person(caller).org : 'helix';
  const spare = (caller ? w.spares[org].shift() : null) || { id: '01900000-0000-7000-8000-0000000000aa' };
  return { body: { user_id: spare.id, role: 'viewer' } };
}

// A Helix member whose role can be set (to the role it has: the change is harmless).
async function helixMemberRole(w) {
  const list = await w.as('phManager').get(`${API}/alliances/${w.alliance.id}/members`);
  const m = list.body.items.find((x) => x.user_id === w.person('phViewer').id);
  return { target: m.user_id, body: { role: 'viewer' }, ifMatch: m.version };
}

// A fresh Helix member (added by phManager) for each removal attempt.
async function helixMemberToRemove(w) {
  const spare = w.spares.helix.shift();
  const res = await w.as('phManager').post(`${API}/alliances/${w.alliance.id}/members`, { user_id: spare.id, role: 'viewer' });
  expectStatus(res, 201);
  return { target: spare.id };
}

async function newObjective() {
  return { body: { title: uniq('Matrix objective'), horizon: 'short_term' } };
}

// Milestones hang off an objective: one written by phManager, shared by every case.
let matrixObjective;
async function newMilestone(w) {
  if (!matrixObjective) {
    const res = await w.as('phManager').post(`${API}/alliances/${w.alliance.id}/objectives`, { title: uniq('Matrix milestones'), horizon: 'long_term' });
    expectStatus(res, 201);
    matrixObjective = res.body.id;
  }
  return { body: { objective_id: matrixObjective, title: uniq('Matrix milestone'), kind: 'research', planned_date: '2030-01-15' } };
}

async function newKpi() {
  return { body: { name: uniq('Matrix KPI'), unit: 'sites', direction: 'higher_is_better', indicator: 'leading', target: 10, cadence: 'monthly' } };
}

async function newWorkstream() {
  return { body: { name: uniq('Matrix workstream') } };
}

async function newCommunication() {
  return { body: { category: 'channel', kind: 'meeting', title: uniq('Matrix meeting'), cadence: 'weekly' } };
}

// Governance records hang off a committee and (issues) a decision right: one of each written by
// phManager, shared by every case.
let matrixCommittee;
let matrixDecisionRight;
async function governanceCommittee(w) {
  if (!matrixCommittee) {
    const res = await w.as('phManager').post(`${API}/alliances/${w.alliance.id}/committees`, { name: uniq('Matrix committee'),
      kind: 'joint_steering', cadence: 'quarterly', quorum_rule: 'every_party_voting', chair_rotation: 'none' });
    expectStatus(res, 201);
    matrixCommittee = res.body.id;
  }
  return matrixCommittee;
}

async function newCommittee() {
  return { body: { name: uniq('Matrix committee'), kind: 'custom', cadence: 'monthly', quorum_rule: 'every_party_voting', chair_rotation: 'none' } };
}

async function newDecisionRight(w) {
  return { body: { decision_type: uniq('Matrix decision type'), committee_id: await governanceCommittee(w),
    levels: [{ name: 'Matrix level', committee_id: null, days: 5 }] } };
}

async function newIssue(w) {
  if (!matrixDecisionRight) {
    const res = await w.as('phManager').post(`${API}/alliances/${w.alliance.id}/decision-rights`, (await newDecisionRight(w)).body);
    expectStatus(res, 201);
    matrixDecisionRight = res.body.id;
  }
  return { body: { title: uniq('Matrix issue'), severity: 'low', party_ids: [w.orgIds.helix], decision_right_id: matrixDecisionRight } };
}

async function newMeeting(w) {
  return { body: { committee_id: await governanceCommittee(w), title: uniq('Matrix meeting'), starts_at: '2030-01-15T15:00:00Z' } };
}

async function newDecision(w) {
  return { body: { committee_id: await governanceCommittee(w), title: uniq('Matrix decision'), decision_type: 'matrix' } };
}

async function newAction(w) {
  return { body: { title: uniq('Matrix action'), owner_user_id: w.person('phMember').id, due_on: '2030-01-15' } };
}

async function newStakeholder() {
  return { body: { name: uniq('Matrix stakeholder'), title: 'Head of Matrix', influence: 3, interest: 3, attitude: 'neutral' } };
}

// Obligations and restrictions hang off an agreement: one written by phManager, shared by every case.
let matrixAgreement;
async function agreementOfMatrix(w) {
  if (!matrixAgreement) {
    const res = await w.as('phManager').post(`${API}/alliances/${w.alliance.id}/agreements`, (await newAgreement(w)).body);
    expectStatus(res, 201);
    matrixAgreement = res.body.id;
  }
  return matrixAgreement;
}

async function anyMediaType() {
  return { headers: { accept: '*/*' } };
}

async function newAgreement(w) {
  return { body: { title: uniq('Matrix agreement'), kind: 'cda', relation: 'master', party_ids: [w.orgIds.helix, w.orgIds.nimbus], status: 'draft' } };
}

async function newObligation(w) {
  return { body: { agreement_id: await agreementOfMatrix(w), title: uniq('Matrix obligation'), category: 'reporting', direction: 'joint',
    schedule: 'once', due_on: '2030-01-15' } };
}

async function newRestriction(w) {
  return { body: { agreement_id: await agreementOfMatrix(w), kind: 'non_compete', description: uniq('Matrix restriction') } };
}

async function newIpAsset(w) {
  return { body: { title: uniq('Matrix IP'), kind: 'background', owner_party_id: w.orgIds.helix } };
}

async function newDataset(w) {
  return { body: { name: uniq('Matrix dataset'), provider_id: w.orgIds.helix, recipient_id: w.orgIds.nimbus, purposes: ['Matrix'],
    privacy_basis: 'contract' } };
}

async function newNote() {
  return { body: { title: uniq('Matrix note'), body: 'Written by the policy matrix.', visibility: 'alliance' } };
}

describe('policy matrix', () => {
  let world;
  let server;
  const ctx = {};

  before(async () => {
    world = await buildWorld({ notes: true, spares: { helix: 5 + CALLERS.length, nimbus: 2, outsider: 1 } });
    server = world.server;
    ctx.id = world.alliance.id;
    for (const n of world.notes) n.titles = [n.title];
  });
  after(async () => { await world?.stop(); });

  const browserOf = (caller) => (caller ? world.as(caller) : world.anon());
  const roleOf = (caller) => (caller ? world.person(caller).role : null);

  // Counts that any write changes; a refused request must leave them as they were.
  const snapshot = async () => {
    const a = await world.getAlliance(ctx.id);
    return {
      version: a.version,
      stage: a.stage,
      members: server.count('alliance_members'),
      notes: server.count('notes'),
      audit: server.count('audit_events'),
      transitions: server.count('stage_transitions'),
      proposals: server.count('alliance_proposals'),
      decisions: server.count('alliance_proposal_decisions'),
    };
  };

  function expectedForAllianceRoute(route, caller) {
    if (!caller) return 401;
    const role = roleOf(caller);
    if (!role) return 404;
    return NEEDS[route.need](role, world.person(caller).org) ? route.ok : 403;
  }

  describe('alliance routes', () => {
    for (const route of ALLIANCE_ROUTES) {
      for (const caller of CALLERS) {
        // the expected status is computed when the test runs (the world exists by then)
        it(`${route.name} as ${callerName(caller)}`, async () => {
          const expected = expectedForAllianceRoute(route, caller);
          const prep = route.prepare ? await route.prepare(world, caller) : {};
          const before = route.method === 'GET' ? null : await snapshot();
          const res = await browserOf(caller).request(route.method, `${API}/${route.path(ctx, prep)}`, prep);
          if (expected >= 400) {
            expectProblem(res, expected, { 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found' }[expected]);
            if (before) assert.deepEqual(await snapshot(), before, 'a refused request changes nothing');
          } else {
            expectStatus(res, expected, `${route.name} as ${callerName(caller)}`);
            if (route.method === 'POST' && route.path(ctx, prep).endsWith('/notes')) {
              world.notes.push({ id: res.body.id, author: caller, ownerOrg: world.person(caller).org, visibility: 'alliance',
                readers: [], titles: [prep.body.title], deleted: false });
            }
          }
        });
      }
    }
  });

  describe('note routes', () => {
    for (const route of NOTE_ROUTES) {
      for (const spec of STANDARD_NOTES) {
        for (const caller of CALLERS) {
          it(`${route.name} [${spec.key}] as ${callerName(caller)}`, async () => {
            const note = route.fresh
              ? await world.createNote(spec.author, { ...spec, key: undefined, title: uniq(`${spec.key} fresh`) })
              : world.noteByKey[spec.key];
            if (!note.titles) note.titles = [note.title];
            let expected;
            if (!caller) expected = 401;
            else if (!world.canRead(note, caller)) expected = 404;
            else if (route.need === 'read') expected = route.ok;
            else expected = world.canWrite(note, caller) ? route.ok : 403;

            const path = `${API}/alliances/${ctx.id}/notes/${note.id}`;
            const opts = {};
            if (route.body) opts.body = route.body(caller);
            if (route.method === 'PATCH') opts.ifMatch = note.version;
            const notesBefore = server.count('notes');
            const res = await browserOf(caller).request(route.method, path, opts);
            // keep the ledger true to what the server did, whatever we expected
            if (route.method === 'DELETE' && res.status === 204) note.deleted = true;
            if (route.method === 'PATCH' && res.status === 200) { note.titles.push(opts.body.title); note.version = res.body.version; }

            if (expected >= 400) {
              expectProblem(res, expected, { 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found' }[expected]);
              assert.equal(server.count('notes'), notesBefore);
              if (route.method === 'PATCH') {
                const got = await world.as(spec.author).get(path);
                assert.equal(got.body.title, note.titles[0], 'a refused PATCH changes nothing');
              }
            } else {
              expectStatus(res, expected, `${route.name} [${spec.key}] as ${callerName(caller)}`);
              if (route.method === 'GET') {
                assert.equal(res.body.id, note.id);
                assert.equal(res.body.visibility, spec.visibility);
              }
            }
          });
        }
      }
    }
  });

  describe('lists and audit reveal only what the caller may read', () => {
    before(async () => { await setArchived(world, false); });

    const members = CALLERS.filter((c) => c && ['phManager', 'phMember', 'phViewer', 'phExec', 'nbManager', 'nbMember'].includes(c));

    for (const caller of members) {
      it(`notes list as ${caller} holds exactly the readable notes`, async () => {
        const items = await listAll(world.as(caller), `${API}/alliances/${ctx.id}/notes`);
        const expected = world.notes.filter((n) => !n.deleted && world.canRead(n, caller)).map((n) => n.id).sort();
        const got = items.map((n) => n.id).sort();
        assert.equal(got.length, expected.length, 'the list length counts only readable notes');
        assert.deepEqual(got, expected);
      });

      it(`notes list as ${caller}, paged by 3, and filtered per visibility, agree`, async () => {
        const paged = await listAll(world.as(caller), `${API}/alliances/${ctx.id}/notes`, { limit: 3 });
        const expected = world.notes.filter((n) => !n.deleted && world.canRead(n, caller));
        assert.deepEqual(paged.map((n) => n.id).sort(), expected.map((n) => n.id).sort());
        for (const v of ['alliance', 'party', 'restricted']) {
          const items = await listAll(world.as(caller), `${API}/alliances/${ctx.id}/notes?visibility=${v}`);
          assert.deepEqual(items.map((n) => n.id).sort(), expected.filter((n) => n.visibility === v).map((n) => n.id).sort(), `visibility=${v}`);
        }
      });

      it(`audit as ${caller} names no note the caller cannot read`, async () => {
        const events = await listAll(world.as(caller), `${API}/alliances/${ctx.id}/audit`);
        assert.ok(events.length > 0, 'the caller sees some events');
        const text = JSON.stringify(events);
        for (const n of world.notes.filter((x) => !world.canRead(x, caller))) {
          assert.ok(!text.includes(n.id), `audit shows ${caller} an event of invisible note ${n.key || n.id} (${n.visibility} by ${n.author})`);
          for (const t of n.titles) assert.ok(!text.includes(t), `audit shows ${caller} the title of an invisible note: ${t}`);
        }
        for (const n of world.notes.filter((x) => world.canRead(x, caller) && x.key)) {
          assert.ok(events.some((e) => e.record_id === n.id), `audit shows ${caller} the creation of readable note ${n.key}`);
        }
        const seqs = events.map((e) => e.seq);
        assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a), 'newest first');
      });
    }

    it('the alliance list shows the alliance to members only', async () => {
      for (const caller of CALLERS.filter(Boolean)) {
        const items = await listAll(world.as(caller), `${API}/alliances`);
        assert.equal(items.some((a) => a.id === ctx.id), !!roleOf(caller), `${caller}`);
      }
      expectProblem(await world.anon().get(`${API}/alliances`), 401, 'unauthenticated');
    });
  });
});
