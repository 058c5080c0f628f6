// Health assessments: question banks (the shipped one, a manager's copy and its edits, the freeze
// when a wave uses a bank), waves (who may run one, what makes one invalid, private waves), answering
// (the sheet, drafts, one submission, the lock it puts on the wave), what an open wave shows (counts
// per party, never who), closing, the results (party scores, the perception gap, the anonymity
// threshold and its complement, comments, distributions) and the Surveys inbox.
// The contract is server/modules/health/ (model.hpp, service.hpp, routes.cpp).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { expectProblem, expectStatus, expectValidation, listAll } from '../support/client.mjs';
import { INSTANT, NO_SUCH_ID, stale, today, day } from '../support/plan.mjs';
import { enlist, getOk, expectKeys, notifications, runJobs } from '../support/governance.mjs';
import {
  DEFAULT_BANK, BANKS, SURVEYS, bankPath, hw, BANK_FIELDS, WAVE_FIELDS, RESPONDENT_FIELDS, COUNT_FIELDS, SHEET_FIELDS,
  SURVEY_FIELDS, sheet, pooled, expectSlice, expectHidden, shippedBank, respondents, waveBody, createWave,
  submit, closeWave, results, sliceOf,
} from '../support/health.mjs';

const FIXED = 'is fixed once the first answer has arrived';

