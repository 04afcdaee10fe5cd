import { describe, it } from 'vitest';
import { schemaAfterRule } from '../../../compiler/checks/schema-after-rule.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('schema-after-rule', () => {
  it('accepts a schema before the rules, even after lets, empty groups and tiers', () => {
    expectValid(
      schemaAfterRule,
      `let 決裁者 = [役員]\ngroup 空 {}\ntier A >= 1\nschema "./lead.schema.json"\nwhen opted_out -5`,
    );
  });

  it('reports a schema after a rule, also one inside a group', () => {
    expectDiagnostics(schemaAfterRule, `group 属性 {\n  when opted_out -5\n}\nschema "./lead.schema.json"`, [
      {
        code: 'schema-after-rule',
        line: 4,
        column: 1,
        text: 'schema "./lead.schema.json"',
        messageIncludes: 'a rule starts on line 2',
      },
    ]);
  });
});
