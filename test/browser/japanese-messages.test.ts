/**
 * Messages in Japanese in real Chromium: the problems list and the markers
 * speak the UI language, and full-width input gets a quick fix to half-width
 * with no follow-on errors on its line.
 */
import { describe, expect, test } from 'vitest';
import { nextRun, screenshot, usePlayground, waitForResults } from './harness.js';

const app = usePlayground();

describe('Japanese messages', () => {
  test('full-width ＋２０ and ＞＝ ５００: Japanese messages, no follow-on errors, and quick fixes to half-width', async () => {
    const { context, page, errors } = await app.open();
    await waitForResults(page);
    const before = await page.evaluate(() => Number(document.body.dataset.scoreTotal));
    await nextRun(page, () =>
      page.evaluate(() =>
        playground().setRules(`${playground().getRules()}\nwhen employees ＞＝ ５００ ＋２０ "全角"\n`),
      ),
    );
    const problems = page.getByTestId('diagnostics');
    await expect.poll(() => problems.locator('li').count()).toBe(3);
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('使えない文字 「＞＝」 があります: 半角の ">=" を使ってください');
    expect(text).toContain('使えない文字 「＋２０」 があります: 半角の "+20" を使ってください');
    expect(text).not.toContain('operator-type');
    await screenshot(page, '40-full-width');

    // Fix each from the keyboard: cursor on the marker, Ctrl+. and Enter on the preferred fix.
    for (let i = 0; i < 3; i++) {
      await page.locator('[data-testid="diagnostics"] li button').first().click();
      await page.keyboard.press('Control+.');
      const fix = page
        .locator('.action-widget')
        .getByText(/に置き換える/)
        .first();
      await fix.waitFor({ timeout: 10_000 });
      await nextRun(page, () => fix.click());
    }
    await expect.poll(() => problems.textContent()).toContain('問題はありません');
    expect(await page.evaluate(() => playground().getRules())).toContain('when employees >= 500 +20 "全角"');
    await expect.poll(() => page.evaluate(() => Number(document.body.dataset.scoreTotal))).not.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });
});
