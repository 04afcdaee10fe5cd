import { describe, it } from 'vitest';
import { valueType } from '../../../compiler/checks/value-type.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('value-type', () => {
  it('accepts values that fit', () => {
    expectValid(
      valueType,
      `let 決裁者 = [役員, 部長]
when employees >= 100 and revenue = 1.5 and role = 部長 and email contains "@" and opted_out = false +1
when role in 決裁者 and tags contains VIP and rank = 2 and nickname != "x" and memo = true +1
on page_view where duration_sec >= 30 +1
tier A when score >= 10 and rank = 1`,
    );
  });

  it('reports a word for a number field and a number for a text field', () => {
    expectDiagnostics(valueType, `when employees = 多い +1\nwhen role = 5 +1`, [
      {
        code: 'value-type',
        line: 1,
        column: 18,
        text: '多い',
        messageIncludes: '"多い" is text, but "employees" is a number field — write a number',
      },
      {
        code: 'value-type',
        line: 2,
        column: 13,
        text: '5',
        messageIncludes: ['5 is a number, but "role" is a text field', '役員, 部長'],
      },
    ]);
  });

  it('reports text for ordering, even on a field of any type', () => {
    expectDiagnostics(valueType, `when memo >= 高い +1\ntier A when score > 高`, [
      {
        code: 'value-type',
        line: 1,
        column: 14,
        text: '高い',
        messageIncludes: 'ordering (>=) needs a number, but "高い" is text',
      },
      { code: 'value-type', line: 2, column: 21, text: '高' },
    ]);
  });

  it('reports wrong elements of in lists, also inside let lists', () => {
    expectDiagnostics(
      valueType,
      `let 規模 = [100, 多い]\nwhen employees in 規模 +1\nwhen opted_out in [true, はい] +1`,
      [
        { code: 'value-type', line: 1, column: 16, text: '多い', messageIncludes: '"多い" in list "規模" is text' },
        { code: 'value-type', line: 3, column: 26, text: 'はい', messageIncludes: 'write true or false' },
      ],
    );
  });

  it('reports contains values that are neither text nor the list item type', () => {
    expectDiagnostics(valueType, `when email contains 5 +1\nwhen tags contains true +1`, [
      { code: 'value-type', line: 1, column: 21, text: '5', messageIncludes: 'write it in quotes: "5"' },
      { code: 'value-type', line: 2, column: 20, text: 'true', messageIncludes: 'the items of "tags" are text' },
    ]);
  });

  it('skips tests whose operator does not fit or whose field is unknown', () => {
    expectValid(valueType, `when industry >= 製造業 +1\nwhen 役職 = 5 +1`);
  });
});
