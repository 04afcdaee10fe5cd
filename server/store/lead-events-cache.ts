import type { ScoringEvent } from '../../core/score-result.js';

/** How many events the cache holds at most, over all leads (about 300 bytes each). */
export const CACHED_EVENTS = 200_000;

/**
 * Each recently active lead's events as the scorer takes them, oldest
 * first, so that storing a new event need not read the lead's earlier ones
 * back from the database. Only where this process is the data's only
 * writer (PGlite: one process owns the data directory) and events are
 * written only by the ingest of POST /v1/events, which takes a lead's
 * entry out before its transaction and puts the new list back after the
 * commit: a failed transaction leaves no entry, and the next request reads
 * the lead from the database. The least recently used leads go first once
 * more than `limit` events are held. Lists and events are never changed
 * once put: the scorer only reads them.
 */
export class LeadEventsCache {
  private readonly lists = new Map<string, readonly ScoringEvent[]>();
  private events = 0;

  constructor(private readonly limit = CACHED_EVENTS) {}

  /** Takes the lead's list out (undefined when not held): the caller puts back what it committed. */
  take(key: string): readonly ScoringEvent[] | undefined {
    const list = this.lists.get(key);
    if (list === undefined) return undefined;
    this.lists.delete(key);
    this.events -= list.length;
    return list;
  }

  /** Holds the lead's committed events (replacing what it held), as the most recently used. */
  put(key: string, list: readonly ScoringEvent[]): void {
    this.take(key);
    if (list.length > this.limit) return;
    this.lists.set(key, list);
    this.events += list.length;
    for (const [oldest, held] of this.lists) {
      if (this.events <= this.limit) break;
      this.lists.delete(oldest);
      this.events -= held.length;
    }
  }

  /** How many events are held (for tests). */
  get size(): number {
    return this.events;
  }
}
