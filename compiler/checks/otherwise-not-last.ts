/** `otherwise` matches every lead, so it is the last tier. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function otherwiseNotLast(ctx: CheckContext): void {
  ctx.tiers.forEach((tier, i) => {
    if (tier.test.kind !== 'otherwise' || i === ctx.tiers.length - 1) return;
    ctx.report(
      error(
        'otherwise-not-last',
        `"otherwise" must be the last tier: tier "${tier.name.name}" matches every lead, so no tier after it can match — move it to the end`,
        tier.test.range,
        { params: { tier: tier.name.name } },
      ),
    );
  });
}
