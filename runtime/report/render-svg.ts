/**
 * Inline SVG charts for the HTML report: plain markup, no scripts, no
 * fonts or images from the network. Every text goes through `escapeXml`.
 * Numbers are written with fixed decimals and never NaN (empty input draws
 * an empty chart).
 */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const f = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '0');

export interface Bar {
  readonly label: string;
  /** Bar height value (e.g. lead count). */
  readonly value: number;
  /** Optional part of the bar drawn darker (e.g. converted leads). */
  readonly part?: number;
  /** Optional rate drawn as a dot on a 0–100 % right axis. */
  readonly rate?: number | null;
}

/** A bar chart: bars (count), darker part (converted), dots with a line (rate). */
export function barChart(
  bars: readonly Bar[],
  options: { title: string; valueLabel: string; partLabel?: string; rateLabel?: string },
): string {
  const width = 720;
  const height = 260;
  const left = 50;
  const right = 50;
  const top = 30;
  const bottom = 50;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const maxRate = Math.max(0.0001, ...bars.map((b) => b.rate ?? 0));
  const step = bars.length === 0 ? plotW : plotW / bars.length;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(options.title)}" class="chart">`,
  );
  out.push(`<title>${escapeXml(options.title)}</title>`);
  out.push(`<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#888"/>`);
  out.push(
    `<text x="${left}" y="${top - 10}" font-size="12" fill="#333">${escapeXml(options.valueLabel)} (最大 ${max.toLocaleString('en-US')})</text>`,
  );
  if (options.rateLabel)
    out.push(
      `<text x="${left + plotW}" y="${top - 10}" font-size="12" fill="#c0392b" text-anchor="end">● ${escapeXml(options.rateLabel)} (最大 ${(maxRate * 100).toFixed(1)}%)</text>`,
    );
  const points: string[] = [];
  const segments: string[][] = [];
  bars.forEach((b, i) => {
    const x = left + i * step;
    const h = (b.value / max) * plotH;
    out.push(
      `<rect x="${f(x + step * 0.1)}" y="${f(top + plotH - h)}" width="${f(step * 0.8)}" height="${f(h)}" fill="#9ec5e8"><title>${escapeXml(b.label)}: ${b.value}</title></rect>`,
    );
    if (b.part !== undefined && b.part > 0) {
      const ph = (b.part / max) * plotH;
      out.push(
        `<rect x="${f(x + step * 0.1)}" y="${f(top + plotH - ph)}" width="${f(step * 0.8)}" height="${f(ph)}" fill="#1f6fb2"><title>${escapeXml(b.label)}: ${escapeXml(options.partLabel ?? '')} ${b.part}</title></rect>`,
      );
    }
    if (b.rate === null && points.length > 0) segments.push(points.splice(0));
    if (b.rate !== undefined && b.rate !== null) {
      const cx = x + step / 2;
      const cy = top + plotH - (b.rate / maxRate) * plotH;
      points.push(`${f(cx)},${f(cy)}`);
      out.push(
        `<circle cx="${f(cx)}" cy="${f(cy)}" r="3" fill="#c0392b"><title>${escapeXml(b.label)}: ${(b.rate * 100).toFixed(1)}%</title></circle>`,
      );
    }
    if (bars.length <= 24 || i % Math.ceil(bars.length / 24) === 0) {
      out.push(
        `<text x="${f(x + step / 2)}" y="${top + plotH + 14}" font-size="10" fill="#333" text-anchor="end" transform="rotate(-40 ${f(x + step / 2)} ${top + plotH + 14})">${escapeXml(b.label)}</text>`,
      );
    }
  });
  // The rate line breaks where a bar has no rate, rather than bridging the gap.
  for (const segment of [...segments, points]) {
    if (segment.length > 1)
      out.push(`<polyline points="${segment.join(' ')}" fill="none" stroke="#c0392b" stroke-width="1.5"/>`);
  }
  out.push('</svg>');
  return out.join('');
}

/** Precision and recall (0–100 %) against the threshold, with the recommended and current thresholds marked. */
export function precisionRecallChart(
  rows: readonly { threshold: number; precision: number | null; recall: number | null }[],
  marks: readonly { threshold: number; label: string; color: string }[],
): string {
  const width = 720;
  const height = 260;
  const left = 50;
  const right = 20;
  const top = 30;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="適合率と再現率" class="chart"><title>適合率と再現率</title>`,
  ];
  if (rows.length === 0) return `${out[0]}</svg>`;
  const min = Math.min(...rows.map((r) => r.threshold));
  const max = Math.max(...rows.map((r) => r.threshold));
  const span = max - min || 1;
  const x = (t: number): number => left + ((t - min) / span) * plotW;
  const y = (v: number): number => top + plotH - v * plotH;
  out.push(`<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#ccc"/>`);
  for (const v of [0, 0.25, 0.5, 0.75, 1])
    out.push(
      `<text x="${left - 6}" y="${f(y(v) + 4)}" font-size="10" text-anchor="end" fill="#333">${v * 100}%</text>`,
    );
  out.push(
    `<text x="${left}" y="${height - 8}" font-size="11" fill="#333">${min}</text><text x="${left + plotW}" y="${height - 8}" font-size="11" fill="#333" text-anchor="end">${max}</text><text x="${left + plotW / 2}" y="${height - 8}" font-size="11" fill="#333" text-anchor="middle">閾値 (スコア以上)</text>`,
  );
  const line = (pick: (r: (typeof rows)[number]) => number | null, color: string): void => {
    const pts = rows.flatMap((r) => {
      const v = pick(r);
      return v === null ? [] : [`${f(x(r.threshold))},${f(y(v))}`];
    });
    if (pts.length > 0)
      out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`);
  };
  line((r) => r.precision, '#1f6fb2');
  line((r) => r.recall, '#27ae60');
  out.push(
    `<text x="${left + 8}" y="${top + 14}" font-size="12" fill="#1f6fb2">━ 適合率 (MQL→商談化率)</text><text x="${left + 8}" y="${top + 30}" font-size="12" fill="#27ae60">━ 再現率 (商談のカバー率)</text>`,
  );
  for (const m of marks) {
    out.push(
      `<line x1="${f(x(m.threshold))}" y1="${top}" x2="${f(x(m.threshold))}" y2="${top + plotH}" stroke="${m.color}" stroke-dasharray="4 3"/>`,
    );
    out.push(
      `<text x="${f(x(m.threshold) + 4)}" y="${top + plotH - 6}" font-size="11" fill="${m.color}">${escapeXml(m.label)}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}
