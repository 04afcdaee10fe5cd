/** A group's `max` is not smaller than any of its rules' points (nor its `min` above a negative rule's points), or the cap cuts that rule short. */
import { warning } from '../../grammar/diagnostic.js';
import type { Rule } from '../../grammar/ast.js';
import type { CheckContext } from './context.js';

/** The params naming the rule the cap cuts short. */
function ruleParams(rule: Rule): { points: string; line: number; label?: string } {
  const points = `${rule.points.value < 0 ? '-' : '+'}${Math.abs(rule.points.value)}`;
  return { points, line: rule.range.start.line, ...(rule.label && { label: rule.label.text }) };
}

function describe(rule: Rule): string {
  const points = `${rule.points.value < 0 ? '-' : '+'}${Math.abs(rule.points.value)}`;
  const label = rule.label ? ` ("${rule.label.text}")` : '';
  return `the ${points} of the rule on line ${rule.range.start.line}${label}`;
}

export function groupMaxBelowPoints(ctx: CheckContext): void {
  for (const group of ctx.file.statements) {
    if (group.kind !== 'group') continue;
    const name = `group "${group.name.name}"`;
    const max = group.limits.find((l) => l.kind === 'max');
    if (max) {
      const over = group.rules.filter((r) => r.points.value > max.value);
      const worst = over.reduce<Rule | undefined>((a, r) => (!a || r.points.value > a.points.value ? r : a), undefined);
      if (worst) {
        ctx.report(
          warning(
            'group-max-below-points',
            `${name} max ${max.value} is smaller than ${describe(worst)} — the cap cuts that rule short; raise the max or lower the points`,
            max.range,
            { params: { kind: 'max', group: group.name.name, limit: max.value, ...ruleParams(worst) } },
          ),
        );
      }
    }
    const min = group.limits.find((l) => l.kind === 'min');
    if (min) {
      const under = group.rules.filter((r) => r.points.value < 0 && r.points.value < min.value);
      const worst = under.reduce<Rule | undefined>(
        (a, r) => (!a || r.points.value < a.points.value ? r : a),
        undefined,
      );
      if (worst) {
        ctx.report(
          warning(
            'group-max-below-points',
            `${name} min ${min.value} is above ${describe(worst)} — the floor cuts that rule short; lower the min or raise the points`,
            min.range,
            { params: { kind: 'min', group: group.name.name, limit: min.value, ...ruleParams(worst) } },
          ),
        );
      }
    }
  }
}
