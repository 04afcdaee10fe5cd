/**
 * Assembles the KPI report from scored observations: pure, browser-safe, so
 * the playground can build the same report the CLI prints. Every figure that
 * cannot be measured (an empty denominator) is null, never NaN or Infinity.
 *
 * MQL is the **first tier** of the rule file (tiers are tried top to bottom,
 * so the first is the hottest): the MQL→opportunity rate (商談化率) is the
 * share of converted leads among the leads in that tier, and its complement,
 * the missed opportunities, is the share of all converted leads that were
 * not in it.
 */
import { compareCohorts } from './cohort.js';
import {
  auc,
  criterionText,
  decileBands,
  histogram,
  rate,
  recommendThreshold,
  thresholdTable,
  type Criterion,
  type HistogramBin,
  type Recommendation,
  type ScoreBand,
  type ThresholdRow,
} from '../statistics/metrics.js';
import type { Observation, RuleInfo, TierInfo } from '../statistics/observation.js';
import { ruleStats, type RuleStats } from './rule-stats.js';

export interface ReportMeta {
  readonly rulesFile: string;
  readonly leadsFile: string;
  readonly eventsFile?: string;
  /** The as-of instant as ISO 8601. */
  readonly asOf: string;
  readonly timeZone: string;
  /** The outcome field, or null when the report has no outcomes. */
  readonly outcomeField: string | null;
  readonly byField: string | null;
}

export interface ReportInput {
  readonly meta: ReportMeta;
  readonly rules: readonly RuleInfo[];
  readonly tiers: readonly TierInfo[];
  readonly observations: readonly Observation[];
  readonly criterion: Criterion;
  /** Leads whose outcome value could not be read (taken as not converted). */
  readonly unreadableOutcomes?: number;
  /** An example of an unreadable outcome value, for the warning. */
  readonly unreadableExample?: string;
}

export interface TierRow {
  /** null: the leads no tier matched. */
  readonly name: string | null;
  readonly threshold: number | null;
  readonly count: number;
  readonly share: number | null;
  readonly converted: number;
  /** Conversion rate of the tier. */
  readonly rate: number | null;
  /** Share of all leads with score >= threshold (threshold tiers only). */
  readonly reachedShare: number | null;
}

export interface MqlKpis {
  readonly tier: string;
  readonly threshold: number | null;
  readonly count: number;
  readonly share: number | null;
  readonly converted: number;
  /** MQL→opportunity rate (商談化率): converted MQLs ÷ MQLs. */
  readonly opportunityRate: number | null;
  /** Converted leads that were not MQLs. */
  readonly missed: number;
  /** missed ÷ all converted leads: the opportunities the MQL definition missed. */
  readonly missedShare: number | null;
}

export interface Kpis {
  readonly leads: number;
  readonly converted: number | null;
  readonly conversionRate: number | null;
  readonly tiers: readonly TierRow[];
  readonly mql: MqlKpis | null;
  readonly auc: number | null;
  readonly recommendation: Recommendation | null;
}

export interface CohortKpis extends Kpis {
  readonly cohort: string;
}

export interface ReportWarning {
  readonly code:
    'no-leads' | 'few-leads' | 'no-conversions' | 'all-converted' | 'no-tiers' | 'single-tier' | 'unreadable-outcome';
  readonly message: string;
  readonly messageJa: string;
}

export interface Report {
  readonly meta: ReportMeta & { readonly criterion: string };
  readonly kpis: Kpis;
  readonly histogram: readonly HistogramBin[];
  readonly bands: readonly ScoreBand[] | null;
  readonly thresholds: readonly ThresholdRow[] | null;
  readonly rules: readonly RuleStats[] | null;
  readonly cohorts: readonly CohortKpis[] | null;
  readonly warnings: readonly ReportWarning[];
}

/** Fewer leads than this: the report says its figures are not meaningful. */
export const FEW_LEADS = 30;

export function buildReport(input: ReportInput): Report {
  const { observations: obs, tiers, criterion } = input;
  const hasOutcome = input.meta.outcomeField !== null;
  const scores = obs.map((o) => o.score);
  const labels = obs.map((o) => o.converted);
  const kpis = computeKpis(obs, tiers, hasOutcome, criterion);
  const cohorts = input.meta.byField === null ? null : cohortKpis(obs, tiers, hasOutcome, criterion);
  return {
    meta: { ...input.meta, criterion: criterionText(criterion) },
    kpis,
    histogram: histogram(scores, labels),
    bands: hasOutcome ? decileBands(scores, labels) : null,
    thresholds: hasOutcome ? thresholdTable(scores, labels) : null,
    rules: hasOutcome ? ruleStats(input.rules, obs) : null,
    cohorts,
    warnings: warningsFor(input, kpis),
  };
}

