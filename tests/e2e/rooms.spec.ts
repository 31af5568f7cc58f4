import { test, expect, connect, rowIds, allRoomIds, recordRequests, setFaults, go } from './fixtures';

test.use({ emulatorArgs: ['--demo-rooms', '250'] });

test('paging through 250 rooms at 100 a page visits each room once and comes back', async ({ page, emulator }) => {
  const all = await allRoomIds(emulator);
  expect(all).toHaveLength(250);
  await connect(page, emulator);
  await page.getByLabel('Rows per page').selectOption('100');
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(100);
  const first = await rowIds(page);
  // The page number changes with the URL at once; the rows change when the page has arrived.
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page.getByTestId('page-number')).toHaveText('Page 2');
  await expect.poll(() => rowIds(page)).toEqual(all.slice(100, 200));
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page.getByTestId('page-number')).toHaveText('Page 3');
  await expect.poll(() => rowIds(page)).toEqual(all.slice(200));
  expect(first).toEqual(all.slice(0, 100));
  // The last page has no cursor, so there is no Next.
  await expect(page.getByRole('link', { name: 'Next →' })).toHaveCount(0);

  await page.getByRole('link', { name: '← Previous' }).click();
  await expect(page.getByTestId('page-number')).toHaveText('Page 2');
  await expect.poll(() => rowIds(page)).toEqual(all.slice(100, 200));
  await page.getByRole('link', { name: '← Previous' }).click();
  await expect(page.getByTestId('page-number')).toHaveText('Page 1');
  await expect.poll(() => rowIds(page)).toEqual(first);

  // Browser history walks the same pages.
  await page.goBack();
  await expect(page.getByTestId('page-number')).toHaveText('Page 2');
  await expect.poll(() => rowIds(page)).toEqual(all.slice(100, 200));
});

test('the filter works over the loaded rows and stays in the URL through a reload', async ({ page, emulator }) => {
  await connect(page, emulator);
  await page.getByLabel('Rows per page').selectOption('250');
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(250);
  await page.getByLabel('Filter').fill('lobby');
  // "Lobby", "Lobby 2" … "Lobby 9": one in every 30 demo rooms.
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(9);
  await expect(page.locator('.summary')).toHaveText('9 of 250 chatrooms on this page match the filter');
  await expect(page).toHaveURL(/q=lobby/);
  await page.reload();
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(9);
  await expect(page.getByLabel('Filter')).toHaveValue('lobby');
  await page.getByLabel('Filter').fill('no room is called this');
  await expect(page.getByText('No loaded row matches the filter.')).toBeVisible();
});

test('sorting by a column orders the rows and is announced to screen readers', async ({ page, emulator }) => {
  await connect(page, emulator);
  const header = page.getByRole('columnheader', { name: 'Members' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const counts = (await page.locator('table.rooms tbody tr td.members').allInnerTexts()).map(Number);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const down = (await page.locator('table.rooms tbody tr td.members').allInnerTexts()).map(Number);
  expect(down).toEqual([...counts].sort((a, b) => b - a));
});

test('extra columns come from batched detail calls, 100 rooms a request', async ({ page, emulator }) => {
  await connect(page, emulator);
  await page.getByLabel('Rows per page').selectOption('250');
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(250);
  const details = recordRequests(page, /\/chatrooms\/[0-9]+(%2C|,)/);
  await page.getByRole('checkbox', { name: 'Max users' }).check();
  await expect(page.getByRole('columnheader', { name: 'Max users' })).toBeVisible();
  await expect(page.locator('td.pending')).toHaveCount(0);
  await expect(page.locator('table.rooms tbody tr td.maxusers')).toHaveCount(250);
  const maxusers = await page.locator('table.rooms tbody tr td.maxusers').allInnerTexts();
  expect(maxusers.every((m) => ['200', '500', '1000', '5000'].includes(m))).toBe(true);
  expect(details).toHaveLength(3);
  await expect(page).toHaveURL(/cols=maxusers/);
});

test('a reload lands on the same page, filter and sort', async ({ page, emulator }) => {
  await connect(page, emulator);
  const all = await allRoomIds(emulator);
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page.getByTestId('page-number')).toHaveText('Page 2');
  await expect.poll(async () => (await rowIds(page)).sort()).toEqual(all.slice(25, 50).sort());
  await page.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
  const before = await rowIds(page);
  const url = page.url();
  await page.reload();
  await expect(page.getByTestId('page-number')).toHaveText('Page 2');
  await expect.poll(() => rowIds(page)).toEqual(before);
  expect(page.url()).toBe(url);
});

test.describe('a change while a page loads', () => {
  test.use({ emulatorArgs: ['--demo-rooms', '250'] });
  test('a page size chosen while a page is loading is the one shown', async ({ page, emulator }) => {
    await connect(page, emulator);
    const token = await emulator.token();
    const sent = recordRequests(page, /\/chatrooms$/);
    await setFaults(emulator, token, { latency_ms: 1000 });
    await go(page, '/rooms?size=50');
    // Chosen while the 50 are still on their way.
    await page.getByLabel('Rows per page').selectOption('100');
    await expect(page.locator('table.rooms tbody tr')).toHaveCount(100);
    await setFaults(emulator, token, { latency_ms: 0 });
    expect(sent.map((r) => new URL(r.url()).searchParams.get('limit'))).toEqual(['50', '100']);
  });
});
