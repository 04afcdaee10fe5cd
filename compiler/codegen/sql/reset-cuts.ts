/**
 * `since last EVENT` groups (language version 2) in SQL: each reset's cut-off
 * is the time of the lead's last event of that type at or before now, added
 * to every event row by the `ls_visible` CTE; a rule of such a group counts
 * only events after its group's cut-off.
 */
import type { GroupStatement } from '../../../grammar/ast.js';
import type { Program } from '../../program.js';
import type { Dialect } from './dialect.js';

/** The cut-off column of each group with `since last`: one per event type, shared by groups resetting on the same type. */
export function resetCutColumns(program: Program): Map<GroupStatement, string> {
  const byType = new Map<string, string>();
  const cuts = new Map<GroupStatement, string>();
  for (const group of program.groups) {
    const reset = group.resets[0];
    if (!reset) continue;
    let name = byType.get(reset.eventType.name);
    if (!name) byType.set(reset.eventType.name, (name = `ls_cut${byType.size}`));
    cuts.set(group, name);
  }
  return cuts;
}

/** The test an event row passes to come after cut-off column `cut` (always, when the lead had no reset event). */
export function afterCutSql(cut: string, d: Dialect): string {
  return `(e.${cut} IS NULL OR ${d.column('e', ['at'])} > e.${cut})`;
}

/** The `ls_visible` CTE: the events up to now, each with every reset's cut-off; undefined without resets. */
export function visibleEventsCte(
  cuts: ReadonlyMap<GroupStatement, string>,
  eventsTable: string,
  d: Dialect,
): string | undefined {
  if (cuts.size === 0) return undefined;
  const at = d.column('e', ['at']);
  const types = new Map<string, string>();
  for (const [group, name] of cuts) types.set(group.resets[0]!.eventType.name, name);
  const cutCols = [...types].map(
    ([type, name]) =>
      `MAX(CASE WHEN ${d.column('e', ['type'])} = ${d.string(type)} THEN ${at} END) OVER (PARTITION BY ${d.column('e', ['lead_id'])}) AS ${name}`,
  );
  return [
    'ls_visible AS (',
    `  SELECT e.*, ${cutCols.join(', ')}`,
    `  FROM ${d.table(eventsTable)} AS e CROSS JOIN ls_params AS p`,
    `  WHERE ${at} <= p.ls_now`,
    ')',
  ].join('\n');
}
