// The first load's size (html, js, wasm, css, brotli-compressed, as a CDN over HTTPS sends it),
// within the 250 KB budget; the pages' own modules fetched only when a page is first opened; and
// the emulator sending the pre-compressed copies the build writes, with the right
// Content-Encoding and cache lifetime (README, "The first load").
import { test, expect, connect, setFaults } from './fixtures';
import type { Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The budget, in bytes of brotli for everything the first load fetches. */
const BUDGET = 250_000;

const dist = path.resolve(__dirname, '../../dist');
/** Every file the build writes (beside its .br and .gz copies). */
const files = fs
  .readdirSync(dist)
  .filter((f) => !/\.(br|gz)$/.test(f) && f !== 'config.json' && fs.statSync(path.join(dist, f)).isFile());
const size = (f: string) => fs.statSync(path.join(dist, f)).size;
/** The modules split off the main one (one per lazy page, and the code pages share). */
const chunks = files.filter((f) => f.endsWith('.wasm') && !f.endsWith('_bg.wasm'));

type Sent = { encoding?: string; length?: string; cache?: string };
/** Records the dashboard files the page fetches from the emulator, by file name. */
function record(page: Page, origin: string): Map<string, Sent> {
  const sent = new Map<string, Sent>();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin !== origin) return;
    // A client-side route (`/connect`, `/rooms`) is index.html.
    const name = r.request().resourceType() === 'document' ? 'index.html' : u.pathname.slice(1);
    if (!files.includes(name)) return;
    const h = r.headers();
    sent.set(name, { encoding: h['content-encoding'], length: h['content-length'], cache: h['cache-control'] });
  });
  return sent;
}

/** Each file sent as its pre-compressed copy; hashed names cached for a year, the rest checked each time. */
function expectSentAsBuilt(sent: Map<string, Sent>) {
  for (const [f, got] of sent) {
    // Chromium asks for brotli over HTTPS only; over plain HTTP it gets the gzip copy.
    expect(['br', 'gzip'], f).toContain(got.encoding);
    const copy = `${f}.${got.encoding === 'br' ? 'br' : 'gz'}`;
    expect(Number(got.length), f).toBe(size(copy));
    const hashed = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(f);
    expect(got.cache, f).toBe(hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  }
}

/** Prints the files with their sizes and returns the brotli total. */
function table(title: string, names: string[]): number {
  const rows = names.map((f) => ({ file: f, raw: size(f), gzip: size(`${f}.gz`), brotli: size(`${f}.br`) }));
  const total = rows.reduce((a, r) => a + r.brotli, 0);
  console.log(
    `${title}\n` +
      rows.map((r) => `  ${r.file.padEnd(64)} ${String(r.raw).padStart(9)} raw ${String(r.gzip).padStart(8)} gzip ${String(r.brotli).padStart(8)} brotli`).join('\n') +
      `\n  total: ${total} bytes brotli`,
  );
  return total;
}

test('the first load is within the 250 KB budget and fetches no page module; each file is sent pre-compressed', async ({ page, emulator }) => {
  expect(chunks.length, 'the build splits off the pages (make dist)').toBeGreaterThanOrEqual(8);
  const sent = record(page, emulator.url);
  await page.goto(`${emulator.url}/connect`);
  await expect(page.locator('#client_id')).toHaveValue('demo-client-id');
  const first = [...sent.keys()].sort();
  // The shell: html, the boot script, trunk's module and its wasm, the css, the chunk loader.
  expect(first.filter((f) => f.endsWith('_bg.wasm'))).toHaveLength(1);
  expect(first.filter((f) => f.endsWith('.css'))).toHaveLength(1);
  expect(first).toContain('__wasm_split.js');
  expect(first.filter((f) => chunks.includes(f)), 'no page module on the connect form').toEqual([]);
  expectSentAsBuilt(sent);
  const total = table(`first load of /connect (budget ${BUDGET})`, first);
  table('page modules, each fetched the first time a page that needs it is opened', chunks);
  expect(total).toBeLessThanOrEqual(BUDGET);
});

test("a page's module is fetched when the page is first opened, once, and the page works", async ({ page, emulator }) => {
  const sent = record(page, emulator.url);
  await connect(page, emulator);
  const firstRow = page.locator('table.rooms tbody tr').first();
  await expect(firstRow).toBeVisible();
  const list = [...sent.keys()].filter((f) => chunks.includes(f)).sort();
  table('fetched on Connect, for the room list', list);
  expect(list.some((f) => f.startsWith('split_rooms_page')), "the list's module").toBe(true);
  expect(list.some((f) => f.startsWith('split_room_page')), "not yet the room page's").toBe(false);
  const id = await firstRow.locator('td.id').innerText();
  await firstRow.getByRole('link', { name: id }).click();
  await expect(page.getByTestId('room-id')).toHaveText(id);
  await expect(page.locator('ul.members li').first()).toBeVisible();
  expect([...sent.keys()].some((f) => f.startsWith('split_room_page'))).toBe(true);
  table("fetched for a room's page, after the list", [...sent.keys()].filter((f) => chunks.includes(f) && !list.includes(f)).sort());
  expectSentAsBuilt(sent);
  // Back to the list and to the room again: nothing fetched again.
  const before = sent.size;
  const again: string[] = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.slice(1);
    if (chunks.includes(name)) again.push(name);
  });
  await page.goBack();
  await expect(firstRow).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('room-id')).toHaveText(id);
  expect(again).toEqual([]);
  expect(sent.size).toBe(before);
});

test("the list's module is fetched while Connect waits for the token, not after", async ({ page, emulator }) => {
  // Every answer of the API takes 400 ms: the module, sent by the same host at once, is asked
  // for while the token request is still out.
  await setFaults(emulator, await emulator.token(), { latency_ms: 400 });
  const events: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.includes('split_rooms_page')) events.push('module asked');
  });
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/token')) events.push('token answered');
  });
  await connect(page, emulator);
  await expect(page.locator('table.rooms tbody tr').first()).toBeVisible();
  expect(events).toEqual(['module asked', 'token answered']);
});

test('a page whose module does not arrive says so, the rest works, and Reload brings it', async ({ page, emulator }) => {
  await connect(page, emulator);
  let asked = 0;
  await page.route(/split_room_page[^/]*\.wasm$/, (route) => {
    asked += 1;
    return route.abort('connectionfailed');
  });
  const firstRow = page.locator('table.rooms tbody tr').first();
  const id = await firstRow.locator('td.id').innerText();
  await firstRow.getByRole('link', { name: id }).click();
  await expect(page.getByRole('alert').getByRole('heading')).toHaveText('This page could not be loaded.');
  // Not a crash: the dashboard goes on working.
  await page.getByRole('link', { name: 'Chatrooms', exact: true }).first().click();
  await expect(firstRow).toBeVisible();
  // Back to the room: its module is asked for again (and still does not come).
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/rooms/${id}$`));
  await expect(page.getByRole('alert').getByRole('heading')).toHaveText('This page could not be loaded.');
  expect(asked).toBe(2);
  await page.unroute(/split_room_page[^/]*\.wasm$/);
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('room-id')).toHaveText(id);
  await expect(page.locator('ul.members li').first()).toBeVisible();
});

test('the brotli and gzip copies are real', async () => {
  const zlib = await import('node:zlib');
  for (const f of files) {
    const raw = fs.readFileSync(path.join(dist, f));
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dist, `${f}.br`))).equals(raw), f).toBe(true);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dist, `${f}.gz`))).equals(raw), f).toBe(true);
  }
});
