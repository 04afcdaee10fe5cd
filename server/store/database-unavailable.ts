/**
 * Whether an error means the database cannot be reached (a PostgreSQL server
 * gone, restarting or cut off), as opposed to a bug or a bad request: the
 * service then answers 503 and the client retries; the request's
 * transaction was rolled back, so nothing of it was stored.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** PostgreSQL: class 08 (connection exception), 57P01-57P03 (shutting down, crash shutdown, cannot connect now). */
const SERVER_CODES = /^(08...|57P0[123])$/;
const DRIVER_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.test(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return typeof message === 'string' && DRIVER_MESSAGES.test(message);
}
