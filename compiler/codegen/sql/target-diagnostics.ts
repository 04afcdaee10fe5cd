/**
 * What the SQL target needs of a rule file beyond the checker: a schema, one
 * type for every path it reads (a warehouse column has one type), and group
 * names that stay distinct as output columns. Reported as diagnostics with
 * ranges, all of them, before any SQL is generated; the generator still
 * refuses (SqlGenerationError) if called without looking.
 */
import { EVENT_ENVELOPE, pathText, type Path } from '../../../grammar/ast.js';
import { error, type Diagnostic, type DiagnosticParams } from '../../../grammar/diagnostic.js';
import { conditionOfRule, forEachTest } from '../../../grammar/visit.js';
import type { FieldType } from '../../schema/model.js';
import type { Program } from '../../program.js';
import { kindOf, typeAtPath } from './kinds.js';

export const NEEDS_SCHEMA_MESSAGE =
  'the SQL target needs the rule file to name a schema (schema "./lead.schema.json"): a warehouse column has one type, and the schema says which';

export function sqlTargetDiagnostics(program: Program): Diagnostic[] {
  const schema = program.schema;
  if (!schema) return [error('sql-needs-schema', NEEDS_SCHEMA_MESSAGE, program.file.range, { params: {} })];
  const problems: Diagnostic[] = [];
  /** `params` name the path for translations: `path`, and `event` for an event property. */
  const needType = (root: FieldType | undefined, path: Path, what: string, params: DiagnosticParams): void => {
    if (
      kindOf(
        typeAtPath(
          root,
          path.segments.map((s) => s.name),
        ),
      ) !== undefined
    )
      return;
    problems.push(error('sql-untyped-path', untypedMessage(what), path.range, { params }));
  };
  for (const { rule } of program.rules) {
    const site = conditionOfRule(rule);
    if (!site) continue;
    const scope = site.scope;
    forEachTest(site.condition, ({ path }) => {
      if (scope.kind === 'lead') needType(schema.lead, path, `field "${pathText(path)}"`, { path: pathText(path) });
      else if (!EVENT_ENVELOPE.has(path.segments[0]!.name)) {
        needType(
          schema.events.get(scope.eventType),
          path,
          `property "${pathText(path)}" of ${scope.eventType} events`,
          {
            path: pathText(path),
            event: scope.eventType,
          },
        );
      }
      return undefined;
    });
  }
  const groups = new Set(program.groups.map((g) => g.name.name));
  for (const tier of program.tiers) {
    if (tier.test.kind !== 'when') continue;
    forEachTest(tier.test.condition, ({ path }) => {
      const first = path.segments[0]!.name;
      if (first !== 'score' && !groups.has(first))
        needType(schema.lead, path, `field "${pathText(path)}"`, { path: pathText(path) });
      return undefined;
    });
  }
  const seen = new Map<string, string>([
    ['id', 'id'],
    ['score', 'score'],
    ['tier', 'tier'],
  ]);
  for (const group of program.groups) {
    const key = group.name.name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined)
      problems.push(
        error('sql-column-clash', columnClashMessage(group.name.name, other), group.name.range, {
          params: { group: group.name.name, other },
        }),
      );
    else seen.set(key, group.name.name);
  }
  return problems;
}

export function untypedMessage(what: string): string {
  return `the ${what} has no single type in the schema; the SQL target reads each column as one type, so give it "type": "string", "number", "integer", "boolean" or "array"`;
}

export function columnClashMessage(group: string, other: string): string {
  return `the group "${group}" would be an output column named like "${other}" (warehouses compare column names regardless of case); rename the group`;
}
