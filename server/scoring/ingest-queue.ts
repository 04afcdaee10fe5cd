import type { ServiceCore } from './core.js';
import { storeEventGroup, type EventRequest } from './store-event-group.js';

/** A group takes further requests only while it holds fewer events than this (one larger request still goes alone). */
export const MAX_GROUP_EVENTS = 2_000;

/**
 * How many groups are under way at once. PGlite runs one transaction at a
 * time: two let the next group wait, ready, while the previous one's log is
 * flushed. A PostgreSQL server runs several at once, on a pool of 8
 * connections that the background work shares.
 */
const IN_FLIGHT = { pglite: 2, postgres: 3 } as const;

interface Waiting {
  readonly request: EventRequest;
  readonly keys: readonly string[];
  readonly events: number;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Group commit for POST /v1/events: requests that arrive while earlier ones
 * are being stored wait here, then go to the database together, in one
 * transaction (one commit, one log flush, the same handful of statements).
 * Each request is answered only once its own group has committed.
 *
 * A group never holds two requests that touch the same lead, a request never
 * overtakes an earlier one that touches one of its leads, and none starts
 * while a group under way holds one of its leads: per lead,
 * requests are stored in arrival order, one transaction each, exactly as if
 * they had come one after another. Requests on different leads are
 * independent, so storing them together changes nothing but the cost.
 */
export class IngestQueue {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  /** The leads of the groups under way: a request on one of them waits until that group has committed. */
  private readonly busy = new Set<string>();

  constructor(
    private readonly core: ServiceCore,
    private readonly maxInFlight: number = IN_FLIGHT[core.db.kind],
  ) {}

  /** Resolves once the request's events are committed (its results filled in); rejects if its transaction failed. */
  store(request: EventRequest): Promise<void> {
    let events = 0;
    for (const items of request.byLead.values()) events += items.length;
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, keys: [...request.byLead.keys()], events, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.maxInFlight && this.waiting.length > 0) {
      const group = this.takeGroup();
      if (group.length === 0) return;
      const keys = group.flatMap((w) => w.keys);
      for (const key of keys) this.busy.add(key);
      this.running++;
      void this.run(group).finally(() => {
        for (const key of keys) this.busy.delete(key);
        this.running--;
        this.pump();
      });
    }
  }

  /**
   * The waiting requests, oldest first, that touch no lead of a group under
   * way nor of an earlier waiting request, while they fit (the first always
   * fits). Empty when every waiting request waits for a group under way.
   */
  private takeGroup(): Waiting[] {
    const group: Waiting[] = [];
    const taken = new Set(this.busy);
    let events = 0;
    for (let i = 0; i < this.waiting.length && events < MAX_GROUP_EVENTS;) {
      const next = this.waiting[i]!;
      const clashes = next.keys.some((key) => taken.has(key));
      // Its leads count as taken even when it stays: a later request on one of them must not overtake it.
      for (const key of next.keys) taken.add(key);
      if (clashes || (group.length > 0 && events + next.events > MAX_GROUP_EVENTS)) {
        i++;
        continue;
      }
      group.push(next);
      events += next.events;
      this.waiting.splice(i, 1);
    }
    return group;
  }

  private async run(group: readonly Waiting[]): Promise<void> {
    try {
      const scores = await storeEventGroup(
        this.core,
        group.map((w) => w.request),
      );
      this.core.onCommitted(scores);
      for (const w of group) w.resolve();
      return;
    } catch (e) {
      if (group.length === 1) return group[0]!.reject(e);
    }
    // Nothing of the group was stored. If one request is what the database refused, it alone must fail: each again, alone.
    for (const w of group) {
      try {
        this.core.onCommitted(await storeEventGroup(this.core, [w.request]));
        w.resolve();
      } catch (e) {
        w.reject(e);
      }
    }
  }
}

const queues = new WeakMap<ServiceCore, IngestQueue>();

/** The service's one queue (one per ServiceCore). */
export function ingestQueueOf(core: ServiceCore): IngestQueue {
  let queue = queues.get(core);
  if (!queue) queues.set(core, (queue = new IngestQueue(core)));
  return queue;
}
