import { describe, it } from 'vitest';
import { otherwiseNotLast } from '../../../compiler/checks/otherwise-not-last.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('otherwise-not-last', () => {
  it('accepts otherwise as the last tier', () => {
    expectValid(otherwiseNotLast, `tier MQL >= 60\ntier 低関心 otherwise`);
  });

  it('reports an otherwise followed by another tier, at "otherwise"', () => {
    expectDiagnostics(otherwiseNotLast, `tier 低関心 otherwise\ntier MQL >= 60`, [
      { code: 'otherwise-not-last', line: 1, column: 10, text: 'otherwise', messageIncludes: 'move it to the end' },
    ]);
  });
});
