import { describe, it } from 'vitest';
import { noSchema } from '../../../compiler/checks/no-schema.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('no-schema', () => {
  it('accepts a file with a schema statement', () => {
    expectValid(noSchema, `# comment\nschema "./lead.schema.json"\nwhen opted_out -5`, null);
  });

  it('warns at the start of a file without one', () => {
    expectDiagnostics(
      noSchema,
      `# comment\nwhen opted_out -5`,
      [
        {
          code: 'no-schema',
          line: 1,
          column: 1,
          text: '',
          severity: 'warning',
          messageIncludes: 'nothing is type-checked; add schema "./lead.schema.json"',
        },
      ],
      null,
    );
  });

  it('warns for an empty file too', () => {
    expectDiagnostics(noSchema, ``, [{ code: 'no-schema', line: 1, column: 1 }], null);
  });
});
