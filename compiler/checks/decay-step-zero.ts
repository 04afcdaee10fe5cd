/** `decay R% every D` needs a step longer than zero (an event's age is divided by it). */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function decayStepZero(ctx: CheckContext): void {
  for (const { rule } of ctx.rules) {
    if (rule.kind !== 'on') continue;
    for (const modifier of rule.modifiers) {
      if (modifier.kind !== 'decay' || modifier.every.milliseconds > 0) continue;
      ctx.report(
        error(
          'decay-step-zero',
          `"every ${modifier.every.amount}${modifier.every.unit}" is no time at all: write how often the points fade, such as every 30d`,
          modifier.every.range,
          {
            suggestions: ['30d'],
            params: { step: `${modifier.every.amount}${modifier.every.unit}` },
          },
        ),
      );
    }
  }
}
