import { test, expect, connect, allRoomIds, recordRequests, setFaults, go, api } from './fixtures';
import * as fs from 'node:fs';

async function screenshot(page: import('@playwright/test').Page, name: string) {
  // `make screenshots` refreshes the README's pictures from these same tests.
  if (process.env.UPDATE_SCREENSHOTS) {
    fs.mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: `docs/screenshots/${name}.png` });
  }
}

test('a room opens from the list with every field and its members, owner marked', async ({ page, emulator }) => {
  await connect(page, emulator);
  await screenshot(page, 'room-list');
  const firstRow = page.locator('table.rooms tbody tr').first();
  const id = await firstRow.locator('td.id').innerText();
  const owner = await firstRow.locator('td.owner').innerText();
  await firstRow.getByRole('link', { name: id }).click();
  await expect(page).toHaveURL(new RegExp(`/rooms/${id}$`));
  await expect(page.getByTestId('room-id')).toHaveText(id);
  await expect(page.getByTestId('room-owner')).toHaveText(owner);
  for (const label of ['Description', 'Max users', 'Members', 'Created', 'Joining needs approval', 'Members may invite', 'Public', 'Custom']) {
    await expect(page.getByTestId('room-fields').locator('dt').getByText(label, { exact: true })).toBeVisible();
  }
  const members = page.locator('ul.members li');
  await expect(members.first()).toContainText(owner);
  await expect(members.first().locator('.badge')).toHaveText('owner');
  await expect(members).toHaveCount(Number(await page.getByTestId('member-count').innerText()));
  // Created shows local time, with the ISO time on hover.
  await expect(page.getByTestId('room-fields').locator('time')).toHaveAttribute('title', /^\d{4}-\d\d-\d\dT/);
});

test('a room opens straight from its URL, and JSON in custom is pretty-printed', async ({ page, emulator }) => {
  const ids = await allRoomIds(emulator);
  // The oldest demo room ("Lobby") has JSON in custom and holds every user.
  const lobby = ids[ids.length - 1];
  await connect(page, emulator);
  await page.goto(`${emulator.url}/rooms/${lobby}`);
  await expect(page.getByRole('heading', { name: 'Lobby' })).toBeVisible();
  await expect(page.getByTestId('custom')).toHaveText(/\{\n  "level": 0,\n  "tags": \[/);
  await expect(page.getByTestId('member-count')).toHaveText('50');
  await screenshot(page, 'room-detail');
});

test('members of a large room are paged through the members endpoint', async ({ page, emulator }) => {
  const ids = await allRoomIds(emulator);
  const lobby = ids[ids.length - 1];
  const token = await emulator.token();
  // Register 120 more users and add them to the Lobby: 170 members, two pages of 100.
  for (let batch = 0; batch < 2; batch++) {
    const users = Array.from({ length: 60 }, (_, i) => ({ username: `extra${batch}_${i}`, password: 'p' }));
    await fetch(`${emulator.api}/users`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(users) });
    await fetch(`${emulator.api}/chatrooms/${lobby}/users`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ usernames: users.map((u) => u.username) }) });
  }
  await connect(page, emulator);
  const memberCalls = recordRequests(page, /\/chatrooms\/[0-9]+\/users$/);
  await page.goto(`${emulator.url}/rooms/${lobby}`);
  await expect(page.getByTestId('member-count')).toHaveText('170');
  await expect(page.locator('ul.members li')).toHaveCount(100);
  await page.getByRole('navigation', { name: 'Member pages' }).getByRole('link', { name: 'Next →' }).click();
  await expect(page.locator('ul.members li')).toHaveCount(70);
  await expect(page).toHaveURL(/mpage=2/);
  expect(memberCalls.map((r) => new URL(r.url()).searchParams.get('pagenum'))).toEqual(['1', '2']);
});

test('an unknown room id shows the server\'s message', async ({ page, emulator }) => {
  await connect(page, emulator);
  await page.goto(`${emulator.url}/rooms/123456789`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('404 service_resource_not_found');
  await expect(alert).toContainText('do not find this group:123456789');
});

test.describe('with 250 rooms', () => {
  test.use({ emulatorArgs: ['--demo-rooms', '250'] });
  test('150 ids open at once in two detail requests, unknown ids listed as not found', async ({ page, emulator }) => {
  const ids = (await allRoomIds(emulator)).slice(0, 148);
  const asked = [...ids, '999999999999991', '999999999999992'];
  await connect(page, emulator);
  await page.getByRole('link', { name: 'Open by ids' }).click();
  const details = recordRequests(page, /\/chatrooms\/[0-9]+(%2C|,)/);
  // Commas, spaces and new lines all separate ids.
  await page.getByLabel(/Chatroom ids/).fill(asked.slice(0, 75).join(', ') + '\n' + asked.slice(75).join(' '));
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('open-summary')).toHaveText('Found 148 of 150 chatrooms');
  await expect(page.getByTestId('not-found')).toContainText('999999999999991');
  await expect(page.getByTestId('not-found')).toContainText('999999999999992');
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(148);
  expect(details).toHaveLength(2);
  // The ids are in the URL: a reload shows the same result.
  await page.reload();
  await expect(page.getByTestId('open-summary')).toHaveText('Found 148 of 150 chatrooms');
  });
});

test('a user\'s joined rooms link to each room; an unknown user shows the server\'s 404', async ({ page, emulator }) => {
  await connect(page, emulator);
  await page.getByLabel("User's rooms").fill('alice');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/\/users\/alice\/rooms$/);
  await expect(page.getByRole('heading', { name: 'Chatrooms alice has joined' })).toBeVisible();
  const link = page.locator('table.rooms tbody tr a').first();
  await expect(link).toBeVisible();
  const id = await link.innerText();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/rooms/${id}$`));
  await expect(page.locator('ul.members')).toContainText('alice');

  await page.goto(`${emulator.url}/users/nobody/rooms`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('404 resource_not_found');
  await expect(alert).toContainText("username nobody doesn't exist!");
});

test('another room opened while one is still loading is the one shown', async ({ page, emulator }) => {
  await connect(page, emulator);
  const ids = await allRoomIds(emulator);
  const token = await emulator.token();
  await setFaults(emulator, token, { latency_ms: 1000 });
  await go(page, `/rooms/${ids[3]}`);
  await go(page, `/rooms/${ids[4]}`);
  await expect(page.getByTestId('room-id')).toHaveText(ids[4]);
  // Its members and its panels, not the first room's.
  const owner = (await api(emulator, token, 'GET', `/chatrooms/${ids[4]}`)).body.data[0].owner;
  await expect(page.locator('ul.members li').first()).toContainText(owner);
  await expect(page.getByTestId('mutes')).toBeVisible();
  await setFaults(emulator, token, { latency_ms: 0 });
  await expect(page.getByTestId('room-id')).toHaveText(ids[4]);
});
