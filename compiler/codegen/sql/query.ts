import type { GroupStatement, ListRef, OnRule, Path, Test, Value } from '../../../grammar/ast.js';
import { EVENT_ENVELOPE, modifierOf, pathText } from '../../../grammar/ast.js';
import type { Program, ProgramRule } from '../../program.js';
import { sqlCondition, sqlTest, type SqlConditionScope, type SqlValue } from './conditions.js';
import { dialectNamed, type Dialect } from './dialect.js';
import { kindOf, typeAtPath, type SqlKind } from './kinds.js';
import { SqlGenerationError } from './quoting.js';
import { columnClashMessage, NEEDS_SCHEMA_MESSAGE, untypedMessage } from './target-diagnostics.js';
import { periodCapCtes } from './period-caps.js';
import { afterCutSql, resetCutColumns, visibleEventsCte } from './reset-cuts.js';
import { cappedSql, sqlPlanOf, worthSql } from './time-rules.js';

export interface SqlOptions {
  /** duckdb, postgres, bigquery or snowflake. */
  readonly dialect: string;
  /** The leads table (default `leads`); dots separate schema parts. */
  readonly leadsTable?: string;
  /** The events table (default `events`). */
  readonly eventsTable?: string;
  /** The as-of instant in epoch milliseconds; absent: the dialect's named parameter. */
  readonly asOf?: number;
  /** A leads column to sort the output by (the DuckDB engine keeps input order with it). */
  readonly orderBy?: string;
  /** IANA zone of the calendar periods of `max … per day|week|month`; UTC when absent. */
  readonly timeZone?: string;
}

const HOUR_MS = 3_600_000;
const MISSING: SqlValue = { expr: 'NULL', kind: { kind: 'missing' } };
const NUMBER: SqlKind = { kind: 'number' };

/**
 * The whole program as one SQL query over a `leads` table (one column per
 * field, a nested path is one column named by its dotted path) and an
 * `events` table (`lead_id`, `type`, `at`, one column per property). It
 * returns `id`, `score`, `tier` and one column per group.
 *
 * Shape: `ls_visible` (only with `since last`) adds each reset's cut-off
 * to every event row; `ls_events` aggregates the events per lead in one pass, one
 * conditional count (or sum, or latest time) per `on` / `after … inactive`
 * rule; `ls_p<i>` sums a `max … per` rule per calendar period and caps each
 * period; `ls_rules` joins them to
 * the leads and computes each rule's contribution (and the lead-field tests
 * of tier conditions); `ls_groups` clamps the groups; `ls_scores` adds them
 * up; the final SELECT picks the tier. Rule-file names and values appear only
 * as quoted identifiers and literals (quoting.ts).
 */
export function generateSql(program: Program, options: SqlOptions): string {
  return new SqlGenerator(program, options).query();
}

class SqlGenerator {
  private readonly d: Dialect;
  private readonly hoisted: string[] = [];
  private readonly groupIndex: Map<string, number>;
  private cutColumns?: Map<GroupStatement, string>;

  constructor(
    private readonly program: Program,
    private readonly options: SqlOptions,
  ) {
    this.d = dialectNamed(options.dialect);
    if (!program.schema) {
      throw new SqlGenerationError(NEEDS_SCHEMA_MESSAGE);
    }
    this.groupIndex = new Map(program.groups.map((g, i) => [g.name.name, i] as const));
    this.checkOutputNames();
  }

