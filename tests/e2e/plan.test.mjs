// The plan journey: a pharma alliance manager and a partner manager share an alliance; the pharma
// manager builds a small plan (two objectives and a KPI with two values in the UI, three milestones
// through the API and the fourth, with its dependencies, in the UI), then slips a milestone in the
// UI. The timeline shows the new critical path and the slip, and the Overview's "Status against
// plan" shows the same numbers to both parties.
//
// Runs as a colleague of the pharma admin (and a partner organisation of its own), so that its
// alliance stays out of the other journeys (workspace.test.mjs expects an empty portfolio for the admin).
import assert from 'node:assert/strict';
import { acceptInvitation, apiCall, eventually, journeyStep, newPage, pharma, screenshot, signIn } from './support.mjs';

const manager = { name: 'Priya Raman', email: 'priya.raman@meridian.example', password: 'priya-raman-password-1' };
const partner = { org: 'Corvid Analytics', name: 'Tomas Berg', email: 'tomas.berg@corvid.example', password: 'corvid-partner-password-1' };
const allianceName = 'Meridian × Corvid remote monitoring';
const O1 = 'Regulatory clearance of the monitoring app';
const O2 = 'Commercial launch in the EU';
const KPI = 'Patients enrolled';
const M1 = 'Protocol agreed';
const M2 = 'Pilot complete';
const M3 = 'Sensor validated';
const M4 = 'Launch decision';
const INTERNAL = 'Internal budget gate';

