/** A group starts over after at most one event type: `since last` once per group. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function duplicateSinceLast(ctx: CheckContext): void {
  for (const statement of ctx.file.statements) {
    if (statement.kind !== 'group') continue;
    const [first, ...rest] = statement.resets;
    for (const reset of rest) {
      ctx.report(
        error(
          'duplicate-since-last',
          `group "${statement.name.name}" already starts over after "${first!.eventType.name}" — keep only one "since last"`,
          reset.range,
          { params: { group: statement.name.name, event: first!.eventType.name } },
        ),
      );
    }
  }
}
