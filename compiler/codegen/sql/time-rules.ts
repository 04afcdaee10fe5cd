import { modifierOf, type OnRule, type Period } from '../../../grammar/ast.js';
import { decayTable } from '../../decay-table.js';
import type { Dialect } from './dialect.js';

/**
 * The version-2 pieces of the SQL target. Decay is the rule's precomputed
 * integer table written as a CASE over the event's age (`at > now - (k+1)·D`
 * means fewer than k+1 full steps), so no engine divides or rounds; calendar
 * periods are the local date in the query's time zone (Dialect.localDate),
 * truncated to its Monday or its 1st.
 */

const HOUR_MS = 3_600_000;

/** Mirrors the JavaScript scorer's plans (js-time-rules.ts). */
export type SqlOnPlan = 'count' | 'latest' | 'sum' | 'periods';

export function sqlPlanOf(rule: OnRule): SqlOnPlan {
  const each = rule.modifiers.some((m) => m.kind === 'each');
  const decay = modifierOf(rule, 'decay');
  if (!each) return decay ? 'latest' : 'count';
  if (modifierOf(rule, 'maxPer')) return 'periods';
  return decay ? 'sum' : 'count';
}

/** The worth of one event at `at` (a decayed table entry, or the points). */
export function worthSql(rule: OnRule, at: string, now: string, d: Dialect): string {
  const decay = modifierOf(rule, 'decay');
  if (!decay) return d.number(rule.points.value);
  const table = decayTable(rule.points.value, decay.percent).slice(0, -1);
  if (table.length === 0) return '0';
  const steps = table.map(
    (v, k) => `WHEN ${at} > ${d.hoursBefore(now, ((k + 1) * decay.every.milliseconds) / HOUR_MS)} THEN ${d.number(v)}`,
  );
  return `(CASE ${steps.join(' ')} ELSE 0 END)`;
}

/** `value` with its magnitude capped at `limit`, for points of the rule's sign. */
export function cappedSql(value: string, limit: number, points: number, d: Dialect): string {
  if (points > 0) return `LEAST(${value}, ${d.number(limit)})`;
  if (points < 0) return `GREATEST(${value}, ${d.number(-limit)})`;
  return value;
}

/** The key of the calendar period of `at` in `zone` (a quoted literal). */
export function periodKeySql(period: Period, at: string, zone: string, d: Dialect): string {
  const date = d.localDate(at, zone);
  switch (period) {
    case 'day':
      return date;
    case 'week':
      return d.weekStart(date);
    case 'month':
      return d.monthStart(date);
  }
}
