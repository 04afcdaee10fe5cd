/**
 * `max N per day|week|month` rules (language version 2) in SQL: one CTE per
 * rule, `ls_p<i>`, sums the rule's (decayed) worth per lead and calendar
 * period in the run's time zone, caps each period, and sums the periods.
 */
import type { OnRule } from '../../../grammar/ast.js';
import { modifierOf } from '../../../grammar/ast.js';
import type { Program } from '../../program.js';
import type { Dialect } from './dialect.js';
import { cappedSql, periodKeySql, sqlPlanOf, worthSql } from './time-rules.js';

export interface PeriodCapInputs {
  readonly program: Program;
  readonly d: Dialect;
  /** IANA zone of the calendar periods; UTC when absent. */
  readonly timeZone: string | undefined;
  /** The events relation to read (`ls_visible` when the program has resets). */
  readonly eventsSource: string;
  /** The test an event passes to count for `on` rule i. */
  readonly matchSql: (rule: OnRule, i: number) => string;
}

/** The CTEs of the program's `max … per` rules, and the joins that bring them into ls_rules. */
export function periodCapCtes({ program, d, timeZone, eventsSource, matchSql }: PeriodCapInputs): {
  ctes: string[];
  joins: string[];
} {
  const ctes: string[] = [];
  const joins: string[] = [];
  const zone = d.string(timeZone ?? 'UTC');
  const at = d.column('e', ['at']);
  program.rules.forEach(({ rule }, i) => {
    if (rule.kind !== 'on' || sqlPlanOf(rule) !== 'periods') return;
    const perCap = modifierOf(rule, 'maxPer')!;
    ctes.push(
      [
        `ls_p${i} AS (`,
        `  SELECT x.ls_lead_id, SUM(${cappedSql('x.ls_s', perCap.limit, rule.points.value, d)}) AS ls_v`,
        '  FROM (',
        `    SELECT ${d.column('e', ['lead_id'])} AS ls_lead_id, SUM(${worthSql(rule, at, 'p.ls_now', d)}) AS ls_s`,
        `    FROM ${eventsSource} AS e CROSS JOIN ls_params AS p`,
        `    WHERE ${at} <= p.ls_now AND ${matchSql(rule, i)}`,
        `    GROUP BY ${d.column('e', ['lead_id'])}, ${periodKeySql(perCap.period, at, zone, d)}`,
        '  ) AS x',
        '  GROUP BY x.ls_lead_id',
        ')',
      ].join('\n'),
    );
    joins.push(`  LEFT JOIN ls_p${i} AS lp${i} ON lp${i}.ls_lead_id = ${d.column('l', ['id'])}`);
  });
  return { ctes, joins };
}
