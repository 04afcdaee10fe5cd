import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../../runtime/report/build-report.js';
import { decileBands, histogram } from '../../../runtime/statistics/metrics.js';
import type { Observation, TierInfo } from '../../../runtime/statistics/observation.js';
import {
  decileBandsOf,
  histogramOf,
  mqlFigure,
  tierFigures,
  type ScoreCount,
} from '../../../server/metrics/kpi-figures.js';

const TIERS: TierInfo[] = [
  { name: 'MQL', threshold: 60 },
  { name: '中関心', threshold: 30 },
  { name: '低関心', threshold: null },
];

function tierOf(score: number, withoutTier: boolean): string | null {
  if (withoutTier) return null;
  return score >= 60 ? 'MQL' : score >= 30 ? '中関心' : '低関心';
}

/** Aggregates observations the way the SQL does: counts per (score, tier, converted). */
function countsOf(obs: readonly Observation[]): ScoreCount[] {
  const map = new Map<string, ScoreCount>();
  for (const o of obs) {
    const key = JSON.stringify([o.score, o.tier, o.converted]);
    const c = map.get(key);
    map.set(key, { score: o.score, tier: o.tier, converted: o.converted, count: (c?.count ?? 0) + 1 });
  }
  return [...map.values()];
}

const observations = fc.array(
  fc
    .record({ score: fc.integer({ min: -40, max: 200 }), converted: fc.boolean(), noTier: fc.boolean() })
    .map(({ score, converted, noTier }): Observation => ({
      id: 0,
      score,
      tier: tierOf(score, noTier && score < 10),
      converted,
      contributions: [],
    })),
  { maxLength: 300 },
);

describe('the dashboard figures equal the report figures (runtime/report) on the same leads', () => {
  it('tiers, MQL and the MQL→opportunity rate', () => {
    fc.assert(
      fc.property(observations, (obs) => {
        const report = computeKpis(obs, TIERS, true, { kind: 'f1' });
        const rows = tierFigures(countsOf(obs), TIERS, true);
        expect(rows.map((r) => [r.name, r.count, r.share, r.converted, r.rate])).toEqual(
          report.tiers.map((r) => [r.name, r.count, r.share, r.converted, r.rate]),
        );
        const mql = mqlFigure(rows, TIERS)!;
        expect([mql.count, mql.converted, mql.opportunityRate]).toEqual([
          report.mql!.count,
          report.mql!.converted,
          report.mql!.opportunityRate,
        ]);
      }),
    );
  });

  it('the score histogram and the conversion per decile band', () => {
    fc.assert(
      fc.property(observations, (obs) => {
        const scores = obs.map((o) => o.score);
        const labels = obs.map((o) => o.converted);
        expect(histogramOf(countsOf(obs))).toEqual(histogram(scores, labels));
        expect(decileBandsOf(countsOf(obs))).toEqual(decileBands(scores, labels));
      }),
    );
  });
});
