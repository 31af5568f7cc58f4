// The dashboard under injected faults: for each fault, one journey through thirteen operations in
// one browser session. Faults are switched on (PUT /_emulator/faults) only while an operation
// runs; the check of what the server holds afterwards runs with them off. Every operation must
// complete, or end with a clear message that names the kind of failure; no room may be created
// twice; no change the dashboard reported done may be missing. Each journey writes its row of
// the fault x operation table; tests/e2e/fault-table.ts prints the whole table at the end.
import { test, expect, Emulator, allRoomIds, go, tokenFor, setFaults } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

type Faults = Partial<{
  latency_ms: number; fail_429: number; fail_503: number; fail_after_write: number;
  rate_limits: boolean; token_ttl_s: number;
}>;

const OFF: Faults = { latency_ms: 0, fail_429: 0, fail_503: 0, fail_after_write: 0, rate_limits: false };

const ROWS: { name: string; faults: Faults }[] = [
  { name: '429 at 50%', faults: { fail_429: 0.5 } },
  { name: '503 at 30%', faults: { fail_503: 0.3 } },
  { name: 'lost answers at 50%', faults: { fail_after_write: 0.5 } },
  { name: '2 s latency', faults: { latency_ms: 2000 } },
  { name: 'tokens live 5 s', faults: { token_ttl_s: 5 } },
  { name: 'documented rate limits', faults: { rate_limits: true } },
];

// The kinds of failure a message must name (text.rs failure_kind).
const KINDS = /Rate limited|Server error|Network failure|Blocked by CORS|Refused by the server|Unreadable answer|Outcome unknown/;

const slow = expect.configure({ timeout: 120_000 });

// The harness's own token, asked for before any fault is on and never expiring, so that
// switching faults off never depends on a request that a fault can refuse.
const harnessTokens = new Map<string, string>();
async function harnessToken(emulator: Emulator): Promise<string> {
  if (!harnessTokens.has(emulator.url)) harnessTokens.set(emulator.url, await tokenFor(emulator, 0));
  return harnessTokens.get(emulator.url)!;
}

