import { describe, expect, it } from 'vitest';
import { MAX_COMPARED, numberRange } from '../../../compiler/checks/number-range.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('number-out-of-range', () => {
  it('accepts numbers at the limits', () => {
    expectValid(
      numberRange,
      [
        'when employees >= 9007199254740991 +1000000',
        'when employees <= -9007199254740991 -1000000',
        'on page_view +1000000 each max 1000000000 within 876600h',
        'on email_open +1 within 36525d',
        'on email_click +1 within 5217w',
        'after 36525d inactive -5',
        'group 属性 max 1000000000 min -1000000000 { when employees in [1, 9007199254740991] +1 }',
        'tier A >= 9007199254740991',
      ].join('\n'),
    );
  });

  it('reports points, caps, durations and compared numbers beyond them, each with its limit', () => {
    expectDiagnostics(
      numberRange,
      [
        'when employees >= 9007199254740993 +1000001',
        'on page_view -2000000 each max 1000000001 within 876601h',
        'after 36526d inactive -5',
        'on email_click +1 within 5218w',
        'group 属性 max 1000000001 { when employees in [1, 10000000000000000] +1 }',
        `tier A >= 1${'0'.repeat(400)}`,
      ].join('\n'),
      [
        {
          code: 'number-out-of-range',
          line: 1,
          column: 19,
          text: '9007199254740993',
          messageIncludes: 'numbers in conditions are between -9,007,199,254,740,991 and 9,007,199,254,740,991',
        },
        {
          code: 'number-out-of-range',
          line: 1,
          column: 36,
          text: '+1000001',
          messageIncludes: 'a rule gives or takes at most 1,000,000 points',
        },
        { code: 'number-out-of-range', line: 2, column: 14, text: '-2000000' },
        {
          code: 'number-out-of-range',
          line: 2,
          column: 28,
          text: 'max 1000000001',
          messageIncludes: 'a cap is at most 1,000,000,000',
        },
        {
          code: 'number-out-of-range',
          line: 2,
          column: 50,
          text: '876601h',
          messageIncludes: 'longer than 100 years: write at most 876600h',
        },
        { code: 'number-out-of-range', line: 3, column: 7, text: '36526d', messageIncludes: 'at most 36525d' },
        { code: 'number-out-of-range', line: 4, column: 26, text: '5218w', messageIncludes: 'at most 5217w' },
        { code: 'number-out-of-range', line: 5, column: 10, text: 'max 1000000001' },
        { code: 'number-out-of-range', line: 5, column: 49, text: '10000000000000000' },
        {
          code: 'number-out-of-range',
          line: 6,
          column: 11,
          messageIncludes: 'the number 100000000000000000000000000… is too large',
        },
      ],
    );
  });

  it('the compared limit is the largest exact whole number', () => {
    expect(Number.isSafeInteger(MAX_COMPARED)).toBe(true);
    // One more, and two neighbours read as the same number.
    expect(MAX_COMPARED + 1).toBe(MAX_COMPARED + 2);
  });
});
