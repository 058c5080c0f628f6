// Who keeps a meeting's record (issue 13): the committee's chair, co-chair and secretary of either
// party write the minutes and attendance, besides the meeting's author and its party's managers;
// a started meeting whose attendance is recorded, or whose day has ended, is held; minutes with
// nothing in them are not offered for approval; an escalation's notice says who moved it and why,
// and only the automatic one speaks of a time limit.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus } from '../support/client.mjs';
import {
  gov, at, addDays, getOk, postOk, enlist, governanceAlliance, makeCommittee, createDecisionRight,
  runJobs, notifications,
} from '../support/governance.mjs';

describe('governance: who writes the minutes, held meetings, escalation notices', () => {
  let world;
  let server;
  let alliance;
  let g;
  let jsc;
  let nbSecretary;
  let phSecretary;

  before(async () => {
    world = await buildWorld({ spares: { helix: 1, nimbus: 1 } });
    server = world.server;
    alliance = await governanceAlliance(world, 'Minutes rights');
    g = gov(alliance.id);
    // Each party's secretary is only a viewer of the alliance: the seat gives the right.
    phSecretary = await enlist(world, alliance.id, world.spares.helix[0], 'viewer');
    nbSecretary = await enlist(world, alliance.id, world.spares.nimbus[0], 'viewer');
    jsc = await makeCommittee(world, { allianceId: alliance.id, by: 'phManager', name: 'Joint Steering Committee',
      seats: [['phManager', 'chair'], ['phMember', 'voting_member'], [phSecretary, 'secretary'],
        ['nbMember', 'co_chair'], [nbSecretary, 'secretary']] });
  });
  after(async () => { await world?.stop(); });

  const meetingPath = (m) => `${g.meetings}/${m.id ?? m}`;
  const getMeeting = (key, m) => getOk(world, key, meetingPath(m));
  /** A meeting of the JSC written by phMember, started yesterday, with one agenda item. */
  async function pastMeeting() {
    const m = await postOk(world, 'phMember', g.meetings, { committee_id: jsc.id, title: uniq('JSC'), starts_at: at(-1) });
    const res = await world.as('phMember').post(g.agenda(m.id), { title: 'Pivotal study readiness' });
    expectStatus(res, [200, 201]);
    return res.body;
  }
  async function writeMinutes(key, m, text) {
    const cur = await getMeeting('phMember', m);
    const item = cur.agenda[0];
    return world.as(key).patch(`${g.agenda(m.id)}/${item.id}`, { minutes: text }, { ifMatch: item.version });
  }
  async function attend(key, m) {
    const cur = await getMeeting('phMember', m);
    return world.as(key).put(`${meetingPath(m)}/attendance`, {
      entries: [{ user_id: world.person('phManager').id, status: 'present' }, { user_id: world.person('nbMember').id, status: 'present' }],
    }, { ifMatch: cur.version });
  }

  // Who may write, for both parties: the seat holders of either party, the author, the owning
  // party's managers. Not: the partner's manager without a seat, viewers, executives.
  const MAY_WRITE = { phMember: true, phManager: true, nbMember: true, nbManager: false, phViewer: false, phExec: false };

  describe('the committee\'s chair, co-chair and secretary of either party write the minutes and attendance', () => {
    let m;
    before(async () => { m = await pastMeeting(); });

    it('can_write tells each caller whether they may write', async () => {
      const expected = { ...MAY_WRITE, [phSecretary]: true, [nbSecretary]: true };
      for (const [key, may] of Object.entries(expected)) {
        assert.equal((await getMeeting(key, m)).minutes.can_write, may, `${key}: can_write`);
      }
    });

    for (const [key, may] of Object.entries(MAY_WRITE)) {
      it(`minutes and attendance as ${key}: ${may ? 'written' : '403, nothing changes'}`, async () => {
        const before = await getMeeting('phMember', m);
        const text = uniq(`Minutes by ${key}`);
        const res = await writeMinutes(key, m, text);
        if (!may) {
          expectProblem(res, 403, 'forbidden');
          expectProblem(await attend(key, m), 403, 'forbidden');
          const now = await getMeeting('phMember', m);
          assert.equal(now.version, before.version);
          assert.deepEqual(now.agenda, before.agenda);
          return;
        }
        expectStatus(res, 200);
        assert.equal(res.body.agenda[0].minutes, text);
        expectStatus(await attend(key, m), 200);
      });
    }

    for (const who of ['phSecretary', 'nbSecretary']) {
      it(`the ${who === 'phSecretary' ? 'Helix' : 'Nimbus'} secretary (an alliance viewer) writes them too, but not the agenda`, async () => {
        const key = who === 'phSecretary' ? phSecretary : nbSecretary;
        const text = uniq(`Minutes by the secretary`);
        const res = await writeMinutes(key, m, text);
        expectStatus(res, 200);
        assert.equal(res.body.agenda[0].minutes, text);
        expectStatus(await attend(key, m), 200);
        const cur = await getMeeting(key, m);
        const retitle = await world.as(key).patch(`${g.agenda(m.id)}/${cur.agenda[0].id}`, { title: 'Renamed by the secretary' },
          { ifMatch: cur.agenda[0].version });
        expectProblem(retitle, 403, 'forbidden');
        assert.match(retitle.body.detail, /you write the minutes/);
        const add = await world.as(key).post(g.agenda(m.id), { title: 'An item of my own' });
        expectProblem(add, 403, 'forbidden');
      });
    }

    it('a seat that has ended gives no right', async () => {
      const seatRow = jsc.members.find((x) => x.user_id === world.person(nbSecretary).id && x.current);
      const res = await world.as('phManager').del(`${g.members(jsc.id)}/${seatRow.id}`, { ifMatch: jsc.version });
      expectStatus(res, 200);
      expectProblem(await writeMinutes(nbSecretary, m, 'After leaving'), 403, 'forbidden');
      assert.equal((await getMeeting(nbSecretary, m)).minutes.can_write, false);
      jsc = res.body;
    });

    it('once the minutes are final, nobody writes them (409) and can_write is false for all', async () => {
      for (const key of ['phManager', 'nbMember']) {
        const cur = await getMeeting(key, m);
        expectStatus(await world.as(key).post(`${meetingPath(m)}/minutes/review`, { decision: 'approve' }, { ifMatch: cur.version }), [200, 201]);
      }
      const final = await getMeeting('phMember', m);
      assert.equal(final.minutes.state, 'final');
      for (const key of ['phMember', 'phManager', 'nbMember', phSecretary]) {
        const seen = await getMeeting(key, m);
        assert.equal(seen.minutes.can_write, false, key);
        assert.equal(seen.minutes.can_revise, true, `${key} may reopen the record it keeps`);
      }
      for (const key of ['nbManager', 'phViewer', 'phExec']) {
        assert.equal((await getMeeting(key, m)).minutes.can_revise, false, key);
      }
      expectProblem(await writeMinutes('nbMember', m, 'Too late'), 409, 'conflict');
      expectProblem(await attend(phSecretary, m), 409, 'conflict');
      // The partner's co-chair may open a new revision of the record it keeps.
      const revised = await world.as('nbMember').post(`${meetingPath(m)}/minutes/revisions`, { reason: 'A decision was minuted wrongly' },
        { ifMatch: final.version });
      expectStatus(revised, [200, 201]);
      assert.equal(revised.body.minutes.state, 'draft');
      assert.equal(revised.body.minutes.can_write, true);
    });
  });

  describe('held meetings', () => {
    it('recording attendance of a meeting that has begun marks it held; of a future one does not', async () => {
      const past = await pastMeeting();
      assert.equal(past.status, 'scheduled');
      const res = await attend('nbMember', past);
      expectStatus(res, 200);
      assert.equal(res.body.status, 'held');
      const future = await postOk(world, 'phMember', g.meetings, { committee_id: jsc.id, title: uniq('Future JSC'), starts_at: at(7) });
      const later = await attend('phMember', future);
      expectStatus(later, 200);
      assert.equal(later.body.status, 'scheduled');
    });

    it('the jobs mark a scheduled meeting held once its day has ended, once, and audit it', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const yesterday = await postOk(world, 'phMember', g.meetings, { committee_id: jsc.id, title: uniq('Yesterday'), starts_at: at(-1) });
      const todays = await postOk(world, 'phMember', g.meetings, { committee_id: jsc.id, title: uniq('Today'), starts_at: at(0, 23) });
      const cancelled = await postOk(world, 'phMember', g.meetings, { committee_id: jsc.id, title: uniq('Called off'), starts_at: at(-2), status: 'cancelled' });
      runJobs(server, today);
      assert.equal((await getMeeting('nbMember', yesterday)).status, 'held');
      assert.equal((await getMeeting('nbMember', todays)).status, 'scheduled', 'its day has not ended');
      assert.equal((await getMeeting('nbMember', cancelled)).status, 'cancelled');
      const held = await getMeeting('nbMember', yesterday);
      runJobs(server, today);
      assert.equal((await getMeeting('nbMember', yesterday)).version, held.version, 'a second run changes nothing');
      runJobs(server, addDays(today, 1));
      assert.equal((await getMeeting('nbMember', todays)).status, 'held');
      const events = (await getOk(world, 'phManager', `${g.audit}?limit=100`)).items
        .filter((e) => e.record_id === yesterday.id && e.action === 'update' && e.changes.status);
      assert.equal(events.length, 1);
      assert.deepEqual(events[0].changes.status, { before: 'scheduled', after: 'held' });
      assert.equal(events[0].actor_id, null);
    });
  });

  it('minutes with nothing in them are not offered for approval (can_review false, 409)', async () => {
    const empty = await postOk(world, 'phMember', g.meetings, { committee_id: jsc.id, title: uniq('Empty'), starts_at: at(-1) });
    assert.equal((await getMeeting('phManager', empty)).minutes.can_review, false);
    const res = await world.as('phManager').post(`${meetingPath(empty)}/minutes/review`, { decision: 'approve' }, { ifMatch: empty.version });
    expectProblem(res, 409, 'conflict');
    assert.match(res.body.detail, /nothing to approve/);
    assert.equal((await getMeeting('phManager', empty)).minutes.state, 'draft');
  });

  describe('escalation notices', () => {
    it('a person\'s escalation says who, when and why; only the automatic one speaks of a time limit, with its date', async () => {
      const right = await createDecisionRight(world, 'phManager', alliance.id, {
        committee: jsc, levels: [['Project team', null, 5], ['Joint Steering Committee', jsc, 10], ['Executive sponsors', null, 10]],
      });
      const issue = await postOk(world, 'phMember', g.issues, {
        title: uniq('Site activation delay'), severity: 'high', party_ids: [world.orgIds.helix, world.orgIds.nimbus],
        decision_right_id: right.id,
      });
      const cur = await getOk(world, 'phMember', `${g.issues}/${issue.id}`);
      const res = await world.as('phManager').post(`${g.issues}/${issue.id}/escalate`, { reason: 'The CRO missed two deadlines' },
        { ifMatch: cur.version });
      expectStatus(res, 200);
      const manual = (await notifications(world, 'nbManager')).items.find((n) => n.record_id === issue.id);
      assert.ok(manual, 'the partner manager is told');
      assert.match(manual.title, /^Escalated to Joint Steering Committee by Avery Lindqvist: /);
      assert.match(manual.body, /^Avery Lindqvist escalated it from Project team on \d{4}-\d{2}-\d{2}: The CRO missed two deadlines\./);
      assert.doesNotMatch(manual.body, /time limit/);
      // Days travel as YYYY-MM-DD: each reader's screen shows them in that reader's format.
      assert.match(manual.body, new RegExp(`It is now with Joint Steering Committee, due by ${res.body.level_due_on}\\.`));

      // Let the committee's ten days run out: the job escalates and says which limit ended, when.
      const due = res.body.level_due_on;
      runJobs(server, addDays(due, 1));
      const automatic = (await notifications(world, 'nbManager')).items
        .find((n) => n.record_id === issue.id && n.title.startsWith('Escalated to Executive sponsors'));
      assert.ok(automatic, 'the automatic escalation is told');
      assert.match(automatic.body, new RegExp(`^The time limit at Joint Steering Committee ended on ${due}\\. It is now with Executive sponsors`));
      assert.equal(automatic.title.includes(' by '), false);
    });
  });
});
