/**
 * From fitted weights (log-odds per firing) to integer points on the rule
 * file's own scale. Pure, browser-safe.
 *
 * - Scale: one factor for all rules, chosen so that the sum of |points| of
 *   the fitted rules stays what it was; so the file's thresholds keep their
 *   rough meaning, and points stay comparable with each other.
 * - Signs: a rule keeps the direction the data gives it. When the fit points
 *   the other way from the written sign but not clearly (|weight| < 2
 *   standard errors), the rule keeps its written direction at the smallest
 *   magnitude, 1; a clear reversal is written (and reported). A rule is never
 *   given 0 points: removing a rule is a decision for people.
 * - Caps: a rule's new magnitude is at most its own `each … max M` and at
 *   most its group's `max` (positive points) or `|min|` (negative points),
 *   so the caps written in the file keep working as written. The caps
 *   themselves are never changed.
 * - A rule that never fired in the training data keeps its points.
 */
import type { LogisticFit } from '../statistics/logistic.js';
import type { TuneRule } from '../statistics/features.js';

export type PointsNote =
  'unchanged-no-data' | 'kept-direction' | 'sign-reversed' | 'capped-by-rule-max' | 'capped-by-group';

export interface NewPoints {
  readonly rule: TuneRule;
  readonly oldPoints: number;
  readonly newPoints: number;
  readonly weight: number | null;
  readonly standardError: number | null;
  readonly notes: readonly PointsNote[];
}

/** Columns with data: `fitted[j]` is false for a rule whose feature is constant in the training data. */
export function scalePoints(rules: readonly TuneRule[], fit: LogisticFit, fitted: readonly boolean[]): NewPoints[] {
  let sumOld = 0;
  let sumWeights = 0;
  rules.forEach((r, j) => {
    if (!fitted[j]) return;
    sumOld += Math.abs(r.points);
    sumWeights += Math.abs(fit.weights[j]!);
  });
  const scale = sumWeights > 0 ? sumOld / sumWeights : 0;
  return rules.map((rule, j) => {
    if (!fitted[j] || scale === 0) {
      return {
        rule,
        oldPoints: rule.points,
        newPoints: rule.points,
        weight: null,
        standardError: null,
        notes: ['unchanged-no-data'],
      };
    }
    const weight = fit.weights[j]!;
    const se = fit.standardErrors[j] ?? 0;
    const notes: PointsNote[] = [];
    let value = Math.round(weight * scale);
    const written = Math.sign(rule.points) || 1;
    const clear = se > 0 ? Math.abs(weight) >= 2 * se : false;
    if (weight !== 0 && Math.sign(weight) !== written) {
      // The fit points against the written direction.
      if (clear) {
        notes.push('sign-reversed');
        if (value === 0) value = -written;
      } else {
        notes.push('kept-direction');
        value = written;
      }
    } else if (value === 0) value = written; // a tiny effect in the written direction: the smallest magnitude
    if (rule.ruleMax !== null && Math.abs(value) > rule.ruleMax) {
      value = Math.sign(value) * rule.ruleMax;
      notes.push('capped-by-rule-max');
    }
    const groupCap = value > 0 ? rule.groupMax : rule.groupMin === null ? null : Math.abs(rule.groupMin);
    if (groupCap !== null && groupCap > 0 && Math.abs(value) > groupCap) {
      value = Math.sign(value) * groupCap;
      notes.push('capped-by-group');
    }
    return { rule, oldPoints: rule.points, newPoints: value, weight, standardError: se, notes };
  });
}
