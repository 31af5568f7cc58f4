// The operator's tools: the request log and its curl commands, the exports, the shortcuts.
import { test, expect, connect, go, tokenFor, api } from './fixtures';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

/** Parses RFC 4180 CSV (what the dashboard writes: BOM, CRLF, quoted cells). */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0), 'a byte-order mark, so spreadsheets read UTF-8').toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

test.describe('request log', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('lists the calls newest first, and a copied curl command gets the same answer', async ({ page, emulator }) => {
    await connect(page, emulator);
    const id = (await page.locator('table.rooms tbody tr td.id').first().innerText()).trim();
    await page.locator('table.rooms tbody tr td.id a').first().click();
    await expect(page.locator('ul.members li').first()).toBeVisible();
    await go(page, '/log');
    const rows = page.getByTestId('log-row');
    // Newest first: the member list and the detail of this room, then the list, then the token.
    await expect(rows.first().locator('code')).toContainText(`/chatrooms/${id}`);
    await expect(rows.last().locator('code')).toHaveText('POST /demo/admin/token');
    await expect(rows.first().getByTestId('log-status')).toHaveText('200');
    // The token's answer is shown with the token masked.
    await rows.last().locator('summary').click();
    await expect(rows.last().getByTestId('log-body')).toContainText('"access_token": "***"');

    const detail = rows.filter({ has: page.locator('code', { hasText: new RegExp(`GET /demo/admin/chatrooms/${id}$`) }) });
    await expect(detail).toHaveCount(1);
    await detail.locator('summary').click();
    const shown = JSON.parse(await detail.getByTestId('log-body').innerText());

    // Masked: the token is $EASEMOB_TOKEN, to be set in the shell.
    await detail.getByTestId('copy-curl').click();
    await expect(detail.locator('.copied')).not.toBeEmpty();
    const masked = await page.evaluate(() => navigator.clipboard.readText());
    expect(masked).toContain('$EASEMOB_TOKEN');
    const token = (await page.evaluate(() => JSON.parse(sessionStorage.getItem('chatroom-admin.session')!).token)) as string;
    expect(masked).not.toContain(token);
    const out = execFileSync('sh', ['-c', masked], { env: { ...process.env, EASEMOB_TOKEN: token } }).toString();
    const answer = JSON.parse(out);
    expect(answer.data).toEqual(shown.data);

    // Asked for: the token is in the command, which runs as it is.
    await page.getByTestId('reveal-token').check();
    await detail.getByTestId('copy-curl').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(token);
    const revealed = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(execFileSync('sh', ['-c', revealed]).toString()).data).toEqual(shown.data);

    // The token request's curl keeps the client secret out unless asked.
    await page.getByTestId('reveal-token').uncheck();
    await rows.last().getByTestId('copy-curl').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('$EASEMOB_CLIENT_SECRET');
    const tokenCurl = await page.evaluate(() => navigator.clipboard.readText());
    expect(tokenCurl).not.toContain('demo-client-secret');
    const renewed = JSON.parse(execFileSync('sh', ['-c', tokenCurl], { env: { ...process.env, EASEMOB_CLIENT_SECRET: 'demo-client-secret' } }).toString());
    expect(renewed.access_token).toBeTruthy();
  });

  test('shows each send of a call that was retried, with its status', async ({ page, emulator }) => {
    await connect(page, emulator);
    const admin = await tokenFor(emulator, 0);
    const faults = (f: Record<string, number>) => fetch(`${emulator.url}/_emulator/faults`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(f),
    }).then((r) => expect(r.status).toBe(200));
    const id = (await page.locator('table.rooms tbody tr td.id').first().innerText()).trim();
    let refused = 0;
    page.on('response', (r) => { if (r.status() === 503 && r.url().endsWith(`/chatrooms/${id}`)) refused++; });
    await faults({ fail_503: 1 });
    await page.locator('table.rooms tbody tr td.id a').first().click();
    await expect.poll(() => refused).toBeGreaterThanOrEqual(2);
    await faults({ fail_503: 0 });
    await expect(page.getByTestId('room-id')).toHaveText(id);
    await go(page, '/log');
    const sends = page.getByTestId('log-row').filter({ has: page.locator('code', { hasText: new RegExp(`GET /demo/admin/chatrooms/${id}$`) }) });
    const statuses = await sends.getByTestId('log-status').allInnerTexts();
    const attempts = (await sends.getByTestId('log-attempt').allInnerTexts()).map(Number);
    // Newest first: the send that got through, after every refused one.
    expect(statuses[0]).toBe('200');
    expect(statuses.slice(1).every((s) => s === '503')).toBe(true);
    expect(attempts).toEqual(attempts.map((_, i) => attempts.length - i));
    expect(attempts.length).toBeGreaterThanOrEqual(3);
  });
});

