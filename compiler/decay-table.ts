/**
 * The worths of one event under `decay R% every D`, step by step, and their
 * display for the playground's hover. Browser-safe and exact: the table is
 * computed with BigInt, so points of any size give the same integers as every
 * engine (v(k+1) = trunc(v(k) × (100 − R) / 100), truncating toward zero).
 */

/** v(0) = points, …, ending with the first 0 (or the points themselves when they are 0). */
export function decayTable(points: number, percent: number): number[] {
  if (!Number.isSafeInteger(points) || !Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new RangeError(`decay needs integer points and a percent from 1 to 100 (got ${points}, ${percent})`);
  }
  const keep = BigInt(100 - percent);
  const table = [points];
  let v = BigInt(points);
  while (v !== 0n) {
    v = (v * keep) / 100n; // BigInt division truncates toward zero
    table.push(Number(v));
  }
  return table;
}

/** The worth of an event `steps` full steps old (0 past the end of the table). */
export function decayedWorth(table: readonly number[], steps: number): number {
  return steps < table.length ? table[steps]! : 0;
}

const UNIT_NAMES = {
  en: { h: ['hour', 'hours'], d: ['day', 'days'], w: ['week', 'weeks'] },
  ja: { h: '時間', d: '日', w: '週間' },
} as const;

/** Longer tables are shown by their first steps, "…" and the final 0. */
const SHOWN_STEPS = 8;

function arrow(table: readonly number[]): string {
  const shown =
    table.length <= SHOWN_STEPS + 1 ? table : [...table.slice(0, SHOWN_STEPS), '…', table[table.length - 1]!];
  return shown.map(String).join(' → ');
}

/**
 * `+30 decay 50% every 30d` → "30 → 15 → 7 → 3 → 1 → 0, every 30 days"
 * (English) or "30 → 15 → 7 → 3 → 1 → 0（30日ごと）" (Japanese).
 */
export function formatDecayTable(
  points: number,
  percent: number,
  every: { amount: number; unit: 'h' | 'd' | 'w' },
  language: 'en' | 'ja' = 'en',
): string {
  const steps = arrow(decayTable(points, percent));
  if (language === 'ja') return `${steps}（${every.amount}${UNIT_NAMES.ja[every.unit]}ごと）`;
  const [one, many] = UNIT_NAMES.en[every.unit];
  return `${steps}, every ${every.amount} ${every.amount === 1 ? one : many}`;
}
