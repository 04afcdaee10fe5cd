import { svg, h } from '../dom.js';
import { t } from '../i18n.js';
import type { ScoreRun } from '../engine/score-all.js';
import type { BaselineCounts } from '../engine/baseline-counts.js';

/**
 * The tier distribution (one bar per tier, in tier order) and the score
 * histogram (10-point bins), as SVG built with DOM calls: tier names come
 * from the rule file and are set as text. With a baseline (the diff mode's),
 * each tier count shows its change (1,134 → 1,250, +116) and the histogram
 * marks the tier thresholds, the baseline's where they differ.
 */
const WIDTH = 360;
const BAR_H = 18;
const TIER_COLORS = ['#c2410c', '#ca8a04', '#2563eb', '#6b7280', '#7c3aed', '#0f766e'];

export function tierColor(index: number): string {
  return TIER_COLORS[index % TIER_COLORS.length]!;
}

export function tierChart(run: ScoreRun, baseline?: BaselineCounts): HTMLElement {
  const counts = new Map<string | null, number>(run.tiers.map((name) => [name, 0]));
  for (const r of run.results) counts.set(r.tier, (counts.get(r.tier) ?? 0) + 1);
  const rows = [...counts];
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const total = run.results.length || 1;
  const labelW = 90;
  const chart = svg('svg', {
    width: WIDTH,
    height: rows.length * (BAR_H + 6) + 4,
    role: 'img',
    'aria-label': t().tierDistribution,
    'data-testid': 'tier-chart',
  });
  rows.forEach(([name, n], i) => {
    const y = 2 + i * (BAR_H + 6);
    const w = ((WIDTH - labelW - 170) * n) / max;
    // Long tier names are cut to fit; the full name is the tooltip (and stays in the text for screen readers).
    const full = name ?? '—';
    const chars = Array.from(full);
    const label = svg(
      'text',
      { x: 0, y: y + 13, 'font-size': 12 },
      chars.length > 7 ? `${chars.slice(0, 6).join('')}…` : full,
    );
    label.append(svg('title', {}, full));
    chart.append(
      label,
      svg('rect', { x: labelW, y, width: Math.max(w, 1), height: BAR_H, fill: tierColor(i), rx: 2 }),
      svg(
        'text',
        { x: labelW + w + 4, y: y + 13, 'font-size': 12, 'data-tier-count': name ?? '' },
        countText(name, n, total, baseline),
      ),
    );
  });
  return h('figure', { class: 'chart' }, h('figcaption', {}, t().tierDistribution), chart);
}

/** `1,250 (41.7%)`, or with a different baseline count `1,134 → 1,250 (+116)`; the title says which is which. */
function countText(name: string | null, n: number, total: number, baseline?: BaselineCounts): string {
  const before = baseline?.counts.get(name) ?? (baseline ? 0 : undefined);
  if (before === undefined || before === n) return `${n.toLocaleString()} (${((100 * n) / total).toFixed(1)}%)`;
  const delta = n - before;
  return `${before.toLocaleString()} → ${n.toLocaleString()} (${delta > 0 ? '+' : '−'}${Math.abs(delta).toLocaleString()})`;
}

export function histogram(
  run: ScoreRun,
  thresholds: ReadonlyMap<string, number> = new Map(),
  baseline?: BaselineCounts,
): HTMLElement {
  const scores = run.results.map((r) => r.score);
  const height = 110;
  const chart = svg('svg', {
    width: WIDTH,
    height: height + 20,
    role: 'img',
    'aria-label': t().histogram,
    'data-testid': 'histogram',
  });
  if (scores.length > 0) {
    const binSize = 10;
    let low = Infinity;
    let high = -Infinity;
    for (const s of scores) {
      if (s < low) low = s;
      if (s > high) high = s;
    }
    const first = Math.floor(low / binSize) * binSize;
    const bins = new Array<number>(Math.floor((high - first) / binSize) + 1).fill(0);
    for (const s of scores) bins[Math.floor((s - first) / binSize)]!++;
    const max = Math.max(...bins);
    const w = (WIDTH - 10) / bins.length;
    bins.forEach((n, i) => {
      const bh = (height * n) / max;
      const bar = svg('rect', { x: 5 + i * w, y: height - bh, width: Math.max(w - 1, 1), height: bh, fill: '#2563eb' });
      bar.append(svg('title', {}, `${first + i * binSize}–${first + (i + 1) * binSize - 1}: ${n}`));
      chart.append(bar);
    });
    const xOf = (score: number): number => 5 + ((score - first) / binSize) * w;
    const mark = (tier: string, value: number, current: boolean): void => {
      if (value < first || value > first + bins.length * binSize) return;
      const x = xOf(value);
      const line = svg('line', {
        x1: x,
        x2: x,
        y1: 10,
        y2: height,
        stroke: current ? '#b42318' : '#6b7280',
        'stroke-width': 1.5,
        'stroke-dasharray': current ? '' : '3 3',
        'data-threshold': tier,
        'data-value': value,
        'data-current': String(current),
      });
      line.append(svg('title', {}, `${tier} >= ${value}`));
      chart.append(
        line,
        svg(
          'text',
          { x: x + 2, y: current ? 9 : 20, 'font-size': 10, fill: current ? '#b42318' : '#6b7280' },
          current ? `${tier} ≥${value}` : `(${value})`,
        ),
      );
    };
    for (const [tier, value] of thresholds) {
      const before = baseline?.thresholds.get(tier);
      if (before !== undefined && before !== value) mark(tier, before, false);
      mark(tier, value, true);
    }
    chart.append(
      svg('text', { x: 5, y: height + 14, 'font-size': 11 }, String(first)),
      svg(
        'text',
        { x: WIDTH - 5, y: height + 14, 'font-size': 11, 'text-anchor': 'end' },
        String(first + bins.length * binSize),
      ),
    );
  }
  return h('figure', { class: 'chart' }, h('figcaption', {}, t().histogram), chart);
}
