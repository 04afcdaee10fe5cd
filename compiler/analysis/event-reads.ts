/**
 * Which properties of which event types a program's scorer reads: the
 * top-level property names in the `where` of each `on TYPE` rule. The event
 * store keeps only these (plus type and at) of the events in an events file:
 * everything else an event carries cannot change a score or a reason.
 */
import { EVENT_ENVELOPE, type Condition, type Path } from '../../grammar/ast.js';
import type { Program } from '../program.js';

/** Event type → the top-level properties its `where` conditions read. */
export type EventReads = ReadonlyMap<string, readonly string[]>;


export function eventReadsOf(program: Program): EventReads {
  const reads = new Map<string, Set<string>>();
  for (const { rule } of program.rules) {
    if (rule.kind !== 'on' || !rule.where) continue;
    const type = rule.eventType.name;
    let names = reads.get(type);
    if (names === undefined) reads.set(type, (names = new Set()));
    const into = names;
    visitPaths(rule.where, (path) => {
      const first = path.segments[0]!.name;
      if (!EVENT_ENVELOPE.has(first)) into.add(first);
    });
  }
  return new Map([...reads].map(([type, names]) => [type, [...names]]));
}

function visitPaths(condition: Condition, visit: (path: Path) => void): void {
  switch (condition.kind) {
    case 'not':
      visitPaths(condition.operand, visit);
      return;
    case 'and':
    case 'or':
      for (const c of condition.operands) visitPaths(c, visit);
      return;
    default:
      visit(condition.path);
  }
}
