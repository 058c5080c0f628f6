// Change control between parties (issue 13): once the partner's manager has joined, neither party
// changes the alliance's shared fields alone. The partner's manager proposes a new name and an
// extra therapeutic area through Edit (the pharma side's words are read-only to them); the pharma
// manager sees the proposal on the overview, before → after, and accepts it; the alliance then
// shows the new name to both. Each party's tier and priority note stay its own.
//
// Runs as a colleague of the pharma admin with a partner organisation of its own, so that its
// alliance stays out of the other journeys.
import assert from 'node:assert/strict';
import { acceptInvitation, apiCall, eventually, journeyStep, newPage, pharmaManagerWithPartner, screenshot } from './support.mjs';

const manager = { name: 'Avery Lindqvist', email: 'avery.lindqvist@meridian.example', password: 'avery-lindqvist-password-1' };
const partner = { org: 'Nimbus Health', name: 'Noor Haddad', email: 'noor.haddad@nimbus.example', password: 'nimbus-partner-password-1' };
const oldName = 'Meridian × Nimbus sleep apnoea programme';
const newName = 'Meridian × Nimbus sleep health programme';
const newArea = 'rare disease';
const reason = 'The joint steering committee widened the scope on 3 December.';
const pharmaWords = 'Clinical sites in five countries and the regulatory dossier';

let pm; // the pharma alliance manager's page
let np; // the partner manager's page, in a second browser context
let allianceId;
let pharmaOrgId;
let partnerOrgId;

const api = (page, method, path, body) => apiCall(page, method, `/api/v1/alliances/${allianceId}${path}`, body);

/** PATCHes the alliance at its current version as the person signed in on `page`. */
async function patchAlliance(page, body) {
  const current = await api(page, 'GET', '');
  const response = await apiCall(page, 'PATCH', `/api/v1/alliances/${allianceId}`, body, { ifMatch: current.body.version });
  return { status: response.status, text: JSON.stringify(response.body) };
}

/** The open proposal's card on the overview. */
const proposalCard = (page) => page.locator('article[data-proposal-status="open"]');

journeyStep('the pharma manager sets up an alliance with a start-up, whose manager joins', () => pm, async () => {
  ({ page: pm, pharmaOrgId, partnerOrgId, allianceId } = await pharmaManagerWithPartner({
    manager,
    partnerOrgName: partner.org,
    alliance: {
      name: oldName,
      type: 'co_development',
      therapeutic_areas: ['sleep medicine'],
      territory: 'EU',
      tier: 1,
      description: 'A home-testing pathway for obstructive sleep apnoea.',
      north_star: { statement: 'Diagnose sleep apnoea at home, within a month of referral.', beneficiaries: 'People with suspected sleep apnoea' },
    },
  }));
  // Before the partner joins, the pharma manager may still write both parties' words.
  const before = await api(pm, 'GET', '');
  assert.equal(before.body.consent_required, false);
  const words = await patchAlliance(pm, {
    north_star: {
      contributions: [
        { organization_id: pharmaOrgId, contribution: pharmaWords, expected_value: 'A faster diagnostic pathway' },
        { organization_id: partnerOrgId, contribution: 'The home-testing kit and its app', expected_value: 'Reimbursed use in the EU' },
      ],
    },
  });
  assert.equal(words.status, 200, words.text);

  const invitation = await apiCall(pm, 'POST', '/api/v1/invitations', {
    email: partner.email, name: partner.name, organization_id: partnerOrgId, alliance_id: allianceId, alliance_role: 'manager',
  });
  assert.equal(invitation.status, 201, JSON.stringify(invitation.body));
  np = await newPage();
  await acceptInvitation(np, invitation.body.token, partner.name, partner.password);

  const after = await api(pm, 'GET', '');
  assert.equal(after.body.consent_required, true, 'with the partner’s manager in, shared fields need consent');
  await pm.goto(`/alliances/${allianceId}`);
  await pm.getByRole('heading', { name: oldName }).waitFor();
  return pm;
});

