/**
 * Per-rule statistics of the report: how often each rule fires, how leads
 * convert when it fires and when not, its lift, and flags where the points a
 * rule gives disagree with what the data shows. Pure, browser-safe.
 *
 * A rule *fires* for a lead when its contribution is not 0 (it is one of the
 * lead's reasons). `lift` = conversion rate when it fires ÷ overall conversion
 * rate. Flags compare each rule on its own (univariate): a rule that only
 * looks predictive because it travels with another is not detected here;
 * `leadscore tune` fits all rules together.
 */
import type { Observation, RuleInfo } from '../statistics/observation.js';
import { jointPoints } from './joint-fit.js';
import { rate, ratio } from '../statistics/metrics.js';

export type RuleFlag =
  /** Fires too rarely (or almost always) to judge. */
  | 'too-few'
  /** Positive points, but leads it fires for convert clearly less often. */
  | 'positive-points-negative-lift'
  /** Negative points, but leads it fires for convert clearly more often. */
  | 'negative-points-positive-lift'
  /** Among the largest point values, yet conversion barely differs whether it fires or not. */
  | 'points-without-signal'
  /** The data gives it much more weight than its points (at least twice). */
  | 'under-weighted'
  /** The data gives it much less weight than its points (at most half), though it does predict. */
  | 'over-weighted'
  /** Fitted together with the other rules, it earns at least twice its points. */
  | 'joint-under-weighted'
  /** Fitted together with the other rules, it earns at most half its points. */
  | 'joint-over-weighted';

export interface RuleStats {
  readonly rule: RuleInfo;
  readonly fires: number;
  readonly fireShare: number | null;
  readonly convertedWhenFires: number;
  readonly convertedWhenNot: number;
  readonly rateWhenFires: number | null;
  readonly rateWhenNot: number | null;
  /** rateWhenFires ÷ overall conversion rate. */
  readonly lift: number | null;
  /** Log odds ratio fires vs not, with 0.5 added to each cell (so it is always finite). */
  readonly logOddsRatio: number | null;
  /** Two-proportion z statistic of rateWhenFires − rateWhenNot. */
  readonly z: number | null;
  /**
   * The points the log odds ratio would give on this file's scale: all rules'
   * |log odds ratio| scaled to the same sum as their |points|.
   */
  readonly impliedPoints: number | null;
  /** Its points when all rules are fitted together (see joint-fit.ts). */
  readonly jointPoints: number | null;
  readonly flags: readonly RuleFlag[];
}

/** A rule must fire for, and not fire for, at least this many leads to be judged. */
export const MIN_SUPPORT = 10;
/** |z| at or above this is "clearly" different (about 95 % two-sided). */
export const Z_CLEAR = 1.96;

export function ruleStats(rules: readonly RuleInfo[], observations: readonly Observation[]): RuleStats[] {
  const n = observations.length;
  let totalConverted = 0;
  for (const o of observations) if (o.converted) totalConverted++;
  const overall = rate(totalConverted, n);

  const base = rules.map((rule) => {
    let fires = 0;
    let c1 = 0;
    for (const o of observations) {
      if ((o.contributions[rule.index] ?? 0) === 0) continue;
      fires++;
      if (o.converted) c1++;
    }
    const n0 = n - fires;
    const c0 = totalConverted - c1;
    const rateWhenFires = rate(c1, fires);
    const rateWhenNot = rate(c0, n0);
    const supported = fires >= MIN_SUPPORT && n0 >= MIN_SUPPORT && totalConverted > 0 && totalConverted < n;
    const logOddsRatio = n === 0 ? null : Math.log((c1 + 0.5) / (fires - c1 + 0.5) / ((c0 + 0.5) / (n0 - c0 + 0.5)));
    let z: number | null = null;
    if (fires > 0 && n0 > 0 && overall !== null) {
      const se = Math.sqrt(overall * (1 - overall) * (1 / fires + 1 / n0));
      z = se > 0 && rateWhenFires !== null && rateWhenNot !== null ? (rateWhenFires - rateWhenNot) / se : null;
    }
    return { rule, fires, c1, c0, rateWhenFires, rateWhenNot, supported, logOddsRatio, z };
  });

  // The scale of implied points: Σ|points| / Σ|log odds ratio| over the rules that can be judged.
  let sumPoints = 0;
  let sumLogOdds = 0;
  for (const b of base) {
    if (!b.supported || b.logOddsRatio === null) continue;
    sumPoints += Math.abs(b.rule.points);
    sumLogOdds += Math.abs(b.logOddsRatio);
  }
  const scale = rate(sumPoints, sumLogOdds);
  const magnitudes = base
    .filter((b) => b.supported)
    .map((b) => Math.abs(b.rule.points))
    .sort((a, b) => a - b);
  const median = magnitudes.length === 0 ? 0 : magnitudes[Math.floor((magnitudes.length - 1) / 2)]!;

  const joint = jointPoints(rules, observations);
  return base.map((b, i) => {
    const impliedPoints =
      scale === null || b.logOddsRatio === null || !b.supported ? null : Math.round(scale * b.logOddsRatio);
    const flags: RuleFlag[] = [];
    const points = b.rule.points;
    if (!b.supported) flags.push('too-few');
    else if (b.z !== null) {
      const clear = Math.abs(b.z) >= Z_CLEAR;
      const rr = ratio(b.rateWhenFires, b.rateWhenNot);
      const flat = !clear || (rr !== null && rr >= 0.8 && rr <= 1.25);
      if (clear && points > 0 && b.z < 0) flags.push('positive-points-negative-lift');
      else if (clear && points < 0 && b.z > 0) flags.push('negative-points-positive-lift');
      else if (flat && points !== 0 && Math.abs(points) >= median) flags.push('points-without-signal');
      else if (points !== 0) {
        // Weight flags: from the joint fit when there is one (it separates rules that fire together, which a
        // rule's own lift cannot), else from the rule's own log odds ratio.
        const together = joint[i]!;
        if (together.points !== null) {
          const sameSign = Math.sign(together.points) === Math.sign(points);
          if (together.clear && sameSign && 2 * Math.abs(together.points) >= 3 * Math.abs(points))
            flags.push('joint-under-weighted');
          else if (!sameSign || 2 * Math.abs(together.points) <= Math.abs(points)) flags.push('joint-over-weighted');
        } else if (!flat && impliedPoints !== null) {
          if (Math.abs(impliedPoints) >= 2 * Math.abs(points)) flags.push('under-weighted');
          else if (2 * Math.abs(impliedPoints) <= Math.abs(points)) flags.push('over-weighted');
        }
      }
    }
    return {
      rule: b.rule,
      fires: b.fires,
      fireShare: rate(b.fires, n),
      convertedWhenFires: b.c1,
      convertedWhenNot: b.c0,
      rateWhenFires: b.rateWhenFires,
      rateWhenNot: b.rateWhenNot,
      lift: ratio(b.rateWhenFires, overall),
      logOddsRatio: b.logOddsRatio,
      z: b.z,
      impliedPoints,
      jointPoints: joint[i]!.points,
      flags,
    };
  });
}
