// The governance journey: runs a JSC meeting from agenda to final minutes with users of two parties.
//
// Set up through the API (the UI need not show it): a pharma alliance manager (a colleague of the
// admin), a pharma colleague, a start-up partner organisation with its manager and a member, and
// the alliance between them. Everything governance is done in the browser: the pharma manager
// creates the Joint Steering Committee and seats both parties, schedules a meeting, builds its
// agenda, takes attendance (the quorum check names the partner until its co-chair is present),
// writes the minutes, records a decision and an action, and approves the minutes; the partner
// co-chair, in a second browser, reads and approves them (they become final and locked) and casts
// the second party's vote on the decision; the partner member, in a third, finds the action in
// "My actions".
//
// Runs as colleagues of the pharma admin, so that its alliance stays out of the other journeys
// (workspace.test.mjs expects an empty portfolio for the admin).
import assert from 'node:assert/strict';
import {
  acceptInvitation, apiCall, eventually, invite, journeyStep, newPage, pharma, pharmaManagerWithPartner, screenshot,
} from './support.mjs';

const chair = { name: 'Sofia Lindgren', email: 'sofia.lindgren@meridian.example', password: 'sofia-lindgren-password-1' };
const colleague = { name: 'Marco Bianchi', email: 'marco.bianchi@meridian.example', password: 'marco-bianchi-password-1' };
const partnerOrgName = 'Kestrel Digital Health';
const coChair = { name: 'Lena Vogt', email: 'lena.vogt@kestrel.example', password: 'lena-vogt-password-1' };
const secretary = { name: 'Omar Haddad', email: 'omar.haddad@kestrel.example', password: 'omar-haddad-password-1' };
const allianceName = 'Meridian × Kestrel connected inhaler';

const JSC = 'Joint Steering Committee';
const MEETING = 'JSC quarterly review';
const ITEM_STATUS = 'Programme status and budget';
const ITEM_PHASE2 = 'Phase II start in the EU';
const ITEM_PUBS = 'Publication plan';
const DECISION_SOUGHT = 'Approve starting the phase II study in the EU in the first quarter';
const PRE_READ = { title: 'Phase II protocol synopsis', url: 'https://docs.example/kestrel/phase-ii-synopsis.pdf' };
const MINUTES = {
  [ITEM_STATUS]: 'Recruitment is on plan; the 2027 budget stays within the agreed envelope.',
  [ITEM_PHASE2]: 'Both parties support starting phase II in the EU; sites in Germany and Spain first.',
  [ITEM_PUBS]: 'The primary paper waits for the 12-month data; abstracts go to ERS.',
};
const DECISION = 'Start the phase II study in the EU in Q1';
const ACTION = 'Send the updated sensor validation report to the JSC';

let pharmaOrgId;
let partnerOrgId;
let allianceId;
let meetingId;
let pm; // the pharma manager (the JSC chair)
let partnerPage; // the partner manager (the JSC co-chair), in a second browser context
let memberPage; // the partner member (the JSC secretary), in a third
let journeyPage; // the page the current step ends on

/** A calendar day `n` days from today (UTC), as YYYY-MM-DD. */
function day(n) {
  const t = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

const api = (page, method, path, body) => apiCall(page, method, `/api/v1/alliances/${allianceId}${path}`, body);
/** A change with If-Match, with the page's cookies and CSRF token. */
const writeWithVersion = (page, method, path, body, version) =>
  apiCall(page, method, `/api/v1/alliances/${allianceId}${path}`, body, { ifMatch: version });
const meetingUrl = () => `/alliances/${allianceId}/governance?section=meetings&meeting=${meetingId}`;

async function chooseOption(page, scope, label, option) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Types a day into a Mantine date input (it parses YYYY-MM-DD) and leaves the field. */
async function fillDate(scope, label, value) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

/** The values of a `data-*` attribute of every element in `scope` that has it, in document order. */
const attributes = (scope, attribute) =>
  scope.locator(`[${attribute}]`).evaluateAll((nodes, a) => nodes.map((n) => n.getAttribute(a)), attribute);

async function openMeeting(page) {
  await page.goto(meetingUrl());
  await page.locator(`[data-meeting-page="${MEETING}"]`).waitFor();
  await page.getByRole('list', { name: 'Agenda items' }).waitFor();
}

/**
 * Closes the notifications in the corner, so that a full-page screenshot shows the page itself
 * (they are fixed to the viewport and land on whatever is there).
 */
async function closeNotifications(page) {
  const close = page.locator('.mantine-Notification-closeButton');
  const deadline = Date.now() + 5000;
  while ((await close.count()) > 0 && Date.now() < deadline) {
    await close.first().click({ timeout: 1000 }).catch(() => {});
    await page.waitForTimeout(50);
  }
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 2000 }).catch(() => {});
  return page;
}

