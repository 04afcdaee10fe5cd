import {
  insertEvents,
  lockOrCreateLeads,
  readLeadRecords,
  readScores,
  readScoringEventsOf,
  type NewEvent,
} from '../store/lead-rows.js';
import { catchUp, planRescore, recordPlans } from './rescore-lead.js';
import type { ServiceCore } from './core.js';
import { checkEvent, type ValidEvent } from './validate-records.js';

export type EventResult = {
  readonly index: number;
  readonly id: unknown;
  readonly status: 'stored' | 'duplicate' | 'invalid';
  readonly errors?: string[];
};

/**
 * POST /v1/events: each event judged alone; the valid ones stored, and each
 * lead they touch re-scored once, in one transaction. A repeat of a stored
 * (lead_id, id) is a duplicate and changes nothing; an unknown lead is
 * created with no attributes.
 */
export async function postEvents(core: ServiceCore, events: readonly unknown[]): Promise<EventResult[]> {
  const rules = core.registry.current;
  const results: EventResult[] = [];
  const byLead = new Map<string, { index: number; event: ValidEvent }[]>();
  events.forEach((body, index) => {
    const checked = checkEvent(body, rules, core.timeZone);
    const id =
      body !== null && typeof body === 'object' && !Array.isArray(body)
        ? ((body as Record<string, unknown>).id ?? null)
        : null;
    results.push({ index, id, status: 'invalid', ...(!checked.ok && { errors: checked.reasons }) });
    if (!checked.ok) return;
    const list = byLead.get(checked.value.key) ?? [];
    list.push({ index, event: checked.value });
    byLead.set(checked.value.key, list);
  });
  if (byLead.size === 0) return results;
  const keys = [...byLead.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const scores = await core.db.transaction(async (tx) => {
    const rules = await core.registry.inTransaction(tx);
    const now = await core.clock.now(tx);
    const created = await lockOrCreateLeads(
      tx,
      keys.map((key) => ({ key, recordIfNew: JSON.stringify({ id: byLead.get(key)![0]!.event.leadId }) })),
    );
    // Changes the clock brought before now are made first, each at its own instant.
    const before = await readScores(tx, keys);
    for (const [key, score] of before) {
      if (created.has(key)) continue;
      if (score.rulesVersion === rules.version && (score.nextChange === null || score.nextChange > now)) continue;
      const current = await catchUp(tx, rules, key, now);
      if (current) before.set(key, current);
    }
    // Each (lead, id) once: a repeat within the batch is a duplicate of the first.
    const toInsert: NewEvent[] = [];
    const seen = new Set<string>();
    for (const key of keys)
      for (const { event } of byLead.get(key)!) {
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
    const inserted = await insertEvents(tx, toInsert);
    const toScore: { key: string; stored: unknown[] }[] = [];
    for (const key of keys) {
      const stored: unknown[] = [];
      for (const { index, event } of byLead.get(key)!) {
        const isNew = inserted.delete(`${key}\u0000${event.eventId}`);
        results[index] = { index, id: event.id, status: isNew ? 'stored' : 'duplicate' };
        if (isNew) stored.push(event.id);
      }
      if (created.has(key) || stored.length > 0) toScore.push({ key, stored });
    }
    if (toScore.length === 0) return [];
    const scoreKeys = toScore.map((s) => s.key);
    const records = await readLeadRecords(tx, scoreKeys);
    const eventsOf = await readScoringEventsOf(tx, scoreKeys);
    const plans = toScore.map(({ key, stored }) =>
      planRescore(rules, key, records.get(key) ?? { id: key }, eventsOf.get(key) ?? [], before.get(key), now, {
        kind: 'event',
        event_ids: stored,
      }),
    );
    await recordPlans(tx, plans);
    return plans.map((p) => p.after);
  });
  core.onCommitted(scores);
  return results;
}
