// The operations journal (issue 18): every change is an entry that survives a reload; an entry's
// undo puts the room back as it was, read back through the API; an undo after someone else
// changed the room shows what changed and asks; a bulk mute of 200 rooms is undone as one run;
// the exports parse back; a dissolve offers no undo; axe finds nothing on the page.
import { test, expect, connectAnyLanguage, allRoomIds, api, Emulator } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import * as fs from 'node:fs';

const words = {
  en: { edit: 'Edit', editTitle: 'Edit chatroom', name: 'Name', save: 'Save changes', undo: 'Undo', done: 'Done', journal: 'Journal', editOp: 'Edit room', muteOp: 'Mute' },
  zh: { edit: '编辑', editTitle: '编辑聊天室', name: '名称', save: '保存更改', undo: '撤销', done: '已完成', journal: '操作记录', editOp: '修改聊天室', muteOp: '禁言' },
};

async function roomOf(emulator: Emulator, id: string) {
  const token = await emulator.token();
  const r = (await api(emulator, token, 'GET', `/chatrooms/${id}`)).body.data[0];
  return { name: r.name, description: r.description, maxusers: r.maxusers, owner: r.owner };
}

async function mutesOf(emulator: Emulator, id: string): Promise<string[]> {
  const token = await emulator.token();
  const list = (await api(emulator, token, 'GET', `/chatrooms/${id}/mute`)).body.data as { user: string }[];
  return list.map((m) => m.user).sort();
}

/** Opens the journal from the top bar: within the app, so that an entry being kept as the
 * last change ended is not cut short by a page load. */
async function openJournal(page: Page, op?: string) {
  await page.locator('header nav a[href$="/journal"]').click();
  await expect(page.getByTestId('journal-summary')).toBeVisible();
  if (op) await page.locator('#journal-op').selectOption(op);
}

/** Opens the newest journal entry and its undo, once it has read what is there now. */
async function undoNewest(page: Page, emulator: Emulator, w: (typeof words)['en']) {
  await openJournal(page);
  await page.getByTestId('journal-row').first().getByRole('link').first().click();
  await page.getByTestId('undo').click();
  const dialog = page.locator('#undo-dialog');
  await expect(dialog.getByTestId('undo-go')).toBeVisible();
  return dialog;
}

