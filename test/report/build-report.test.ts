import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportInput } from '../../runtime/report/build-report.js';
import { cohortOf } from '../../runtime/report/cohort.js';
import type { Observation, RuleInfo, TierInfo } from '../../runtime/statistics/observation.js';
import { contributionsOf } from '../../runtime/statistics/observation.js';
import { readOutcome } from '../../runtime/report/outcome.js';
import { renderHtml } from '../../runtime/report/render-html.js';
import { renderMarkdown } from '../../runtime/report/render-md.js';

const RULES: RuleInfo[] = [
  { index: 0, text: 'A', line: 3, group: 'g', points: 20 },
  { index: 1, text: 'B', line: 4, group: null, points: -10 },
];
const TIERS: TierInfo[] = [
  { name: 'MQL', threshold: 20 },
  { name: 'low', threshold: null },
];
const obs = (score: number, converted: boolean, a: number, b: number, cohort?: string): Observation => ({
  id: String(score),
  score,
  tier: score >= 20 ? 'MQL' : 'low',
  converted,
  ...(cohort !== undefined && { cohort }),
  contributions: [a, b],
});

function input(observations: Observation[], over: Partial<ReportInput> = {}): ReportInput {
  return {
    meta: {
      rulesFile: 'r.score',
      leadsFile: 'l.jsonl',
      asOf: '2026-11-01T00:00:00.000Z',
      timeZone: 'UTC',
      outcomeField: 'opportunity',
      byField: null,
    },
    rules: RULES,
    tiers: TIERS,
    observations,
    criterion: { kind: 'f1' },
    ...over,
  };
}

// 8 leads: A fires for 4 (3 converted), B for 3 (0 converted); 4 converted overall.
const HAND = [
  obs(20, true, 20, 0, '2026-01'),
  obs(20, true, 20, 0, '2026-01'),
  obs(20, false, 20, 0, '2026-02'),
  obs(10, true, 20, -10, '2026-02'),
  obs(0, true, 0, 0, '2026-02'),
  obs(0, false, 0, 0, '2026-02'),
  obs(-10, false, 0, -10, '2026-02'),
  obs(-10, false, 0, -10, '2026-02'),
];

describe('buildReport on hand-made data', () => {
  const report = buildReport(input(HAND, { meta: { ...input(HAND).meta, byField: 'created_at' } }));
  it('tiers, MQL→opportunity rate and the missed opportunities', () => {
    const k = report.kpis;
    expect(k.leads).toBe(8);
    expect(k.converted).toBe(4);
    expect(k.conversionRate).toBe(0.5);
    expect(k.tiers.map((t) => [t.name, t.count, t.converted, t.rate, t.reachedShare])).toEqual([
      ['MQL', 3, 2, 2 / 3, 3 / 8],
      ['low', 5, 2, 2 / 5, null],
    ]);
    expect(k.mql).toMatchObject({
      tier: 'MQL',
      count: 3,
      converted: 2,
      opportunityRate: 2 / 3,
      missed: 2,
      missedShare: 0.5,
    });
  });
  it('AUC by pair counting', () => {
    // positives 20,20,10,0 vs negatives 20,0,-10,-10: wins 2×(0.5+1+1+1) + (0+1+1+1) + (0+0.5+1+1) = 7+3+2.5 = 12.5 of 16
    expect(report.kpis.auc).toBe(12.5 / 16);
  });
  it('per-rule fire share, rates, lift', () => {
    const [a, b] = report.rules!;
    expect(a).toMatchObject({
      fires: 4,
      fireShare: 0.5,
      convertedWhenFires: 3,
      rateWhenFires: 0.75,
      rateWhenNot: 0.25,
      lift: 1.5,
    });
    expect(b).toMatchObject({
      fires: 3,
      fireShare: 3 / 8,
      convertedWhenFires: 1,
      rateWhenFires: 1 / 3,
      rateWhenNot: 3 / 5,
    });
    expect(b!.lift).toBeCloseTo(2 / 3);
    expect(a!.logOddsRatio).toBeCloseTo(Math.log(3.5 / 1.5 / (1.5 / 3.5)));
    // Too few leads to judge either rule (MIN_SUPPORT).
    expect(a!.flags).toEqual(['too-few']);
  });
  it('recommended threshold under f1', () => {
    // t=20: tp2 fp1 fn2 → 4/7; t=10: 3,1,1 → 6/8; t=0: 4,2,0 → 8/10; t=-10: 4,4,0 → 8/12 → 0
    expect(report.kpis.recommendation?.row?.threshold).toBe(0);
  });
  it('cohorts', () => {
    expect(report.cohorts!.map((c) => [c.cohort, c.leads, c.converted])).toEqual([
      ['2026-01', 2, 2],
      ['2026-02', 6, 2],
    ]);
    expect(report.cohorts![0]!.auc).toBeNull();
  });
  it('warns about few leads', () => {
    expect(report.warnings.map((w) => w.code)).toEqual(['few-leads']);
  });
});

describe('rule flags on enough data', () => {
  // 200 leads: rule 0 (+20) has no signal, rule 1 (-10) has a positive lift.
  const many: Observation[] = [];
  for (let i = 0; i < 200; i++) {
    const a = i % 2 === 0 ? 20 : 0;
    const b = i % 4 < 2 ? -10 : 0;
    const converted = b !== 0 ? i % 3 === 0 : i % 10 === 0;
    many.push({ id: i, score: a + b, tier: null, converted, contributions: [a, b] });
  }
  const report = buildReport(input(many));
  it('flags points without signal and a sign that disagrees with lift', () => {
    expect(report.rules![0]!.flags).toEqual(['points-without-signal']);
    expect(report.rules![1]!.flags).toEqual(['negative-points-positive-lift']);
  });
});

