import { describe, it } from 'vitest';
import { enumValue } from '../../../compiler/checks/enum-value.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('enum-value', () => {
  it('accepts allowed values, quoted or bare', () => {
    expectValid(
      enumValue,
      `let 決裁者 = [役員, "部長"]
when role in 決裁者 and industry != 製造業 and rank = 3 and products contains CRM and email contains "部帳" +1`,
    );
  });

  it('reports a value outside the enum with a did-you-mean', () => {
    expectDiagnostics(enumValue, `when role in [部帳] +1`, [
      {
        code: 'enum-value',
        line: 1,
        column: 15,
        text: '部帳',
        suggestions: ['部長'],
        messageIncludes:
          '"部帳" is not an allowed value of "role" (allowed: 役員, 部長, 課長, 主任, 担当者, 学生) — did you mean "部長"?',
      },
    ]);
  });

  it('reports at the element of a let list, once even when the list is used twice', () => {
    expectDiagnostics(enumValue, `let 決裁者 = [役員, 部帳]\nwhen role in 決裁者 +25\nwhen role not in 決裁者 -5`, [
      {
        code: 'enum-value',
        line: 1,
        column: 16,
        text: '部帳',
        messageIncludes: 'in list "決裁者"',
        suggestions: ['部長'],
      },
    ]);
  });

  it('checks numeric enums and list items, ignoring the null', () => {
    expectDiagnostics(enumValue, `when rank = 4 +1\nwhen rank != 1 and products contains CRN +1`, [
      { code: 'enum-value', line: 1, column: 13, text: '4', messageIncludes: 'allowed: 1, 2, 3)', suggestions: [] },
      {
        code: 'enum-value',
        line: 2,
        column: 38,
        text: 'CRN',
        messageIncludes: 'an allowed item of "products"',
        suggestions: ['CRM'],
      },
    ]);
  });

  it('leaves values of the wrong type to value-type', () => {
    expectValid(enumValue, `when role = 5 +1\nwhen rank = 高 +1`);
  });
});
