import { describe, it } from 'vitest';
import { duplicateTier } from '../../../compiler/checks/duplicate-tier.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('duplicate-tier', () => {
  it('accepts distinct tier names', () => {
    expectValid(duplicateTier, `tier MQL >= 60\ntier 中関心 >= 30\ntier 低関心 otherwise`);
  });

  it('reports a repeat, quoted or not, at its name', () => {
    expectDiagnostics(duplicateTier, `tier MQL >= 60\ntier "MQL" >= 30`, [
      {
        code: 'duplicate-tier',
        line: 2,
        column: 6,
        text: '"MQL"',
        messageIncludes: 'tier "MQL" is already defined on line 1',
      },
    ]);
  });
});