  query(): string {
    const { d, program } = this;
    const rules = program.rules;
    const now =
      this.options.asOf === undefined ? d.asOfParameter : d.timestamp(new Date(this.options.asOf).toISOString());
    const eventColumns = this.eventColumns();
    const contributions = rules.map((r, i) => `${d.integer(this.contribution(r, i))} AS ls_r${i}`);
    const tier = this.tierExpression();
    const order =
      this.options.orderBy === undefined ? [] : [`${d.column('l', this.options.orderBy.split('.'))} AS ls_order`];
    const ctes: string[] = [`ls_params AS (\n  SELECT ${now} AS ls_now\n)`];
    const hasEvents = eventColumns.length > 0;
    const visible = visibleEventsCte(this.cuts, this.options.eventsTable ?? 'events', d);
    if (visible) ctes.push(visible);
    const periods = periodCapCtes({
      program,
      d,
      timeZone: this.options.timeZone,
      eventsSource: this.eventsSource(),
      matchSql: (rule, i) => this.matchSql(rule, i),
    });
    ctes.push(...periods.ctes);
    const periodJoins = periods.joins;
    if (hasEvents) {
      const at = d.column('e', ['at']);
      ctes.push(
        [
          'ls_events AS (',
          `  SELECT ${d.column('e', ['lead_id'])} AS ls_lead_id,`,
          eventColumns.map((c) => `    ${c}`).join(',\n'),
          `  FROM ${this.eventsSource()} AS e CROSS JOIN ls_params AS p`,
          '  -- An event after the as-of instant does not exist for the run (nor one without a time).',
          `  WHERE ${at} <= p.ls_now`,
          `  GROUP BY ${d.column('e', ['lead_id'])}`,
          ')',
        ].join('\n'),
      );
    }
    const ruleSelect = [
      `${d.column('l', ['id'])} AS ls_id`,
      ...order,
      ...contributions,
      ...this.hoisted.map((t, k) => `${t} AS ls_t${k}`),
    ];
    ctes.push(
      [
        'ls_rules AS (',
        `  SELECT\n${ruleSelect.map((c) => `    ${c}`).join(',\n')}`,
        `  FROM ${d.table(this.options.leadsTable ?? 'leads')} AS l`,
        ...(hasEvents ? [`  LEFT JOIN ls_events AS ev ON ev.ls_lead_id = ${d.column('l', ['id'])}`] : []),
        ...periodJoins,
        // The as-of instant, for the decayed worth of a rule's latest event.
        ...(rules.some((r) => r.rule.kind === 'on' && sqlPlanOf(r.rule) === 'latest')
          ? ['  CROSS JOIN ls_params AS p']
          : []),
        ')',
      ].join('\n'),
    );
    const carried = ['ls_id', ...order.map(() => 'ls_order'), ...this.hoisted.map((_, k) => `ls_t${k}`)];
    const groupCols = program.groups.map((group, g) => {
      const members = rules
        .map((r, i) => (r.group === group ? `r.ls_r${i}` : undefined))
        .filter((x): x is string => x !== undefined);
      let sum = members.length > 0 ? members.join(' + ') : '0';
      // The limits apply in the order written, as in the JavaScript scorer.
      for (const limit of group.limits)
        sum = `${limit.kind === 'max' ? 'LEAST' : 'GREATEST'}(${sum}, ${d.number(limit.value)})`;
      return `${sum} AS ls_g${g}`;
    });
    const ungrouped = rules
      .map((r, i) => (r.group ? undefined : `ls_r${i}`))
      .filter((x): x is string => x !== undefined);
    ctes.push(
      [
        'ls_groups AS (',
        `  SELECT\n${[...carried.map((c) => `r.${c}`), ...groupCols, ...ungrouped.map((c) => `r.${c}`)].map((c) => `    ${c}`).join(',\n')}`,
        '  FROM ls_rules AS r',
        ')',
      ].join('\n'),
    );
    const parts = [...program.groups.map((_, g) => `g.ls_g${g}`), ...ungrouped.map((c) => `g.${c}`)];
    ctes.push(
      [
        'ls_scores AS (',
        `  SELECT g.*, ${parts.length > 0 ? parts.join(' + ') : '0'} AS ls_score`,
        '  FROM ls_groups AS g',
        ')',
      ].join('\n'),
    );
    const finalCols = [
      `s.ls_id AS ${d.ident('id')}`,
      `${d.integer('s.ls_score')} AS ${d.ident('score')}`,
      `${tier} AS ${d.ident('tier')}`,
      ...program.groups.map((group, g) => `${d.integer(`s.ls_g${g}`)} AS ${d.ident(group.name.name)}`),
    ];
    return (
      [
        `-- Generated by leadscore (dialect: ${d.name}). Scores, tiers and group subtotals; for reasons, use leadscore score.`,
        `WITH ${ctes.join(',\n')}`,
        `SELECT\n${finalCols.map((c) => `  ${c}`).join(',\n')}`,
        'FROM ls_scores AS s',
        ...(order.length > 0 ? ['ORDER BY s.ls_order'] : []),
      ].join('\n') + '\n'
    );
  }

