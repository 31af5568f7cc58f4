// Scale: every room of a 100,000-room app in one table, the data layer's cache, and a room of
// 10,000 members. None of these is timed (`make bench` prints the figures); each checks what
// a person would see, and the requests sent.
import { test, expect, connect, go, recordRequests, allRooms } from './fixtures';
import * as fs from 'node:fs';


const rowsInDom = (page: import('@playwright/test').Page) =>
  page.locator('[data-testid=all-scroll] .vbody [role=row]').count();
const shownIds = (page: import('@playwright/test').Page) =>
  page.locator('[data-testid=all-scroll] .vbody [role=row] .id').allInnerTexts();

test.describe('100,000 rooms', () => {
  test.use({ emulatorArgs: ['--demo-rooms', '100000'] });
  // Seeding and walking 100 pages of 1000 under the rate limit.
  test.setTimeout(180_000);

  test('every room loads into one table that filters by name and by owner and scrolls to the oldest', async ({ page, emulator }) => {
    const rooms = await allRooms(emulator);
    expect(rooms).toHaveLength(100_000);
    await connect(page, emulator);
    const lists = recordRequests(page, /\/chatrooms$/);
    await page.getByTestId('all-rooms').click();
    await expect(page).toHaveURL(/all=1/);
    // The walk shows its progress, then the table with every room.
    await expect(page.getByTestId('all-summary')).toHaveText('100,000 chatrooms', { timeout: 120_000 });
    await expect(page.getByTestId('all-progress')).toHaveCount(0);
    // 100 pages of 1000: one request each, none twice.
    expect(lists.map((r) => new URL(r.url()).searchParams.get('limit'))).toEqual(Array(100).fill('1000'));
    expect(new Set(lists.map((r) => r.url())).size).toBe(100);
    // Only the rows in sight are in the DOM.
    expect(await rowsInDom(page)).toBeGreaterThan(10);
    expect(await rowsInDom(page)).toBeLessThanOrEqual(300);
    expect((await shownIds(page)).slice(0, 5)).toEqual(rooms.slice(0, 5).map((r) => r.id));

    // By name: one room.
    const target = rooms[54_321];
    await page.getByTestId('all-filter').fill(target.name.toUpperCase());
    await expect(page.getByTestId('all-summary')).toHaveText(`1 of 100,000 chatrooms match the filter`);
    await expect.poll(() => shownIds(page)).toEqual([target.id]);
    // The URL follows once typing pauses.
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(target.name.toUpperCase()).replace(/%20/g, '(%20|\\+)')}`));

    // By owner: every room alice owns (no room name or other username holds "alice").
    const alices = rooms.filter((r) => r.owner === 'alice');
    expect(alices.length).toBeGreaterThan(1000);
    await page.getByTestId('all-filter').fill('alice');
    await expect(page.getByTestId('all-summary')).toHaveText(
      `${alices.length.toLocaleString('en')} of 100,000 chatrooms match the filter`,
    );
    expect((await shownIds(page)).slice(0, 3)).toEqual(alices.slice(0, 3).map((r) => r.id));
    expect(await rowsInDom(page)).toBeLessThanOrEqual(300);

    // Scrolling to the end of all 100,000 shows the oldest room last.
    await page.getByTestId('all-filter').fill('');
    await expect(page.getByTestId('all-summary')).toHaveText('100,000 chatrooms');
    await page.getByTestId('all-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect.poll(async () => (await shownIds(page)).at(-1)).toBe(rooms[rooms.length - 1].id);
    expect(await rowsInDom(page)).toBeLessThanOrEqual(300);
    const last = page.locator('[data-testid=all-scroll] .vbody [role=row]').last();
    await expect(last).toHaveAttribute('aria-rowindex', '100001');
    await expect(last).toBeInViewport();

    // Selecting every match ticks thousands without putting them in the URL.
    await page.getByTestId('all-filter').fill('alice');
    await page.getByTestId('select-matching').click();
    await expect(page.getByTestId('selected-count')).toHaveText(`${alices.length.toLocaleString('en')} selected`);
    await expect(page.getByTestId("dissolve-selected")).toHaveText(`Dissolve selected (${alices.length})`);
    expect(page.url().length).toBeLessThan(300);
    // `make screenshots` refreshes the README's picture of this view.
    const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : test.info().outputDir;
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/all-rooms.png` });

    // A room and Back: the table is there at once, from memory, with no new walk.
    const before = lists.length;
    await page.locator('[data-testid=all-scroll] .vbody [role=row] .id a').first().click();
    await expect(page.getByTestId('room-id')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('all-summary')).toHaveText(`${alices.length.toLocaleString('en')} of 100,000 chatrooms match the filter`);
    await expect(page.getByTestId('selected-count')).toHaveText(`${alices.length.toLocaleString('en')} selected`);
    expect(lists.length).toBe(before);
  });
});

