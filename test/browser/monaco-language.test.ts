/**
 * Monaco's own UI (find widget, context menu) speaks the playground's
 * language in real Chromium: Japanese first; after the English toggle and a
 * reload, English (Monaco picks its strings once per page load).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, usePlayground, waitForResults } from './harness.js';

const app = usePlayground();

/** Focuses the rules editor with the cursor at the start of the file. */
async function focusRules(page: Page): Promise<void> {
  await page.evaluate(() => {
    playground().rulesEditor.setPosition({ lineNumber: 1, column: 1 });
    playground().rulesEditor.focus();
  });
}

/** The find widget's input label and its close button's title, after Ctrl+F in the rules editor. */
async function findWidgetLabels(page: Page): Promise<{ input: string | null; close: string | null }> {
  await focusRules(page);
  await page.keyboard.press('Control+f');
  const widget = page.locator('[data-testid="rules-editor"] .find-widget');
  const input = widget.locator('.find-part textarea');
  await input.waitFor();
  const labels = {
    input: await input.getAttribute('aria-label'),
    close: await widget.locator('.codicon-widget-close').first().getAttribute('aria-label'),
  };
  await page.keyboard.press('Escape');
  return labels;
}

/** The labels of the editor's context menu (Shift+F10, the keyboard's right click). */
async function contextMenuLabels(page: Page): Promise<string[]> {
  await focusRules(page);
  await page.keyboard.press('Shift+F10');
  const items = page.locator('.monaco-menu .action-label');
  await items.first().waitFor();
  const labels = (await items.allTextContents()).map((s) => s.trim()).filter((s) => s !== '');
  await page.keyboard.press('Escape');
  return labels;
}

describe("Monaco's own UI in the playground's language", () => {
  test('Japanese first; English after the toggle and a reload, as the toggle says', async () => {
    const { context, page, errors } = await app.open();
    await waitForResults(page);

    expect(await findWidgetLabels(page)).toEqual({ input: '検索', close: '閉じる (Escape)' });
    const menu = await contextMenuLabels(page);
    expect(menu).toEqual(expect.arrayContaining(['切り取り', 'コピー', '貼り付け', 'ドキュメントのフォーマット']));
    expect(menu).not.toContain('Copy');
    await screenshot(page, '45-monaco-japanese');

    const toggle = page.getByTestId('lang');
    expect(await toggle.getAttribute('title')).toContain('再読み込み');
    await toggle.click();
    expect(await toggle.getAttribute('title')).toContain('reload');

    await page.reload();
    await waitForResults(page);
    expect(await page.getByTestId('lang').textContent()).toBe('日本語');
    expect(await findWidgetLabels(page)).toEqual({ input: 'Find', close: 'Close (Escape)' });
    expect(await contextMenuLabels(page)).toEqual(expect.arrayContaining(['Cut', 'Copy', 'Paste', 'Format Document']));
    expect(errors).toEqual([]);
    await context.close();
  });
});
