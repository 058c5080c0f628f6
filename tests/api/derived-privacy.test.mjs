// Derived values and privacy: anything the server derives — whose turn it is to chair, a record's
// dates, statuses, counts, rates and signals — is computed only from records that every reader of
// the derived value may read. A value shared by every reader of a record (the chair of a
// committee, an obligation's occurrences) counts only what all of them may read; a value computed
// for one viewer (a milestone's status, the compliance view) counts only what that viewer may
// read. Either way, a party's private record never changes what the other party gets back: each
// test compares the other party's whole answer before and after the private change.
// The contract is docs/api-guide.md ("Derived values", "Who may do what").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, uniq } from '../support/world.mjs';
import { expectProblem, expectStatus, listAll } from '../support/client.mjs';
import { day } from '../support/plan.mjs';
import {
  gov, getOk, postOk, patchOk, governanceAlliance, makeCommittee, JOINT_SEATS, at, notifications, runJobs,
} from '../support/governance.mjs';
import { agr, createAgreement, createObligation, createMilestone } from '../support/agreements.mjs';

describe('derived values never count what a reader may not read', () => {
  let world;

  before(async () => { world = await buildWorld(); });
  after(async () => { await world?.stop(); });

  /** Every answer of `paths` as `key` sees it (lists walked through their pages). */
  async function views(key, paths) {
    const out = {};
    for (const [name, path] of Object.entries(paths)) {
      const res = await world.as(key).get(path);
      expectStatus(res, 200, `GET ${path} as ${key}`);
      out[name] = res.body && Array.isArray(res.body.items) && 'next_cursor' in res.body
        ? await listAll(world.as(key), path) : res.body;
    }
    return out;
  }

  describe('committees: the per-meeting chair rotation', () => {
    let a;
    let g;
    let c;
    const committeePath = () => `${g.committees}/${c.id}`;
    const meeting = (key, body) => postOk(world, key, g.meetings, { committee_id: c.id, title: uniq('Meeting'), ...body });
    const shown = () => ({ committee: committeePath(), committees: g.committees, meetings: g.meetings });

    before(async () => {
      a = await governanceAlliance(world, 'Helix–Nimbus rotating chair');
      g = gov(a.id);
      c = await makeCommittee(world, { allianceId: a.id, chair_rotation: 'per_meeting', seats: JOINT_SEATS });
      assert.equal(c.visibility, 'alliance');
      assert.ok(c.chair_party_id, 'a party chairs');
    });

    it('a Helix-only meeting held yesterday does not move the chair: Nimbus\'s answers are unchanged, and both parties see the same chair', async () => {
      const nimbusBefore = await views('nbMember', shown());
      const helixBefore = await getOk(world, 'phManager', committeePath());
      const prep = await meeting('phManager', { title: 'Helix pre-JSC huddle', starts_at: at(-1), visibility: 'party' });
      assert.equal(prep.visibility, 'party');
      expectProblem(await world.as('nbMember').get(`${g.meetings}/${prep.id}`), 404, 'not-found');

      assert.deepEqual(await views('nbMember', shown()), nimbusBefore, 'Nimbus gets exactly the same answers');
      const helix = await getOk(world, 'phManager', committeePath());
      assert.deepEqual(helix, helixBefore, 'the committee is unchanged for Helix too');
      assert.equal(helix.chair_party_id, nimbusBefore.committee.chair_party_id, 'one chair for both parties');
    });

    it('nor does a restricted meeting that some readers of the committee may not read', async () => {
      const nimbusBefore = await views('nbMember', shown());
      await meeting('phManager', { title: 'Helix and one Nimbus manager', starts_at: at(-1, 10), visibility: 'restricted',
        readers: [world.person('nbManager').id] });
      assert.deepEqual(await views('nbMember', shown()), nimbusBefore, 'Nimbus gets exactly the same answers');
      assert.equal((await getOk(world, 'nbManager', committeePath())).chair_party_id, nimbusBefore.committee.chair_party_id);
      assert.equal((await getOk(world, 'phManager', committeePath())).chair_party_id, nimbusBefore.committee.chair_party_id);
    });

    it('a meeting every reader may read does move it, for both parties alike', async () => {
      const before = (await getOk(world, 'nbMember', committeePath())).chair_party_id;
      await meeting('nbManager', { title: 'Joint steering meeting', starts_at: at(-1, 12) });
      const nimbus = await getOk(world, 'nbMember', committeePath());
      const helix = await getOk(world, 'phMember', committeePath());
      assert.notEqual(nimbus.chair_party_id, before, 'the chair passed to the other party');
      assert.equal(helix.chair_party_id, nimbus.chair_party_id);
      assert.equal(helix.chair_party_name, nimbus.chair_party_name);
    });

    it('on a Helix-only committee, Helix-only meetings count: everyone who reads that chair reads them', async () => {
      const internal = await makeCommittee(world, { allianceId: a.id, chair_rotation: 'per_meeting', visibility: 'party',
        seats: [['phManager', 'chair'], ['phMember', 'voting_member']] });
      const first = internal.chair_party_id;
      await postOk(world, 'phManager', g.meetings, { committee_id: internal.id, title: 'Helix working group', starts_at: at(-2),
        visibility: 'party' });
      const after = await getOk(world, 'phMember', `${g.committees}/${internal.id}`);
      assert.notEqual(after.chair_party_id, first, 'the turn passed');
      expectProblem(await world.as('nbManager').get(`${g.committees}/${internal.id}`), 404, 'not-found');
    });
  });

  describe('committees: a committee is not narrowed past the records that show it', () => {
    let a;
    let g;
    let c;
    let m;

    before(async () => {
      a = await governanceAlliance(world, 'Helix–Nimbus narrowed committee');
      g = gov(a.id);
      c = await makeCommittee(world, { allianceId: a.id, name: 'Joint Steering Committee Orion', seats: JOINT_SEATS });
      m = await postOk(world, 'nbManager', g.meetings, { committee_id: c.id, title: 'JSC Q3', starts_at: at(-3) });
      assert.equal(m.committee_name, 'Joint Steering Committee Orion');
    });

    it('narrowing a committee that an alliance meeting shows (its name, its seats in the quorum) → 409; nothing changes', async () => {
      const paths = { committee: `${g.committees}/${c.id}`, meeting: `${g.meetings}/${m.id}`, meetings: g.meetings };
      const nimbusBefore = await views('nbMember', paths);
      const events = world.server.count('audit_events');
      const cur = await getOk(world, 'phManager', paths.committee);
      const res = await world.as('phManager').patch(paths.committee, { visibility: 'party' }, { ifMatch: cur.version });
      expectProblem(res, 409, 'conflict');
      assert.ok(!res.text.includes('JSC Q3') && !res.text.includes(m.id), `the referring records are not named: ${res.text}`);
      assert.deepEqual(await views('nbMember', paths), nimbusBefore);
      assert.deepEqual(await getOk(world, 'phManager', paths.committee), cur);
      assert.equal(world.server.count('audit_events'), events);
    });

    it('once the records that refer to it are narrowed first, the committee narrows (200)', async () => {
      await patchOk(world, 'nbManager', `${g.meetings}/${m.id}`, { visibility: 'restricted', readers: [world.person('phManager').id] });
      expectProblem(await world.as('phManager').patch(`${g.committees}/${c.id}`, { visibility: 'party' },
        { ifMatch: (await getOk(world, 'phManager', `${g.committees}/${c.id}`)).version }), 409, 'conflict');
      await patchOk(world, 'nbManager', `${g.meetings}/${m.id}`, { visibility: 'restricted', readers: [] });
      const res = await patchOk(world, 'phManager', `${g.committees}/${c.id}`, { visibility: 'restricted', readers: [world.person('nbManager').id] });
      assert.equal(res.visibility, 'restricted');
    });
  });

  describe('obligations: a milestone trigger counts only while every reader of the obligation may read the milestone', () => {
    let a;
    let id;
    let m;
    let o;
    const shownTo = () => ({
      obligation: a.obligation(o), obligations: a.obligations, occurrences: a.occurrences(`from=${day(-90)}&to=${day(365)}`),
      compliance: a.compliance(), agreements: a.agreements,
    });

    before(async () => {
      const alliance = await governanceAlliance(world, 'Helix–Nimbus milestone trigger');
      id = alliance.id;
      a = agr(id);
      m = await createMilestone(world, 'phManager', id, { title: 'Helix readout Vega', planned_date: day(20) });
      const agreement = await createAgreement(world, 'phManager', id, { title: 'Co-development agreement Vega' });
      o = await createObligation(world, 'phManager', id, agreement, { title: 'Milestone payment on readout Vega',
        category: 'payment', schedule: 'milestone', due_on: undefined, milestone_id: m.id, offset_days: 10 });
      assert.equal(o.milestone_title, 'Helix readout Vega');
      assert.equal(o.next_due, null);
    });

    it('Helix narrows the milestone to its party: Nimbus no longer sees it named in the obligation', async () => {
      await patchOk(world, 'phManager', a.milestone(m), { visibility: 'party' });
      expectProblem(await world.as('nbMember').get(a.milestone(m)), 404, 'not-found');
      const res = await world.as('nbMember').get(a.obligation(o));
      expectStatus(res, 200);
      assert.equal(res.body.milestone_id, null);
      assert.equal(res.body.milestone_title, null);
      assert.ok(!res.text.includes(m.id) && !res.text.includes('Helix readout Vega'), res.text);
      const helix = await getOk(world, 'phManager', a.obligation(o));
      assert.equal(helix.milestone_id, m.id, 'Helix, who reads the milestone, still sees the link');
      assert.equal(helix.milestone_title, 'Helix readout Vega');
    });

    it('Helix achieves its private milestone: Nimbus\'s obligations, occurrences and compliance are unchanged, and so are the obligation\'s dates for Helix', async () => {
      const nimbusBefore = await views('nbMember', shownTo());
      const helixBefore = await views('phManager', shownTo());
      await patchOk(world, 'phManager', a.milestone(m), { actual_date: day(-5) });
      assert.deepEqual(await views('nbMember', shownTo()), nimbusBefore, 'Nimbus gets exactly the same answers');
      const helix = await views('phManager', shownTo());
      assert.equal(helix.obligation.next_due, null, 'the shared dates do not count a milestone Nimbus may not read');
      assert.deepEqual(helix.occurrences.items.filter((x) => x.obligation_id === o.id), []);
      assert.deepEqual(helix.compliance, helixBefore.compliance);
      expectProblem(await world.as('phManager').put(a.occurrence(o, day(5)), { status: 'fulfilled', evidence: 'Wire 118' }, { ifMatch: 0 }),
        404, 'not-found');
    });

    it('widened again, the milestone triggers the obligation for both parties alike', async () => {
      await patchOk(world, 'phManager', a.milestone(m), { visibility: 'alliance' });
      const nimbus = await getOk(world, 'nbMember', a.obligation(o));
      const helix = await getOk(world, 'phManager', a.obligation(o));
      assert.deepEqual(nimbus.next_due, { due_on: day(5), status: 'due' });
      assert.equal(nimbus.milestone_id, m.id);
      assert.equal(nimbus.milestone_title, 'Helix readout Vega');
      assert.deepEqual(helix.next_due, nimbus.next_due);
    });
  });

  describe('values computed for each viewer count only what that viewer may read', () => {
    it('a Helix-only dependency slipping makes a shared milestone at risk for Helix only; Nimbus\'s plan, milestones and summary are unchanged', async () => {
      const alliance = await governanceAlliance(world, 'Helix–Nimbus private dependency');
      const a = agr(alliance.id);
      const base = `${a.base}`;
      const objective = await postOk(world, 'phManager', a.objectives, { title: 'Shared objective', horizon: 'short_term' });
      const p = await postOk(world, 'phManager', a.milestones, { objective_id: objective.id, title: 'Helix internal step',
        kind: 'development', planned_date: day(40), visibility: 'party' });
      const shared = await postOk(world, 'phManager', a.milestones, { objective_id: objective.id, title: 'Shared readout',
        kind: 'development', planned_date: day(50), depends_on: [p.id] });
      const paths = { milestone: a.milestone(shared), milestones: a.milestones, plan: `${base}/plan`, summary: `${base}/plan/summary` };
      const nimbusBefore = await views('nbMember', paths);
      assert.deepEqual(nimbusBefore.milestone.depends_on, []);
      assert.equal(nimbusBefore.milestone.status, 'on_track');

      await patchOk(world, 'phManager', a.milestone(p), { forecast_date: day(70) });
      assert.equal((await getOk(world, 'phManager', a.milestone(shared))).status, 'at_risk', 'Helix sees its own dependency slip');
      assert.deepEqual(await views('nbMember', paths), nimbusBefore, 'Nimbus gets exactly the same answers');
      assert.deepEqual(await getOk(world, 'phManager', paths.summary), nimbusBefore.summary, 'the summary is the same for both parties');
    });

    it('a Helix-only obligation gone overdue and a Helix-only amendment in force: Nimbus\'s compliance and agreement are unchanged', async () => {
      const alliance = await governanceAlliance(world, 'Helix–Nimbus private obligations');
      const a = agr(alliance.id);
      const agreement = await createAgreement(world, 'nbManager', alliance.id, { title: 'Licence Lyra', effective_on: day(-300),
        expiry_on: day(400), notice_period_days: 90 });
      await createObligation(world, 'nbManager', alliance.id, agreement, { title: 'Shared report Lyra', due_on: day(-20) });
      const paths = { agreement: a.agreement(agreement), agreements: a.agreements, obligations: a.obligations,
        occurrences: a.occurrences(), compliance: a.compliance(`from=${day(-60)}&to=${day(60)}`) };
      const nimbusBefore = await views('nbMember', paths);

      await createObligation(world, 'phManager', alliance.id, agreement, { title: 'Helix internal report Lyra', due_on: day(-10),
        visibility: 'party' });
      await createAgreement(world, 'phManager', alliance.id, { title: 'Helix side letter Lyra', kind: 'other', relation: 'amendment',
        parent_id: agreement.id, status: 'signed', effective_on: day(-5), visibility: 'party', term_changes: { expiry_on: day(900) } });
      const helix = await getOk(world, 'phManager', a.agreement(agreement));
      assert.equal(helix.as_amended.expiry_on, day(900), 'Helix, who reads its amendment, sees it applied');
      assert.deepEqual(await views('nbMember', paths), nimbusBefore, 'Nimbus gets exactly the same answers');
    });
  });

  describe('notifications', () => {
    it('the reminders of a Helix-only obligation reach no Nimbus person, not even the one named responsible', async () => {
      const alliance = await governanceAlliance(world, 'Helix–Nimbus private reminders');
      const agreement = await createAgreement(world, 'phManager', alliance.id, { title: 'Supply agreement Draco' });
      runJobs(world.server, day(0));  // what is due anyway is delivered first
      const nimbusBefore = { nbManager: await notifications(world, 'nbManager'), nbMember: await notifications(world, 'nbMember') };
      const o = await createObligation(world, 'phManager', alliance.id, agreement, { title: 'Helix internal audit Draco',
        due_on: day(-3), visibility: 'party', responsible_user_id: world.person('nbMember').id });
      runJobs(world.server, day(0));
      const helix = await notifications(world, 'phManager');
      assert.ok(helix.items.some((n) => n.record_id === o.id && n.kind === 'obligation_overdue'),
        'the owing party\'s manager is told (so the job did run over it)');
      for (const key of ['nbManager', 'nbMember']) {
        assert.deepEqual(await notifications(world, key), nimbusBefore[key], `${key}'s notifications are unchanged`);
      }
    });
  });
});