test('the walk over every room can be stopped and says the list is not complete', async ({ page, emulator }) => {
  await connect(page, emulator);
  const token = await emulator.token();
  // Slow answers, so there is time to press Stop during the walk.
  await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ latency_ms: 1500 }),
  });
  await go(page, '/rooms?all=1');
  await expect(page.getByTestId('all-progress')).toBeVisible();
  await page.getByTestId('stop-all').click();
  // The demo app has 30 rooms: one page, so stopping keeps what that page held.
  await expect(page.getByTestId('all-progress')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.getByTestId('all-summary')).toHaveText('30 chatrooms');
});

test('a room seen once is shown again, and after Back, without a request', async ({ page, emulator }) => {
  await connect(page, emulator);
  const calls = recordRequests(page, /\/chatrooms/);
  // The list's extra columns load the details of the 25 rooms on the page: one request.
  await page.getByRole('checkbox', { name: 'Max users' }).check();
  await expect(page.locator('table.rooms tbody td.maxusers').first()).not.toHaveText('…');
  expect(calls.map((r) => new URL(r.url()).pathname).filter((p) => /\/chatrooms\/[0-9,%C]+$/.test(p))).toHaveLength(1);
  const row = page.locator('table.rooms tbody tr').nth(3);
  const id = await row.locator('td.id').innerText();
  calls.length = 0;

  // Its page reuses the details the column loaded; only its members and its moderation (the
  // panels: admins, mutes, block and allow lists, announcement) are asked for.
  await row.getByRole('link', { name: id }).click();
  await expect(page.getByTestId('room-id')).toHaveText(id);
  await expect(page.locator('ul.members li').first()).toBeVisible();
  await expect(page.getByTestId('attributes')).toBeVisible();
  const room = `/demo/admin/chatrooms/${id}`;
  await expect.poll(() => calls.map((r) => new URL(r.url()).pathname).sort()).toEqual(
    [`${room}/users`, `${room}/admin`, `${room}/mute`, `${room}/blocks/users`, `${room}/white/users`, `${room}/announcement`].sort(),
  );
  calls.length = 0;

  // Back, the same room again, Back and Forward: all from memory.
  await page.goBack();
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(25);
  await expect(page.locator('table.rooms tbody td.maxusers').first()).not.toHaveText('…');
  await page.locator('table.rooms tbody tr').nth(3).getByRole('link', { name: id }).click();
  await expect(page.getByTestId('room-id')).toHaveText(id);
  await expect(page.locator('ul.members li').first()).toBeVisible();
  await page.goBack();
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(25);
  await page.goForward();
  await expect(page.getByTestId('room-id')).toHaveText(id);
  expect(calls.map((r) => `${r.method()} ${new URL(r.url()).pathname}`)).toEqual([]);

  // A change reloads exactly what it touched (an edit: the room's details, and the list page
  // that shows it; not its members); another room seen before still costs nothing.
  const other = await (async () => {
    await page.goBack();
    const o = await page.locator('table.rooms tbody tr').nth(5).locator('td.id').innerText();
    await page.locator('table.rooms tbody tr').nth(5).getByRole('link', { name: o }).click();
    await expect(page.getByTestId('room-id')).toHaveText(o);
    await page.goBack();
    await page.locator('table.rooms tbody tr').nth(3).getByRole('link', { name: id }).click();
    await expect(page.getByTestId('room-id')).toHaveText(id);
    return o;
  })();
  calls.length = 0;
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit chatroom' });
  await dialog.getByLabel('Name').fill('Renamed by the cache test');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Renamed by the cache test' })).toBeVisible();
  await expect.poll(() => calls.map((r) => `${r.method()} ${new URL(r.url()).pathname}`)).toEqual([
    `PUT /demo/admin/chatrooms/${id}`,
    `GET /demo/admin/chatrooms/${id}`,
  ]);
  calls.length = 0;
  await page.goBack();
  await expect(page.locator('table.rooms tbody tr').nth(3).locator('td.name')).toHaveText('Renamed by the cache test');
  expect(calls.map((r) => `${r.method()} ${new URL(r.url()).pathname}`)).toEqual(['GET /demo/admin/chatrooms']);
  calls.length = 0;
  await page.locator('table.rooms tbody tr').nth(5).getByRole('link', { name: other }).click();
  await expect(page.getByTestId('room-id')).toHaveText(other);
  await expect(page.locator('ul.members li').first()).toBeVisible();
  expect(calls).toHaveLength(0);
});

