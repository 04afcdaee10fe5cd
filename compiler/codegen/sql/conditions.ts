import type { Condition, ListRef, Path, Test, Value } from '../../../grammar/ast.js';
import type { Dialect } from './dialect.js';
import type { SqlKind } from './kinds.js';

/**
 * Conditions as SQL boolean expressions with the language's two-valued
 * logic. SQL compares NULL to UNKNOWN, and `NOT UNKNOWN` is UNKNOWN, so
 * `not (role = 部長)` would drop a lead without a role; here every test is
 * wrapped so that it is TRUE or FALSE, never NULL, and `NOT`/`AND`/`OR` over
 * such tests are ordinary logic, exactly as in the JavaScript scorer.
 */

/** A value already read as its kind (through the dialect's safe cast); NULL means missing. */
export interface SqlValue {
  readonly expr: string;
  readonly kind: SqlKind;
}

export interface SqlConditionScope {
  value(path: Path): SqlValue;
  /** The items of a list (a `let` list resolved). */
  items(list: ListRef): readonly Value[];
  /** Replaces a whole test when it returns a string: tier conditions read lead-field tests computed earlier. */
  test?(test: Test): string | undefined;
}

export function sqlCondition(condition: Condition, scope: SqlConditionScope, d: Dialect): string {
  switch (condition.kind) {
    case 'not':
      return `(NOT ${sqlCondition(condition.operand, scope, d)})`;
    case 'and':
      return `(${condition.operands.map((c) => sqlCondition(c, scope, d)).join(' AND ')})`;
    case 'or':
      return `(${condition.operands.map((c) => sqlCondition(c, scope, d)).join(' OR ')})`;
    default:
      return scope.test?.(condition) ?? sqlTest(condition, scope, d);
  }
}

const TRUE = 'TRUE';
const FALSE = 'FALSE';

/** One test, never NULL. */
export function sqlTest(test: Test, scope: SqlConditionScope, d: Dialect): string {
  const { expr: v, kind } = scope.value(test.path);
  if (kind.kind === 'missing') return test.kind === 'isSet' && test.negated ? TRUE : FALSE;
  const present = `(${v} IS NOT NULL)`;
  switch (test.kind) {
    case 'truthy':
      return kind.kind === 'boolean' ? `COALESCE(${v}, FALSE)` : FALSE;
    case 'isSet':
      return test.negated ? `(${v} IS NULL)` : present;
    case 'compare': {
      const fits = kind.kind === test.value.kind;
      if (test.op === '=') return fits ? `COALESCE(${v} = ${literal(test.value, d)}, FALSE)` : FALSE;
      // `!=` needs a present value; a value of another type is never equal.
      if (test.op === '!=') return fits ? `COALESCE(${v} <> ${literal(test.value, d)}, FALSE)` : present;
      // Ordering compares numbers only.
      return fits && kind.kind === 'number' ? `COALESCE(${v} ${test.op} ${literal(test.value, d)}, FALSE)` : FALSE;
    }
    case 'in': {
      // Only the list's items of the field's own type can equal the value.
      const matching = dedupe(
        scope
          .items(test.list)
          .filter((item) => item.kind === kind.kind)
          .map((item) => literal(item, d)),
      );
      const member = matching.length > 0 ? `COALESCE(${v} IN (${matching.join(', ')}), FALSE)` : FALSE;
      if (!test.negated) return member;
      return matching.length > 0 ? `(${present} AND NOT ${member})` : present;
    }
    case 'contains': {
      const value = test.value;
      if (kind.kind === 'string') {
        if (value.kind !== 'string') return FALSE;
        // Every text contains the empty string; said directly, as substring functions differ on ''.
        return value.value === '' ? present : `COALESCE(${d.hasSubstring(v, literal(value, d))}, FALSE)`;
      }
      if (kind.kind === 'array') {
        if (kind.items !== undefined && kind.items !== value.kind) return FALSE;
        return `COALESCE(${d.arrayHas(v, literal(value, d))}, FALSE)`;
      }
      return FALSE;
    }
  }
}

export function literal(value: Value, d: Dialect): string {
  switch (value.kind) {
    case 'number':
      return d.number(value.value);
    case 'string':
      return d.string(value.value);
    case 'boolean':
      return value.value ? TRUE : FALSE;
  }
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}
