/**
 * Structural equality of conditions, ignoring ranges, parentheses and how a
 * value was written (`部長` equals `"部長"`, `1.0` equals `1`). Shared by the
 * checks that find repeated conditions; not a check itself.
 */
import type { Condition, Duration, ListRef, Path, Value } from '../../grammar/ast.js';

export function samePath(a: Path, b: Path): boolean {
  return a.segments.length === b.segments.length && a.segments.every((s, i) => s.name === b.segments[i]?.name);
}

export function sameValue(a: Value, b: Value): boolean {
  return a.kind === b.kind && a.value === b.value;
}

export function sameListRef(a: ListRef, b: ListRef): boolean {
  if (a.kind === 'identifier' || b.kind === 'identifier') {
    return a.kind === 'identifier' && b.kind === 'identifier' && a.name === b.name;
  }
  return (
    a.items.length === b.items.length &&
    a.items.every((item, i) => {
      const other = b.items[i];
      return other !== undefined && sameValue(item, other);
    })
  );
}

export function sameDuration(a: Duration | undefined, b: Duration | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.milliseconds === b.milliseconds;
}

export function sameCondition(a: Condition | undefined, b: Condition | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  switch (a.kind) {
    case 'compare':
      return b.kind === 'compare' && a.op === b.op && samePath(a.path, b.path) && sameValue(a.value, b.value);
    case 'in':
      return b.kind === 'in' && a.negated === b.negated && samePath(a.path, b.path) && sameListRef(a.list, b.list);
    case 'contains':
      return b.kind === 'contains' && samePath(a.path, b.path) && sameValue(a.value, b.value);
    case 'isSet':
      return b.kind === 'isSet' && a.negated === b.negated && samePath(a.path, b.path);
    case 'truthy':
      return b.kind === 'truthy' && samePath(a.path, b.path);
    case 'not':
      return b.kind === 'not' && sameCondition(a.operand, b.operand);
    case 'and':
    case 'or':
      return (
        b.kind === a.kind &&
        a.operands.length === b.operands.length &&
        a.operands.every((operand, i) => sameCondition(operand, b.operands[i]))
      );
  }
}
