/** `max` caps a per-event score, so an `on` rule with `max` also has `each`. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function maxWithoutEach(ctx: CheckContext): void {
  for (const { rule } of ctx.rules) {
    if (rule.kind !== 'on' || rule.modifiers.some((m) => m.kind === 'each')) continue;
    // A second `max` is a duplicate-modifier error; the first is enough here.
    const modifier = rule.modifiers.find((m) => m.kind === 'max');
    if (modifier?.kind === 'max') {
      const points = `${rule.points.value < 0 ? '-' : '+'}${Math.abs(rule.points.value)}`;
      ctx.report(
        error(
          'max-without-each',
          `"max" needs "each": write "${points} each max ${modifier.limit}" to cap a per-event score`,
          modifier.range,
          { params: { points, limit: modifier.limit } },
        ),
      );
    }
  }
}
