// Accessibility: axe-core finds no serious or critical violation (colour contrast included) on
// any screen or dialog, at 1280 px and at 375 px, in light and dark; at 375 px no page is wider
// than the screen; every control is reached by Tab with a visible focus.
import { test, expect, connect, go } from './fixtures';
import { walkScreens } from './screens';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import * as fs from 'node:fs';

/** The README shows these; `make screenshots` refreshes them. */
const IN_README = ['rooms-375', 'room-dark', 'rooms-zh', 'room-zh-dark', 'all-rooms-zh', 'overview-zh-dark', 'overview-375'];
async function screenshot(page: Page, name: string) {
  const dir = process.env.UPDATE_SCREENSHOTS && IN_README.includes(name) ? 'docs/screenshots' : test.info().outputDir;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png` });
}

type Problem = { screen: string; rule: string; impact: string; targets: string[] };

async function audit(page: Page, screen: string): Promise<Problem[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ screen, rule: v.id, impact: v.impact!, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

for (const width of [1280, 375]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`no serious or critical axe violation on any screen at ${width} px, ${scheme}`, async ({ page, emulator }) => {
      // 30 screens, each audited by axe: about 40 s alone, more beside the other tests.
      test.setTimeout(150_000);
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      const problems: Problem[] = [];
      const tooWide: string[] = [];
      let screens = 0;
      await walkScreens(page, emulator, async (screen) => {
        screens++;
        problems.push(...(await audit(page, screen)));
        const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        if (!fits) tooWide.push(screen);
        if (screen === 'chatroom list' && width === 375 && scheme === 'light') await screenshot(page, 'rooms-375');
        if (screen === 'chatroom' && width === 1280 && scheme === 'dark') await screenshot(page, 'room-dark');
        if (screen === 'overview' && width === 375 && scheme === 'dark') await screenshot(page, 'overview-375');
      });
      expect(screens).toBe(30);
      expect(problems).toEqual([]);
      expect(tooWide, 'pages wider than the screen').toEqual([]);
    });
  }
}

test('the colour scheme follows the system until one is chosen, and the choice is remembered', async ({ page, emulator }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await connect(page, emulator);
  const cls = () => page.evaluate(() => document.documentElement.className);
  await expect.poll(cls).toContain('dark');
  await page.getByTestId('theme').selectOption('light');
  await expect.poll(cls).toContain('light');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await expect.poll(cls).toContain('light');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(bg);
  await page.getByTestId('theme').selectOption('auto');
  await expect.poll(cls).toContain('dark');
});

test('every control of the list and a chatroom is reached by Tab, with a visible focus', async ({ page, emulator }) => {
  await connect(page, emulator);
  const walkTabs = async () => {
    const reached = new Set<string>();
    const unseen: string[] = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        // Each element is numbered the first time it takes the focus: seeing a number again
        // means the Tab order has come round.
        const w = window as unknown as { tabStops?: number };
        if (!el.dataset.tabStop) el.dataset.tabStop = String((w.tabStops = (w.tabStops ?? 0) + 1));
        const key = el.dataset.tabStop;
        return { key, visible };
      });
      if (!f) continue;
      if (reached.has(f.key)) break;
      reached.add(f.key);
      if (!f.visible) unseen.push(f.key);
    }
    return { reached, unseen };
  };
  const interactive = () => page.evaluate(() =>
    Array.from(document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, summary'))
      .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest('dialog:not([open])')).length);
  for (const where of ['list', 'chatroom']) {
    if (where === 'chatroom') {
      await page.locator('table.rooms tbody tr td.id a').first().click();
      await expect(page.locator('ul.members li').first()).toBeVisible();
    }
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const { reached, unseen } = await walkTabs();
    expect(unseen, `controls on the ${where} without a visible focus`).toEqual([]);
    // Radio groups and the like take one Tab stop; everything else has its own.
    expect(reached.size, `Tab stops on the ${where}`).toBeGreaterThanOrEqual((await interactive()) - 2);
  }
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });
  test('screenshots of the list, a chatroom in dark, and the overview in dark', async ({ page, emulator }) => {
    await page.goto(`${emulator.url}/connect`);
    await expect(page.locator('#client_id')).toHaveValue('demo-client-id');
    await page.locator('main form button[type=submit]').click();
    await expect(page.locator('table.rooms tbody tr').first()).toBeVisible();
    await expect(page.getByTestId('new-room')).toHaveText('新建聊天室');
    await screenshot(page, 'rooms-zh');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('table.rooms tbody tr td.id a').first().click();
    await expect(page.locator('ul.members li').first()).toBeVisible();
    await screenshot(page, 'room-zh-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await go(page, '/rooms?all=1&sort=members&dir=desc');
    await expect(page.getByTestId('all-summary')).toHaveText('共 30 个聊天室');
    await page.getByTestId('all-filter').fill('o');
    await expect(page.getByTestId('all-summary')).toHaveText(/^30 个聊天室中有 \d+ 个符合筛选条件$/);
    await page.locator('[data-testid=all-scroll] .vbody [role=row] input').nth(1).check();
    await screenshot(page, 'all-rooms-zh');
    await page.emulateMedia({ colorScheme: 'dark' });
    await go(page, '/overview');
    await expect(page.locator('main h1')).toHaveText('应用概览');
    await page.getByTestId('read-details').click();
    await expect(page.getByTestId('fullest').locator('svg a').first()).toBeVisible();
    await page.getByTestId('owners').scrollIntoViewIfNeeded();
    await screenshot(page, 'overview-zh-dark');
  });
});