/** A calendar day `n` days from today (UTC), as YYYY-MM-DD. */
function day(n) {
  const t = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

let pm; // the pharma alliance manager's page
let partnerPage; // the partner manager's page, in a second browser context
let allianceId;
const ids = {};

const api = (page, method, path, body) => apiCall(page, method, `/api/v1/alliances/${allianceId}${path}`, body);

async function chooseOption(page, scope, label, option) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Types a day into a Mantine date input (it parses YYYY-MM-DD) and leaves the field. */
// A day as the app writes it for the browser's en-GB reader ("5 Sep 2026").
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shownDay = (d) => `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

async function fillDate(scope, label, value) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

async function openPlanSection(page, section) {
  await page.goto(`/alliances/${allianceId}/plan${section ? `?section=${section}` : ''}`);
  await page.getByRole('tablist', { name: 'Plan sections' }).waitFor();
}

journeyStep('the pharma manager and the partner manager share an alliance with an empty plan', () => pm, async () => {
  // The admin invites a colleague, who becomes the alliance manager of a new alliance.
  const admin = await newPage();
  await signIn(admin, pharma.email, pharma.password);
  const me = await apiCall(admin, 'GET', '/api/v1/me');
  const invitation = await apiCall(admin, 'POST', '/api/v1/invitations', {
    email: manager.email, name: manager.name, organization_id: me.body.organization.id,
  });
  assert.equal(invitation.status, 201, JSON.stringify(invitation.body));
  await admin.context().close();

  pm = await newPage();
  const session = await acceptInvitation(pm, invitation.body.token, manager.name, manager.password);
  const partnerOrg = await apiCall(pm, 'POST', '/api/v1/organizations', { name: partner.org, type: 'startup' });
  assert.equal(partnerOrg.status, 201, JSON.stringify(partnerOrg.body));
  const alliance = await apiCall(pm, 'POST', '/api/v1/alliances', {
    name: allianceName,
    type: 'co_development',
    therapeutic_areas: ['cardiology'],
    territory: 'EU',
    tier: 2,
    description: 'Remote monitoring of heart-failure patients.',
    parties: [
      { organization_id: session.organization.id, role: 'licensee' },
      { organization_id: partnerOrg.body.id, role: 'licensor' },
    ],
    north_star: { statement: 'Fewer readmissions through remote monitoring.', beneficiaries: 'Heart-failure patients' },
  });
  assert.equal(alliance.status, 201, JSON.stringify(alliance.body));
  allianceId = alliance.body.id;

  const invite = await apiCall(pm, 'POST', '/api/v1/invitations', {
    email: partner.email, name: partner.name, organization_id: partnerOrg.body.id, alliance_id: allianceId, alliance_role: 'manager',
  });
  assert.equal(invite.status, 201, JSON.stringify(invite.body));
  partnerPage = await newPage();
  await acceptInvitation(partnerPage, invite.body.token, partner.name, partner.password);

  await pm.goto(`/alliances/${allianceId}`);
  await pm.getByRole('tab', { name: 'Plan' }).click();
  await pm.waitForURL(new RegExp(`/alliances/${allianceId}/plan`));
  await pm.getByText('Nothing on the timeline yet').waitFor();
  return pm;
});

journeyStep('the pharma manager adds two objectives in the UI', () => pm, async () => {
  await pm.getByRole('tab', { name: 'Objectives' }).click();
  for (const [title, horizon] of [[O1, 'Short term'], [O2, 'Long term']]) {
    await pm.getByRole('button', { name: 'New objective' }).click();
    const dialog = pm.getByRole('dialog', { name: 'New objective' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await chooseOption(pm, dialog, 'Horizon', horizon);
    await dialog.getByRole('button', { name: 'Add objective' }).click();
    await dialog.waitFor({ state: 'detached' });
    await pm.getByRole('article', { name: title }).waitFor();
  }
  const objectives = await api(pm, 'GET', '/objectives');
  assert.equal(objectives.status, 200);
  for (const o of objectives.body.items) ids[o.title] = o.id;
  assert.deepEqual(objectives.body.items.map((o) => o.title).sort(), [O1, O2].sort());
  assert.equal(objectives.body.items.find((o) => o.title === O2).horizon, 'long_term');
  return pm;
});

journeyStep('adds a KPI with amber and red thresholds, and records two values', () => pm, async () => {
  await pm.getByRole('tab', { name: 'KPIs' }).click();
  await pm.getByRole('button', { name: 'New KPI' }).click();
  const dialog = pm.getByRole('dialog', { name: 'New KPI' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(KPI);
  await dialog.getByRole('textbox', { name: 'Unit' }).fill('patients');
  await dialog.getByRole('textbox', { name: 'Target' }).fill('40');
  await dialog.getByRole('textbox', { name: 'Amber threshold' }).fill('30');
  await dialog.getByRole('textbox', { name: 'Red threshold' }).fill('20');
  await dialog.getByRole('button', { name: 'Add KPI' }).click();
  await dialog.waitFor({ state: 'detached' });
  const card = pm.getByRole('article', { name: KPI });
  await card.waitFor();

  for (const [measured, value] of [[day(-14), '25'], [null, '35']]) {
    await card.getByRole('button', { name: `Add a value to “${KPI}”` }).click();
    const add = pm.getByRole('dialog', { name: `Add a value to “${KPI}”` });
    if (measured) await fillDate(add, 'Measured on', measured);
    await add.getByRole('textbox', { name: 'Value (patients)' }).fill(value);
    await add.getByRole('button', { name: 'Add value' }).click();
    await add.waitFor({ state: 'detached' });
  }
  await card.getByTestId('kpi-latest').getByText('35', { exact: false }).waitFor();
  await card.getByText('Amber', { exact: true }).first().waitFor();

  const kpis = await api(pm, 'GET', '/kpis');
  const kpi = kpis.body.items.find((k) => k.name === KPI);
  assert.equal(kpi.direction, 'higher_is_better');
  assert.equal(kpi.target, 40);
  assert.equal(kpi.amber_threshold, 30);
  assert.equal(kpi.red_threshold, 20);
  assert.deepEqual(kpi.values.map((v) => v.value), [25, 35]);
  assert.equal(kpi.values[0].measured_on, day(-14));
  assert.equal(kpi.status, 'amber');
  return pm;
});

journeyStep('three milestones through the API, the fourth in the UI with its two dependencies', () => pm, async () => {
  const create = async (body) => {
    const res = await api(pm, 'POST', '/milestones', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    ids[res.body.title] = res.body.id;
    return res.body;
  };
  await create({ objective_id: ids[O1], title: M1, kind: 'regulatory', planned_date: day(10) });
  await create({ objective_id: ids[O1], title: M2, kind: 'development', planned_date: day(40), depends_on: [ids[M1]] });
  await create({ objective_id: ids[O1], title: M3, kind: 'research', planned_date: day(60), depends_on: [ids[M1]] });
  // Helix-internal: the partner must never see it, and the shared summary must not count it.
  await create({ objective_id: ids[O2], title: INTERNAL, kind: 'operational', planned_date: day(20), visibility: 'party' });

  await openPlanSection(pm, 'milestones');
  await pm.getByRole('table', { name: 'Milestones' }).locator(`[data-milestone="${M3}"]`).waitFor();
  await pm.getByRole('button', { name: 'New milestone' }).click();
  const dialog = pm.getByRole('dialog', { name: 'New milestone' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(M4);
  await chooseOption(pm, dialog, 'Objective', O2);
  await chooseOption(pm, dialog, 'Kind', 'Commercial');
  await fillDate(dialog, 'Planned date', day(90));
  const depends = dialog.getByRole('combobox', { name: 'Depends on' });
  // Pick each dependency and wait for its pill in the field (the options list renders outside
  // the dialog). A click that lands while the list is still opening is retried.
  for (const title of [M2, M3]) {
    const pill = dialog.getByText(`${title} (`, { exact: false }).first();
    for (let attempt = 1; !(await pill.isVisible()); attempt++) {
      const option = pm.getByRole('option', { name: new RegExp(`^${title} \\(`) });
      if (!(await option.isVisible())) await depends.click();
      await option.click();
      await pill.waitFor({ timeout: 3000 }).catch((e) => { if (attempt >= 3) throw e; });
    }
  }
  // Close the options list by going back to another field (Escape could close the dialog).
  await dialog.getByRole('textbox', { name: 'Title' }).click();
  await screenshot(pm, 'new milestone with two dependencies', { fullPage: false });
  await dialog.getByRole('button', { name: 'Add milestone' }).click();
  await dialog.waitFor({ state: 'detached' });
  await pm.getByRole('table', { name: 'Milestones' }).locator(`[data-milestone="${M4}"]`).waitFor();

  const plan = await api(pm, 'GET', '/plan');
  const m4 = plan.body.milestones.find((m) => m.title === M4);
  ids[M4] = m4.id;
  assert.equal(m4.objective_id, ids[O2]);
  assert.equal(m4.kind, 'commercial');
  assert.equal(m4.planned_date, day(90));
  assert.equal(m4.forecast_date, day(90));
  assert.deepEqual([...m4.depends_on].sort(), [ids[M2], ids[M3]].sort());
  assert.deepEqual(plan.body.critical_path, [ids[M1], ids[M3], ids[M4]], 'C (Sensor validated) is later than B, so the path runs through it');
  return pm;
});

journeyStep('slips "Pilot complete" by editing its forecast date, with a reason', () => pm, async () => {
  const row = pm.getByRole('table', { name: 'Milestones' }).locator(`[data-milestone="${M2}"]`);
  await row.getByRole('button', { name: `Actions for “${M2}”` }).click();
  await pm.getByRole('menuitem', { name: 'Edit' }).click();
  const dialog = pm.getByRole('dialog', { name: 'Edit milestone' });
  await fillDate(dialog, 'Forecast date', day(75));
  await dialog.getByRole('textbox', { name: 'Why the forecast moved' }).fill('Pilot sites in Germany were activated five weeks late');
  await dialog.getByRole('button', { name: 'Save milestone' }).click();
  await dialog.waitFor({ state: 'detached' });
  await row.getByText('At risk').first().waitFor();

  const m2 = await api(pm, 'GET', `/milestones/${ids[M2]}`);
  assert.equal(m2.body.forecast_date, day(75));
  assert.equal(m2.body.planned_date, day(40));
  assert.equal(m2.body.slip_days, 35);
  assert.equal(m2.body.status, 'at_risk');
  const history = await api(pm, 'GET', `/milestones/${ids[M2]}/history`);
  assert.deepEqual(history.body.items.map((h) => h.kind), ['created', 'forecast']);
  assert.equal(history.body.items[1].reason, 'Pilot sites in Germany were activated five weeks late');
  return pm;
});

async function expectTimeline(page) {
  await openPlanSection(page, null);
  const timeline = page.getByTestId('plan-timeline');
  await timeline.waitFor({ state: 'attached' });
  await eventually(async () => {
    assert.equal(await timeline.getAttribute('data-critical-path'), [M1, M2, M4].join(','));
    assert.equal(await timeline.getAttribute('data-slipped'), M2);
  });
}

journeyStep('the timeline shows the new critical path through the slipped milestone', () => pm, async () => {
  await expectTimeline(pm);
  const plan = await api(pm, 'GET', '/plan');
  assert.deepEqual(plan.body.critical_path, [ids[M1], ids[M2], ids[M4]]);
  assert.ok(plan.body.milestones.some((m) => m.title === INTERNAL), 'the pharma side sees its internal milestone');
  return pm;
});

const DAY_MS = 24 * 3600 * 1000;
const daysBetween = (a, b) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

journeyStep('drags a forecast along the timeline, gives the reason, and moves it back with the keyboard', () => pm, async () => {
  const handle = pm.locator(`[data-forecast-handle="${M4}"]`);
  await handle.waitFor();
  const box = await handle.boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await pm.mouse.move(x, y);
  await pm.mouse.down();
  await pm.mouse.move(x + 30, y, { steps: 3 });
  await pm.getByRole('status').filter({ hasText: 'later' }).first().waitFor();
  await screenshot(pm, 'dragging a forecast on the timeline', { fullPage: false });
  await pm.mouse.move(x + 60, y, { steps: 3 });
  await pm.mouse.up();

  // Nothing is saved by the drop: the reason dialog opens with the day under the pointer.
  const dialog = pm.getByRole('dialog', { name: `Move the forecast of “${M4}”` });
  await dialog.waitFor();
  assert.equal((await api(pm, 'GET', `/milestones/${ids[M4]}`)).body.forecast_date, day(90), 'the drop alone saves nothing');
  await dialog.getByRole('textbox', { name: 'Why the forecast moved' }).fill('Payer advisory board moved to the next quarter');
  await screenshot(pm, 'the reason dialog after a drag', { fullPage: false });
  await dialog.getByRole('button', { name: 'Move forecast' }).click();
  await dialog.waitFor({ state: 'detached' });
  let m4 = (await api(pm, 'GET', `/milestones/${ids[M4]}`)).body;
  const moved = daysBetween(day(90), m4.forecast_date);
  assert.ok(moved > 0, `dragging right moves the forecast later: ${m4.forecast_date}`);
  let history = (await api(pm, 'GET', `/milestones/${ids[M4]}/history`)).body.items;
  assert.equal(history.at(-1).reason, 'Payer advisory board moved to the next quarter');

  // The same handle with the keyboard: a week per Shift+←, a day per ←, Enter, the reason.
  await eventually(async () => assert.match(await handle.getAttribute('aria-label'), new RegExp(shownDay(m4.forecast_date))));
  await handle.focus();
  for (let i = 0; i < Math.floor(moved / 7); i += 1) await handle.press('Shift+ArrowLeft');
  for (let i = 0; i < moved % 7; i += 1) await handle.press('ArrowLeft');
  await handle.press('Enter');
  await dialog.waitFor();
  assert.equal(await dialog.getByRole('textbox', { name: 'New forecast date' }).inputValue(), shownDay(day(90)));
  await dialog.getByRole('textbox', { name: 'Why the forecast moved' }).fill('The board kept its date after all');
  await dialog.getByRole('button', { name: 'Move forecast' }).click();
  await dialog.waitFor({ state: 'detached' });
  m4 = (await api(pm, 'GET', `/milestones/${ids[M4]}`)).body;
  assert.equal(m4.forecast_date, day(90));
  history = (await api(pm, 'GET', `/milestones/${ids[M4]}/history`)).body.items;
  assert.equal(history.at(-1).reason, 'The board kept its date after all');
  return pm;
});

journeyStep('the partner sees the same timeline, without the pharma side’s internal milestone', () => partnerPage, async () => {
  await expectTimeline(partnerPage);
  const plan = await api(partnerPage, 'GET', '/plan');
  assert.equal(plan.status, 200);
  assert.deepEqual(plan.body.milestones.map((m) => m.title).sort(), [M1, M2, M3, M4].sort());
  assert.equal(await partnerPage.getByText(INTERNAL).count(), 0);
  await openPlanSection(partnerPage, 'milestones');
  await partnerPage.getByRole('table', { name: 'Milestones' }).locator(`[data-milestone="${M4}"]`).waitFor();
  assert.equal(await partnerPage.locator(`[data-milestone="${INTERNAL}"]`).count(), 0);
  return partnerPage;
});

async function statusAgainstPlan(page) {
  await page.goto(`/alliances/${allianceId}`);
  const region = page.getByRole('region', { name: 'Status against plan' });
  await region.getByTestId('summary-achieved').waitFor();
  await region.getByRole('table', { name: 'Next milestones' }).waitFor();
  return region;
}

journeyStep('the Overview’s "Status against plan" shows both parties the same numbers', () => partnerPage, async () => {
  const summary = await api(pm, 'GET', '/plan/summary');
  assert.equal(summary.status, 200);
  // M1 is due within 30 days; M2 slipped; the internal milestone is not counted.
  assert.deepEqual(summary.body.milestones, { total: 4, achieved: 0, due_30_days: 1, late: 0, at_risk: 1 });
  assert.deepEqual(summary.body.kpis, { total: 1, green: 0, amber: 1, red: 0, no_data: 0 });
  assert.deepEqual(summary.body.next_milestones.map((m) => m.title), [M1, M3, M2]);
  const partnerSummary = await api(partnerPage, 'GET', '/plan/summary');
  assert.deepEqual(partnerSummary.body, summary.body);

  const texts = [];
  for (const page of [pm, partnerPage]) {
    const region = await statusAgainstPlan(page);
    assert.equal((await region.getByTestId('summary-achieved').innerText()).replace(/\s+/g, ' ').trim(), 'Achieved 0 of 4');
    assert.match(await region.getByTestId('summary-due').innerText(), /\b1\b/);
    assert.match(await region.getByTestId('summary-late').innerText(), /\b0\b/);
    assert.match(await region.getByTestId('summary-at-risk').innerText(), /\b1\b/);
    assert.match(await region.getByTestId('summary-kpi-amber').innerText(), /\b1\b/);
    assert.match(await region.getByTestId('summary-kpi-green').innerText(), /\b0\b/);
    const next = await region.locator('[data-next-milestone]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-next-milestone')));
    assert.deepEqual(next, [M1, M3, M2]);
    assert.equal(await region.getByText(INTERNAL).count(), 0);
    texts.push((await region.innerText()).replace(/\s+/g, ' ').trim());
    await screenshot(page, page === pm ? 'status against plan (pharma manager)' : 'status against plan (partner manager)');
  }
  assert.equal(texts[1], texts[0], 'the partner reads exactly what the pharma manager reads');
  return partnerPage;
});
