/**
 * The pure core of `leadscore tune`: split, fit, scale, rewrite. The CLI
 * re-scores with the rewritten file to measure AUC after (exactly, with the
 * group caps and `each … max` applied). Browser-safe.
 */
import type { Program } from '../../compiler/program.js';
import type { Observation } from '../statistics/observation.js';
import { featureMatrix, tuneRules, type TuneRule } from '../statistics/features.js';
import { fitLogistic, type LogisticFit } from '../statistics/logistic.js';
import { applyReplacements, pointsText, type Replacement } from './rewrite.js';
import { scalePoints, type NewPoints } from './scale-points.js';
import { stratifiedSplit, type Split } from './split.js';

export interface TuneOptions {
  readonly seed: number;
  /** Share of leads held out, in (0, 1). */
  readonly holdout: number;
  /** L2 penalty of the fit; default 1. */
  readonly l2?: number;
}

export interface TuneResult {
  readonly split: Split;
  readonly fit: LogisticFit;
  readonly rules: readonly TuneRule[];
  readonly points: readonly NewPoints[];
  /** The rule file with only the points tokens replaced. */
  readonly source: string;
  /** The replacements made, in offsets of the original source (to combine with tier thresholds). */
  readonly replacements: readonly Replacement[];
}

/** Minimum leads, and minimum leads of each outcome, `tune` needs. */
export const MIN_LEADS = 20;
export const MIN_PER_CLASS = 5;

/** Why the data cannot be tuned on, or undefined when it can. */
export function cannotTune(observations: readonly Observation[]): string | undefined {
  const n = observations.length;
  let converted = 0;
  for (const o of observations) if (o.converted) converted++;
  if (n < MIN_LEADS) return `only ${n} lead${n === 1 ? '' : 's'} were scored: tune needs at least ${MIN_LEADS}`;
  if (converted < MIN_PER_CLASS)
    return `only ${converted} lead${converted === 1 ? '' : 's'} converted: tune needs at least ${MIN_PER_CLASS} converted and ${MIN_PER_CLASS} not converted`;
  if (n - converted < MIN_PER_CLASS)
    return `only ${n - converted} lead${n - converted === 1 ? '' : 's'} did not convert: tune needs at least ${MIN_PER_CLASS} of each`;
  return undefined;
}

export function tunePoints(
  program: Program,
  source: string,
  observations: readonly Observation[],
  options: TuneOptions,
): TuneResult {
  const rules = tuneRules(program);
  const labels = observations.map((o) => o.converted);
  const split = stratifiedSplit(labels, options.holdout, options.seed);
  const train = split.train.map((i) => observations[i]!);
  const x = featureMatrix(train, rules);
  const y = train.map((o) => o.converted);
  const fitted = rules.map((r, j) => r.points !== 0 && x.some((row) => row[j] !== x[0]?.[j]));
  const fit = fitLogistic(
    x.map((row) => row.map((v, j) => (fitted[j] ? v : 0))),
    y,
    options.l2 === undefined ? {} : { l2: options.l2 },
  );
  const points = scalePoints(rules, fit, fitted);
  const replacements = points
    .filter((p) => p.newPoints !== p.oldPoints)
    .map((p) => ({ start: p.rule.pointsStart, end: p.rule.pointsEnd, text: pointsText(p.newPoints) }));
  return { split, fit, rules, points, source: applyReplacements(source, replacements), replacements };
}
