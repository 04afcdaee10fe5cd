import type { RejectedRecord } from '../runtime/batch/rejects.js';
import { exactId } from '../runtime/readers/exact-ids.js';

/**
 * One line of the --rejects file. Whatever the invalid record holds, the line
 * is written and the record is kept whole: `data` is always present (null when
 * the reader had nothing), a big integer keeps its digits (as a string,
 * since JSON.stringify cannot write one; an `id` or `lead_id` read beyond
 * 2^53 as its text, digit for digit, as the scores output writes it), and a value JSON cannot hold
 * (a cycle) is replaced by a note instead of crashing the run midway.
 */
export function rejectLine(reject: RejectedRecord): string {
  const record = { ...reject, data: reject.data === undefined ? null : reject.data };
  try {
    return JSON.stringify(record, keepBigInts);
  } catch {
    return JSON.stringify({ ...record, data: safeCopy(reject.data, new Set()) });
  }
}

function keepBigInts(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && (key === 'id' || key === 'lead_id') && typeof this === 'object' && this !== null)
    return exactId(this as Record<string, unknown>, key);
  return value;
}

function safeCopy(value: unknown, seen: Set<object>): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null)
    return typeof value === 'function' || typeof value === 'symbol' ? String(value) : value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  const copy: unknown = Array.isArray(value)
    ? value.map((v) => safeCopy(v, seen))
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safeCopy(keepBigInts.call(value, k, v), seen)]));
  seen.delete(value);
  return copy;
}
