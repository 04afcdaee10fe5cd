/**
 * A `$ref` that comes back to itself without going into a property or an
 * item (`"a": {"$ref": "#/$defs/a"}`, or `a` → `allOf: [b]` → `a`) describes
 * nothing: checking a value against it never ends, and the validator
 * overflows its stack. A reference through `properties` or `items` (a tree
 * of comments, `"$ref": "#"` for a nested record) is fine: each step goes one
 * level into the data. Browser-safe.
 */
import { own, resolvePointer } from './field-type.js';

/** Keywords whose subschemas apply to the same value (no step into the data). */
const SAME_VALUE_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SAME_VALUE_ONE = ['not', 'if', 'then', 'else'];

/** The `$ref` texts of the first loop found in `schema` (from any of its subschemas), in order; undefined when there is none. */
export function findRefLoop(schema: object, root: object): string[] | undefined {
  const state = new Map<object, 'open' | 'done'>();
  // Every object of the schema is a possible start (a loop can hide under `properties`); iteratively, as below.
  const starts: unknown[] = [schema];
  while (starts.length > 0) {
    const value = starts.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) starts.push(...value);
    else {
      starts.push(...Object.values(value));
      if (!state.has(value)) {
        const loop = loopFrom(value, root, state);
        if (loop !== undefined) return loop;
      }
    }
  }
  return undefined;
}

/** Depth-first search along same-value edges, without recursion: a chain of thousands of references must not overflow either. */
function loopFrom(start: object, root: object, state: Map<object, 'open' | 'done'>): string[] | undefined {
  const stack: { node: object; next: { node: object; ref?: string }[]; ref?: string }[] = [];
  const push = (node: object, ref?: string): void => {
    state.set(node, 'open');
    stack.push({ node, next: sameValueChildren(node, root), ...(ref !== undefined && { ref }) });
  };
  push(start);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const child = top.next.pop();
    if (child === undefined) {
      state.set(top.node, 'done');
      stack.pop();
      continue;
    }
    const seen = state.get(child.node);
    if (seen === 'open') {
      const at = stack.findIndex((f) => f.node === child.node);
      return [...stack.slice(at + 1).map((f) => f.ref), child.ref].filter((r): r is string => r !== undefined);
    }
    if (seen === undefined) push(child.node, child.ref);
  }
  return undefined;
}

function sameValueChildren(node: object, root: object): { node: object; ref?: string }[] {
  const out: { node: object; ref?: string }[] = [];
  const add = (value: unknown, ref?: string): void => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      out.push({ node: value, ...(ref !== undefined && { ref }) });
  };
  const ref = own(node, '$ref');
  if (typeof ref === 'string') add(resolvePointer(root, ref), ref);
  for (const key of SAME_VALUE_LISTS) {
    const list = own(node, key);
    if (Array.isArray(list)) list.forEach((item) => add(item));
  }
  for (const key of SAME_VALUE_ONE) add(own(node, key));
  return out;
}
