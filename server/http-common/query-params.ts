import { parseInstant } from '../../core/time.js';
import { ApiError } from './api-error.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export function limitParam(value: unknown): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < 1 || n > MAX_LIMIT) {
    throw new ApiError(
      400,
      'invalid_query',
      `limit must be a whole number from 1 to ${MAX_LIMIT} (got ${JSON.stringify(value)})`,
    );
  }
  return n;
}

export function instantParam(name: string, value: unknown, timeZone: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? parseInstant(value, timeZone) : undefined;
  if (ms === undefined)
    throw new ApiError(
      400,
      'invalid_query',
      `${name} must be an ISO 8601 time such as 2026-11-01T09:00:00Z (got ${JSON.stringify(value)})`,
    );
  return ms;
}

/** Cursors are opaque to clients: base64url of the position. */
export function encodeCursor(position: string): string {
  return Buffer.from(JSON.stringify({ after: position }), 'utf8').toString('base64url');
}

export function decodeCursor(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(String(value), 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch {
    // fall through
  }
  throw new ApiError(
    400,
    'invalid_cursor',
    'cursor is not one this service gave: pass the "next" of the previous page as it was',
  );
}

export function stringParam(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ApiError(400, 'invalid_query', `${name} must be given once`);
  return value;
}
