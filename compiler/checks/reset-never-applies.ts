/** `since last T` on a group of `when` rules only changes nothing: `when` rules read the lead, not its events. */
import { warning } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function resetNeverApplies(ctx: CheckContext): void {
  for (const statement of ctx.file.statements) {
    if (statement.kind !== 'group') continue;
    const reset = statement.resets[0];
    if (!reset || statement.rules.some((r) => r.kind !== 'when')) continue;
    ctx.report(
      warning(
        'reset-never-applies',
        `"since last ${reset.eventType.name}" has no effect: group "${statement.name.name}" has no "on" or "after … inactive" rule (when rules read the lead, not its events)`,
        reset.range,
        { params: { event: reset.eventType.name, group: statement.name.name } },
      ),
    );
  }
}
