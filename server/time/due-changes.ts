import { instant } from '../store/database.js';
import type { StoredScore } from '../store/lead-rows.js';
import type { ServiceCore } from '../scoring/core.js';
import { claimBatch, rescoreClaimed } from '../scoring/rescore-batch.js';
import { inParallel } from './workers.js';

/**
 * Makes every change the clock brings up to `until`: leads are taken in
 * batches in the order their next change falls due, each re-scored at the
 * exact instant of that change (history rows with cause "time"), a lead with
 * several changes due once per batch, so changes are made in (nearly) global
 * time order. Several workers (on PostgreSQL) claim batches side by side
 * with FOR UPDATE SKIP LOCKED. Returns how many re-scores it made. Runs until
 * nothing is due at or before `until`, except for leads another process is
 * busy with (it makes their changes itself).
 */
export async function processDueChanges(core: ServiceCore, until: number): Promise<number> {
  const counts = await inParallel(core.db, async () => {
    let total = 0;
    for (;;) {
      const scores = await dueBatch(core, until);
      if (scores === undefined) return total;
      total += scores.length;
      if (scores.length > 0) core.onCommitted(scores);
    }
  });
  return counts.reduce((a, b) => a + b, 0);
}

/** One transaction: claims a batch of due leads and re-scores them; undefined when none was left to claim. */
async function dueBatch(core: ServiceCore, until: number): Promise<StoredScore[] | undefined> {
  return core.db.transaction(async (tx) => {
    const rules = await core.registry.inTransaction(tx);
    const claimed = await claimBatch(tx, 's.next_change <= $1', [instant(until)], 's.next_change');
    if (claimed.length === 0) return undefined;
    return rescoreClaimed(tx, rules, claimed, until);
  });
}

/** The earliest change due after everything stored, or null when none is. */
export async function earliestDue(core: ServiceCore): Promise<number | null> {
  const rows = await core.db.query<{ due: Date | null }>(`SELECT min(next_change) AS due FROM scores`);
  return rows[0]?.due ? new Date(rows[0].due).getTime() : null;
}
