/**
 * The KPI maths of the report: rates, ROC AUC, precision and recall at each
 * threshold, the recommended threshold, the histogram and the decile bands.
 * Pure functions of plain arrays, browser-safe. A figure whose denominator is
 * zero is `null`, never NaN or Infinity: "not measurable" is a value of its own.
 */

/** `num / den`, or null when `den` is 0 (or either is not finite). */
export function rate(num: number, den: number): number | null {
  if (den === 0 || !Number.isFinite(num) || !Number.isFinite(den)) return null;
  const r = num / den;
  return Number.isFinite(r) ? r : null;
}

/** `a / b` for two rates that may be null. */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  return rate(a, b);
}

/**
 * ROC AUC of `scores` for `labels` (true = converted) by the Mann-Whitney
 * rank formula: tied scores get the average of their ranks, so a tie between
 * a converted and a non-converted lead counts one half. Equals the share of
 * (converted, not converted) pairs in which the converted lead scores higher,
 * ties counting 1/2. Null when either class is empty.
 */
export function auc(scores: readonly number[], labels: readonly boolean[]): number | null {
  const n = scores.length;
  let positives = 0;
  for (const l of labels) if (l) positives++;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    // Ranks i+1 … j+1 (1-based) share their average.
    const averageRank = (i + 1 + (j + 1)) / 2;
    for (let k = i; k <= j; k++) if (labels[order[k]!]) rankSum += averageRank;
    i = j + 1;
  }
  return rate(rankSum - (positives * (positives + 1)) / 2, positives * negatives);
}

/** The confusion counts and rates when leads with `score >= threshold` are MQLs. */
export interface ThresholdRow {
  readonly threshold: number;
  /** Leads at or over the threshold. */
  readonly reached: number;
  readonly reachedShare: number | null;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  /** Converted share of the leads at or over the threshold (the MQL→opportunity rate it would give). */
  readonly precision: number | null;
  /** Share of all converted leads at or over the threshold. */
  readonly recall: number | null;
  readonly falsePositiveRate: number | null;
  readonly f1: number | null;
  /** Youden's J: recall − false-positive rate. */
  readonly youden: number | null;
}

/** One row per distinct score (highest first): every threshold that changes who is an MQL. */
export function thresholdTable(scores: readonly number[], labels: readonly boolean[]): ThresholdRow[] {
  const n = scores.length;
  let positives = 0;
  for (const l of labels) if (l) positives++;
  const negatives = n - positives;
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const rows: ThresholdRow[] = [];
  let tp = 0;
  let fp = 0;
  let i = 0;
  while (i < n) {
    const threshold = scores[order[i]!]!;
    while (i < n && scores[order[i]!] === threshold) {
      if (labels[order[i]!]) tp++;
      else fp++;
      i++;
    }
    const fn = positives - tp;
    const recall = rate(tp, positives);
    const fpr = rate(fp, negatives);
    rows.push({
      threshold,
      reached: tp + fp,
      reachedShare: rate(tp + fp, n),
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      trueNegatives: negatives - fp,
      precision: rate(tp, tp + fp),
      recall,
      falsePositiveRate: fpr,
      f1: positives === 0 ? null : rate(2 * tp, 2 * tp + fp + fn),
      youden: recall === null || fpr === null ? null : recall - fpr,
    });
  }
  return rows;
}

export type Criterion =
  { readonly kind: 'f1' } | { readonly kind: 'youden' } | { readonly kind: 'precision'; readonly target: number };

/** Reads `f1`, `youden` or `precision=0.3` (also `precision=30%`); undefined when it is none of them. */
export function parseCriterion(text: string): Criterion | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'f1') return { kind: 'f1' };
  if (t === 'youden') return { kind: 'youden' };
  const m = /^precision\s*=\s*(\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return undefined;
  const value = Number(m[1]) / (m[2] === '%' ? 100 : 1);
  return value > 0 && value <= 1 ? { kind: 'precision', target: value } : undefined;
}

export function criterionText(c: Criterion): string {
  return c.kind === 'precision' ? `precision=${c.target}` : c.kind;
}

export interface Recommendation {
  readonly criterion: string;
  /** The recommended row, or null with `reason` when no threshold qualifies. */
  readonly row: ThresholdRow | null;
  readonly reason?: string;
}

