import { describe, it } from 'vitest';
import { operatorType } from '../../../compiler/checks/operator-type.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('operator-type', () => {
  it('accepts operators that fit', () => {
    expectValid(
      operatorType,
      `when employees >= 100 and revenue < 1.5 and email contains "@" and tags contains VIP and opted_out +1
when role in [部長] and not opted_out and nickname is set and tags is not set and memo > 3 and memo +1
on page_view where duration_sec > 30 and url contains "/pricing" +1
tier A when score >= 10`,
    );
  });

  it('reports ordering on a text field', () => {
    expectDiagnostics(operatorType, `when industry >= 5 +15`, [
      {
        code: 'operator-type',
        line: 1,
        column: 6,
        text: 'industry',
        messageIncludes: 'ordering (>=) needs a number, but "industry" is a text field — use = or in',
      },
    ]);
  });

  it('reports contains on a number field and a bare path that is not boolean', () => {
    expectDiagnostics(operatorType, `when employees contains 1 +1\nwhen email +1\nwhen (役職 = 1 or role) +1`, [
      {
        code: 'operator-type',
        line: 1,
        column: 6,
        text: 'employees',
        messageIncludes: 'contains needs a text or list field',
      },
      {
        code: 'operator-type',
        line: 2,
        column: 6,
        text: 'email',
        messageIncludes: '"email" alone tests a yes/no field',
      },
      { code: 'operator-type', line: 3, column: 17, text: 'role' },
    ]);
  });

  it('reports = and in on a list field, pointing to contains', () => {
    expectDiagnostics(operatorType, `when tags = VIP +1\nwhen tags not in [VIP] +1`, [
      { code: 'operator-type', line: 1, column: 6, messageIncludes: 'use "tags contains …"' },
      { code: 'operator-type', line: 2, column: 6, messageIncludes: 'not in compares a single value' },
    ]);
  });

  it('checks event properties and tier names', () => {
    expectDiagnostics(operatorType, `on page_view where url > 3 +1\ntier A when score contains 1`, [
      { code: 'operator-type', line: 1, column: 20, text: 'url' },
      { code: 'operator-type', line: 2, column: 13, text: 'score' },
    ]);
  });

  it('ignores unknown fields and lead fields without a schema', () => {
    expectValid(operatorType, `when 役職 >= 1 +1`);
    expectValid(operatorType, `when industry >= 5 +1`, null);
  });
});
