import { modifierOf, type OnRule, type Period } from '../../grammar/ast.js';
import { decayTable } from '../decay-table.js';
import { jsNumber } from './js-literals.js';

/**
 * The version-2 parts of the generated scorer for one `on` rule: what the
 * event loop accumulates for it and how its contribution is computed from
 * that. Decay is a precomputed integer table per rule (a module constant),
 * so scoring does no floating-point arithmetic on points; calendar periods
 * are keys computed from the event's local day (`localDay`, bound to the
 * module's time zone).
 *
 * Plans, by modifiers:
 * - count: no decay, no period cap (version 1: a count of matching events);
 * - latest: decay without each (the most recent matching event's time);
 * - sum: each with decay and/or a period cap (a sum, per period when capped).
 */
export type OnPlan = 'count' | 'latest' | 'sum';

export function planOf(rule: OnRule): OnPlan {
  const decay = modifierOf(rule, 'decay');
  const each = rule.modifiers.some((m) => m.kind === 'each');
  if (!each) return decay ? 'latest' : 'count';
  return decay || modifierOf(rule, 'maxPer') ? 'sum' : 'count';
}

export interface TimeRuleCode {
  /** Declarations before the event loop. */
  readonly declarations: string[];
  /** Statements run for each matching event (inside the loop). */
  readonly onMatch: string[];
  /** Statements after the loop that declare `$r{i}`. */
  readonly contribution: string[];
  /** The period this rule needs the event's key of, if any. */
  readonly period?: Period;
}

export function periodKeyExpr(period: Period): string {
  switch (period) {
    case 'day':
      return '$day';
    case 'week':
      return 'weekOfDay($day)';
    case 'month':
      return 'monthOfDay($day)';
  }
}

/** `value` with its magnitude capped at `limit`, for points of `sign`. */
function capped(value: string, limit: number, sign: number): string {
  if (sign > 0) return `Math.min(${value}, ${jsNumber(limit)})`;
  if (sign < 0) return `Math.max(${value}, ${jsNumber(-limit)})`;
  return value;
}

/** Code for a rule whose plan is not `count`; `declareConstant` adds a module-level constant and returns its name. */
export function timeRuleCode(rule: OnRule, i: number, declareConstant: (code: string) => string): TimeRuleCode {
  const plan = planOf(rule);
  const points = rule.points.value;
  const decay = modifierOf(rule, 'decay');
  const table = decay && decayTable(points, decay.percent);
  const tableName = table && declareConstant(`[${table.slice(0, -1).map(jsNumber).join(', ')}]`);
  const worthOf = (age: string): string =>
    table && decay
      ? `(($k = Math.floor(${age} / ${jsNumber(decay.every.milliseconds)})) < ${table.length - 1} ? ${tableName}[$k] : 0)`
      : jsNumber(points);
  if (plan === 'latest') {
    return {
      declarations: [`let $last${i} = -Infinity;`],
      onMatch: [`if ($at > $last${i}) $last${i} = $at;`],
      contribution: [`const $r${i} = $last${i} === -Infinity ? 0 : ${worthOf(`($now - $last${i})`)} + 0;`],
    };
  }
  const perCap = modifierOf(rule, 'maxPer');
  const cap = modifierOf(rule, 'max');
  const sign = Math.sign(points);
  const total = cap ? capped(`$s${i}`, cap.limit, sign) : `$s${i}`;
  if (!perCap) {
    return {
      declarations: [`let $s${i} = 0;`],
      onMatch: [`$s${i} += ${worthOf('$age')};`],
      contribution: [`const $r${i} = ${total} + 0;`],
    };
  }
  return {
    declarations: [`let $s${i} = 0;`, `let $m${i} = null;`],
    onMatch: [
      `if ($m${i} === null) $m${i} = new Map();`,
      `$key = ${periodKeyExpr(perCap.period)};`,
      `$m${i}.set($key, ($m${i}.get($key) || 0) + ${worthOf('$age')});`,
    ],
    contribution: [
      `if ($m${i} !== null) for (const $v of $m${i}.values()) $s${i} += ${capped('$v', perCap.limit, sign)};`,
      `const $r${i} = ${total} + 0;`,
    ],
    period: perCap.period,
  };
}