async function shot(page, name, options) {
  await closeNotifications(page);
  await screenshot(page, name, options);
}

const agendaItem = (page, index, title) => page.getByRole('list', { name: 'Agenda items' }).getByRole('listitem', { name: `${index}. ${title}` });

journeyStep('the pharma manager, a colleague and two partner people share an alliance without governance', () => journeyPage, async () => {
  ({ page: pm, pharmaOrgId, partnerOrgId, allianceId } = await pharmaManagerWithPartner({
    manager: chair,
    partnerOrgName,
    alliance: {
      name: allianceName,
      type: 'co_development',
      therapeutic_areas: ['respiratory'],
      territory: 'EU',
      tier: 1,
      description: 'A connected inhaler and its adherence programme for severe asthma.',
      north_star: { statement: 'Fewer severe asthma attacks through better adherence.', beneficiaries: 'People with severe asthma' },
    },
  }));

  // A pharma colleague and the partner manager join through invitations of the pharma manager;
  // the partner manager invites their own colleague.
  const colleagueToken = await invite(pm, {
    email: colleague.email, name: colleague.name, organization_id: pharmaOrgId, alliance_id: allianceId, alliance_role: 'member',
  });
  const colleaguePage = await newPage();
  await acceptInvitation(colleaguePage, colleagueToken, colleague.name, colleague.password);
  await colleaguePage.context().close();

  const coChairToken = await invite(pm, {
    email: coChair.email, name: coChair.name, organization_id: partnerOrgId, alliance_id: allianceId, alliance_role: 'manager',
  });
  partnerPage = await newPage();
  await acceptInvitation(partnerPage, coChairToken, coChair.name, coChair.password);

  const secretaryToken = await invite(partnerPage, {
    email: secretary.email, name: secretary.name, organization_id: partnerOrgId, alliance_id: allianceId, alliance_role: 'member',
  });
  memberPage = await newPage();
  await acceptInvitation(memberPage, secretaryToken, secretary.name, secretary.password);

  const members = await api(pm, 'GET', '/members');
  assert.equal(members.status, 200, JSON.stringify(members.body));
  assert.deepEqual(members.body.items.map((m) => m.name).sort(), [chair.name, colleague.name, coChair.name, secretary.name].sort());

  await pm.goto(`/alliances/${allianceId}`);
  await pm.getByRole('tab', { name: 'Governance' }).click();
  await pm.waitForURL(new RegExp(`/alliances/${allianceId}/governance`));
  await pm.getByRole('tablist', { name: 'Governance sections' }).waitFor();
  await pm.getByRole('heading', { name: 'No committees yet' }).waitFor();
  journeyPage = pm;
  return closeNotifications(pm);
});

