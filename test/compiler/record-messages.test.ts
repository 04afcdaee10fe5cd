import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { recordMessage } from '../../compiler/messages/record-messages.js';
import { loadSchema } from '../../compiler/schema/load-schema.js';
import { compileValidators } from '../../compiler/schema/validators.js';
import { prepareEvent, prepareLead } from '../../runtime/prepare-records.js';
import { leadColumnTypes } from '../../runtime/records/column-types.js';
import { convertRow } from '../../runtime/records/csv-row.js';
import { UNCLOSED_QUOTE_REASON } from '../../runtime/records/csv-rows.js';

const model = loadSchema(readFileSync('rules/lead.schema.json', 'utf8'), 'lead.schema.json').model!;
const validators = compileValidators(model);
const leadReasons = (record: unknown): string[] => {
  const r = prepareLead(record, validators);
  return r.ok ? [] : r.reasons;
};
const eventReasons = (record: unknown): string[] => {
  const r = prepareEvent(record, validators, 'Asia/Tokyo');
  return r.ok ? [] : r.reasons;
};
const ja = (reason: string) => recordMessage(reason, 'ja');

describe('data-record messages in Japanese and English', () => {
  test('English is the reason the validators wrote, byte for byte', () => {
    fc.assert(fc.property(fc.string(), (reason) => recordMessage(reason, 'en') === reason));
    const [reason] = leadReasons({ id: 'L1', employees: -5 });
    expect(reason).toBe('employees must be >= 0 (got -5)');
    expect(recordMessage(reason!, 'en')).toBe('employees must be >= 0 (got -5)');
  });

  test('the reasons of leads: missing id, types, enums with a suggestion, limits', () => {
    expect(leadReasons({ company: 'x' }).map(ja)).toEqual(['id がありません']);
    expect(leadReasons({ id: true }).map(ja)).toEqual(['id は文字列か数値にしてください (値: true)']);
    expect(leadReasons({ id: 'L1', employees: 'many' }).map(ja)).toEqual([
      'employees は整数か null にしてください (値: "many")',
    ]);
    expect(leadReasons({ id: 'L1', employees: -5 }).map(ja)).toEqual(['employees は 0 以上にしてください (値: -5)']);
    const [role] = leadReasons({ id: 'L1', role: '部帳' }).map(ja);
    expect(role).toMatch(/^role は次のいずれかにしてください: 役員, 部長, .* \(値: "部帳"\) \(もしかして "部長"/);
    expect(leadReasons({ id: 'L1', created_at: 'yesterday' }).map(ja)).toEqual([
      'created_at は正しい日時 (例: 2026-11-01T09:00:00+09:00) にしてください (値: "yesterday")',
    ]);
    expect(leadReasons({ id: 'L1', opted_out: 'はい' }).map(ja)).toEqual([
      'opted_out は true か false にしてください (値: "はい")',
    ]);
  });

  test('the reasons of events: type, bad and missing times with an example, unknown types', () => {
    expect(eventReasons({ type: 'page_view', url: 'u' }).map(ja)).toEqual([
      'at (日時) がありません: 2026-11-01T09:00:00+09:00 や 2026-11-01 のような ISO 8601 形式の日時を入れてください',
    ]);
    expect(eventReasons({ type: 'page_view', url: 'u', at: '11/1 9時' }).map(ja)).toEqual([
      'at "11/1 9時" は日時として読めません: 2026-11-01T09:00:00+09:00 や 2026-11-01 のような ISO 8601 形式の日時で書いてください',
    ]);
    expect(eventReasons({ at: '2026-11-01' }).map(ja)).toEqual(['type がありません']);
    expect(eventReasons({ type: 'page_veiw', at: '2026-11-01' }).map(ja)[0]).toMatch(
      /^イベントの種類 "page_veiw" はスキーマにありません \(もしかして "page_view" ですか\?\) \(スキーマのイベント: page_view, /,
    );
    expect(eventReasons({ type: 'page_view', at: '2026-11-01' }).map(ja)).toEqual(['url がありません']);
  });

  test('CSV cells that do not convert, each named by its column', () => {
    const row = convertRow(['id', 'employees', 'opted_out'], ['L1', '12abc', 'maybe'], leadColumnTypes(model));
    expect(row.ok).toBe(false);
    const reason = row.ok ? '' : row.reason;
    expect(ja(reason)).toBe(
      'employees: "12abc" は数値ではありません; opted_out: "maybe" は true か false ではありません',
    );
    const short = convertRow(['id', 'company'], ['L1'], leadColumnTypes(model));
    expect(ja(short.ok ? '' : short.reason)).toBe('この行のセルは 1 個ですが、1 行目 (見出し) の列は 2 個です');
    expect(ja(UNCLOSED_QUOTE_REASON)).toContain('閉じていません');
  });

  test('a form the catalogue does not know keeps its English text', () => {
    expect(ja('something entirely new happened')).toBe('something entirely new happened');
    expect(ja('employees: something entirely new')).toBe('employees: something entirely new');
  });

  test("a JSON reader's detail is kept as written, never read as a field that must be something", () => {
    const reason =
      'not valid JSON: unexpected "bad" (text must be in double quotes; numbers, true, false and null are written bare) at column 12';
    expect(ja(reason)).toBe(
      'JSON として読めません: unexpected "bad" (text must be in double quotes; numbers, true, false and null are written bare) at column 12',
    );
  });
});
