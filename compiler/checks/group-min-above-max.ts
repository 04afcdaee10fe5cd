/** A group's `min` is not above its `max`. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function groupMinAboveMax(ctx: CheckContext): void {
  for (const statement of ctx.file.statements) {
    if (statement.kind !== 'group') continue;
    const max = statement.limits.find((l) => l.kind === 'max');
    const min = statement.limits.find((l) => l.kind === 'min');
    if (!max || !min || min.value <= max.value) continue;
    ctx.report(
      error(
        'group-min-above-max',
        `group "${statement.name.name}" has min ${min.value} above its max ${max.value} — lower the min or raise the max`,
        min.range,
        { params: { group: statement.name.name, min: min.value, max: max.value } },
      ),
    );
  }
}