async function api(emulator: Emulator, method: string, p: string, body?: unknown) {
  const r = await fetch(`${emulator.api}${p}`, {
    method,
    headers: { Authorization: `Bearer ${await harnessToken(emulator)}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

async function switchFaults(emulator: Emulator, faults: Faults) {
  await setFaults(emulator, await harnessToken(emulator), faults);
}

async function roomDetail(emulator: Emulator, id: string) {
  const r = await api(emulator, 'GET', `/chatrooms/${id}`);
  return r.status === 200 ? r.body.data[0] : null;
}

async function createRoom(emulator: Emulator, room: Record<string, unknown>): Promise<string> {
  const r = await api(emulator, 'POST', '/chatrooms', { description: 'fault test', owner: 'alice', ...room });
  expect(r.status).toBe(200);
  return r.body.data.id;
}

/** Waits until `done` or a message shows; returns 'ok' or the message's headline. */
async function settle(done: Locator, message: Locator): Promise<string> {
  let seen = 'pending';
  await slow.poll(async () => {
    if (await done.count()) seen = 'ok';
    else if (await message.count()) seen = 'message';
    return seen;
  }, { intervals: [100, 250, 500] }).not.toBe('pending');
  // Both may be there by now (a recovery box is an alert too): success wins.
  if (seen === 'ok' || (await done.count())) return 'ok';
  const text = (await message.first().innerText()).replace(/\s+/g, ' ').trim();
  expect(text, 'a failure message names its kind').toMatch(KINDS);
  return `message: ${text.slice(0, 80)}`;
}

type Journey = { page: Page; emulator: Emulator; faults: Faults; requests: () => number };

/** Waits until the server refuses the token the dashboard holds now: the operation that
 * follows starts with a token that has run out (unless the dashboard renewed it meanwhile). */
async function outliveToken(j: Journey) {
  // Before the first page is open (about:blank) there is no storage and no token yet.
  const token = await j.page
    .evaluate(() => JSON.parse(sessionStorage.getItem('chatroom-admin.session') ?? '{}').token)
    .catch(() => undefined);
  if (!token) return;
  await slow.poll(async () => (await fetch(`${j.emulator.api}/chatrooms?limit=1`, {
    headers: { Authorization: `Bearer ${token}` },
  })).status, { intervals: [250] }).toBe(401);
}

/** Runs one operation with the faults on and checks the server with them off. */
async function operation(j: Journey, run: () => Promise<string>, check: () => Promise<void>, through = /^ok/) {
  if (j.faults.token_ttl_s) await outliveToken(j);
  const before = j.requests();
  await switchFaults(j.emulator, j.faults);
  let outcome: string;
  try {
    outcome = await run();
  } finally {
    await switchFaults(j.emulator, OFF);
  }
  // The next operation starts from the page, not from inside a dialog.
  for (let i = 0; i < 3 && (await j.page.locator('dialog[open]').count()); i++) {
    await j.page.keyboard.press('Escape');
  }
  await expect(j.page.locator('dialog[open]')).toHaveCount(0);
  // With the client's bounded retries, a failure is vanishingly unlikely (0.3^10 for the
  // 503 row, 0.5^17 for the 429 row): every operation must get through, however it is told.
  expect(outcome, 'the operation got through').toMatch(through);
  await check();
  return `${outcome} (${j.requests() - before} requests)`;
}

const roomLink = (main: Locator, id: string) => main.locator('table.rooms').getByRole('link', { name: id, exact: true });

const alertIn = (scope: Locator | Page) => scope.locator('[role=alert], .form-error, .field-error:not(:empty)');

for (const row of ROWS) {
  test.describe(() => {
    test.use({ emulatorArgs: ['--demo-rooms', '250'], actionTimeout: 30_000 });
    test(`under ${row.name}, every operation completes or says clearly why not`, async ({ page, emulator }) => {
      test.setTimeout(600_000);
      // The data the operations work on, made before any fault is on.
      await harnessToken(emulator);
      const guests = Array.from({ length: 130 }, (_, i) => `guest${i}`);
      for (let i = 0; i < guests.length; i += 60) {
        const r = await api(emulator, 'POST', '/users', guests.slice(i, i + 60).map((username) => ({ username, password: 'p' })));
        expect(r.status).toBe(200);
      }
      const bulk: string[] = [];
      for (let i = 0; i < 20; i++) bulk.push(await createRoom(emulator, { name: `Bulk ${i}` }));
      const edit = await createRoom(emulator, { name: 'Edit me', members: ['bob', 'carol'] });
      const transfer = await createRoom(emulator, { name: 'Transfer me', members: ['bob', 'carol'] });
      const dissolve = await createRoom(emulator, { name: 'Dissolve me' });
      const add = await createRoom(emulator, { name: 'Add to me', maxusers: 500 });
      const remove = await createRoom(emulator, { name: 'Remove from me', members: ['bob', 'carol', 'dave', 'erin'] });
      const moderate = await createRoom(emulator, { name: 'Moderate me', members: ['bob', 'carol', 'dave'] });
      const all = await allRoomIds(emulator);

      let sent = 0;
      page.on('request', (r) => { if (r.method() !== 'OPTIONS' && r.url().includes('/demo/admin/')) sent++; });
      let throttled = 0;
      page.on('response', (r) => { if (r.status() === 429) throttled++; });
      // Token lifetime applies to tokens issued from now on, so it is set before connecting.
      if (row.faults.token_ttl_s) await switchFaults(emulator, { token_ttl_s: row.faults.token_ttl_s });
      const j: Journey = { page, emulator, faults: row.faults, requests: () => sent };
      const results: Record<string, string> = {};
      const main = page.locator('main');

      results['connect'] = await operation(j, async () => {
        await page.goto(`${emulator.url}/connect`);
        await slow(page.getByLabel('Client ID', { exact: true })).toHaveValue('demo-client-id');
        await page.getByRole('button', { name: 'Connect', exact: true }).click();
        return settle(page.locator('table.rooms tbody tr'), alertIn(main));
      }, async () => {});

      results['list paging'] = await operation(j, async () => {
        await page.getByLabel('Rows per page').selectOption('100');
        for (const [n, slice] of [[2, all.slice(100, 200)], [3, all.slice(200, 300)]] as const) {
          await page.getByRole('link', { name: 'Next →' }).click();
          await slow(page.getByTestId('page-number')).toHaveText(`Page ${n}`);
          const o = await settle(roomLink(main, slice[slice.length - 1]), alertIn(main));
          if (o !== 'ok') return o;
          expect(await main.locator('table.rooms td.id').allInnerTexts()).toEqual(slice);
        }
        return 'ok';
      }, async () => {});

      results['detail'] = await operation(j, async () => {
        await go(page, `/rooms/${edit}`);
        return settle(page.getByTestId('room-id').filter({ hasText: edit }), alertIn(main));
      }, async () => {});

      results['open 150 ids'] = await operation(j, async () => {
        await page.getByRole('link', { name: 'Open by ids' }).click();
        const asked = [...all.slice(0, 148), '999999999999991', '999999999999992'];
        await page.getByLabel(/Chatroom ids/).fill(asked.join(' '));
        await page.getByRole('button', { name: 'Open', exact: true }).click();
        const o = await settle(page.getByTestId('open-summary'), alertIn(main));
        if (o === 'ok') await expect(page.getByTestId('open-summary')).toHaveText('Found 148 of 150 chatrooms');
        return o;
      }, async () => {});

      results['create'] = await operation(j, async () => {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chatrooms' }).click();
        await page.getByRole('button', { name: 'New chatroom' }).click();
        const dialog = page.getByRole('dialog', { name: 'New chatroom' });
        await dialog.getByLabel('Name').fill('Made under faults');
        await dialog.getByLabel('Description').fill('d');
        await dialog.getByLabel('Owner').fill('alice');
        await dialog.getByRole('button', { name: 'Create' }).click();
        for (let attempt = 1; attempt <= 5; attempt++) {
          const created = page.locator('[data-testid=room-id]');
          const found = dialog.getByText('It was created', { exact: false });
          const notCreated = dialog.getByText('It was not created', { exact: false });
          const o = await settle(created.or(found).or(notCreated), alertIn(dialog));
          if (o !== 'ok') return o;
          if (await created.count()) return attempt === 1 ? 'ok' : `ok after ${attempt} sends`;
          if (await found.count()) return 'ok: answer lost, found the room';
          await dialog.getByRole('button', { name: 'Send again' }).click();
        }
        return 'message: not created after 5 sends';
      }, async () => {
        const made = (await api(emulator, 'GET', '/chatrooms?limit=1000')).body.data.filter((r: { name: string }) => r.name === 'Made under faults');
        expect(made, 'the room was made once, never twice').toHaveLength(1);
      });

      results['edit'] = await operation(j, async () => {
        await go(page, `/rooms/${edit}`);
        await slow(page.getByTestId('room-id')).toHaveText(edit);
        await page.getByRole('button', { name: 'Edit' }).click();
        const dialog = page.getByRole('dialog', { name: 'Edit chatroom' });
        await dialog.getByLabel('Description').fill('Edited under faults');
        await dialog.getByRole('button', { name: 'Save changes' }).click();
        return settle(page.locator('.notice', { hasText: 'Saved: Description' }), alertIn(dialog));
      }, async () => {
        expect((await roomDetail(emulator, edit)).description).toBe('Edited under faults');
      });

      results['transfer'] = await operation(j, async () => {
        await go(page, `/rooms/${transfer}`);
        await slow(page.getByTestId('room-id')).toHaveText(transfer);
        await page.getByRole('button', { name: 'Transfer owner' }).click();
        const dialog = page.getByRole('dialog', { name: 'Transfer ownership' });
        await dialog.getByLabel('New owner').fill('bob');
        await dialog.getByRole('button', { name: 'Transfer owner' }).click();
        for (let attempt = 1; attempt <= 5; attempt++) {
          const done = page.locator('.notice', { hasText: 'bob now owns the chatroom' });
          const notDone = dialog.getByText('It was not transferred', { exact: false });
          const o = await settle(done.or(notDone), alertIn(dialog));
          if (o !== 'ok') return o;
          if (await done.count()) return attempt === 1 ? 'ok' : `ok after ${attempt} sends`;
          await dialog.getByRole('button', { name: 'Send again' }).click();
        }
        return 'message: not transferred after 5 sends';
      }, async () => {
        expect((await roomDetail(emulator, transfer)).owner).toBe('bob');
      });

      results['dissolve'] = await operation(j, async () => {
        await go(page, `/rooms/${dissolve}`);
        await slow(page.getByTestId('room-id')).toHaveText(dissolve);
        await page.getByRole('button', { name: 'Dissolve' }).click();
        const dialog = page.getByRole('dialog', { name: 'Dissolve chatroom' });
        await dialog.getByLabel(/Type the chatroom's id or name/).fill(dissolve);
        await dialog.getByRole('button', { name: 'Dissolve' }).click();
        return settle(page.locator('.notice', { hasText: `Dissolved Dissolve me (${dissolve})` }), alertIn(dialog));
      }, async () => {
        expect(await roomDetail(emulator, dissolve)).toBeNull();
      });

      /** Waits for a bulk run to end; sends the failed again up to twice. */
      async function runBulk(dialog: Locator): Promise<string> {
        for (let round = 1; round <= 3; round++) {
          const summary = dialog.getByRole('status').filter({ hasText: / done, \d+ failed/ });
          await slow(dialog.getByTestId('bulk-progress')).toHaveCount(0);
          const text = await summary.innerText();
          if (/ 0 failed$/.test(text)) return round === 1 ? 'ok' : `ok after retrying the failed ${round - 1}x`;
          const retry = dialog.getByRole('button', { name: /Retry the \d+ failed/ });
          if (round === 3) {
            const failed = (await dialog.locator('tr.failed').first().innerText()).replace(/\s+/g, ' ');
            expect(failed).toMatch(KINDS);
            return `message: ${text}; ${failed.slice(0, 60)}`;
          }
          await retry.click();
        }
        return 'unreachable';
      }

      results['add 130 members'] = await operation(j, async () => {
        await go(page, `/rooms/${add}`);
        await slow(page.getByTestId('room-id')).toHaveText(add);
        await page.getByRole('button', { name: 'Add members' }).click();
        const dialog = page.getByRole('dialog', { name: 'Add members' });
        await dialog.getByLabel(/Usernames/).fill(guests.join('\n'));
        await dialog.getByRole('button', { name: 'Add members' }).click();
        await slow(dialog.getByTestId('add-results').locator('tbody tr')).toHaveCount(3);
        return runBulk(dialog);
      }, async () => {
        expect((await roomDetail(emulator, add)).affiliations_count).toBe(131);
      });

      results['remove members'] = await operation(j, async () => {
        await go(page, `/rooms/${remove}`);
        await slow(page.getByTestId('room-id')).toHaveText(remove);
        await page.getByRole('button', { name: 'Remove members' }).click();
        const dialog = page.getByRole('dialog', { name: 'Remove members' });
        await dialog.getByLabel(/Usernames/).fill('bob carol dave');
        await dialog.getByRole('button', { name: 'Remove members' }).click();
        const rows = dialog.getByTestId('remove-results').locator('tbody tr');
        const o = await settle(rows.nth(2), alertIn(dialog));
        if (o !== 'ok') return o;
        const failed = await rows.filter({ hasText: 'Failed' }).count();
        return failed === 0 ? 'ok' : `message: ${await rows.filter({ hasText: 'Failed' }).first().innerText()}`;
      }, async () => {
        const members = (await roomDetail(emulator, remove)).affiliations.map((a: Record<string, string>) => a.member ?? a.owner);
        expect(members.sort()).toEqual(['alice', 'erin']);
      });

      results['mute 2, block 1'] = await operation(j, async () => {
        await go(page, `/rooms/${moderate}`);
        await slow(page.getByTestId('room-id')).toHaveText(moderate);
        const panels = page.locator('section.mod-panel');
        await page.locator('#mute-usernames').fill('bob carol');
        await page.locator('#mute-usernames').press('Enter');
        const o = await settle(page.locator('.notice', { hasText: 'Muted 2 members.' }), alertIn(panels));
        if (o !== 'ok') return o;
        await page.locator('#block-usernames').fill('dave');
        await page.locator('#block-usernames').press('Enter');
        return settle(page.locator('.notice', { hasText: 'Blocked 1 user.' }), alertIn(panels));
      }, async () => {
        const muted = (await api(emulator, 'GET', `/chatrooms/${moderate}/mute`)).body.data.map((m: { user: string }) => m.user);
        expect(muted.sort()).toEqual(['bob', 'carol']);
        expect((await api(emulator, 'GET', `/chatrooms/${moderate}/blocks/users`)).body.data).toEqual(['dave']);
        const members = (await roomDetail(emulator, moderate)).affiliations.map((a: Record<string, string>) => a.member ?? a.owner);
        expect(members.sort()).toEqual(['alice', 'bob', 'carol']);
      });

      // A message is never sent twice: a lost answer is "outcome unknown", and the room then
      // has the message at most once; a message reported sent is there exactly once.
      results['message to a room'] = await operation(j, async () => {
        await go(page, `/messages?room=${moderate}`);
        await page.getByTestId('msg-text').fill('Sent under faults');
        await page.getByTestId('msg-send').click();
        const rows = page.getByTestId('msg-results').locator('tbody tr');
        return settle(rows.and(page.locator('.ok')), rows.and(page.locator('.failed')));
      }, async () => {
        const r = await fetch(`${emulator.url}/_emulator/messages?room=${moderate}`, {
          headers: { Authorization: `Bearer ${await harnessToken(emulator)}` },
        });
        const kept = (await r.json()).messages;
        const reported = await page.getByTestId('msg-results').locator('tbody tr.ok').count();
        if (reported) expect(kept).toHaveLength(1);
        else expect(kept.length).toBeLessThanOrEqual(1);
      }, /^ok|Outcome unknown/);

      results['ban and unban'] = await operation(j, async () => {
        await go(page, '/users/dave');
        const state = page.getByTestId('user-banned');
        const o = await settle(state.filter({ hasText: 'Not banned' }), alertIn(main));
        if (o !== 'ok') return o;
        await page.getByTestId('user-ban').click();
        const b = await settle(state.filter({ hasText: 'Banned: cannot log in' }), alertIn(main));
        if (b !== 'ok') return b;
        await page.getByTestId('user-ban').click();
        return settle(state.filter({ hasText: 'Not banned' }), alertIn(main));
      }, async () => {
        expect((await api(emulator, 'GET', '/users/dave')).body.entities[0].activated).toBe(true);
      });

      /** The list filtered to the 20 "Bulk" rooms, all selected: 'ok', or how the list failed. */
      const selectBulk = async () => {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chatrooms' }).click();
        await page.getByLabel('Rows per page').selectOption('100');
        const o = await settle(roomLink(main, bulk[0]), alertIn(main));
        if (o !== 'ok') return o;
        await page.getByLabel('Filter').fill('Bulk ');
        await expect(main.locator('table.rooms tbody tr')).toHaveCount(20);
        await page.getByLabel('Select every chatroom shown').check();
        return 'ok';
      };

      results['bulk announcement to 20'] = await operation(j, async () => {
        const o = await selectBulk();
        if (o !== 'ok') return o;
        await page.getByRole('button', { name: 'Moderate selected (20)' }).click();
        const dialog = page.getByRole('dialog', { name: 'Moderate 20 chatrooms' });
        await dialog.getByLabel('Set the announcement').check();
        await dialog.locator('#bulk-announcement').fill('Set under faults');
        await dialog.getByRole('button', { name: 'Start' }).click();
        await slow(dialog.getByTestId('moderate-results').locator('tbody tr')).toHaveCount(20);
        return runBulk(dialog);
      }, async () => {
        for (const id of bulk) {
          expect((await api(emulator, 'GET', `/chatrooms/${id}/announcement`)).body.data.announcement).toBe('Set under faults');
        }
      });

      results['bulk dissolve of 20'] = await operation(j, async () => {
        const o = await selectBulk();
        if (o !== 'ok') return o;
        await page.getByRole('button', { name: 'Dissolve selected (20)' }).click();
        const dialog = page.getByRole('dialog', { name: 'Dissolve 20 chatrooms' });
        await dialog.getByLabel('Type the number of chatrooms to confirm').fill('20');
        await dialog.getByRole('button', { name: 'Dissolve' }).click();
        await slow(dialog.getByTestId('bulk-results').locator('tbody tr')).toHaveCount(20);
        return runBulk(dialog);
      }, async () => {
        const left = (await Promise.all(bulk.map((id) => roomDetail(emulator, id)))).filter(Boolean);
        expect(left).toHaveLength(0);
      });

      // The client paces every request under its endpoint's limit, so the enforced limits
      // never refuse the dashboard (with fail_429, the refusals are the injected ones).
      if (row.faults.rate_limits) expect(throttled, 'no request met the rate limit').toBe(0);
      const dir = path.join(test.info().project.outputDir, 'fault-matrix');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${ROWS.indexOf(row)}.json`), JSON.stringify({ fault: row.name, results }));
      console.log(`${row.name}: ${JSON.stringify(results, null, 1)}`);
    });
  });
}
