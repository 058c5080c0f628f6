// The agreements journey: from a signed agreement to a fulfilled quarterly report.
//
// Set up through the API (the UI need not show it): a pharma alliance manager (a colleague of the
// admin), a digital-health partner organisation with one member, and the alliance between them.
// Everything about the agreement is done in the browser: the pharma manager records the signed
// master agreement with its key terms (the page works out the last day to give notice), uploads the
// signed PDF and downloads it again byte for byte, and adds a quarterly progress report owed by the
// partner, due on the last day of every third month from the last month end, which is overdue.
// The partner member signs in, finds it overdue in "My obligations" and marks it fulfilled, today,
// so late. The pharma manager sees it fulfilled (and the next quarter open) among the obligations,
// counted late for the partner in the compliance report and its .xlsx export; and an internal note
// of the pharma side on the agreement never reaches the partner.
//
// Runs as colleagues of the pharma admin, so that its alliance stays out of the other journeys
// (workspace.test.mjs expects an empty portfolio for the admin).
//
// Dates are UTC calendar days (the server's today). The report is due on the last day of every
// third month from the last month end before today, so the occurrence fulfilled is at most 31
// days old: inside the lists' default windows on every day of the year.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { MIME, makePdf, readXlsx, sha256 } from '../support/agreements.mjs';
import {
  acceptInvitation, apiCall, invite, journeyStep, newPage, pharma, pharmaManagerWithPartner, screenshot, signIn,
} from './support.mjs';

const manager = { name: 'Hannah Keller', email: 'hannah.keller@meridian.example', password: 'hannah-keller-password-1' };
const partnerOrgName = 'Pulsewise Digital Health';
const partnerMember = { name: 'Jonas Weber', email: 'jonas.weber@pulsewise.example', password: 'jonas-weber-password-1' };
const allianceName = 'Meridian × Pulsewise remote rehabilitation';

const AGREEMENT = 'Collaboration and licence agreement';
const OBLIGATION = 'Quarterly progress report';
const PDF_NAME = 'collaboration-agreement-signed.pdf';
const PDF = makePdf('Collaboration and licence agreement, signed');
const NOTE = 'Our reading of §9.3: the partner cannot terminate for convenience before the second anniversary.';
const EVIDENCE = 'Progress report Q-review sent to the JSC mailbox, ref. PW-PR-2026';

// ---------------------------------------------------------------- dates (UTC)

