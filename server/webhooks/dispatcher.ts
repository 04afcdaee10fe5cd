import type { Database } from '../store/database.js';
import { retryDelay } from './backoff.js';
import { claimDue, fanOut, recordTry, type ClaimedDelivery } from './delivery-store.js';
import { renderBody } from './render-body.js';
import { sendTry } from './send-try.js';
import { DEFAULT_RETRY, type RetryPolicy, type Webhook, type WebhookOptions } from './webhook-config.js';

const DEFAULT_POLL_MS = 1000;

/**
 * Delivers the outbox to the webhooks: fans new outbox rows out into
 * deliveries, claims the due ones, makes one try each, and records the
 * outcome (delivered, retry after a backoff with jitter, or dead-lettered
 * once the dead-letter window has passed). It runs after every commit
 * (kick) and every pollMs, to see work written by other processes and
 * retries falling due. Times are the machine's clock, also with --clock manual:
 * retries happen in real time.
 */
export class WebhookDispatcher {
  private readonly retry: RetryPolicy;
  private readonly byKey: Map<string, Webhook>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly options: WebhookOptions,
    private readonly timeZone: string | undefined,
    private readonly onError: (e: unknown) => void,
  ) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.byKey = new Map(options.webhooks.map((w) => [w.key, w]));
  }

  start(): void {
    this.kick();
  }

  /**
   * After a commit: its tier changes go out at once. With no webhook there is
   * nobody to tell, and the poll marks the outbox rows as handled: a probe
   * of the outbox after every commit cost a statement a request.
   */
  committed(): void {
    if (this.byKey.size > 0) this.kick();
  }

  /** Runs now (or right after the run under way). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.runUntilIdle().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      this.timer = setTimeout(() => this.kick(), this.options.pollMs ?? DEFAULT_POLL_MS);
      this.timer.unref?.();
    });
  }

  /** Stops polling; resolves when the tries under way have been recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async runUntilIdle(): Promise<void> {
    try {
      do {
        this.again = false;
        while (!this.stopped && (await this.step())) {
          /* more work */
        }
      } while (this.again && !this.stopped);
    } catch (e) {
      this.onError(e);
    }
  }

  /** One round: fan out, claim, try. True when it found work. */
  private async step(): Promise<boolean> {
    const fanned = await fanOut(this.db, this.options.webhooks, this.options.notifyTiers, Date.now());
    if (this.byKey.size === 0) return fanned > 0;
    const claimed = await claimDue(this.db, [...this.byKey.keys()], Date.now(), this.retry.timeoutMs + 60_000);
    await Promise.all(claimed.map((d) => this.deliver(d)));
    return fanned > 0 || claimed.length > 0;
  }

  private async deliver(d: ClaimedDelivery): Promise<void> {
    const webhook = this.byKey.get(d.webhook)!;
    let outcome;
    try {
      const body = renderBody(webhook.format, d.payload, d.leadRecord, this.timeZone);
      outcome = await sendTry(webhook.url, d.id, body, this.options.secret, this.retry.timeoutMs);
    } catch (e) {
      outcome = {
        ok: false as const,
        status: null,
        error: `the message could not be written: ${(e as Error).message}`,
      };
    }
    const now = Date.now();
    await recordTry(this.db, d, outcome, now, now + retryDelay(d.attempt, this.retry), this.retry.deadAfterMs);
  }
}
