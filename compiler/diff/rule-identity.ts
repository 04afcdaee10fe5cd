import type { Rule } from '../../grammar/ast.js';
import { printCondition } from '../../grammar/print.js';

/**
 * What makes two rules "the same rule" across versions, independent of
 * layout: its condition (for `on` rules the event type and `where`; for
 * `after … inactive` the duration). Points, modifiers and labels are what a
 * change changes; they are not part of the identity.
 */
export function conditionKey(rule: Rule): string {
  switch (rule.kind) {
    case 'when':
      return `when ${printCondition(rule.condition)}`;
    case 'on':
      return `on ${rule.eventType.name}${rule.where ? ` where ${printCondition(rule.where)}` : ''}`;
    case 'inactive':
      return `after ${rule.duration.milliseconds}ms inactive`;
  }
}

/** The modifiers of an `on` rule in a canonical order, for comparing. */
export function modifierText(rule: Rule): string {
  if (rule.kind !== 'on') return '';
  const each = rule.modifiers.some((m) => m.kind === 'each') ? 'each' : '';
  const max = rule.modifiers.find((m) => m.kind === 'max');
  const within = rule.modifiers.find((m) => m.kind === 'within');
  return [each, max ? `max ${max.limit}` : '', within ? `within ${within.duration.amount}${within.duration.unit}` : '']
    .filter(Boolean)
    .join(' ');
}
