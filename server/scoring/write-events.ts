import type { StoredScore } from '../store/lead-rows.js';
import { insertEvent, lockOrCreateLead } from '../store/lead-rows.js';
import { catchUp, rescoreLead } from './rescore-lead.js';
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
    const out: StoredScore[] = [];
    for (const key of keys) {
      const entries = byLead.get(key)!;
      const { created } = await lockOrCreateLead(tx, key, JSON.stringify({ id: entries[0]!.event.leadId }));
      if (!created) await catchUp(tx, rules, key, now);
      const stored: unknown[] = [];
      for (const { index, event } of entries) {
        const isNew = await insertEvent(tx, key, event.eventId, event.type, event.at, JSON.stringify(event.record));
        results[index] = { index, id: event.id, status: isNew ? 'stored' : 'duplicate' };
        if (isNew) stored.push(event.id);
      }
      if (created || stored.length > 0)
        out.push(await rescoreLead(tx, rules, key, now, { kind: 'event', event_ids: stored }));
    }
    return out;
  });
  core.onCommitted(scores);
  return results;
}