test('the room list exports as CSV and JSON, as shown, and reads back as the API says', async ({ page, emulator }) => {
  const admin = await tokenFor(emulator, 0);
  // A name a spreadsheet must keep whole: Chinese, a comma, quotes, a formula.
  const made = await api(emulator, admin, 'POST', '/chatrooms', {
    name: '聊天室, "引号" =1+1', description: '描述\n第二行', owner: 'alice', maxusers: 10,
  });
  expect(made.status).toBe(200);
  await connect(page, emulator);
  for (const box of await page.locator('fieldset.cols input[type=checkbox]').all()) await box.check();
  await expect(page.locator('table.rooms td.created').first()).toBeVisible();
  const list = (await api(emulator, admin, 'GET', '/chatrooms?limit=25')).body.data;
  const ids = list.map((r: { id: string }) => r.id);
  const details = (await api(emulator, admin, 'GET', `/chatrooms/${ids.join(',')}`)).body.data;
  const byId = new Map(details.map((d: { id: string }) => [d.id, d]));

  const json = await download(page, () => page.getByTestId('export-json').click());
  expect(json.name).toBe('chatrooms.json');
  const rooms = JSON.parse(json.text);
  expect(rooms.map((r: { id: string }) => r.id)).toEqual(ids);
  for (const r of rooms) {
    const d = byId.get(r.id) as Record<string, unknown>;
    expect(r).toEqual({
      id: d.id, name: d.name, owner: d.owner, affiliations_count: d.affiliations_count,
      description: d.description, maxusers: d.maxusers, created: d.created,
    });
  }

  const csv = await download(page, () => page.getByTestId('export-csv').click());
  expect(csv.name).toBe('chatrooms.csv');
  const [header, ...rows] = parseCsv(csv.text);
  expect(header).toEqual(['ID', 'Name', 'Owner', 'Members', 'Description', 'Max users', 'Created']);
  expect(rows.map((r) => r[0])).toEqual(ids);
  for (const r of rows) {
    const d = byId.get(r[0]) as Record<string, unknown>;
    // A cell a spreadsheet would run as a formula is kept as text with a leading '.
    const unguard = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);
    expect([r[0], unguard(r[1]), r[2], Number(r[3]), r[4], Number(r[5]), Date.parse(r[6])]).toEqual([
      d.id, d.name, d.owner, d.affiliations_count, d.description, d.maxusers, d.created,
    ]);
  }
  expect(rows.find((r) => r[0] === made.body.data.id)![1]).toBe('聊天室, "引号" =1+1');

  // The filter narrows the export to the rows shown.
  await page.locator('input.filter').fill('聊天室');
  await expect(page.locator('table.rooms tbody tr')).toHaveCount(1);
  const narrowed = JSON.parse((await download(page, () => page.getByTestId('export-json').click())).text);
  expect(narrowed.map((r: { id: string }) => r.id)).toEqual([made.body.data.id]);
});

