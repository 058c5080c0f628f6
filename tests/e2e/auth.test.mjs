// Signing in and out, invitation links that no longer work, and API tokens.
import assert from 'node:assert/strict';
import { apiCall, browserTest, newPage, pharma } from './support.mjs';

let page;

browserTest('a protected page asks to sign in; a wrong password is explained in a sentence', () => page, async () => {
  page = await newPage();
  await page.goto('/settings');
  await page.waitForURL(/\/login\?next=%2Fsettings$/);
  await page.getByLabel('E-mail').fill(pharma.email);
  await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await alert.getByText('The e-mail address or password is wrong.').waitFor();
  assert.doesNotMatch(await alert.innerText(), /[{}]/, 'errors are sentences, never JSON');

  await page.getByRole('textbox', { name: 'Password' }).fill(pharma.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/settings$/, { timeout: 10_000 });
  await page.getByRole('heading', { name: 'Organisation settings' }).waitFor();

  // The admin keeps the organisation's profile; a bad address is caught while typing.
  const website = page.getByRole('textbox', { name: 'Website' });
  await website.fill('meridian.example');
  await page.getByText('Enter a full address, starting with https://').waitFor();
  await website.fill('https://meridian.example');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('The organisation profile is saved.').waitFor();
  const me = await apiCall(page, 'GET', '/api/v1/me');
  assert.equal(me.body.organization.website, 'https://meridian.example');
  return page;
});

browserTest('API tokens are shown once, work, and stop working when revoked', () => page, async () => {
  await page.getByRole('tab', { name: 'API tokens' }).click();
  await page.getByRole('heading', { name: 'No API tokens yet' }).waitFor();
  await page.getByRole('button', { name: 'Create token' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create an API token' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Finance dashboard sync');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const secretBox = page.getByRole('textbox', { name: 'Token secret' });
  await secretBox.waitFor();
  const secret = await secretBox.inputValue();
  assert.match(secret, /^ns_/);
  await page.getByRole('button', { name: 'I have copied it' }).click();

  const withToken = () => fetch(new URL('/api/v1/me', page.url()), { headers: { Authorization: `Bearer ${secret}` } });
  assert.equal((await withToken()).status, 200);
  const row = page.getByRole('row').filter({ hasText: 'Finance dashboard sync' });
  await row.getByText('Active', { exact: true }).waitFor();
  assert.equal(await page.getByText(secret).count(), 0, 'the secret is not shown again');

  await row.getByRole('button', { name: 'Revoke Finance dashboard sync' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await row.getByText('Revoked', { exact: true }).waitFor();
  assert.equal((await withToken()).status, 401);
  return page;
});

browserTest('the account page says who you are; signing out ends the session', () => page, async () => {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Your account' }).click();
  await page.getByText(pharma.email).first().waitFor();
  await page.getByText('Organisation admin').first().waitFor();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login$/);
  const me = await apiCall(page, 'GET', '/api/v1/me');
  assert.equal(me.status, 401);
  await page.goto('/alliances');
  await page.waitForURL(/\/login\?next=%2Falliances$/);
  return page;
});

browserTest('an invitation link that no longer works says so', () => page, async () => {
  await page.goto('/invitations/accept?token=this-token-does-not-exist');
  await page.getByText('This invitation can no longer be used').waitFor();
  return page;
});

browserTest('signing in again returns to the page that asked for it', () => page, async () => {
  await page.goto('/account');
  await page.waitForURL(/\/login\?next=%2Faccount$/);
  await page.getByLabel('E-mail').fill(pharma.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(pharma.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/account$/);
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  return page;
});
