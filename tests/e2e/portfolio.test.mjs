// The portfolio: filters kept in the URL, table and cards, paging through a long list, keyboard use.
// Runs as a colleague of the pharma admin, so that its alliances stay out of the other journeys.
import assert from 'node:assert/strict';
import { acceptInvitation, apiCall, browserTest, eventually, newPage, pharma, signIn, TABLET } from './support.mjs';

const colleague = { name: 'Ben Okafor', email: 'ben@meridian.example', password: 'ben-okafor-password-1' };
let page;

async function seedPortfolio() {
  const admin = await newPage();
  await signIn(admin, pharma.email, pharma.password);
  const me = await apiCall(admin, 'GET', '/api/v1/me');
  const invitation = await apiCall(admin, 'POST', '/api/v1/invitations', {
    email: colleague.email,
    name: colleague.name,
    organization_id: me.body.organization.id,
  });
  assert.equal(invitation.status, 201);
  await admin.context().close();

  page = await newPage();
  const session = await acceptInvitation(page, invitation.body.token, colleague.name, colleague.password);
  const myOrg = session.organization.id;
  const partners = {};
  for (const [name, type] of [
    ['Velara Bio', 'biotech'],
    ['University of Eastmoor', 'academic'],
  ]) {
    const created = await apiCall(page, 'POST', '/api/v1/organizations', { name, type });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    partners[name] = created.body.id;
  }
  const alliance = (name, partner, extra) =>
    apiCall(page, 'POST', '/api/v1/alliances', {
      name,
      type: 'research_collaboration',
      therapeutic_areas: ['fibrosis'],
      territory: 'UK',
      tier: 2,
      description: '',
      parties: [
        { organization_id: myOrg, role: 'funder' },
        { organization_id: partners[partner], role: 'lead' },
      ],
      north_star: { statement: `${name}: what it is for.`, beneficiaries: 'Patients' },
      ...extra,
    });
  await alliance('Velara NASH in-licensing', 'Velara Bio', { type: 'in_licensing', stage: 'due_diligence', tier: 1 });
  await alliance('Eastmoor fibrosis research', 'University of Eastmoor', { stage: 'execution' });
  // Enough small alliances to need a second page (25 a page).
  for (let i = 1; i <= 24; i += 1) {
    const created = await alliance(`Eastmoor seed study ${String(i).padStart(2, '0')}`, 'University of Eastmoor', { tier: 3 });
    assert.equal(created.status, 201);
  }
}

async function rows() {
  return page.getByRole('table', { name: 'Alliances' }).locator('tbody tr').count();
}

browserTest('long portfolios page through with "Load more"', () => page, async () => {
  await seedPortfolio();
  await page.goto('/alliances');
  await page.getByRole('button', { name: 'Load more' }).waitFor();
  assert.equal(await rows(), 25);
  await page.getByRole('button', { name: 'Load more' }).click();
  await eventually(async () => assert.equal(await rows(), 26));
  await page.getByText('Showing 26 alliances (all)').waitFor();
  return page;
});

browserTest('filters are kept in the URL and survive a reload', () => page, async () => {
  // The filters are the browser's own selects.
  await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Execution' });
  await page.waitForURL(/stage=execution/);
  await eventually(async () => assert.equal(await rows(), 1));
  await page.getByRole('link', { name: 'Eastmoor fibrosis research' }).waitFor();

  await page.reload();
  assert.equal(await page.getByRole('combobox', { name: 'Stage' }).evaluate((s) => s.selectedOptions[0].textContent), 'Execution');
  await eventually(async () => assert.equal(await rows(), 1));

  await page.getByRole('button', { name: /Clear filters/ }).click();
  await page.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'Tier 1' });
  await page.getByRole('textbox', { name: 'Search' }).fill('NASH');
  await page.waitForURL((url) => url.searchParams.get('q') === 'NASH' && url.searchParams.get('tier') === '1');
  await eventually(async () => assert.equal(await rows(), 1));
  await page.getByRole('link', { name: 'Velara NASH in-licensing' }).waitFor();

  await page.getByRole('combobox', { name: 'Partner' }).fill('Eastmoor');
  await page.getByRole('option', { name: 'University of Eastmoor' }).click();
  await page.waitForURL(/party=/);
  await page.getByRole('heading', { name: 'No alliance matches these filters' }).waitFor();
  return page;
});

browserTest('the portfolio shows cards too, and works at tablet width', () => page, async () => {
  await page.setViewportSize(TABLET);
  await page.getByRole('button', { name: /Clear filters/ }).click();
  await page.locator('label').filter({ hasText: 'Cards' }).click();
  await page.waitForURL(/view=cards/);
  await eventually(async () => assert.equal(await page.getByRole('table', { name: 'Alliances' }).count(), 0));
  await page.locator('[data-alliance-id]').first().waitFor();
  await page.reload();
  await page.locator('[data-alliance-id]').first().waitFor();
  return page;
});

browserTest('an alliance page works with the keyboard', () => page, async () => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/alliances?stage=due_diligence');
  await page.getByRole('link', { name: 'Velara NASH in-licensing' }).waitFor();
  // The first Tab offers to skip the navigation.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.equal(await skip.evaluate((element) => element === document.activeElement), true);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  const link = page.getByRole('link', { name: 'Velara NASH in-licensing' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/alliances\/[0-9a-f-]{36}$/);
  await page.getByRole('tab', { name: 'Overview' }).focus();
  // Overview → Plan → Governance → Agreements → Health → Stage with the arrow keys.
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/stage$/);
  await page.getByRole('heading', { name: 'History' }).waitFor();
  // Ben is the manager: the stage form is reachable and usable from the keyboard.
  await page.getByRole('radio', { name: 'Negotiation' }).focus();
  await page.keyboard.press('Space');
  assert.equal(await page.getByRole('radio', { name: 'Negotiation' }).isChecked(), true);
  return page;
});
