// The journey, in order: a pharma alliance manager creates an alliance with a start-up
// partner, invites the partner's person, who accepts in a second browser; the partner sees the
// shared notes but not the pharma side's internal one; the stage moves; a stale edit is resolved.
import assert from 'node:assert/strict';
import { apiCall, journeyStep, screenshot, eventually, newPage, pharma, signIn, TABLET } from './support.mjs';

const partner = { org: 'Pulsewise Health', name: 'Dana Whitfield', email: 'dana@pulsewise.example', password: 'pulsewise-partner-pw-1' };
const allianceName = 'Meridian × Pulsewise digital adherence programme';
const sharedNote = 'Kick-off agenda';
const internalNote = 'Our negotiation position';

let alice; // the pharma manager's page
let dana; // the partner's page, in a second browser context
let allianceId;
let inviteLink;

async function chooseOption(page, label, option) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

journeyStep('the pharma alliance manager signs in and sees who they are and an empty portfolio', () => alice, async () => {
  alice = await newPage();
  await signIn(alice, pharma.email, pharma.password);
  const account = alice.getByTestId('user-menu');
  await account.getByText(pharma.name).waitFor();
  await account.getByText(pharma.org).waitFor();
  await alice.getByRole('heading', { name: 'Start your first alliance' }).waitFor();
  return alice;
});

