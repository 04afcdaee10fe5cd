import { describe, it } from 'vitest';
import { groupShadowsField } from '../../../compiler/checks/group-shadows-field.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('group-shadows-field', () => {
  it('accepts group names that are no lead field', () => {
    expectValid(groupShadowsField, `group 属性 {}\ngroup 行動 {}`);
  });

  it('reports a group named like a lead field', () => {
    expectDiagnostics(groupShadowsField, `group industry { when industry = 製造業 +10 }`, [
      {
        code: 'group-shadows-field',
        line: 1,
        column: 7,
        text: 'industry',
        messageIncludes: 'group "industry" has the name of a lead field',
      },
    ]);
  });

  it('cannot tell without a schema', () => {
    expectValid(groupShadowsField, `group industry {}`, null);
  });
});
