/**
 * The results panel and the header controls in real Chromium: sorting and
 * filtering the table, opening a lead's reasons with the keyboard, the as-of
 * control, a field's hover, and downloading the rule file.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { nextRun, screenshot, usePlayground, waitForResults } from './harness.js';

const app = usePlayground();

const cells = (page: Page, column: string) =>
  page.locator(`[data-testid="results-table"] tbody tr td[data-col="${column}"]`).allTextContents();
const ids = (page: Page) => page.locator('[data-testid="results-table"] tbody tr td:first-child').allTextContents();

describe('results panel', () => {
  test('sorts by a column, filters by text, and opens a lead’s reasons from the keyboard', async () => {
    const { context, page, errors } = await app.open();
    await waitForResults(page);

    // Default: by score, highest first.
    const scores = (await cells(page, 'score')).map(Number);
    expect(scores.length).toBe(100);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    // Click the ID header: ascending ids.
    await page.locator('[data-testid="results-table"] thead button').first().click();
    const sortedIds = await ids(page);
    expect(sortedIds[0]).toBe('L00001');
    expect([...sortedIds].sort()).toEqual(sortedIds);

    // Filter by a tier name: every shown row has it, and the status counts them.
    await page.getByTestId('results-filter').fill('低関心');
    await expect.poll(async () => new Set(await cells(page, 'tier'))).toEqual(new Set(['低関心']));
    await expect.poll(() => page.locator('.results-panel .status').textContent()).toMatch(/1,177 /);

    // Keyboard: Tab from the filter past the column headers to the row, press Enter; the reasons panel shows that lead.
    await page.getByTestId('results-filter').fill('L00002');
    await expect.poll(() => ids(page)).toEqual(['L00002']);
    await page.getByTestId('results-filter').focus();
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'TR'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lead'))).toBe('L00002');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('reasons').textContent()).toContain('L00002');
    await expect
      .poll(() => page.getByTestId('reasons').textContent())
      .toMatch(/決裁者層|一定期間行動なし|ターゲット業種/);
    await screenshot(page, '20-reasons');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('moving the as-of date rescores: a year later every lead has gone quiet', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    const before = await page.evaluate(() => document.querySelector('[data-testid="tier-chart"]')?.textContent ?? '');
    await nextRun(page, () => page.getByTestId('as-of').fill('2027-11-01T00:00'));
    await page.getByTestId('results-filter').fill('L00001');
    await expect.poll(() => page.getByTestId('results-table').textContent()).toContain('L00001');
    const after = await page.evaluate(() => document.querySelector('[data-testid="tier-chart"]')?.textContent ?? '');
    expect(after).not.toBe(before);
    // A year after the data ends, `after 30d inactive -10` fires for every lead and 90-day clicks count for none.
    await page.getByTestId('results-table').locator('tbody tr').first().click();
    await expect.poll(() => page.getByTestId('reasons').textContent()).toContain('一定期間行動なし');
    await context.close();
  });

  test('hovering a field shows its type and allowed values', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    const line =
      readFileSync(new URL('../../rules/b2b-saas.score', import.meta.url), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('when role in 決裁者')) + 1;
    await page.evaluate((l) => {
      playground().rulesEditor.revealLineInCenter(l);
      playground().rulesEditor.setPosition({ lineNumber: l, column: 11 }); // inside "role"
      playground().rulesEditor.focus();
    }, line);
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Control+i');
    const hover = page.locator('.monaco-hover-content');
    await expect.poll(() => hover.textContent(), { timeout: 10_000 }).toMatch(/role/);
    const text = (await hover.textContent()) ?? '';
    for (const value of ['役員', '部長', '課長', '主任', '担当者', '学生']) expect(text).toContain(value);
    await context.close();
  });

  test('downloads the rule file as written', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.score$/);
    const path = await download.path();
    const rules = await page.evaluate(() => playground().getRules());
    expect(readFileSync(path, 'utf8')).toBe(rules);
    await context.close();
  });
});
