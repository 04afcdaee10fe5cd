/** `max M per day|week|month` caps the sum of each period's events, so like `max` it needs `each`. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function perWithoutEach(ctx: CheckContext): void {
  for (const { rule } of ctx.rules) {
    if (rule.kind !== 'on' || rule.modifiers.some((m) => m.kind === 'each')) continue;
    const modifier = rule.modifiers.find((m) => m.kind === 'maxPer');
    if (modifier?.kind !== 'maxPer') continue;
    const points = `${rule.points.value < 0 ? '-' : '+'}${Math.abs(rule.points.value)}`;
    ctx.report(
      error(
        'per-without-each',
        `"max ${modifier.limit} per ${modifier.period}" needs "each": write "${points} each max ${modifier.limit} per ${modifier.period}" to count every event up to ${modifier.limit} points a ${modifier.period}`,
        modifier.range,
        { params: { limit: modifier.limit, period: modifier.period, points } },
      ),
    );
  }
}
