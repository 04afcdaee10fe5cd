import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auc,
  decileBands,
  histogram,
  parseCriterion,
  rate,
  recommendThreshold,
  thresholdTable,
} from '../../runtime/statistics/metrics.js';

/** AUC by brute force: the share of (converted, not) pairs where the converted scores higher, ties 1/2. */
function bruteAuc(scores: number[], labels: boolean[]): number | null {
  let wins = 0;
  let pairs = 0;
  scores.forEach((sp, i) => {
    if (!labels[i]) return;
    scores.forEach((sn, j) => {
      if (labels[j]) return;
      pairs++;
      wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
    });
  });
  return pairs === 0 ? null : wins / pairs;
}

const data = fc
  .array(fc.tuple(fc.integer({ min: -3, max: 6 }), fc.boolean()), { minLength: 0, maxLength: 40 })
  .map((rows) => ({ scores: rows.map((r) => r[0] * 5), labels: rows.map((r) => r[1]) }));

describe('auc', () => {
  it('equals brute-force pair counting, ties counting one half', () => {
    fc.assert(
      fc.property(data, ({ scores, labels }) => {
        const a = auc(scores, labels);
        const b = bruteAuc(scores, labels);
        if (b === null) expect(a).toBeNull();
        else expect(a).toBeCloseTo(b, 12);
      }),
    );
  });
  it('hand example: 1, 0.5 and 0 for perfect, tied and reversed', () => {
    expect(auc([10, 0], [true, false])).toBe(1);
    expect(auc([5, 5], [true, false])).toBe(0.5);
    expect(auc([0, 10], [true, false])).toBe(0);
    // pairs: (30 vs 20)=1, (30 vs 10)=1, (10 vs 20)=0, (10 vs 10)=0.5 → 2.5/4
    expect(auc([30, 10, 20, 10], [true, true, false, false])).toBe(0.625);
  });
  it('is null with one class only', () => {
    expect(auc([1, 2], [true, true])).toBeNull();
    expect(auc([], [])).toBeNull();
  });
});

describe('thresholdTable', () => {
  it('counts match a direct count at every distinct score', () => {
    fc.assert(
      fc.property(data, ({ scores, labels }) => {
        const rows = thresholdTable(scores, labels);
        expect(rows.map((r) => r.threshold)).toEqual([...new Set(scores)].sort((a, b) => b - a));
        const P = labels.filter(Boolean).length;
        const N = labels.length - P;
        for (const r of rows) {
          const tp = scores.filter((s, i) => s >= r.threshold && labels[i]).length;
          const fp = scores.filter((s, i) => s >= r.threshold && !labels[i]).length;
          expect([r.truePositives, r.falsePositives, r.falseNegatives, r.trueNegatives]).toEqual([
            tp,
            fp,
            P - tp,
            N - fp,
          ]);
          expect(r.precision).toBeCloseTo(tp / (tp + fp), 12);
          if (P === 0) expect(r.recall).toBeNull();
          else expect(r.recall).toBeCloseTo(tp / P, 12);
          if (P > 0) expect(r.f1).toBeCloseTo((2 * tp) / (2 * tp + fp + (P - tp)), 12);
          if (P > 0 && N > 0) expect(r.youden).toBeCloseTo(tp / P - fp / N, 12);
        }
      }),
    );
  });
});

describe('recommendThreshold', () => {
  // scores 50 40 40 30 20 10, converted: 50, 40(one of two), 20
  const scores = [50, 40, 40, 30, 20, 10];
  const labels = [true, true, false, false, true, false];
  const rows = thresholdTable(scores, labels);
  it('f1: the highest F1, ties to the higher threshold', () => {
    // t=50: tp1 fp0 fn2 → 2/4=.5; t=40: tp2 fp1 fn1 → 4/6=.667; t=30: 2,2,1 → 4/7; t=20: 3,2,0 → 6/8=.75; t=10: 3,3,0 → 6/9
    expect(recommendThreshold(rows, { kind: 'f1' }).row?.threshold).toBe(20);
  });
  it('youden: the highest recall − FPR', () => {
    // t=50: 1/3-0=.333; t=40: 2/3-1/3=.333; t=30: 2/3-2/3=0; t=20: 1-2/3=.333; t=10: 0 → tie → highest threshold 50
    expect(recommendThreshold(rows, { kind: 'youden' }).row?.threshold).toBe(50);
  });
  it('precision=p: the lowest threshold still at or above p', () => {
    // precision: 50→1, 40→.667, 30→.5, 20→.6, 10→.5
    expect(recommendThreshold(rows, { kind: 'precision', target: 0.6 }).row?.threshold).toBe(20);
    expect(recommendThreshold(rows, { kind: 'precision', target: 0.7 }).row?.threshold).toBe(50);
    expect(recommendThreshold(rows, { kind: 'precision', target: 1 }).row?.threshold).toBe(50);
  });
  it('says why when nothing qualifies', () => {
    expect(recommendThreshold(thresholdTable([1, 2], [false, false]), { kind: 'f1' }).row).toBeNull();
    expect(recommendThreshold([], { kind: 'youden' }).reason).toBe('no leads');
  });
  it('agrees with brute force on random data', () => {
    fc.assert(
      fc.property(data, ({ scores, labels }) => {
        const table = thresholdTable(scores, labels);
        const rec = recommendThreshold(table, { kind: 'f1' }).row;
        if (!labels.some(Boolean)) {
          expect(rec).toBeNull();
          return;
        }
        const best = Math.max(...table.map((r) => r.f1 ?? -1));
        const expected = Math.max(...table.filter((r) => (r.f1 ?? -1) >= best - 1e-12).map((r) => r.threshold));
        expect(rec?.threshold).toBe(expected);
      }),
    );
  });
});

describe('histogram and bands', () => {
  it('histogram bins cover every lead once, with round widths', () => {
    fc.assert(
      fc.property(data, ({ scores, labels }) => {
        const bins = histogram(scores, labels);
        expect(bins.reduce((s, b) => s + b.count, 0)).toBe(scores.length);
        expect(bins.reduce((s, b) => s + b.converted, 0)).toBe(labels.filter(Boolean).length);
        for (const b of bins) expect(scores.filter((s) => s >= b.from && s < b.to).length).toBe(b.count);
      }),
    );
  });
  it('decile bands keep ties together and end at full capture', () => {
    const scores = [100, 90, 90, 80, 70, 60, 50, 40, 30, 20];
    const labels = [true, true, false, false, true, false, false, false, false, false];
    const bands = decileBands(scores, labels);
    expect(bands.map((b) => [b.band, b.count, b.converted])).toEqual([
      [1, 1, 1],
      [2, 2, 1],
      [4, 1, 0],
      [5, 1, 1],
      [6, 1, 0],
      [7, 1, 0],
      [8, 1, 0],
      [9, 1, 0],
      [10, 1, 0],
    ]);
    expect(bands[0]!.cumulativeCapture).toBeCloseTo(1 / 3);
    expect(bands[bands.length - 1]!.cumulativeCapture).toBe(1);
  });
});

describe('rate and criterion', () => {
  it('is null on an empty denominator', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
  });
  it('parses criteria', () => {
    expect(parseCriterion('f1')).toEqual({ kind: 'f1' });
    expect(parseCriterion('precision=0.3')).toEqual({ kind: 'precision', target: 0.3 });
    expect(parseCriterion('precision=30%')).toEqual({ kind: 'precision', target: 0.3 });
    expect(parseCriterion('precision=3')).toBeUndefined();
    expect(parseCriterion('auc')).toBeUndefined();
  });
});