journeyStep('the partner’s manager cannot edit the pharma side’s words: they are read-only', () => np, async () => {
  await np.goto(`/alliances/${allianceId}/edit`);
  await np.getByText('Changes to shared fields need the agreement of Meridian Therapeutics').waitFor();
  const pharmaContribution = np.getByRole('textbox', { name: 'Meridian Therapeutics contribution' });
  assert.equal(await pharmaContribution.inputValue(), pharmaWords);
  assert.equal(await pharmaContribution.getAttribute('readonly'), '', 'the pharma side’s contribution is read-only');
  assert.equal(await np.getByRole('textbox', { name: 'Meridian Therapeutics expected value' }).getAttribute('readonly'), '');
  await np.getByText('Meridian Therapeutics edits its own words', { exact: false }).waitFor();
  // Their own words stay editable.
  assert.equal(await np.getByRole('textbox', { name: `${partner.org} contribution` }).getAttribute('readonly'), null);

  // And the API refuses it too.
  const alliance = await api(np, 'GET', '');
  const theirs = alliance.body.north_star.contributions.find((c) => c.organization_id === pharmaOrgId);
  assert.equal(theirs.can_edit, false);
  const attempt = await patchAlliance(np, { north_star: { contributions: [{ organization_id: pharmaOrgId, contribution: 'Rewritten by the partner' }] } });
  assert.equal(attempt.status, 403, `PATCH of the other party's words: ${attempt.status} ${attempt.text}`);
  // Nor can a shared field be patched: it must be proposed.
  const rename = await patchAlliance(np, { name: 'Renamed behind the pharma side’s back' });
  assert.equal(rename.status, 409, `PATCH of a shared field: ${rename.status} ${rename.text}`);
  assert.match(JSON.parse(rename.text).type, /consent-required$/);
  return np;
});

journeyStep('the partner’s manager proposes a new name and an extra therapeutic area, with a reason', () => np, async () => {
  await np.getByRole('textbox', { name: 'Name', exact: true }).fill(newName);
  const areas = np.getByRole('combobox', { name: 'Therapeutic areas' });
  await areas.fill(newArea);
  await areas.press('Enter');
  await np.getByRole('textbox', { name: 'Why' }).fill(reason);
  await np.getByRole('button', { name: 'Propose changes' }).click();

  await np.waitForURL(new RegExp(`/alliances/${allianceId}\\?proposal=`));
  await np.getByText('Proposed to Meridian Therapeutics: waiting for their decision.', { exact: false }).waitFor();
  // Nothing changed yet: the alliance keeps its name until the pharma side accepts.
  await np.getByRole('heading', { name: oldName }).waitFor();
  const card = proposalCard(np);
  await card.getByText('Waiting for decisions').waitFor();
  await card.getByRole('button', { name: 'Withdraw' }).waitFor();
  assert.equal(await card.getByRole('button', { name: 'Accept' }).count(), 0, 'the proposer does not decide on its own proposal');
  const current = await api(np, 'GET', '');
  assert.equal(current.body.name, oldName);
  assert.equal(current.body.open_proposals, 1);
  return np;
});

journeyStep('the pharma manager sees the proposal on the overview, before → after', () => pm, async () => {
  await pm.goto(`/alliances/${allianceId}`);
  await pm.getByTestId('open-proposals').getByText('1 proposed change waiting').waitFor();
  const card = proposalCard(pm);
  await card.getByText(`${partner.name}`, { exact: false }).first().waitFor();
  await card.getByText(reason).waitFor();
  const table = card.getByRole('table', { name: 'Proposed changes, before and after' });
  const nameRow = table.getByRole('row').filter({ hasText: 'Name' });
  await nameRow.getByText(oldName, { exact: true }).waitFor();
  await nameRow.getByText(newName, { exact: true }).waitFor();
  const areasRow = table.getByRole('row').filter({ hasText: 'Therapeutic areas' });
  await areasRow.getByText(`Adds ${newArea}`).waitFor();
  await card.getByRole('list', { name: 'Decisions by party' }).getByText('Meridian Therapeutics: Waiting').waitFor();
  assert.equal(await pm.getByText('north_star').count(), 0, 'no raw field name on the page');
  assert.equal(await pm.getByText('co_development').count(), 0, 'no raw enumeration on the page');
  await screenshot(pm, 'proposal card as the deciding party sees it', { fullPage: false });
  return pm;
});