for (const [locale, lang] of [['en-US', 'en'], ['zh-CN', 'zh']] as const) {
  const w = words[lang];
  test.describe(`journal in ${locale}`, () => {
    test.use({ locale });

    test('an edit and a mute, each undone: the room reads back as it was', async ({ page, emulator }) => {
      await connectAnyLanguage(page, emulator);
      const ids = await allRoomIds(emulator);
      const id = ids[ids.length - 1];
      const before = await roomOf(emulator, id);
      const mutedBefore = await mutesOf(emulator, id);

      await page.goto(`${emulator.url}/rooms/${id}`);
      await page.getByRole('button', { name: w.edit, exact: true }).click();
      const edit = page.getByRole('dialog', { name: w.editTitle });
      await edit.getByLabel(w.name).fill('Renamed by mistake');
      await edit.getByRole('button', { name: w.save }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Renamed by mistake');
      expect((await roomOf(emulator, id)).name).toBe('Renamed by mistake');

      // The room's page lists it among its recent changes.
      await expect(page.getByTestId('recent-changes')).toContainText(w.editOp);

      let dialog = await undoNewest(page, emulator, w);
      await expect(dialog.getByTestId('undo-unchanged')).toBeVisible();
      await dialog.getByTestId('undo-go').click();
      await expect(dialog.getByTestId('undo-results').locator('tr.ok')).toHaveCount(1);
      expect(await roomOf(emulator, id)).toEqual(before);
      // The entry says it was undone, and by which entry.
      await expect(page.getByTestId('undone-by')).toBeVisible();

      // A mute of two users (one of whom was muted already, for ever), undone.
      await page.goto(`${emulator.url}/rooms/${id}`);
      await page.locator('#mute-usernames').fill(`frank, ${mutedBefore[0]}`);
      await page.locator('#mute-duration').selectOption('1d');
      await page.locator('section.mod-panel').filter({ has: page.getByTestId('mutes') }).locator('button[type=submit]').click();
      await expect(page.getByTestId('mutes').getByRole('link', { name: 'frank' })).toBeVisible();
      dialog = await undoNewest(page, emulator, w);
      await dialog.getByTestId('undo-go').click();
      await expect(dialog.getByTestId('undo-results').locator('tr.ok')).not.toHaveCount(0);
      await expect(dialog.getByTestId('bulk-progress')).toHaveCount(0);
      expect(await mutesOf(emulator, id)).toEqual(mutedBefore);

      // Both entries and both undos are there after a reload.
      await page.goto(`${emulator.url}/journal`);
      await page.reload();
      await expect(page.getByTestId('journal-row')).toHaveCount(4);
      await page.screenshot({ path: test.info().outputPath(`journal-${lang}.png`) });
    });
  });
}

test.describe('journal', () => {
  test.use({ locale: 'en-US' });

  test('an undo after the room was changed through the API shows the difference and asks', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    const ids = await allRoomIds(emulator);
    const id = ids[0];
    const before = await roomOf(emulator, id);
    await page.goto(`${emulator.url}/rooms/${id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit chatroom' });
    await edit.getByLabel('Name').fill('Mine');
    await edit.getByLabel('Description').fill('Mine too');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('room-fields')).toContainText('Mine too');
    // Someone else renames it meanwhile.
    const token = await emulator.token();
    await api(emulator, token, 'PUT', `/chatrooms/${id}`, { name: 'Theirs' });

    const dialog = await undoNewest(page, emulator, words.en);
    const changed = dialog.getByTestId('undo-changed');
    await expect(changed.locator('tbody tr')).toHaveCount(1);
    await expect(changed.locator('tbody tr')).toContainText('Mine');
    await expect(changed.locator('tbody tr')).toContainText('Theirs');
    await page.screenshot({ path: test.info().outputPath('undo-changed.png') });
    // Undo the rest leaves the changed room alone: nothing is sent for it.
    await expect(dialog.getByTestId('undo-go')).toHaveText('Undo the rest');
    await dialog.getByTestId('undo-go').click();
    await expect(dialog.getByTestId('undo-results')).toHaveCount(0);
    expect((await roomOf(emulator, id)).name).toBe('Theirs');
    // Asked again, and told to go over it: back as it was before the entry.
    await expect(dialog).toBeHidden();
    await page.goto(page.url());
    await page.getByTestId('undo').click();
    await page.locator('#undo-dialog').getByTestId('undo-anyway').click();
    await expect(page.locator('#undo-dialog').getByTestId('undo-results').locator('tr.ok')).toHaveCount(1);
    expect(await roomOf(emulator, id)).toEqual(before);
  });

  test('a dissolve offers no undo, and says why', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    const ids = await allRoomIds(emulator);
    await page.goto(`${emulator.url}/rooms/${ids[0]}`);
    await page.getByRole('button', { name: 'Dissolve', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input').first().fill(ids[0]);
    await dialog.getByRole('button', { name: 'Dissolve' }).click();
    await expect(page).toHaveURL(/\/rooms(\?|$)/);
    await openJournal(page, 'dissolve');
    await page.getByTestId('journal-row').first().getByRole('link').first().click();
    await expect(page.getByTestId('no-undo')).toContainText('No undo');
    await expect(page.getByTestId('undo')).toHaveCount(0);
  });
});

test.describe('journal of a 200-room bulk mute', () => {
  test.use({ locale: 'en-US', emulatorArgs: ['--demo-rooms', '200'], actionTimeout: 30_000 });
  test.setTimeout(240_000);

  test('undone as one run; the exports parse back; axe finds nothing at 1280 and 375 px', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    const ids = await allRoomIds(emulator);
    expect(ids.length).toBe(200);
    const token = await emulator.token();
    const before = new Map<string, string[]>();
    for (const id of ids) before.set(id, await mutesOf(emulator, id));

    await page.goto(`${emulator.url}/rooms?all=1`);
    await expect(page.getByTestId('all-summary')).toBeVisible();
    await page.getByTestId('select-matching').click();
    await page.getByTestId('moderate-selected').click();
    const bulk = page.locator('#bulk-moderate-dialog');
    // First only planned: recorded, nothing sent.
    const posts: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
    await bulk.getByLabel('Add users as members').check();
    await bulk.locator('#bulk-usernames').fill('xavier\nyvonne');
    await expect(bulk.getByTestId('bulk-plan')).toContainText('200 requests to POST');
    await bulk.getByTestId('plan-only').click();
    await expect(page.locator('.notice').filter({ hasText: 'nothing was sent' })).toBeVisible();
    expect(posts.filter((u) => /\/users$/.test(new URL(u).pathname))).toEqual([]);
    // Two users join every room, then are muted in every room.
    await page.getByTestId('moderate-selected').click();
    await bulk.getByLabel('Add users as members').check();
    await bulk.locator('#bulk-usernames').fill('xavier\nyvonne');
    await bulk.locator('button[type=submit]').click();
    await expect(bulk.getByTestId('moderate-results').locator('tbody tr')).toHaveCount(200);
    await expect(bulk.getByTestId('bulk-progress')).toHaveCount(0, { timeout: 180_000 });
    await bulk.locator('.actions').getByRole('button', { name: 'Close' }).click();
    for (const id of ids) before.set(id, await mutesOf(emulator, id));
    await page.getByTestId('moderate-selected').click();
    await bulk.getByLabel('Mute users', { exact: true }).check();
    await bulk.locator('#bulk-usernames').fill('xavier\nyvonne');
    await expect(bulk.getByTestId('bulk-plan')).toContainText('200 requests to POST');
    await bulk.locator('button[type=submit]').click();
    await expect(bulk.getByTestId('moderate-results').locator('tbody tr')).toHaveCount(200);
    await expect(bulk.getByTestId('bulk-progress')).toHaveCount(0, { timeout: 180_000 });
    for (const id of ids.slice(0, 5)) expect(await mutesOf(emulator, id)).toContain('xavier');
    await bulk.locator('.actions').getByRole('button', { name: 'Close' }).click();

    // One entry of 200 items.
    await openJournal(page, 'mute');
    await expect(page.getByTestId('journal-row')).toHaveCount(1);
    await page.getByTestId('journal-row').getByRole('link').first().click();
    await expect(page.getByTestId('entry-items').locator('tbody tr')).toHaveCount(200);
    await page.getByTestId('undo').click();
    const dialog = page.locator('#undo-dialog');
    await expect(dialog.getByTestId('undo-unchanged')).toBeVisible({ timeout: 120_000 });
    await dialog.getByTestId('undo-go').click();
    await expect(dialog.getByTestId('undo-results').locator('tbody tr')).toHaveCount(200);
    await expect(dialog.getByTestId('bulk-progress')).toHaveCount(0, { timeout: 180_000 });
    await expect(dialog.getByTestId('undo-results').locator('tr.ok')).toHaveCount(200);
    for (const id of ids) expect(await mutesOf(emulator, id)).toEqual(before.get(id));
    await dialog.locator('.actions').getByRole('button', { name: 'Close' }).click();

    // The exports: the CSV has a row per item, the JSON the entries as kept.
    await openJournal(page);
    await expect(page.getByTestId('journal-row')).toHaveCount(4);
    await expect(page.getByTestId('journal-row').last()).toContainText('plan, not sent');
    const [csvDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('journal-csv').click()]);
    const csv = fs.readFileSync((await csvDl.path())!, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(csv[0].split(',').slice(0, 3)).toEqual(['entry', 'time', 'host']);
    expect(csv.length).toBe(1 + 800);
    expect(csv.filter((l) => l.includes(',plan,')).length).toBe(200);
    expect(csv.filter((l) => l.includes(',mute,')).length).toBe(200);
    expect(csv.filter((l) => l.includes(',unmute,')).length).toBe(200);
    const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('journal-json').click()]);
    const entries = JSON.parse(fs.readFileSync((await jsonDl.path())!, 'utf8'));
    expect(entries).toHaveLength(4);
    expect(entries[3].kind).toBe('plan');
    expect(entries[3].items.every((i: { outcome: { is: string } }) => i.outcome.is === 'pending')).toBe(true);
    const [undo, mute] = entries;
    expect(undo.undoes).toBe(mute.id);
    expect(mute.items.map((i: { room: string }) => i.room).sort()).toEqual([...ids].sort());
    expect(JSON.stringify(entries)).not.toContain(token);

    // axe, on the list and on an entry, at both widths.
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      for (const href of ['/journal', `/journal?entry=${mute.id}`]) {
        await page.goto(`${emulator.url}${href}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${href} ${width}: ${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      }
    }
  });
});

