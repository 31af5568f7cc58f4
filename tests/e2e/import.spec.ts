// Rooms from a spreadsheet: a CSV of 100 rooms with 3 bad rows is previewed (the 3 rows named by
// their row in the spreadsheet, the header being row 1),
// 97 rooms are created and their ids downloaded, and a second run of the same file creates
// none. In Chinese: a file that cannot be read, and a row that repeats another.
import { test, expect, connectAnyLanguage, recordRequests, api, setFaults, Emulator } from './fixtures';
import type { Page } from '@playwright/test';
import * as fs from 'node:fs';

/** `make screenshots` refreshes the README's pictures from these same tests. */
async function screenshot(page: Page, name: string) {
  if (process.env.UPDATE_SCREENSHOTS) {
    fs.mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: `docs/screenshots/${name}.png` });
  }
}

const OWNERS = ['alice', 'bob', 'carol', 'dave'];

/** 100 rows; rows 17, 42 and 88 are bad (an unknown owner, a name too long, maxusers not a number). */
function eventFile(): string {
  const lines = ['name,description,maxusers,owner,members'];
  for (let i = 1; i <= 100; i++) {
    let name = `Event room ${i}`;
    let owner = OWNERS[i % OWNERS.length];
    let maxusers = '200';
    if (i === 17) owner = 'ghost';
    if (i === 42) name = 'x'.repeat(129);
    if (i === 88) maxusers = 'lots';
    lines.push(`${name},"Day ${i}, hall ${i % 5}",${maxusers},${owner},"erin frank"`);
  }
  return lines.join('\r\n') + '\r\n';
}

async function choose(page: Page, name: string, text: string) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-check')).toBeEnabled();
  await page.getByTestId('import-check').click();
}

async function eventRooms(emulator: Emulator): Promise<{ id: string; name: string }[]> {
  const token = await emulator.token();
  const { body } = await api(emulator, token, 'GET', '/chatrooms?limit=1000');
  return body.data.filter((r: { name: string }) => r.name.startsWith('Event room '));
}

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('100 rows with 3 bad: the preview names them, 97 are created, a second run creates none', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    await page.getByTestId('import-rooms').click();
    await expect(page).toHaveURL(/\/import$/);
    const file = eventFile();
    await choose(page, 'events.csv', file);
    await expect(page.getByTestId('import-summary')).toHaveText('97 to create, 0 there already, 3 with problems');
    const problems = page.getByTestId('import-problems').locator('li');
    await expect(problems).toHaveCount(3);
    await expect(problems.nth(0)).toContainText('Row 18: Event room 17 — No such users: ghost');
    await expect(problems.nth(1)).toContainText('Row 43: ');
    await expect(problems.nth(1)).toContainText('name is 129 characters; at most 128 are allowed');
    await expect(problems.nth(2)).toHaveText('Row 89: Event room 88 — maxusers "lots" is not a number');
    await expect(page.getByTestId('import-preview').locator('tbody tr')).toHaveCount(100);
    await screenshot(page, 'import');

    const creates = recordRequests(page, /\/chatrooms$/);
    const posts = () => creates.filter((r) => r.method() === 'POST').length;
    await page.getByTestId('import-create').click();
    const results = page.getByTestId('import-results');
    await expect(results.locator('tbody tr.ok')).toHaveCount(97, { timeout: 30_000 });
    await expect(results.locator('tbody tr.failed')).toHaveCount(0);
    expect(posts()).toBe(97);
    const rooms = await eventRooms(emulator);
    expect(rooms.length).toBe(97);
    expect(rooms.map((r) => r.name)).not.toContain('Event room 17');

    // The new ids, to download: one line per room created, with its row, name and owner.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download').click()]);
    expect(download.suggestedFilename()).toBe('chatrooms-created.csv');
    const lines = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('row,name,owner,id');
    expect(lines.length).toBe(98);
    const byName = new Map(rooms.map((r) => [r.name, r.id]));
    for (const line of lines.slice(1)) {
      const [row, name, owner, id] = line.split(',');
      expect(byName.get(name)).toBe(id);
      // Rows are the spreadsheet's: the header is row 1.
      expect(name).toBe(`Event room ${Number(row) - 1}`);
      expect(owner).toBe(OWNERS[(Number(row) - 1) % OWNERS.length]);
    }

    // The same file again: every room is there already.
    await page.reload();
    await choose(page, 'events.csv', file);
    await expect(page.getByTestId('import-summary')).toHaveText('0 to create, 97 there already, 3 with problems');
    await expect(page.getByTestId('import-create')).toBeDisabled();
    await expect(page.getByTestId('import-preview').locator('tbody tr').nth(0)).toContainText('There already: ');
    expect(posts()).toBe(97);
    expect((await eventRooms(emulator)).length).toBe(97);
  });
});

