// Change control between the parties of an alliance (issue 13): the shared fields change only by
// a proposal every other party with a manager accepts; each party's contribution and expected value
// are its own; the tier (and its note) is each party's own and private.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, uniq } from '../support/world.mjs';
import { API, expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';

const MEMBERS = ['phManager', 'phMember', 'phViewer', 'phExec', 'nbManager', 'nbMember'];
const isManager = (key) => key === 'phManager' || key === 'nbManager';
const partyOf = (key) => (key.startsWith('ph') ? 'helix' : 'nimbus');

describe('change control between parties', () => {
  let world;
  let server;
  let id;

  before(async () => {
    world = await buildWorld();
    server = world.server;
    id = world.alliance.id;
  });
  after(async () => { await world?.stop(); });

  const alliancePath = (aid = id) => `${API}/alliances/${aid}`;
  const proposalsPath = (aid = id) => `${API}/alliances/${aid}/proposals`;
  const get = (key = 'phManager', aid = id) => world.getAlliance(aid, key);
  // Every shared field, with a new value built from the alliance as it is now.
  const SHARED = {
    name: () => ({ name: uniq('Renamed alliance') }),
    type: (a) => ({ type: a.type === 'co_development' ? 'research_collaboration' : 'co_development' }),
    description: () => ({ description: uniq('A new description') }),
    territory: () => ({ territory: uniq('Territory') }),
    therapeutic_areas: (a) => ({ therapeutic_areas: [...a.therapeutic_areas, uniq('area')] }),
    'north_star.statement': () => ({ north_star: { statement: uniq('A new North Star') } }),
    'north_star.beneficiaries': () => ({ north_star: { beneficiaries: uniq('New beneficiaries') } }),
    parties: (a) => ({ parties: a.parties.map((p) => ({ organization_id: p.organization_id,
      role: p.role === 'licensor' ? 'co_developer' : p.role === 'co_developer' ? 'licensor' : p.role })) }),
  };
  const openProposals = () => server.count('alliance_proposals', `alliance_id = '${id}' AND status = 'open'`);

  describe('the policy matrix: every shared field against every role of every party', () => {
    for (const [field, change] of Object.entries(SHARED)) {
      for (const caller of MEMBERS) {
        it(`${field}: PATCH as ${caller} is refused and changes nothing`, async () => {
          const a = await get();
          const res = await world.as(caller).patch(alliancePath(), change(a), { ifMatch: a.version });
          if (isManager(caller)) {
            expectProblem(res, 409, 'consent-required');
            assert.deepEqual(res.body.shared_fields, [field]);
            assert.match(res.body.detail, /must agree/);
          } else {
            expectProblem(res, 403, 'forbidden');
          }
          const now = await get();
          assert.deepEqual(now, a, 'the alliance is unchanged');
        });

        it(`${field}: a proposal by ${caller} ${isManager(caller) ? 'waits for the other party' : 'is refused'}`, async () => {
          const a = await get();
          const rows = server.count('alliance_proposals');
          const res = await world.as(caller).post(proposalsPath(), { ...change(a), reason: 'Matrix' });
          if (!isManager(caller)) {
            expectProblem(res, 403, 'forbidden');
            assert.equal(server.count('alliance_proposals'), rows);
            return;
          }
          expectStatus(res, 201);
          assert.equal(res.body.status, 'open');
          assert.deepEqual(res.body.changes.map((c) => c.field), [field]);
          const other = partyOf(caller) === 'helix' ? 'nimbus' : 'helix';
          assert.deepEqual(res.body.decisions.map((d) => [d.organization_id, d.decision]),
            [[world.orgIds[other], 'pending']]);
          assert.equal(res.body.can_withdraw, true);
          assert.equal(res.body.can_decide, false);
          const { open_proposals: waiting, ...now } = await get();
          const { open_proposals: before, ...then } = a;
          assert.deepEqual(now, then, 'nothing applies before the other party accepts');
          assert.equal(waiting, before + 1);
          // Only the other party's manager decides; everyone else is refused and changes nothing.
          for (const decider of MEMBERS) {
            if (decider === caller) continue;
            const view = await world.as(decider).get(`${proposalsPath()}/${res.body.id}`);
            expectStatus(view, 200);
            const mayDecide = isManager(decider) && partyOf(decider) === other;
            assert.equal(view.body.can_decide, mayDecide, `${decider} can_decide`);
            assert.equal(view.body.can_withdraw, isManager(decider) && partyOf(decider) === partyOf(caller));
            if (mayDecide) continue;
            const refused = await world.as(decider).post(`${proposalsPath()}/${res.body.id}/decision`,
              { decision: 'accept' }, { ifMatch: res.body.version });
            expectProblem(refused, 403, 'forbidden');
          }
          const withdrawn = await world.as(caller).post(`${proposalsPath()}/${res.body.id}/withdraw`,
            undefined, { ifMatch: res.body.version });
          expectStatus(withdrawn, 200);
          assert.equal(withdrawn.body.status, 'withdrawn');
        });
      }
    }
  });

  describe('each party owns its own words', () => {
    // The contributions as a form sends them back: every party's, one of them changed.
    const words = (a, org, contribution) => ({ north_star: { contributions: a.north_star.contributions.map((c) => ({
      organization_id: c.organization_id, expected_value: c.expected_value,
      contribution: c.organization_id === world.orgIds[org] ? contribution : c.contribution })) } });

    it('the partner cannot rewrite the other party\'s contribution and expected value', async () => {
      const a = await get('nbManager');
      const res = await world.as('nbManager').patch(alliancePath(), words(a, 'helix', 'Rewritten by Nimbus'), { ifMatch: a.version });
      expectProblem(res, 403, 'forbidden');
      assert.match(res.body.detail, /Helix Pharma's managers/);
      assert.deepEqual(await get('nbManager'), a);
      const value = await world.as('nbManager').patch(alliancePath(), { north_star: { contributions: [
        { organization_id: world.orgIds.helix, expected_value: 'Nothing at all' }] } }, { ifMatch: a.version });
      expectProblem(value, 403, 'forbidden');
      assert.deepEqual(await get('nbManager'), a);
    });

    it('a party\'s managers change its words alone; unchanged words of the other party are accepted', async () => {
      const a = await get('nbManager');
      const mine = uniq('Sensor platform, firmware and signal processing');
      const res = await world.as('nbManager').patch(alliancePath(), words(a, 'nimbus', mine), { ifMatch: a.version });
      expectStatus(res, 200);
      const c = res.body.north_star.contributions;
      assert.equal(c.find((x) => x.organization_id === world.orgIds.nimbus).contribution, mine);
      assert.deepEqual(c.find((x) => x.organization_id === world.orgIds.helix),
        a.north_star.contributions.find((x) => x.organization_id === world.orgIds.helix));
      assert.equal(res.body.version, a.version + 1);
    });

    it('members, viewers and executives change no words, not even their own party\'s', async () => {
      for (const key of ['phMember', 'phViewer', 'phExec', 'nbMember']) {
        const a = await get(key);
        const res = await world.as(key).patch(alliancePath(), words(a, partyOf(key), 'Ours'), { ifMatch: a.version });
        expectProblem(res, 403, 'forbidden');
        assert.deepEqual(await get(key), a);
      }
    });

    it('can_edit says whose words the caller may change', async () => {
      const byOrg = (a) => Object.fromEntries(a.north_star.contributions.map((c) => [c.organization_id, c.can_edit]));
      const { helix, nimbus } = world.orgIds;
      assert.deepEqual(byOrg(await get('phManager')), { [helix]: true, [nimbus]: false });
      assert.deepEqual(byOrg(await get('nbManager')), { [helix]: false, [nimbus]: true });
      assert.deepEqual(byOrg(await get('phMember')), { [helix]: false, [nimbus]: false });
    });

    it('before the partner joins, its words and the shared fields are drafted directly', async () => {
      const draft = await world.createAlliance('phManager');
      assert.equal(draft.consent_required, false);
      assert.ok(draft.north_star.contributions.every((c) => c.can_edit));
      const res = await world.as('phManager').patch(alliancePath(draft.id), {
        name: uniq('Drafted alone'), ...words(draft, 'nimbus', 'What we expect Nimbus to bring'),
      }, { ifMatch: draft.version });
      expectStatus(res, 200);
      // Once Nimbus's manager joins, it must agree.
      await world.inviteExisting('phManager', draft.id, 'nbManager', 'manager');
      const joined = await get('phManager', draft.id);
      assert.equal(joined.consent_required, true);
      assert.deepEqual(joined.north_star.contributions.map((c) => c.can_edit), [true, false]);
      expectProblem(await world.as('phManager').patch(alliancePath(draft.id), { name: 'Too late alone' },
        { ifMatch: joined.version }), 409, 'consent-required');
    });
  });

  describe('the tier is each party\'s own', () => {
    it('a party sets its tier and note without the other party seeing them, or seeing them move', async () => {
      const mine = await get('phManager');
      const theirs = await get('nbManager');
      const note = uniq('Board priority: first-in-class');
      const res = await world.as('phManager').patch(alliancePath(), { tier: 3, priority_note: note }, { ifMatch: mine.version });
      expectStatus(res, 200);
      assert.equal(res.body.tier, 3);
      assert.equal(res.body.priority_note, note);
      assert.equal(res.body.version, mine.version, 'the shared version does not move');
      assert.equal(res.body.updated_at, mine.updated_at, 'nor the time of the last shared change');
      assert.equal((await get('phMember')).tier, 3, 'the whole party reads it');
      const after = await get('nbManager');
      assert.deepEqual(after, theirs, 'the partner sees exactly what it saw before');
      assert.ok(!JSON.stringify(after).includes(note));
      // Nor in its portfolio, its filters or its audit trail.
      const list = await world.as('nbManager').get(`${API}/alliances?tier=3`);
      expectStatus(list, 200);
      assert.ok(!list.body.items.some((x) => x.id === id), 'filtered by the partner\'s own tier');
      const trail = JSON.stringify(await listAll(world.as('nbManager'), `${API}/alliances/${id}/audit`));
      assert.ok(!trail.includes(note) && !trail.includes('prioritise'));
      const ours = await listAll(world.as('phViewer'), `${API}/alliances/${id}/audit`);
      assert.ok(ours.some((e) => e.action === 'prioritise' && e.changes.priority_note?.after === note));
      const mineListed = await world.as('phManager').get(`${API}/alliances?tier=3`);
      assert.ok(mineListed.body.items.some((x) => x.id === id && x.tier === 3 && x.priority_note === note));
    });

    it('the partner keeps its own tier; only managers set it; it is validated', async () => {
      const a = await get('nbManager');
      const res = await world.as('nbManager').patch(alliancePath(), { tier: 1 }, { ifMatch: a.version });
      expectStatus(res, 200);
      assert.equal(res.body.tier, 1);
      assert.equal((await get('phManager')).tier, 3, 'Helix keeps its own');
      expectProblem(await world.as('nbMember').patch(alliancePath(), { tier: 2 }, { ifMatch: a.version }), 403, 'forbidden');
      expectValidation(await world.as('nbManager').patch(alliancePath(), { tier: 4 }, { ifMatch: a.version }), 'tier');
      expectValidation(await world.as('nbManager').patch(alliancePath(), { priority_note: 'x'.repeat(2001) }, { ifMatch: a.version }), 'priority_note');
      expectValidation(await world.as('nbManager').post(proposalsPath(), { tier: 2 }), 'tier');
      assert.equal((await get('nbManager')).tier, 1);
    });
  });

  describe('a proposal from one party to the other\'s acceptance', () => {
    it('is shown field by field, told to every manager, applied on acceptance and audited', async () => {
      const a = await get('phManager');
      const name = uniq('Helix–Nimbus Oncology Biomarker Alliance');
      const areas = [...a.therapeutic_areas, 'rare disease'];
      const res = await world.as('nbManager').post(proposalsPath(), { name, therapeutic_areas: areas, reason: 'The board widened the scope' });
      expectStatus(res, 201);
      assert.equal(res.headers.get('location'), `${API}/alliances/${id}/proposals/${res.body.id}`);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      assert.deepEqual(res.body.changes, [
        { field: 'name', before: a.name, after: name },
        { field: 'therapeutic_areas', before: a.therapeutic_areas, after: areas },
      ]);
      assert.equal(res.body.organization_id, world.orgIds.nimbus);
      assert.equal(res.body.proposed_by, world.person('nbManager').id);
      assert.equal(res.body.reason, 'The board widened the scope');
      assert.equal((await get('phManager')).open_proposals, openProposals());

      const inbox = await world.as('phManager').get(`${API}/me/notifications`);
      const told = inbox.body.items.find((n) => n.record_id === res.body.id);
      assert.ok(told, 'the other party\'s manager is told');
      assert.equal(told.link, `/alliances/${id}?proposal=${res.body.id}`);
      assert.match(told.body, /Farah Quenneville \(Nimbus Health\) proposes to change the name and therapeutic areas/);
      const silent = await world.as('phMember').get(`${API}/me/notifications`);
      assert.ok(!silent.body.items.some((n) => n.record_id === res.body.id), 'members are not told');

      const listed = await world.as('phViewer').get(`${proposalsPath()}?status=open`);
      assert.ok(listed.body.items.some((p) => p.id === res.body.id));
      const accepted = await world.as('phManager').post(`${proposalsPath()}/${res.body.id}/decision`,
        { decision: 'accept' }, { ifMatch: res.body.version });
      expectStatus(accepted, 200);
      assert.equal(accepted.body.status, 'applied');
      assert.ok(accepted.body.closed_at);
      assert.deepEqual(accepted.body.decisions.map((d) => [d.organization_name, d.decision, d.decided_by_name]),
        [['Helix Pharma', 'accepted', 'Avery Lindqvist']]);
      const now = await get('nbManager');
      assert.equal(now.name, name);
      assert.deepEqual(now.therapeutic_areas, areas);
      assert.equal(now.version, a.version + 1);
      const proposer = await world.as('nbManager').get(`${API}/me/notifications`);
      assert.ok(proposer.body.items.some((n) => n.record_id === res.body.id && n.kind === 'proposal_applied'));

      const trail = await listAll(world.as('nbMember'), `${API}/alliances/${id}/audit`);
      const actions = trail.filter((e) => e.record_id === res.body.id).map((e) => e.action);
      assert.deepEqual(actions.sort(), ['accept', 'apply', 'propose']);
      const update = trail.find((e) => e.record_type === 'alliance' && e.changes.proposal_id?.after === res.body.id);
      assert.ok(update, 'the applied change names its proposal');
      assert.deepEqual(update.changes.name, { before: a.name, after: name });
      assert.equal(update.actor_id, world.person('phManager').id);
    });

    it('a rejection needs a reason, closes the proposal and changes nothing', async () => {
      const a = await get();
      const p = (await world.as('phManager').post(proposalsPath(), { territory: 'EU only' })).body;
      expectValidation(await world.as('nbManager').post(`${proposalsPath()}/${p.id}/decision`, { decision: 'reject' }, { ifMatch: p.version }), 'reason');
      expectValidation(await world.as('nbManager').post(`${proposalsPath()}/${p.id}/decision`, { decision: 'maybe' }, { ifMatch: p.version }), 'decision');
      expectProblem(await world.as('nbManager').post(`${proposalsPath()}/${p.id}/decision`, { decision: 'accept' }, { ifMatch: p.version + 3 }), 412, 'stale');
      expectProblem(await world.as('nbManager').post(`${proposalsPath()}/${p.id}/decision`, { decision: 'accept' }), 428, 'precondition-required');
      const res = await world.as('nbManager').post(`${proposalsPath()}/${p.id}/decision`,
        { decision: 'reject', reason: 'Our licence covers the US too' }, { ifMatch: p.version });
      expectStatus(res, 200);
      assert.equal(res.body.status, 'rejected');
      assert.equal(res.body.decisions[0].reason, 'Our licence covers the US too');
      assert.deepEqual(await get(), a);
      expectProblem(await world.as('nbManager').post(`${proposalsPath()}/${p.id}/decision`, { decision: 'accept' },
        { ifMatch: res.body.version }), 409, 'conflict');
      expectProblem(await world.as('phManager').post(`${proposalsPath()}/${p.id}/withdraw`, undefined,
        { ifMatch: res.body.version }), 409, 'conflict');
      const told = await world.as('phManager').get(`${API}/me/notifications`);
      assert.ok(told.body.items.some((n) => n.record_id === p.id && n.kind === 'proposal_rejected'
        && n.body.includes('Our licence covers the US too')));
    });

    it('only the proposing party withdraws', async () => {
      const p = (await world.as('phManager').post(proposalsPath(), { description: uniq('Withdrawn idea') })).body;
      expectProblem(await world.as('nbManager').post(`${proposalsPath()}/${p.id}/withdraw`, undefined, { ifMatch: p.version }), 403, 'forbidden');
      expectProblem(await world.as('phMember').post(`${proposalsPath()}/${p.id}/withdraw`, undefined, { ifMatch: p.version }), 403, 'forbidden');
      const res = await world.as('phManager').post(`${proposalsPath()}/${p.id}/withdraw`, undefined, { ifMatch: p.version });
      expectStatus(res, 200);
      assert.equal(res.body.status, 'withdrawn');
      expectProblem(await world.as('nbManager').post(`${proposalsPath()}/${p.id}/decision`, { decision: 'accept' },
        { ifMatch: res.body.version }), 409, 'conflict');
    });

    it('an applied change supersedes the open proposals it made outdated, and only those', async () => {
      const a = await get();
      const first = (await world.as('phManager').post(proposalsPath(), { description: uniq('First wording') })).body;
      const second = (await world.as('nbManager').post(proposalsPath(), { description: uniq('Second wording') })).body;
      const unrelated = (await world.as('nbManager').post(proposalsPath(), { territory: uniq('Unrelated territory') })).body;
      const ok = await world.as('nbManager').post(`${proposalsPath()}/${first.id}/decision`, { decision: 'accept' }, { ifMatch: first.version });
      expectStatus(ok, 200);
      assert.equal(ok.body.status, 'applied');
      const gone = await world.as('phManager').get(`${proposalsPath()}/${second.id}`);
      assert.equal(gone.body.status, 'superseded');
      assert.equal(gone.body.can_decide, false);
      expectProblem(await world.as('phManager').post(`${proposalsPath()}/${second.id}/decision`, { decision: 'accept' },
        { ifMatch: gone.body.version }), 409, 'conflict');
      assert.equal((await world.as('phManager').get(`${proposalsPath()}/${unrelated.id}`)).body.status, 'open');
      assert.equal((await get()).description, first.changes[0].after);
      assert.notEqual((await get()).description, a.description);
      const closed = await listAll(world.as('nbMember'), `${proposalsPath()}?status=closed`);
      assert.ok(closed.some((p) => p.id === second.id) && !closed.some((p) => p.id === unrelated.id));
    });

    it('a third party is added by consent; a party that has joined is never removed', async () => {
      const { helix, nimbus, outsider } = world.orgIds;
      const a = await get();
      const parties = [...a.parties.map((p) => ({ organization_id: p.organization_id, role: p.role })),
        { organization_id: outsider, role: 'observer' }];
      // Not a party yet: Helix cannot invite Outsider's people.
      const early = await world.as('phManager').post(`${API}/invitations`, { email: 'x@outsider.example', name: 'X',
        organization_id: outsider, alliance_id: id, alliance_role: 'viewer' });
      expectValidation(early, 'organization_id');
      const p = (await world.as('phManager').post(proposalsPath(), { parties })).body;
      assert.deepEqual(p.changes[0].after.map((x) => x.organization_name), ['Helix Pharma', 'Nimbus Health', 'Outsider Bio']);
      const ok = await world.as('nbManager').post(`${proposalsPath()}/${p.id}/decision`, { decision: 'accept' }, { ifMatch: p.version });
      expectStatus(ok, 200);
      assert.deepEqual((await get()).parties.map((x) => x.organization_id), [helix, nimbus, outsider]);
      // Removing the party that has people is refused outright, as a proposal or a patch.
      const withoutNimbus = [{ organization_id: helix, role: 'licensee' }, { organization_id: outsider, role: 'observer' }];
      const refused = await world.as('phManager').post(proposalsPath(), { parties: withoutNimbus });
      expectProblem(refused, 409, 'conflict');
      assert.match(refused.body.detail, /Nimbus Health has people in this alliance/);
      // Outsider has nobody yet: removing it again needs Nimbus only.
      const back = (await world.as('phManager').post(proposalsPath(), { parties: a.parties.map((x) => ({ organization_id: x.organization_id, role: x.role })) })).body;
      assert.deepEqual(back.decisions.map((d) => d.organization_name), ['Nimbus Health']);
      expectStatus(await world.as('nbManager').post(`${proposalsPath()}/${back.id}/decision`, { decision: 'accept' }, { ifMatch: back.version }), 200);
      assert.deepEqual((await get()).parties.map((x) => x.organization_id), [helix, nimbus]);
    });

    it('with three parties that have joined, the change waits for both others', async () => {
      const trio = await world.createAlliance('phManager', { parties: [
        { organization_id: world.orgIds.helix, role: 'lead' }, { organization_id: world.orgIds.nimbus, role: 'member' },
        { organization_id: world.orgIds.outsider, role: 'observer' }] });
      await world.inviteExisting('phManager', trio.id, 'nbManager', 'manager');
      await world.inviteExisting('phManager', trio.id, 'outsider', 'manager');
      const p = (await world.as('phManager').post(proposalsPath(trio.id), { name: uniq('Trio renamed') })).body;
      assert.deepEqual(p.decisions.map((d) => d.organization_name).sort(), ['Nimbus Health', 'Outsider Bio']);
      const one = await world.as('nbManager').post(`${proposalsPath(trio.id)}/${p.id}/decision`, { decision: 'accept' }, { ifMatch: p.version });
      expectStatus(one, 200);
      assert.equal(one.body.status, 'open');
      assert.equal((await get('phManager', trio.id)).name, trio.name, 'one acceptance is not enough');
      const inbox = await world.as('phManager').get(`${API}/me/notifications`);
      assert.ok(inbox.body.items.some((n) => n.record_id === p.id && n.kind === 'proposal_accepted' && /still waits for Outsider Bio/.test(n.body)));
      expectProblem(await world.as('nbManager').post(`${proposalsPath(trio.id)}/${p.id}/decision`, { decision: 'accept' },
        { ifMatch: one.body.version }), 409, 'conflict');
      const two = await world.as('outsider').post(`${proposalsPath(trio.id)}/${p.id}/decision`, { decision: 'accept' }, { ifMatch: one.body.version });
      expectStatus(two, 200);
      assert.equal(two.body.status, 'applied');
      assert.equal((await get('outsider', trio.id)).name, p.changes[0].after);
    });
  });

  describe('bad input and other parties\' callers', () => {
    it('a proposal that changes nothing, or carries what is not a shared field, is 422 and stores nothing', async () => {
      const a = await get();
      const rows = server.count('alliance_proposals');
      expectValidation(await world.as('phManager').post(proposalsPath(), {}), 'changes');
      expectValidation(await world.as('phManager').post(proposalsPath(), { name: a.name, reason: 'Same' }), 'changes');
      expectValidation(await world.as('phManager').post(proposalsPath(), { stage: 'execution' }), 'stage');
      expectValidation(await world.as('phManager').post(proposalsPath(), { north_star: { contributions: [] } }), 'north_star.contributions');
      expectValidation(await world.as('phManager').post(proposalsPath(), { type: 'merger' }), 'type');
      expectValidation(await world.as('phManager').post(proposalsPath(), { name: 'x', reason: 'y'.repeat(2001) }), 'reason');
      expectValidation(await world.as('phManager').post(proposalsPath(), { parties: [{ organization_id: world.orgIds.nimbus, role: 'lead' }, { organization_id: world.orgIds.outsider, role: 'member' }] }), 'parties');
      assert.equal(server.count('alliance_proposals'), rows);
    });

    it('outsiders and other alliances\' proposals are not found', async () => {
      const p = (await world.as('phManager').post(proposalsPath(), { description: uniq('Hidden from outsiders') })).body;
      expectProblem(await world.as('outsider').get(proposalsPath()), 404, 'not-found');
      expectProblem(await world.as('outsider').get(`${proposalsPath()}/${p.id}`), 404, 'not-found');
      expectProblem(await world.as('outsider').post(`${proposalsPath()}/${p.id}/decision`, { decision: 'accept' }, { ifMatch: p.version }), 404, 'not-found');
      expectProblem(await world.as('phBystander').post(proposalsPath(), { name: 'Bystander' }), 404, 'not-found');
      const other = await world.createAlliance('phManager');
      expectProblem(await world.as('phManager').get(`${proposalsPath(other.id)}/${p.id}`), 404, 'not-found');
      expectProblem(await world.as('phManager').get(`${proposalsPath()}/not-an-id`), 400, 'malformed');
      expectProblem(await world.as('phManager').get(`${proposalsPath()}?status=pending`), 400, 'malformed');
    });

    it('concurrent decisions of one party: exactly one counts', async () => {
      const p = (await world.as('phManager').post(proposalsPath(), { description: uniq('Raced') })).body;
      const results = await Promise.all([1, 2, 3, 4].map(() => world.as('nbManager').post(`${proposalsPath()}/${p.id}/decision`,
        { decision: 'reject', reason: 'No' }, { ifMatch: p.version })));
      assert.equal(results.filter((r) => r.status === 200).length, 1);
      assert.ok(results.every((r) => [200, 409, 412].includes(r.status)), results.map((r) => r.status).join());
      assert.equal(server.count('alliance_proposal_decisions', `proposal_id = '${p.id}'`), 1);
    });
  });
});
