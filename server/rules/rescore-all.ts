import type { StoredScore } from '../store/lead-rows.js';
import { claimLeads } from '../scoring/claim-batch.js';
import type { ServiceCore } from '../scoring/core.js';
import { catchUp } from '../scoring/rescore-lead.js';

/**
 * Re-scores, in batches, every lead whose score an older rules version made
 * (history rows with cause "rules"). Each batch is one transaction, so a
 * crash loses nothing: a restart picks up the leads still on the old version.
 */
export async function rescoreStaleRules(core: ServiceCore, shouldStop: () => boolean = () => false): Promise<number> {
  let total = 0;
  while (!shouldStop()) {
    const scores = await core.db.transaction(async (tx) => {
      const rules = await core.registry.inTransaction(tx);
      const now = await core.clock.now(tx);
      const keys = await claimLeads(tx, 's.rules_version <> $1', [rules.version], 'l.id');
      const out: StoredScore[] = [];
      for (const key of keys) {
        const score = await catchUp(tx, rules, key, now);
        if (score) out.push(score);
      }
      return out;
    });
    if (scores.length === 0) return total;
    total += scores.length;
    core.onCommitted(scores);
  }
  return total;
}

/** Leads whose score is of another rules version than `version`. */
export async function countStale(core: ServiceCore, version: string): Promise<number> {
  const rows = await core.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM scores WHERE rules_version <> $1`, [version]);
  return Number(rows[0]?.n ?? 0);
}
