import { describe, it } from 'vitest';
import { unreachableTier } from '../../../compiler/checks/unreachable-tier.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('unreachable-tier', () => {
  it('accepts descending thresholds, distinct conditions and a final otherwise', () => {
    expectValid(
      unreachableTier,
      `tier MQL >= 60\ntier 決裁者 when role = 部長\ntier 中関心 >= 30\ntier 役員 when role = 役員\ntier 低関心 otherwise`,
    );
  });

  it('reports a threshold at or above an earlier one', () => {
    expectDiagnostics(unreachableTier, `tier 中関心 >= 30\ntier MQL >= 60\ntier 同じ >= 30`, [
      {
        code: 'unreachable-tier',
        line: 2,
        column: 6,
        text: 'MQL',
        severity: 'warning',
        messageIncludes: 'every score of 60 or more already matches tier "中関心" (>= 30)',
      },
      { code: 'unreachable-tier', line: 3, column: 6, text: '同じ' },
    ]);
  });

  it('reports a condition equal to an earlier one, ignoring parentheses and quotes', () => {
    expectDiagnostics(
      unreachableTier,
      `tier A when role = 部長 and score >= 10\ntier B when (role = "部長") and (score >= 10)`,
      [
        {
          code: 'unreachable-tier',
          line: 2,
          column: 6,
          text: 'B',
          messageIncludes: 'same as that of tier "A" on line 1',
        },
      ],
    );
  });

  it('reports every tier after otherwise', () => {
    expectDiagnostics(unreachableTier, `tier 低関心 otherwise\ntier MQL >= 60\ntier X when opted_out`, [
      {
        code: 'unreachable-tier',
        line: 2,
        column: 6,
        text: 'MQL',
        messageIncludes: 'tier "低関心" above it is "otherwise"',
      },
      { code: 'unreachable-tier', line: 3, column: 6, text: 'X' },
    ]);
  });
});