/**
 * The recommended MQL threshold:
 * - `f1`: the highest F1; ties go to the higher threshold (fewer MQLs for the same F1);
 * - `youden`: the highest recall − false-positive rate; ties to the higher threshold;
 * - `precision=p`: the lowest threshold whose precision is at least p, i.e. the
 *   most opportunities caught while sales still converts at least p of its MQLs.
 */
export function recommendThreshold(rows: readonly ThresholdRow[], criterion: Criterion): Recommendation {
  const name = criterionText(criterion);
  if (rows.length === 0) return { criterion: name, row: null, reason: 'no leads' };
  if (rows[rows.length - 1]!.truePositives === 0) return { criterion: name, row: null, reason: 'no lead converted' };
  let best: ThresholdRow | null = null;
  if (criterion.kind === 'precision') {
    for (const row of rows) if (row.precision !== null && row.precision >= criterion.target) best = row;
    return best
      ? { criterion: name, row: best }
      : { criterion: name, row: null, reason: `no threshold reaches precision ${criterion.target}` };
  }
  const value = (r: ThresholdRow): number | null => (criterion.kind === 'f1' ? r.f1 : r.youden);
  for (const row of rows) {
    const v = value(row);
    if (v === null) continue;
    const b = best === null ? null : value(best);
    // Rows are highest threshold first: only a clearly larger value (beyond float noise) replaces, so a tie keeps the higher threshold.
    if (b === null || v > b + 1e-12) best = row;
  }
  return best
    ? { criterion: name, row: best }
    : { criterion: name, row: null, reason: `${name} cannot be measured (one outcome class is empty)` };
}

export interface HistogramBin {
  /** Scores `from <= score < to`. */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly converted: number;
  readonly rate: number | null;
}

const NICE_WIDTHS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];

/** A round bin width giving at most about `maxBins` bins over [min, max]. */
export function binWidth(min: number, max: number, maxBins = 20): number {
  const span = max - min + 1;
  for (const w of NICE_WIDTHS) if (span / w <= maxBins) return w;
  return Math.max(1, 10 ** Math.ceil(Math.log10(Math.max(1, span / maxBins))));
}

/** Score histogram with bins aligned on multiples of a round width; no empty bins at either end. */
export function histogram(scores: readonly number[], labels: readonly boolean[]): HistogramBin[] {
  if (scores.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const width = binWidth(min, max);
  const first = Math.floor(min / width) * width;
  const count = Math.floor((max - first) / width) + 1;
  const counts = new Array<number>(count).fill(0);
  const converted = new Array<number>(count).fill(0);
  scores.forEach((s, i) => {
    const b = Math.floor((s - first) / width);
    counts[b] = counts[b]! + 1;
    if (labels[i]) converted[b] = converted[b]! + 1;
  });
  return counts.map((c, b) => ({
    from: first + b * width,
    to: first + (b + 1) * width,
    count: c,
    converted: converted[b]!,
    rate: rate(converted[b]!, c),
  }));
}

export interface ScoreBand {
  /** 1 = the top 10 % of scores. */
  readonly band: number;
  readonly minScore: number;
  readonly maxScore: number;
  readonly count: number;
  readonly converted: number;
  readonly rate: number | null;
  /** Converted leads in this band and the bands above, as a share of all converted leads. */
  readonly cumulativeCapture: number | null;
}

/**
 * Decile bands of the score, highest first. Leads with the same score stay in
 * one band (the band where the first of them falls in score order), so a
 * band may hold more or fewer than a tenth of the leads, and a band can be
 * missing when many leads share a score.
 */
export function decileBands(scores: readonly number[], labels: readonly boolean[]): ScoreBand[] {
  const n = scores.length;
  if (n === 0) return [];
  let positives = 0;
  for (const l of labels) if (l) positives++;
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const bands: { band: number; min: number; max: number; count: number; converted: number }[] = [];
  let i = 0;
  while (i < n) {
    const score = scores[order[i]!]!;
    const band = Math.floor((i * 10) / n) + 1;
    let current = bands[bands.length - 1];
    if (!current || current.band !== band)
      bands.push((current = { band, min: score, max: score, count: 0, converted: 0 }));
    while (i < n && scores[order[i]!] === score) {
      current.count++;
      if (labels[order[i]!]) current.converted++;
      i++;
    }
    current.min = score;
  }
  let captured = 0;
  return bands.map((b) => {
    captured += b.converted;
    return {
      band: b.band,
      minScore: b.min,
      maxScore: b.max,
      count: b.count,
      converted: b.converted,
      rate: rate(b.converted, b.count),
      cumulativeCapture: rate(captured, positives),
    };
  });
}
