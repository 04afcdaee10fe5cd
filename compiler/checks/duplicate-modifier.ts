/** An `on` rule writes each of `each`, `max` and `within` at most once. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function duplicateModifier(ctx: CheckContext): void {
  for (const { rule } of ctx.rules) {
    if (rule.kind !== 'on') continue;
    const seen = new Set<string>();
    for (const modifier of rule.modifiers) {
      if (!seen.has(modifier.kind)) {
        seen.add(modifier.kind);
        continue;
      }
      ctx.report(
        error(
          'duplicate-modifier',
          `"${modifier.kind}" is written twice on this rule — keep only one`,
          modifier.range,
          { params: { modifier: modifier.kind } },
        ),
      );
    }
  }
}
