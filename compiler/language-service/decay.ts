/**
 * Hover on `decay R% every D` (language version 2): what a rule's points are
 * worth as an event ages. Read from the text of the line, so it works before
 * and after the parser knows the construct. Integer arithmetic as the
 * language defines it: v(0) = P, v(k+1) = trunc(v(k) × (100 − R) / 100), an
 * event of age a is worth v(floor(a / D)).
 */
export interface DecayInfo {
  /** Offsets of `decay R% every D` in the text. */
  readonly start: number;
  readonly end: number;
  readonly points: number;
  readonly percent: number;
  readonly every: string;
  /** Each step's worth, from v(0) to the first 0 (at most MAX_STEPS). */
  readonly steps: readonly number[];
}

const MAX_STEPS = 12;
const DECAY = /([+-]\d+)(?![.\d])[^"#\r\n]*?(?<![\p{L}\p{N}_])decay\s+(\d+)%\s+every\s+(\d+)([hdw])(?![\p{L}\p{N}_])/gu;

export function decayAt(text: string, offset: number): DecayInfo | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const ends = [text.indexOf('\n', offset), text.indexOf('\r', offset)].filter((i) => i >= 0);
  const line = text.slice(lineStart, ends.length > 0 ? Math.min(...ends) : text.length);
  for (const m of line.matchAll(DECAY)) {
    const start = lineStart + m.index + m[0].lastIndexOf('decay');
    const end = lineStart + m.index + m[0].length;
    if (offset < start || offset > end) continue;
    const points = Number(m[1]);
    const percent = Number(m[2]);
    if (percent < 1 || percent > 100) return undefined;
    const steps = [points];
    while (steps[steps.length - 1] !== 0 && steps.length < MAX_STEPS)
      steps.push(Math.trunc((steps[steps.length - 1]! * (100 - percent)) / 100) || 0);
    return { start, end, points, percent, every: `${m[3]}${m[4]}`, steps };
  }
  return undefined;
}

/** The table a hover shows: each age band and what a matching event is worth in it. */
export function decayMarkdown(info: DecayInfo): string {
  const amount = Number(info.every.slice(0, -1));
  const unit = info.every.slice(-1);
  const band = (k: number) => `${k * amount}${unit}`;
  const rows = info.steps.map((worth, k) => {
    const last = k === info.steps.length - 1;
    return `| ${last ? `${band(k)} –` : `${band(k)} – ${band(k + 1)}`} | ${worth > 0 ? '+' : ''}${worth} |`;
  });
  return [
    `**decay ${info.percent}% every ${info.every}** (${info.points > 0 ? '+' : ''}${info.points})`,
    '',
    '| age | worth |',
    '| --- | --- |',
    ...rows,
  ].join('\n');
}
