import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { JAPANESE_MESSAGES, localizedMessage } from '../../compiler/messages/diagnostic-messages.js';
import { DIAGNOSTIC_CATALOGUE } from '../../grammar/diagnostic-catalogue.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';

const SCHEMA = readFileSync('rules/lead.schema.json', 'utf8');
const check = (rules: string) =>
  checkSource(`schema "./lead.schema.json"\n${rules}\n`, {
    readSchema: () => ({ file: 'lead.schema.json', text: SCHEMA }),
  }).diagnostics;
const one = (rules: string): Diagnostic => {
  const found = check(rules);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('diagnostic messages in Japanese and English', () => {
  test('the catalogue has an entry for every code', () => {
    expect(Object.keys(JAPANESE_MESSAGES).sort()).toEqual(Object.keys(DIAGNOSTIC_CATALOGUE).sort());
  });

  test('English is the message the check wrote, unchanged', () => {
    const d = one('when employes >= 100 +20');
    expect(localizedMessage(d, 'en')).toBe(d.message);
    expect(d.message).toBe(
      'unknown field "employes": leads have no such field in lead.schema.json — did you mean "employees"?',
    );
  });

  test.each([
    [
      'when employes >= 100 +20',
      'unknown-field',
      '不明な項目 「employes」: lead.schema.json にこの項目はありません — もしかして 「employees」 ですか?',
    ],
    [
      'on page_veiw +5',
      'unknown-event-type',
      '不明なイベント種別 「page_veiw」: lead.schema.json にこのイベントはありません — もしかして 「page_view」 ですか?',
    ],
    [
      'let a = [役員]\nwhen role in b +5',
      'unknown-list',
      '不明なリスト 「b」: この名前の let はありません — もしかして 「a」 ですか?',
    ],
    [
      'tier A otherwise\ntier B >= 10',
      'otherwise-not-last',
      '"otherwise" は最後のティアに書いてください: ティア 「A」 はすべてのリードに当てはまるため、後ろのティアには決して入りません — 末尾に移してください',
    ],
    [
      'group g max 10 min 20 {\n  when employees >= 1 +5\n}',
      'group-min-above-max',
      'グループ 「g」 の min 20 が max 10 を上回っています — min を下げるか max を上げてください',
    ],
    ['tier A >= 10\ntier A >= 5', 'duplicate-tier', 'ティア 「A」 は 2 行目で定義済みです — 別の名前にしてください'],
  ])('%s → %s in Japanese', (rules, code, ja) => {
    const d = check(rules).find((x) => x.code === code)!;
    expect(d).toBeDefined();
    expect(localizedMessage(d, 'ja')).toBe(ja);
  });

  test('full-width input: the half-width text is a quick fix, the message is in Japanese, and the line gets no follow-on errors', () => {
    const found = check('when employees >= 100 ＋２０\nwhen employees ＞＝ １００ +5');
    expect(found.map((d) => [d.code, d.range.start.line, d.suggestions])).toEqual([
      ['unexpected-character', 2, ['+20']],
      ['unexpected-character', 3, ['>=']],
      ['unexpected-character', 3, ['100']],
    ]);
    expect(localizedMessage(found[0]!, 'ja')).toBe('使えない文字 「＋２０」 があります: 半角の "+20" を使ってください');
    expect(localizedMessage(found[0]!, 'en')).toBe('unexpected characters "＋２０": use the half-width "+20" instead');
  });

  test('falls back to English for a diagnostic without the params its text needs, and for a code it does not know', () => {
    const base: Diagnostic = {
      code: 'bad-escape',
      message: 'expected a rule',
      severity: 'error',
      range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
    };
    expect(localizedMessage(base, 'ja')).toBe('expected a rule');
    // A code another version added after this catalogue was written.
    expect(localizedMessage({ ...base, code: 'number-out-of-range' as Diagnostic['code'] }, 'ja')).toBe(
      'expected a rule',
    );
    // A known code whose check did not attach the params the Japanese text needs.
    expect(localizedMessage({ ...base, code: 'duplicate-tier', params: { name: 'A' } }, 'ja')).toBe('expected a rule');
    expect(localizedMessage({ ...base, code: 'duplicate-tier', params: { name: 'A', line: 3 } }, 'ja')).toBe(
      'ティア 「A」 は 3 行目で定義済みです — 別の名前にしてください',
    );
  });
});