test.describe('journal of a 500-room run cut short by a reload', () => {
  test.use({ locale: 'en-US', emulatorArgs: ['--demo-rooms', '500'], actionTimeout: 30_000 });
  test.setTimeout(300_000);

  test('Resume looks for what may have been done and sends only the rest: every room done, none sent again', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    const ids = await allRoomIds(emulator);
    expect(ids.length).toBe(500);
    const token = await emulator.token();
    await page.goto(`${emulator.url}/rooms?all=1`);
    await expect(page.getByTestId('all-summary')).toBeVisible();
    await page.getByTestId('select-matching').click();
    await page.getByTestId('moderate-selected').click();
    const bulk = page.locator('#bulk-moderate-dialog');
    await bulk.getByLabel('Add users as members').check();
    await bulk.locator('#bulk-usernames').fill('xavier');
    // The plan says what will be sent before anything is.
    await expect(bulk.getByTestId('bulk-plan')).toContainText('500 requests to POST');
    // Lost answers on: some adds are made and answered 503.
    await api(emulator, token, 'PUT', '/_emulator/faults', { fail_after_write: 0.2, latency_ms: 20 });
    await bulk.locator('button[type=submit]').click();
    const settled = bulk.getByTestId('moderate-results').locator('tbody tr:not(.pending)');
    await expect(async () => expect(await settled.count()).toBeGreaterThan(60)).toPass({ timeout: 60_000 });
    await page.reload();

    await page.goto(`${emulator.url}/journal`);
    await page.getByTestId('journal-row').first().getByRole('link').first().click();
    // Unfinished once nobody has kept it for 20 s (another tab may still be running it).
    // (Each look waits for the entry to be shown, however slow the machine, then counts.)
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('entry-tally')).toBeVisible({ timeout: 20_000 });
      expect(await page.getByTestId('unfinished').count()).toBe(1);
    }).toPass({ timeout: 120_000, intervals: [2_000] });
    const rows = page.getByTestId('entry-items').locator('tbody tr');
    await expect(rows).toHaveCount(500);
    const doneBefore = new Set(await page.getByTestId('entry-items').locator('tbody tr.ok td:nth-child(2)').allTextContents());
    expect(doneBefore.size).toBeGreaterThan(50);
    expect(doneBefore.size).toBeLessThan(500);

    const sentAgain: string[] = [];
    page.on('request', (r) => {
      const m = new URL(r.url()).pathname.match(/\/chatrooms\/(\d+)\/users$/);
      if (r.method() === 'POST' && m) sentAgain.push(m[1]);
    });
    await page.getByTestId('resume').click();
    const dialog = page.locator('#resume-dialog');
    await expect(dialog.getByTestId('resume-results').locator('tbody tr')).toHaveCount(500 - doneBefore.size);
    await expect(dialog.getByTestId('bulk-progress')).toHaveCount(0, { timeout: 240_000 });
    await api(emulator, token, 'PUT', '/_emulator/faults', { fail_after_write: 0, latency_ms: 0 });
    // Nothing done before the reload was sent again, nor what Resume found done by looking;
    // each of the rest once.
    expect(sentAgain.filter((id) => doneBefore.has(id))).toEqual([]);
    const found = (await dialog.getByTestId('resume-results').locator('tbody tr', { hasText: 'Found done' }).locator('td:first-child').allTextContents())
      .map((label) => label.match(/\d{6,}/)![0]);
    expect(sentAgain.filter((id) => found.includes(id))).toEqual([]);
    const perRoom = new Map<string, number>();
    for (const id of sentAgain) perRoom.set(id, (perRoom.get(id) ?? 0) + 1);
    console.log(`resume: ${doneBefore.size} done before the reload, ${found.length} found done by looking, ${perRoom.size} sent`);
    // Every room has the member, once.
    for (let i = 0; i < ids.length; i += 100) {
      const { body } = await api(emulator, token, 'GET', `/chatrooms/${ids.slice(i, i + 100).join(',')}`);
      for (const r of body.data) {
        const members = r.affiliations.map((a: Record<string, string>) => a.owner ?? a.member);
        expect(members.filter((m: string) => m === 'xavier'), r.id).toHaveLength(1);
      }
    }
    await dialog.locator('.actions').getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await expect(page.getByTestId('unfinished')).toHaveCount(0);
    await expect(page.getByTestId('entry-items').locator('tbody tr.ok')).toHaveCount(500);
  });
});

