/** No rule repeats another rule's condition exactly (same `when` condition; same event, `where` and `within`; same inactivity). */
import { warning } from '../../grammar/diagnostic.js';
import type { Duration, Rule } from '../../grammar/ast.js';
import type { Range } from '../../grammar/range.js';
import { spanning } from '../../grammar/range.js';
import type { CheckContext } from './context.js';
import { sameCondition, sameDuration } from './equality.js';

function within(rule: Rule): Duration | undefined {
  if (rule.kind !== 'on') return undefined;
  for (const m of rule.modifiers) if (m.kind === 'within') return m.duration;
  return undefined;
}

function sameTrigger(a: Rule, b: Rule): boolean {
  switch (a.kind) {
    case 'when':
      return b.kind === 'when' && sameCondition(a.condition, b.condition);
    case 'on':
      return (
        b.kind === 'on' &&
        a.eventType.name === b.eventType.name &&
        sameCondition(a.where, b.where) &&
        sameDuration(within(a), within(b))
      );
    case 'inactive':
      return b.kind === 'inactive' && sameDuration(a.duration, b.duration);
  }
}

/** The part of the rule that is its condition. */
function conditionRange(rule: Rule): Range {
  switch (rule.kind) {
    case 'when':
      return rule.condition.range;
    case 'on':
      return rule.where ? spanning(rule.eventType.range, rule.where.range) : rule.eventType.range;
    case 'inactive':
      return rule.duration.range;
  }
}

export function duplicateCondition(ctx: CheckContext): void {
  const distinct: Rule[] = [];
  for (const { rule } of ctx.rules) {
    const earlier = distinct.find((r) => sameTrigger(r, rule));
    if (!earlier) {
      distinct.push(rule);
      continue;
    }
    const label = earlier.label ? ` ("${earlier.label.text}")` : '';
    ctx.report(
      warning(
        'duplicate-condition',
        `this rule repeats the condition of the rule on line ${earlier.range.start.line}${label} — both score the same leads; merge them into one rule or change one condition`,
        conditionRange(rule),
        { params: { line: earlier.range.start.line, ...(earlier.label && { label: earlier.label.text }) } },
      ),
    );
  }
}
