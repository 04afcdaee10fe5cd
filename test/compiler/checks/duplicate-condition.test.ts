import { describe, it } from 'vitest';
import { duplicateCondition } from '../../../compiler/checks/duplicate-condition.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('duplicate-condition', () => {
  it('accepts rules with different conditions', () => {
    expectValid(
      duplicateCondition,
      `when role = 部長 +10
when role = 課長 +5
when role in [部長] +1
on email_open +5
on email_open +5 within 30d
on page_view where url contains "/pricing" +30
on page_view where url contains "/demo" +30
after 30d inactive -10
after 60d inactive -10`,
    );
  });

  it('reports a repeated when condition across groups, ignoring parentheses and quotes', () => {
    expectDiagnostics(
      duplicateCondition,
      `group 属性 {\n  when employees >= 100 and role = 部長 +20 "規模"\n}\nwhen (employees >= 100) and role = "部長" +5`,
      [
        {
          code: 'duplicate-condition',
          line: 4,
          column: 6,
          severity: 'warning',
          messageIncludes: 'this rule repeats the condition of the rule on line 2 ("規模")',
        },
      ],
    );
  });

  it('reports on rules with the same event, where and within; and equal inactivity', () => {
    expectDiagnostics(
      duplicateCondition,
      `on page_view where url contains "/pricing" +30\non page_view where url contains "/pricing" +10 each\non form_reach +1 within 1w\non form_reach +2 within 7d\nafter 30d inactive -10\nafter 720h inactive -5`,
      [
        { code: 'duplicate-condition', line: 2, column: 4, text: 'page_view where url contains "/pricing"' },
        { code: 'duplicate-condition', line: 4, column: 4, text: 'form_reach' },
        { code: 'duplicate-condition', line: 6, column: 7, text: '720h' },
      ],
    );
  });
});