test.describe('with faults on', () => {
  test.use({ locale: 'en-US' });

  test('20 rooms created while creates fail and answers are lost: each made once, none twice', async ({ page, emulator }) => {
    test.setTimeout(120_000);
    await connectAnyLanguage(page, emulator);
    await page.goto(`${emulator.url}/import`);
    const lines = ['name,description,owner'];
    for (let i = 1; i <= 20; i++) lines.push(`Event room ${i},Day ${i},${OWNERS[i % OWNERS.length]}`);
    await choose(page, 'events.csv', lines.join('\n'));
    await expect(page.getByTestId('import-summary')).toHaveText('20 to create, 0 there already, 0 with problems');
    // Creates are never sent twice by the client: a 503 or a lost answer fails the row (after
    // looking for the room), and "Retry" looks again before it creates.
    const token = await emulator.token();
    await setFaults(emulator, token, { fail_503: 0.3, fail_after_write: 0.3 });
    await page.getByTestId('import-create').click();
    const results = page.getByTestId('import-results');
    for (let round = 0; round < 15; round++) {
      await expect(page.getByTestId('bulk-progress')).toHaveCount(0, { timeout: 60_000 });
      const retry = page.getByRole('button', { name: /^Retry the \d+ failed/ });
      if (!(await retry.isVisible())) break;
      await retry.click();
    }
    await setFaults(emulator, token, { fail_503: 0, fail_after_write: 0 });
    await expect(results.locator('tbody tr.ok')).toHaveCount(20);
    const names = (await eventRooms(emulator)).map((r) => r.name).sort();
    expect(names).toEqual(Array.from({ length: 20 }, (_, i) => `Event room ${i + 1}`).sort());
  });
});

test.describe('在中文界面中', () => {
  test.use({ locale: 'zh-CN' });

  test('无法读取的文件、重复的行、创建与结果', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    await page.goto(`${emulator.url}/import`);
    await choose(page, 'bad.csv', 'name,owner,description,colour\nx,alice,y,red\n');
    await expect(page.getByTestId('import-file-problem')).toHaveText('表头中有无法识别的列：colour。');
    // Saved as GBK, not UTF-8: refused rather than garbled.
    await page.getByTestId('import-file').setInputFiles({ name: 'gbk.csv', mimeType: 'text/csv', buffer: Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xcd, 0xed, 0xbb, 0xe1, 0x0a]) });
    await expect(page.getByTestId('import-check')).toBeEnabled();
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-file-problem')).toHaveText('文件不是 UTF-8 编码。请另存为“CSV UTF-8”后重新选择。');
    await choose(page, 'rooms.csv', 'name,description,owner\n晚会,今晚,alice\n晚会,明晚,ALICE\n读书会,周末,bob\n');
    await expect(page.getByTestId('import-summary')).toHaveText('待创建 2 个，已存在 0 个，有问题 1 行');
    await expect(page.getByTestId('import-problems')).toHaveText('第 3 行：晚会——与第 2 行是同一个聊天室（名称和所有者相同）');
    await page.getByTestId('import-create').click();
    await expect(page.getByTestId('import-results').locator('tbody tr.ok')).toHaveCount(2);
    await expect(page.getByTestId('import-results')).toContainText('已创建：');
    await expect(page.getByTestId('import-download')).toHaveText('下载新聊天室 ID（CSV）');
  });
});
