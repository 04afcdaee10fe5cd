import type { RetryPolicy } from './webhook-config.js';

/**
 * The wait after the `attempt`-th failed try (1-based): base × 2^(attempt−1),
 * capped at maxDelayMs, then "equal jitter" — between half and all of it — so
 * that receivers coming back from an outage are not hit by every process at once.
 */
export function retryDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 40);
  const capped = Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
  return Math.round(capped / 2 + (capped / 2) * random());
}
