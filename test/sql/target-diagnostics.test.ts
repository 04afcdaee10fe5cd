import { describe, expect, test } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { sqlTargetDiagnostics } from '../../compiler/codegen/sql/target-diagnostics.js';

function programOf(rules: string, schema?: object) {
  const checked = checkSource(rules, {
    readSchema: (file) => (schema ? { file, text: JSON.stringify(schema) } : undefined),
  });
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checked.program!;
}

const SCHEMA = {
  lead: { type: 'object', properties: { id: { type: 'string' }, note: {}, size: { type: 'integer' } } },
  events: { visit: { type: 'object', properties: { tag: {} } } },
};

describe('the SQL target reports what it needs of a rule file as diagnostics', () => {
  test('every untyped path and every clashing group, each at its range', () => {
    const source = [
      'schema "./lead.schema.json"',
      'when note contains "x" +1',
      'on visit where tag = "a" +1',
      'group Score { when size > 1 +1 }',
      'tier A when note is set',
    ].join('\n');
    const found = sqlTargetDiagnostics(programOf(source, SCHEMA)).map((d) => [
      d.code,
      d.range.start.line,
      d.range.start.column,
    ]);
    expect(found).toEqual([
      ['sql-untyped-path', 2, 6],
      ['sql-untyped-path', 3, 16],
      ['sql-untyped-path', 5, 13],
      ['sql-column-clash', 4, 7],
    ]);
  });

  test('a file without a schema', () => {
    const [only, ...rest] = sqlTargetDiagnostics(programOf('when size > 1 +1\n'));
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      code: 'sql-needs-schema',
      severity: 'error',
      range: { start: { line: 1, column: 1 } },
    });
  });

  test('nothing for a file the target can generate', () => {
    expect(sqlTargetDiagnostics(programOf('schema "./lead.schema.json"\nwhen size > 1 +1\n', SCHEMA))).toEqual([]);
  });
});
