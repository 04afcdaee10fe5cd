import {
  pathText,
  type Condition,
  type ListRef,
  type Modifier,
  type Points,
  type Rule,
  type TierName,
  type TierStatement,
  type Value,
} from './ast.js';
import { quoteString } from './strings.js';

/**
 * Prints AST pieces back as source text in the canonical spelling: one space
 * around operators, lists with ", ", strings with the canonical escapes, and
 * parentheses exactly where the source had them, so reading the text back
 * gives the same tree.
 */

export function printValue(value: Value): string {
  switch (value.kind) {
    case 'number':
      return value.raw;
    case 'boolean':
      return value.value ? 'true' : 'false';
    case 'string':
      return value.quoted ? quoteString(value.value) : value.value;
  }
}

export function printList(list: ListRef): string {
  return list.kind === 'identifier' ? list.name : `[${list.items.map(printValue).join(', ')}]`;
}

export function printCondition(condition: Condition): string {
  const text = printBare(condition);
  return condition.parenthesized ? `(${text})` : text;
}

function printBare(c: Condition): string {
  switch (c.kind) {
    case 'or':
      return c.operands.map(printCondition).join(' or ');
    case 'and':
      return c.operands.map(printCondition).join(' and ');
    case 'not':
      return `not ${printCondition(c.operand)}`;
    case 'compare':
      return `${pathText(c.path)} ${c.op} ${printValue(c.value)}`;
    case 'in':
      return `${pathText(c.path)} ${c.negated ? 'not in' : 'in'} ${printList(c.list)}`;
    case 'contains':
      return `${pathText(c.path)} contains ${printValue(c.value)}`;
    case 'isSet':
      return `${pathText(c.path)} is ${c.negated ? 'not set' : 'set'}`;
    case 'truthy':
      return pathText(c.path);
  }
}

export function printPoints(points: Points): string {
  return points.value > 0 || Object.is(points.value, 0) ? `+${points.value}` : `-${Math.abs(points.value)}`;
}

function printModifier(m: Modifier): string {
  switch (m.kind) {
    case 'each':
      return 'each';
    case 'max':
      return `max ${m.limit}`;
    case 'within':
      return `within ${m.duration.amount}${m.duration.unit}`;
  }
}

/** A rule in two parts, so a block of rules can align its points. */
export function printRuleParts(rule: Rule): { head: string; tail: string } {
  const label = rule.label ? ` ${quoteString(rule.label.text)}` : '';
  switch (rule.kind) {
    case 'when':
      return { head: `when ${printCondition(rule.condition)}`, tail: `${printPoints(rule.points)}${label}` };
    case 'on': {
      const where = rule.where ? ` where ${printCondition(rule.where)}` : '';
      const modifiers = rule.modifiers.map((m) => ` ${printModifier(m)}`).join('');
      return { head: `on ${rule.eventType.name}${where}`, tail: `${printPoints(rule.points)}${modifiers}${label}` };
    }
    case 'inactive':
      return {
        head: `after ${rule.duration.amount}${rule.duration.unit} inactive`,
        tail: `${printPoints(rule.points)}${label}`,
      };
  }
}

export function printRule(rule: Rule): string {
  const { head, tail } = printRuleParts(rule);
  return `${head} ${tail}`;
}

export function printTierName(name: TierName): string {
  return name.quoted ? quoteString(name.name) : name.name;
}

export function printTier(tier: TierStatement): string {
  const test = tier.test;
  const rest =
    test.kind === 'threshold'
      ? `>= ${test.threshold.raw}`
      : test.kind === 'when'
        ? `when ${printCondition(test.condition)}`
        : 'otherwise';
  return `tier ${printTierName(tier.name)} ${rest}`;
}