const TODAY = new Date().toISOString().slice(0, 10);
const iso = (t) => t.toISOString().slice(0, 10);
/** `n` days from the calendar day `from`. */
function addDays(from, n) {
  const t = new Date(`${from}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return iso(t);
}
const day = (n) => addDays(TODAY, n);
/** The last day of month `month` (1..12, may overflow into later years) of `year`. */
const monthEnd = (year, month) => iso(new Date(Date.UTC(year, month, 0)));
const daysBetween = (a, b) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The last month end strictly before today (at most 31 days back): the report's first due date. */
function lastMonthEndBefore(today) {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const thisMonth = monthEnd(year, month);
  return thisMonth < today ? thisMonth : month === 1 ? monthEnd(year - 1, 12) : monthEnd(year, month - 1);
}
const DUE = lastMonthEndBefore(TODAY); // the occurrence the partner fulfils, late
const NEXT_DUE = monthEnd(Number(DUE.slice(0, 4)), Number(DUE.slice(5, 7)) + 3); // the next one, still open
// The status of an open occurrence: due within a week, else upcoming.
const NEXT_STATUS = daysBetween(TODAY, NEXT_DUE) <= 7 ? 'due' : 'upcoming';

const SIGNED_ON = day(-420);
const EFFECTIVE_ON = day(-410);
const EXPIRY_ON = `${Number(TODAY.slice(0, 4)) + 6}-12-31`;
const NOTICE_DAYS = 180;
const NOTICE_DEADLINE = addDays(EXPIRY_ON, -NOTICE_DAYS);
const TERMS = {
  governingLaw: 'England and Wales',
  field: 'Digital rehabilitation after hip and knee replacement',
  territory: 'European Economic Area and the United Kingdom',
};

/** A day as the page shows it (en-GB, medium): "31 Dec 2032". */
// A day as the app writes it for the browser's en-GB reader: "5 Sep 2026" (the app's month words
// are its own, not ICU's "Sept").
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shown = (d) => `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

// ---------------------------------------------------------------- the journey's state

let pharmaOrgId;
let partnerOrgId;
let allianceId;
let agreementId;
let obligationId;
let pm; // the pharma manager
let memberPage; // the partner member, signed in through the login page in step 4
let journeyPage; // the page the current step ends on

const api = (page, method, path, body) => apiCall(page, method, `/api/v1/alliances/${allianceId}${path}`, body);
const agreementUrl = () => `/alliances/${allianceId}/agreements?agreement=${agreementId}`;

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

/** The cells of a table row as text: trimmed, each run of blank lines one line break. */
const cells = (row) => row.locator('td, th').evaluateAll((nodes) => nodes.map((n) => n.innerText.trim().replace(/\s*\n\s*/g, '\n')));

/** Closes the notifications in the corner, so that a full-page screenshot shows the page itself. */
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

async function openAgreement(page) {
  await page.goto(agreementUrl());
  await page.getByRole('heading', { name: AGREEMENT, level: 2 }).waitFor();
  await page.getByRole('region', { name: 'Key terms' }).waitFor();
}

/** The row of one occurrence in a table of due dates. */
const occurrenceRow = (table, due) => table.locator(`[data-occurrence="${OBLIGATION} ${due}"]`);

journeyStep('the pharma manager and a digital-health partner member share an alliance without agreements', () => journeyPage, async () => {
  ({ page: pm, pharmaOrgId, partnerOrgId, allianceId } = await pharmaManagerWithPartner({
    manager,
    partnerOrgName,
    alliance: {
      name: allianceName,
      type: 'co_development',
      therapeutic_areas: ['musculoskeletal'],
      territory: 'EU',
      tier: 2,
      description: 'A digital rehabilitation programme after joint replacement.',
      north_star: { statement: 'Faster, safer recovery at home after joint replacement.', beneficiaries: 'People after hip or knee replacement' },
    },
  }));

  // The partner member gets an account now and signs in through the login page later.
  const memberToken = await invite(pm, {
    email: partnerMember.email, name: partnerMember.name, organization_id: partnerOrgId, alliance_id: allianceId, alliance_role: 'member',
  });
  const joining = await newPage();
  await acceptInvitation(joining, memberToken, partnerMember.name, partnerMember.password);
  await joining.context().close();

  const members = await api(pm, 'GET', '/members');
  assert.equal(members.status, 200, JSON.stringify(members.body));
  assert.deepEqual(members.body.items.map((m) => m.name).sort(), [manager.name, partnerMember.name].sort());

  await pm.goto(`/alliances/${allianceId}`);
  await pm.getByRole('tab', { name: 'Agreements' }).click();
  await pm.waitForURL(new RegExp(`/alliances/${allianceId}/agreements`));
  await pm.getByRole('tablist', { name: 'Agreements sections' }).waitFor();
  await pm.getByRole('heading', { name: 'No agreements yet' }).waitFor();
  journeyPage = pm;
  return closeNotifications(pm);
});

journeyStep('the pharma manager records the signed master agreement; its page shows the key terms and the last day to give notice', () => journeyPage, async () => {
  await pm.getByRole('button', { name: 'New agreement' }).click();
  const dialog = pm.getByRole('dialog', { name: 'New agreement' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(AGREEMENT);
  await chooseOption(pm, dialog, 'Kind', 'Collaboration');
  assert.equal(await dialog.getByRole('combobox', { name: 'Relation', exact: true }).inputValue(), 'Master agreement');
  await chooseOption(pm, dialog, 'Status', 'Signed');
  await fillDate(dialog, 'Signed on', SIGNED_ON);
  await fillDate(dialog, 'Effective from', EFFECTIVE_ON);
  await fillDate(dialog, 'Expires on', EXPIRY_ON);
  await dialog.getByRole('textbox', { name: 'Notice period (days)' }).fill(String(NOTICE_DAYS));
  await dialog.getByRole('textbox', { name: 'Governing law' }).fill(TERMS.governingLaw);
  await chooseOption(pm, dialog, 'Exclusivity', 'Exclusive');
  await dialog.getByRole('textbox', { name: 'Field', exact: true }).fill(TERMS.field);
  await dialog.getByRole('textbox', { name: 'Territory', exact: true }).fill(TERMS.territory);
  await dialog.getByRole('textbox', { name: 'Summary' }).fill('Pulsewise licenses its rehabilitation app; Meridian funds the trials and commercialises.');
  await shot(pm, 'new agreement form filled in', { fullPage: false });
  await dialog.getByRole('button', { name: 'Add agreement' }).click();
  await dialog.waitFor({ state: 'detached' });

  // The agreements table: the title (a link), both parties, Signed, the term and the notice day.
  const table = pm.getByRole('table', { name: 'Agreements' });
  const row = table.locator(`[data-agreement="${AGREEMENT}"]`);
  await row.waitFor();
  assert.equal(await table.locator('tbody tr').count(), 1);
  await row.locator('[data-agreement-status="signed"]').waitFor();
  const [agreementCell, partiesCell, statusCell, termCell] = await cells(row);
  assert.match(agreementCell, new RegExp(`^${AGREEMENT}\\nCollaboration$`));
  assert.equal(partiesCell, `${pharma.org}, ${partnerOrgName}`);
  assert.equal(statusCell, 'Signed');
  assert.equal(termCell, `${shown(EFFECTIVE_ON)} – ${shown(EXPIRY_ON)}\nNotice by ${shown(NOTICE_DEADLINE)}`);
  await shot(pm, 'the agreements table');

  await row.getByRole('link', { name: AGREEMENT }).click();
  await pm.waitForURL(/[?&]agreement=/);
  agreementId = new URL(pm.url()).searchParams.get('agreement');
  await pm.getByRole('heading', { name: AGREEMENT, level: 2 }).waitFor();
  await pm.getByRole('link', { name: 'All agreements' }).waitFor();
  for (const name of ['Add amendment', 'Add sub-agreement', 'Edit agreement']) await pm.getByRole('button', { name }).waitFor();

  const keyTerms = pm.getByRole('region', { name: 'Key terms' }).getByRole('table', { name: 'Key terms' });
  const term = async (table, name) => (await table.locator(`[data-term="${name}"] td`).innerText()).trim();
  const expected = {
    Kind: 'Collaboration',
    Parties: `${pharma.org}, ${partnerOrgName}`,
    Signed: shown(SIGNED_ON),
    Effective: shown(EFFECTIVE_ON),
    Expires: shown(EXPIRY_ON),
    'Notice period': `${NOTICE_DAYS} days`,
    'Governing law': TERMS.governingLaw,
    Field: TERMS.field,
    Territory: TERMS.territory,
    Exclusivity: 'Exclusive',
  };
  for (const [name, value] of Object.entries(expected)) assert.equal(await term(keyTerms, name), value, `key term ${name}`);
  const amended = pm.getByRole('region', { name: 'As amended today' }).getByRole('table', { name: 'As amended today' });
  assert.equal(await term(amended, 'Last day to give notice'), shown(NOTICE_DEADLINE));
  await pm.getByText('No amendment is in force today: these are the agreement’s own terms.').waitFor();
  await pm.getByRole('region', { name: 'History' }).getByText('No amendments yet.').waitFor();
  await pm.getByRole('region', { name: 'Documents' }).getByText('No documents yet.').waitFor();

  const saved = await api(pm, 'GET', `/agreements/${agreementId}`);
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const a = saved.body;
  assert.deepEqual(
    [a.kind, a.relation, a.status, a.signed_on, a.effective_on, a.expiry_on, a.notice_period_days, a.exclusivity, a.notice_deadline],
    ['collaboration', 'master', 'signed', SIGNED_ON, EFFECTIVE_ON, EXPIRY_ON, NOTICE_DAYS, 'exclusive', NOTICE_DEADLINE],
  );
  assert.deepEqual(a.party_ids.slice().sort(), [pharmaOrgId, partnerOrgId].sort());
  assert.equal(a.visibility, 'alliance');
  return closeNotifications(pm);
});

journeyStep('uploads the signed PDF: listed as version 1, and the download returns the same bytes', () => journeyPage, async () => {
  const documents = pm.getByRole('region', { name: 'Documents' });
  await documents.getByRole('button', { name: 'Upload' }).waitFor();
  await documents.getByLabel('Document file').setInputFiles({ name: PDF_NAME, mimeType: MIME.pdf, buffer: PDF });
  const row = documents.getByRole('table', { name: 'Documents' }).locator(`[data-document="${PDF_NAME}"][data-version="1"]`);
  await row.waitFor();
  await pm.getByText(`“${PDF_NAME}” is stored as version 1.`).waitFor();
  assert.equal(await documents.getByRole('table', { name: 'Documents' }).locator('tbody tr').count(), 1);
  const [name, version, type, size, hash, uploadedBy] = await cells(row);
  assert.equal(name, PDF_NAME);
  assert.match(version, /^v1\s*Latest$/);
  assert.equal(type, 'PDF');
  assert.ok(PDF.length < 1024, 'a small PDF, its size shown in bytes');
  assert.equal(size, `${PDF.length} B`);
  assert.equal(hash, sha256(PDF).slice(0, 12));
  assert.equal(await row.getByLabel(`SHA-256 ${sha256(PDF)}`).count(), 1, 'the full fingerprint is the hash of the file');
  assert.equal(uploadedBy, manager.name);

  // The browser's download of the link is the file that was uploaded.
  const link = documents.getByRole('link', { name: `Download ${PDF_NAME} version 1` });
  const [download] = await Promise.all([pm.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), PDF_NAME);
  const downloaded = fs.readFileSync(await download.path());
  assert.ok(downloaded.equals(PDF), `the download is the uploaded PDF (${downloaded.length} bytes, ${PDF.length} uploaded)`);
  // And so is the server's answer to the link, with the session's cookies.
  const response = await pm.request.get(await link.getAttribute('href'));
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'].split(';')[0], MIME.pdf);
  assert.ok((await response.body()).equals(PDF));

  const listed = await api(pm, 'GET', `/agreements/${agreementId}/documents`);
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  assert.deepEqual(listed.body.items.map((d) => [d.name, d.version, d.latest, d.size_bytes, d.sha256]), [[PDF_NAME, 1, true, PDF.length, sha256(PDF)]]);
  return closeNotifications(pm);
});

journeyStep('adds a quarterly progress report owed by the partner, from the last month end: it is overdue', () => journeyPage, async () => {
  const section = pm.getByRole('region', { name: 'Obligations' });
  await section.getByRole('heading', { name: 'No obligations yet' }).waitFor();
  await section.getByRole('button', { name: 'New obligation' }).click();
  const dialog = pm.getByRole('dialog', { name: 'New obligation' });
  // The agreement whose page this is is chosen already.
  assert.equal(await dialog.getByRole('combobox', { name: 'Agreement', exact: true }).inputValue(), AGREEMENT);
  await dialog.getByRole('textbox', { name: 'Clause' }).fill('§6.2');
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(OBLIGATION);
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Recruitment, app usage and safety signals of the quarter, to the JSC.');
  await chooseOption(pm, dialog, 'Category', 'Reporting');
  await chooseOption(pm, dialog, 'Responsible', `${partnerMember.name} (${partnerOrgName})`);
  await dialog.getByRole('radio', { name: 'Owed by one party to another' }).check();
  await chooseOption(pm, dialog, 'Owed by', partnerOrgName);
  await chooseOption(pm, dialog, 'Owed to', pharma.org);
  await dialog.getByRole('radio', { name: 'Recurring' }).check();
  await fillDate(dialog, 'Starts on', DUE);
  // The recurrence in words; the rule it writes is there for experts.
  await chooseOption(pm, dialog, 'Repeats every', 'quarter');
  await chooseOption(pm, dialog, 'On the', 'last day');
  await dialog.getByText('Every quarter on the last day', { exact: false }).first().waitFor();
  await dialog.getByRole('button', { name: 'Advanced: RRULE' }).click();
  assert.equal(await dialog.getByRole('textbox', { name: 'Recurrence rule (RRULE)' }).inputValue(), 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1');
  await shot(pm, 'new obligation form, quarterly on the last day of the quarter month', { fullPage: false });
  await dialog.getByRole('button', { name: 'Add obligation' }).click();
  await dialog.waitFor({ state: 'detached' });

  const table = section.getByRole('table', { name: `Obligations of ${AGREEMENT}` });
  const row = table.locator(`[data-obligation="${OBLIGATION}"]`);
  await row.waitFor();
  const [what, owed, responsible, schedule, next] = await cells(row);
  assert.match(what, new RegExp(`^§6\\.2 ?${OBLIGATION}\\nReporting$`));
  assert.equal(owed, `${partnerOrgName} → ${pharma.org}`);
  assert.equal(responsible, partnerMember.name);
  assert.equal(schedule, `Every quarter on the last day, from ${shown(DUE)}`);
  assert.match(next, new RegExp(`^${shown(DUE)}\\s*Overdue$`));
  await row.locator('[data-occurrence-status="overdue"]').waitFor();

  const obligations = await api(pm, 'GET', `/obligations?agreement_id=${agreementId}`);
  assert.equal(obligations.status, 200, JSON.stringify(obligations.body));
  assert.equal(obligations.body.items.length, 1);
  const o = obligations.body.items[0];
  obligationId = o.id;
  assert.deepEqual(
    [o.category, o.direction, o.owed_by, o.owed_to, o.responsible_name, o.schedule, o.starts_on, o.rrule, o.next_due],
    ['reporting', 'owed', partnerOrgId, pharmaOrgId, partnerMember.name, 'recurring', DUE, 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1', { due_on: DUE, status: 'overdue' }],
  );
  return closeNotifications(pm);
});

journeyStep('the partner member signs in, finds the report overdue in "My obligations" and marks it fulfilled', () => journeyPage, async () => {
  memberPage = await newPage();
  journeyPage = memberPage;
  await signIn(memberPage, partnerMember.email, partnerMember.password);
  await memberPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My obligations' }).click();
  await memberPage.waitForURL(/\/obligations$/);
  await memberPage.getByRole('heading', { name: 'My obligations', level: 1 }).waitFor();
  const table = memberPage.getByRole('table', { name: 'My obligations' });
  const row = occurrenceRow(table, DUE);
  await row.waitFor();
  await row.locator('[data-occurrence-status="overdue"]').waitFor();
  assert.equal(await row.getAttribute('data-overdue'), 'true', 'the overdue row stands out');
  await row.getByRole('link', { name: allianceName }).waitFor();
  const [due, what, , owed] = await cells(row);
  assert.equal(due, shown(DUE));
  assert.match(what, new RegExp(`^§6\\.2 ?${OBLIGATION}\\n${AGREEMENT} · Reporting$`));
  assert.equal(owed, `${partnerOrgName} → ${pharma.org}`);
  await memberPage.getByRole('status').getByText(/· 1 overdue$/).waitFor();
  await shot(memberPage, 'my obligations: the quarterly report overdue');

  await row.getByRole('button', { name: `Mark “${OBLIGATION}” due ${shown(DUE)} fulfilled` }).click();
  const dialog = memberPage.getByRole('dialog', { name: 'Mark fulfilled' });
  await dialog.getByText(`“${OBLIGATION}”, due ${shown(DUE)}.`).waitFor();
  await dialog.getByRole('textbox', { name: 'Evidence' }).fill(EVIDENCE);
  // Today (the server's, UTC): the browser's day is the same or, late on a summer evening, the next.
  await fillDate(dialog, 'Fulfilled on', TODAY);
  await shot(memberPage, 'mark fulfilled with evidence', { fullPage: false });
  await dialog.getByRole('button', { name: 'Mark fulfilled' }).click();
  await dialog.waitFor({ state: 'detached' });

  await row.locator('[data-occurrence-status="fulfilled"]').waitFor();
  await row.getByText(`${shown(TODAY)} (late) · ${EVIDENCE}`).waitFor();
  assert.equal(await row.getAttribute('data-overdue'), null, 'no longer overdue');
  assert.equal(await row.getByRole('button', { name: /^Mark .* fulfilled$/ }).count(), 0, 'nothing left to mark');

  const occurrences = await api(memberPage, 'GET', `/obligations/${obligationId}/occurrences?from=${DUE}&to=${DUE}`);
  assert.equal(occurrences.status, 200, JSON.stringify(occurrences.body));
  const [occurrence] = occurrences.body.items;
  assert.deepEqual(
    [occurrence.due_on, occurrence.status, occurrence.fulfilled_on, occurrence.on_time, occurrence.evidence, occurrence.recorded_by_name],
    [DUE, 'fulfilled', TODAY, false, EVIDENCE, partnerMember.name],
  );
  return closeNotifications(memberPage);
});

journeyStep('the pharma manager sees it fulfilled, the next quarter open, and the partner late in the compliance report and its export', () => journeyPage, async () => {
  journeyPage = pm;
  await pm.goto(`/alliances/${allianceId}/agreements`);
  await pm.getByRole('tablist', { name: 'Agreements sections' }).getByRole('tab', { name: 'Obligations' }).click();
  await pm.waitForURL(/section=obligations/);
  await pm.getByRole('group', { name: 'Due between' }).waitFor();
  const table = pm.getByRole('table', { name: 'Obligations due' });
  const fulfilled = occurrenceRow(table, DUE);
  await fulfilled.locator('[data-occurrence-status="fulfilled"]').waitFor();
  await fulfilled.getByText(`${shown(TODAY)} (late) · ${EVIDENCE}`).waitFor();
  const [due, , owed, responsible, status] = await cells(fulfilled);
  assert.equal(due, shown(DUE));
  assert.equal(owed, `${partnerOrgName} → ${pharma.org}`);
  assert.equal(responsible, partnerMember.name);
  assert.match(status, /^Fulfilled\n/);
  const next = occurrenceRow(table, NEXT_DUE);
  await next.locator(`[data-occurrence-status="${NEXT_STATUS}"]`).waitFor();
  await next.getByRole('button', { name: `Mark “${OBLIGATION}” due ${shown(NEXT_DUE)} fulfilled` }).waitFor();
  // Due dates in order: the fulfilled one first, then the next quarter's, and so on.
  const dues = await table.locator('[data-occurrence]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-occurrence')));
  assert.deepEqual(dues.slice(0, 2), [`${OBLIGATION} ${DUE}`, `${OBLIGATION} ${NEXT_DUE}`]);
  assert.equal(await table.locator('[data-overdue]').count(), 0, 'nothing is overdue');
  await shot(pm, 'obligations due: fulfilled and the next quarter open');

  await pm.getByRole('tablist', { name: 'Agreements sections' }).getByRole('tab', { name: 'Compliance' }).click();
  await pm.waitForURL(/section=compliance/);
  const byParty = pm.getByRole('region', { name: 'By party' }).getByRole('table', { name: 'Compliance by party' });
  const partnerRow = byParty.locator(`[data-row="${partnerOrgName}"]`);
  await partnerRow.waitFor();
  // Owing party, Due, On time, Late, Overdue, Waived, In dispute, On-time rate: one due, fulfilled late.
  assert.deepEqual(await cells(partnerRow), [partnerOrgName, '1', '0', '1', '0', '0', '0', '0%']);
  assert.equal(await byParty.locator('tbody tr').count(), 1, 'only the partner owes anything');
  await pm.getByRole('region', { name: 'Overdue', exact: true }).getByText('Nothing is overdue.').waitFor();
  await pm.getByRole('region', { name: 'Overdue by category' }).getByText('Nothing is overdue.').waitFor();
  const ahead = daysBetween(TODAY, NEXT_DUE);
  const bucket = ahead <= 30 ? 'Within 30 days' : ahead <= 60 ? 'In 31 to 60 days' : ahead <= 90 ? 'In 61 to 90 days' : null;
  if (bucket) await pm.getByRole('region', { name: bucket }).getByText(OBLIGATION).waitFor();

  const compliance = await api(pm, 'GET', '/compliance');
  assert.equal(compliance.status, 200, JSON.stringify(compliance.body));
  const party = compliance.body.by_party.find((r) => r.key === partnerOrgId);
  assert.deepEqual(
    [party.due, party.on_time, party.late, party.overdue, party.waived, party.in_dispute, party.on_time_rate],
    [1, 0, 1, 0, 0, 0, 0],
  );

  // The export: the link's answer is a workbook that openpyxl reads, with the partner's late report.
  const exportLink = pm.getByRole('link', { name: 'Export .xlsx' });
  const href = await exportLink.getAttribute('href');
  assert.match(href, new RegExp(`/api/v1/alliances/${allianceId}/compliance/export\\.xlsx\\?`));
  const [download] = await Promise.all([pm.waitForEvent('download'), exportLink.click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const downloaded = fs.readFileSync(await download.path());
  const response = await pm.request.get(href);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'].split(';')[0], MIME.xlsx);
  for (const bytes of [downloaded, await response.body()]) {
    const wb = readXlsx(bytes);
    assert.deepEqual(wb.sheet_names, ['Obligations', 'Compliance']);
    const report = wb.sheets.Obligations.find((r) => r.includes(OBLIGATION) && r.includes(DUE));
    assert.ok(report, `a row for the report due ${DUE}: ${JSON.stringify(wb.sheets.Obligations)}`);
    const text = report.map((v) => String(v ?? '')).join(' | ').toLowerCase();
    for (const word of ['fulfilled', TODAY, EVIDENCE.toLowerCase()]) assert.ok(text.includes(word), `the row says ${word}: ${text}`);
    assert.ok(wb.sheets.Compliance.some((r) => r.includes(partnerOrgName)), `a compliance row for the partner: ${JSON.stringify(wb.sheets.Compliance)}`);
  }
  return closeNotifications(pm);
});

journeyStep('an internal note of the pharma manager on the agreement is not shown to the partner', () => journeyPage, async () => {
  journeyPage = pm;
  await openAgreement(pm);
  const notes = pm.getByRole('region', { name: 'Internal notes' });
  await notes.getByText('No notes yet.').waitFor();
  await notes.getByRole('button', { name: 'Add note' }).click();
  const dialog = pm.getByRole('dialog', { name: 'New internal note' });
  await dialog.getByRole('textbox', { name: 'Note' }).fill(NOTE);
  assert.equal(await dialog.getByRole('radio', { name: `Only ${pharma.org}` }).isChecked(), true, 'a note is internal by default');
  await dialog.getByRole('button', { name: 'Add note' }).click();
  await dialog.waitFor({ state: 'detached' });
  const card = notes.getByRole('article', { name: `Note by ${manager.name}` });
  await card.getByText(NOTE).waitFor();
  await card.locator('[data-visibility="party"]').waitFor();
  await shot(pm, 'the internal note on the agreement page');

  // The partner member reads the same agreement page: the agreement, its document and obligation,
  // but no note.
  journeyPage = memberPage;
  await openAgreement(memberPage);
  await memberPage.getByRole('region', { name: 'Documents' }).locator(`[data-document="${PDF_NAME}"]`).waitFor();
  await memberPage.getByRole('table', { name: `Obligations of ${AGREEMENT}` }).locator(`[data-obligation="${OBLIGATION}"]`).waitFor();
  const partnerNotes = memberPage.getByRole('region', { name: 'Internal notes' });
  await partnerNotes.getByText('No notes yet.').waitFor();
  await partnerNotes.getByText(`Only ${partnerOrgName} reads a note unless you choose otherwise.`).waitFor();
  assert.equal(await memberPage.getByText(NOTE).count(), 0, 'the note text is nowhere on the page');
  assert.equal(await memberPage.getByRole('article', { name: `Note by ${manager.name}` }).count(), 0);

  const theirs = await api(memberPage, 'GET', `/agreements/${agreementId}/notes`);
  assert.equal(theirs.status, 200, JSON.stringify(theirs.body));
  assert.deepEqual(theirs.body.items, [], 'the API gives the partner no note either');
  const ours = await api(pm, 'GET', `/agreements/${agreementId}/notes`);
  assert.deepEqual(ours.body.items.map((n) => [n.body, n.visibility]), [[NOTE, 'party']]);
  return closeNotifications(memberPage);
});
