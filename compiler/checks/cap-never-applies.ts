/**
 * `max M per P` beside a plain `max M2` with M >= M2 never changes a score:
 * a period over M already puts the total over M2, which the plain max caps.
 */
import { modifierOf } from '../../grammar/ast.js';
import { warning } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function capNeverApplies(ctx: CheckContext): void {
  for (const { rule } of ctx.rules) {
    if (rule.kind !== 'on') continue;
    const perCap = modifierOf(rule, 'maxPer');
    const cap = modifierOf(rule, 'max');
    if (!perCap || !cap || perCap.limit < cap.limit) continue;
    ctx.report(
      warning(
        'cap-never-applies',
        `"max ${perCap.limit} per ${perCap.period}" never takes effect: "max ${cap.limit}" caps the whole rule lower — lower the per-${perCap.period} cap or remove it`,
        perCap.range,
        { params: { perLimit: perCap.limit, period: perCap.period, limit: cap.limit } },
      ),
    );
  }
}
