// Each test gets its own emulator (in memory, a free port, demo data) serving dist/, so tests
// never see each other's changes. Starting one takes a few milliseconds.
import { test as base, expect, Page, Request } from '@playwright/test';
import { spawn, ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const binary = process.env.EMULATOR_BIN ?? path.join(root, 'target/debug/easemob-emulator');

export type Emulator = { url: string; api: string; token: () => Promise<string> };

async function startEmulator(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    binary,
    ['--memory', '--listen', '127.0.0.1:0', '--dist', path.join(root, 'dist'), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk.toString();
      const m = out.match(/Easemob emulator on (http:\/\/[0-9.:]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
  });
  child.stdout!.resume();
  return { child, url };
}

export const test = base.extend<{ emulatorArgs: string[]; emulator: Emulator }>({
  emulatorArgs: [[], { option: true }],
  emulator: async ({ emulatorArgs }, use) => {
    const { child, url } = await startEmulator(emulatorArgs);
    const api = `${url}/demo/admin`;
    await use({ url, api, token: () => requestToken(api) });
    child.kill('SIGKILL');
  },
});

export { expect };

/** Connects with the emulator's preset (client credentials) and lands on the room list. */
export async function connect(page: Page, emulator: Emulator) {
  await page.goto(`${emulator.url}/connect`);
  await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('demo-client-id');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page).toHaveURL(/\/rooms/);
  await expect(page.locator('table.rooms tbody tr').first()).toBeVisible();
}

/** Ids of the rows on screen, in order. */
export async function rowIds(page: Page): Promise<string[]> {
  return page.locator('table.rooms tbody tr td.id').allInnerTexts();
}

/** Collects the API requests whose path matches `pattern`. */
export function recordRequests(page: Page, pattern: RegExp): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'OPTIONS' && pattern.test(new URL(r.url()).pathname)) seen.push(r);
  });
  return seen;
}

export type RoomSummary = { id: string; name: string; owner: string; affiliations_count: number };

/** Every room of the app as the list answers it, newest first, straight from the API. */
export async function allRooms(emulator: Emulator): Promise<RoomSummary[]> {
  const token = await emulator.token();
  const rooms: RoomSummary[] = [];
  let cursor = '';
  for (;;) {
    const r = await fetch(`${emulator.api}/chatrooms?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = await r.json();
    rooms.push(...body.data);
    if (!body.cursor) return rooms;
    cursor = body.cursor;
  }
}

/** All room ids of the app, newest first, straight from the API. */
export async function allRoomIds(emulator: Emulator): Promise<string[]> {
  return (await allRooms(emulator)).map((r) => r.id);
}

/** Follows a link inside the app, as a click would (no reload: the session stays in memory,
 * with a client secret if it has one). */
export async function go(page: Page, href: string) {
  await page.evaluate((h) => {
    const a = document.createElement('a');
    a.href = h;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }, href);
  await expect(page).toHaveURL(new RegExp(href.replace(/[?]/g, '\\?') + '$'));
}

/** A token for the demo app; `ttl` in seconds (0: it never expires), else the app's default. */
async function requestToken(api: string, ttl?: number): Promise<string> {
  const r = await fetch(`${api}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: 'demo-client-id',
      client_secret: 'demo-client-secret',
      ttl,
    }),
  });
  expect(r.status).toBe(200);
  return (await r.json()).access_token;
}

/** A token for the demo app with this lifetime in seconds (0: it never expires). */
export function tokenFor(emulator: Emulator, ttl: number): Promise<string> {
  return requestToken(emulator.api, ttl);
}

/** Changes the emulator's injected faults (any subset of the keys of /_emulator/faults). */
export async function setFaults(emulator: Emulator, token: string, faults: Record<string, unknown>) {
  const r = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(r.status).toBe(200);
}

/** Connects in any language: the emulator's preset fills the form; its submit button sends it. */
export async function connectAnyLanguage(page: Page, emulator: Emulator) {
  await page.goto(`${emulator.url}/connect`);
  await expect(page.locator('#client_id')).toHaveValue('demo-client-id');
  await page.locator('main form button[type=submit]').click();
  await expect(page).toHaveURL(/\/rooms/);
  await expect(page.locator('table.rooms tbody tr').first()).toBeVisible();
}

/** Every word the page shows or says (text, aria-label, placeholder, title, the tab's title),
 * except what is marked as data (`translate="no"`: names, ids, the server's own words). */
export async function uiText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [document.title];
    const isData = (el: Element | null) => !!el?.closest('[translate="no"], script, style, noscript');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = (n.textContent ?? '').trim();
      if (t && !isData(n.parentElement)) out.push(t);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title]'))) {
      if (isData(el)) continue;
      for (const a of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** Names of the app's data (usernames, room names and owners), which a sentence may quote. */
export async function dataWords(emulator: Emulator): Promise<Set<string>> {
  const token = await emulator.token();
  const get = async (p: string) =>
    (await (await fetch(`${emulator.api}${p}`, { headers: { Authorization: `Bearer ${token}` } })).json());
  const words = new Set<string>();
  const add = (s: string) => s.split(/[^A-Za-z]+/).forEach((w) => w && words.add(w));
  const rooms = (await get('/chatrooms?limit=1000')).data;
  for (const r of rooms) { add(r.name); add(r.owner); }
  // The attribute keys of the oldest room, the one with some of everything.
  const oldest = rooms[rooms.length - 1].id;
  const attrs = await (await fetch(`${emulator.api}/metadata/chatroom/${oldest}`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}` },
  })).json();
  Object.keys(attrs.data).forEach(add);
  for (const u of (await get('/users?limit=1000')).entities) add(u.username);
  return words;
}

/** Calls the emulator's API directly: the status and the parsed body. */
export async function api(emulator: Emulator, token: string, method: string, p: string, body?: unknown) {
  const r = await fetch(`${emulator.api}${p}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}
