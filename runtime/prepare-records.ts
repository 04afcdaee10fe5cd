import type { Validators } from '../compiler/schema/validators.js';
import { leadIdReasons } from '../compiler/schema/validators.js';
import { parseInstant } from '../core/time.js';

/**
 * Turns a record read from a data file into what the scorer takes, or into
 * the reasons it is invalid (docs/language.md#14-the-schema-file). Browser-safe: the playground
 * prepares the records of files dropped on it the same way.
 */

/** An event ready for scoring: its `at` is epoch milliseconds. */
export interface PreparedEvent {
  readonly type: string;
  readonly at: number;
  readonly [property: string]: unknown;
}

export type Prepared<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reasons: string[] };

const TIME_EXAMPLE = 'an ISO 8601 time such as 2026-11-01T09:00:00+09:00 or 2026-11-01';

/**
 * Validates an event and reads its time. The record is reused (its `at`
 * becomes epoch ms) only once it is known to be valid, so an invalid record
 * stays as it was read, for --rejects. `callerReasons` are what the caller
 * found wrong with the record (a separate events file's `lead_id`): they come
 * first, and make the event invalid too.
 */
export function prepareEvent(
  record: unknown,
  validators: Validators | undefined,
  timeZone: string | undefined,
  callerReasons: readonly string[] = [],
): Prepared<PreparedEvent> {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return {
      ok: false,
      reasons: [`an event must be an object with type and at (got ${JSON.stringify(record) ?? String(record)})`],
    };
  }
  const event = record as Record<string, unknown>;
  const reasons: string[] = [...callerReasons];
  const type = Object.hasOwn(event, 'type') ? event.type : undefined;
  const at = Object.hasOwn(event, 'at') ? event.at : undefined;
  if (typeof type !== 'string' || type === '')
    reasons.push(
      type === undefined || type === null ? 'type is required' : `type must be a text (got ${JSON.stringify(type)})`,
    );
  let ms: number | undefined;
  if (at === undefined || at === null || at === '') reasons.push(`at is required: ${TIME_EXAMPLE}`);
  else if (typeof at !== 'string') reasons.push(`at must be ${TIME_EXAMPLE} (got ${JSON.stringify(at)})`);
  else if ((ms = parseInstant(at, timeZone)) === undefined)
    reasons.push(`at ${JSON.stringify(at)} is not ${TIME_EXAMPLE}`);
  if (typeof type === 'string' && type !== '' && validators) reasons.push(...validators.validateEvent(type, event));
  if (reasons.length > 0 || ms === undefined) return { ok: false, reasons };
  event.at = ms;
  return { ok: true, value: event as PreparedEvent };
}

/** Validates a lead (its nested `events` are prepared separately, by the caller). */
export function prepareLead(record: unknown, validators: Validators | undefined): Prepared<Record<string, unknown>> {
  const reasons = validators ? validators.validateLead(record) : leadIdReasons(record);
  if (reasons.length === 0 && Object.hasOwn(record as object, 'events')) {
    const nested = (record as Record<string, unknown>).events;
    if (!Array.isArray(nested)) reasons.push(`events must be a list of events (got ${JSON.stringify(nested)})`);
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, value: record as Record<string, unknown> };
}

/** The key a lead's events are grouped under: ids `7` and `"7"` are the same lead. */
export function leadKey(id: unknown): string {
  return typeof id === 'number' ? String(id) : (id as string);
}
