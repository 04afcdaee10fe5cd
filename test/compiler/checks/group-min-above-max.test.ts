import { describe, it } from 'vitest';
import { groupMinAboveMax } from '../../../compiler/checks/group-min-above-max.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('group-min-above-max', () => {
  it('accepts min at or below max', () => {
    expectValid(groupMinAboveMax, `group A max 20 min -10 {}\ngroup B min 5 max 5 {}\ngroup C min 50 {}`);
  });

  it('reports a min above the max, at the min', () => {
    expectDiagnostics(groupMinAboveMax, `group 属性 max 20 min 30 {}`, [
      {
        code: 'group-min-above-max',
        line: 1,
        column: 17,
        text: 'min 30',
        messageIncludes: 'group "属性" has min 30 above its max 20',
      },
    ]);
  });
});