function finiteEverywhere(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => finiteEverywhere(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => finiteEverywhere(v, `${path}.${k}`));
  return [];
}

describe('never NaN or Infinity', () => {
  const observation = fc.record({
    score: fc.integer({ min: -50, max: 100 }),
    converted: fc.boolean(),
    a: fc.constantFrom(0, 20),
    b: fc.constantFrom(0, -10),
    cohort: fc.constantFrom('2026-01', '2026-02', '(未設定)'),
  });
  const tiersArb = fc.constantFrom<TierInfo[]>([], [{ name: 'MQL', threshold: 20 }], TIERS, [
    { name: 'hot', threshold: null },
  ]);
  it('in the report object, the JSON, the Markdown and the HTML, for any data (even empty or one class)', () => {
    fc.assert(
      fc.property(
        fc.array(observation, { maxLength: 25 }),
        tiersArb,
        fc.boolean(),
        fc.constantFrom('f1', 'youden', 'p'),
        (rows, tiers, withOutcome, crit) => {
          const observations = rows.map((r, i) => ({
            id: i,
            score: r.score,
            tier: tiers.length === 0 ? null : r.score >= 20 ? tiers[0]!.name : (tiers[1]?.name ?? null),
            converted: withOutcome && r.converted,
            cohort: r.cohort,
            contributions: [r.a, r.b],
          }));
          const report = buildReport(
            input(observations, {
              tiers,
              criterion: crit === 'p' ? { kind: 'precision', target: 0.5 } : { kind: crit as 'f1' | 'youden' },
              meta: { ...input([]).meta, outcomeField: withOutcome ? 'opportunity' : null, byField: 'created_at' },
            }),
          );
          expect(finiteEverywhere(report)).toEqual([]);
          for (const text of [JSON.stringify(report), renderMarkdown(report), renderHtml(report)]) {
            expect(text).not.toMatch(/NaN|Infinity/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
  it('names each degenerate case in a warning', () => {
    const none = buildReport(input([]));
    expect(none.warnings.map((w) => w.code)).toContain('no-leads');
    const neverTrue = buildReport(input(HAND.map((o) => ({ ...o, converted: false }))));
    expect(neverTrue.warnings.map((w) => w.code)).toContain('no-conversions');
    expect(neverTrue.kpis.auc).toBeNull();
    expect(neverTrue.kpis.recommendation?.row).toBeNull();
    const single = buildReport(input(HAND, { tiers: [{ name: 'MQL', threshold: 20 }] }));
    expect(single.warnings.map((w) => w.code)).toContain('single-tier');
  });
});

describe('escaping untrusted text', () => {
  const hostile = '<script>alert(1)</script>|**x**&"\'';
  const report = buildReport(
    input(
      HAND.map((o) => ({ ...o, tier: o.tier === 'MQL' ? hostile : o.tier, cohort: hostile })),
      {
        rules: [{ ...RULES[0]!, text: hostile, group: hostile }, RULES[1]!],
        tiers: [{ name: hostile, threshold: 20 }, TIERS[1]!],
        meta: { ...input([]).meta, rulesFile: hostile, byField: hostile },
      },
    ),
  );
  it('HTML contains no raw markup from the data', () => {
    const html = renderHtml(report);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
  });
  it('Markdown cannot break a table or inject HTML', () => {
    const md = renderMarkdown(report);
    expect(md).not.toContain('<script');
    const ruleRow = md.split('\n').find((l) => l.includes('alert(1)') || l.includes('alert\\(1\\)'))!;
    expect(ruleRow).toBeDefined();
    expect(md).not.toMatch(/[^\\]\|\*\*x/);
  });
});

describe('helpers', () => {
  it('reads outcomes: booleans, dates, 1/0', () => {
    expect(readOutcome(true).converted).toBe(true);
    expect(readOutcome(false).converted).toBe(false);
    expect(readOutcome(undefined)).toEqual({ converted: false, readable: true, present: false });
    expect(readOutcome('2026-10-01').converted).toBe(true);
    expect(readOutcome('2026-10-01T10:00:00+09:00').converted).toBe(true);
    expect(readOutcome('').converted).toBe(false);
    expect(readOutcome('FALSE').converted).toBe(false);
    expect(readOutcome(1).converted).toBe(true);
    expect(readOutcome('maybe')).toEqual({ converted: false, readable: false, present: true });
  });
  it('derives months from date-times in the report zone', () => {
    expect(cohortOf('2026-10-31T23:30:00+09:00', undefined)).toBe('2026-10');
    expect(cohortOf('2026-11-01T05:00:00+09:00', undefined)).toBe('2026-10');
    expect(cohortOf('2026-11-01T05:00:00+09:00', 'Asia/Tokyo')).toBe('2026-11');
    expect(cohortOf('展示会', undefined)).toBe('展示会');
    expect(cohortOf(null, undefined)).toBe('(未設定)');
  });
  it('matches reasons to rules in source order, even with equal labels', () => {
    const rules: RuleInfo[] = [
      { index: 0, text: 'x', line: 1, group: null, points: 1 },
      { index: 1, text: 'x', line: 1, group: null, points: 2 },
      { index: 2, text: 'y', line: 2, group: null, points: 3 },
    ];
    expect(
      contributionsOf(rules, [
        { rule: 'x', line: 1, points: 2 },
        { rule: 'y', line: 2, points: 3 },
      ]),
    ).toEqual([2, 0, 3]);
  });
});
