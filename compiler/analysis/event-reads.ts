/**
 * Which properties of which event types a program's scorer reads: the
 * top-level property names in the `where` of each `on TYPE` rule. The event
 * store keeps only these (plus type and at) of the events in an events file:
 * everything else an event carries cannot change a score or a reason.
 */
import { EVENT_ENVELOPE } from '../../grammar/ast.js';
import { forEachTest } from '../../grammar/visit.js';
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
    forEachTest(rule.where, ({ path }) => {
      const first = path.segments[0]!.name;
      if (!EVENT_ENVELOPE.has(first)) into.add(first);
      return undefined;
    });
  }
  return new Map([...reads].map(([type, names]) => [type, [...names]]));
}
