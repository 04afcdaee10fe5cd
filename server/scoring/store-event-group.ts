import type { ScoringEvent } from '../../core/score-result.js';
import type { NewEvent, StoredScore } from '../store/lead-rows.js';
import { createMissingLeads, insertEventsReadingAll, lockLeadsWithScores } from '../store/ingest-rows.js';
import { recordChanges, type ScoreChange } from '../store/score-changes.js';
import { catchUp, planRescore } from './rescore-lead.js';
import type { ServiceCore } from './core.js';
import type { ValidEvent } from './validate-records.js';

export type EventResult = {
  readonly index: number;
  readonly id: unknown;
  readonly status: 'stored' | 'duplicate' | 'invalid';
  readonly errors?: string[];
};

/** One POST /v1/events request's valid events, by lead key; its results are filled in by storeEventGroup. */
export interface EventRequest {
  readonly byLead: ReadonlyMap<string, readonly { readonly index: number; readonly event: ValidEvent }[]>;
  readonly results: EventResult[];
}

/**
 * Stores the valid events of one or more requests in one transaction and
 * re-scores each lead they touch once. The requests touch disjoint leads
 * (ingest-queue.ts groups them so), so the outcome is exactly that of
 * running them one after another: per lead, the same catch-up, the same
 * duplicates, the same score and history row. A repeat of a stored
 * (lead_id, id) is a duplicate and changes nothing; an unknown lead is
 * created with no attributes. Returns the committed scores.
 */
export async function storeEventGroup(core: ServiceCore, requests: readonly EventRequest[]): Promise<StoredScore[]> {
  const owner = new Map<string, EventRequest>();
  for (const request of requests) for (const key of request.byLead.keys()) owner.set(key, request);
  const keys = [...owner.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const itemsOf = (key: string) => owner.get(key)!.byLead.get(key)!;
  // Taken out now, put back once committed: a failed transaction leaves the leads to be read from the database.
  const held = new Map<string, readonly ScoringEvent[]>();
  for (const key of keys) {
    const list = core.leadEvents?.take(key);
    if (list) held.set(key, list);
  }
  let committedEvents: ReadonlyMap<string, readonly ScoringEvent[]> = new Map();
  const scores = await core.db.transaction(async (tx) => {
    const rules = await core.registry.inTransaction(tx);
    const now = await core.clock.now(tx);
    // Creating the missing leads, then locking the others, both in key order, keeps two writers from waiting on each other in a cycle.
    const records = new Map<string, string>(
      keys.map((key) => [key, JSON.stringify({ id: itemsOf(key)[0]!.event.leadId })]),
    );
    // A lead whose events are held in memory exists (leads are never deleted): only the others may need creating.
    const maybeNew = keys.filter((key) => !held.has(key));
    const created =
      maybeNew.length === 0
        ? new Set<string>()
        : await createMissingLeads(
            tx,
            maybeNew.map((key) => ({ key, recordIfNew: records.get(key)! })),
          );
    const existing = keys.filter((key) => !created.has(key));
    const before = new Map<string, StoredScore>();
    if (existing.length > 0) {
      for (const [key, locked] of await lockLeadsWithScores(tx, existing)) {
        records.set(key, locked.record);
        if (!locked.score) continue;
        before.set(key, locked.score);
        // Changes the clock brought before now are made first, each at its own instant (rare: the scheduler makes them as they fall due).
        if (locked.score.rulesVersion === rules.version && (locked.score.nextChange ?? Infinity) > now) continue;
        const current = await catchUp(tx, rules, key, now);
        if (current) before.set(key, current);
      }
    }
    // Each (lead, id) once: a repeat within a request is a duplicate of the first.
    const toInsert: NewEvent[] = [];
    const seen = new Set<string>();
    for (const key of keys)
      for (const { event } of itemsOf(key)) {
        const pair = `${key}\u0000${event.eventId}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        toInsert.push({
          key,
          eventId: event.eventId,
          type: event.type,
          at: event.at,
          record: JSON.stringify(event.record),
        });
      }
    const { stored, eventsOf } = await insertEventsReadingAll(tx, toInsert, held);
    committedEvents = eventsOf;
    const changes: ScoreChange[] = [];
    for (const key of keys) {
      const request = owner.get(key)!;
      const storedIds: unknown[] = [];
      for (const { index, event } of itemsOf(key)) {
        const isNew = stored.delete(`${key}\u0000${event.eventId}`);
        request.results[index] = { index, id: event.id, status: isNew ? 'stored' : 'duplicate' };
        if (isNew) storedIds.push(event.id);
      }
      if (!created.has(key) && storedIds.length === 0) continue;
      const lead = JSON.parse(records.get(key)!) as Record<string, unknown>;
      const plan = planRescore(rules, key, lead, eventsOf.get(key) ?? [], before.get(key), now, {
        kind: 'event',
        event_ids: storedIds,
      });
      changes.push(plan);
    }
    await recordChanges(tx, changes, 'insert');
    return changes.map((c) => c.after);
  });
  if (core.leadEvents)
    for (const key of keys) {
      const list = committedEvents.get(key) ?? held.get(key);
      if (list) core.leadEvents.put(key, list);
    }
  return scores;
}
