import { EVENT_ENVELOPE, type Condition, type Path } from '../../grammar/ast.js';
import { forEachTest } from '../../grammar/visit.js';
import type { Program } from '../program.js';
import { kindOf, typeAtPath, type SqlKind } from '../codegen/sql/kinds.js';

/** A path the query reads, with the kind the schema gives it (arrays need a LIST column in the input views). */
export interface UsedPath {
  readonly segments: readonly string[];
  readonly kind?: SqlKind;
}

/**
 * The lead fields and event properties a program reads: the input views
 * expose exactly these columns (plus id, lead_id, type and at), so a file
 * does not need the columns the rules never look at.
 */
export function usedPaths(program: Program): { lead: UsedPath[]; events: UsedPath[] } {
  const lead = new Map<string, UsedPath>();
  const events = new Map<string, UsedPath>();
  const schema = program.schema;
  const addLead = (path: Path): void => {
    const segments = path.segments.map((s) => s.name);
    lead.set(segments.join('.'), { segments, ...withKind(kindOf(typeAtPath(schema?.lead, segments))) });
  };
  const groups = new Set(program.groups.map((g) => g.name.name));
  for (const { rule } of program.rules) {
    if (rule.kind === 'when') walk(rule.condition, addLead);
    if (rule.kind === 'on' && rule.where) {
      const type = schema?.events.get(rule.eventType.name);
      walk(rule.where, (path) => {
        const segments = path.segments.map((s) => s.name);
        if (EVENT_ENVELOPE.has(segments[0]!)) return;
        const key = segments.join('.');
        const kind = kindOf(typeAtPath(type, segments));
        // A property that is an array for any event type is read as a list.
        if (!events.has(key) || kind?.kind === 'array') events.set(key, { segments, ...withKind(kind) });
      });
    }
  }
  for (const tier of program.tiers) {
    if (tier.test.kind !== 'when') continue;
    walk(tier.test.condition, (path) => {
      const first = path.segments[0]!.name;
      if (first !== 'score' && !groups.has(first)) addLead(path);
    });
  }
  lead.delete('id');
  return { lead: [...lead.values()], events: [...events.values()] };
}

function withKind(kind: SqlKind | undefined): { kind?: SqlKind } {
  return kind ? { kind } : {};
}

/** Calls `visit` with the path of every test of `condition`. */
function walk(condition: Condition, visit: (path: Path) => void): void {
  forEachTest(condition, (test) => visit(test.path));
}
