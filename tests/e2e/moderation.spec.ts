// A room's moderation from its page, in both languages: admins, mutes and muting everyone, the
// block and allow lists, the announcement, custom attributes, and the app's super admins. Every
// change is checked against the API, and every refusal is shown in the page's language.
import { test, expect, connectAnyLanguage, allRoomIds, api, Emulator } from './fixtures';
import type { Page } from '@playwright/test';
import * as fs from 'node:fs';

/** `make screenshots` refreshes the README's pictures from these same tests. */
async function screenshot(page: Page, name: string) {
  if (process.env.UPDATE_SCREENSHOTS) {
    fs.mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: `docs/screenshots/${name}.png` });
  }
}

const words = {
  en: {
    noUser: 'There is no user ghost in this app.',
    forever: 'For ever',
    blocked: 'Blocked 1 user.',
    onBlocklist: "is on the chatroom's blocklist",
    notDone: 'Not done for ghost: There is no user ghost in this app.',
    saved: 'Announcement saved.',
    tooLong: 'at most 512 are allowed',
    badKey: 'is not a valid key',
    everyoneMuted: 'Everyone but the owner and admins is muted.',
    removeThese: 'Remove these',
  },
  zh: {
    noUser: '该应用中不存在用户 ghost。',
    forever: '永久',
    blocked: '已将 1 名用户加入黑名单。',
    onBlocklist: '在聊天室黑名单中',
    notDone: 'ghost 未完成：该应用中不存在用户 ghost。',
    saved: '公告已保存。',
    tooLong: '最多允许 512 个',
    badKey: '不是有效的键',
    everyoneMuted: '除所有者和管理员外，全员禁言中。',
    removeThese: '移除这些用户',
  },
};

type Lang = keyof typeof words;

/** The oldest demo room (the one with some of everything) and a direct API caller. */
async function openRoom(page: Page, emulator: Emulator) {
  await connectAnyLanguage(page, emulator);
  const ids = await allRoomIds(emulator);
  const id = ids[ids.length - 1];
  const token = await emulator.token();
  const call = (method: string, p: string, body?: unknown) => api(emulator, token, method, p, body);
  await page.goto(`${emulator.url}/rooms/${id}`);
  await expect(page.getByTestId('moderation')).toBeVisible();
  return { id, call };
}

/** The panel whose heading is the `n`th of the moderation grid. */
const panel = (page: Page, testid: string) => page.locator('section.mod-panel').filter({ has: page.getByTestId(testid) });

