// The overview: figures from the all-rooms walk, checked against counts made here from the API,
// and the links that lead from a figure to exactly its rooms in the all-rooms view.
import { test, expect, connect, go, recordRequests, api, setFaults, Emulator, allRooms, type RoomSummary } from './fixtures';
import type { Page } from '@playwright/test';
import * as fs from 'node:fs';


// The histogram's buckets, written out here rather than read from the dashboard.
const BUCKETS: [number, number][] = [
  [0, 1], [2, 5], [6, 10], [11, 20], [21, 50], [51, 100], [101, 200], [201, 500], [501, 1000],
  [1001, 2000], [2001, 5000], [5001, 10000], [10001, Infinity],
];

function counted(rooms: RoomSummary[]) {
  const buckets = BUCKETS.map(([lo, hi]) => rooms.filter((r) => r.affiliations_count >= lo && r.affiliations_count <= hi).length);
  const owners = new Map<string, number>();
  for (const r of rooms) owners.set(r.owner, (owners.get(r.owner) ?? 0) + 1);
  return {
    rooms: rooms.length,
    members: rooms.reduce((n, r) => n + r.affiliations_count, 0),
    owners,
    empty: rooms.filter((r) => r.affiliations_count <= 1),
    buckets,
  };
}

const n = (v: number) => v.toLocaleString('en');
/** The histogram's table view: one count a bucket, in order. */
const histogramCounts = async (page: Page) =>
  (await page.getByTestId('histogram').locator('table tbody td').allTextContents()).map((t) => Number(t.replace(/,/g, '')));

async function expectFigures(page: Page, c: ReturnType<typeof counted>) {
  await expect(page.getByTestId('total-rooms')).toHaveText(n(c.rooms));
  await expect(page.getByTestId('total-members')).toHaveText(n(c.members));
  await expect(page.getByTestId('total-owners')).toHaveText(n(c.owners.size));
  await expect(page.getByTestId('total-empty')).toHaveText(n(c.empty.length));
  expect(await histogramCounts(page)).toEqual(c.buckets);
}

test.describe('100,000 rooms', () => {
  test.use({ locale: 'en-US', emulatorArgs: ['--demo-rooms', '100000'], actionTimeout: 30_000 });
  // Seeding, the walk, and dissolving every empty room: about 7,900, one request each, paced
  // at 80 a second at best, slower when the other worker keeps the second core busy.
  test.setTimeout(900_000);

  test('the overview counts what the API holds; its "empty" figure leads to exactly those rooms, and dissolving them updates it', async ({ page, emulator }) => {
    const rooms = await allRooms(emulator);
    const before = counted(rooms);
    expect(before.rooms).toBe(100_000);
    expect(before.empty.length).toBeGreaterThan(1000);
    await connect(page, emulator);
    const lists = recordRequests(page, /\/chatrooms$/);
    await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByTestId('total-rooms')).toHaveText('100,000', { timeout: 120_000 });
    await expect(page.getByTestId('all-progress')).toHaveCount(0);
    await expectFigures(page, before);
    // The owners chart: the top 20, as counted here.
    const top = [...before.owners].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20);
    const ownerRows = page.getByTestId('owners').locator('table tbody tr');
    await expect(ownerRows).toHaveCount(20);
    expect(await ownerRows.locator('td').allTextContents()).toEqual(top.map(([, k]) => n(k)));
    expect(await ownerRows.locator('th').allTextContents()).toEqual(top.map(([o]) => o));
    // The largest rooms: the 10 largest counts.
    const largest = [...rooms].sort((a, b) => b.affiliations_count - a.affiliations_count).slice(0, 10);
    expect(await page.getByTestId('largest').locator('table tbody td').allTextContents()).toEqual(largest.map((r) => n(r.affiliations_count)));

    // The "empty" figure: the all-rooms view, narrowed to exactly those rooms, with no new walk.
    const walked = lists.length;
    expect(walked).toBe(100);
    await page.getByTestId('total-empty').getByRole('link').click();
    await expect(page).toHaveURL(/\/rooms\?all=1&max=1$/);
    await expect(page.getByTestId('all-narrowed')).toHaveText(/^Only chatrooms: empty \(only the owner left\)\. Show every chatroom$/);
    await expect(page.getByTestId('all-summary')).toHaveText(`${n(before.empty.length)} of 100,000 chatrooms match the filter`);
    await page.getByTestId('select-matching').click();
    await expect(page.getByTestId('selected-count')).toHaveText(`${n(before.empty.length)} selected`);
    await page.getByTestId('dissolve-selected').click();
    const dialog = page.getByRole('dialog', { name: `Dissolve ${before.empty.length} chatrooms` });
    await dialog.getByLabel('Type the number of chatrooms to confirm').fill(String(before.empty.length));
    await dialog.getByRole('button', { name: 'Dissolve' }).click();
    const results = dialog.getByTestId('bulk-results').locator('tbody tr');
    // Waited for by its progress bar, not by counting thousands of rows again and again.
    await expect(dialog.getByTestId('bulk-progress')).toBeVisible();
    await expect(dialog.getByTestId('bulk-progress')).toHaveCount(0, { timeout: 720_000 });
    await expect(results.filter({ hasText: 'Dissolved' })).toHaveCount(before.empty.length);
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect(page.getByTestId('all-summary')).toHaveText(`0 of ${n(before.rooms - before.empty.length)} chatrooms match the filter`);

    // Exactly the empty rooms went: the API holds every other room.
    const after = await allRooms(emulator);
    const gone = new Set(before.empty.map((r) => r.id));
    expect(after.length).toBe(before.rooms - gone.size);
    expect(after.some((r) => gone.has(r.id))).toBe(false);

    // Back on the overview, its figures are those of the rooms left, with no new walk.
    await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
    await expectFigures(page, counted(after));
    await expect(page.getByTestId('total-empty')).toHaveText('0');
    expect(lists.length).toBe(walked);
  });
});

