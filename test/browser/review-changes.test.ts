/**
 * Reviewing a change in real Chromium: diff mode lists every semantic change
 * (tier thresholds, group limits, `let` lists, not only rules), says why a
 * lead moved when no rule's points changed, and opens at the first change;
 * the main view shows each tier's count against the baseline and the tier
 * thresholds on the histogram.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { nextRun, screenshot, usePlayground, waitForResults } from './harness.js';

const app = usePlayground();

async function edit(page: Page, from: string, to: string): Promise<void> {
  await nextRun(page, () =>
    page.evaluate(([a, b]) => playground().setRules(playground().getRules().replace(a!, b!)), [from, to]),
  );
}

const changes = (page: Page) => page.getByTestId('rule-changes').locator('li').allTextContents();
const moverReasons = (page: Page) => page.getByTestId('top-movers').locator('tbody tr td:last-child').allTextContents();

describe('review shows every change', () => {
  test('a tier threshold change is listed, the movers say why, the diff opens at the change, side by side', async () => {
    const { context, page, errors } = await app.open();
    await waitForResults(page);
    await edit(page, 'tier MQL >= 60', 'tier MQL >= 70');
    await page.getByTestId('tab-diff').click();
    await page.getByTestId('transition-matrix').waitFor();
    expect(await changes(page)).toEqual(['✎ ティア MQL: >= 60 → >= 70']);
    expect(await page.getByTestId('impact-panel').textContent()).not.toContain('変更はありません');
    // Every mover left MQL with the same score: the threshold is the reason.
    const reasons = await moverReasons(page);
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(r).toBe('閾値 MQL 60→70');
    // Thousands separators in the matrix.
    expect(
      await page.getByTestId('transition-matrix').locator('td[data-from="低関心"][data-to="低関心"]').textContent(),
    ).toMatch(/^\d,\d{3}$/);
    // The diff editor is scrolled to the changed line (line 57 of a longer file), side by side.
    const modified = page.locator('[data-testid="diff-editor"] .editor.modified .view-lines');
    await expect
      .poll(async () => (await modified.textContent())?.replace(/\u00a0/g, ' '), { timeout: 10_000 })
      .toContain('tier MQL >= 70');
    const original = page.locator('[data-testid="diff-editor"] .editor.original');
    expect(await original.isVisible()).toBe(true);
    expect((await original.boundingBox())!.width).toBeGreaterThan(150);
    await screenshot(page, '30-diff-threshold');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a group limit and a let list change are listed; a clamp is named with the limit', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    await edit(page, 'group 属性 max 60 {', 'group 属性 max 30 {');
    await page.getByTestId('tab-diff').click();
    await page.getByTestId('transition-matrix').waitFor();
    expect(await changes(page)).toEqual(['✎ グループ 属性: max 60 → max 30']);
    const reasons = await moverReasons(page);
    expect(
      reasons.some(
        (r) => r.startsWith('上限 属性 max 60→max 30 により −') || r.startsWith('上限 属性 max 60→max 30 により -'),
      ),
    ).toBe(true);

    await edit(page, 'group 属性 max 30 {', 'group 属性 max 60 {');
    await edit(page, 'let 決裁者 = [役員, 部長]', 'let 決裁者 = [役員]');
    await expect.poll(() => changes(page)).toEqual(['✎ リスト 決裁者: [役員, 部長] → [役員]']);
    await context.close();
  });

  test('the main view shows each tier count against the baseline and the thresholds on the histogram', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    const mqlCount = () => page.locator('[data-testid="tier-chart"] [data-tier-count="MQL"]').textContent();
    expect(await mqlCount()).not.toContain('→');
    const threshold = page.locator('[data-testid="histogram"] line[data-threshold="MQL"]');
    expect(await threshold.count()).toBe(1);
    expect(await threshold.getAttribute('data-value')).toBe('60');

    await edit(page, 'tier MQL >= 60', 'tier MQL >= 70');
    expect(await mqlCount()).toMatch(/^941 → [\d,]+ \(−[\d,]+\)$/);
    const chips = page.locator('[data-testid="histogram"] line[data-threshold="MQL"]');
    expect(await chips.count()).toBe(2);
    expect(
      await page
        .locator('[data-testid="histogram"] line[data-threshold="MQL"][data-current="true"]')
        .getAttribute('data-value'),
    ).toBe('70');
    expect(
      await page
        .locator('[data-testid="histogram"] line[data-threshold="MQL"][data-current="false"]')
        .getAttribute('data-value'),
    ).toBe('60');
    await screenshot(page, '31-tier-deltas');
    await context.close();
  });
});