journeyStep('creates an alliance with a start-up partner, with validation as they type', () => alice, async () => {
  await alice.getByRole('link', { name: 'New alliance' }).first().click();
  await alice.waitForURL(/\/alliances\/new$/);

  const name = alice.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('x');
  await name.fill('');
  await alice.getByText('Give the alliance a name').waitFor();
  await name.fill(allianceName);
  await alice.getByText('Give the alliance a name').waitFor({ state: 'detached' });

  await chooseOption(alice, 'Type', 'Co-development');
  await alice.getByText('Tier 1', { exact: true }).click();
  const areas = alice.getByRole('combobox', { name: 'Therapeutic areas' });
  await areas.fill('cardiology');
  await areas.press('Enter');
  await alice.getByRole('textbox', { name: 'Territory' }).fill('EU and US');

  // The partner is not in the directory yet: register it from the form.
  await alice.getByRole('button', { name: /Register it/ }).click();
  const dialog = alice.getByRole('dialog', { name: 'Register a partner organisation' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(partner.org);
  await dialog.getByRole('combobox', { name: 'Kind of organisation' }).click();
  await alice.getByRole('option', { name: 'Start-up', exact: true }).click();
  await dialog.getByRole('button', { name: 'Register organisation' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await alice.getByRole('combobox', { name: 'Party 2 organisation' }).inputValue(), partner.org);
  await chooseOption(alice, 'Party 1 role', 'Co-developer');
  await chooseOption(alice, 'Party 2 role', 'Co-developer');

  await alice.getByRole('textbox', { name: 'Statement' }).fill('Cut 30-day readmissions of heart-failure patients by a fifth within three years.');
  await alice.getByRole('textbox', { name: 'Beneficiaries' }).fill('People living with heart failure, and their cardiologists.');
  await alice.getByRole('textbox', { name: `${pharma.org} contribution` }).fill('Clinical trial sites, regulatory expertise, funding');
  await alice.getByRole('textbox', { name: `${pharma.org} expected value` }).fill('Evidence of better adherence for the label');
  await alice.getByRole('textbox', { name: `${partner.org} contribution` }).fill('The adherence app and its data platform');
  await alice.getByRole('textbox', { name: `${partner.org} expected value` }).fill('A validated use case and revenue');

  await alice.getByRole('button', { name: 'Create alliance' }).click();
  await alice.waitForURL(/\/alliances\/[0-9a-f-]{36}$/);
  allianceId = alice.url().split('/').pop();
  await alice.getByRole('heading', { name: allianceName }).waitFor();
  await alice.getByText('Cut 30-day readmissions', { exact: false }).first().waitFor();
  // Each party's contribution and expected value, side by side.
  await alice.locator(`[data-party-card="${partner.org}"]`).getByText('The adherence app and its data platform').waitFor();
  await alice.locator(`[data-party-card="${pharma.org}"]`).getByText('Evidence of better adherence for the label').waitFor();
  return alice;
});

journeyStep('invites the partner person and shows the link with a copy button', () => alice, async () => {
  await alice.getByRole('tab', { name: 'Team' }).click();
  await alice.getByText(`Nobody from ${partner.org} has joined yet.`, { exact: false }).waitFor();
  await alice.getByRole('button', { name: 'Invite a person' }).click();
  const dialog = alice.getByRole('dialog', { name: 'Invite a person to this alliance' });
  assert.equal(await dialog.getByRole('combobox', { name: 'Organisation', exact: true }).inputValue(), partner.org);
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(partner.name);
  await dialog.getByRole('textbox', { name: 'E-mail' }).fill('not-an-address');
  await dialog.getByText('Enter a valid e-mail address').waitFor();
  await dialog.getByRole('textbox', { name: 'E-mail' }).fill(partner.email);
  await dialog.getByRole('combobox', { name: 'Role in the alliance' }).click();
  await alice.getByRole('option', { name: 'Alliance manager' }).click();
  await dialog.getByRole('button', { name: 'Create invitation' }).click();
  const link = dialog.getByRole('textbox', { name: 'Invitation link' });
  await link.waitFor();
  inviteLink = await link.inputValue();
  assert.match(inviteLink, /\/invitations\/accept\?token=/);
  await dialog.getByRole('button', { name: 'Copy invitation link' }).waitFor();
  await screenshot(alice, 'invitation link to copy', { fullPage: false });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await alice.getByRole('table', { name: 'Pending invitations' }).getByText(partner.email).waitFor();
  return alice;
});

journeyStep('writes a note for all parties and an internal note for the pharma side only', () => alice, async () => {
  await alice.getByRole('tab', { name: 'Notes' }).click();
  await alice.getByRole('heading', { name: 'The journal is empty' }).waitFor();

  for (const [title, visibility] of [
    [sharedNote, 'All parties'],
    [internalNote, `Only ${pharma.org}`],
  ]) {
    await alice.getByRole('button', { name: 'New entry' }).click();
    const dialog = alice.getByRole('dialog', { name: 'New journal entry' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Entry' }).fill(`${title}: written by ${pharma.name}.`);
    await dialog.getByRole('radio', { name: visibility }).check();
    await dialog.getByRole('button', { name: 'Add entry' }).click();
    await dialog.waitFor({ state: 'detached' });
    await alice.getByRole('article', { name: title }).waitFor();
  }
  await alice.getByRole('article', { name: sharedNote }).getByText('All parties', { exact: true }).waitFor();
  await alice.getByRole('article', { name: internalNote }).getByText(`Only ${pharma.org}`, { exact: true }).waitFor();
  return alice;
});

journeyStep('the partner accepts the invitation in a second browser context (tablet width)', () => dana, async () => {
  dana = await newPage(TABLET);
  await dana.goto(inviteLink);
  await dana.getByRole('heading', { name: `Join the alliance “${allianceName}”` }).waitFor();
  // Who invited whom, where and as what.
  await dana.getByText(`${pharma.name} of ${pharma.org} invited you to the alliance`, { exact: false }).waitFor();
  assert.equal(await dana.getByRole('textbox', { name: 'Your name' }).inputValue(), partner.name);
  await dana.getByRole('textbox', { name: 'Choose a password' }).fill('short');
  await dana.getByText('Use at least 12 characters').waitFor();
  await dana.getByRole('textbox', { name: 'Choose a password' }).fill(partner.password);
  await dana.getByRole('textbox', { name: 'Repeat the password' }).fill(partner.password);
  await dana.getByRole('button', { name: 'Accept and sign in' }).click();
  // The newcomer lands on the alliance they were invited to.
  await dana.waitForURL(new RegExp(`/alliances/${allianceId}$`));
  await dana.getByTestId('user-menu').getByText(partner.org).waitFor();
  await dana.getByRole('heading', { name: allianceName }).waitFor();
  return dana;
});

journeyStep('the partner sees the alliance note but not the pharma side’s party note, in the page and through the API', () => dana, async () => {
  await dana.getByRole('tab', { name: 'Notes' }).click();
  await dana.getByRole('article', { name: sharedNote }).waitFor();
  assert.equal(await dana.getByRole('article', { name: internalNote }).count(), 0);
  assert.equal(await dana.getByText(internalNote).count(), 0);

  const notes = await apiCall(dana, 'GET', `/api/v1/alliances/${allianceId}/notes`);
  assert.equal(notes.status, 200);
  const titles = notes.body.items.map((n) => n.title);
  assert.deepEqual(titles, [sharedNote]);

  const pharmaView = await apiCall(alice, 'GET', `/api/v1/alliances/${allianceId}/notes`);
  const hidden = pharmaView.body.items.find((n) => n.title === internalNote);
  assert.equal(hidden.visibility, 'party');
  const guess = await apiCall(dana, 'GET', `/api/v1/alliances/${allianceId}/notes/${hidden.id}`);
  assert.equal(guess.status, 404, 'a party note of the other side must be invisible, not forbidden');

  // The partner is on the team now, as an alliance manager of their own party.
  await dana.getByRole('tab', { name: 'Team' }).click();
  await dana.locator(`[data-team-party="${partner.org}"]`).getByText(partner.name).waitFor();
  return dana;
});

journeyStep('the manager moves the stage with a reason, and the partner sees it', () => alice, async () => {
  await alice.getByRole('tab', { name: 'Stage' }).click();
  await alice.getByRole('radio', { name: 'Evaluation' }).check();
  await alice.getByRole('button', { name: 'Move stage' }).click();
  await alice.getByText('Say why, so that everyone can follow the decision').waitFor();
  await alice.getByRole('textbox', { name: 'Reason' }).fill('Strategic fit confirmed by both steering teams');
  await alice.getByRole('button', { name: 'Move stage' }).click();
  await alice.getByText('Strategic fit confirmed by both steering teams').waitFor();
  await eventually(async () => assert.equal(await alice.locator('[data-stage="evaluation"]').count() > 0, true));
  await alice.getByRole('radio', { name: 'Due diligence' }).waitFor();

  await dana.getByRole('tab', { name: 'Stage' }).click();
  await dana.reload();
  await dana.getByText('Strategic fit confirmed by both steering teams').waitFor();
  await dana.locator('[data-stage="evaluation"]').first().waitFor();
  return alice;
});

// The partner has joined: the shared fields now change by its consent (change-control.test.mjs),
// so the stale edit is on what stays Meridian's own — its words in the North Star.
journeyStep('a stale edit opens a dialog that shows what changed; re-applying keeps both edits', () => alice, async () => {
  await alice.goto(`/alliances/${allianceId}/edit`);
  const contribution = alice.getByRole('textbox', { name: `${pharma.org} contribution` });
  await contribution.waitFor();

  // Meanwhile, in another tab, someone saves a different change.
  const other = await alice.context().newPage();
  await other.goto(`/alliances/${allianceId}/edit`);
  await other.getByRole('textbox', { name: `${pharma.org} expected value` }).fill('Evidence of better adherence, and real-world data');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await other.waitForURL(new RegExp(`/alliances/${allianceId}(\\?.*)?$`));
  await other.close();

  await contribution.fill('Clinical trial sites in 14 countries, regulatory expertise, funding');
  await alice.getByRole('button', { name: 'Save changes' }).click();
  const dialog = alice.getByRole('dialog', { name: 'Someone else changed this alliance' });
  await dialog.waitFor();
  const changes = dialog.getByRole('table', { name: 'Changes made by someone else' });
  const row = changes.getByRole('row').filter({ hasText: 'expected value' });
  await row.getByText('Evidence of better adherence for the label', { exact: true }).waitFor();
  await row.getByText('Evidence of better adherence, and real-world data', { exact: true }).waitFor();
  await dialog.getByText(`saved by ${pharma.name}`, { exact: false }).waitFor();
  await screenshot(alice, 'stale edit dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Re-apply my changes' }).click();

  await alice.waitForURL(new RegExp(`/alliances/${allianceId}(\\?.*)?$`));
  await alice.getByText('Clinical trial sites in 14 countries', { exact: false }).first().waitFor();
  const saved = await apiCall(alice, 'GET', `/api/v1/alliances/${allianceId}`);
  const mine = saved.body.north_star.contributions.find((c) => c.organization_name === pharma.org);
  assert.equal(mine.expected_value, 'Evidence of better adherence, and real-world data');
  assert.match(mine.contribution, /14 countries/);
  return alice;
});

journeyStep('the activity tab lists the changes in words', () => alice, async () => {
  await alice.getByRole('tab', { name: 'Activity' }).click();
  await alice.getByText('moved the stage').first().waitFor();
  await alice.getByText('created the alliance').first().waitFor();
  await alice.getByText('wrote a journal entry').first().waitFor();
  assert.equal(await alice.getByText('{"').count(), 0, 'no raw JSON on the page');
  return alice;
});
