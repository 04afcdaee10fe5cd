/**
 * Numbers every engine computes exactly and alike. Scores are sums of
 * points times event counts: JavaScript adds exactly up to 2^53, the SQL
 * target in BIGINT, and DuckDB's INTERVAL and JavaScript milliseconds hold
 * durations of centuries. Within these limits a lead can have billions of
 * counted events before a sum leaves that range; beyond them two engines
 * could score the same lead differently, or one could stop with an overflow.
 */
import type { Duration, Value } from '../../grammar/ast.js';
import { error, type DiagnosticParams } from '../../grammar/diagnostic.js';
import type { Range } from '../../grammar/range.js';
import type { CheckContext } from './context.js';

/** Largest size of a rule's points (`+1000000`, `-1000000`). */
export const MAX_POINTS = 1_000_000;
/** Largest size of a cap: `each max M`, a group's `max` and `min`. */
export const MAX_LIMIT = 1_000_000_000;
/** Longest duration: 100 years of 365.25 days. */
export const MAX_DURATION_DAYS = 36_525;
/** Largest size of a number compared with a field or the score: every whole number up to it is exact. */
export const MAX_COMPARED = Number.MAX_SAFE_INTEGER;

const DAY_MS = 86_400_000;
const fmt = (n: number): string => n.toLocaleString('en-US');

export function numberRange(ctx: CheckContext): void {
  const report = (message: string, range: Range, params: DiagnosticParams): void =>
    ctx.report(error('number-out-of-range', message, range, { params }));
  const duration = (d: Duration): void => {
    if (d.milliseconds <= MAX_DURATION_DAYS * DAY_MS) return;
    const most = { h: MAX_DURATION_DAYS * 24, d: MAX_DURATION_DAYS, w: Math.floor(MAX_DURATION_DAYS / 7) }[d.unit];
    report(
      `the duration ${d.amount}${d.unit} is longer than 100 years: write at most ${most}${d.unit} (${fmt(MAX_DURATION_DAYS)} days)`,
      d.range,
      { kind: 'duration', duration: `${d.amount}${d.unit}`, most: `${most}${d.unit}`, days: MAX_DURATION_DAYS },
    );
  };
  for (const { rule } of ctx.rules) {
    const p = rule.points.value;
    if (Math.abs(p) > MAX_POINTS) {
      report(
        `points ${p < 0 ? '-' : '+'}${fmt(Math.abs(p))} are too large: a rule gives or takes at most ${fmt(MAX_POINTS)} points, from -${MAX_POINTS} to +${MAX_POINTS}`,
        rule.points.range,
        { kind: 'points', points: `${p < 0 ? '-' : '+'}${Math.abs(p)}`, most: MAX_POINTS },
      );
    }
    if (rule.kind === 'inactive') duration(rule.duration);
    if (rule.kind !== 'on') continue;
    for (const m of rule.modifiers) {
      if (m.kind === 'within') duration(m.duration);
      if (m.kind === 'max' && Math.abs(m.limit) > MAX_LIMIT)
        report(`max ${fmt(m.limit)} is too large: a cap is at most ${fmt(MAX_LIMIT)}`, m.range, {
          kind: 'cap',
          limit: m.limit,
          most: MAX_LIMIT,
        });
    }
  }
  for (const statement of ctx.file.statements) {
    if (statement.kind === 'group') {
      for (const limit of statement.limits) {
        if (Math.abs(limit.value) > MAX_LIMIT)
          report(
            `${limit.kind} ${fmt(limit.value)} is too large: a group's max and min are between -${fmt(MAX_LIMIT)} and ${fmt(MAX_LIMIT)}`,
            limit.range,
            { kind: 'group-limit', keyword: limit.kind, limit: limit.value, most: MAX_LIMIT },
          );
      }
    }
    if (statement.kind === 'tier' && statement.test.kind === 'threshold') compared(statement.test.threshold, report);
    if (statement.kind === 'let') for (const item of statement.list.items) compared(item, report);
  }
  for (const { test } of ctx.tests) {
    if (test.kind === 'compare' || test.kind === 'contains') compared(test.value, report);
    if (test.kind === 'in' && test.list.kind === 'list') for (const item of test.list.items) compared(item, report);
  }
}

function compared(value: Value, report: (message: string, range: Range, params: DiagnosticParams) => void): void {
  if (value.kind !== 'number' || Math.abs(value.value) <= MAX_COMPARED) return;
  const shown = value.raw.length > 30 ? `${value.raw.slice(0, 27)}…` : value.raw;
  report(
    `the number ${shown} is too large to compare exactly: numbers in conditions are between -${fmt(MAX_COMPARED)} and ${fmt(MAX_COMPARED)}`,
    value.range,
    { kind: 'compared', number: shown, most: MAX_COMPARED },
  );
}
