/** `decay … every D` with `within D2` and D >= D2 never fades anything: every matching event is younger than one step. */
import { modifierOf } from '../../grammar/ast.js';
import { warning } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function decayNeverApplies(ctx: CheckContext): void {
  for (const { rule } of ctx.rules) {
    if (rule.kind !== 'on') continue;
    const decay = modifierOf(rule, 'decay');
    const within = modifierOf(rule, 'within');
    if (!decay || !within || decay.every.milliseconds <= 0 || decay.every.milliseconds < within.duration.milliseconds)
      continue;
    const step = `${decay.every.amount}${decay.every.unit}`;
    const window = `${within.duration.amount}${within.duration.unit}`;
    ctx.report(
      warning(
        'decay-never-applies',
        `"decay ${decay.percent}% every ${step}" never takes effect: "within ${window}" only counts events younger than ${step} — use a shorter step or a longer window`,
        decay.range,
        { params: { percent: decay.percent, step, window } },
      ),
    );
  }
}
