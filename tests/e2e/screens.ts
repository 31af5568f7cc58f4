// Every screen and dialog of the dashboard, visited in order: the language and accessibility
// tests look at each one.
import { expect, go, allRoomIds, Emulator } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** Visits every screen and opens every dialog of the dashboard, calling `visit` on each. */
export async function walkScreens(page: Page, emulator: Emulator, visit: (screen: string) => Promise<void>) {
  const dialog = page.locator('dialog[open]');
  const openDialog = async (screen: string, opener: Locator, then?: () => Promise<void>) => {
    await opener.click();
    await expect(dialog).toBeVisible();
    if (then) await then();
    await visit(screen);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  };

  await page.goto(`${emulator.url}/rooms`);
  await expect(page.locator('main h1')).toBeVisible();
  await visit('not connected');
  await page.goto(`${emulator.url}/connect`);
  await expect(page.locator('#client_id')).toHaveValue('demo-client-id');
  await visit('connect');
  await page.locator('main form button[type=submit]').click();
  await expect(page.locator('table.rooms tbody tr').first()).toBeVisible();
  // Every extra column, so their headers are read too.
  for (const box of await page.locator('fieldset.cols input[type=checkbox]').all()) await box.check();
  await expect(page.locator('table.rooms td.created').first()).toBeVisible();
  await visit('chatroom list');
  await openDialog('new chatroom (refused before sending)', page.getByTestId('new-room'), async () => {
    await dialog.locator('button[type=submit]').click();
    await expect(dialog.locator('.field-error:not(:empty), [role=alert]').first()).toBeVisible();
  });
  await page.locator('table.rooms tbody tr td.select input').first().check();
  await openDialog('bulk dissolve', page.getByTestId('dissolve-selected'));
  await openDialog('bulk moderation', page.getByTestId('moderate-selected'), async () => {
    await dialog.getByRole('radio').nth(1).check();
  });
  await page.locator('table.rooms tbody tr td.select input').first().uncheck();

  const id = (await page.locator('table.rooms tbody tr td.id').first().innerText()).trim();
  await page.locator('table.rooms tbody tr td.id a').first().click();
  await expect(page.getByTestId('room-id')).toHaveText(id);
  await expect(page.locator('ul.members li').first()).toBeVisible();
  await visit('chatroom');
  const actions = page.locator('.room-actions button');
  const names = ['edit', 'transfer', 'add members', 'remove members', 'member leaves', 'dissolve'];
  for (let i = 0; i < names.length; i++) await openDialog(names[i], actions.nth(i));
  await page.getByTestId('member-search').fill('a');
  await expect(page.getByTestId('member-results').getByRole('listitem').first()).toBeVisible();
  await visit('search within a chatroom');
  await page.getByTestId('member-search').fill('');
  // The oldest demo room has some of everything moderation shows.
  const ids = await allRoomIds(emulator);
  await go(page, `/rooms/${ids[ids.length - 1]}`);
  await expect(page.getByTestId('mutes').getByRole('link').first()).toBeVisible();
  await expect(page.getByTestId('attributes').locator('tbody tr').first()).toBeVisible();
  await visit('chatroom moderation');

  await go(page, `/open?ids=${id},1`);
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(1);
  await visit('open by ids');
  const owner = (await page.locator('table.rooms tbody tr td').nth(2).innerText()).trim();
  await go(page, `/users/${owner}/rooms`);
  await expect(page.locator('table.rooms tbody tr').first()).toBeVisible();
  await visit("a user's chatrooms");
  await go(page, '/super-admins');
  await expect(page.getByTestId('super-admins').getByRole('link').first()).toBeVisible();
  await visit('super admins');
  // Messages: one sent to a room (its result and the sent list), the broadcast's confirmation.
  await go(page, `/messages?room=${id}`);
  await page.getByTestId('msg-text').fill('Hello');
  await page.getByTestId('msg-send').click();
  await expect(page.getByTestId('msg-results').locator('tbody tr.ok')).toHaveCount(1);
  await expect(page.getByTestId('sent-list').locator('tbody tr')).toHaveCount(1);
  await visit('messages');
  await openDialog('broadcast confirmation', page.getByTestId('broadcast'));
  await go(page, `/users/${owner}`);
  await expect(page.getByTestId('user-facts')).toBeVisible();
  await visit('a user across the app');
  await go(page, `/users?names=${owner}`);
  await expect(page.getByTestId('muted-list')).toBeVisible();
  await visit('users across the app');
  await go(page, '/import');
  await page.getByTestId('import-file').setInputFiles({
    name: 'rooms.csv', mimeType: 'text/csv',
    buffer: Buffer.from('name,description,owner\nLobby,tonight,alice\nLobby,again,alice\n'),
  });
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await visit('import from a spreadsheet');
  await go(page, '/rooms?all=1');
  await expect(page.getByTestId('all-summary')).toBeVisible();
  await page.locator('[data-testid=all-scroll] .vbody [role=row] input').first().check();
  await visit('every chatroom');
  // The overview with every chart drawn (details read), a table view open; then where its
  // figures lead: the all-rooms view narrowed.
  await go(page, '/overview');
  await expect(page.getByTestId('total-rooms')).toBeVisible();
  await page.getByTestId('read-details').click();
  await expect(page.getByTestId('fullest').locator('svg a').first()).toBeVisible();
  await page.getByTestId('histogram').locator('details summary').click();
  // The plan's limit reached: the gauge in its warning colour.
  await page.getByTestId('plan-limit').fill('30');
  await expect(page.getByTestId('plan-gauge')).toBeVisible();
  await visit('overview');
  await go(page, '/rooms?all=1&max=1&older=0');
  await expect(page.getByTestId('all-narrowed')).toBeVisible();
  await visit('every chatroom, narrowed');
  await go(page, '/rooms/1');
  await expect(page.getByRole('alert')).toBeVisible();
  await visit('a chatroom that does not exist (error)');
  await go(page, '/log');
  await page.locator('details summary').first().click();
  await visit('request log');
  await go(page, '/nowhere');
  await visit('no such page');
  await page.locator('main').click();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await visit('keyboard shortcuts');
  await page.keyboard.press('Escape');
}