for (const [locale, lang] of [['en-US', 'en'], ['zh-CN', 'zh']] as [string, Lang][]) {
  const w = words[lang];
  test.describe(`moderation in ${locale}`, () => {
    test.use({ locale });

    test('admins: make one, remove one, and an unknown user is refused', async ({ page, emulator }) => {
      const { id, call } = await openRoom(page, emulator);
      const before = (await call('GET', `/chatrooms/${id}/admin`)).body.data as string[];
      expect(before).toEqual(['alice']);
      const admins = page.getByTestId('admins');
      await expect(admins.getByRole('link')).toHaveText(['alice']);
      await expect(page.getByTestId('attributes').locator('tbody tr')).toHaveCount(1);
      await page.evaluate(() => document.getElementById('moderation')!.scrollIntoView());
      await screenshot(page, lang === 'en' ? 'moderation' : 'moderation-zh');

      await page.locator('#admin-username').fill('erin');
      await panel(page, 'admins').locator('button[type=submit]').click();
      await expect(admins.getByRole('link')).toHaveText(['alice', 'erin']);
      expect((await call('GET', `/chatrooms/${id}/admin`)).body.data).toEqual(['alice', 'erin']);
      await expect(page.locator('#admin-username')).toHaveValue('');

      await admins.locator('li', { hasText: 'alice' }).getByRole('button').click();
      await expect(admins.getByRole('link')).toHaveText(['erin']);
      expect((await call('GET', `/chatrooms/${id}/admin`)).body.data).toEqual(['erin']);

      await page.locator('#admin-username').fill('ghost');
      await panel(page, 'admins').locator('button[type=submit]').click();
      await expect(panel(page, 'admins').getByRole('alert')).toContainText(w.noUser);
      // What was typed stays, to be corrected.
      await expect(page.locator('#admin-username')).toHaveValue('ghost');
      expect((await call('GET', `/chatrooms/${id}/admin`)).body.data).toEqual(['erin']);
    });

    test('mutes: the list with its expiry, mute two for a day, unmute one, mute everyone', async ({ page, emulator }) => {
      const { id, call } = await openRoom(page, emulator);
      const mutes = page.getByTestId('mutes');
      await expect(mutes.locator('li')).toHaveCount(2);
      await expect(mutes.locator('li', { hasText: 'carol' })).toContainText(w.forever);
      await expect(mutes.locator('li', { hasText: 'bob' }).locator('time')).toHaveCount(1);

      await page.locator('#mute-usernames').fill('frank, grace');
      await page.locator('#mute-duration').selectOption('1d');
      const sent = Date.now();
      await panel(page, 'mutes').locator('button[type=submit]').click();
      await expect(mutes.getByRole('link')).toHaveText(['bob', 'carol', 'frank', 'grace']);
      const listed = (await call('GET', `/chatrooms/${id}/mute`)).body.data as { user: string; expire: number }[];
      const frank = listed.find((m) => m.user === 'frank')!;
      expect(Math.abs(frank.expire - (sent + 86_400_000))).toBeLessThan(60_000);

      await mutes.locator('li', { hasText: 'bob' }).getByRole('button').click();
      await expect(mutes.getByRole('link')).toHaveText(['carol', 'frank', 'grace']);
      expect(((await call('GET', `/chatrooms/${id}/mute`)).body.data as { user: string }[]).map((m) => m.user))
        .toEqual(['carol', 'frank', 'grace']);

      await page.locator('#mute-usernames').fill('ghost');
      await panel(page, 'mutes').locator('button[type=submit]').click();
      await expect(panel(page, 'mutes').getByRole('alert')).toContainText(w.noUser);

      const muteAll = page.getByTestId('mute-all');
      await expect(muteAll).toHaveAttribute('aria-pressed', 'false');
      await muteAll.click();
      await expect(muteAll).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('mute-all-state')).toHaveText(w.everyoneMuted);
      expect((await call('GET', `/chatrooms/${id}`)).body.data[0].mute).toBe(true);
      await muteAll.click();
      await expect(muteAll).toHaveAttribute('aria-pressed', 'false');
      expect((await call('GET', `/chatrooms/${id}`)).body.data[0].mute).toBe(false);
    });

    test('block and allow lists: per-user results, a blocked user cannot be added back', async ({ page, emulator }) => {
      const { id, call } = await openRoom(page, emulator);
      const count = async () => (await call('GET', `/chatrooms/${id}`)).body.data[0].affiliations_count as number;
      const members = await count();
      const blocked = page.getByTestId('blocked');
      await page.locator('#block-usernames').fill('heidi ghost');
      await panel(page, 'blocked').locator('button[type=submit]').click();
      await expect(blocked.getByRole('link')).toHaveText(['heidi']);
      await expect(page.getByTestId('block-failures')).toHaveText(w.notDone);
      await expect(page.locator('.notice').filter({ hasText: w.blocked })).toBeVisible();
      expect((await call('GET', `/chatrooms/${id}/blocks/users`)).body.data).toEqual(['heidi']);
      expect(await count()).toBe(members - 1);
      await expect(page.getByTestId('member-count')).toHaveText(String(members - 1));

      // Adding heidi back as a member is refused while she is blocked.
      await page.locator('.room-actions button').nth(2).click();
      await page.locator('#add-usernames').fill('heidi');
      await page.locator('#add-dialog button[type=submit]').click();
      await expect(page.getByTestId('add-results')).toContainText(w.onBlocklist);
      await page.keyboard.press('Escape');

      await blocked.locator('li', { hasText: 'heidi' }).getByRole('button').click();
      await expect(blocked).toHaveCount(1);
      await expect(blocked.getByRole('link')).toHaveCount(0);
      expect((await call('GET', `/chatrooms/${id}/blocks/users`)).body.data).toEqual([]);

      // Several at once, added and removed.
      await page.locator('#block-usernames').fill('judy, mallory');
      await panel(page, 'blocked').locator('button[type=submit]').click();
      await expect(blocked.getByRole('link')).toHaveText(['judy', 'mallory']);
      await page.locator('#block-usernames').fill('judy mallory');
      await panel(page, 'blocked').getByRole('button', { name: w.removeThese }).click();
      await expect(blocked.getByRole('link')).toHaveCount(0);
      expect((await call('GET', `/chatrooms/${id}/blocks/users`)).body.data).toEqual([]);

      const allowed = page.getByTestId('allowed');
      await expect(allowed.getByRole('link')).toHaveText(['dave']);
      await page.locator('#allow-usernames').fill('ivan');
      await panel(page, 'allowed').locator('button[type=submit]').click();
      await expect(allowed.getByRole('link')).toHaveText(['dave', 'ivan']);
      await allowed.locator('li', { hasText: 'dave' }).getByRole('button').click();
      await expect(allowed.getByRole('link')).toHaveText(['ivan']);
      expect((await call('GET', `/chatrooms/${id}/white/users`)).body.data).toEqual(['ivan']);
    });

    test('announcement and attributes: edit, limits checked before sending, set and delete', async ({ page, emulator }) => {
      const { id, call } = await openRoom(page, emulator);
      const box = page.getByTestId('announcement');
      await expect(box).toHaveValue('Welcome! Be kind, stay on topic.');
      await box.fill('x'.repeat(513));
      const posts: string[] = [];
      page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/announcement')) posts.push(r.url()); });
      await panel(page, 'announcement').locator('button[type=submit]').click();
      await expect(page.locator('#announcement-error')).toContainText(w.tooLong);
      expect(posts).toEqual([]);
      await box.fill('Doors open at 8.');
      await panel(page, 'announcement').locator('button[type=submit]').click();
      await expect(page.locator('.notice').filter({ hasText: w.saved })).toBeVisible();
      expect((await call('GET', `/chatrooms/${id}/announcement`)).body.data.announcement).toBe('Doors open at 8.');

      const attrs = page.getByTestId('attributes');
      await expect(attrs.locator('tbody tr')).toHaveCount(1);
      await page.locator('#attr-key').fill('a b');
      await page.locator('#attr-value').fill('1');
      await panel(page, 'attributes').locator('form button[type=submit]').click();
      await expect(page.locator('#attr-key-error')).toContainText(w.badKey);
      await page.locator('#attr-key').fill('lang');
      await page.locator('#attr-value').fill('zh');
      await panel(page, 'attributes').locator('form button[type=submit]').click();
      await expect(attrs.locator('tbody tr')).toHaveCount(2);
      const read = async () => (await call('POST', `/metadata/chatroom/${id}`, {})).body.data;
      expect(await read()).toEqual({ lang: 'zh', theme: 'dark' });
      await attrs.locator('tr', { hasText: 'theme' }).getByRole('button').click();
      await expect(attrs.locator('tbody tr')).toHaveCount(1);
      expect(await read()).toEqual({ lang: 'zh' });
    });

    test('super admins: listed, added, removed, an unknown user refused', async ({ page, emulator }) => {
      await connectAnyLanguage(page, emulator);
      const token = await emulator.token();
      const list = async () => (await api(emulator, token, 'GET', '/chatrooms/super_admin')).body.data;
      await page.goto(`${emulator.url}/super-admins`);
      const admins = page.getByTestId('super-admins');
      await expect(admins.getByRole('link')).toHaveText(['alice']);
      await page.locator('#super-admin-username').fill('bob');
      await page.locator('main form button[type=submit]').click();
      await expect(admins.getByRole('link')).toHaveText(['alice', 'bob']);
      expect(await list()).toEqual(['alice', 'bob']);
      await admins.locator('li', { hasText: 'alice' }).getByRole('button').click();
      await expect(admins.getByRole('link')).toHaveText(['bob']);
      expect(await list()).toEqual(['bob']);
      await page.locator('#super-admin-username').fill('ghost');
      await page.locator('main form button[type=submit]').click();
      await expect(page.getByRole('alert')).toContainText(w.noUser);
    });
  });
}
