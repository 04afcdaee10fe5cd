/**
 * Files from where marketers' data lives, in real Chromium: a Shift_JIS CSV
 * (Excel's 「CSV (コンマ区切り)」) is decoded and said so; an Excel workbook
 * and a file in neither encoding are refused with what to do.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { screenshot, usePlayground, waitForResults } from './harness.js';

const app = usePlayground();

describe('files from Excel', () => {
  test('a Shift_JIS CSV loads with its Japanese intact; an .xlsx and a file in another encoding are refused with what to do', async () => {
    const { context, page, errors } = await app.open();
    await waitForResults(page);
    const sjis = spawnSync('iconv', ['-f', 'utf-8', '-t', 'shift_jis', resolve('examples/leads.csv')]);
    expect(sjis.status).toBe(0);
    const input = page.getByTestId('data-file');
    const notice = page.getByTestId('data-notice');

    await input.setInputFiles({ name: 'leads-excel.csv', mimeType: 'text/csv', buffer: sjis.stdout });
    await expect
      .poll(() => notice.textContent())
      .toContain('leads-excel.csv は Shift_JIS (Excel の「CSV (コンマ区切り)」) として読み込みました');
    await expect.poll(() => page.getByTestId('data-summary').textContent()).toContain('3,000');
    await page.getByTestId('results-filter').fill('L00001');
    await expect.poll(() => page.getByTestId('results-table').textContent()).toContain('株式会社北海メディカル');
    await screenshot(page, '50-shift-jis');

    // An Excel workbook (a ZIP), whatever it is called.
    await input.setInputFiles({
      name: 'leads.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('PK\x03\x04 not really a workbook'),
    });
    await expect.poll(() => notice.textContent()).toContain('leads.xlsx は Excel ブックです');
    expect(await notice.textContent()).toContain('「CSV UTF-8 (コンマ区切り)」');
    expect(await notice.textContent()).not.toContain('JSON');

    // Bytes that are neither UTF-8 nor Shift_JIS (a lone 0xFF).
    await input.setInputFiles({
      name: 'odd.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x69, 0x64, 0x0a, 0xff, 0xfe, 0x0a]),
    });
    await expect.poll(() => notice.textContent()).toContain('UTF-8 で保存してください');
    // The data in use is unchanged.
    expect(await page.getByTestId('data-summary').textContent()).toContain('3,000');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('Japanese column headers: the panel lists the columns that match no field and the required ones that are missing', async () => {
    const { context, page } = await app.open();
    await waitForResults(page);
    const csv = '会社名,従業員数,email\n株式会社テスト,120,a@example.com\n';
    await page
      .getByTestId('data-file')
      .setInputFiles({ name: 'japanese-header.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const problem = page.getByTestId('header-problem');
    await problem.waitFor();
    const text = await problem.textContent();
    expect(text).toContain('japanese-header.csv: 必須の列 id');
    expect(text).toContain('どの項目にも対応しない列: 会社名、従業員数');
    expect(text).not.toContain('email');
    await screenshot(page, '51-header');
    await context.close();
  });
});
