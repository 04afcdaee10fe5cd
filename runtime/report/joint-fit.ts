/**
 * Points fitted to all rules together: a logistic regression of the outcome
 * on every rule's firing (the model `leadscore tune` fits), scaled to this
 * file's points. Unlike a rule's own lift, this separates rules that travel
 * together (a lead who attends webinars also opens e-mails), so it shows which
 * of them carries the signal. Browser-safe.
 */
import { featureMatrix } from '../statistics/features.js';
import { fitLogistic } from '../statistics/logistic.js';
import type { Observation, RuleInfo } from '../statistics/observation.js';

export interface JointPoints {
  /** The rule's weight on this file's points scale, or null when it cannot be fitted (never fires, or always). */
  readonly points: number | null;
  /** True when the weight is at least two standard errors from 0. */
  readonly clear: boolean;
}

export function jointPoints(rules: readonly RuleInfo[], observations: readonly Observation[]): JointPoints[] {
  const none = rules.map(() => ({ points: null, clear: false }));
  const converted = observations.filter((o) => o.converted).length;
  if (observations.length === 0 || converted === 0 || converted === observations.length) return none;
  const x = featureMatrix(observations, rules);
  const fitted = rules.map((r, j) => r.points !== 0 && x.some((row) => row[j] !== x[0]?.[j]));
  const fit = fitLogistic(
    x.map((row) => row.map((v, j) => (fitted[j] ? v : 0))),
    observations.map((o) => o.converted),
  );
  let sumPoints = 0;
  let sumWeights = 0;
  rules.forEach((r, j) => {
    if (!fitted[j]) return;
    sumPoints += Math.abs(r.points);
    sumWeights += Math.abs(fit.weights[j] ?? 0);
  });
  if (!(sumWeights > 0)) return none;
  const scale = sumPoints / sumWeights;
  return rules.map((_, j) => {
    const weight = fit.weights[j];
    if (!fitted[j] || weight === undefined || !Number.isFinite(weight)) return { points: null, clear: false };
    const se = fit.standardErrors[j] ?? 0;
    return { points: Math.round(weight * scale) + 0, clear: se > 0 && Math.abs(weight) >= 2 * se };
  });
}
