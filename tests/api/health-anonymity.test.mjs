// Health assessments: anonymity. In storage — the tallies and comments carry no person, time or
// sequence; no row anywhere holds a respondent's id with an answer or a comment; comment rows are
// written in no submission order and carry random ids. In what people see — the audit trail does
// not say who answered, and no slice under the threshold can be recovered from the slices shown
// (the total less the shown roles, the role split against the party split, an item against its
// dimension).
// The contract is server/modules/health/ (model.hpp: the anonymity rule; service.cpp; store.cpp;
// db/migrations/0009_health.sql).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { listAll } from '../support/client.mjs';
import { UUID7, day } from '../support/plan.mjs';
import { enlist, getOk } from '../support/governance.mjs';
import {
  hw, itemsOf, sheet, normalised, shippedBank, waveBody, createWave, submit, closeWave, results, sliceOf,
} from '../support/health.mjs';

describe('health assessments: anonymity', () => {
  let world;
  let server;
  let A;
  let r;
  let helix;
  let nimbus;
  let BANK;
  let WA;

  // Who is asked, with their respondent role, in the order they submit.
  const ROSTER = [
    ['nbMember', 'team_member'], ['phManager', 'alliance_manager'], ['nimbusSpare1', 'team_member'],
    ['phExec', 'executive_sponsor'], ['nimbusSpare2', 'team_member'], ['phMember', 'team_member'],
  ];
  const ORDER = ROSTER.map(([key]) => key);
  const roleOf = Object.fromEntries(ROSTER);
  const COMMENTS_EACH = 8;
  const comment = (i, j) => `Observation ${j + 1} of respondent ${i + 1} [R${i}C${j}]`;
  const DRAFT_ONLY = (key) => `Draft-only thought of ${key}, never submitted`;
  const SHEETS = {};

  // phMember answers the lowest everywhere and does not know north_star.same_words; everyone
  // else answers 4 (agreement) or 75 (level). Each comments on COMMENTS_EACH items spread over
  // the bank.
  function sheetOf(key) {
    const i = ORDER.indexOf(key);
    const all = itemsOf(BANK.dimensions);
    const step = Math.floor(all.length / COMMENTS_EACH);
    const commented = new Map(Array.from({ length: COMMENTS_EACH }, (_, j) => [all[j * step].key, comment(i, j)]));
    return sheet(BANK.dimensions, (item) => {
      let value;
      if (key === 'phMember') value = item.key === 'north_star.same_words' ? null : (item.scale === 'agreement' ? 1 : 0);
      else value = item.scale === 'agreement' ? 4 : 75;
      const c = commented.get(item.key);
      return c ? { value, comment: c } : value;
    });
  }

  before(async () => {
    world = await buildWorld({ spares: { nimbus: 2 } });
    server = world.server;
    A = world.alliance.id;
    r = hw(A);
    ({ helix, nimbus } = world.orgIds);
    for (const spare of world.spares.nimbus) await enlist(world, A, spare, 'member');
    BANK = await shippedBank(world);
    WA = await createWave(world, 'phManager', A, waveBody(world, BANK.id, ROSTER, { title: 'Anonymity check' }));
    // Two of them save a draft first, with a comment they leave out of what they submit.
    for (const key of ['phMember', 'nimbusSpare1']) {
      const res = await world.as(key).put(r.response(WA), {
        answers: [{ item: 'trust.good_faith', value: 2, comment: DRAFT_ONLY(key) }],
      });
      assert.equal(res.status, 200, res.text);
    }
    for (const key of ORDER) {
      SHEETS[key] = sheetOf(key);
      await submit(world, key, A, WA, SHEETS[key]);
    }
  });
  after(async () => { await world?.stop(); });

  const q = (sql) => server.dbQuery(sql);
  const columns = (table) => (server.dbKind === 'sqlite'
    ? q(`SELECT name FROM pragma_table_info('${table}')`)
    : q(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${table}'`))
    .map((c) => c.name).sort();

  describe('in storage', () => {
    it('health_tallies and health_comments have no person, time or sequence column', () => {
      const tallies = columns('health_tallies');
      const comments = columns('health_comments');
      assert.deepEqual(tallies, ['answer', 'answers', 'item_key', 'organization_id', 'respondent_role', 'wave_id']);
      assert.deepEqual(comments, ['body', 'id', 'item_key', 'organization_id', 'respondent_role', 'wave_id']);
      for (const c of [...tallies, ...comments]) {
        assert.doesNotMatch(c, /user|author|actor|_at$|_on$|time|date|seq|order|position|created|updated|submitted/, c);
      }
      assert.ok(Number(q(`SELECT count(*) AS n FROM health_tallies WHERE wave_id = '${WA.id}'`)[0].n) > 0, 'the answers are tallied');
    });

    it('the tallies add up to the answers given, by party and role, with nobody in them', () => {
      const rows = q(`SELECT organization_id, respondent_role, item_key, answer, answers FROM health_tallies WHERE wave_id = '${WA.id}'`);
      const expected = {};
      for (const key of ORDER) {
        const p = world.person(key);
        for (const a of SHEETS[key]) {
          const k = [p.orgId, roleOf[key], a.item, a.value === null ? 'dont_know' : String(a.value)].join('|');
          expected[k] = (expected[k] || 0) + 1;
        }
      }
      const actual = {};
      for (const row of rows) {
        const k = [row.organization_id, row.respondent_role, row.item_key, row.answer].join('|');
        actual[k] = (actual[k] || 0) + Number(row.answers);
      }
      assert.deepEqual(actual, expected);
    });

    it('no row anywhere holds a respondent\'s id together with an item key or a comment; drafts are gone', () => {
      assert.equal(server.count('health_drafts', `wave_id = '${WA.id}'`), 0, 'no draft is left once everybody submitted');
      const dump = server.dbDump();
      for (const key of ['phMember', 'nimbusSpare1']) {
        assert.ok(!dump.includes(DRAFT_ONLY(key)), `${key}'s draft-only comment is still in the database`);
      }
      const itemKeys = itemsOf(BANK.dimensions).map((i) => i.key);
      const texts = ORDER.flatMap((_, i) => Array.from({ length: COMMENTS_EACH }, (__, j) => comment(i, j)));
      for (const t of texts) assert.ok(dump.includes(t), `the comment "${t}" is stored`);
      let linesWithUsers = 0;
      for (const line of dump.split('\n')) {
        for (const key of ORDER) {
          if (!line.includes(world.person(key).id)) continue;
          linesWithUsers += 1;
          const item = itemKeys.find((k) => line.includes(k));
          const text = texts.find((t) => line.includes(t));
          assert.ok(!item && !text, `a row holds ${key}'s id with ${item ? `the item ${item}` : `the comment "${text}"`}: ${line.slice(0, 400)}`);
        }
      }
      assert.ok(linesWithUsers > 0, 'the dump does hold the respondents (users, health_respondents)');
    });

    it('comment rows follow no submission order (physical order and id order) and their ids are random, not time-ordered', () => {
      const physical = server.dbKind === 'sqlite' ? 'rowid' : 'ctid';
      const submitterOf = (body) => Number(/\[R(\d+)C\d+\]/.exec(body)[1]);
      const total = ORDER.length * COMMENTS_EACH;
      for (const order of [physical, 'id']) {
        const rows = q(`SELECT id, body FROM health_comments WHERE wave_id = '${WA.id}' ORDER BY ${order}`);
        assert.equal(rows.length, total);
        const seq = rows.map((x) => submitterOf(x.body));
        // Sorted by submitter: about 1 chance in 10^20 for a random order of 48 rows in groups of 8.
        assert.ok(seq.some((s, i) => i > 0 && s < seq[i - 1]), `ordered by ${order}, the rows follow the submission order: ${seq.join(',')}`);
        // The last submitter's rows are not the last rows: about 1 chance in 4·10^8.
        const last = ORDER.length - 1;
        assert.ok(!seq.slice(-COMMENTS_EACH).every((s) => s === last), `ordered by ${order}, the last submission's comments come last: ${seq.join(',')}`);
        // Nor are the first submitter's rows the first ones.
        assert.ok(!seq.slice(0, COMMENTS_EACH).every((s) => s === 0), `ordered by ${order}, the first submission's comments come first: ${seq.join(',')}`);
      }
      const ids = q(`SELECT id FROM health_comments WHERE wave_id = '${WA.id}'`).map((x) => x.id);
      assert.equal(new Set(ids).size, total);
      for (const id of ids) assert.doesNotMatch(id, UUID7, 'a time-ordered id dates the comment');
    });
  });

  describe('in what people see', () => {
    it('the audit trail tells nobody who else answered', async () => {
      for (const viewer of ['nbManager', 'phManager', 'nbMember', 'phViewer']) {
        const me = world.person(viewer).id;
        const events = (await listAll(world.as(viewer), r.audit)).filter((e) => e.record_id === WA.id);
        assert.ok(events.some((e) => e.action === 'create'), `${viewer} sees the wave's trail`);
        const others = events.filter((e) => e.action === 'respond' && e.actor_id !== me);
        assert.deepEqual(others.map((e) => `${e.action} by ${e.actor_name} at ${e.at}`), [],
          `the trail names other respondents to ${viewer} (the wave itself only ever gives counts per party)`);
        assert.ok(!events.some((e) => e.action !== 'create' && e.action !== 'update' && e.actor_id !== me &&
          ORDER.some((k) => world.person(k).id === e.actor_id)), `${viewer}: an event of the wave by another respondent`);
      }
    });

    describe('after the wave closes', () => {
      let R;
      before(async () => {
        await closeWave(world, 'phManager', A, WA);
        R = await results(world, 'nbMember', A, WA);
      });

      const T = 3;   // the wave's score threshold
      const sumOf = (s) => s.score * s.answers;

      it('the role slices hidden under the threshold never hold, together, fewer than the threshold', () => {
        // team_member 4 shown; alliance_manager 1 (phManager) and executive_sponsor 1 (phExec)
        // hidden: the dimension's total less the team members would be these two people's answers.
        assert.equal(R.wave.score_threshold, T);
        for (const d of R.dimensions) {
          if (d.overall.hidden) continue;
          const hiddenRoles = d.roles.filter((s) => s.hidden).map((s) => s.key);
          const people = ORDER.filter((k) => hiddenRoles.includes(roleOf[k])).length;
          if (people === 0 || people >= T) continue;
          const shown = d.roles.filter((s) => !s.hidden);
          const answers = d.overall.answers - shown.reduce((n, s) => n + s.answers, 0);
          const mean = (sumOf(d.overall) - shown.reduce((n, s) => n + sumOf(s), 0)) / answers;
          assert.fail(`${d.key}: the hidden roles ${hiddenRoles.join(' and ')} hold ${people} people, under ${T}; ` +
            `total less shown roles gives their score: ${mean.toFixed(2)} over ${answers} answers`);
        }
      });

      it('the role split and the party split together never isolate one person', () => {
        // Every Nimbus respondent is a team member, so team members less Nimbus is phMember alone.
        const leaks = [];
        for (const d of R.dimensions) {
          const tm = sliceOf(d.roles, 'team_member');
          const nb = sliceOf(d.parties, nimbus);
          if (tm.hidden || nb.hidden) continue;
          const answers = tm.answers - nb.answers;
          const mean = (sumOf(tm) - sumOf(nb)) / answers;
          const own = SHEETS.phMember.filter((a) => a.item.startsWith(`${d.key}.`) && a.value !== null);
          leaks.push({ d: d.key, answers, mean, exact: answers === own.length && Math.abs(mean) < 1e-9 });
        }
        if (!leaks.length) return;
        const shown = leaks.find((l) => l.exact) ?? leaks[0];
        assert.fail(`${leaks.length} dimensions show both team members and Nimbus; on ${shown.d}, team members less Nimbus ` +
          `gives ${world.person('phMember').name}'s own score: ${shown.mean.toFixed(2)} over ${shown.answers} answers ` +
          `(they answered the lowest everywhere: 0)`);
      });

      it('a party hidden on an item cannot be recovered from its dimension and the other items', () => {
        // Helix gave 2 values on north_star.same_words (phMember did not know): hidden there. Its
        // North Star slice (3 people) and its four other North Star items are shown.
        const d = R.dimensions.find((x) => x.key === 'north_star');
        const same = d.items.find((i) => i.key === 'north_star.same_words');
        assert.equal(sliceOf(same.parties, helix).hidden, true, 'Helix on same_words (2 values) is hidden');
        const dim = sliceOf(d.parties, helix);
        const others = d.items.filter((i) => i !== same).map((i) => ({ i, s: sliceOf(i.parties, helix) }));
        if (dim.hidden || others.some(({ s }) => s.hidden)) return;
        const answers = dim.answers - others.reduce((n, { s }) => n + s.answers, 0);
        if (answers <= 0 || answers >= T) return;
        const sum = sumOf(dim) - others.reduce((n, { i, s }) => n + normalised(i.scale, s.score) * s.answers, 0);
        assert.fail(`Helix's ${answers} answers to same_words, hidden on the item, are its North Star slice less the other ` +
          `items: ${(sum / answers).toFixed(2)} on 0–100`);
      });

      it('the closed wave still shows counts per party only', async () => {
        const w = await getOk(world, 'nbManager', r.wave(WA));
        assert.deepEqual(w.response_counts.map((c) => [c.party_id, c.invited, c.submitted]).sort(),
          [[helix, 3, 3], [nimbus, 3, 3]].sort());
        assert.ok(!/submitted_(on|at)/.test(JSON.stringify(w)));
      });
    });

    it('one person\'s comments are not shown as several voices', async () => {
      // Six answer; only nbMember comments, three times on Trust; the comment threshold is 3.
      const WC = await createWave(world, 'phManager', A, waveBody(world, BANK.id, ROSTER, { title: 'One voice', comment_threshold: 3 }));
      const trust = BANK.dimensions.find((d) => d.key === 'trust').items.slice(0, 3).map((i) => i.key);
      for (const key of ORDER) {
        await submit(world, key, A, WC, sheet(BANK.dimensions, (i) => {
          const value = i.scale === 'agreement' ? 3 : 50;
          return key === 'nbMember' && trust.includes(i.key) ? { value, comment: `Only voice, point ${trust.indexOf(i.key) + 1}` } : value;
        }));
      }
      await closeWave(world, 'phManager', A, WC);
      const res = await results(world, 'phManager', A, WC);
      const d = res.dimensions.find((x) => x.key === 'trust');
      assert.equal(d.comments, null, `three comments of one person are shown as if three people wrote them: ${JSON.stringify(d.comments)}`);
    });

    it('results once shown cannot be compared with the results after one more answer (moving the dates)', async () => {
      // Six answer; the manager moves the dates into the past (the wave is closed by its dates),
      // reads the results, moves them back, the seventh answers, and the dates go back again.
      const roster = [...ROSTER, ['nbManager', 'alliance_manager']];
      const WB = await createWave(world, 'phManager', A, waveBody(world, BANK.id, roster, { title: 'Reopened wave' }));
      const usual = sheet(BANK.dimensions, (i) => (i.scale === 'agreement' ? 3 : 50));
      for (const key of ORDER) await submit(world, key, A, WB, usual);
      const step = async (res) => (res.status >= 400 ? null : res);   // a refusal closes the hole
      const moveDates = async (body) => {
        const cur = await getOk(world, 'phManager', r.wave(WB));
        return step(await world.as('phManager').patch(r.wave(WB), body, { ifMatch: cur.version }));
      };
      if (!await moveDates({ opens_on: day(-2), closes_on: day(-1) })) return;
      const first = await step(await world.as('nbMember').get(r.results(WB)));
      if (!first) return;
      if (!await moveDates({ closes_on: day(14) })) return;
      const late = sheet(BANK.dimensions, (i) => (i.scale === 'agreement' ? 1 : 0));
      if (!await step(await world.as('nbManager').post(r.submit(WB), { answers: late }))) return;
      if (!await moveDates({ closes_on: day(-1) })) return;
      const second = await step(await world.as('nbMember').get(r.results(WB)));
      if (!second) return;
      const distributions = (R) => Object.fromEntries(R.body.dimensions.flatMap((d) => d.items)
        .filter((i) => i.distribution).map((i) => [i.key, i.distribution]));
      const before = distributions(first);
      const recovered = Object.entries(distributions(second)).filter(([k]) => before[k]).map(([k, dist]) =>
        [k, Object.keys(dist).filter((a) => dist[a] !== before[k][a])]);
      assert.fail(`the results were read with six answers and again with seven: the difference is ${world.person('nbManager').name}'s ` +
        `sheet, e.g. ${recovered.slice(0, 3).map(([k, a]) => `${k} = ${a.join('/')}`).join(', ')}`);
    });
  });
});