describe('health assessments: banks, waves, answers and results', () => {
  let world;
  let server;
  let A;            // the standard alliance's id
  let r;            // its health routes
  let helix;
  let nimbus;
  let SHIPPED;      // the bank shipped with Northstar
  let COPY;         // Helix's copy of it, edited to three dimensions (version 1 of its key); later
                    // tests read its name and dimensions from here, so they hold whatever the edit did
  let W1;           // the main wave: Helix 4 asked (3 answer), Nimbus 3 asked (3 answer)

  before(async () => {
    world = await buildWorld({ spares: { nimbus: 3 } });
    server = world.server;
    A = world.alliance.id;
    r = hw(A);
    ({ helix, nimbus } = world.orgIds);
    for (const spare of world.spares.nimbus) await enlist(world, A, spare, 'member');
  });
  after(async () => { await world?.stop(); });

  const healthCounts = () => Object.fromEntries(['question_banks', 'health_waves', 'health_respondents', 'health_drafts',
    'health_tallies', 'health_comments', 'audit_events'].map((t) => [t, server.count(t)]));
  const getBank = (key, id) => getOk(world, key, bankPath(id));
  const getWave = (key, w) => getOk(world, key, r.wave(w));
  const keysOf = (dimensions) => dimensions.map((d) => [d.key, d.items.map((i) => i.key)]);

  // ------------------------------------------------------------------ question banks

  describe('question banks', () => {
    it('the shipped bank is listed to every organisation: shipped, frozen, the dimensions of db/health/default-bank.json', async () => {
      SHIPPED = await shippedBank(world, 'phManager');
      expectKeys(SHIPPED, BANK_FIELDS, 'shipped bank');
      assert.equal(SHIPPED.organization_id, null);
      assert.equal(SHIPPED.key, DEFAULT_BANK.key);
      assert.equal(SHIPPED.bank_version, DEFAULT_BANK.version);
      assert.equal(SHIPPED.name, DEFAULT_BANK.name);
      assert.equal(SHIPPED.about, DEFAULT_BANK.about);
      assert.equal(SHIPPED.frozen, true);
      assert.equal(SHIPPED.based_on_id, null);
      assert.deepEqual(keysOf(SHIPPED.dimensions), keysOf(DEFAULT_BANK.dimensions));
      const review = SHIPPED.dimensions[0].items.find((i) => i.key === 'north_star.review');
      assert.equal(review.scale, 'level');
      assert.deepEqual(review.levels, DEFAULT_BANK.dimensions[0].items.find((i) => i.key === 'north_star.review').levels);
      for (const key of ['nbMember', 'outsider', 'phViewer']) {
        assert.deepEqual(await shippedBank(world, key), SHIPPED, `the shipped bank as ${key} sees it`);
      }
      assert.deepEqual(await getBank('outsider', SHIPPED.id), SHIPPED);
    });

    it('someone who is neither an organisation admin nor a manager of an alliance cannot copy a bank (403)', async () => {
      const before = healthCounts();
      expectProblem(await world.as('phMember').post(BANKS, { copy_of: SHIPPED.id }), 403, 'forbidden');
      expectProblem(await world.as('phExec').post(BANKS, { copy_of: SHIPPED.id }), 403, 'forbidden');
      assert.deepEqual(healthCounts(), before);
    });

    it('a manager copies the shipped bank → 201: a bank of their organisation, not frozen, based on the shipped one', async () => {
      const res = await world.as('phManager').post(BANKS, { copy_of: SHIPPED.id });
      expectStatus(res, 201);
      COPY = res.body;
      expectKeys(COPY, BANK_FIELDS, 'copy');
      assert.notEqual(COPY.id, SHIPPED.id);
      assert.equal(COPY.organization_id, helix);
      assert.equal(COPY.shipped, false);
      assert.equal(COPY.frozen, false);
      assert.equal(COPY.based_on_id, SHIPPED.id);
      assert.equal(COPY.bank_version, 1);
      assert.equal(COPY.name, `Copy of ${SHIPPED.name}`);
      assert.equal(COPY.about, SHIPPED.about);
      assert.deepEqual(COPY.dimensions, SHIPPED.dimensions);
      assert.match(COPY.created_at, INSTANT);
      assert.equal(res.headers.get('etag'), `"${COPY.version}"`);
      assert.deepEqual(await getBank('phManager', COPY.id), COPY);
      const list = await getOk(world, 'phManager', BANKS);
      assert.ok(list.items.some((b) => b.id === COPY.id), 'the copy is in its organisation\'s list');
      expectValidation(await world.as('phManager').post(BANKS, { copy_of: NO_SUCH_ID }), 'copy_of');
      expectValidation(await world.as('phManager').post(BANKS, {}), 'copy_of');
    });

    it('the manager edits the copy with If-Match → 200, the next version; 428 without If-Match, 412 when stale', async () => {
      const dims = structuredClone(SHIPPED.dimensions.slice(0, 3));
      dims[0].name = 'Our North Star';
      dims[0].items[0].text = 'People of both parties describe the goal of the alliance in the same words.';
      const body = { name: 'Pulse check', about: 'Three dimensions, every quarter.', dimensions: dims };
      expectProblem(await world.as('phManager').patch(bankPath(COPY.id), body), 428, 'precondition-required');
      expectProblem(await world.as('phManager').patch(bankPath(COPY.id), body, { ifMatch: stale(COPY.version) }), 412, 'stale');
      const res = await world.as('phManager').patch(bankPath(COPY.id), body, { ifMatch: COPY.version });
      expectStatus(res, 200);
      assert.equal(res.body.id, COPY.id);
      assert.equal(res.body.version, COPY.version + 1);
      assert.equal(res.body.bank_version, 1);
      assert.equal(res.body.name, 'Pulse check');
      assert.equal(res.body.about, 'Three dimensions, every quarter.');
      assert.deepEqual(res.body.dimensions, dims);
      assert.equal(res.body.frozen, false);
      COPY = res.body;
      assert.deepEqual(await getBank('phManager', COPY.id), COPY);
      assert.deepEqual(await getBank('phMember', COPY.id), COPY, 'a colleague reads the copy too');
    });

    const bad = (change) => () => {
      const dims = structuredClone(COPY.dimensions);
      change(dims);
      return dims;
    };
    const BAD_DIMENSIONS = [
      ['an unknown scale', bad((d) => { d[0].items[1].scale = 'stars'; }), 'dimensions[0].items[1].scale'],
      ['a level item without its level 50', bad((d) => { delete d[0].items[4].levels['50']; }), 'dimensions[0].items[4].levels'],
      ['an item key that does not begin with its dimension\'s key', bad((d) => { d[1].items[2].key = 'north_star.trust_me'; }), 'dimensions[1].items[2].key'],
      ['an item text of 301 characters', bad((d) => { d[2].items[0].text = 'x'.repeat(301); }), 'dimensions[2].items[0].text'],
      ['two dimensions with one key', bad((d) => { d[2].key = 'trust'; d[2].items.forEach((i) => { i.key = i.key.replace('communication.', 'trust.x_'); }); }), 'dimensions[2].key'],
      ['a dimension without items', bad((d) => { d[1].items = []; }), 'dimensions[1].items'],
      ['no dimension at all', () => [], 'dimensions'],
    ];
    for (const [what, dims, field] of BAD_DIMENSIONS) {
      it(`a bank with ${what} → 422 naming ${field}; nothing changed`, async () => {
        const before = { counts: healthCounts(), bank: await getBank('phManager', COPY.id) };
        expectValidation(await world.as('phManager').patch(bankPath(COPY.id), { name: 'Broken', dimensions: dims() },
          { ifMatch: COPY.version }), field);
        assert.deepEqual({ counts: healthCounts(), bank: await getBank('phManager', COPY.id) }, before);
      });
    }

    it('the shipped bank is never edited, not even by an organisation admin (403); nothing changed', async () => {
      const before = healthCounts();
      for (const key of ['phManager', 'outsider']) {
        expectProblem(await world.as(key).patch(bankPath(SHIPPED.id), { name: 'Our health check' }, { ifMatch: SHIPPED.version }),
          403, 'forbidden');
      }
      assert.deepEqual(await getBank('phManager', SHIPPED.id), SHIPPED);
      assert.deepEqual(healthCounts(), before);
    });

    it('another organisation never sees the copy: not listed, GET and PATCH → 404, and it cannot copy it', async () => {
      for (const key of ['nbManager', 'nbMember', 'outsider']) {
        const list = await world.as(key).get(BANKS);
        expectStatus(list, 200);
        assert.ok(!list.text.includes(COPY.id) && !list.text.includes('Pulse check'), `${key}'s list shows Helix's copy`);
        expectProblem(await world.as(key).get(bankPath(COPY.id)), 404, 'not-found');
      }
      const before = healthCounts();
      expectProblem(await world.as('nbManager').patch(bankPath(COPY.id), { name: 'Mine now' }, { ifMatch: COPY.version }), 404, 'not-found');
      expectValidation(await world.as('nbManager').post(BANKS, { copy_of: COPY.id }), 'copy_of');
      assert.deepEqual(healthCounts(), before);
      assert.deepEqual(await getBank('phManager', COPY.id), COPY);
    });
  });

  // ------------------------------------------------------------------ creating waves

  // W1's respondents: Helix phManager (never answers), phMember, phViewer, phExec; Nimbus
  // nbManager, nbMember, nimbusSpare1.
  const W1_WHO = [['phManager', 'alliance_manager'], ['phMember', 'team_member'], ['phViewer', 'team_member'],
    ['phExec', 'executive_sponsor'], ['nbManager', 'alliance_manager'], ['nbMember', 'team_member'], ['nimbusSpare1', 'finance']];

  describe('creating waves', () => {
    it('a manager of the pharma creates an alliance-wide wave with respondents of both parties and thresholds → 201', async () => {
      const body = waveBody(world, COPY.id, W1_WHO, { title: 'Q2 pulse check', score_threshold: 3, comment_threshold: 3 });
      const res = await world.as('phManager').post(r.waves, body);
      expectStatus(res, 201);
      W1 = res.body;
      expectKeys(W1, WAVE_FIELDS, 'wave');
      assert.equal(res.headers.get('etag'), `"${W1.version}"`);
      assert.equal(W1.alliance_id, A);
      assert.equal(W1.title, 'Q2 pulse check');
      assert.equal(W1.bank_id, COPY.id);
      assert.equal(W1.bank_name, COPY.name);
      assert.equal(W1.opens_on, today());
      assert.equal(W1.closes_on, day(14));
      assert.equal(W1.closed_on, null);
      assert.equal(W1.score_threshold, 3);
      assert.equal(W1.comment_threshold, 3);
      assert.equal(W1.gap_threshold, null);
      assert.equal(W1.locked, false);
      assert.equal(W1.status, 'open');
      assert.equal(W1.visibility, 'alliance');
      assert.equal(W1.party_id, helix);
      assert.equal(W1.author_id, world.person('phManager').id);
      assert.equal(W1.my_role, 'alliance_manager');
      assert.equal(W1.i_submitted, false);
      const expected = W1_WHO.map(([key, role]) => {
        const p = world.person(key);
        return { user_id: p.id, name: p.name, organization_id: p.orgId, role };
      });
      const byUser = (a, b) => a.user_id.localeCompare(b.user_id);
      for (const x of W1.respondents) expectKeys(x, RESPONDENT_FIELDS, 'respondent');
      assert.deepEqual([...W1.respondents].sort(byUser), expected.sort(byUser));
      for (const c of W1.response_counts) expectKeys(c, COUNT_FIELDS, 'response count');
      assert.deepEqual([...W1.response_counts].sort((a, b) => a.party_name.localeCompare(b.party_name)),
        [{ party_id: helix, party_name: 'Helix Pharma', invited: 4, submitted: 0 },
          { party_id: nimbus, party_name: 'Nimbus Health', invited: 3, submitted: 0 }]);
      const seen = await getWave('nbMember', W1);
      assert.equal(seen.my_role, 'team_member');
      assert.deepEqual({ ...seen, my_role: null }, { ...W1, my_role: null }, 'the partner sees the same wave, with its own role');
      const list = await listAll(world.as('nbManager'), r.waves);
      assert.ok(list.some((w) => w.id === W1.id));
      const open = await listAll(world.as('nbManager'), `${r.waves}?status=open`);
      assert.ok(open.some((w) => w.id === W1.id), 'listed under ?status=open');
      const closed = await listAll(world.as('nbManager'), `${r.waves}?status=closed`);
      assert.ok(!closed.some((w) => w.id === W1.id), 'not listed under ?status=closed');
    });

    const ok = [['phMember', 'team_member'], ['nbMember', 'team_member']];
    const INVALID = [
      ['a respondent not in the alliance (a Helix colleague)', () => ({ respondents: respondents(world, [...ok, ['phBystander', 'team_member']]) }), 'respondents[2].user_id'],
      ['a respondent of a third organisation', () => ({ respondents: respondents(world, [['outsider', 'team_member'], ...ok]) }), 'respondents[0].user_id'],
      ['the same person twice', () => ({ respondents: respondents(world, [...ok, ['phMember', 'finance']]) }), 'respondents[2].user_id'],
      ['only its own party in an alliance-wide wave', () => ({ respondents: respondents(world, [['phMember', 'team_member'], ['phExec', 'executive_sponsor'], ['phViewer', 'other']]) }), 'respondents'],
      ['no respondent', () => ({ respondents: [] }), 'respondents'],
      ['a respondent role that does not exist', () => ({ respondents: [...respondents(world, ok), { user_id: world.person('phExec').id, role: 'ceo' }] }), 'respondents[2].role'],
      ['closes_on before opens_on', () => ({ opens_on: day(5), closes_on: day(4) }), 'closes_on'],
      ['score_threshold 2', () => ({ score_threshold: 2 }), 'score_threshold'],
      ['comment_threshold 2', () => ({ comment_threshold: 2 }), 'comment_threshold'],
      ['gap_threshold 0', () => ({ gap_threshold: 0 }), 'gap_threshold'],
      ['an unknown bank', () => ({ bank_id: NO_SUCH_ID }), 'bank_id'],
      ['a restricted visibility', () => ({ visibility: 'restricted', readers: [world.person('nbMember').id] }), 'visibility'],
      ['no title', () => ({ title: undefined }), 'title'],
    ];
    for (const [what, change, field] of INVALID) {
      it(`${what} → 422 on ${field}; nothing created`, async () => {
        const before = { counts: healthCounts(), list: (await listAll(world.as('phManager'), r.waves)).length };
        const body = { ...waveBody(world, COPY.id, ok, { title: 'Invalid wave' }), ...change() };
        expectValidation(await world.as('phManager').post(r.waves, body), field);
        assert.deepEqual({ counts: healthCounts(), list: (await listAll(world.as('phManager'), r.waves)).length }, before);
      });
    }

    it('a wave on another organisation\'s bank → 422 on bank_id', async () => {
      const nbCopy = await world.as('nbManager').post(BANKS, { copy_of: SHIPPED.id, name: 'Nimbus pulse' });
      expectStatus(nbCopy, 201);
      const before = healthCounts();
      expectValidation(await world.as('phManager').post(r.waves, waveBody(world, nbCopy.body.id, ok)), 'bank_id');
      assert.deepEqual(healthCounts(), before);
    });

    it('only a manager runs a wave: a member or a viewer → 403, someone outside the alliance → 404; nothing created', async () => {
      const before = healthCounts();
      for (const key of ['phMember', 'phViewer', 'nbMember']) {
        expectProblem(await world.as(key).post(r.waves, waveBody(world, SHIPPED.id, ok)), 403, 'forbidden');
      }
      expectProblem(await world.as('outsider').post(r.waves, waveBody(world, SHIPPED.id, ok)), 404, 'not-found');
      expectProblem(await world.as('phBystander').get(r.waves), 404, 'not-found');
      assert.deepEqual(healthCounts(), before);
    });

    it('a private wave (visibility "party") asks only the caller\'s party, and the partner never sees it', async () => {
      const before = healthCounts();
      expectValidation(await world.as('phManager').post(r.waves, waveBody(world, SHIPPED.id,
        [['phMember', 'team_member'], ['nbMember', 'team_member']], { visibility: 'party' })), 'respondents[1].user_id');
      assert.deepEqual(healthCounts(), before);

      const P = await createWave(world, 'phManager', A, waveBody(world, SHIPPED.id,
        [['phMember', 'team_member'], ['phViewer', 'team_member'], ['phExec', 'executive_sponsor']],
        { title: 'Helix internal temperature check', visibility: 'party' }));
      assert.equal(P.visibility, 'party');
      assert.deepEqual(P.response_counts.map((c) => [c.party_id, c.invited]), [[helix, 3]]);
      for (const key of ['nbManager', 'nbMember', 'nimbusSpare1']) {
        const list = await world.as(key).get(r.waves);
        expectStatus(list, 200);
        assert.ok(!list.text.includes(P.id) && !list.text.includes('temperature'), `${key}'s list shows the private wave`);
        for (const path of [r.wave(P), r.response(P), r.results(P)]) {
          expectProblem(await world.as(key).get(path), 404, 'not-found');
        }
        const surveys = await world.as(key).get(SURVEYS);
        assert.ok(!surveys.text.includes(P.id), `${key}'s surveys show the private wave`);
      }
      expectProblem(await world.as('nbManager').patch(r.wave(P), { title: 'x' }, { ifMatch: P.version }), 404, 'not-found');
      expectProblem(await world.as('nbManager').del(r.wave(P)), 404, 'not-found');
      expectProblem(await world.as('nbManager').post(r.close(P), {}, { ifMatch: P.version }), 404, 'not-found');
      assert.equal((await getWave('phViewer', P)).id, P.id, 'a Helix colleague sees it');
      const mine = await getOk(world, 'phMember', SURVEYS);
      assert.ok(mine.items.some((s) => s.wave_id === P.id), 'its respondents find it in their surveys');
    });

    it('until the first answer, the manager may change the respondents and thresholds, and delete the wave', async () => {
      const X = await createWave(world, 'phManager', A, waveBody(world, COPY.id, ok, { title: 'Draft wave' }));
      const res = await world.as('phManager').patch(r.wave(X), {
        score_threshold: 4, comment_threshold: 6, gap_threshold: 50,
        respondents: respondents(world, [...ok, ['nbManager', 'alliance_manager']]),
      }, { ifMatch: X.version });
      expectStatus(res, 200);
      assert.equal(res.body.score_threshold, 4);
      assert.equal(res.body.comment_threshold, 6);
      assert.equal(res.body.gap_threshold, 50);
      assert.equal(res.body.respondents.length, 3);
      assert.deepEqual(res.body.response_counts.map((c) => c.invited).sort(), [1, 2]);
      expectValidation(await world.as('phManager').patch(r.wave(X), { respondents: respondents(world, [['phMember', 'team_member']]) },
        { ifMatch: res.body.version }), 'respondents');
      const del = await world.as('phManager').del(r.wave(X));
      assert.equal(del.status, 204, del.text);
      expectProblem(await world.as('phManager').get(r.wave(X)), 404, 'not-found');
    });
  });

  // ------------------------------------------------------------------ the freeze

  describe('the bank a wave uses is frozen', () => {
    let V2;

    it('the copy is frozen now; a PATCH of it answers 201 with bank_version 2, and the copy itself is unchanged', async () => {
      const frozen = await getBank('phManager', COPY.id);
      assert.equal(frozen.frozen, true);
      const dims = structuredClone(COPY.dimensions.slice(0, 2));
      const res = await world.as('phManager').patch(bankPath(COPY.id), { name: 'Pulse check (short)', dimensions: dims },
        { ifMatch: frozen.version });
      expectStatus(res, 201);
      V2 = res.body;
      assert.notEqual(V2.id, COPY.id);
      assert.equal(V2.bank_version, 2);
      assert.equal(V2.key, COPY.key);
      assert.equal(V2.based_on_id, COPY.id);
      assert.equal(V2.organization_id, helix);
      assert.equal(V2.frozen, false);
      assert.equal(V2.name, 'Pulse check (short)');
      assert.deepEqual(V2.dimensions, dims);
      assert.deepEqual(await getBank('phManager', V2.id), V2);
      const still = await getBank('phManager', COPY.id);
      assert.deepEqual({ ...still, frozen: false, updated_at: null }, { ...COPY, updated_at: null },
        'the frozen version keeps its name and dimensions');
      const list = await getOk(world, 'phManager', BANKS);
      assert.ok(list.items.some((b) => b.id === V2.id), 'the new version is listed');
    });

    it('the wave still uses version 1: its bank, and the sheet its respondents answer', async () => {
      const w = await getWave('nbManager', W1);
      assert.equal(w.bank_id, COPY.id);
      assert.equal(w.bank_name, COPY.name);
      const s = await getOk(world, 'nbMember', r.response(W1));
      assert.deepEqual(s.dimensions, COPY.dimensions);
      assert.equal(s.bank.name, COPY.name);
    });
  });

  // ------------------------------------------------------------------ answering

  // The answers of W1, crafted so that the results are known exactly.
  const HELIX_ANSWERING = ['phMember', 'phViewer', 'phExec'];
  const NIMBUS_ANSWERING = ['nbManager', 'nbMember', 'nimbusSpare1'];
  const COMMENTS = {
    phMember: { 'trust.good_faith': 'Both sides now assume good faith before anything else.' },
    nbMember: { 'trust.confidential': 'Confidential data is handled with real care.' },
    nimbusSpare1: { 'trust.follow_through': 'Invoices are approved when they said they would be.' },
    phExec: { 'communication.changes_told': 'Changes in the trial plan reach us late.' },
    nbManager: { 'communication.shared_meaning': '"Done" means different things to each side.' },
  };
  function w1Answer(key, item) {
    const helixSide = HELIX_ANSWERING.includes(key);
    let value;
    if (item.dimension === 'north_star') {
      value = item.scale === 'agreement' ? (helixSide ? 5 : 2) : (helixSide ? 100 : 25);
    } else if (item.key === 'trust.good_faith') {
      value = helixSide ? 4 : 3;
    } else if (item.key === 'trust.bad_news_early') {
      value = helixSide ? (key === 'phExec' ? 3 : 4) : 3;
    } else if (item.key === 'communication.right_people') {
      value = key === 'phViewer' ? null : 4;
    } else if (item.dimension === 'trust') {
      value = item.scale === 'agreement' ? 4 : 75;
    } else {
      value = item.scale === 'agreement' ? 3 : 50;
    }
    const comment = COMMENTS[key]?.[item.key];
    return comment ? { value, comment } : value;
  }
  const w1Sheet = (key) => sheet(COPY.dimensions, (item) => w1Answer(key, item));
  const SUBMITTED = {};   // person key → their answers

  describe('answering', () => {
    it('GET …/response gives a respondent the dimensions of the bank and an empty draft', async () => {
      const res = await world.as('phMember').get(r.response(W1));
      expectStatus(res, 200);
      expectKeys(res.body, SHEET_FIELDS, 'sheet');
      assert.deepEqual(res.body.dimensions, COPY.dimensions);
      assert.deepEqual(res.body.answers, []);
      assert.equal(res.body.submitted, false);
      assert.equal(res.body.bank.name, COPY.name);
      assert.equal(res.body.bank.about, COPY.about);
      assert.equal(res.body.wave.id, W1.id);
      assert.equal(res.body.wave.my_role, 'team_member');
      assert.equal(res.body.wave.i_submitted, false);
    });

    it('PUT saves a partial draft, which GET returns; a bad draft → 422 and the draft stays as it was', async () => {
      const draft = [
        { item: 'north_star.same_words', value: 5, comment: '' },
        { item: 'north_star.review', value: 75, comment: 'Reviewed once, at kick-off.' },
        { item: 'trust.good_faith', value: null, comment: '' },
      ];
      const res = await world.as('phMember').put(r.response(W1), { answers: draft });
      expectStatus(res, 200);
      assert.deepEqual(res.body.answers, draft);
      assert.equal(res.body.submitted, false);
      assert.deepEqual((await getOk(world, 'phMember', r.response(W1))).answers, draft);

      const BAD = [
        [[{ item: 'north_star.nonsense', value: 3 }], 'answers'],
        [[{ item: 'north_star.same_words', value: 7 }], 'answers[0].value'],
        [[{ item: 'north_star.review', value: 60 }], 'answers[0].value'],
        [[{ item: 'north_star.same_words', value: 3 }, { item: 'north_star.same_words', value: 4 }], 'answers'],
        [[{ item: 'north_star.same_words' }], 'answers[0].value'],
        [[{ item: 'north_star.same_words', value: 3, comment: 'x'.repeat(2001) }], 'answers[0].comment'],
      ];
      for (const [answers, field] of BAD) {
        expectValidation(await world.as('phMember').put(r.response(W1), { answers }), field);
      }
      assert.deepEqual((await getOk(world, 'phMember', r.response(W1))).answers, draft, 'the draft is unchanged');
      assert.deepEqual((await getOk(world, 'phViewer', r.response(W1))).answers, [], 'a draft is its author\'s own');
    });

    it('a person not asked → 403 on the sheet, a draft and a submission; someone outside the alliance → 404', async () => {
      const before = healthCounts();
      const answers = w1Sheet('phMember');
      for (const key of ['phBystander', 'outsider']) {
        expectProblem(await world.as(key).get(r.response(W1)), 404, 'not-found');
      }
      // nimbusSpare2 is a member of the alliance, but not asked in this wave
      expectProblem(await world.as('nimbusSpare2').get(r.response(W1)), 403, 'forbidden');
      expectProblem(await world.as('nimbusSpare2').put(r.response(W1), { answers: answers.slice(0, 2) }), 403, 'forbidden');
      expectProblem(await world.as('nimbusSpare2').post(r.submit(W1), { answers }), 403, 'forbidden');
      expectProblem(await world.as('phBystander').post(r.submit(W1), { answers }), 404, 'not-found');
      assert.deepEqual(healthCounts(), before);
    });

    it('a submission with an item left out, or a value off the item\'s scale → 422; nothing recorded', async () => {
      const before = healthCounts();
      const full = w1Sheet('phMember');
      expectValidation(await world.as('phMember').post(r.submit(W1), { answers: full.slice(1) }), 'answers');
      const agreementOff = structuredClone(full);
      agreementOff[1].value = 50;   // north_star.strategic_fit is on 1..5
      expectValidation(await world.as('phMember').post(r.submit(W1), { answers: agreementOff }), 'answers[1].value');
      const levelOff = structuredClone(full);
      levelOff[4].value = 3;        // north_star.review is on 0/25/50/75/100
      expectValidation(await world.as('phMember').post(r.submit(W1), { answers: levelOff }), 'answers[4].value');
      expectValidation(await world.as('phMember').post(r.submit(W1), { answers: [...full, { item: 'value.measured', value: 50 }] }), 'answers');
      assert.deepEqual(healthCounts(), before);
      const w = await getWave('phManager', W1);
      assert.equal(w.locked, false);
      assert.deepEqual(w.response_counts.map((c) => c.submitted), [0, 0]);
      const s = await getOk(world, 'phMember', r.response(W1));
      assert.equal(s.submitted, false);
      assert.equal(s.answers.length, 3, 'the draft survives a refused submission');
    });

    it('a full submission (values on each scale, don\'t know, comments) works once; a second → 409; the draft is gone', async () => {
      const before = await getWave('phManager', W1);
      const answers = w1Sheet('phMember');
      assert.ok(answers.some((a) => a.comment) && answers.some((a) => a.item === 'north_star.review' && a.value === 100));
      const res = await world.as('phMember').post(r.submit(W1), { answers });
      expectStatus(res, 200);
      SUBMITTED.phMember = answers;
      assert.equal(res.body.submitted, true);
      assert.deepEqual(res.body.answers, []);
      assert.equal(res.body.wave.i_submitted, true);
      assert.equal(res.body.wave.locked, true);
      const again = await world.as('phMember').post(r.submit(W1), { answers });
      expectProblem(again, 409, 'conflict');
      expectProblem(await world.as('phMember').put(r.response(W1), { answers: answers.slice(0, 1) }), 409, 'conflict');
      const s = await getOk(world, 'phMember', r.response(W1));
      assert.equal(s.submitted, true);
      assert.deepEqual(s.answers, [], 'the draft is gone');
      assert.equal(server.count('health_drafts', `wave_id = '${W1.id}' AND user_id = '${world.person('phMember').id}'`), 0);
      const after = await getWave('phManager', W1);
      assert.deepEqual(after.respondents, before.respondents, 'the list of respondents does not change when one answers');
      assert.deepEqual(after.response_counts.find((c) => c.party_id === helix), { party_id: helix, party_name: 'Helix Pharma', invited: 4, submitted: 1 });
      assert.deepEqual(after.response_counts.find((c) => c.party_id === nimbus), { party_id: nimbus, party_name: 'Nimbus Health', invited: 3, submitted: 0 });
      assert.equal(after.i_submitted, false, 'the manager has not answered');
    });

    it('the wave is locked: changing respondents or thresholds → 422 "fixed once the first answer has arrived"; DELETE → 409', async () => {
      const w = await getWave('phManager', W1);
      assert.equal(w.locked, true);
      const before = healthCounts();
      const CHANGES = [
        [{ respondents: respondents(world, W1_WHO.filter(([k]) => k !== 'phManager')) }, 'respondents'],
        [{ score_threshold: 4 }, 'score_threshold'],
        [{ comment_threshold: 5 }, 'comment_threshold'],
        [{ bank_id: SHIPPED.id }, 'bank_id'],
      ];
      for (const [change, field] of CHANGES) {
        const b = expectValidation(await world.as('phManager').patch(r.wave(W1), change, { ifMatch: w.version }), field);
        const e = b.errors.find((x) => x.field === field);
        assert.ok(e.message.includes(FIXED), `${field}: "${e.message}" should say it ${FIXED}`);
      }
      expectProblem(await world.as('phManager').del(r.wave(W1)), 409, 'conflict');
      assert.deepEqual(healthCounts(), before);
      assert.deepEqual(await getWave('phManager', W1), w);
      const renamed = await world.as('phManager').patch(r.wave(W1), { title: 'Q2 pulse check (Helix–Nimbus)' }, { ifMatch: w.version });
      expectStatus(renamed, 200);
      assert.equal(renamed.body.title, 'Q2 pulse check (Helix–Nimbus)');
      assert.equal(renamed.body.score_threshold, 3);
      W1 = renamed.body;
    });

    it('while open: results → 409 for everyone', async () => {
      for (const key of ['phManager', 'phMember', 'nbManager', 'nbMember']) {
        expectProblem(await world.as(key).get(r.results(W1)), 409, 'conflict');
      }
    });

    it('an open wave shows counts per party and never who answered, whoever looks; each sees only their own i_submitted', async () => {
      const views = {};
      for (const key of ['phManager', 'phMember', 'phViewer', 'phExec', 'nbManager', 'nbMember', 'nimbusSpare1', 'nimbusSpare2']) {
        const one = await getWave(key, W1);
        const listed = (await listAll(world.as(key), r.waves)).find((w) => w.id === W1.id);
        assert.deepEqual(listed, one, `${key}: the list and GET show the same wave`);
        expectKeys(one, WAVE_FIELDS, `wave as ${key}`);
        for (const x of one.respondents) expectKeys(x, RESPONDENT_FIELDS, `respondent as ${key}`);
        assert.ok(!/submitted_(on|at)|answered/.test(JSON.stringify(one)), `${key}: nothing dates or names an answer`);
        assert.equal(one.i_submitted, key === 'phMember', `${key}: i_submitted`);
        views[key] = one;
      }
      // Apart from the caller's own part, every viewer sees exactly the same wave.
      const common = (w) => ({ ...w, my_role: null, i_submitted: null });
      for (const key of Object.keys(views)) assert.deepEqual(common(views[key]), common(views.phManager), key);
      assert.equal(views.nimbusSpare2.my_role, null);
      assert.equal(views.nimbusSpare1.my_role, 'finance');
    });

    it('the other five answer (values, don\'t know, comments); the counts follow, still without names', async () => {
      for (const key of [...HELIX_ANSWERING, ...NIMBUS_ANSWERING]) {
        if (SUBMITTED[key]) continue;
        SUBMITTED[key] = w1Sheet(key);
        await submit(world, key, A, W1, SUBMITTED[key]);
      }
      const w = await getWave('nbMember', W1);
      assert.deepEqual(w.response_counts.map((c) => [c.party_name, c.invited, c.submitted]).sort(),
        [['Helix Pharma', 4, 3], ['Nimbus Health', 3, 3]]);
      assert.equal(w.i_submitted, true);
    });
  });

  // ------------------------------------------------------------------ closing and results

  describe('closing and results', () => {
    let R;

    it('POST …/close: 428 without If-Match, 412 when stale, 403 for a member and for the partner\'s manager; its manager closes it → status closed', async () => {
      const w = await getWave('phManager', W1);
      expectProblem(await world.as('phManager').post(r.close(W1), {}), 428, 'precondition-required');
      expectProblem(await world.as('phManager').post(r.close(W1), {}, { ifMatch: stale(w.version) }), 412, 'stale');
      expectProblem(await world.as('phMember').post(r.close(W1), {}, { ifMatch: w.version }), 403, 'forbidden');
      expectProblem(await world.as('nbManager').post(r.close(W1), {}, { ifMatch: w.version }), 403, 'forbidden');
      assert.equal((await getWave('phManager', W1)).status, 'open');
      const closed = await closeWave(world, 'phManager', A, W1);
      assert.equal(closed.status, 'closed');
      assert.equal(closed.closed_on, today());
      assert.equal(closed.closes_on, day(14), 'the planned date is kept');
      expectProblem(await world.as('phManager').post(r.close(W1), {}, { ifMatch: closed.version }), 409, 'conflict');
      // Reopening by its dates would let results be read again after more answers.
      expectValidation(await world.as('phManager').patch(r.wave(W1), { closes_on: day(20) }, { ifMatch: closed.version }), 'closes_on');
      // phManager was asked and never answered: too late now.
      expectProblem(await world.as('phManager').post(r.submit(W1), { answers: w1Sheet('phExec') }), 409, 'conflict');
      expectProblem(await world.as('phManager').put(r.response(W1), { answers: [] }), 409, 'conflict');
      const closedList = await listAll(world.as('nbMember'), `${r.waves}?status=closed`);
      assert.ok(closedList.some((x) => x.id === W1.id));
    });

    it('every member of the alliance reads the same results', async () => {
      R = await results(world, 'phManager', A, W1);
      assert.equal(R.wave.id, W1.id);
      assert.equal(R.wave.status, 'closed');
      assert.deepEqual(R.dimensions.map((d) => d.key), COPY.dimensions.map((d) => d.key));
      for (const key of ['nbMember', 'phViewer', 'nimbusSpare2']) {
        const other = await results(world, key, A, W1);
        assert.deepEqual({ ...other, wave: null }, { ...R, wave: null }, `results as ${key}`);
      }
    });

    const all = () => Object.values(SUBMITTED);
    const helixSheets = () => HELIX_ANSWERING.map((k) => SUBMITTED[k]);
    const nimbusSheets = () => NIMBUS_ANSWERING.map((k) => SUBMITTED[k]);
    const dim = (key) => R.dimensions.find((d) => d.key === key);
    const item = (key) => R.dimensions.flatMap((d) => d.items).find((i) => i.key === key);
    const inDim = (key) => (i) => i.startsWith(`${key}.`);

    it('three answers per party: both parties shown; pharma all 5 and partner all 2 → a gap of 3, flagged', async () => {
      const i = item('north_star.same_words');
      assert.equal(i.scale, 'agreement');
      expectSlice(sliceOf(i.parties, helix), { score: 5, answers: 3, dont_know: 0 }, 'Helix on same_words');
      expectSlice(sliceOf(i.parties, nimbus), { score: 2, answers: 3, dont_know: 0 }, 'Nimbus on same_words');
      assert.equal(sliceOf(i.parties, helix).name, 'Helix Pharma');
      assert.equal(sliceOf(i.parties, nimbus).name, 'Nimbus Health');
      expectSlice(i.overall, { score: 3.5, answers: 6, dont_know: 0 }, 'overall on same_words');
      assert.equal(i.gap, 3);
      assert.equal(i.gap_flagged, true);
      assert.deepEqual(i.distribution, { 1: 0, 2: 3, 3: 0, 4: 0, 5: 3, dont_know: 0 });

      const level = item('north_star.review');
      assert.equal(level.scale, 'level');
      expectSlice(sliceOf(level.parties, helix), { score: 100, answers: 3, dont_know: 0 }, 'Helix on review');
      expectSlice(sliceOf(level.parties, nimbus), { score: 25, answers: 3, dont_know: 0 }, 'Nimbus on review');
      assert.equal(level.gap, 75);
      assert.equal(level.gap_flagged, true);
      assert.deepEqual(level.distribution, { 0: 0, 25: 3, 50: 0, 75: 0, 100: 3, dont_know: 0 });
    });

    it('dimension scores are on 0–100: North Star 100 for the pharma, 25 for the partner, a gap of 75', async () => {
      const d = dim('north_star');
      expectSlice(sliceOf(d.parties, helix), { score: 100, answers: 15, dont_know: 0 }, 'Helix North Star');
      expectSlice(sliceOf(d.parties, nimbus), { score: 25, answers: 15, dont_know: 0 }, 'Nimbus North Star');
      expectSlice(d.overall, { score: 62.5, answers: 30, dont_know: 0 }, 'North Star overall');
      assert.equal(d.gap, 75);
      assert.equal(d.gap_flagged, true);
      // Both parties are hidden on communication.right_people (below): their dimension and wave
      // scores leave that item out, or the hidden slice would be their score less the other items.
      const shownForParties = (i) => i !== 'communication.right_people';
      for (const key of ['trust', 'communication']) {
        const x = dim(key);
        expectSlice(x.overall, pooled(COPY.dimensions, all(), inDim(key)), `${key} overall`);
        const pick = (i) => inDim(key)(i) && shownForParties(i);
        expectSlice(sliceOf(x.parties, helix), pooled(COPY.dimensions, helixSheets(), pick), `Helix ${key}`);
        expectSlice(sliceOf(x.parties, nimbus), pooled(COPY.dimensions, nimbusSheets(), pick), `Nimbus ${key}`);
      }
      expectSlice(R.overall, pooled(COPY.dimensions, all()), 'the wave overall');
      expectSlice(sliceOf(R.parties, helix), pooled(COPY.dimensions, helixSheets(), shownForParties), 'Helix overall');
      expectSlice(sliceOf(R.parties, nimbus), pooled(COPY.dimensions, nimbusSheets(), shownForParties), 'Nimbus overall');
      assert.equal(R.overall.key, 'all');
    });

    it('a gap is flagged from one point on the agreement scale by default: 1 is flagged, 2/3 and 0 are not', async () => {
      const goodFaith = item('trust.good_faith');
      assert.equal(goodFaith.gap, 1);
      assert.equal(goodFaith.gap_flagged, true);
      const badNews = item('trust.bad_news_early');
      expectSlice(sliceOf(badNews.parties, helix), { score: 11 / 3, answers: 3, dont_know: 0 }, 'Helix bad_news_early');
      assert.ok(Math.abs(badNews.gap - 2 / 3) < 1e-9, `gap ${badNews.gap}`);
      assert.equal(badNews.gap_flagged, false);
      const confidential = item('trust.confidential');
      assert.equal(confidential.gap, 0);
      assert.equal(confidential.gap_flagged, false);
      assert.equal(dim('trust').gap_flagged, false, `trust gap ${dim('trust').gap} is under 25`);
    });

    it('an item where a party gave fewer values than the threshold (a don\'t know): that party and its complement hidden, the overall shown', async () => {
      const i = item('communication.right_people');
      expectHidden(sliceOf(i.parties, helix), 'Helix (2 values) on right_people');
      expectHidden(sliceOf(i.parties, nimbus), 'Nimbus on right_people (the complement)');
      assert.equal(i.gap, null);
      assert.equal(i.gap_flagged, false);
      expectSlice(i.overall, { score: 4, answers: 5, dont_know: 1 }, 'overall on right_people');
      assert.deepEqual(i.distribution, { 1: 0, 2: 0, 3: 0, 4: 5, 5: 0, dont_know: 1 });
    });

    it('roles: hidden while a party × role group is under the threshold, even a role of 3 (2 + 1 across the parties)', async () => {
      // Team members are Helix's two and Nimbus's one: the team members' slice less a party's
      // could come down to one person, so no role is shown.
      const d = dim('north_star');
      for (const role of ['team_member', 'alliance_manager', 'executive_sponsor', 'finance']) {
        const slice = d.roles.find((r) => r.key === role);
        if (slice) expectHidden(slice, role);
      }
    });

    it('comments appear only in a dimension with at least comment_threshold (3) of them', async () => {
      assert.deepEqual([...dim('trust').comments].sort(), [
        COMMENTS.phMember['trust.good_faith'], COMMENTS.nbMember['trust.confidential'], COMMENTS.nimbusSpare1['trust.follow_through'],
      ].sort());
      assert.equal(dim('communication').comments, null, 'two comments stay hidden');
      assert.equal(dim('north_star').comments, null);
      assert.ok(!JSON.stringify(R).includes('reach us late'), 'a hidden comment appears nowhere');
    });

    it('a party with fewer answers than the threshold: its slice is hidden and so is the other party\'s; the overall is shown', async () => {
      // Helix 3, Nimbus 2, threshold 3, on the shipped bank. Three people do not know one item.
      const who = [['phMember', 'team_member'], ['phViewer', 'team_member'], ['phExec', 'executive_sponsor'],
        ['nbManager', 'alliance_manager'], ['nbMember', 'team_member']];
      const W2 = await createWave(world, 'phManager', A, waveBody(world, SHIPPED.id, who, { title: 'Small partner team' }));
      const dontKnow = new Set(['phMember', 'phViewer', 'nbManager']);
      const sheets = {};
      for (const [key] of who) {
        sheets[key] = sheet(SHIPPED.dimensions, (i) => {
          if (i.key === 'north_star.same_words' && dontKnow.has(key)) return null;
          if (i.key === 'trust.good_faith') return key.startsWith('ph') ? 5 : 1;
          return i.scale === 'agreement' ? 3 : 50;
        });
        await submit(world, key, A, W2, sheets[key]);
      }
      await closeWave(world, 'phManager', A, W2);
      const R2 = await results(world, 'nbMember', A, W2);
      // north_star.same_words has two values (below the threshold): hidden, and left out of the pools.
      expectSlice(R2.overall, pooled(SHIPPED.dimensions, Object.values(sheets), (i) => i !== 'north_star.same_words'), 'overall');
      expectHidden(sliceOf(R2.parties, nimbus), 'Nimbus (2 people)');
      expectHidden(sliceOf(R2.parties, helix), 'Helix (the complement)');
      for (const d of R2.dimensions) {
        assert.equal(d.overall.hidden, false, `${d.key} overall`);
        expectHidden(sliceOf(d.parties, nimbus), `Nimbus on ${d.key}`);
        expectHidden(sliceOf(d.parties, helix), `Helix on ${d.key}`);
        assert.equal(d.gap, null);
        assert.equal(d.gap_flagged, false);
        for (const i of d.items) {
          expectHidden(sliceOf(i.parties, nimbus), `Nimbus on ${i.key}`);
          expectHidden(sliceOf(i.parties, helix), `Helix on ${i.key}`);
          assert.equal(i.gap, null, `${i.key}: no gap between hidden parties`);
          assert.equal(i.gap_flagged, false, `${i.key}: no flag between hidden parties`);
        }
      }
      const items = R2.dimensions.flatMap((d) => d.items);
      const gf = items.find((i) => i.key === 'trust.good_faith');
      expectSlice(gf.overall, { score: 3.4, answers: 5, dont_know: 0 }, 'good_faith overall');
      assert.deepEqual(gf.distribution, { 1: 2, 2: 0, 3: 0, 4: 0, 5: 3, dont_know: 0 });
      // Two values and three don't-knows: under the threshold, so no score and no distribution.
      const sw = items.find((i) => i.key === 'north_star.same_words');
      expectHidden(sw.overall, 'same_words overall (2 values)');
      assert.equal(sw.distribution, null);
    });
  });

  // ------------------------------------------------------------------ surveys

  describe('trends', () => {
    it('GET …/health-trends lists the closed alliance-wide waves, oldest first, as their results show them', async () => {
      const trends = `/api/v1/alliances/${A}/health-trends`;
      const privateWave = (await listAll(world.as('phManager'), r.waves)).find((w) => w.title === 'Helix internal temperature check');
      if (privateWave.status !== 'closed') await closeWave(world, 'phManager', A, privateWave);
      const mine = await getOk(world, 'phManager', trends);
      const closed = (await listAll(world.as('phManager'), r.waves)).filter((w) => w.status === 'closed');
      const listed = closed.filter((w) => w.visibility === 'alliance');
      assert.ok(closed.some((w) => w.visibility === 'party'), 'Helix has a closed private wave, left off the line');
      assert.deepEqual(mine.waves.map((w) => w.wave_id).sort(), listed.map((w) => w.id).sort());
      assert.ok(mine.waves.length >= 2);
      const days = mine.waves.map((w) => w.closed_on);
      assert.deepEqual(days, [...days].sort(), 'oldest first');
      for (const point of mine.waves) {
        const full = await results(world, 'phManager', A, point.wave_id);
        assert.deepEqual(point.overall, full.overall);
        assert.deepEqual(point.parties, full.parties);
        assert.deepEqual(point.dimensions.map((d) => [d.key, d.overall, d.parties]),
          full.dimensions.map((d) => [d.key, d.overall, d.parties]));
      }
      // The partner sees the same line: never Helix's private wave, nor that it exists.
      const partner = await getOk(world, 'nbManager', trends);
      assert.deepEqual(partner, mine);
      expectProblem(await world.as('outsider').get(trends), 404, 'not-found');
    });
  });

  describe('the Surveys inbox', () => {
    it('GET /me/surveys lists the waves the caller is asked in, with whether they answered', async () => {
      const W3 = await createWave(world, 'phManager', A, waveBody(world, SHIPPED.id,
        [['phMember', 'team_member'], ['nimbusSpare2', 'team_member']], { title: 'Autumn health check', opens_on: day(30), closes_on: day(44) }));
      const mine = await getOk(world, 'nimbusSpare2', SURVEYS);
      for (const s of mine.items) expectKeys(s, SURVEY_FIELDS, 'survey');
      assert.deepEqual(mine.items.find((s) => s.wave_id === W3.id), {
        alliance_id: A, alliance_name: world.alliance.name, wave_id: W3.id, title: 'Autumn health check',
        opens_on: day(30), closes_on: day(44), status: 'scheduled', submitted: false,
      });
      assert.ok(!mine.items.some((s) => s.wave_id === W1.id), 'nimbusSpare2 is not asked in W1');
      const asked = await getOk(world, 'nimbusSpare1', SURVEYS);
      const w1 = asked.items.find((s) => s.wave_id === W1.id);
      assert.equal(w1.submitted, true);
      assert.equal(w1.status, 'closed');
      assert.equal(w1.title, 'Q2 pulse check (Helix–Nimbus)');
      const manager = await getOk(world, 'phManager', SURVEYS);
      assert.equal(manager.items.find((s) => s.wave_id === W1.id).submitted, false, 'asked, never answered');
      assert.ok(!manager.items.some((s) => s.wave_id === W3.id), 'the manager who runs a wave is not asked in it');
      assert.deepEqual((await getOk(world, 'outsider', SURVEYS)).items, []);
      // A scheduled wave takes no answers yet.
      expectProblem(await world.as('nimbusSpare2').post(r.submit(W3), { answers: sheet(SHIPPED.dimensions, () => null) }), 409, 'conflict');
    });

    it('the reminders job tells those who have not answered that a wave is open, then that it closes soon, once each', async () => {
      const W4 = await createWave(world, 'phManager', A, waveBody(world, SHIPPED.id,
        [['phViewer', 'team_member'], ['nimbusSpare3', 'team_member']], { title: 'Winter pulse', closes_on: day(14) }));
      await submit(world, 'phViewer', A, W4, sheet(SHIPPED.dimensions, (i) => (i.scale === 'agreement' ? 3 : 50)));
      const aboutW4 = async (key) => (await notifications(world, key)).items.filter((n) => n.record_id === W4.id);
      runJobs(server, today());
      runJobs(server, today());  // a second run stores nothing twice
      const opened = await aboutW4('nimbusSpare3');
      assert.deepEqual(opened.map((n) => n.kind), ['health_wave_open']);
      assert.equal(opened[0].title, 'Health check: Winter pulse');
      assert.equal(opened[0].link, `/alliances/${A}/health/${W4.id}/answer`);
      assert.deepEqual(await aboutW4('phViewer'), [], 'who has answered is not reminded');
      assert.deepEqual(await aboutW4('nbManager'), [], 'who is not asked is not told');
      runJobs(server, day(10));
      assert.deepEqual((await aboutW4('nimbusSpare3')).map((n) => n.kind), ['health_wave_open'], 'four days before: not yet');
      runJobs(server, day(11));
      runJobs(server, day(13));
      assert.deepEqual((await aboutW4('nimbusSpare3')).map((n) => n.kind).sort(), ['health_wave_closing', 'health_wave_open']);
      runJobs(server, day(15));
      assert.equal((await aboutW4('nimbusSpare3')).length, 2, 'nothing once it has closed');
    });
  });
});
