import type { ServiceCore } from '../scoring/core.js';
import { changeMarker, kpiSnapshot, type KpiSnapshot } from '../metrics/kpi-snapshot.js';

/** How often the feed looks for changes (ms); also those made by other processes on one database. */
const CHECK_MS = 1000;
/** A full refresh this often, for changes that write no history row (an outcome field set on a lead). */
const REFRESH_MS = 30_000;

type Listener = (snapshot: KpiSnapshot) => void;

/**
 * One poller for every open dashboard: it reads a cheap change marker each
 * second and, when it moved, computes the figures once and hands them to
 * every listener (Server-Sent Events). It runs only while someone listens.
 */
export class LiveFeed {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private marker = '';
  private refreshedAt = 0;
  private latest: KpiSnapshot | undefined;

  constructor(
    private readonly core: ServiceCore,
    private readonly outcomeField: string | undefined,
    private readonly onError: (e: unknown) => void,
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.latest) listener(this.latest);
    if (!this.timer) this.schedule(0);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
    };
  }

  stop(): void {
    this.listeners.clear();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => void this.check(), ms);
    this.timer.unref?.();
  }

  private async check(): Promise<void> {
    try {
      const marker = await changeMarker(this.core);
      if (marker !== this.marker || Date.now() - this.refreshedAt >= REFRESH_MS || !this.latest) {
        const snapshot = await kpiSnapshot(this.core, this.outcomeField);
        this.marker = marker;
        this.refreshedAt = Date.now();
        this.latest = snapshot;
        for (const l of this.listeners) l(snapshot);
      }
    } catch (e) {
      this.onError(e);
    }
    if (this.listeners.size > 0) this.schedule(CHECK_MS);
    else this.timer = undefined;
  }
}
