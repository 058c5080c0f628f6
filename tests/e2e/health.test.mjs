// The health-assessment journey: a wave answered by people of two parties, closed, its results read
// by both, and an action plan made from the largest gap that the committee then finds among its
// actions.
//
// Set up through the API (the UI need not show it): a pharma alliance manager with two colleagues,
// a start-up partner with its manager and two members, the alliance, its Joint Steering Committee
// and a wave asking all six. In the browser: the pharma manager and the partner manager each find
// the wave in their Surveys inbox and answer every question (the other four answer through the
// API); the pharma manager closes the wave; both read the results (the gap on decision making
// flagged, the same scores on both sides); the pharma manager makes an action plan from the
// governance result, followed up by the JSC; the partner manager finds it in Governance → Actions
// and beside the dimension in the results.
import assert from 'node:assert/strict';
import { acceptInvitation, apiCall, eventually, invite, journeyStep, newPage, pharmaManagerWithPartner, screenshot } from './support.mjs';

const manager = { name: 'Ines Carvalho', email: 'ines.carvalho@meridian.example', password: 'ines-carvalho-password-1' };
const pharmaPeople = [
  { name: 'Jonas Berg', email: 'jonas.berg@meridian.example', password: 'jonas-berg-password-1', role: 'team_member' },
  { name: 'Keiko Sato', email: 'keiko.sato@meridian.example', password: 'keiko-sato-password-1', role: 'executive_sponsor' },
];
const partnerManager = { name: 'Luca Moretti', email: 'luca.moretti@orbis.example', password: 'luca-moretti-password-1' };
const partnerPeople = [
  { name: 'Mira Novak', email: 'mira.novak@orbis.example', password: 'mira-novak-password-1', role: 'team_member' },
  { name: 'Nils Ek', email: 'nils.ek@orbis.example', password: 'nils-ek-password-1', role: 'finance' },
];
const WAVE = 'Alliance health check';
const JSC = 'Joint Steering Committee';
const PLAN = 'Decide within two weeks of a proposal';

let allianceId;
let waveId;
let pm; // the pharma manager
let partner; // the partner manager, in a second browser context
let others = []; // the other four, signed in through their invitations (API only)
let journeyPage;

/** A calendar day `n` days from today (UTC), as YYYY-MM-DD. */
const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Every question of the sheet answered: agreement items with `agreement` (1–5), level items one level lower. */
async function answerEverything(page, agreement) {
  const groups = page.getByRole('radiogroup');
  await groups.first().waitFor();
  const count = await groups.count();
  assert.ok(count >= 20, `the sheet shows every question (${count})`);
  for (let i = 0; i < count; i++) {
    const radios = groups.nth(i).getByRole('radio');
    const options = await radios.count();
    // Agreement: five steps then "Don't know"; level: five levels then "Don't know".
    await radios.nth(Math.min(agreement - 1, options - 2)).check();
  }
}

/** A whole sheet for the API: the governance dimension at `governance`, the rest at 4. */
function sheetOf(dimensions, governance) {
  return dimensions.flatMap((d) => d.items.map((i) => {
    const v = d.key === 'governance' ? governance : 4;
    return { item: i.key, value: i.scale === 'agreement' ? v : (v - 1) * 25 };
  }));
}

