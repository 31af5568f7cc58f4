// The same moderation in many rooms at once, from a selection: 200 rooms of the all-rooms view
// get three members while the server fails a third of the calls; and, in Chinese, three rooms of
// the paged list get a member, a mute, a block and an announcement.
import { test, expect, connectAnyLanguage, allRoomIds, api, setFaults, go, Emulator } from './fixtures';

/** Every room's members, read 100 rooms a request. */
async function membersOf(emulator: Emulator, ids: string[]): Promise<Map<string, string[]>> {
  const token = await emulator.token();
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 100) {
    const { body } = await api(emulator, token, 'GET', `/chatrooms/${ids.slice(i, i + 100).join(',')}`);
    for (const r of body.data) {
      out.set(r.id, r.affiliations.map((a: Record<string, string>) => a.owner ?? a.member));
    }
  }
  return out;
}

test.describe('200 rooms with faults on', () => {
  test.use({ locale: 'en-US', emulatorArgs: ['--demo-rooms', '200'], actionTimeout: 30_000 });
  test.setTimeout(240_000);

  test('adding 3 users to every selected room ends with them in all 200', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    const ids = await allRoomIds(emulator);
    expect(ids.length).toBe(200);
    await page.goto(`${emulator.url}/rooms?all=1`);
    await expect(page.getByTestId('all-summary')).toBeVisible();
    await page.getByTestId('select-matching').click();
    await expect(page.getByTestId('moderate-selected')).toHaveText('Moderate selected (200)');
    await page.getByTestId('moderate-selected').click();
    const dialog = page.locator('#bulk-moderate-dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Moderate 200 chatrooms');
    await dialog.getByLabel('Add users as members').check();
    await dialog.locator('#bulk-usernames').fill('xavier, yvonne\nzoe');

    // A third of the calls fail: 503s, and writes done but answered 503 (a lost answer).
    const token = await emulator.token();
    await setFaults(emulator, token, { fail_503: 0.2, fail_after_write: 0.15 });
    await dialog.locator('button[type=submit]').click();
    await expect(dialog.getByTestId('bulk-progress')).toBeVisible();
    const results = dialog.getByTestId('moderate-results');
    await expect(results.locator('tbody tr')).toHaveCount(200);
    await expect(dialog.getByTestId('bulk-progress')).toHaveCount(0, { timeout: 180_000 });
    // Any room whose every attempt failed is sent again until none is left.
    for (let round = 0; round < 10; round++) {
      const retry = dialog.getByRole('button', { name: /^Retry the \d+ failed/ });
      if (!(await retry.isVisible())) break;
      await retry.click();
      await expect(dialog.getByTestId('bulk-progress')).toHaveCount(0, { timeout: 180_000 });
    }
    await setFaults(emulator, token, { fail_503: 0, fail_after_write: 0 });
    await expect(results.locator('tbody tr.ok')).toHaveCount(200);
    await expect(results.locator('tbody tr.failed')).toHaveCount(0);

    const members = await membersOf(emulator, ids);
    expect(members.size).toBe(200);
    const missing = [...members].filter(([, m]) => !['xavier', 'yvonne', 'zoe'].every((u) => m.includes(u)));
    expect(missing).toEqual([]);
  });
});

