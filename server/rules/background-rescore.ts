import type { ServiceCore } from '../scoring/core.js';
import { rescoreStaleRules } from './rescore-all.js';

/** The wait before the n-th retry after a failure (1-based): 0.5 s doubling up to 30 s, with jitter. */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const capped = Math.min(500 * 2 ** Math.min(Math.max(failures - 1, 0), 10), 30_000);
  return Math.round(capped / 2 + (capped / 2) * random());
}

/**
 * Re-scores leads of older rules versions in the background, one run at a
 * time; kick() after a new version. A run that fails (the database went
 * away, a deadlock that outlasted its retries) is reported and run again
 * after a backoff, until it succeeds or the service stops: what the failed
 * batch had not committed is still on the old version and is picked up.
 */
export class BackgroundRescore {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly core: ServiceCore,
    private readonly onError: (e: unknown) => void,
    private readonly delayMs: (failures: number) => number = retryDelayMs,
  ) {}

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await rescoreStaleRules(this.core, () => this.stopped);
        } while (this.again && !this.stopped);
        this.failures = 0;
      } catch (e) {
        this.failures++;
        this.onError(e);
        this.retryLater();
      } finally {
        this.running = undefined;
      }
    })();
  }

  /** Resolves when idle: no run under way and no retry waiting. */
  async idle(): Promise<void> {
    while (this.running || this.retryTimer) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.running;
  }

  private retryLater(): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, this.delayMs(this.failures));
    this.retryTimer.unref?.();
  }
}