test("a room's whole member list exports as CSV, every page fetched", async ({ page, emulator }) => {
  const admin = await tokenFor(emulator, 0);
  // 1,250 members: more than one page of 1,000.
  const names = Array.from({ length: 1250 }, (_, i) => `member_${i}`);
  for (let i = 0; i < names.length; i += 60) {
    const r = await api(emulator, admin, 'POST', '/users', names.slice(i, i + 60).map((u) => ({ username: u, password: 'p' })));
    expect(r.status).toBe(200);
  }
  const made = await api(emulator, admin, 'POST', '/chatrooms', { name: 'Big', description: 'more than a page of members', owner: 'alice', maxusers: 5000 });
  expect(made.status).toBe(200);
  const id = made.body.data.id;
  for (let i = 0; i < names.length; i += 60) {
    const r = await api(emulator, admin, 'POST', `/chatrooms/${id}/users`, { usernames: names.slice(i, i + 60) });
    expect(r.status).toBe(200);
  }
  await connect(page, emulator);
  await go(page, `/rooms/${id}`);
  const csv = await download(page, () => page.getByTestId('export-members').click());
  await expect(page.getByTestId('export-status')).toHaveText('Exported 1,251 members');
  const [header, ...rows] = parseCsv(csv.text);
  expect(header).toEqual(['User', 'Role']);
  const fromApi: string[] = [];
  for (let p = 1; ; p++) {
    const page = (await api(emulator, admin, 'GET', `/chatrooms/${id}/users?pagenum=${p}&pagesize=1000`)).body.data;
    fromApi.push(...page.map((a: Record<string, string>) => a.owner ?? a.member));
    if (page.length < 1000) break;
  }
  expect(rows.map((r) => r[0])).toEqual(fromApi);
  expect(rows.filter((r) => r[1] === 'owner').map((r) => r[0])).toEqual(['alice']);
  expect(rows).toHaveLength(1251);
});

test('shortcuts: / focuses the filter, n opens New chatroom, Esc closes, ? lists them; never while typing', async ({ page, emulator }) => {
  await connect(page, emulator);
  const dialog = page.locator('dialog[open]');
  await page.locator('main h1').click();
  await page.keyboard.press('/');
  await expect(page.locator('input.filter')).toBeFocused();
  // Typing n and ? in the filter types them.
  await page.keyboard.type('n?');
  await expect(page.locator('input.filter')).toHaveValue('n?');
  await expect(dialog).toHaveCount(0);
  await page.locator('input.filter').fill('');
  await page.locator('main h1').click();
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: 'New chatroom' })).toBeVisible();
  await page.getByRole('dialog', { name: 'New chatroom' }).getByLabel('Name').click();
  // Typing in the dialog's fields is typing, not shortcuts.
  await page.keyboard.type('n?/');
  await expect(page.getByRole('dialog', { name: 'New chatroom' }).getByLabel('Name')).toHaveValue('n?/');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByTestId('shortcut-list')).toContainText('Focus the filter');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // n from another page goes to the list and opens New chatroom there.
  await page.locator('table.rooms tbody tr td.id a').first().click();
  await expect(page.getByTestId('room-id')).toBeVisible();
  await page.locator('main h1').click();
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/\/rooms$/);
  await expect(page.getByRole('dialog', { name: 'New chatroom' })).toBeVisible();
});

test('a success notice goes away by itself, but not while the pointer is on it; an error stays', async ({ page, emulator }) => {
  // The page's clock is driven by the test, so "a few seconds" takes no time.
  await page.clock.install();
  await connect(page, emulator);
  await page.locator('table.rooms tbody tr td.id a').first().click();
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit chatroom' });
  await dialog.getByLabel('Description').fill('Changed for the notice');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  const notice = page.locator('.notice');
  await expect(notice).toContainText('Saved: Description');
  await notice.hover();
  await page.clock.runFor(20_000);
  await expect(notice).toBeVisible();
  await page.mouse.move(5, 600);
  await page.clock.runFor(7_000);
  await expect(notice).toHaveCount(0);
  // A failure is not a notice: it stays where it happened.
  await go(page, '/rooms/1');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.clock.runFor(60_000);
  await expect(page.getByRole('alert')).toBeVisible();
});
