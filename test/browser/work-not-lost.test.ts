/**
 * Work is not lost, and the small things, in real Chromium: the editor opens
 * at the first statement, not in the comment header; the table filter folds
 * full-width and half-width kana (NFKC) and takes a score test;
 * 「サンプルに戻す」 asks first; a share link replacing different local work
 * keeps it as the diff snapshot.
 */
import { describe, expect, test } from 'vitest';
import { nextRun, usePlayground, waitForResults } from './harness.js';

const app = usePlayground();

const cells = (page: import('playwright-core').Page, column: string) =>
  page
    .locator(
      column === 'company'
        ? '[data-testid="results-table"] tbody tr td.company'
        : `[data-testid="results-table"] tbody tr td[data-col="${column}"]`,
    )
    .allTextContents();

describe('work is not lost', () => {
  test('opens at the first statement; the filter folds ｼｽﾃﾑｽﾞ to システムズ and takes >= 60', async () => {
    const { context, page, errors } = await app.open();
    await waitForResults(page);
    const firstVisible = await page.evaluate(
      () =>
        (
          playground().rulesEditor as unknown as { getVisibleRanges(): { startLineNumber: number }[] }
        ).getVisibleRanges()[0]!.startLineNumber,
    );
    expect(firstVisible).toBeGreaterThan(20);

    await page.getByTestId('results-filter').fill('ｼｽﾃﾑｽﾞ');
    await expect.poll(async () => (await cells(page, 'company')).length).toBeGreaterThan(0);
    for (const c of await cells(page, 'company')) expect(c).toContain('システムズ');

    await page.getByTestId('results-filter').fill('＞＝ ６０');
    await expect.poll(async () => (await cells(page, 'score')).length).toBeGreaterThan(0);
    for (const s of await cells(page, 'score')) expect(Number(s)).toBeGreaterThanOrEqual(60);
    expect(await page.locator('.results-panel .status').textContent()).toMatch(/^941 件中/);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('「サンプルに戻す」 asks before it replaces edited rules; a share link keeps different local rules as the snapshot', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    const sample = await page.evaluate(() => playground().getRules());
    await nextRun(page, () =>
      page.evaluate(() => playground().setRules(playground().getRules().replace('"/pricing" +30', '"/pricing" +45'))),
    );

    // Dismissed: nothing changes. Accepted: the sample is back.
    page.once('dialog', (d) => void d.dismiss());
    await page.getByTestId('reset').click();
    expect(await page.evaluate(() => playground().getRules())).toContain('"/pricing" +45');
    page.once('dialog', (d) => void d.accept());
    await nextRun(page, () => page.getByTestId('reset').click());
    expect(await page.evaluate(() => playground().getRules())).toBe(sample);

    // A link with other rules, opened over different local work.
    await nextRun(page, () =>
      page.evaluate(() => playground().setRules(playground().getRules().replace('"/pricing" +30', '"/pricing" +50'))),
    );
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-url').inputValue();
    await nextRun(page, () =>
      page.evaluate(() => playground().setRules(playground().getRules().replace('"/pricing" +50', '"/pricing" +60'))),
    );
    // Opened in another tab of the same browser (same local storage), as a link from a chat would be.
    const other = await context.newPage();
    await other.goto(link);
    await waitForResults(other);
    expect(await other.evaluate(() => playground().getRules())).toContain('"/pricing" +50');
    await expect.poll(() => other.getByTestId('toast').textContent()).toContain('スナップショット');
    await other.getByTestId('tab-diff').click();
    await other.getByTestId('baseline').selectOption('snapshot');
    await expect.poll(() => other.getByTestId('rule-changes').textContent()).toContain('+60 → +50');
    await context.close();
  });

  test('formatting a file with a syntax error says why nothing happened; Shift+Alt+F formats once it is fixed', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    await nextRun(page, () =>
      page.evaluate(() => playground().setRules(`${playground().getRules()}\nwhen employees >=    +1\n`)),
    );
    await page.getByTestId('format').click();
    await expect
      .poll(() => page.getByTestId('toast').textContent())
      .toMatch(/構文エラーがあるため整形しませんでした \(\d+ 行目\)/);
    await nextRun(page, () =>
      page.evaluate(() =>
        playground().setRules(
          playground().getRules().replace('when employees >=    +1', 'when   employees >= 5000    +1'),
        ),
      ),
    );
    await page.evaluate(() => playground().rulesEditor.focus());
    await page.keyboard.press('Shift+Alt+F');
    await expect.poll(() => page.evaluate(() => playground().getRules())).not.toContain('when   employees');
    expect(await page.getByTestId('toast').textContent()).toBe('');
    await context.close();
  });
});
