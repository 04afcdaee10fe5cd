import { describe, it } from 'vitest';
import { duplicateSchema } from '../../../compiler/checks/duplicate-schema.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('duplicate-schema', () => {
  it('accepts one schema statement', () => {
    expectValid(duplicateSchema, `schema "./lead.schema.json"\nwhen opted_out -5`);
  });

  it('reports the second schema statement', () => {
    expectDiagnostics(duplicateSchema, `schema "./lead.schema.json"\nschema "./other.schema.json"`, [
      {
        code: 'duplicate-schema',
        line: 2,
        column: 1,
        text: 'schema "./other.schema.json"',
        messageIncludes: 'already named on line 1',
      },
    ]);
  });
});