journeyStep('the pharma manager follows the notification to the proposal', () => pm, async () => {
  await pm.goto('/alliances');
  const bell = pm.getByRole('button', { name: /^Notifications, \d+ unread$/ });
  await bell.click();
  const item = pm.getByRole('menuitem').filter({ hasText: /propos/i }).first();
  await item.click();
  await pm.waitForURL(new RegExp(`/alliances/${allianceId}\\?proposal=`));
  await pm.locator('article[data-highlighted="true"][data-proposal-status="open"]').waitFor();
  return pm;
});

journeyStep('the pharma manager accepts; the alliance shows the new name to both parties', () => pm, async () => {
  const card = proposalCard(pm);
  await card.getByRole('button', { name: 'Accept' }).click();
  const confirm = pm.getByRole('dialog', { name: 'Accept this change?' });
  await confirm.getByText('Yours is the last decision needed', { exact: false }).waitFor();
  await confirm.getByRole('button', { name: 'Accept change' }).click();
  await pm.getByText('Every party agreed: the change is applied to the alliance.').waitFor();
  await pm.getByRole('heading', { name: newName }).waitFor();
  await eventually(async () => assert.equal(await proposalCard(pm).count(), 0));
  await eventually(async () => assert.equal(await pm.getByTestId('open-proposals').count(), 0));

  const applied = await api(pm, 'GET', '');
  assert.equal(applied.body.name, newName);
  assert.deepEqual([...applied.body.therapeutic_areas].sort(), ['rare disease', 'sleep medicine']);
  assert.equal(applied.body.open_proposals, 0);

  // The closed proposal stays on record, with the decision.
  await pm.getByRole('button', { name: 'Show closed proposals' }).click();
  const closed = pm.locator('article[data-proposal-status="applied"]');
  await closed.getByText('Applied', { exact: true }).waitFor();
  await closed.getByText(`Accepted by ${manager.name}`, { exact: false }).waitFor();
  await screenshot(pm, 'after acceptance: new name and the applied proposal', { fullPage: false });

  await np.goto(`/alliances/${allianceId}`);
  await np.getByRole('heading', { name: newName }).waitFor();
  return pm;
});

journeyStep('each party’s tier and priority note are its own', () => pm, async () => {
  await pm.goto(`/alliances/${allianceId}/edit`);
  await pm.getByText('Your tier', { exact: true }).waitFor();
  await pm.getByText('Tier 3', { exact: true }).click();
  await pm.getByRole('textbox', { name: 'Priority note (internal)' }).fill('Pause until the reimbursement decision');
  // Only the organisation's own things changed: saved at once, nothing proposed.
  await pm.getByRole('button', { name: 'Save changes' }).click();
  await pm.waitForURL(new RegExp(`/alliances/${allianceId}$`));
  await pm.getByTestId('priority-note').getByText('Pause until the reimbursement decision').waitFor();

  const mine = await api(pm, 'GET', '');
  assert.equal(mine.body.tier, 3);
  const theirs = await api(np, 'GET', '');
  assert.equal(theirs.body.tier, 2, 'the partner keeps its own (default) tier');
  assert.equal(theirs.body.priority_note, '', 'the partner never reads the pharma side’s note');
  await np.reload();
  await np.getByRole('heading', { name: newName }).waitFor();
  assert.equal(await np.getByText('Pause until the reimbursement decision').count(), 0);

  // The activity trail tells the story in words.
  await pm.getByRole('tab', { name: 'Activity' }).click();
  await pm.getByText('proposed a change to the alliance').first().waitFor();
  await pm.getByText('accepted a proposed change').first().waitFor();
  assert.equal(await pm.getByText('{"').count(), 0, 'no raw JSON on the page');
  return pm;
});
