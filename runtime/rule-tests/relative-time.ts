/**
 * Times in rule tests (docs/rule-tests.md): `now`, `3d ago`, `12h ago`,
 * `2w ago`, `in 1d` (also spelt `3 days ago`, `in 1 hour`), or an ISO 8601
 * time. A relative time is measured from the
 * case's as-of instant with the language's fixed-length units (1d = 24 hours),
 * so `90d ago` is exactly as old as `within 90d` — the boundary a test wants
 * to pin down. Browser-safe.
 */
import { parseInstant } from '../../core/time.js';

const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, d: 86_400_000, w: 604_800_000 };

// `3d`, also `3 d`, `3 days`, `1 hour`, `2 weeks`: the unit is its first letter.
const AMOUNT = String.raw`(\d{1,6}) ?(h|hours?|d|days?|w|weeks?)`;
const AGO = new RegExp(`^${AMOUNT} ago$`);
const IN = new RegExp(`^in ${AMOUNT}$`);

/** The examples every time message shows. */
export const TEST_TIME_EXAMPLES =
  '3d ago, 12h ago, 2w ago, now, in 1d, or an ISO 8601 time such as 2026-10-30T10:00:00+09:00';

/**
 * The signed offset from the as-of instant that a relative time means
 * (`3d ago` → −3 days, `in 1d` → +1 day, `now` → 0), or undefined when `text`
 * is not a relative time.
 */
export function relativeOffsetMs(text: string): number | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === 'now') return 0;
  const ago = AGO.exec(t);
  if (ago) return 0 - Number(ago[1]) * (UNIT_MS[(ago[2] ?? '').charAt(0)] ?? NaN); // 0 - x: `0d ago` is +0, not -0
  const ahead = IN.exec(t);
  if (ahead) return Number(ahead[1]) * (UNIT_MS[(ahead[2] ?? '').charAt(0)] ?? NaN);
  return undefined;
}

/** True when `text` is written relative to the as-of instant. */
export function isRelativeTime(text: string): boolean {
  return relativeOffsetMs(text) !== undefined;
}

export type ResolvedTime = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly reason: string };

/**
 * Epoch ms of a test time: relative times count from `asOf`; an ISO 8601
 * time without an offset is read in `timeZone` (UTC when undefined).
 */
export function resolveTestTime(value: unknown, asOf: number, timeZone: string | undefined): ResolvedTime {
  if (typeof value !== 'string') {
    return {
      ok: false,
      reason: `must be a time such as ${TEST_TIME_EXAMPLES} (got ${JSON.stringify(value) ?? String(value)})`,
    };
  }
  const offset = relativeOffsetMs(value);
  if (offset !== undefined) return { ok: true, ms: asOf + offset };
  const ms = parseInstant(value.trim(), timeZone);
  if (ms !== undefined) return { ok: true, ms };
  return { ok: false, reason: `${JSON.stringify(value)} is not a time: write ${TEST_TIME_EXAMPLES}` };
}