journeyStep('six people of two parties share an alliance with a committee and a health wave asking them all', () => journeyPage, async () => {
  let pharmaOrgId;
  let partnerOrgId;
  ({ page: pm, pharmaOrgId, partnerOrgId, allianceId } = await pharmaManagerWithPartner({
    manager,
    partnerOrgName: 'Orbis Digital',
    alliance: {
      name: 'Meridian × Orbis remote monitoring', type: 'co_development', therapeutic_areas: ['cardiology'], territory: 'EU', tier: 1,
      description: 'Remote monitoring after cardiac surgery.',
      north_star: { statement: 'Fewer readmissions after cardiac surgery.', beneficiaries: 'Patients after cardiac surgery' },
    },
  }));
  const join = async (by, person, organizationId, role) => {
    const token = await invite(by, { email: person.email, name: person.name, organization_id: organizationId, alliance_id: allianceId, alliance_role: role });
    const page = await newPage();
    await acceptInvitation(page, token, person.name, person.password);
    return page;
  };
  for (const p of pharmaPeople) others.push(await join(pm, p, pharmaOrgId, 'member'));
  partner = await join(pm, partnerManager, partnerOrgId, 'manager');
  for (const p of partnerPeople) others.push(await join(partner, p, partnerOrgId, 'member'));

  const committee = await apiCall(pm, 'POST', `/api/v1/alliances/${allianceId}/committees`, {
    name: JSC, kind: 'joint_steering', cadence: 'quarterly', quorum_rule: 'every_party_voting', chair_rotation: 'none',
  });
  assert.equal(committee.status, 201, JSON.stringify(committee.body));
  const members = (await apiCall(pm, 'GET', `/api/v1/alliances/${allianceId}/members`)).body.items;
  const people = [manager, partnerManager, ...pharmaPeople, ...partnerPeople];
  const idOf = (email) => members.find((m) => m.name === people.find((p) => p.email === email).name).user_id;
  const banks = (await apiCall(pm, 'GET', '/api/v1/question-banks')).body.items;
  const wave = await apiCall(pm, 'POST', `/api/v1/alliances/${allianceId}/health-waves`, {
    title: WAVE, bank_id: banks.find((b) => b.shipped).id, opens_on: day(0), closes_on: day(14),
    respondents: [
      { user_id: idOf(manager.email), role: 'alliance_manager' },
      { user_id: idOf(partnerManager.email), role: 'alliance_manager' },
      ...[...pharmaPeople, ...partnerPeople].map((p) => ({ user_id: idOf(p.email), role: p.role })),
    ],
  });
  assert.equal(wave.status, 201, JSON.stringify(wave.body));
  waveId = wave.body.id;
  // The four others answer through the API: the pharma side content with decision making, the
  // partner side not.
  const sheet = (await apiCall(others[0], 'GET', `/api/v1/alliances/${allianceId}/health-waves/${waveId}/response`)).body;
  for (const [i, page] of others.entries()) {
    const res = await apiCall(page, 'POST', `/api/v1/alliances/${allianceId}/health-waves/${waveId}/response/submit`,
      { answers: sheetOf(sheet.dimensions, i < 2 ? 5 : 2) });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  journeyPage = pm;
  return pm;
});

journeyStep('the pharma manager finds the wave in Surveys and answers every question', () => journeyPage, async () => {
  await pm.goto('/surveys');
  const row = pm.locator(`[data-survey="${WAVE}"]`);
  assert.equal(await row.getAttribute('data-waiting'), 'true', 'it waits for her answer');
  await row.getByRole('link', { name: new RegExp(`^Answer`) }).click();
  await pm.waitForURL(new RegExp(`/health/${waveId}/answer`));
  await answerEverything(pm, 5);
  await pm.getByRole('button', { name: 'Submit answers' }).click();
  await pm.getByRole('dialog').getByRole('button', { name: 'Submit answers' }).click();
  await pm.getByText(/thank you|answers are in|submitted/i).first().waitFor();
  journeyPage = pm;
  return pm;
});

journeyStep('the partner manager answers too; the open wave shows only how many of each party answered', () => journeyPage, async () => {
  await partner.goto(`/alliances/${allianceId}/health/${waveId}/answer`);
  await answerEverything(partner, 2);
  await partner.getByRole('button', { name: 'Submit answers' }).click();
  await partner.getByRole('dialog').getByRole('button', { name: 'Submit answers' }).click();
  await partner.getByText(/thank you|answers are in|submitted/i).first().waitFor();
  await partner.goto(`/alliances/${allianceId}/health?wave=${waveId}`);
  const counts = partner.getByRole('table', { name: 'Answers so far' }).locator('[data-party]');
  await eventually(async () => assert.equal(await counts.count(), 2));
  for (const row of await counts.all()) assert.match(await row.innerText(), /3\s+3/);
  journeyPage = partner;
  return partner;
});

const GOVERNANCE = 'Governance and decision making';
/** A dimension's row in the table of scores, and its section further down (opened). */
const scoreRow = (page) => page.getByRole('table', { name: 'Scores by dimension' }).locator(`tr[data-dimension="${GOVERNANCE}"]`);
async function openDimension(page) {
  const section = page.locator(`details[data-dimension="${GOVERNANCE}"]`);
  if (!(await section.evaluate((d) => d.open))) await section.locator('summary').click();
  return section;
}

journeyStep('the pharma manager closes the wave; both parties read the same results, the gap on decision making flagged', () => journeyPage, async () => {
  await pm.goto(`/alliances/${allianceId}/health?wave=${waveId}`);
  await pm.getByRole('button', { name: 'Close now' }).click();
  await pm.getByRole('dialog').getByRole('button', { name: 'Close the wave' }).click();
  await scoreRow(pm).waitFor();
  const rows = [];
  for (const page of [pm, partner]) {
    await page.goto(`/alliances/${allianceId}/health?wave=${waveId}`);
    await scoreRow(page).waitFor();
    assert.equal(await scoreRow(page).getAttribute('data-flagged'), 'true', 'the gap on decision making is flagged');
    rows.push((await scoreRow(page).innerText()).replace(/\s+/g, ' '));
  }
  assert.equal(rows[0], rows[1], 'both parties see the same scores');
  await screenshot(partner, 'health results as the partner');
  journeyPage = pm;
  return pm;
});

journeyStep('the pharma manager makes an action plan from the governance result, followed up by the JSC', () => journeyPage, async () => {
  const section = await openDimension(pm);
  await section.getByRole('button', { name: `Create action plan for ${GOVERNANCE}` }).click();
  const dialog = pm.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'What will change' }).fill(PLAN);
  await dialog.getByRole('combobox', { name: 'Owner' }).click();
  await pm.getByRole('option', { name: new RegExp(partnerManager.name) }).click();
  const due = dialog.getByRole('textbox', { name: 'Due' });
  await due.click();
  await due.fill(day(30));
  await due.press('Tab');
  await dialog.getByRole('combobox', { name: 'Committee that follows it up' }).click();
  await pm.getByRole('option', { name: JSC }).click();
  await dialog.getByRole('button', { name: 'Create action plan' }).click();
  await dialog.waitFor({ state: 'detached' });
  await section.getByRole('region', { name: `Action plans for ${GOVERNANCE}` }).getByText(PLAN).waitFor();
  await screenshot(pm, 'health action plan beside its dimension');
  journeyPage = pm;
  return pm;
});

journeyStep('the partner manager finds the plan among the JSC\'s actions and beside the dimension', () => journeyPage, async () => {
  await partner.goto(`/alliances/${allianceId}/governance?section=actions`);
  const row = partner.locator(`[data-action="${PLAN}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(JSC));
  await partner.goto(`/alliances/${allianceId}/health?wave=${waveId}`);
  const section = await openDimension(partner);
  await section.getByRole('region', { name: `Action plans for ${GOVERNANCE}` }).getByText(PLAN).waitFor();
  for (const page of others) await page.context().close();
  journeyPage = partner;
  return partner;
});
