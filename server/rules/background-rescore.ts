import type { ServiceCore } from '../scoring/core.js';
import { rescoreStaleRules } from './rescore-all.js';

/** Re-scores leads of older rules versions in the background, one run at a time; kick() after a new version. */
export class BackgroundRescore {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly core: ServiceCore,
    private readonly onError: (e: unknown) => void,
  ) {}

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await rescoreStaleRules(this.core, () => this.stopped);
        } while (this.again && !this.stopped);
      } catch (e) {
        this.onError(e);
      } finally {
        this.running = undefined;
      }
    })();
  }

  /** Resolves when idle. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
