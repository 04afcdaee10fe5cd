import { describe, it } from 'vitest';
import { duplicateGroup } from '../../../compiler/checks/duplicate-group.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('duplicate-group', () => {
  it('accepts distinct group names', () => {
    expectValid(duplicateGroup, `group 属性 { when opted_out -5 }\ngroup 行動 { on form_reach +40 }`);
  });

  it('reports every repeat at its name', () => {
    expectDiagnostics(duplicateGroup, `group 属性 {}\ngroup 行動 {}\ngroup 属性 {}\ngroup 属性 max 3 {}`, [
      {
        code: 'duplicate-group',
        line: 3,
        column: 7,
        text: '属性',
        messageIncludes: 'group "属性" is already defined on line 1',
      },
      { code: 'duplicate-group', line: 4, column: 7, text: '属性' },
    ]);
  });
});