/** Everything a room's undo puts back, as the API reads it, and the app's super admins. */
async function snapshot(emulator: Emulator, id: string) {
  const token = await emulator.token();
  const get = async (p: string, method = 'GET') => (await api(emulator, token, method, p, method === 'POST' ? {} : undefined)).body.data;
  const d = (await get(`/chatrooms/${id}`))[0];
  return {
    name: d.name, description: d.description, maxusers: d.maxusers, owner: d.owner, mute: d.mute,
    members: d.affiliations.map((a: Record<string, string>) => a.owner ?? a.member).sort(),
    admins: [...(await get(`/chatrooms/${id}/admin`))].sort(),
    muted: (await get(`/chatrooms/${id}/mute`)).map((m: { user: string }) => m.user).sort(),
    blocked: [...(await get(`/chatrooms/${id}/blocks/users`))].sort(),
    allowed: [...(await get(`/chatrooms/${id}/white/users`))].sort(),
    announcement: (await get(`/chatrooms/${id}/announcement`)).announcement,
    attributes: await get(`/metadata/chatroom/${id}`, 'POST'),
    superAdmins: [...(await get('/chatrooms/super_admin'))].sort(),
  };
}

for (const locale of ['en-US', 'zh-CN']) test.describe(`journal: every kind of change, ${locale}`, () => {
  test.use({ locale });
  test.setTimeout(180_000);

  test('each operation done from the room page, then each undone: the room and the app read back as before', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    const ids = await allRoomIds(emulator);
    const id = ids[ids.length - 1];
    const token = await emulator.token();
    let before = await snapshot(emulator, id);
    // Plain members (no admin, no mute, not allowed): one to block, one to hand the room to, one
    // to remove, one blocked already (to unblock), one to make an admin.
    const plain = before.members.filter((m: string) => m !== before.owner && !before.admins.includes(m)
      && !before.muted.includes(m) && !before.allowed.includes(m));
    expect(plain.length).toBeGreaterThan(5);
    await api(emulator, token, 'POST', `/chatrooms/${id}/blocks/users`, { usernames: [plain[3]] });
    before = await snapshot(emulator, id);
    expect(before.blocked).toContain(plain[3]);
    const panel = (testid: string) => page.locator('section.mod-panel').filter({ has: page.getByTestId(testid) });
    await page.goto(`${emulator.url}/rooms/${id}`);
    await expect(page.getByTestId('moderation')).toBeVisible();

    // Admins: one made, one removed.
    await page.locator('#admin-username').fill(plain[4]);
    await panel('admins').locator('button[type=submit]').click();
    await expect(page.getByTestId('admins').getByRole('link', { name: plain[4], exact: true })).toBeVisible();
    await page.getByTestId('admins').locator('li', { hasText: before.admins[0] }).getByRole('button').click();
    await expect(page.getByTestId('admins').getByRole('link', { name: before.admins[0], exact: true })).toHaveCount(0);
    // A mute lifted, everyone muted.
    await page.getByTestId('mutes').locator('li', { hasText: before.muted[0] }).getByRole('button').click();
    await expect(page.getByTestId('mutes').getByRole('link', { name: before.muted[0], exact: true })).toHaveCount(0);
    await page.getByTestId('mute-all').click();
    await expect(page.getByTestId('mute-all')).toHaveAttribute('aria-pressed', 'true');
    // A member blocked (and so gone), one unblocked, a user allowed, one no longer.
    await page.locator('#block-usernames').fill(plain[0]);
    await panel('blocked').locator('button[type=submit]').click();
    await expect(page.getByTestId('blocked').getByRole('link', { name: plain[0], exact: true })).toBeVisible();
    await page.getByTestId('blocked').locator('li', { hasText: plain[3] }).getByRole('button').click();
    await expect(page.getByTestId('blocked').getByRole('link', { name: plain[3], exact: true })).toHaveCount(0);
    await page.locator('#allow-usernames').fill('ivan');
    await panel('allowed').locator('button[type=submit]').click();
    await expect(page.getByTestId('allowed').getByRole('link', { name: 'ivan' })).toBeVisible();
    await page.getByTestId('allowed').locator('li', { hasText: before.allowed[0] }).getByRole('button').click();
    await expect(page.getByTestId('allowed').getByRole('link', { name: before.allowed[0], exact: true })).toHaveCount(0);
    // The announcement, an attribute set and one deleted.
    await page.getByTestId('announcement').fill('Doors open at 8.');
    await panel('announcement').locator('button[type=submit]').click();
    await expect.poll(async () => (await snapshot(emulator, id)).announcement).toBe('Doors open at 8.');
    await page.locator('#attr-key').fill('lang');
    await page.locator('#attr-value').fill('zh');
    await panel('attributes').locator('form button[type=submit]').click();
    const attrs = page.getByTestId('attributes');
    await expect(attrs.locator('tbody tr', { hasText: 'lang' })).toHaveCount(1);
    const firstKey = Object.keys(before.attributes)[0];
    await attrs.locator('tr', { hasText: firstKey }).getByRole('button').click();
    await expect(attrs.locator('tr', { hasText: firstKey })).toHaveCount(0);
    // Members added, one removed, the room handed to a member.
    await page.locator('.room-actions button').nth(2).click();
    const add = page.locator('#add-dialog');
    // One of them is a member already: the undo must leave them in.
    const already = before.members.find((m: string) => m !== before.owner && !plain.slice(0, 5).includes(m));
    // Every demo user is in this room: a new one joins.
    const newcomer = 'newcomer1';
    await api(emulator, await emulator.token(), 'POST', '/users', [{ username: newcomer, password: 'p' }]);
    await add.locator('#add-usernames').fill(`${already}\n${newcomer}`);
    await add.locator('button[type=submit]').click();
    await expect(add.getByTestId('add-results').locator('tr.ok')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await page.locator('.room-actions button').nth(3).click();
    const remove = page.locator('#remove-dialog');
    await remove.locator('#remove-usernames').fill(plain[2]);
    await remove.locator('button[type=submit]').click();
    await expect(remove.getByTestId('remove-results').locator('tr.ok')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await page.locator('.room-actions button').nth(1).click();
    const transfer = page.locator('#transfer-dialog');
    await transfer.locator('#new-owner').fill(plain[1]);
    await transfer.locator('button[type=submit]').click();
    await expect(page.getByTestId('room-owner')).toHaveText(plain[1]);
    // A super admin added, one removed.
    await page.locator('header nav a[href$="/super-admins"]').click();
    await page.locator('#super-admin-username').fill('bob');
    await page.locator('main form button[type=submit]').click();
    await expect(page.getByTestId('super-admins').getByRole('link', { name: 'bob' })).toBeVisible();
    await page.getByTestId('super-admins').locator('li', { hasText: before.superAdmins[0] }).getByRole('button').click();
    await expect(page.getByTestId('super-admins').getByRole('link', { name: before.superAdmins[0], exact: true })).toHaveCount(0);

    const changed = await snapshot(emulator, id);
    expect(changed).not.toEqual(before);

    // Every entry, newest first; each undone in turn (the last change first).
    await openJournal(page);
    const links = page.getByTestId('journal-row').locator('div[role=cell]:first-child a');
    await expect(links).toHaveCount(16);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) {
      await page.goto(`${emulator.url}${href}`);
      await page.getByTestId('undo').click();
      const dialog = page.locator('#undo-dialog');
      await expect(dialog.getByTestId('undo-unchanged')).toBeVisible();
      await dialog.getByTestId('undo-go').click();
      await expect(dialog.getByTestId('bulk-progress')).toHaveCount(0);
      await expect(dialog.getByTestId('undo-results').locator('tr.failed')).toHaveCount(0);
      await expect(page.getByTestId('undone-by')).toBeVisible();
    }
    expect(await snapshot(emulator, id)).toEqual(before);
    await page.screenshot({ path: test.info().outputPath(`entry-${locale}.png`), fullPage: true });
  });
});
