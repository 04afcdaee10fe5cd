import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadSchema } from '../../compiler/schema/load-schema.js';
import {
  guessMapping,
  looksLikeEvents,
  mappingFields,
  normalizeHeader,
  renameColumns,
  renameKeys,
} from '../../playground/src/engine/column-mapping.js';
import type { RowProblem } from '../../playground/src/engine/prepare.js';
import { rejectedRowsCsv, textCell } from '../../playground/src/data/rejected-csv.js';

const schema = loadSchema(readFileSync('rules/lead.schema.json', 'utf8'), 'lead.schema.json').model!;
const leadFields = mappingFields('leads', schema);

describe('guessing which column gives which field', () => {
  test('a Japanese CRM export: synonyms and the schema descriptions', () => {
    const columns = [
      'リードID',
      '氏名',
      '会社名',
      'メール',
      '従業員数',
      '業種',
      '役職',
      '都道府県',
      '商談化したか',
      'メモ',
    ];
    expect(guessMapping(leadFields, columns)).toEqual({
      id: 'リードID',
      name: '氏名',
      company: '会社名',
      email: 'メール',
      employees: '従業員数',
      industry: '業種',
      role: '役職',
      prefecture: '都道府県',
      opportunity: '商談化したか', // the schema's description: 「商談化したか (KPI …)」
    });
  });

  test('case, full width and separators do not matter; exact names are left alone', () => {
    expect(normalizeHeader('Ｅｍａｉｌ')).toBe('email');
    expect(guessMapping(leadFields, ['ID', 'Company', 'E-Mail', 'ｴﾝﾌﾟﾛｲ', 'employees'])).toEqual({
      id: 'ID',
      company: 'Company',
      email: 'E-Mail',
    });
    expect(guessMapping(leadFields, ['id', 'company'])).toEqual({});
  });

  test('a column is given to one field at most, the required id first', () => {
    const mapping = guessMapping(mappingFields('leads', schema), ['リードID', '顧客ID']);
    expect(mapping.id).toBe('リードID');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom<string>('ID', 'リードID', 'メール', 'mail', '会社', '会社名', '氏名', 'x')),
        (columns) => {
          const values = Object.values(guessMapping(leadFields, columns));
          return new Set(values).size === values.length && values.every((v) => columns.includes(v));
        },
      ),
    );
  });

  test('events: lead_id, type and at in Japanese make an events file', () => {
    expect(looksLikeEvents(['リードID', '種類', '日時', 'url'])).toBe(true);
    expect(looksLikeEvents(['lead_id', 'type', 'at'])).toBe(true);
    expect(looksLikeEvents(['リードID', '会社名', '作成日時'])).toBe(false);
    expect(guessMapping(mappingFields('events', schema), ['リードID', 'イベント種別', '発生日時'])).toEqual({
      lead_id: 'リードID',
      type: 'イベント種別',
      at: '発生日時',
    });
  });

  test('applying a mapping renames the header and record keys, and only those', () => {
    const mapping = { id: 'リードID', company: '会社名' };
    expect(renameColumns(['リードID', '会社名', 'email'], mapping)).toEqual(['id', 'company', 'email']);
    const record = JSON.parse('{"リードID":"L1","__proto__":{"x":1},"email":"a@b"}') as Record<string, unknown>;
    const renamed = renameKeys(record, mapping);
    expect(Object.keys(renamed)).toEqual(['id', '__proto__', 'email']);
    expect(Object.getPrototypeOf(renamed)).toBe(Object.prototype);
  });
});

describe('the rejected rows as a CSV for Excel', () => {
  const problems: RowProblem[] = [
    {
      file: 'leads.csv',
      role: 'leads',
      rowKind: 'row',
      row: 7,
      leadId: '=1+1',
      reasons: ['employees: "-5x" is not a number'],
      cells: ['=1+1', '-5x', '-10'],
    },
    { file: 'events.jsonl', role: 'events', rowKind: 'line', row: 3, reasons: ['not valid JSON'], text: '{"a":' },
  ];
  const headers = new Map([['leads.csv', ['id', 'employees', 'score']]]);
  const labels = { record: 'レコード', file: 'ファイル', row: '行', reason: '理由' };

  test('a BOM, the own cells first, then file, row and the reason in the UI language', () => {
    const text = rejectedRowsCsv(problems, headers, labels, 'ja');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'id,employees,score,レコード,ファイル,行,理由',
      `'=1+1,'-5x,-10,,leads.csv,7,"employees: ""-5x"" は数値ではありません"`,
      ',,,"{""a"":",events.jsonl,3,JSON として読めません',
      '',
    ]);
    expect(rejectedRowsCsv(problems.slice(0, 1), headers, labels, 'en').slice(1).split('\r\n')[1]).toBe(
      `'=1+1,'-5x,-10,7,"employees: ""-5x"" is not a number"`,
    );
  });

  test('formula-looking text gets an apostrophe; numbers and other text do not', () => {
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(textCell('\t=1')).toBe("'\t=1");
    expect(textCell('-12.5')).toBe('-12.5');
    expect(textCell('株式会社')).toBe('株式会社');
  });
});