journeyStep('the pharma manager creates the Joint Steering Committee and seats both parties', () => journeyPage, async () => {
  await pm.getByRole('button', { name: 'New committee' }).click();
  const dialog = pm.getByRole('dialog', { name: 'New committee' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(JSC);
  await chooseOption(pm, dialog, 'Kind', 'Joint steering committee');
  await chooseOption(pm, dialog, 'Quorum', 'A voting member of every party');
  await dialog.getByRole('textbox', { name: 'Purpose' }).fill('Steers the alliance: strategy, budget and the go/no-go decisions of the programme.');
  await dialog.getByRole('button', { name: 'Add committee' }).click();
  await dialog.waitFor({ state: 'detached' });
  const card = pm.getByRole('article', { name: JSC });
  await card.waitFor();
  await card.getByText('No members yet.').waitFor();

  const seats = [
    [chair.name, 'Chair', 'chair'],
    [colleague.name, 'Voting', 'voting_member'],
    [coChair.name, 'Co-chair', 'co_chair'],
    [secretary.name, 'Secretary', 'secretary'],
  ];
  for (const [name, roleLabel, role] of seats) {
    await card.getByRole('button', { name: `Add member to ${JSC}` }).click();
    const add = pm.getByRole('dialog', { name: `Add a member to ${JSC}` });
    const party = name === chair.name || name === colleague.name ? pharma.org : partnerOrgName;
    await chooseOption(pm, add, 'Person', `${name} (${party})`);
    await chooseOption(pm, add, 'Role', roleLabel);
    if (name === chair.name) await shot(pm, 'add the chair to the committee', { fullPage: false });
    await add.getByRole('button', { name: 'Add member' }).click();
    await add.waitFor({ state: 'detached' });
    await card.locator(`[data-seat="${name}:${role}"]`).waitFor();
  }

  // The tree shows the members grouped by party, the alliance's parties in order, chair first.
  assert.deepEqual(await attributes(card, 'data-party'), [pharma.org, partnerOrgName]);
  const pharmaSeats = card.getByRole('region', { name: `${pharma.org} on ${JSC}` });
  const partnerSeats = card.getByRole('region', { name: `${partnerOrgName} on ${JSC}` });
  assert.deepEqual(await attributes(pharmaSeats, 'data-seat'), [`${chair.name}:chair`, `${colleague.name}:voting_member`]);
  assert.deepEqual(await attributes(partnerSeats, 'data-seat'), [`${coChair.name}:co_chair`, `${secretary.name}:secretary`]);
  await card.getByText('Quorum: a voting member of every party').waitFor();
  await card.getByText(`Chair: ${pharma.org}`, { exact: false }).waitFor();

  const committees = await api(pm, 'GET', '/committees');
  assert.equal(committees.status, 200);
  assert.equal(committees.body.items.length, 1);
  const jsc = committees.body.items[0];
  assert.equal(jsc.kind, 'joint_steering');
  assert.equal(jsc.quorum_rule, 'every_party_voting');
  assert.deepEqual(
    jsc.members.filter((m) => m.current).map((m) => `${m.name}:${m.role}:${m.voting}`).sort(),
    [`${chair.name}:chair:true`, `${colleague.name}:voting_member:true`, `${coChair.name}:co_chair:true`, `${secretary.name}:secretary:false`].sort(),
  );
  return closeNotifications(pm);
});

journeyStep('schedules a meeting of the committee yesterday and adds three agenda items', () => journeyPage, async () => {
  await pm.getByRole('tab', { name: 'Meetings' }).click();
  await pm.waitForURL(/section=meetings/);
  await pm.getByRole('button', { name: 'Schedule a meeting' }).click();
  const dialog = pm.getByRole('dialog', { name: 'Schedule a meeting' });
  // The only committee is chosen already, and the title follows it.
  assert.equal(await dialog.getByRole('combobox', { name: 'Committee', exact: true }).inputValue(), JSC);
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(MEETING);
  await fillDate(dialog, 'Day', day(-1));
  await dialog.getByRole('textbox', { name: 'Location' }).fill('Basel, room 4.12');
  await dialog.getByRole('button', { name: 'Schedule meeting' }).click();
  // Yesterday has passed: the form asks before scheduling it.
  const confirm = pm.getByRole('dialog', { name: 'This meeting starts in the past' });
  await confirm.getByText('has already passed', { exact: false }).waitFor();
  await screenshot(pm, 'a meeting in the past asks first', { fullPage: false });
  await confirm.getByRole('button', { name: 'Schedule it anyway' }).click();
  await dialog.waitFor({ state: 'detached' });

  // Yesterday's meeting is among the past ones, with no attendance taken: "Not taken yet" while
  // it is still scheduled, or held without quorum once the jobs (every minute in this suite)
  // have marked a meeting whose day has ended held.
  const row = pm.getByRole('table', { name: 'Past meetings' }).locator(`[data-meeting="${MEETING}"]`);
  await row.waitFor();
  await row.getByText(/^(Not taken yet|No quorum)$/).waitFor();
  if (await row.getByText('No quorum', { exact: true }).count()) await row.getByText('Held', { exact: true }).waitFor();
  await row.getByRole('link', { name: MEETING }).click();
  await pm.waitForURL(/[?&]meeting=/);
  meetingId = new URL(pm.url()).searchParams.get('meeting');
  await pm.locator(`[data-meeting-page="${MEETING}"]`).waitFor();
  await pm.getByText('Nothing on the agenda yet.').waitFor();

  const items = [
    { title: ITEM_STATUS, minutes: '20' },
    { title: ITEM_PHASE2, minutes: '30', owner: `${coChair.name} (${partnerOrgName})`, decision: DECISION_SOUGHT, preRead: PRE_READ },
    { title: ITEM_PUBS, minutes: '15' },
  ];
  for (const item of items) {
    await pm.getByRole('button', { name: 'Add agenda item' }).click();
    const add = pm.getByRole('dialog', { name: 'Add an agenda item' });
    await add.getByRole('textbox', { name: 'Title', exact: true }).fill(item.title);
    await add.getByRole('textbox', { name: 'Time box (minutes)' }).fill(item.minutes);
    if (item.owner) await chooseOption(pm, add, 'Owner', item.owner);
    if (item.decision) await add.getByRole('textbox', { name: 'Decision sought' }).fill(item.decision);
    if (item.preRead) {
      await add.getByRole('button', { name: 'Add pre-read' }).click();
      await add.getByRole('textbox', { name: 'Title of pre-read 1' }).fill(item.preRead.title);
      await add.getByRole('textbox', { name: 'Link of pre-read 1' }).fill(item.preRead.url);
      await shot(pm, 'agenda item with a decision sought and a pre-read', { fullPage: false });
    }
    await add.getByRole('button', { name: 'Add to agenda' }).click();
    await add.waitFor({ state: 'detached' });
    await pm.locator(`[data-agenda-item="${item.title}"]`).waitFor();
  }

  assert.deepEqual(await attributes(pm.getByRole('list', { name: 'Agenda items' }), 'data-agenda-item'), [ITEM_STATUS, ITEM_PHASE2, ITEM_PUBS]);
  const phase2 = agendaItem(pm, 2, ITEM_PHASE2);
  await phase2.getByText(`Decision sought: ${DECISION_SOUGHT}`).waitFor();
  assert.equal(await phase2.getByRole('link', { name: new RegExp(PRE_READ.title) }).getAttribute('href'), PRE_READ.url);
  await phase2.getByText(coChair.name).first().waitFor();
  await pm.getByText('1 h 5 min planned of 1 h 30 min', { exact: true }).waitFor();

  const meeting = await api(pm, 'GET', `/meetings/${meetingId}`);
  assert.equal(meeting.status, 200);
  assert.equal(meeting.body.committee_name, JSC);
  assert.ok(Date.parse(meeting.body.starts_at) < Date.now(), 'the meeting is in the past');
  assert.deepEqual(meeting.body.agenda.map((i) => [i.title, i.time_box_minutes]), [[ITEM_STATUS, 20], [ITEM_PHASE2, 30], [ITEM_PUBS, 15]]);
  assert.equal(meeting.body.agenda[1].decision_sought, DECISION_SOUGHT);
  assert.deepEqual(meeting.body.agenda[1].pre_reads, [PRE_READ]);
  return closeNotifications(pm);
});

journeyStep('takes attendance: without the partner there is no quorum, with its co-chair there is', () => journeyPage, async () => {
  const attendance = pm.getByRole('region', { name: 'Attendance' });
  await attendance.waitFor();
  assert.deepEqual(await attributes(attendance, 'data-attendance'), [
    `${chair.name}:unrecorded`,
    `${colleague.name}:unrecorded`,
    `${coChair.name}:unrecorded`,
    `${secretary.name}:unrecorded`,
  ]);
  const mark = async (name, status) => {
    await attendance.getByRole('radiogroup', { name: `Attendance of ${name}` }).getByText(status, { exact: true }).click();
    await attendance.locator(`[data-attendance="${name}:${status.toLowerCase()}"]`).waitFor();
  };
  await mark(chair.name, 'Present');
  await mark(colleague.name, 'Present');

  // Only the pharma side is there: no quorum, and the check names the partner.
  const badge = attendance.locator('[data-quorum]');
  await eventually(async () => assert.equal(await badge.getAttribute('data-quorum'), 'not-met'));
  let meeting = await api(pm, 'GET', `/meetings/${meetingId}`);
  assert.equal(meeting.body.quorum.met, false);
  assert.match(meeting.body.quorum.detail, new RegExp(partnerOrgName), 'the quorum check names the missing party');
  assert.equal(await badge.getAttribute('aria-label'), `No quorum: ${meeting.body.quorum.detail}`);
  await attendance.getByRole('status').getByText(meeting.body.quorum.detail, { exact: true }).waitFor();
  await attendance.getByText(`${partnerOrgName}: 0 of 1 voting member present`).waitFor();
  await attendance.getByText(`${pharma.org}: 2 of 2 voting members present`).waitFor();
  const header = pm.locator(`[data-meeting-page="${MEETING}"]`).locator('[data-quorum]').first();
  assert.equal(await header.getAttribute('data-quorum'), 'not-met');
  await shot(pm, 'no quorum without the partner');

  // The partner co-chair arrives; the secretary too (without a vote, she does not count).
  await mark(coChair.name, 'Present');
  await eventually(async () => assert.equal(await badge.getAttribute('data-quorum'), 'met'));
  await attendance.getByText('Quorum met').waitFor();
  await attendance.getByText(`${partnerOrgName}: 1 of 1 voting member present`).waitFor();
  await mark(secretary.name, 'Present');
  meeting = await api(pm, 'GET', `/meetings/${meetingId}`);
  assert.equal(meeting.body.quorum.met, true);
  assert.deepEqual(
    meeting.body.attendance.map((a) => `${a.name}:${a.status}`).sort(),
    [chair.name, colleague.name, coChair.name, secretary.name].map((n) => `${n}:present`).sort(),
  );
  return closeNotifications(pm);
});

journeyStep('writes the minutes of every item, records a decision on the item that seeks one, and an action for the partner', () => journeyPage, async () => {
  for (const [index, title] of [[1, ITEM_STATUS], [2, ITEM_PHASE2], [3, ITEM_PUBS]]) {
    const item = agendaItem(pm, index, title);
    const save = item.getByRole('button', { name: `Save minutes of “${title}”` });
    assert.equal(await save.isDisabled(), true, 'nothing to save before typing');
    await item.getByRole('textbox', { name: `Minutes of “${title}”` }).fill(MINUTES[title]);
    await item.getByText('Not saved yet').waitFor();
    await save.click();
    await item.getByRole('status').getByText('Saved', { exact: true }).waitFor();
    await eventually(async () => assert.equal(await save.isDisabled(), true));
  }

  // The decision, inline on the item that seeks it.
  await agendaItem(pm, 2, ITEM_PHASE2).getByRole('button', { name: `Record a decision on “${ITEM_PHASE2}”` }).click();
  const dialog = pm.getByRole('dialog', { name: 'Propose a decision' });
  await dialog.getByRole('textbox', { name: 'Decision', exact: true }).fill(DECISION);
  assert.equal(await dialog.getByRole('combobox', { name: 'Decided by', exact: true }).inputValue(), JSC);
  assert.equal(await dialog.getByRole('combobox', { name: 'Agenda item', exact: true }).inputValue(), ITEM_PHASE2);
  await dialog.getByRole('textbox', { name: 'Rationale' }).fill('The pilot met its adherence endpoint and the sites are ready.');
  await dialog.getByRole('button', { name: 'Propose decision' }).click();
  await dialog.waitFor({ state: 'detached' });
  const decisions = pm.getByRole('region', { name: 'Decisions' });
  const card = decisions.getByRole('article', { name: DECISION });
  await card.waitFor();
  await decisions.getByText(`On “${ITEM_PHASE2}”`).waitFor();
  await card.locator('[data-decision-state="proposed"]').waitFor();
  assert.deepEqual(await attributes(card, 'data-consent'), [`${pharma.org}:pending`, `${partnerOrgName}:pending`]);

  // An action for the partner member.
  const actions = pm.getByRole('region', { name: 'Actions' });
  await actions.getByRole('button', { name: 'Add action' }).click();
  const add = pm.getByRole('dialog', { name: 'New action' });
  await add.getByRole('textbox', { name: 'Action', exact: true }).fill(ACTION);
  await chooseOption(pm, add, 'Owner', `${secretary.name} (${partnerOrgName})`);
  await fillDate(add, 'Due', day(14));
  await add.getByRole('button', { name: 'Add action' }).click();
  await add.waitFor({ state: 'detached' });
  const row = actions.getByRole('table', { name: 'Actions from this meeting' }).locator(`[data-action="${ACTION}"]`);
  await row.waitFor();
  await row.getByText(secretary.name).waitFor();

  const meeting = await api(pm, 'GET', `/meetings/${meetingId}`);
  assert.deepEqual(meeting.body.agenda.map((i) => i.minutes), [MINUTES[ITEM_STATUS], MINUTES[ITEM_PHASE2], MINUTES[ITEM_PUBS]]);
  const decision = (await api(pm, 'GET', `/decisions?meeting_id=${meetingId}`)).body.items;
  assert.equal(decision.length, 1);
  assert.equal(decision[0].agenda_item_id, meeting.body.agenda[1].id);
  assert.equal(decision[0].state, 'proposed');
  const action = (await api(pm, 'GET', `/actions?meeting_id=${meetingId}`)).body.items;
  assert.equal(action.length, 1);
  assert.equal(action[0].owner_name, secretary.name);
  assert.equal(action[0].due_on, day(14));
  await shot(pm, 'meeting with minutes, a decision and an action');
  return closeNotifications(pm);
});

journeyStep('the pharma chair approves the minutes: still a draft, the partner’s review pending', () => journeyPage, async () => {
  const review = pm.getByRole('region', { name: 'Minutes review' });
  await review.getByRole('button', { name: 'Approve minutes' }).click();
  await review.locator(`[data-review="${pharma.org}:approved"]`).waitFor();
  assert.deepEqual(await attributes(review, 'data-review'), [`${pharma.org}:approved`, `${partnerOrgName}:pending`]);
  await review.getByText(chair.name, { exact: false }).waitFor();
  await review.getByText('Awaiting review').waitFor();
  const badge = review.locator('[data-minutes]');
  assert.equal(await badge.getAttribute('data-minutes'), 'draft');
  assert.equal((await badge.innerText()).trim(), 'Minutes draft: 1 of 2 approved');
  // The pharma side's minutes can still be edited until every party approves.
  await agendaItem(pm, 1, ITEM_STATUS).getByRole('textbox', { name: `Minutes of “${ITEM_STATUS}”` }).waitFor();

  const meeting = await api(pm, 'GET', `/meetings/${meetingId}`);
  assert.equal(meeting.body.minutes.state, 'draft');
  assert.deepEqual(
    meeting.body.minutes.reviews.map((r) => `${r.organization_name}:${r.decision}`),
    [`${pharma.org}:approved`, `${partnerOrgName}:null`],
  );
  return closeNotifications(pm);
});

journeyStep('the partner co-chair reads the minutes and the pharma approval, approves: the minutes are final and locked', () => journeyPage, async () => {
  journeyPage = partnerPage;
  await openMeeting(partnerPage);
  for (const [index, title] of [[1, ITEM_STATUS], [2, ITEM_PHASE2], [3, ITEM_PUBS]]) {
    await agendaItem(partnerPage, index, title).getByText(MINUTES[title]).waitFor();
  }
  // The meeting belongs to the pharma side, which keeps its agenda; as the committee's co-chair
  // the partner keeps its record with the chair: it may write the minutes and the attendance.
  assert.equal(await partnerPage.getByRole('button', { name: 'Add agenda item' }).count(), 0);
  assert.equal(await partnerPage.getByRole('textbox', { name: /^Minutes of/ }).count(), 3);
  await partnerPage.getByRole('radiogroup', { name: /^Attendance of / }).first().waitFor();

  const review = partnerPage.getByRole('region', { name: 'Minutes review' });
  await review.locator(`[data-review="${pharma.org}:approved"]`).waitFor();
  await review.locator(`[data-review="${partnerOrgName}:pending"]`).getByText('Awaiting review').waitFor();
  await review.locator(`[data-review="${pharma.org}:approved"]`).getByText(chair.name, { exact: false }).waitFor();
  await shot(partnerPage, 'the partner co-chair sees the pharma approval');

  await review.getByRole('button', { name: 'Approve minutes' }).click();
  await partnerPage.getByText('Every party approved: the minutes are final.').waitFor();
  await review.locator(`[data-review="${partnerOrgName}:approved"]`).waitFor();
  const badge = review.locator('[data-minutes]');
  await eventually(async () => assert.equal(await badge.getAttribute('data-minutes'), 'final'));
  assert.equal((await badge.innerText()).trim(), 'Minutes final');
  await review.getByText(/^Final since .*: every party approved revision 1\.$/).waitFor();
  assert.equal(await review.getByRole('button', { name: 'Approve minutes' }).count(), 0);
  await partnerPage.getByText('The minutes are final: the agenda and minutes are locked.', { exact: false }).waitFor();
  await review.locator(`[data-review="${partnerOrgName}:approved"]`).getByText(coChair.name, { exact: false }).waitFor();

  const meeting = await api(partnerPage, 'GET', `/meetings/${meetingId}`);
  assert.equal(meeting.body.minutes.state, 'final');
  assert.equal(meeting.body.minutes.revision, 1);
  assert.ok(meeting.body.minutes.final_at);
  assert.equal(meeting.body.minutes.can_review, false);
  // The partner's co-chair keeps the committee's record too: a new revision is on offer for it
  // (the pharma chair starts one in the next step).
  assert.equal(meeting.body.minutes.can_revise, true);
  await review.getByRole('button', { name: 'Start a new revision' }).waitFor();
  return closeNotifications(partnerPage);
});

journeyStep('the pharma chair finds the agenda and minutes read-only, with a new revision on offer', () => journeyPage, async () => {
  journeyPage = pm;
  await openMeeting(pm);
  await pm.getByText('The minutes are final: the agenda and minutes are locked.', { exact: false }).waitFor();
  for (const [index, title] of [[1, ITEM_STATUS], [2, ITEM_PHASE2], [3, ITEM_PUBS]]) {
    const item = agendaItem(pm, index, title);
    await item.getByLabel(`Minutes of “${title}”`).getByText(MINUTES[title]).waitFor();
  }
  assert.equal(await pm.getByRole('textbox', { name: /^Minutes of/ }).count(), 0, 'no minutes editor is left');
  assert.equal(await pm.getByRole('button', { name: /^Save minutes/ }).count(), 0, 'no save is possible');
  assert.equal(await pm.getByRole('button', { name: 'Add agenda item' }).count(), 0);
  assert.equal(await pm.getByRole('button', { name: new RegExp(`^Edit “${ITEM_STATUS}”`) }).count(), 0);
  const review = pm.getByRole('region', { name: 'Minutes review' });
  await review.getByRole('button', { name: 'Start a new revision' }).waitFor();
  assert.equal(await review.locator('[data-minutes]').getAttribute('data-minutes'), 'final');

  // The server refuses a change of final minutes too.
  const meeting = await api(pm, 'GET', `/meetings/${meetingId}`);
  const item = meeting.body.agenda[0];
  const patch = await writeWithVersion(pm, 'PATCH', `/meetings/${meetingId}/agenda/${item.id}`, { minutes: 'A late change' }, item.version);
  assert.equal(patch.status, 409, JSON.stringify(patch.body));
  await shot(pm, 'final minutes locked for the pharma chair');
  return closeNotifications(pm);
});

journeyStep('the decision needs both parties: the pharma vote leaves it proposed, the partner’s approves it', () => journeyPage, async () => {
  // The pharma chair votes first: one party alone cannot approve.
  const pmCard = pm.getByRole('region', { name: 'Decisions' }).getByRole('article', { name: DECISION });
  await pmCard.getByRole('button', { name: `Vote approve on “${DECISION}”` }).click();
  const vote = pm.getByRole('dialog', { name: 'Your vote' });
  await vote.getByRole('textbox', { name: 'Comment' }).fill('Sites are ready.');
  await vote.getByRole('button', { name: 'Cast vote' }).click();
  await vote.waitFor({ state: 'detached' });
  await pmCard.locator(`[data-consent="${pharma.org}:approved"]`).waitFor();
  assert.deepEqual(await attributes(pmCard, 'data-consent'), [`${pharma.org}:approved`, `${partnerOrgName}:pending`]);
  await pmCard.locator('[data-decision-state="proposed"]').waitFor();
  await pmCard.getByText('You voted approve. Change:').waitFor();
  let decision = (await api(pm, 'GET', `/decisions?meeting_id=${meetingId}`)).body.items[0];
  assert.equal(decision.state, 'proposed', 'one party’s approval alone leaves the decision proposed');
  assert.equal(decision.decided_on, null);

  // The partner co-chair sees it still proposed, with the pharma approval, and approves.
  journeyPage = partnerPage;
  await openMeeting(partnerPage);
  const card = partnerPage.getByRole('region', { name: 'Decisions' }).getByRole('article', { name: DECISION });
  await card.locator(`[data-consent="${pharma.org}:approved"]`).waitFor();
  await card.locator('[data-decision-state="proposed"]').waitFor();
  await card.getByText(`${chair.name}: approve (“Sites are ready.”)`).waitFor();
  await card.getByRole('button', { name: `Vote approve on “${DECISION}”` }).click();
  const partnerVote = partnerPage.getByRole('dialog', { name: 'Your vote' });
  await partnerVote.getByRole('button', { name: 'Cast vote' }).click();
  await partnerVote.waitFor({ state: 'detached' });
  await card.locator('[data-decision-state="approved"]').waitFor();

  // The decision log shows it approved, with both parties' positions.
  await partnerPage.getByRole('tab', { name: 'Decisions' }).click();
  await partnerPage.waitForURL(/section=decisions/);
  await partnerPage.getByRole('search', { name: 'Search the decision log' }).waitFor();
  const logged = partnerPage.locator(`[data-decision="${DECISION}"]`);
  await logged.locator('[data-decision-state="approved"]').waitFor();
  await eventually(async () =>
    assert.deepEqual(await attributes(logged, 'data-consent'), [`${pharma.org}:approved`, `${partnerOrgName}:approved`]),
  );
  await logged.getByText(`${coChair.name}: approve`).waitFor();
  await logged.getByText(/· decided /).waitFor();
  await partnerPage.getByRole('status').getByText('1 decision').waitFor();

  decision = (await api(partnerPage, 'GET', `/decisions?meeting_id=${meetingId}`)).body.items[0];
  assert.equal(decision.state, 'approved');
  assert.ok(decision.decided_on);
  assert.deepEqual(decision.votes.map((p) => `${p.organization_name}:${p.position}`), [`${pharma.org}:approved`, `${partnerOrgName}:approved`]);
  return closeNotifications(partnerPage);
});

journeyStep('the partner member finds the action in "My actions"', () => journeyPage, async () => {
  journeyPage = memberPage;
  await memberPage.goto('/alliances');
  await memberPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My actions' }).click();
  await memberPage.waitForURL(/\/actions$/);
  const row = memberPage.getByRole('table', { name: 'My actions' }).locator(`[data-action="${ACTION}"]`);
  await row.waitFor();
  await row.getByRole('link', { name: allianceName }).waitFor();
  await row.locator('[data-action-status="open"]').waitFor();
  await row.getByRole('button', { name: `Mark “${ACTION}” done` }).waitFor();
  assert.equal(await memberPage.getByRole('table', { name: 'My actions' }).locator('tbody tr').count(), 1);
  const mine = await apiCall(memberPage, 'GET', '/api/v1/me/actions');
  assert.equal(mine.status, 200, JSON.stringify(mine.body));
  assert.deepEqual(mine.body.items.map((a) => a.title), [ACTION]);
  return closeNotifications(memberPage);
});
