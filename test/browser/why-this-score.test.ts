/**
 * "Why this score" where the eye is, in real Chromium: the reasons drawer
 * beside the results (focus, Esc, the lead kept across edits with how its
 * score moved), what a reason's points are made of (events counted, decay,
 * caps, the group clamp), and the smaller things around it: the Ctrl+M hint,
 * the language reference, the loading state, tier labels that fit,
 * thousands separators and a 390-px-wide window.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { nextRun, screenshot, usePlayground, waitForResults } from './harness.js';

const app = usePlayground();

declare function playground(): { getRules(): string; setRules(text: string): void };

async function edit(page: Page, from: string, to: string): Promise<void> {
  await nextRun(page, () =>
    page.evaluate(([a, b]) => playground().setRules(playground().getRules().replace(a!, b!)), [from, to]),
  );
}

const drawer = (page: Page) => page.getByTestId('reasons');
const reasonItem = (page: Page, label: string) =>
  page.locator('[data-testid="reasons"] .reason-list li', { hasText: label });
const activeLead = (page: Page) => page.evaluate(() => document.activeElement?.closest('tr')?.dataset.lead);

describe('the reasons drawer', () => {
  test('opens beside the table with the focus in it, keeps the lead across edits, and closes with Esc', async () => {
    const { context, page, errors } = await app.open();
    await waitForResults(page);
    expect(await drawer(page).isVisible()).toBe(false);
    const row = page.locator('[data-testid="results-table"] tbody tr').first();
    const id = (await row.getAttribute('data-lead'))!;
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => drawer(page).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reasons-heading');
    expect(await page.getByTestId('reasons-heading').textContent()).toBe(`理由: ${id}`);
    // Beside the results, not over them.
    const table = (await page.getByTestId('results-column').boundingBox())!;
    const side = (await drawer(page).boundingBox())!;
    expect(side.x).toBeGreaterThanOrEqual(table.x + table.width - 1);
    const score = Number((await row.locator('td[data-col="score"]').textContent())!.replace(/,/g, ''));

    // A rule edit: the drawer stays on the lead and says how it moved and which reason changed.
    await edit(page, '+20 "資料ダウンロード"', '+30 "資料ダウンロード"');
    expect(await page.getByTestId('reasons-heading').textContent()).toBe(`理由: ${id}`);
    await expect.poll(() => page.getByTestId('score-change').textContent()).toContain(`${score} → ${score + 10} (+10)`);
    expect(await page.getByTestId('reason-changes').locator('li').allTextContents()).toEqual([
      '✎ 資料ダウンロード +20 → +30',
    ]);
    expect(await page.locator('[data-testid="results-table"] tr[aria-selected="true"]').getAttribute('data-lead')).toBe(
      id,
    );
    // An edit that does not touch this lead.
    await edit(page, '-15 "フリーメール"', '-16 "フリーメール"');
    await expect.poll(() => page.getByTestId('score-change').textContent()).toBe('前回の実行から変化なし');
    await screenshot(page, '40-reasons-drawer');

    // Esc closes it and gives the focus back to the lead's row.
    await page.getByTestId('reasons-close').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer(page).isVisible()).toBe(false);
    expect(await activeLead(page)).toBe(id);
    // The close button too.
    await page.keyboard.press('Enter');
    await expect.poll(() => drawer(page).isVisible()).toBe(true);
    await page.getByTestId('reasons-close').click();
    await expect.poll(() => drawer(page).isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('explains events counted, per-day and plain caps, decay and a group clamp', async () => {
    const { context, page, errors } = await app.open();
    await waitForResults(page);
    await page.locator('[data-testid="results-table"] tbody tr').first().click();
    const opens = reasonItem(page, 'メール開封');
    await expect
      .poll(() => opens.textContent())
      .toMatch(/\+20 ×\d+ \(1日あたり上限 10 により −[\d,]+, 上限 20 により −[\d,]+\)$/);
    // The counted events and what the caps removed add up to the points: 5 × n − per-day − max = 20.
    const text = (await opens.textContent())!;
    const [, n, perDay, max] = /×(\d+) \(1日あたり上限 10 により −([\d,]+), 上限 20 により −([\d,]+)\)/.exec(text)!;
    expect(5 * Number(n) - Number(perDay!.replace(/,/g, '')) - Number(max!.replace(/,/g, ''))).toBe(20);
    expect(await reasonItem(page, 'メールクリック').textContent()).toMatch(/×\d+$/);

    await edit(page, '+30 decay 50% every 30d', '+30 decay 50% every 1d');
    await expect.poll(() => reasonItem(page, '料金ページ閲覧').textContent()).toMatch(/減衰 \d+% \(\+30 → \+\d+\)/);

    await edit(page, 'group 行動 since last 失注 {', 'group 行動 since last 失注 max 100 {');
    await expect
      .poll(() => page.getByTestId('group-clamp').textContent())
      .toMatch(/^ \(理由の合計 \+[\d,]+; 上限 100 により −[\d,]+\)$/);
    const groups = await page.getByTestId('reason-groups').locator('li').allTextContents();
    expect(groups.some((g) => g.startsWith('行動: 100 '))).toBe(true);

    await page.getByTestId('lang').click();
    await expect.poll(() => page.getByTestId('group-clamp').textContent()).toMatch(/max 100: −[\d,]+\)$/);
    expect(await page.getByTestId('reasons-heading').textContent()).toMatch(/^Reasons: /);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('around the editor and the charts', () => {
  test('the Ctrl+M hint and the language reference are next to the editor', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    const hint = page.getByTestId('tab-hint');
    expect(await hint.textContent()).toBe('Ctrl+M: Tab でフォーカス移動');
    const editor = (await page.getByTestId('rules-editor').boundingBox())!;
    const box = (await hint.boundingBox())!;
    expect(Math.abs(box.y + box.height - editor.y)).toBeLessThan(40);
    const link = page.getByTestId('language-reference');
    expect(await link.getAttribute('href')).toBe('./language.html');
    const reference = await context.request.get(new URL('language.html', app.url).href);
    expect(reference.status()).toBe(200);
    const html = await reference.text();
    expect(html).toContain('The leadscore language');
    expect(html).toContain('<h2>9. Groups</h2>');
    await page.getByTestId('lang').click();
    expect(await hint.textContent()).toBe('Ctrl+M: Tab moves focus');
    expect(await link.textContent()).toBe('Language reference');
    await context.close();
  });

  test('the charts say they are loading until the data is scored', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/*leads*.jsonl', async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await page.getByTestId('charts-loading').waitFor();
    expect(await page.getByTestId('charts-loading').textContent()).toBe('読み込み中…');
    expect(await page.getByTestId('tier-chart').count()).toBe(0);
    release();
    await waitForResults(page);
    expect(await page.getByTestId('charts-loading').count()).toBe(0);
    await context.close();
  });

  test('tier names fit beside their bars; a name too long is cut with … and kept whole in the tooltip', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    const long = '低関心 (ナーチャリング継続・四半期ごとに見直し)';
    const fits = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<SVGTextElement>('[data-testid="tier-chart"] text[data-tier-label]')).map(
          (t) => {
            const bar = t.nextElementSibling as SVGRectElement;
            return {
              name: t.dataset.tierLabel,
              shown: t.firstChild?.textContent,
              right: t.getBBox().x + t.getBBox().width,
              bar: bar.x.baseVal.value,
            };
          },
        ),
      );
    for (const label of await fits()) {
      expect(label.shown).toBe(label.name);
      expect(label.right).toBeLessThanOrEqual(label.bar);
    }
    await edit(page, 'tier 低関心 otherwise', `tier "${long}" otherwise`);
    const labels = await fits();
    const cut = labels.find((l) => l.name === long)!;
    expect(cut.shown).toMatch(/^低関心 \(.+…$/);
    for (const label of labels) expect(label.right).toBeLessThanOrEqual(label.bar);
    expect(await page.locator(`[data-testid="tier-chart"] text[data-tier-label="${long}"] title`).textContent()).toBe(
      long,
    );
    await context.close();
  });

  test('numbers have thousands separators: table, histogram axis, tier counts, matrix and top movers', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    await edit(page, 'tier MQL >= 60', 'when id is set +1000 "基礎点"\ntier MQL >= 60');
    const top = await page.locator('[data-testid="results-table"] tbody tr td[data-col="score"]').first().textContent();
    expect(top).toMatch(/^1,\d{3}$/);
    const axis = await page.locator('[data-testid="histogram"] > text').allTextContents();
    expect(axis.at(-1)).toMatch(/^1,\d{3}$/);
    expect(await page.locator('[data-testid="tier-chart"] [data-tier-count="MQL"]').textContent()).toMatch(
      /^941 → 3,000 \(\+2,059\)$/,
    );
    await page.getByTestId('tab-diff').click();
    await page.getByTestId('transition-matrix').waitFor();
    expect(
      await page.locator('[data-testid="transition-matrix"] td[data-from="低関心"][data-to="MQL"]').textContent(),
    ).toBe('1,177');
    const mover = await page.getByTestId('top-movers').locator('tbody tr td:nth-child(2)').first().textContent();
    expect(mover).toMatch(/^[\d,]+ → 1,[\d,]+ \(\+1,000\)$/);
    await context.close();
  });

  test('at 390 px the page does not widen; the diff editor and the impact tables scroll into reach', async () => {
    const { context, page, errors } = await app.open();
    await page.setViewportSize({ width: 390, height: 800 });
    await waitForResults(page);
    await page.getByTestId('tab-diff').click();
    await edit(page, 'tier MQL >= 60', 'tier MQL >= 70');
    await page.getByTestId('transition-matrix').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const diff = (await page.getByTestId('diff-editor').boundingBox())!;
    expect(diff.x).toBeGreaterThanOrEqual(0);
    expect(diff.x + diff.width).toBeLessThanOrEqual(390);
    // What does not fit scrolls inside the impact panel: scrolled to the end, every table's right edge is in view.
    const reach = await page.evaluate(() => {
      const panel = document.querySelector<HTMLElement>('[data-testid="impact-panel"]')!;
      panel.scrollLeft = panel.scrollWidth;
      const view = panel.getBoundingClientRect();
      return ['transition-matrix', 'top-movers'].map((id) => {
        const r = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
        return r.right <= view.right + 1 && r.left >= view.left - panel.scrollWidth;
      });
    });
    expect(reach).toEqual([true, true]);
    await screenshot(page, '41-diff-390px');
    expect(errors).toEqual([]);
    await context.close();
  });
});
