// Agreements (issue 6): the rules a review added — a waiver is undone only by the party owed, an
// agreement is not narrowed past the records that show its title, its internal notes go with it,
// sub-agreements nest at most eight deep, and only a signed-in document upload gets the upload
// limit (anonymous bodies keep the small one).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { expectProblem, expectStatus, expectValidation } from '../support/client.mjs';
import { day } from '../support/plan.mjs';
import { getOk } from '../support/governance.mjs';
import {
  agr, auditOf, createAgreement, createObligation, makePdf, occurrenceOf, recordOccurrence, recordOk, socketRequest,
} from '../support/agreements.mjs';

describe('agreements: rules', () => {
  let world;
  let id;
  let a;

  before(async () => {
    world = await buildWorld();
    id = world.alliance.id;
    a = agr(id);
  });
  after(async () => { await world?.stop(); });

  it('a waiver granted by the party owed is not replaced or cleared by the owing party; a fulfilment may still be disputed', async () => {
    const ag = await createAgreement(world, 'phManager', id, { title: 'Waiver rules agreement' });
    // Owed by Helix (ph) to Nimbus (nb).
    const o = await createObligation(world, 'phManager', id, ag, { title: 'Waiver rules report', due_on: day(-5) });
    await recordOk(world, 'nbManager', id, o, day(-5), { status: 'waived', reason: 'Not needed this quarter' });
    for (const body of [{ status: 'in_dispute', reason: 'We never agreed' }, { status: 'open' }]) {
      const res = await recordOccurrence(world, 'phMember', id, o, day(-5), body);
      expectProblem(res, 403, 'forbidden');
      const now = await occurrenceOf(world, 'phManager', id, o, day(-5));
      assert.equal(now.status, 'waived', JSON.stringify(body));
      assert.equal(now.reason, 'Not needed this quarter');
    }
    // The party owed may reopen its own waiver.
    const reopened = await recordOk(world, 'nbManager', id, o, day(-5), { status: 'open' });
    assert.equal(reopened.status, 'overdue');
    // A fulfilment recorded by the owing party may be disputed by the party owed.
    await recordOk(world, 'phMember', id, o, day(-5), { status: 'fulfilled', evidence: 'Sent', fulfilled_on: day(-4) });
    const disputed = await recordOk(world, 'nbManager', id, o, day(-5), { status: 'in_dispute', reason: 'Incomplete' });
    assert.equal(disputed.status, 'in_dispute');
  });

  it('an agreement is not narrowed past the records that show its title: 409, nothing changed', async () => {
    const ag = await createAgreement(world, 'phManager', id, { title: 'Narrowing agreement' });
    await createObligation(world, 'nbManager', id, ag, { title: 'Shared report on it', owed_by: world.orgIds.nimbus, owed_to: world.orgIds.helix });
    const before = await getOk(world, 'phManager', a.agreement(ag));
    const res = await world.as('phManager').patch(a.agreement(ag), { visibility: 'party' }, { ifMatch: before.version });
    expectProblem(res, 409, 'conflict');
    const after = await getOk(world, 'phManager', a.agreement(ag));
    assert.equal(after.visibility, 'alliance');
    assert.equal(after.version, before.version);
    // Without such records it narrows.
    const lone = await createAgreement(world, 'phManager', id, { title: 'Lone agreement' });
    const ok = await world.as('phManager').patch(a.agreement(lone), { visibility: 'party' }, { ifMatch: lone.version });
    expectStatus(ok, 200);
    assert.equal(ok.body.visibility, 'party');
  });

  it('a note is not widened past its agreement: 422', async () => {
    const ag = await createAgreement(world, 'phManager', id, { title: 'Private agreement for notes', visibility: 'party' });
    const note = await world.as('phManager').post(a.notes(ag), { body: 'Internal view' });
    expectStatus(note, 201);
    const res = await world.as('phManager').patch(a.note(ag, note.body), { visibility: 'alliance' }, { ifMatch: note.body.version });
    expectValidation(res, 'agreement_id');
  });

  it('deleting an agreement takes every party\'s internal notes with it (audited), without revealing them', async () => {
    const ag = await createAgreement(world, 'phManager', id, { title: 'Agreement with notes of both parties' });
    const mine = await world.as('phManager').post(a.notes(ag), { body: 'Helix view' });
    const theirs = await world.as('nbManager').post(a.notes(ag), { body: 'Nimbus view' });
    expectStatus(mine, 201);
    expectStatus(theirs, 201);
    expectStatus(await world.as('phManager').del(a.agreement(ag)), 204);
    expectProblem(await world.as('phManager').get(a.agreement(ag)), 404, 'not-found');
    expectProblem(await world.as('nbManager').get(a.notes(ag)), 404, 'not-found');
    const nimbusAudit = await auditOf(world, 'nbManager', id, theirs.body.id);
    assert.ok(nimbusAudit.some((e) => e.action === 'delete'), JSON.stringify(nimbusAudit));
  });

  it('sub-agreements nest at most eight levels under a master: the ninth → 422 on parent_id', async () => {
    let parent = await createAgreement(world, 'phManager', id, { title: 'Level 0 master' });
    for (let level = 1; level <= 8; level += 1) {
      parent = await createAgreement(world, 'phManager', id, { title: `Level ${level}`, relation: 'sub_agreement', parent_id: parent.id, kind: 'statement_of_work' });
    }
    const res = await world.as('phManager').post(a.agreements, {
      title: 'Level 9', kind: 'statement_of_work', relation: 'sub_agreement', parent_id: parent.id,
      party_ids: [world.orgIds.helix, world.orgIds.nimbus],
    });
    expectValidation(res, 'parent_id');
  });

  it('an anonymous body to a documents path keeps the small body limit: 413 above 1 MiB', async () => {
    const ag = await createAgreement(world, 'phManager', id, { title: 'Anonymous upload target' });
    const big = Buffer.concat([makePdf('Big'), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    const res = await socketRequest(world.baseUrl, 'POST', a.upload(ag, 'big.pdf'), {
      headers: { 'content-type': 'application/pdf', 'content-length': big.length }, body: big, expectContinue: true,
    });
    assert.equal(res.status, 413, res.text);
    assert.match(res.text, /1048576 bytes/);
  });
});