export function computeKpis(
  obs: readonly Observation[],
  tiers: readonly TierInfo[],
  hasOutcome: boolean,
  criterion: Criterion,
): Kpis {
  const n = obs.length;
  let converted = 0;
  for (const o of obs) if (o.converted) converted++;
  const rows = tierRows(obs, tiers);
  const first = tiers[0];
  let mql: MqlKpis | null = null;
  if (first) {
    const row = rows.find((r) => r.name === first.name)!;
    const missed = converted - row.converted;
    mql = {
      tier: first.name,
      threshold: first.threshold,
      count: row.count,
      share: row.share,
      converted: row.converted,
      opportunityRate: hasOutcome ? row.rate : null,
      missed: hasOutcome ? missed : 0,
      missedShare: hasOutcome ? rate(missed, converted) : null,
    };
  }
  const scores = obs.map((o) => o.score);
  const labels = obs.map((o) => o.converted);
  return {
    leads: n,
    converted: hasOutcome ? converted : null,
    conversionRate: hasOutcome ? rate(converted, n) : null,
    tiers: hasOutcome ? rows : rows.map((r) => ({ ...r, rate: null })),
    mql,
    auc: hasOutcome ? auc(scores, labels) : null,
    recommendation: hasOutcome ? recommendThreshold(thresholdTable(scores, labels), criterion) : null,
  };
}

function tierRows(obs: readonly Observation[], tiers: readonly TierInfo[]): TierRow[] {
  const n = obs.length;
  const count = (name: string | null): [number, number] => {
    let c = 0;
    let conv = 0;
    for (const o of obs) {
      if (o.tier !== name) continue;
      c++;
      if (o.converted) conv++;
    }
    return [c, conv];
  };
  const rows: TierRow[] = tiers.map((t) => {
    const [c, conv] = count(t.name);
    let reached = 0;
    if (t.threshold !== null) for (const o of obs) if (o.score >= t.threshold) reached++;
    return {
      name: t.name,
      threshold: t.threshold,
      count: c,
      share: rate(c, n),
      converted: conv,
      rate: rate(conv, c),
      reachedShare: t.threshold === null ? null : rate(reached, n),
    };
  });
  const [none, noneConv] = count(null);
  if (none > 0)
    rows.push({
      name: null,
      threshold: null,
      count: none,
      share: rate(none, n),
      converted: noneConv,
      rate: rate(noneConv, none),
      reachedShare: null,
    });
  return rows;
}

function cohortKpis(
  obs: readonly Observation[],
  tiers: readonly TierInfo[],
  hasOutcome: boolean,
  criterion: Criterion,
): CohortKpis[] {
  const groups = new Map<string, Observation[]>();
  for (const o of obs) {
    const key = o.cohort ?? '';
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(o);
  }
  return [...groups.keys()]
    .sort(compareCohorts)
    .map((cohort) => ({ cohort, ...computeKpis(groups.get(cohort)!, tiers, hasOutcome, criterion) }));
}

function warningsFor(input: ReportInput, kpis: Kpis): ReportWarning[] {
  const w: ReportWarning[] = [];
  const n = kpis.leads;
  if (n === 0)
    w.push({
      code: 'no-leads',
      message: 'no lead was scored: every figure is empty',
      messageJa: '採点できたリードがありません。すべての指標は空です。',
    });
  else if (n < FEW_LEADS)
    w.push({
      code: 'few-leads',
      message: `only ${n} lead${n === 1 ? '' : 's'}: too few for the rates, AUC and threshold to mean much (${FEW_LEADS} or more recommended)`,
      messageJa: `リードが ${n} 件しかありません。率・AUC・閾値の推奨はあてになりません (${FEW_LEADS} 件以上を推奨)。`,
    });
  if (input.meta.outcomeField !== null && n > 0) {
    if (kpis.converted === 0)
      w.push({
        code: 'no-conversions',
        message: `no lead has "${input.meta.outcomeField}" set to true: conversion rates are 0 and AUC, lift and the recommended threshold cannot be computed`,
        messageJa: `「${input.meta.outcomeField}」が true のリードが 1 件もありません。商談化率は 0、AUC・リフト・推奨閾値は計算できません。`,
      });
    else if (kpis.converted === n)
      w.push({
        code: 'all-converted',
        message: `every lead has "${input.meta.outcomeField}" set: AUC, lift and the recommended threshold cannot be computed`,
        messageJa: `すべてのリードで「${input.meta.outcomeField}」が true です。AUC・リフト・推奨閾値は計算できません。`,
      });
  }
  if (input.tiers.length === 0)
    w.push({
      code: 'no-tiers',
      message: 'the rule file has no tiers: there is no MQL definition, so the MQL figures are empty',
      messageJa: 'ルールファイルにティアがないため MQL の定義がなく、MQL の指標は空です。',
    });
  else if (input.tiers.length === 1)
    w.push({
      code: 'single-tier',
      message: `the rule file has a single tier ("${input.tiers[0]!.name}"): it is the MQL tier, so MQL figures describe it alone`,
      messageJa: `ティアが 1 つ (「${input.tiers[0]!.name}」) だけです。それを MQL として扱います。`,
    });
  const bad = input.unreadableOutcomes ?? 0;
  if (bad > 0)
    w.push({
      code: 'unreadable-outcome',
      message: `${bad} lead${bad === 1 ? '' : 's'} had an outcome value that is neither a boolean nor a date (e.g. ${input.unreadableExample ?? '?'}): counted as not converted`,
      messageJa: `${bad} 件のリードの成果フィールドが真偽値でも日付でもありません (例: ${input.unreadableExample ?? '?'})。未商談化として数えました。`,
    });
  return w;
}
