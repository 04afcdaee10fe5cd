/** Each tier name is used once. */
import { error } from '../../grammar/diagnostic.js';
import type { TierStatement } from '../../grammar/ast.js';
import type { CheckContext } from './context.js';

export function duplicateTier(ctx: CheckContext): void {
  const seen = new Map<string, TierStatement>();
  for (const tier of ctx.tiers) {
    const first = seen.get(tier.name.name);
    if (!first) {
      seen.set(tier.name.name, tier);
      continue;
    }
    ctx.report(
      error(
        'duplicate-tier',
        `tier "${tier.name.name}" is already defined on line ${first.name.range.start.line} — give this tier another name`,
        tier.name.range,
        { params: { name: tier.name.name, line: first.name.range.start.line } },
      ),
    );
  }
}
