/**
 * The `--by FIELD` cohort of a lead. Browser-safe.
 *
 * - a date or date-time string (ISO 8601) → its month, `YYYY-MM`, in the
 *   report's time zone (`--tz`, UTC when not given), so `--by created_at`
 *   gives monthly cohorts;
 * - any other string, number or boolean → its text;
 * - missing, null or "" → `(未設定)`; an array or object → its JSON text.
 */
import { parseInstant, zoneOffsetMs } from '../../core/time.js';

export const MISSING_COHORT = '(未設定)';

export function cohortOf(value: unknown, timeZone: string | undefined): string {
  if (value === undefined || value === null || value === '') return MISSING_COHORT;
  if (typeof value === 'string') {
    const ms = parseInstant(value.trim(), timeZone);
    if (ms === undefined) return value;
    const local = timeZone === undefined || timeZone === 'UTC' ? ms : ms + zoneOffsetMs(timeZone, ms);
    return new Date(local).toISOString().slice(0, 7);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? MISSING_COHORT;
}

/** Cohort keys in order: `YYYY-MM` and other text ascending, numbers numerically, `(未設定)` last. */
export function compareCohorts(a: string, b: string): number {
  if (a === b) return 0;
  if (a === MISSING_COHORT) return 1;
  if (b === MISSING_COHORT) return -1;
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : 1;
}