test.describe('a room of 10,000 members', () => {
  test.use({ emulatorArgs: ['--demo-big-room', '10000'] });

  test('is paged, searchable within, and its transfer picker offers a few names as typed', async ({ page, emulator }) => {
    const rooms = await allRooms(emulator);
    const big = rooms[rooms.length - 1];
    await connect(page, emulator);
    const memberCalls = recordRequests(page, /\/chatrooms\/[0-9]+\/users$/);
    await go(page, `/rooms/${big.id}`);
    await expect(page.getByTestId('member-count')).toHaveText('10000');
    await expect(page.locator('ul.members li')).toHaveCount(100);
    await page.getByRole('navigation', { name: 'Member pages' }).getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/mpage=2/);
    await expect(page.locator('ul.members li')).toHaveCount(100);
    expect(memberCalls.map((r) => new URL(r.url()).searchParams.get('pagenum'))).toEqual(['1', '2']);

    // One member among 10,000: no request, the room's details hold them all.
    const calls = recordRequests(page, /\/demo\/admin\//);
    await page.getByTestId('member-search').fill('user09876');
    await expect(page.getByTestId('member-matches')).toHaveText('1 of 10,000 members match');
    await expect(page.getByTestId('member-results').getByRole('listitem')).toHaveText(['user09876']);
    await expect(page).toHaveURL(/mq=user09876/);
    // Thousands of matches, a few in the DOM; the last one is reached by scrolling.
    await page.getByTestId('member-search').fill('user0');
    await expect(page.getByTestId('member-matches')).toHaveText(/^[0-9,]+ of 10,000 members match$/);
    const items = page.getByTestId('member-results').getByRole('listitem');
    expect(await items.count()).toBeLessThanOrEqual(300);
    await page.getByTestId('member-results').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect(items.last()).toHaveText('user09999');
    expect(calls).toHaveLength(0);

    // The transfer picker offers at most 20 names, those holding what is typed.
    await page.getByTestId('member-search').fill('');
    await page.getByRole('button', { name: 'Transfer' }).click();
    const options = page.locator('#member-options option');
    await expect(options).toHaveCount(20);
    await page.getByRole('dialog', { name: 'Transfer ownership' }).getByLabel('New owner').fill('user0987');
    // user09870 … user09879, less the owner if it is one of them.
    await expect(options).toHaveCount(big.owner.includes('user0987') ? 9 : 10);
    expect(await options.evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).every((v) => v.includes('user0987')))).toBe(true);
    expect(calls).toHaveLength(0);
  });
});

test.describe('1,200 rooms', () => {
  test.use({ emulatorArgs: ['--demo-rooms', '1200'] });
  // 1,200 dissolves, paced at 80 a second.
  test.setTimeout(120_000);

  test('every room selected in the all-rooms view is dissolved in one bulk run, and leaves the table', async ({ page, emulator }) => {
    const before = await allRooms(emulator);
    const keep = before[600];
    await connect(page, emulator);
    await go(page, '/rooms?all=1');
    await expect(page.getByTestId('all-summary')).toHaveText('1,200 chatrooms');
    await page.getByTestId('select-matching').click();
    // One room left out of the run.
    await page.getByTestId('all-filter').fill(keep.id);
    await page.locator('[data-testid=all-scroll] .vbody [role=row] input').first().uncheck();
    await page.getByTestId('all-filter').fill('');
    await expect(page.getByTestId('selected-count')).toHaveText('1,199 selected');
    await page.getByTestId('dissolve-selected').click();
    const dialog = page.getByRole('dialog', { name: 'Dissolve 1199 chatrooms' });
    await dialog.getByLabel('Type the number of chatrooms to confirm').fill('1199');
    await dialog.getByRole('button', { name: 'Dissolve' }).click();
    const results = dialog.getByTestId('bulk-results').locator('tbody tr');
    await expect(results.filter({ hasText: 'Dissolved' })).toHaveCount(1199, { timeout: 100_000 });
    await expect(results).toHaveCount(1199);
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    // The table drops what was dissolved; the selection is cleared.
    await expect(page.getByTestId('all-summary')).toHaveText('1 chatroom');
    await expect.poll(() => shownIds(page)).toEqual([keep.id]);
    await expect(page.getByTestId('selected-count')).toHaveText('0 selected');
    expect((await allRooms(emulator)).map((r) => r.id)).toEqual([keep.id]);
  });
});
