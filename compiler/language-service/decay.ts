/**
 * Hover on `decay R% every D` (language version 2): what a rule's points are
 * worth as an event ages. Read from the parsed rule's decay modifier, and
 * computed by compiler/decay-table.ts, the arithmetic every engine shares:
 * v(0) = P, v(k+1) = trunc(v(k) × (100 − R) / 100), an event of age a is
 * worth v(floor(a / D)).
 */
import { modifierOf, rulesOf, type Duration, type RuleFile } from '../../grammar/ast.js';
import type { Range } from '../../grammar/range.js';
import { decayTable, formatDecayTable } from '../decay-table.js';

export interface DecayInfo {
  /** `decay R% every D` in the source. */
  readonly range: Range;
  readonly points: number;
  readonly percent: number;
  readonly every: Pick<Duration, 'amount' | 'unit'>;
  /** Each step's worth, from v(0) to the first 0. */
  readonly steps: readonly number[];
}

/** Rows a hover shows at most: a longer table skips from its first rows to the final 0. */
const MAX_ROWS = 12;

/** The decay the cursor is on (touching either end counts), if any. */
export function decayAt(file: RuleFile, offset: number): DecayInfo | undefined {
  for (const { rule } of rulesOf(file)) {
    if (rule.kind !== 'on') continue;
    const decay = modifierOf(rule, 'decay');
    if (!decay || offset < decay.range.start.offset || offset > decay.range.end.offset) continue;
    const points = rule.points.value;
    // The checker reports an out-of-range percent; the hover has nothing to show for it.
    if (!Number.isSafeInteger(points) || decay.percent < 1 || decay.percent > 100) return undefined;
    return {
      range: decay.range,
      points,
      percent: decay.percent,
      every: { amount: decay.every.amount, unit: decay.every.unit },
      steps: decayTable(points, decay.percent),
    };
  }
  return undefined;
}

/** The table a hover shows: each age band and what a matching event is worth in it, then the steps in one line. */
export function decayMarkdown(info: DecayInfo, language: 'en' | 'ja' = 'en'): string {
  const { amount, unit } = info.every;
  const band = (k: number) => `${k * amount}${unit}`;
  const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;
  const last = info.steps.length - 1;
  const row = (k: number) =>
    `| ${k === last ? `${band(k)} –` : `${band(k)} – ${band(k + 1)}`} | ${signed(info.steps[k]!)} |`;
  const shown =
    info.steps.length <= MAX_ROWS
      ? info.steps.map((_, k) => row(k))
      : [...info.steps.slice(0, MAX_ROWS - 2).map((_, k) => row(k)), '| … | … |', row(last)];
  return [
    `**decay ${info.percent}% every ${amount}${unit}** (${signed(info.points)})`,
    '',
    '| age | worth |',
    '| --- | --- |',
    ...shown,
    '',
    formatDecayTable(info.points, info.percent, info.every, language),
  ].join('\n');
}
