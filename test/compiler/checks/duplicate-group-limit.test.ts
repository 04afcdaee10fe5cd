import { describe, it } from 'vitest';
import { duplicateGroupLimit } from '../../../compiler/checks/duplicate-group-limit.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('duplicate-group-limit', () => {
  it('accepts one max and one min', () => {
    expectValid(duplicateGroupLimit, `group 属性 max 60 min -10 {}`);
  });

  it('reports a second max and a second min', () => {
    expectDiagnostics(duplicateGroupLimit, `group 属性 max 60 min 0 max 50 min -5 {}`, [
      {
        code: 'duplicate-group-limit',
        line: 1,
        column: 23,
        text: 'max 50',
        messageIncludes: 'group "属性" already has a max',
      },
      { code: 'duplicate-group-limit', line: 1, column: 30, text: 'min -5' },
    ]);
  });
});
