import { describe, it } from 'vitest';
import { maxWithoutEach } from '../../../compiler/checks/max-without-each.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('max-without-each', () => {
  it('accepts max with each, in any order', () => {
    expectValid(maxWithoutEach, `on email_open +5 each max 20\non email_click +10 max 30 within 90d each`);
  });

  it('reports max without each at the modifier', () => {
    expectDiagnostics(
      maxWithoutEach,
      `group 行動 {\n  on email_open +5 max 20 "開封"\n}\non page_view -3 within 7d max 9`,
      [
        {
          code: 'max-without-each',
          line: 2,
          column: 20,
          text: 'max 20',
          messageIncludes: '"max" needs "each": write "+5 each max 20" to cap a per-event score',
        },
        { code: 'max-without-each', line: 4, column: 27, text: 'max 9', messageIncludes: 'write "-3 each max 9"' },
      ],
    );
  });
});