test.describe('在中文界面中', () => {
  test.use({ locale: 'zh-CN' });

  test('三个聊天室：添加成员、禁言、加入黑名单、设置公告，每个聊天室一个结果', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    const boxes = page.locator('table.rooms tbody tr td.select input');
    const ids = (await page.locator('table.rooms tbody tr td.id').allInnerTexts()).slice(0, 3).map((s) => s.trim());
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    const open = page.getByTestId('moderate-selected');
    await expect(open).toHaveText('批量管理所选（3）');
    const dialog = page.locator('#bulk-moderate-dialog');
    const results = dialog.getByTestId('moderate-results');
    const token = await emulator.token();
    // A user who owns none of the three (an owner cannot be blocked).
    const owners = (await api(emulator, token, 'GET', `/chatrooms/${ids.join(',')}`)).body.data.map((r: { owner: string }) => r.owner);
    const user = ['judy', 'mallory', 'niaj', 'olivia'].find((u) => !owners.includes(u))!;
    const run = async (op: string, fill: () => Promise<void>, said?: string) => {
      await open.click();
      await expect(dialog.getByRole('heading')).toHaveText('批量管理 3 个聊天室');
      await dialog.getByLabel(op).check();
      await fill();
      await dialog.locator('button[type=submit]').click();
      await expect(results.locator('tbody tr.ok')).toHaveCount(3);
      if (said) await expect(results).toContainText(said);
      // Closed, the dialog keeps nothing: the next opening starts afresh.
      await dialog.locator('.actions').getByRole('button', { name: '关闭' }).click();
      await expect(results).toHaveCount(0);
    };

    await run('添加成员', () => dialog.locator('#bulk-usernames').fill(user));
    await run('禁言用户', async () => {
      await dialog.locator('#bulk-usernames').fill(user);
      await dialog.locator('#bulk-duration').selectOption('forever');
    });
    for (const id of ids) {
      const muted = (await api(emulator, token, 'GET', `/chatrooms/${id}/mute`)).body.data;
      expect(muted).toContainEqual({ user, expire: -1 });
    }
    await run('设置公告', () => dialog.locator('#bulk-announcement').fill('今晚八点开始'));
    for (const id of ids) {
      expect((await api(emulator, token, 'GET', `/chatrooms/${id}/announcement`)).body.data.announcement).toBe('今晚八点开始');
    }
    await run('将用户加入黑名单', () => dialog.locator('#bulk-usernames').fill(user), '已将 1 名用户加入黑名单。');
    for (const id of ids) {
      expect((await api(emulator, token, 'GET', `/chatrooms/${id}/blocks/users`)).body.data).toEqual([user]);
    }
    // Checked before anything is sent: more than 60 users to mute.
    await open.click();
    await dialog.getByLabel('禁言用户').check();
    await dialog.locator('#bulk-usernames').fill(Array.from({ length: 61 }, (_, i) => `u${i}`).join(' '));
    await dialog.locator('button[type=submit]').click();
    await expect(dialog.locator('#bulk-usernames-error')).toContainText('最多允许 60 个');
    await expect(results).toHaveCount(0);
  });
});

test.describe('a run lives above the page', () => {
  test.use({ locale: 'en-US', emulatorArgs: ['--demo-rooms', '200'], actionTimeout: 30_000 });
  test.setTimeout(240_000);

  test('switching language and leaving the page in the middle of a 200-room run: every room done once, the results in the new language', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    const ids = await allRoomIds(emulator);
    await page.getByTestId('all-rooms').click();
    await expect(page.getByTestId('all-summary')).toBeVisible();
    await page.getByTestId('select-matching').click();
    await page.getByTestId('moderate-selected').click();
    const dialog = page.locator('#bulk-moderate-dialog');
    await dialog.getByLabel('Add users as members').check();
    await dialog.locator('#bulk-usernames').fill('xavier');
    // While a form holds what was typed, the language waits (it would be lost).
    await expect(page.getByTestId('language')).toBeDisabled();
    const adds: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/chatrooms\/\d+\/users$/.test(new URL(r.url()).pathname)) adds.push(r.url());
    });
    // Slow enough that the switch lands in the middle of the run.
    const token = await emulator.token();
    await setFaults(emulator, token, { latency_ms: 40 });
    await dialog.locator('button[type=submit]').click();
    const results = dialog.getByTestId('moderate-results');
    await expect(results.locator('tbody tr.ok').nth(20)).toBeVisible();
    await expect(page.getByTestId('language')).toBeEnabled();
    await page.getByTestId('language').selectOption('zh-CN');
    // The run goes on, in its dialog, now in Chinese.
    await expect(dialog.getByRole('heading')).toHaveText('批量管理 200 个聊天室');
    await expect(dialog.getByTestId('bulk-progress')).toBeVisible();
    // Back to the paged list (in the app) while it runs: the run and its dialog come along.
    await page.goBack();
    await expect(page).toHaveURL(/\/rooms$/);
    await expect(dialog.getByTestId('bulk-progress')).toHaveCount(0, { timeout: 180_000 });
    await setFaults(emulator, token, { latency_ms: 0 });
    const rows = dialog.getByTestId('moderate-results').locator('tbody tr.ok');
    await expect(rows).toHaveCount(200);
    await expect(rows.first()).toContainText('已添加 1 名成员');
    await expect(rows.last()).toContainText('已添加 1 名成员');
    // Each room once: 200 adds, and xavier in every room.
    expect(adds).toHaveLength(200);
    expect(new Set(adds).size).toBe(200);
    const members = await membersOf(emulator, ids);
    expect([...members].filter(([, m]) => !m.includes('xavier'))).toEqual([]);
  });
});