  /** One conditional count per `on` rule and per `after … inactive` rule, all in the same scan of the events. */
  private eventColumns(): string[] {
    const { d } = this;
    const now = 'p.ls_now';
    const at = d.column('e', ['at']);
    const columns: string[] = [];
    this.program.rules.forEach(({ rule }, i) => {
      const cut = this.afterCut(i);
      if (rule.kind === 'inactive') {
        columns.push(
          `${d.countIf(`${at} > ${d.hoursBefore(now, hours(rule.duration.milliseconds))}${cut ? ` AND ${cut}` : ''}`)} AS ls_n${i}`,
        );
      } else if (rule.kind === 'on') {
        const test = this.matchSql(rule, i);
        switch (sqlPlanOf(rule)) {
          case 'count':
            columns.push(`${d.countIf(test)} AS ls_n${i}`);
            break;
          case 'latest':
            columns.push(`MAX(CASE WHEN ${test} THEN ${at} END) AS ls_last${i}`);
            break;
          case 'sum':
            columns.push(`SUM(CASE WHEN ${test} THEN ${worthSql(rule, at, now, d)} ELSE 0 END) AS ls_s${i}`);
            break;
          case 'periods':
            break; // its own CTE, ls_p<i>
        }
      }
    });
    return columns;
  }

  /** The test an event passes to count for `on` rule i: type, where, within and, in a reset group, after the cut-off. */
  private matchSql(rule: OnRule, i: number): string {
    const { d } = this;
    const at = d.column('e', ['at']);
    const tests = [`${d.column('e', ['type'])} = ${d.string(rule.eventType.name)}`];
    if (rule.where) tests.push(sqlCondition(rule.where, this.eventScope(rule), d));
    const within = rule.modifiers.find((m) => m.kind === 'within');
    // Age strictly below D: now - at < D, i.e. at > now - D.
    if (within) tests.push(`${at} > ${d.hoursBefore('p.ls_now', hours(within.duration.milliseconds))}`);
    const cut = this.afterCut(i);
    if (cut) tests.push(cut);
    return tests.join(' AND ');
  }

  /** The reset cut-off column of each group with `since last` (reset-cuts.ts). */
  private get cuts(): Map<GroupStatement, string> {
    return (this.cutColumns ??= resetCutColumns(this.program));
  }

  private afterCut(i: number): string | undefined {
    const group = this.program.rules[i]!.group;
    const cut = group && this.cuts.get(group);
    return cut && afterCutSql(cut, this.d);
  }

  private eventsSource(): string {
    return this.cuts.size > 0 ? 'ls_visible' : this.d.table(this.options.eventsTable ?? 'events');
  }

  private contribution(r: ProgramRule, i: number): string {
    const { d } = this;
    const { rule } = r;
    const points = d.number(rule.points.value);
    const n = `COALESCE(ev.ls_n${i}, 0)`;
    switch (rule.kind) {
      case 'when':
        return `CASE WHEN ${sqlCondition(rule.condition, this.leadScope(), d)} THEN ${points} ELSE 0 END`;
      case 'inactive':
        return `CASE WHEN ${n} > 0 THEN 0 ELSE ${points} END`;
      case 'on': {
        const plan = sqlPlanOf(rule);
        if (plan !== 'count') {
          const cap = modifierOf(rule, 'max');
          if (plan === 'latest') return `COALESCE(${worthSql(rule, `ev.ls_last${i}`, 'p.ls_now', d)}, 0)`;
          const total = plan === 'sum' ? `COALESCE(ev.ls_s${i}, 0)` : `COALESCE(lp${i}.ls_v, 0)`;
          return cap ? cappedSql(total, cap.limit, rule.points.value, d) : total;
        }
        if (!rule.modifiers.some((m) => m.kind === 'each')) return `CASE WHEN ${n} > 0 THEN ${points} ELSE 0 END`;
        const max = rule.modifiers.find((m) => m.kind === 'max');
        if (!max) return `${n} * ${points}`;
        // `each max M` caps the magnitude, for deductions too.
        const capped = `LEAST(${n} * ${d.number(Math.abs(rule.points.value))}, ${d.number(max.limit)})`;
        return rule.points.value < 0 ? `(0 - ${capped})` : capped;
      }
    }
  }

