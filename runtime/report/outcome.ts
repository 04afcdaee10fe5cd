/**
 * Reading the outcome field (`--outcome FIELD`): did the lead become an
 * opportunity? Browser-safe.
 *
 * - `true` → converted; `false`, `null`, missing, `""` → not converted;
 * - a number: not 0 → converted (a 1/0 column);
 * - a string: `"true"`/`"false"` (any case, `"1"`/`"0"`) as the boolean; a
 *   date or date-time (ISO 8601, e.g. the day the opportunity was created) →
 *   converted: a set date means it happened;
 * - anything else is *unreadable*: counted, reported, and taken as not converted.
 */
import { parseInstant } from '../../core/time.js';

export type OutcomeValue = { readonly converted: boolean; readonly readable: boolean; readonly present: boolean };

export function readOutcome(value: unknown): OutcomeValue {
  if (value === undefined || value === null) return { converted: false, readable: true, present: false };
  if (typeof value === 'boolean') return { converted: value, readable: true, present: true };
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? { converted: value !== 0, readable: true, present: true }
      : { converted: false, readable: false, present: true };
  if (typeof value === 'string') {
    const t = value.trim();
    if (t === '') return { converted: false, readable: true, present: true };
    const lower = t.toLowerCase();
    if (lower === 'true' || lower === '1') return { converted: true, readable: true, present: true };
    if (lower === 'false' || lower === '0') return { converted: false, readable: true, present: true };
    if (parseInstant(t, undefined) !== undefined) return { converted: true, readable: true, present: true };
  }
  return { converted: false, readable: false, present: true };
}
