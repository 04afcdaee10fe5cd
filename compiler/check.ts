/**
 * The checker: runs every check of `compiler/checks/` over a parsed rule file
 * and returns the diagnostics in file order. Without a schema only the checks
 * that need no types report anything (each check decides for itself).
 */
import type { RuleFile } from '../grammar/ast.js';
import type { Diagnostic } from '../grammar/diagnostic.js';
import { sortDiagnostics } from '../grammar/diagnostic.js';
import type { SchemaModel } from './schema/model.js';
import type { CheckContext } from './checks/context.js';
import { createContext } from './checks/context.js';
import { duplicateCondition } from './checks/duplicate-condition.js';
import { duplicateGroup } from './checks/duplicate-group.js';
import { duplicateGroupLimit } from './checks/duplicate-group-limit.js';
import { duplicateLet } from './checks/duplicate-let.js';
import { duplicateModifier } from './checks/duplicate-modifier.js';
import { duplicateSchema } from './checks/duplicate-schema.js';
import { duplicateTier } from './checks/duplicate-tier.js';
import { enumValue } from './checks/enum-value.js';
import { groupMaxBelowPoints } from './checks/group-max-below-points.js';
import { groupMinAboveMax } from './checks/group-min-above-max.js';
import { groupShadowsField } from './checks/group-shadows-field.js';
import { maxWithoutEach } from './checks/max-without-each.js';
import { noSchema } from './checks/no-schema.js';
import { operatorType } from './checks/operator-type.js';
import { otherwiseNotLast } from './checks/otherwise-not-last.js';
import { schemaAfterRule } from './checks/schema-after-rule.js';
import { unknownEventProperty } from './checks/unknown-event-property.js';
import { unknownEventType } from './checks/unknown-event-type.js';
import { unknownField } from './checks/unknown-field.js';
import { unknownList } from './checks/unknown-list.js';
import { unreachableTier } from './checks/unreachable-tier.js';
import { valueType } from './checks/value-type.js';

export type Check = (ctx: CheckContext) => void;

/** Every check, by the code it reports. */
export const CHECKS: Readonly<Record<string, Check>> = {
  // statements
  'no-schema': noSchema,
  'duplicate-schema': duplicateSchema,
  'schema-after-rule': schemaAfterRule,
  'duplicate-let': duplicateLet,
  'duplicate-group': duplicateGroup,
  'group-shadows-field': groupShadowsField,
  'duplicate-group-limit': duplicateGroupLimit,
  'group-min-above-max': groupMinAboveMax,
  'group-max-below-points': groupMaxBelowPoints,
  // rules
  'max-without-each': maxWithoutEach,
  'duplicate-modifier': duplicateModifier,
  'duplicate-condition': duplicateCondition,
  // names and types in conditions
  'unknown-field': unknownField,
  'unknown-event-type': unknownEventType,
  'unknown-event-property': unknownEventProperty,
  'unknown-list': unknownList,
  'operator-type': operatorType,
  'value-type': valueType,
  'enum-value': enumValue,
  // tiers
  'duplicate-tier': duplicateTier,
  'otherwise-not-last': otherwiseNotLast,
  'unreachable-tier': unreachableTier,
};

/**
 * Type findings are errors only "with a schema" (docs/language.md#15-diagnostics). Without one,
 * the same findings (e.g. `where type = …`, which is always missing, or
 * `score >= 高`, which is always false) are warnings: the program is valid
 * and keeps its meaning.
 */
const TYPE_CODES: ReadonlySet<string> = new Set([
  'unknown-field',
  'unknown-event-type',
  'unknown-event-property',
  'operator-type',
  'value-type',
  'enum-value',
]);

/** Checks a parsed rule file against its schema (undefined when the file names none or it could not be loaded). */
export function checkRules(
  file: RuleFile,
  schema: SchemaModel | undefined,
  checks: readonly Check[] = Object.values(CHECKS),
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const ctx = createContext(file, schema, (d) => {
    // A `let` list used twice with one field would report its elements twice.
    const key = `${d.code}\u0000${d.range.start.offset}\u0000${d.range.end.offset}\u0000${d.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push(!schema && d.severity === 'error' && TYPE_CODES.has(d.code) ? { ...d, severity: 'warning' } : d);
  });
  for (const check of checks) check(ctx);
  return sortDiagnostics(diagnostics);
}
