import { test, expect, connect, go } from './fixtures';
test('debug room to room', async ({ page, emulator }) => {
  await connect(page, emulator);
  const ids = await page.locator('table.rooms tbody tr td.id').allInnerTexts();
  for (const withCols of [false, true]) {
    if (withCols) await go(page, '/rooms?cols=description');
    if (withCols) await expect(page.locator('table.rooms tbody td.description').first()).toBeVisible();
    for (const id of ids.slice(0, 4)) {
      await go(page, `/rooms/${id}`);
      await expect(page.getByTestId('room-id'), `cols=${withCols}`).toHaveText(id, { timeout: 3000 });
    }
  }
});
test.beforeEach(({ page }) => { page.on('console', (m) => { if (m.text().includes('DEBUG')) console.log(m.text()); }); });
