// 简体中文 and English: a test walks every screen and dialog in each language and finds no word
// of the other; the language follows the browser, can be switched, and is remembered.
import { test, expect, connectAnyLanguage, uiText, dataWords, Emulator } from './fixtures';
import { walkScreens } from './screens';
import type { Page } from '@playwright/test';

/** Latin words that stand in Chinese text: names of things, wire words, API paths. */
const LATIN_OK = new Set(
  ('ID API REST HTTP CORS App Token Client Secret AppKey org app JSON CSV SVG PNG URL curl maxusers http https ' +
    'Esc ms GET POST PUT DELETE EASEMOB_TOKEN EASEMOB_CLIENT_SECRET demo admin chatrooms users ' +
    'joined_chatrooms easemob com English a1 token pagenum pagesize limit cursor README SDK super_admin metadata chatroom announcement white blocks mute ban ext cmd key value body utc txt custom msgs mutes status messages broadcast msg_recall batch_recall disconnect deactivate activate').split(' ').map((w) => w.toLowerCase()),
);

type Finding = { screen: string; text: string };

/** What a screen shows that is not in `lang`. */
function strays(screen: string, texts: string[], lang: 'zh' | 'en', data: Set<string>): Finding[] {
  const found: Finding[] = [];
  for (const text of texts) {
    if (lang === 'en') {
      if (/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text)) found.push({ screen, text });
    } else {
      const latin = text.split(/[^A-Za-z_]+/).filter((w) => w.length > 1 && !LATIN_OK.has(w.toLowerCase()) && !data.has(w));
      if (latin.length) found.push({ screen, text: `${text}  ← ${latin.join(' ')}` });
    }
  }
  return found;
}

/** Every screen's words that are not in `lang`. */
async function walk(page: Page, emulator: Emulator, lang: 'zh' | 'en'): Promise<{ findings: Finding[]; screens: string[] }> {
  const data = await dataWords(emulator);
  const findings: Finding[] = [];
  const screens: string[] = [];
  await walkScreens(page, emulator, async (screen) => {
    screens.push(screen);
    findings.push(...strays(screen, await uiText(page), lang, data));
  });
  return { findings, screens };
}

for (const [locale, lang] of [['zh-CN', 'zh'], ['en-US', 'en']] as const) {
  test.describe(`a ${locale} browser`, () => {
    test.use({ locale });
    test(`sees only ${lang === 'zh' ? 'Chinese' : 'English'} on every screen and dialog`, async ({ page, emulator }) => {
      const { findings, screens } = await walk(page, emulator, lang);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      expect(screens.length).toBe(30);
      expect(findings).toEqual([]);
    });
  });
}

test.describe('switching', () => {
  test.use({ locale: 'en-US' });
  test('the language switch changes every word, follows into <html lang>, and is remembered', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    await expect(page.getByTestId('new-room')).toHaveText('New chatroom');
    await page.getByTestId('language').selectOption('zh-CN');
    await expect(page.getByTestId('new-room')).toHaveText('新建聊天室');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The URL and the connection stay.
    await expect(page).toHaveURL(/\/rooms/);
    await expect(page.locator('table.rooms tbody tr').first()).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('new-room')).toHaveText('新建聊天室');
    await expect(page.getByTestId('language')).toHaveValue('zh-CN');
    await page.getByTestId('language').selectOption('en');
    await expect(page.getByTestId('new-room')).toHaveText('New chatroom');
  });
});

test.describe('dates and numbers', () => {
  test.use({ locale: 'zh-CN' });
  test('follow the chosen language', async ({ page, emulator }) => {
    await connectAnyLanguage(page, emulator);
    await page.locator('fieldset.cols input[type=checkbox]').last().check();
    const created = await page.locator('table.rooms td.created time').first().innerText();
    const iso = await page.locator('table.rooms td.created time').first().getAttribute('datetime');
    const expected = await page.evaluate((i) => new Date(i!).toLocaleString('zh-CN'), iso);
    expect(created).toBe(expected);
    await page.getByTestId('language').selectOption('en');
    await page.locator('fieldset.cols input[type=checkbox]').last().check();
    const en = await page.locator('table.rooms td.created time').first().innerText();
    expect(en).toBe(await page.evaluate((i) => new Date(i!).toLocaleString('en'), iso));
  });
});

