/** `on T` inside a group that starts over after T never scores: the group's rules never see a T event. */
import { warning } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function resetHidesRule(ctx: CheckContext): void {
  for (const { rule, group } of ctx.rules) {
    const reset = group?.resets[0];
    if (rule.kind !== 'on' || !reset || reset.eventType.name !== rule.eventType.name) continue;
    ctx.report(
      warning(
        'reset-hides-rule',
        `this rule never scores: group "${group!.name.name}" starts over after each "${reset.eventType.name}" event and never sees the event itself — move the rule out of the group`,
        rule.eventType.range,
        { params: { group: group!.name.name, event: reset.eventType.name } },
      ),
    );
  }
}