  private tierExpression(): string {
    const { d } = this;
    const branches: string[] = [];
    let otherwise: string | undefined;
    for (const tier of this.program.tiers) {
      const name = d.string(tier.name.name);
      if (tier.test.kind === 'otherwise') {
        otherwise = name;
        break;
      }
      const test =
        tier.test.kind === 'threshold'
          ? `s.ls_score >= ${d.number(tier.test.threshold.value)}`
          : sqlCondition(tier.test.condition, this.tierScope(), d);
      branches.push(`WHEN ${test} THEN ${name}`);
    }
    const fallback = otherwise ?? d.nullString;
    return branches.length === 0 ? fallback : `CASE ${branches.join(' ')} ELSE ${fallback} END`;
  }

  private leadScope(): SqlConditionScope {
    return { value: (path) => this.leadValue(path), items: (list) => this.items(list) };
  }

  private eventScope(rule: OnRule): SqlConditionScope {
    const type = this.program.schema!.events.get(rule.eventType.name);
    return {
      value: (path) => {
        if (EVENT_ENVELOPE.has(path.segments[0]!.name)) return MISSING;
        const names = path.segments.map((s) => s.name);
        return this.read(
          'e',
          names,
          kindOf(typeAtPath(type, names)),
          path,
          `property "${pathText(path)}" of ${rule.eventType.name} events`,
        );
      },
      items: (list) => this.items(list),
    };
  }

  /** In a tier condition, `score` and group names come before lead fields; lead-field tests are computed in ls_rules. */
  private tierScope(): SqlConditionScope {
    const isTotal = (path: Path): boolean => {
      const first = path.segments[0]!.name;
      return first === 'score' || this.groupIndex.has(first);
    };
    return {
      value: (path) => {
        if (!isTotal(path) || path.segments.length > 1) return MISSING;
        const first = path.segments[0]!.name;
        return { expr: first === 'score' ? 's.ls_score' : `s.ls_g${this.groupIndex.get(first)!}`, kind: NUMBER };
      },
      items: (list) => this.items(list),
      test: (test: Test) => {
        if (isTotal(test.path)) return undefined;
        this.hoisted.push(sqlTest(test, this.leadScope(), this.d));
        return `s.ls_t${this.hoisted.length - 1}`;
      },
    };
  }

  private leadValue(path: Path): SqlValue {
    const names = path.segments.map((s) => s.name);
    return this.read(
      'l',
      names,
      kindOf(typeAtPath(this.program.schema!.lead, names)),
      path,
      `field "${pathText(path)}"`,
    );
  }

  private read(alias: string, names: readonly string[], kind: SqlKind | undefined, path: Path, what: string): SqlValue {
    const { d } = this;
    if (kind === undefined) {
      throw new SqlGenerationError(`line ${path.range.start.line}: ${untypedMessage(what)}`);
    }
    const column = d.column(alias, names);
    switch (kind.kind) {
      case 'number':
        return { expr: d.asNumber(column), kind };
      case 'string':
        return { expr: d.asString(column), kind };
      case 'boolean':
        return { expr: d.asBoolean(column), kind };
      default:
        return { expr: column, kind };
    }
  }

  private items(list: ListRef): readonly Value[] {
    return list.kind === 'identifier' ? (this.program.lists.get(list.name)?.items ?? []) : list.items;
  }

  /** Output columns are id, score, tier and the groups; some warehouses compare column names without regard to case. */
  private checkOutputNames(): void {
    const seen = new Map<string, string>([
      ['id', 'id'],
      ['score', 'score'],
      ['tier', 'tier'],
    ]);
    for (const group of this.program.groups) {
      const key = group.name.name.toLowerCase();
      const other = seen.get(key);
      if (other !== undefined) {
        throw new SqlGenerationError(`line ${group.range.start.line}: ${columnClashMessage(group.name.name, other)}`);
      }
      seen.set(key, group.name.name);
    }
  }
}

function hours(milliseconds: number): number {
  return milliseconds / HOUR_MS;
}
