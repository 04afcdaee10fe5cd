/**
 * New tier thresholds for `tune --tiers`, from the re-scored training leads.
 * Pure, browser-safe.
 *
 * - The first tier (MQL), when it is `tier X >= N`: the threshold the
 *   criterion recommends (F1 by default), as in `report`.
 * - Every other `>=` tier: the threshold that keeps about the same share of
 *   leads at or over it as before (its old share under the old scores), so
 *   the middle tiers keep their size.
 * - Thresholds must keep falling from tier to tier; one that would not is
 *   left as written. `when` and `otherwise` tiers are never touched.
 */
import { recommendThreshold, thresholdTable, type Criterion } from '../statistics/metrics.js';

export interface TierThreshold {
  readonly name: string;
  readonly oldThreshold: number;
  readonly newThreshold: number;
  /** Offsets of the threshold number in the source. */
  readonly start: number;
  readonly end: number;
}

export interface ThresholdTier {
  readonly name: string;
  readonly index: number;
  readonly threshold: number;
  readonly start: number;
  readonly end: number;
}

export function newTierThresholds(
  tiers: readonly ThresholdTier[],
  oldScores: readonly number[],
  newScores: readonly number[],
  labels: readonly boolean[],
  criterion: Criterion,
): TierThreshold[] {
  const sortedNew = [...newScores].sort((a, b) => b - a);
  const out: TierThreshold[] = [];
  let previous = Infinity;
  for (const tier of tiers) {
    let value: number | null = null;
    if (tier.index === 0) {
      value = recommendThreshold(thresholdTable(newScores, labels), criterion).row?.threshold ?? null;
    } else if (sortedNew.length > 0) {
      let reached = 0;
      for (const s of oldScores) if (s >= tier.threshold) reached++;
      // The score of the reached-th lead in the new order: at least `reached` leads are at or over it.
      value = reached === 0 ? sortedNew[0]! + 1 : sortedNew[Math.min(reached, sortedNew.length) - 1]!;
    }
    if (value === null || !(value < previous)) value = tier.threshold;
    if (!(value < previous)) {
      out.push({
        name: tier.name,
        oldThreshold: tier.threshold,
        newThreshold: tier.threshold,
        start: tier.start,
        end: tier.end,
      });
      previous = tier.threshold;
      continue;
    }
    out.push({ name: tier.name, oldThreshold: tier.threshold, newThreshold: value, start: tier.start, end: tier.end });
    previous = value;
  }
  return out;
}
