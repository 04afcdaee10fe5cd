import { binWidth, rate, type HistogramBin, type ScoreBand } from '../../runtime/statistics/metrics.js';
import type { TierInfo } from '../../runtime/statistics/observation.js';

/**
 * The figures of `leadscore report` (runtime/report) computed from counts
 * per (score, tier, converted) that SQL aggregated, instead of one
 * observation per lead: a million leads arrive as a few hundred rows. Each
 * function is the weighted twin of the report's own, with the same
 * definitions (bins, bands, MQL = the first tier), and the tests hold them
 * equal to the report's on the same leads.
 */
export interface ScoreCount {
  readonly score: number;
  readonly tier: string | null;
  readonly converted: boolean;
  readonly count: number;
}

export interface TierFigure {
  readonly name: string | null;
  readonly threshold: number | null;
  readonly count: number;
  readonly share: number | null;
  readonly converted: number | null;
  readonly rate: number | null;
}

export interface MqlFigure {
  readonly tier: string;
  readonly threshold: number | null;
  readonly count: number;
  readonly share: number | null;
  readonly converted: number | null;
  /** MQL→opportunity rate (商談化率): converted MQLs ÷ MQLs; null without --outcome. */
  readonly opportunityRate: number | null;
}

export function total(counts: readonly ScoreCount[]): number {
  let n = 0;
  for (const c of counts) n += c.count;
  return n;
}

/** Leads per tier, in the rule file's order, then the leads no tier matched (when there are any). */
export function tierFigures(
  counts: readonly ScoreCount[],
  tiers: readonly TierInfo[],
  hasOutcome: boolean,
): TierFigure[] {
  const n = total(counts);
  const of = (name: string | null): [number, number] => {
    let c = 0;
    let conv = 0;
    for (const x of counts) {
      if (x.tier !== name) continue;
      c += x.count;
      if (x.converted) conv += x.count;
    }
    return [c, conv];
  };
  const row = (name: string | null, threshold: number | null): TierFigure => {
    const [c, conv] = of(name);
    return {
      name,
      threshold,
      count: c,
      share: rate(c, n),
      converted: hasOutcome ? conv : null,
      rate: hasOutcome ? rate(conv, c) : null,
    };
  };
  const rows = tiers.map((t) => row(t.name, t.threshold));
  const none = row(null, null);
  if (none.count > 0) rows.push(none);
  return rows;
}

export function mqlFigure(rows: readonly TierFigure[], tiers: readonly TierInfo[]): MqlFigure | null {
  const first = tiers[0];
  if (!first) return null;
  const r = rows.find((x) => x.name === first.name)!;
  return {
    tier: first.name,
    threshold: first.threshold,
    count: r.count,
    share: r.share,
    converted: r.converted,
    opportunityRate: r.rate,
  };
}

/** runtime/report/metrics.ts `histogram`, from counts. */
export function histogramOf(counts: readonly ScoreCount[]): HistogramBin[] {
  const present = counts.filter((c) => c.count > 0);
  if (present.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const c of present) {
    if (c.score < min) min = c.score;
    if (c.score > max) max = c.score;
  }
  const width = binWidth(min, max);
  const first = Math.floor(min / width) * width;
  const bins = Math.floor((max - first) / width) + 1;
  const n = new Array<number>(bins).fill(0);
  const conv = new Array<number>(bins).fill(0);
  for (const c of present) {
    const b = Math.floor((c.score - first) / width);
    n[b]! += c.count;
    if (c.converted) conv[b]! += c.count;
  }
  return n.map((count, b) => ({
    from: first + b * width,
    to: first + (b + 1) * width,
    count,
    converted: conv[b]!,
    rate: rate(conv[b]!, count),
  }));
}

/** runtime/report/metrics.ts `decileBands`, from counts: leads with one score stay in one band. */
export function decileBandsOf(counts: readonly ScoreCount[]): ScoreBand[] {
  const byScore = new Map<number, { count: number; converted: number }>();
  let n = 0;
  let positives = 0;
  for (const c of counts) {
    if (c.count === 0) continue;
    const e = byScore.get(c.score) ?? { count: 0, converted: 0 };
    e.count += c.count;
    if (c.converted) e.converted += c.count;
    byScore.set(c.score, e);
    n += c.count;
    if (c.converted) positives += c.count;
  }
  if (n === 0) return [];
  const bands: { band: number; min: number; max: number; count: number; converted: number }[] = [];
  let i = 0;
  for (const score of [...byScore.keys()].sort((a, b) => b - a)) {
    const e = byScore.get(score)!;
    const band = Math.floor((i * 10) / n) + 1;
    let current = bands[bands.length - 1];
    if (!current || current.band !== band)
      bands.push((current = { band, min: score, max: score, count: 0, converted: 0 }));
    current.count += e.count;
    current.converted += e.converted;
    current.min = score;
    i += e.count;
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
