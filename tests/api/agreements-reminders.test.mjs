// Agreement reminders (issue 6): `northstar jobs run --today D` on a timeline of injected dates
// delivers obligation reminders at the threshold reached, overdue notices, notice-deadline and
// expiry reminders (as amended) and dataset destruction reminders — each once, to the right people,
// never to someone who may not read the record, never twice (also with two job processes at
// once). The personal calendar feed carries the obligations' occurrences and the agreements'
// expiry and notice deadlines as all-day events (parsed with Python's icalendar).
// The contract is docs/design/agreements-api.md ("Reminders, notifications and the calendar").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld } from '../support/world.mjs';
import { API, expectStatus } from '../support/client.mjs';
import { today, day } from '../support/plan.mjs';
import { postOk, notifications, runJobs, runJobsConcurrently, parseIcs, NOTIFICATION_FIELDS, addDays } from '../support/governance.mjs';
import { agr, createAgreement, createObligation, recordOk, datasetBody, everyNDays } from '../support/agreements.mjs';

const WHO = ['phManager', 'phMember', 'phViewer', 'phExec', 'nbManager', 'nbMember'];
const KINDS = ['obligation_due', 'obligation_overdue', 'agreement_notice', 'agreement_expiry', 'dataset_destruction'];

describe('agreement reminders and the calendar feed', () => {
  let world;
  let server;
  let id;
  let a;
  const rec = {};           // the records under test, by name
  const ledger = {};        // person → "record|kind" → expected count

  before(async () => {
    // no background runs with the real date: every run below is explicit
    world = await buildWorld({ server: { args: ['--jobs-interval-s', '0'] } });
    server = world.server;
    id = world.alliance.id;
    a = agr(id);
    const { helix, nimbus } = world.orgIds;
    const u = (key) => world.person(key).id;
    for (const key of WHO) ledger[key] = {};

    rec.AG = await createAgreement(world, 'phManager', id, { title: 'Reminder master agreement Antlia', status: 'active',
      effective_on: day(-300), expiry_on: day(200), notice_period_days: 60 });
    rec.AD = await createAgreement(world, 'phManager', id, { title: 'Draft agreement Bootes', status: 'draft', expiry_on: day(100), notice_period_days: 10 });
    rec.AP = await createAgreement(world, 'phManager', id, { title: 'Helix private agreement Caelum', status: 'active', expiry_on: day(120), visibility: 'party' });
    rec.AM = await createAgreement(world, 'phManager', id, { title: 'Amended agreement Dorado', status: 'active', expiry_on: day(100), notice_period_days: 10 });
    rec.AMa = await createAgreement(world, 'phManager', id, { title: 'Extension of Dorado', relation: 'amendment', parent_id: rec.AM.id,
      status: 'signed', effective_on: day(-5), term_changes: { expiry_on: day(300), notice_period_days: 30 } });

    const ob = (key, name, body) => createObligation(world, key, id, rec.AG, { title: name, ...body }).then((x) => { rec[name.split(' ')[0]] = x; });
    await ob('phManager', 'OB quarterly report Eridanus', { due_on: day(30), responsible_user_id: u('phMember') });
    await ob('nbManager', 'OJ sensor delivery Fornax', { due_on: day(5), owed_by: nimbus, owed_to: helix, responsible_user_id: u('nbMember') });
    await ob('phManager', 'OF fulfilled report Grus', { due_on: day(30), responsible_user_id: u('phMember') });
    await ob('phManager', 'OW waived report Horologium', { due_on: day(30), responsible_user_id: u('phMember') });
    await ob('phManager', 'OP Helix private joint task Cetus', { due_on: day(30), direction: 'joint', owed_by: null, owed_to: null,
      responsible_user_id: u('phMember'), visibility: 'party' });
    await ob('phManager', 'OC concurrent joint review Indus', { due_on: day(195), direction: 'joint', owed_by: null, owed_to: null,
      responsible_user_id: u('phMember'), reminder_days: [5] });
    await ob('phManager', 'ORC monthly pharmacovigilance Lupus', { schedule: 'recurring', due_on: undefined, starts_on: day(-155), rrule: 'FREQ=DAILY;INTERVAL=30' });

    rec.DS = await postOk(world, 'phMember', a.datasets, datasetBody(world, { name: 'Dataset Mensa', provider_id: helix, recipient_id: nimbus,
      shared_on: day(-50), destruction_due_on: day(60) }));
    rec.DC = await postOk(world, 'phMember', a.datasets, datasetBody(world, { name: 'Destroyed dataset Norma', shared_on: day(-50), destruction_due_on: day(40) }));
    const res = await world.as('nbMember').post(a.destruction(rec.DC), { destroyed_on: today(), evidence: 'Wiped' }, { ifMatch: rec.DC.version });
    expectStatus(res, 200);
  });
  after(async () => { await world?.stop(); });

  // OF and OW are tracked once their occurrences are recorded (fulfilled, waived): a failure to record
  // them is reported by its own test and does not spill into every step of the timeline
  const recorded = { OF: false, OW: false };
  const tracked = () => new Set(['AG', 'AD', 'AP', 'AM', 'AMa', 'OB', 'OJ', 'OP', 'OC', 'DS', 'DC', ...Object.keys(recorded).filter((k) => recorded[k])]
    .map((k) => rec[k].id));
  const nameOf = (recordId) => Object.keys(rec).find((k) => rec[k].id === recordId);
  const expect = (keys, name, kind) => {
    for (const key of keys) {
      const k = `${name}|${kind}`;
      ledger[key][k] = (ledger[key][k] ?? 0) + 1;
    }
  };
  async function actual(key) {
    const out = {};
    for (const n of (await notifications(world, key)).items) {
      if (!tracked().has(n.record_id)) continue;
      const k = `${nameOf(n.record_id)}|${n.kind}`;
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  }
  async function expectLedger(what) {
    for (const key of WHO) assert.deepEqual(await actual(key), ledger[key], `${what}: ${key}'s reminders`);
  }
  const run = (n) => runJobs(server, day(n));

  it('an occurrence fulfilled early and one waived (they are never reminded)', async () => {
    await recordOk(world, 'phMember', id, rec.OF, day(30), { status: 'fulfilled', evidence: 'Sent early' });
    recorded.OF = true;
    await recordOk(world, 'nbManager', id, rec.OW, day(30), { status: 'waived', reason: 'Not needed' });
    recorded.OW = true;
  });

  it('nothing before any run', async () => {
    await expectLedger('before');
  });

  it('day 3: the obligation due on day 5 is reminded once, at the threshold reached (3 days), not also at 14', async () => {
    run(3);
    expect(['nbMember', 'nbManager'], 'OJ', 'obligation_due');
    await expectLedger('day 3');
    const [n] = (await notifications(world, 'nbMember')).items.filter((x) => x.record_id === rec.OJ.id);
    assert.deepEqual(Object.keys(n).sort(), [...NOTIFICATION_FIELDS].sort());
    assert.equal(n.kind, 'obligation_due');
    assert.equal(n.alliance_id, id);
    assert.equal(n.alliance_name, world.alliance.name);
    assert.ok(n.title.length > 0 && typeof n.link === 'string' && n.link.length > 0);
    assert.equal(n.read_at, null);
  });

  it('running again on the same day adds nothing', async () => {
    run(3);
    run(3);
    await expectLedger('day 3 again');
  });

  it('day 6: the overdue notice', async () => {
    run(6);
    expect(['nbMember', 'nbManager'], 'OJ', 'obligation_overdue');
    await expectLedger('day 6');
  });

  it('day 10: nothing — the amended agreement\'s original dates would have been reminded today, its amended ones are far off', async () => {
    run(10);
    await expectLedger('day 10');
  });

  it('day 16: the 14-day reminders — the responsible person and the owing party\'s managers; a party-private joint obligation only to its readers', async () => {
    run(16);
    expect(['phMember', 'phManager'], 'OB', 'obligation_due');
    expect(['phMember', 'phManager'], 'OP', 'obligation_due');
    await expectLedger('day 16');
    const nimbus = JSON.stringify((await notifications(world, 'nbManager')).items);
    assert.ok(!nimbus.includes('Cetus') && !nimbus.includes(rec.OP.id), 'nothing of the party-private obligation for Nimbus');
  });

  it('day 20: still the 14-day threshold — nothing new', async () => {
    run(20);
    await expectLedger('day 20');
  });

  it('day 27: the 3-day reminders', async () => {
    run(27);
    expect(['phMember', 'phManager'], 'OB', 'obligation_due');
    expect(['phMember', 'phManager'], 'OP', 'obligation_due');
    await expectLedger('day 27');
  });

  it('day 30: the private agreement\'s expiry in 90 days (its readers only) and the dataset\'s destruction in 30 days', async () => {
    run(30);
    expect(['phManager'], 'AP', 'agreement_expiry');
    expect(['nbManager', 'phMember'], 'DS', 'dataset_destruction');
    await expectLedger('day 30');
    const nimbus = JSON.stringify((await notifications(world, 'nbManager')).items);
    assert.ok(!nimbus.includes('Caelum') && !nimbus.includes(rec.AP.id), 'nothing of the party-private agreement for Nimbus');
  });

  it('day 31: overdue notices for the open obligations — not for the fulfilled or waived ones', async () => {
    run(31);
    expect(['phMember', 'phManager'], 'OB', 'obligation_overdue');
    expect(['phMember', 'phManager'], 'OP', 'obligation_overdue');
    await expectLedger('day 31');
  });

  it('day 50: 90 days before the notice deadline — the managers of the agreement\'s parties', async () => {
    run(50);
    expect(['phManager', 'nbManager'], 'AG', 'agreement_notice');
    await expectLedger('day 50');
  });

  it('days 53 and 61: the dataset 7 days before and once overdue', async () => {
    run(53);
    expect(['nbManager', 'phMember'], 'DS', 'dataset_destruction');
    await expectLedger('day 53');
    run(61);
    run(62);
    expect(['nbManager', 'phMember'], 'DS', 'dataset_destruction');
    await expectLedger('day 61');
  });

  it('day 90: the private agreement 30 days before expiry', async () => {
    run(90);
    expect(['phManager'], 'AP', 'agreement_expiry');
    await expectLedger('day 90');
  });

  it('day 110: 30 days before the notice deadline and 90 days before expiry', async () => {
    run(110);
    expect(['phManager', 'nbManager'], 'AG', 'agreement_notice');
    expect(['phManager', 'nbManager'], 'AG', 'agreement_expiry');
    await expectLedger('day 110');
  });

  it('day 170: 30 days before expiry', async () => {
    run(170);
    expect(['phManager', 'nbManager'], 'AG', 'agreement_expiry');
    await expectLedger('day 170');
  });

  it('day 180: the amended agreement, 90 days before its amended notice deadline (day 270)', async () => {
    run(180);
    expect(['phManager', 'nbManager'], 'AM', 'agreement_notice');
    await expectLedger('day 180');
  });

  it('two job processes at once deliver each reminder exactly once', async () => {
    const [r1, r2] = await Promise.all([runJobsConcurrently(server, day(190)), runJobsConcurrently(server, day(190))]);
    assert.equal(r1.code, 0, r1.output);
    assert.equal(r2.code, 0, r2.output);
    expect(['phMember', 'phManager', 'nbManager'], 'OC', 'obligation_due');
    await expectLedger('day 190, two processes');
    const [r3, r4, r5] = await Promise.all([1, 2, 3].map(() => runJobsConcurrently(server, day(190))));
    for (const r of [r3, r4, r5]) assert.equal(r.code, 0, r.output);
    await expectLedger('day 190, three more processes');
  });

  it('every reminder is of a contract kind and names its alliance', async () => {
    for (const key of WHO) {
      for (const n of (await notifications(world, key)).items.filter((x) => tracked().has(x.record_id))) {
        assert.ok(KINDS.includes(n.kind), n.kind);
        assert.equal(n.alliance_id, id);
      }
    }
  });

  describe('the calendar feed', () => {
    const feedPath = (url) => { const u = new URL(url, world.baseUrl); return `${u.pathname}${u.search}`; };
    async function feedOf(key) {
      const res = await world.as(key).post(`${API}/me/calendar-feed`);
      expectStatus(res, 201, `POST /me/calendar-feed as ${key}`);
      const got = await world.anon().get(feedPath(res.body.url), { headers: { accept: 'text/calendar' } });
      assert.equal(got.status, 200, got.text);
      assert.match(got.headers.get('content-type') || '', /^text\/calendar\b/);
      return { text: got.text, cal: parseIcs(got.text) };
    }
    const obligationEvents = (f, o) => f.cal.events.filter((e) => e.summary.includes(`Obligation due: ${o.title}`));
    const agreementEvents = (f, ag) => f.cal.events.filter((e) => e.summary.includes(ag.title) && !e.summary.startsWith('Obligation due'));
    const allDay = (e) => {
      assert.match(e.dtstart, /^\d{4}-\d\d-\d\d$/, `an all-day event starts on a date: ${JSON.stringify(e)}`);
      if (e.dtend !== null) assert.equal(e.dtend, addDays(e.dtstart, 1), `an all-day event ends the next day: ${JSON.stringify(e)}`);
    };

    it('each occurrence of a readable obligation, today − 90 .. today + 365, as an all-day event with its status', async () => {
      const f = await feedOf('phManager');
      const orc = obligationEvents(f, rec.ORC);
      assert.deepEqual(orc.map((e) => e.dtstart).sort(), everyNDays(day(-155), 30, day(-90), day(365)));
      for (const e of orc) allDay(e);
      const [ob] = obligationEvents(f, rec.OB);
      assert.ok(ob, JSON.stringify(f.cal.events.map((e) => e.summary)));
      assert.equal(ob.dtstart, day(30));
      allDay(ob);
      assert.equal(obligationEvents(f, rec.OB).length, 1);
      assert.ok(`${ob.summary} ${ob.description}`.toLowerCase().includes('upcoming'), `the status: ${ob.summary} / ${ob.description}`);
      if (recorded.OF) {
        const [of] = obligationEvents(f, rec.OF);
        assert.ok(`${of.summary} ${of.description}`.toLowerCase().includes('fulfilled'), `the status: ${of.summary} / ${of.description}`);
      }
      assert.equal(obligationEvents(f, rec.OP).length, 1, 'the Helix-private obligation is in a Helix manager\'s feed');
      const uids = f.cal.events.map((e) => e.uid);
      assert.equal(new Set(uids).size, uids.length, 'one UID per event');
    });

    it('each readable agreement\'s expiry and notice deadline (as amended), as all-day events', async () => {
      const f = await feedOf('phManager');
      const dates = (ag) => agreementEvents(f, ag).map((e) => e.dtstart).sort();
      assert.deepEqual(dates(rec.AG), [day(140), day(200)]);
      assert.deepEqual(dates(rec.AM), [day(270), day(300)], 'the amended dates');
      assert.deepEqual(dates(rec.AP), [day(120)], 'an expiry without a notice period: one event');
      assert.deepEqual(dates(rec.AD), [day(90), day(100)], 'every readable agreement, drafts included');
      for (const ag of [rec.AG, rec.AM, rec.AP, rec.AD]) for (const e of agreementEvents(f, ag)) allDay(e);
    });

    it('the other party\'s feed has the shared records and nothing of the private ones', async () => {
      const f = await feedOf('nbMember');
      assert.equal(obligationEvents(f, rec.OB).length, 1);
      assert.equal(agreementEvents(f, rec.AG).length, 2);
      for (const secret of ['Cetus', 'Caelum', rec.OP.id, rec.AP.id]) assert.ok(!f.text.includes(secret), `nothing of ${secret}`);
    });
  });
});
