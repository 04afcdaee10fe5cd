/**
 * JSON numbers too large for a number (`1e309`): JSON.parse makes them
 * Infinity, which JSON.stringify then writes as `null`, so the value would be
 * lost on its way to --rejects or the output. The readers reject such a
 * record with its source text kept whole. Lead ids are the exception: they
 * keep their text anyway (exact-ids.ts). Only lines whose text could hold
 * such a number (an exponent of three digits or more, or 309 digits in a
 * row) pay for the look at their values.
 */
const MAY_HOLD_HUGE = /[eE]\+?\d{3}|\d{309}/;
const ID_KEYS = new Set(['id', 'lead_id']);

export function mayHoldHugeNumber(text: string): boolean {
  return MAY_HOLD_HUGE.test(text);
}

/** The reason a record is rejected for, when one of its values (other than its id) is a number too large to be one. */
export function hugeNumberReason(record: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(record)) {
    if (ID_KEYS.has(key)) continue;
    const path = findHuge(value, key);
    if (path !== undefined)
      return `number out of range at ${path}: it is too large to be a number; write a smaller number, or the value as a text in quotes`;
  }
  return undefined;
}

function findHuge(value: unknown, path: string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findHuge(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    const found = findHuge(inner, `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
