import { instant } from '../store/database.js';
import type { StoredScore } from '../store/lead-rows.js';
import { claimLeads } from '../scoring/claim-batch.js';
import type { ServiceCore } from '../scoring/core.js';
import { catchUp } from '../scoring/rescore-lead.js';

/**
 * Makes every change the clock brings up to `until`: leads are taken in the
 * order their next change falls due, each re-scored at the exact instant of
 * each of its changes (history rows with cause "time"). Returns how many
 * leads it re-scored. Runs until nothing is due at or before `until`, except
 * for leads another process is busy with (it makes their changes itself).
 */
export async function processDueChanges(core: ServiceCore, until: number): Promise<number> {
  let total = 0;
  for (;;) {
    const scores = await core.db.transaction(async (tx) => {
      const rules = await core.registry.inTransaction(tx);
      const keys = await claimLeads(tx, 's.next_change <= $1', [instant(until)], 's.next_change, l.id');
      const out: StoredScore[] = [];
      for (const key of keys) {
        const score = await catchUp(tx, rules, key, until, 1);
        if (score) out.push(score);
      }
      return keys.length === 0 ? [] : out;
    });
    if (scores.length === 0) return total;
    total += scores.length;
    core.onCommitted(scores);
  }
}

/** The earliest change due after everything stored, or null when none is. */
export async function earliestDue(core: ServiceCore): Promise<number | null> {
  const rows = await core.db.query<{ due: Date | null }>(`SELECT min(next_change) AS due FROM scores`);
  return rows[0]?.due ? new Date(rows[0].due).getTime() : null;
}
