import type { ServiceCore } from './core.js';
import { ingestQueueOf } from './ingest-queue.js';
import type { EventRequest, EventResult } from './store-event-group.js';
import { checkEvent, type ValidEvent } from './validate-records.js';

export type { EventResult } from './store-event-group.js';

/**
 * POST /v1/events: each event judged alone; the valid ones stored, and each
 * lead they touch re-scored once, in one transaction (which may also carry
 * concurrent requests on other leads: ingest-queue.ts). A repeat of a stored
 * (lead_id, id) is a duplicate and changes nothing; an unknown lead is
 * created with no attributes. Resolves after the commit.
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
    const list = byLead.get(checked.value.key);
    if (list) list.push({ index, event: checked.value });
    else byLead.set(checked.value.key, [{ index, event: checked.value }]);
  });
  if (byLead.size === 0) return results;
  const request: EventRequest = { byLead, results };
  await ingestQueueOf(core).store(request);
  return results;
}
