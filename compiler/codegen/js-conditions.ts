import type { Condition, ListRef, Path, Test, Value } from '../../grammar/ast.js';
import { jsNumber, jsString, jsValue } from './js-literals.js';

/**
 * Conditions as JavaScript expressions over already-read values. `valueOf`
 * maps a path to the local variable holding its value (undefined and null
 * both mean missing), so each field is read once per lead or event.
 */
export interface ConditionScope {
  valueOf(path: Path): string;
  /** The module-level constant holding a list as a Set. */
  setOf(list: ListRef): string;
}

export function jsCondition(condition: Condition, scope: ConditionScope): string {
  switch (condition.kind) {
    case 'not':
      return `!${jsCondition(condition.operand, scope)}`;
    case 'and':
      return `(${condition.operands.map((c) => jsCondition(c, scope)).join(' && ')})`;
    case 'or':
      return `(${condition.operands.map((c) => jsCondition(c, scope)).join(' || ')})`;
    default:
      return jsTest(condition, scope);
  }
}

function jsTest(test: Test, scope: ConditionScope): string {
  const x = scope.valueOf(test.path);
  switch (test.kind) {
    case 'truthy':
      return `(${x} === true)`;
    case 'isSet':
      return test.negated ? `(${x} == null)` : `(${x} != null)`;
    case 'in':
      return test.negated
        ? `(${x} != null && !${scope.setOf(test.list)}.has(${x}))`
        : `${scope.setOf(test.list)}.has(${x})`;
    case 'contains':
      return jsContains(x, test.value);
    case 'compare':
      return jsCompare(x, test.op, test.value);
  }
}

function jsContains(x: string, value: Value): string {
  const v = jsValue(value.value);
  if (value.kind === 'string')
    return `(typeof ${x} === "string" ? ${x}.includes(${v}) : Array.isArray(${x}) && ${x}.includes(${v}))`;
  return `(Array.isArray(${x}) && ${x}.includes(${v}))`;
}

function jsCompare(x: string, op: string, value: Value): string {
  const v = jsValue(value.value);
  switch (op) {
    case '=':
      return `(${x} === ${v})`;
    case '!=':
      return `(${x} != null && ${x} !== ${v})`;
    default:
      // Ordering compares numbers only; against anything else it is false.
      return value.kind === 'number' ? `(typeof ${x} === "number" && ${x} ${op} ${jsNumber(value.value)})` : 'false';
  }
}

/** The Set literal for a list's values (`new Set(["役員", "部長"])`). */
export function jsSetLiteral(values: readonly Value[]): string {
  return `new Set([${values.map((v) => (v.kind === 'string' ? jsString(v.value) : jsValue(v.value))).join(', ')}])`;
}
