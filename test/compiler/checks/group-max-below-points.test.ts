import { describe, it } from 'vitest';
import { groupMaxBelowPoints } from '../../../compiler/checks/group-max-below-points.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('group-max-below-points', () => {
  it('accepts rules within the limits', () => {
    expectValid(
      groupMaxBelowPoints,
      `group 属性 max 60 min -20 {\n  when employees >= 100 +20\n  when opted_out -20\n  on email_open +5 each max 100\n}`,
    );
  });

  it('reports a max below the largest positive points, at the max', () => {
    expectDiagnostics(
      groupMaxBelowPoints,
      `group 属性 max 20 {\n  when employees >= 100 +30\n  when role = 部長 +40 "決裁者層"\n}`,
      [
        {
          code: 'group-max-below-points',
          line: 1,
          column: 10,
          text: 'max 20',
          severity: 'warning',
          messageIncludes: 'group "属性" max 20 is smaller than the +40 of the rule on line 3 ("決裁者層")',
        },
      ],
    );
  });

  it("reports a min above a negative rule's points, at the min", () => {
    expectDiagnostics(groupMaxBelowPoints, `group 減点 min -10 {\n  when opted_out -30\n}`, [
      {
        code: 'group-max-below-points',
        line: 1,
        column: 10,
        text: 'min -10',
        messageIncludes: 'min -10 is above the -30 of the rule on line 2',
      },
    ]);
  });
});
