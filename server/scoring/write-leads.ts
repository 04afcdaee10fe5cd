import type { StoredScore } from '../store/lead-rows.js';
import { lockOrCreateLeads, updateLeadRecord } from '../store/lead-rows.js';
import { catchUp, rescoreLead } from './rescore-lead.js';
import { scoreObject, type ServiceCore, type ScoreObject } from './core.js';
import { checkLead, type ValidLead } from './validate-records.js';

export type LeadResult = {
  readonly index: number;
  readonly id: unknown;
  readonly status: 'stored' | 'invalid';
  readonly errors?: string[];
};

/** PUT /v1/leads/{id}: the lead's new score, or the reasons it is invalid (nothing stored). */
export async function putLead(
  core: ServiceCore,
  pathId: string,
  body: unknown,
): Promise<{ ok: true; score: ScoreObject } | { ok: false; reasons: string[] }> {
  const rules = core.registry.current;
  const checked = checkLead(body, rules, pathId);
  if (!checked.ok) return checked;
  const [score] = await storeLeads(core, [checked.value]);
  return { ok: true, score: scoreObject(checked.value.record.id, score!) };
}

/** POST /v1/leads: each lead judged alone; the valid ones stored in one transaction. */
export async function postLeads(core: ServiceCore, leads: readonly unknown[]): Promise<LeadResult[]> {
  const rules = core.registry.current;
  const results: LeadResult[] = [];
  const valid: ValidLead[] = [];
  leads.forEach((body, index) => {
    const checked = checkLead(body, rules);
    const id =
      body !== null && typeof body === 'object' && !Array.isArray(body)
        ? (body as Record<string, unknown>).id
        : undefined;
    if (checked.ok) valid.push(checked.value);
    results.push(
      checked.ok
        ? { index, id, status: 'stored' }
        : { index, id: id ?? null, status: 'invalid', errors: checked.reasons },
    );
  });
  if (valid.length > 0) await storeLeads(core, valid);
  return results;
}

/**
 * Stores leads and re-scores each in one transaction. Leads are locked in
 * key order (so two batches never wait on each other in a cycle); a lead
 * sent twice in one batch ends as the later record.
 */
async function storeLeads(core: ServiceCore, leads: readonly ValidLead[]): Promise<StoredScore[]> {
  const order = leads
    .map((lead, i) => ({ lead, i }))
    .sort((a, b) => (a.lead.key < b.lead.key ? -1 : a.lead.key > b.lead.key ? 1 : a.i - b.i));
  const scores = await core.db.transaction(async (tx) => {
    const rules = await core.registry.inTransaction(tx);
    const now = await core.clock.now(tx);
    const out: StoredScore[] = new Array(leads.length);
    // All locks first, in the same way as a batch of events takes them, so the two never wait on each other in a cycle.
    const firsts = order.filter(({ lead }, n) => n === 0 || order[n - 1]!.lead.key !== lead.key);
    const created = await lockOrCreateLeads(
      tx,
      firsts.map(({ lead }) => ({ key: lead.key, recordIfNew: JSON.stringify(lead.record) })),
    );
    const fresh = new Set(firsts.filter(({ lead }) => created.has(lead.key)).map(({ i }) => i));
    for (const { lead, i } of order) {
      const record = JSON.stringify(lead.record);
      if (!fresh.has(i)) {
        await catchUp(tx, rules, lead.key, now);
        await updateLeadRecord(tx, lead.key, record);
      }
      out[i] = await rescoreLead(tx, rules, lead.key, now, { kind: 'lead' });
    }
    return out;
  });
  core.onCommitted(scores);
  return scores;
}
