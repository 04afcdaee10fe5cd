import { isValidTimeZone, parseInstant } from '../core/time.js';
import { UsageError } from './exit-codes.js';

/** `--tz`: an IANA zone name such as Asia/Tokyo, or UTC. */
export function checkTimeZone(zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  if (!isValidTimeZone(zone))
    throw new UsageError(`--tz "${zone}" is not a time zone: use a name such as Asia/Tokyo or UTC`);
  return zone;
}

/** `--as-of`: an ISO 8601 time, read in the run's zone when it has no offset; now when absent. */
export function asOfInstant(text: string | undefined, timeZone: string | undefined): number {
  if (text === undefined) return Date.now();
  const ms = parseInstant(text, timeZone);
  if (ms === undefined) {
    throw new UsageError(
      `--as-of "${text}" is not an ISO 8601 time: use 2026-11-01, 2026-11-01T09:00 or 2026-11-01T09:00:00+09:00`,
    );
  }
  return ms;
}
