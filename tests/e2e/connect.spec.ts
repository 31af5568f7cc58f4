import { test, expect, connect } from './fixtures';

test('connecting with the preset client credentials shows the rooms and when the token expires', async ({ page, emulator }) => {
  await connect(page, emulator);
  await expect(page.locator('.app-key')).toHaveText('demo#admin');
  await expect(page.getByTestId('token-expiry')).toContainText(/Token expires in (1 h 5\d min|2 h 0 min)/);
});

test('connecting with a pasted app token works and the token survives a reload', async ({ page, emulator }) => {
  const token = await emulator.token();
  await page.goto(`${emulator.url}/connect`);
  await page.getByLabel('An app token').check();
  await page.getByLabel('App token', { exact: true }).fill(`Bearer ${token}`);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page).toHaveURL(/\/rooms$/);
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(25);
  await page.reload();
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(25);
});

test('the form names every missing field before sending anything', async ({ page, emulator }) => {
  let sent = 0;
  page.on('request', (r) => { if (r.url().includes('/token')) sent++; });
  await page.goto(`${emulator.url}/connect`);
  await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('demo-client-id');
  await page.getByLabel('Org name').fill('');
  await page.getByLabel('Client secret').fill('');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.locator('#org-error')).toHaveText(/org name/i);
  await expect(page.locator('#client_secret-error')).toHaveText(/client secret/i);
  await expect(page.getByLabel('Org name')).toBeFocused();
  expect(sent).toBe(0);
});

test('a wrong secret shows the server\'s error and keeps the form', async ({ page, emulator }) => {
  await page.goto(`${emulator.url}/connect`);
  await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('demo-client-id');
  await page.getByLabel('Client secret').fill('wrong');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('400 invalid_grant');
  await expect(alert).toContainText('client_secret does not match');
  await expect(page.getByLabel('Client secret')).toHaveValue('wrong');
  await expect(page).toHaveURL(/\/connect/);
});

test('a remembered app can be picked again and forgotten; its secret is never stored', async ({ page, emulator }) => {
  await connect(page, emulator);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('chatroom-admin.apps') ?? '[]'));
  expect(saved).toEqual([{ host: emulator.url, org: 'demo', app: 'admin' }]);
  const everything = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(everything).not.toContain('demo-client-secret');
  await page.getByRole('link', { name: 'Switch app' }).click();
  const entry = page.locator('.saved-app');
  await expect(entry).toHaveCount(1);
  await entry.getByRole('button', { name: 'Forget' }).click();
  await expect(entry).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('chatroom-admin.apps'))).toBe('[]');
});

test('a view opened before connecting comes back after connecting', async ({ page, emulator }) => {
  await page.goto(`${emulator.url}/users/alice/rooms`);
  await page.getByRole('link', { name: 'Connect to an app' }).click();
  await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('demo-client-id');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page).toHaveURL(/\/users\/alice\/rooms$/);
  await expect(page.getByRole('heading', { name: 'Chatrooms alice has joined' })).toBeVisible();
});
