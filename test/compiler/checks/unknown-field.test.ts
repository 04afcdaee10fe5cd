import { describe, it } from 'vitest';
import { unknownField } from '../../../compiler/checks/unknown-field.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('unknown-field', () => {
  it('accepts known fields, nested fields and tier names', () => {
    expectValid(
      unknownField,
      `group 属性 { when employees >= 100 and 会社.規模 > 5 +20 }
when role in [部長] or memo.anything = 1 +5
tier A when score >= 10 and 属性 > 3 and industry = 製造業`,
    );
  });

  it('reports an unknown lead field with a did-you-mean', () => {
    expectDiagnostics(unknownField, `when employes >= 100 +20`, [
      {
        code: 'unknown-field',
        line: 1,
        column: 6,
        text: 'employes',
        messageIncludes:
          'unknown field "employes": leads have no such field in lead.schema.json — did you mean "employees"?',
        suggestions: ['employees'],
      },
    ]);
  });

  it('reports an unknown field without suggestion when nothing is near', () => {
    expectDiagnostics(unknownField, `when 予算 >= 100 +20`, [
      { code: 'unknown-field', line: 1, column: 6, text: '予算', suggestions: [] },
    ]);
  });

  it('reports an unknown nested property, suggesting the full path', () => {
    expectDiagnostics(unknownField, `when 会社.規横 >= 10 +1`, [
      {
        code: 'unknown-field',
        line: 1,
        column: 6,
        text: '会社.規横',
        messageIncludes: '"会社" has no property "規横"',
        suggestions: ['会社.規模'],
      },
    ]);
  });

  it('reports a property of a field that is no object', () => {
    expectDiagnostics(unknownField, `when employees.size = 1 +1`, [
      {
        code: 'unknown-field',
        line: 1,
        column: 6,
        text: 'employees.size',
        messageIncludes: '"employees" is a number field and has no properties',
      },
    ]);
  });

  it('reads tier conditions as score, groups, then lead fields', () => {
    expectDiagnostics(
      unknownField,
      `group 行動 { on form_reach +40 }
tier A when scor >= 60
tier B when 行働 >= 10
tier C when score.total >= 1`,
      [
        {
          code: 'unknown-field',
          line: 2,
          column: 13,
          text: 'scor',
          suggestions: ['score'],
          messageIncludes: 'a tier condition sees the score, group subtotals and lead fields',
        },
        { code: 'unknown-field', line: 3, column: 13, text: '行働', suggestions: ['行動'] },
        {
          code: 'unknown-field',
          line: 4,
          column: 13,
          text: 'score.total',
          messageIncludes: '"score" is a number field',
        },
      ],
    );
  });

  it('leaves event properties to unknown-event-property', () => {
    expectValid(unknownField, `on page_view where employees > 1 +1`);
  });

  it('reports nothing about lead fields without a schema', () => {
    expectValid(unknownField, `when employes >= 100 +20\ntier A when whatever = 1`, null);
  });
});
