/**
 * The data panel with files exported from Excel and Japanese CRMs, in real
 * Chromium: Japanese column headers mapped to the schema's fields (guessed,
 * applied, remembered), and every rejected row listed with its Excel row
 * number and a Japanese reason, and downloaded as a CSV Excel opens.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, usePlayground, waitForResults } from './harness.js';

const app = usePlayground();

const JAPANESE_HEADER: Record<string, string> = {
  id: 'リードID',
  name: '氏名',
  company: '会社名',
  email: 'メールアドレス',
  employees: '従業員数',
  industry: '業種',
  role: '役職',
  prefecture: '都道府県',
  lead_source: '獲得経路',
  opted_out: '配信停止',
  tags: 'タグ',
  created_at: '作成日時',
};

function leadsCsvWithJapaneseHeader(): string {
  const [header, ...rows] = readFileSync(resolve('examples/leads.csv'), 'utf8').split('\n');
  const japanese = header!.split(',').map((c) => JAPANESE_HEADER[c] ?? c);
  return [japanese.join(','), ...rows].join('\n');
}

async function load(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page
    .getByTestId('data-file')
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.text) })));
}

const scoreTotal = (page: Page) => page.evaluate(() => document.body.dataset.scoreTotal);

describe('files from Excel in the data panel', () => {
  test('Japanese column headers are guessed, applied with 「適用」, scored like the English ones, and remembered', async () => {
    const { context, page, errors } = await app.open();
    await waitForResults(page);
    await load(page, [{ name: 'leads.csv', text: readFileSync(resolve('examples/leads.csv'), 'utf8') }]);
    await expect.poll(() => page.getByTestId('data-summary').textContent()).toContain('leads.csv');
    await waitForResults(page);
    const english = await scoreTotal(page);
    expect(Number(english)).toBeGreaterThan(0);

    await load(page, [{ name: 'crm-export.csv', text: leadsCsvWithJapaneseHeader() }]);
    const mapper = page.getByTestId('column-mapping');
    await mapper.waitFor();
    // Every lead is rejected until the header is mapped: id is missing.
    await waitForResults(page, 0);
    expect(await page.getByTestId('header-problem').textContent()).toContain('必須の列 id');
    const chosen = await mapper
      .locator('select')
      .evaluateAll((selects) =>
        Object.fromEntries(selects.map((s) => [s.dataset.field, (s as HTMLSelectElement).value])),
      );
    expect(chosen).toMatchObject(JAPANESE_HEADER);
    await screenshot(page, '52-column-mapping');

    await page.getByTestId('mapping-apply').click();
    await waitForResults(page, 3000);
    expect(await scoreTotal(page)).toBe(english);
    expect(await page.getByTestId('header-problem').count()).toBe(0);
    expect(await page.getByTestId('row-problems').isHidden()).toBe(true);
    await page.getByTestId('results-filter').fill('L00001');
    await expect.poll(() => page.getByTestId('results-table').textContent()).toContain('株式会社北海メディカル');

    // The same export next time: mapped without asking.
    await page.reload();
    await waitForResults(page);
    await load(page, [{ name: 'crm-export-december.csv', text: leadsCsvWithJapaneseHeader() }]);
    await expect.poll(() => page.getByTestId('data-summary').textContent()).toContain('crm-export-december.csv');
    await waitForResults(page, 3000);
    expect(await scoreTotal(page)).toBe(english);
    expect(await page.getByTestId('column-mapping').textContent()).toContain('適用済み');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('every rejected row: a count, Excel row numbers, the lead id, Japanese reasons, pages, and a download', async () => {
    const { context, page, errors } = await app.open();
    await waitForResults(page);
    const rows = ['id,company,employees,role', 'A001,"株式会社\n改行",10,部長'];
    // Rows 3..122 as Excel numbers them (the line break inside row 2's cell does not start a row).
    for (let i = 3; i <= 122; i++) {
      const id = `A${String(i).padStart(3, '0')}`;
      if (i % 3 === 0) rows.push(`${id},"=HYPERLINK(""http://x"")",many,部長`);
      else if (i % 3 === 1) rows.push(`${id},株式会社テスト,5,部帳`);
      else rows.push(`${id},株式会社テスト,5,課長`);
    }
    const events = [
      '{"lead_id":"A001","type":"page_view","url":"/pricing","at":"2026-10-01T10:00:00+09:00"}',
      '{"lead_id":"A001","type":"page_view","url":"/pricing","at":"10/1 10時"}',
      '',
      '{"lead_id":"A002","type":"page_veiw","at":"2026-10-01"}',
    ];
    await load(page, [
      { name: 'leads.csv', text: rows.join('\r\n') + '\r\n' },
      { name: 'events.jsonl', text: events.join('\n') + '\n' },
    ]);
    await waitForResults(page, 41);
    const count = page.getByTestId('row-problem-count');
    await expect.poll(() => count.textContent()).toBe('除外された行: 82 件');
    const first = page.getByTestId('row-problem').first();
    expect(await first.getByTestId('row-problem-row').textContent()).toBe('3 行目');
    expect(await first.getByTestId('row-problem-id').textContent()).toBe('A003');
    expect(await first.getByTestId('row-problem-reason').textContent()).toBe('employees: "many" は数値ではありません');
    const second = page.getByTestId('row-problem').nth(1);
    expect(await second.getByTestId('row-problem-row').textContent()).toBe('4 行目');
    expect(await second.getByTestId('row-problem-reason').textContent()).toMatch(
      /^role は次のいずれかにしてください: 役員, 部長, .* \(値: "部帳"\) \(もしかして "部長" ですか\?\)$/,
    );
    expect(await page.getByTestId('row-problem').count()).toBe(50);
    expect(await page.getByTestId('row-problem-page').textContent()).toBe('82 件中 1–50 件');
    await screenshot(page, '53-rejected-rows');

    await page.getByTestId('row-problem-next').click();
    expect(await page.getByTestId('row-problem-page').textContent()).toBe('82 件中 51–82 件');
    const last = page.getByTestId('row-problem').last();
    expect(await last.getByTestId('row-problem-row').textContent()).toBe('4 行目');
    expect(await last.getByTestId('row-problem-id').textContent()).toBe('A002');
    expect(await last.getByTestId('row-problem-reason').textContent()).toContain(
      'イベントの種類 "page_veiw" はスキーマにありません (もしかして "page_view" ですか?)',
    );
    const badTime = page.getByTestId('row-problem').nth(30);
    expect(await badTime.getByTestId('row-problem-row').textContent()).toBe('2 行目');
    expect(await badTime.getByTestId('row-problem-reason').textContent()).toBe(
      'at "10/1 10時" は日時として読めません: 2026-11-01T09:00:00+09:00 や 2026-11-01 のような ISO 8601 形式の日時で書いてください',
    );

    // English: the CLI's words.
    await page.getByTestId('lang').click();
    await expect.poll(() => count.textContent()).toBe('Rejected rows: 82');
    expect(await page.getByTestId('row-problem-reason').first().textContent()).toBe(
      'employees: "many" is not a number',
    );
    await page.getByTestId('lang').click();
    await expect.poll(() => count.textContent()).toBe('除外された行: 82 件');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-rejected').click(),
    ]);
    expect(download.suggestedFilename()).toBe('rejected-rows.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('id,company,employees,role,レコード,ファイル,行,理由');
    expect(lines[1]).toBe(
      `A003,"'=HYPERLINK(""http://x"")",many,部長,,leads.csv,3,"employees: ""many"" は数値ではありません"`,
    );
    expect(lines[2]).toMatch(/^A004,株式会社テスト,5,部帳,,leads.csv,4,"role は次のいずれかにしてください: /);
    expect(lines[81]).toBe(
      ',,,,"{""lead_id"":""A001"",""type"":""page_view"",""url"":""/pricing"",""at"":""10/1 10時""}",events.jsonl,2,' +
        '"at ""10/1 10時"" は日時として読めません: 2026-11-01T09:00:00+09:00 や 2026-11-01 のような ISO 8601 形式の日時で書いてください"',
    );
    expect(lines).toHaveLength(84); // header, 82 rows, and the final line break
    expect(errors).toEqual([]);
    await context.close();
  });
});
