/** `decay R% every D` takes away between 1 and 100 percent per step. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function decayPercentRange(ctx: CheckContext): void {
  for (const { rule } of ctx.rules) {
    if (rule.kind !== 'on') continue;
    for (const modifier of rule.modifiers) {
      if (modifier.kind !== 'decay' || (modifier.percent >= 1 && modifier.percent <= 100)) continue;
      const fix = modifier.percent < 1 ? '1%' : '100%';
      ctx.report(
        error(
          'decay-percent-range',
          `decay ${modifier.percent}% is outside 1%–100%: write how much of the points fade per step, such as decay 50% (100% drops them to 0 after one step)`,
          modifier.percentRange,
          { suggestions: [fix], params: { percent: modifier.percent } },
        ),
      );
    }
  }
}