test.describe('a small app', () => {
  test.use({ locale: 'en-US', emulatorArgs: ['--demo-rooms', '200'], actionTimeout: 30_000 });
  test.setTimeout(180_000);

  test('bars lead to their rooms, details give the fullest and the old empty rooms, charts are saved, and the limit and the start page are kept', async ({ page, emulator }) => {
    const rooms = await allRooms(emulator);
    const c = counted(rooms);
    await connect(page, emulator);
    await go(page, '/overview');
    await expectFigures(page, c);

    // The plan's limit, as a gauge; kept for this app across a reload.
    await page.getByTestId('plan-limit').fill('400');
    await expect(page.getByTestId('plan-gauge').locator('svg')).toHaveAttribute('aria-label', '200 of 400 (50%)');
    await page.reload();
    await expect(page.getByTestId('total-rooms')).toHaveText('200');
    await expect(page.getByTestId('plan-limit')).toHaveValue('400');
    await expect(page.getByTestId('plan-gauge')).toBeVisible();

    expect(await page.evaluate(() => document.querySelector('[data-testid=histogram] svg title')?.namespaceURI)).toBe('http://www.w3.org/2000/svg');
    // An owner's bar, from the keyboard: the all-rooms view with exactly their rooms.
    const [owner, owned] = [...c.owners].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    const bar = page.getByTestId('owners').locator('svg a').first();
    await expect(bar).toHaveAccessibleName(`${owner}: ${owned} chatrooms`);
    await bar.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/rooms\\?all=1&owner=${owner}$`));
    await expect(page.getByTestId('all-summary')).toHaveText(`${owned} of 200 chatrooms match the filter`);
    const shown = await page.locator('[data-testid=all-scroll] .vbody [role=row] .id').allInnerTexts();
    expect(shown.sort()).toEqual(rooms.filter((r) => r.owner === owner).map((r) => r.id).sort());
    await page.goBack();
    await expect(page).toHaveURL(/\/overview$/);

    // A histogram bucket by the mouse.
    const second = page.getByTestId('histogram').locator('svg a').nth(1);
    await second.click();
    await expect(page).toHaveURL(/\/rooms\?all=1&min=2&max=5$/);
    await expect(page.getByTestId('all-summary')).toHaveText(`${c.buckets[1]} of 200 chatrooms match the filter`);
    await page.goBack();

    // Details: 2 requests of 100, then the fullest rooms as counted from the API's details.
    const details = recordRequests(page, /\/chatrooms\/\d+(?:(?:,|%2C)\d+)+$/);
    await expect(page.getByTestId('details-unread')).toHaveText('The creation time of 200 chatrooms is not read yet.');
    // Stopped while its first request is under way: that one is kept, nothing more is asked.
    const token = await emulator.token();
    await setFaults(emulator, token, { latency_ms: 1000 });
    await page.getByTestId('read-details').click();
    await page.getByTestId('stop-details').click();
    await expect(page.getByTestId('details-progress')).toHaveCount(0);
    await expect(page.getByTestId('details-unread')).toHaveText('The creation time of 100 chatrooms is not read yet.');
    expect(details).toHaveLength(1);
    await setFaults(emulator, token, { latency_ms: 0 });
    // Read on: only the 100 not read yet.
    await page.getByTestId('read-details').click();
    await expect(page.getByTestId('details-unread')).toHaveCount(0);
    expect(details).toHaveLength(2);
    const full: { id: string; maxusers: number; affiliations_count: number; created: number }[] = [];
    for (let i = 0; i < rooms.length; i += 100) {
      full.push(...(await api(emulator, token, 'GET', `/chatrooms/${rooms.slice(i, i + 100).map((r) => r.id).join(',')}`)).body.data);
    }
    const fullest = full
      .map((d) => ({ ...d, share: d.affiliations_count / d.maxusers }))
      .sort((a, b) => b.share - a.share || b.affiliations_count - a.affiliations_count || a.id.localeCompare(b.id))
      .slice(0, 10);
    expect(await page.getByTestId('fullest').locator('table tbody td').allTextContents())
      .toEqual(fullest.map((d) => `${n(d.affiliations_count)} / ${n(d.maxusers)}`));
    // Demo rooms are minutes old: none is empty for more than 30 days; every empty one is
    // older than 0 days.
    await expect(page.getByTestId('old-empty')).toHaveText('0');
    await page.getByTestId('old-days').fill('0');
    await page.getByTestId('old-days').press('Enter');
    await expect(page).toHaveURL(/\/overview\?days=0$/);
    await expect(page.getByTestId('old-empty')).toHaveText(String(c.empty.length));
    await page.getByTestId('old-empty').getByRole('link').click();
    await expect(page).toHaveURL(/\/rooms\?all=1&max=1&older=0$/);
    await expect(page.getByTestId('all-summary')).toHaveText(`${c.empty.length} of 200 chatrooms match the filter`);
    await expect(page.getByTestId('all-unread')).toHaveCount(0);
    // None of them is older than 30 days: the age part of the narrowing is applied.
    await go(page, '/rooms?all=1&max=1&older=30');
    await expect(page.getByTestId('all-summary')).toHaveText('0 of 200 chatrooms match the filter');
    await go(page, '/overview?days=0');

    // The largest rooms: their bars name members, and their link opens exactly those 10.
    const largest = [...rooms].sort((a, b) => b.affiliations_count - a.affiliations_count).slice(0, 10);
    await expect(page.getByTestId('largest').locator('svg a').first()).toHaveAccessibleName(new RegExp(`: ${largest[0].affiliations_count} members$`));
    await page.getByTestId('largest-open').click();
    await expect(page).toHaveURL(/\/rooms\?all=1&ids=/);
    await expect(page.getByTestId('all-summary')).toHaveText('10 of 200 chatrooms match the filter');
    const shownLargest = await page.locator('[data-testid=all-scroll] .vbody [role=row] .id').allInnerTexts();
    expect(shownLargest.length).toBe(10);
    const sizes = new Map(rooms.map((r) => [r.id, r.affiliations_count]));
    expect(shownLargest.map((id) => sizes.get(id)!).sort((a, b) => b - a)).toEqual(largest.map((r) => r.affiliations_count));
    await page.goBack();

    // `make screenshots` refreshes the README's picture of the overview.
    await page.getByTestId('plan-limit').fill('400');
    await page.evaluate(() => window.scrollTo(0, 0));
    const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : test.info().outputDir;
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/overview.png`, fullPage: true });

    // A chart saved as SVG and as PNG, with the page's colours written in.
    const svgSaved = page.waitForEvent('download');
    await page.getByTestId('histogram').getByRole('button', { name: 'Save as SVG' }).click();
    const svg = await svgSaved;
    expect(svg.suggestedFilename()).toBe('Chatrooms-by-number-of-members.svg');
    const text = fs.readFileSync(await svg.path(), 'utf8');
    expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toMatch(/<rect[^>]*class="bar"[^>]*fill="rgb\(/);
    expect(text).toContain(`>${c.buckets[0]}</text>`);
    const pngSaved = page.waitForEvent('download');
    await page.getByTestId('histogram').getByRole('button', { name: 'Save as PNG' }).click();
    const png = fs.readFileSync(await (await pngSaved).path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the chart's size.
    const width = await page.getByTestId('histogram').locator('svg').evaluate((e) => Math.ceil(e.getBoundingClientRect().width));
    expect(png.readUInt32BE(16)).toBe(width * 2);

    // In Chinese.
    await page.getByTestId('language').selectOption('zh-CN');
    await expect(page.locator('main h1')).toHaveText('应用概览');
    await expect(page.getByTestId('histogram').locator('figcaption')).toHaveText('按成员数划分的聊天室');
    await expect(page.getByTestId('total-rooms')).toHaveText('200');
    expect(await histogramCounts(page)).toEqual(c.buckets);
    await page.getByTestId('language').selectOption('en');

    // The overview as the page after Connect.
    await page.getByTestId('start-here').check();
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByTestId('total-rooms')).toHaveText('200');
    await page.getByTestId('start-here').uncheck();
  });
});
