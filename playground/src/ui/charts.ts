import './charts.css';
import { svg, h } from '../dom.js';
import { t } from '../i18n.js';
import type { ScoreRun } from '../engine/score-all.js';
import type { BaselineCounts } from '../engine/baseline-counts.js';
import { num } from './numbers.js';

/**
 * The tier distribution (one bar per tier, in tier order) and the score
 * histogram (10-point bins), as SVG built with DOM calls: tier names come
 * from the rule file and are set as text. With a baseline (the diff mode's),
 * each tier count shows its change (1,134 → 1,250, +116) and the histogram
 * marks the tier thresholds, the baseline's where they differ.
 */
const WIDTH = 360;
const BAR_H = 18;
const MAX_LABEL_W = 130;
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
  // The label column is as wide as the longest tier name (低関心, "A ランク (要フォロー)"), up to a limit.
  const labelW = Math.min(MAX_LABEL_W, Math.max(48, ...rows.map(([name]) => textWidth(name ?? '—', 12))) + 8);
  const chartHeight = rows.length * (BAR_H + 6) + 4;
  const chart = svg('svg', {
    width: WIDTH,
    height: chartHeight,
    viewBox: `0 0 ${WIDTH} ${chartHeight}`,
    role: 'img',
    'aria-label': t().tierDistribution,
    'data-testid': 'tier-chart',
  });
  rows.forEach(([name, n], i) => {
    const y = 2 + i * (BAR_H + 6);
    const w = ((WIDTH - labelW - 170) * n) / max;
    // A name longer than the limit is cut to fit; the full name is the tooltip (and stays in the text for screen readers).
    const full = name ?? '—';
    const label = svg(
      'text',
      { x: 0, y: y + 13, 'font-size': 12, 'data-tier-label': full },
      fitText(full, labelW - 8, 12),
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

/**
 * The width of a text in pixels at a font size, estimated without layout:
 * full-width characters (kana, kanji, full-width forms) are about one em,
 * others about 0.6 em. Generous, so a label never runs into its bar.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text)
    em +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 1
        : 0.62;
  return Math.ceil(em * fontSize);
}

/** The text, or as much of it as fits in `width` followed by `…`. */
function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const chars = Array.from(text);
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** `1,250 (41.7%)`, or with a different baseline count `1,134 → 1,250 (+116)`; the title says which is which. */
function countText(name: string | null, n: number, total: number, baseline?: BaselineCounts): string {
  const before = baseline?.counts.get(name) ?? (baseline ? 0 : undefined);
  if (before === undefined || before === n) return `${num(n)} (${((100 * n) / total).toFixed(1)}%)`;
  const delta = n - before;
  return `${num(before)} → ${num(n)} (${delta > 0 ? '+' : '−'}${num(Math.abs(delta))})`;
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
    viewBox: `0 0 ${WIDTH} ${height + 20}`,
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
      bar.append(svg('title', {}, `${num(first + i * binSize)}–${num(first + (i + 1) * binSize - 1)}: ${num(n)}`));
      chart.append(bar);
    });
    const rowEnds: number[] = [];
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
      // Labels of nearby thresholds go on separate rows, and one near the right edge ends at its line: none is cut off or overlaps.
      const text = current ? `${tier} ≥${num(value)}` : `(${num(value)})`;
      const width = textWidth(text, 10);
      const atEnd = x + 2 + width > WIDTH;
      const left = atEnd ? x - 2 - width : x + 2;
      let row = current ? 0 : 1;
      while ((rowEnds[row] ?? -Infinity) > left) row++;
      rowEnds[row] = left + width + 4;
      chart.append(
        line,
        svg(
          'text',
          {
            x: atEnd ? x - 2 : x + 2,
            y: 9 + 11 * row,
            'font-size': 10,
            'text-anchor': atEnd ? 'end' : 'start',
            fill: current ? '#b42318' : '#6b7280',
          },
          text,
        ),
      );
    };
    for (const [tier, value] of thresholds) {
      const before = baseline?.thresholds.get(tier);
      if (before !== undefined && before !== value) mark(tier, before, false);
      mark(tier, value, true);
    }
    chart.append(
      svg('text', { x: 5, y: height + 14, 'font-size': 11 }, num(first)),
      svg(
        'text',
        { x: WIDTH - 5, y: height + 14, 'font-size': 11, 'text-anchor': 'end' },
        num(first + bins.length * binSize),
      ),
    );
  }
  return h('figure', { class: 'chart' }, h('figcaption', {}, t().histogram), chart);
}

/** Before the first data is scored: a note in place of empty charts. */
export function chartsLoading(): HTMLElement {
  return h('p', { class: 'charts-loading', role: 'status', 'data-testid': 'charts-loading' }, t().loading);
}
