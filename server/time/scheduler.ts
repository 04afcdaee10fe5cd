import type { ServiceCore } from '../scoring/core.js';
import { earliestDue, processDueChanges } from './due-changes.js';

/** Longest sleep: a change another process stored is noticed at least this often. */
const MAX_SLEEP_MS = 30_000;

/**
 * With the system clock: sleeps until the earliest stored next change and
 * then makes every change due (processDueChanges). Writers tell it of new
 * scores, so a sooner change moves the wake-up forward.
 */
export class DueScheduler {
  private timer: NodeJS.Timeout | undefined;
  private wakeAt = Infinity;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly core: ServiceCore,
    private readonly onError: (e: unknown) => void,
  ) {}

  start(): void {
    this.run();
  }

  notify(nextChange: number | null): void {
    if (nextChange !== null && nextChange < this.wakeAt) this.sleepUntil(nextChange);
  }

  /** Stops waking up; resolves when a run in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private sleepUntil(at: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.wakeAt = at;
    const delay = Math.max(0, Math.min(at - Date.now(), MAX_SLEEP_MS));
    this.timer = setTimeout(() => this.run(), delay);
    this.timer.unref?.();
  }

  private run(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.wakeAt = Infinity;
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await processDueChanges(this.core, Date.now());
        } while (this.again && !this.stopped);
        const next = await earliestDue(this.core);
        this.sleepUntil(next ?? Date.now() + MAX_SLEEP_MS);
      } catch (e) {
        this.onError(e);
        this.sleepUntil(Date.now() + 1000);
      } finally {
        this.running = undefined;
      }
    })();
  }
}
