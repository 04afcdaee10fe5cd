import type { StoredScore } from '../store/lead-rows.js';
import type { ServiceCore } from '../scoring/core.js';
import { claimBatch, rescoreClaimed } from '../scoring/rescore-batch.js';
import { inParallel } from '../time/workers.js';

/**
 * Re-scores, in batches, every lead whose score an older rules version made
 * (history rows with cause "rules"). Each batch is one transaction, so a
 * crash loses nothing: a restart picks up the leads still on the old version.
 * Batches are claimed in lead id order from a cursor, so a claim reads only
 * the leads it takes; a last pass from the start picks up the leads that
 * were locked (a writer's, another process's) when the cursor passed them.
 */
export async function rescoreStaleRules(core: ServiceCore, shouldStop: () => boolean = () => false): Promise<number> {
  let total = 0;
  // The cursor is shared by the workers: each claim moves it past the leads it took.
  let after = '';
  let sweeps = 0;
  await inParallel(core.db, async () => {
    while (!shouldStop()) {
      const from = after;
      const batch = await staleBatch(core, from);
      if (batch === undefined) {
        // Nothing left after the cursor: one more sweep from the start, then done.
        if (from === '' || sweeps > 0) return;
        sweeps++;
        after = '';
        continue;
      }
      if (batch.last > after) after = batch.last;
      total += batch.scores.length;
      if (batch.scores.length > 0) core.onCommitted(batch.scores);
    }
  });
  return total;
}

async function staleBatch(core: ServiceCore, after: string): Promise<{ scores: StoredScore[]; last: string } | undefined> {
  return core.db.transaction(async (tx) => {
    const rules = await core.registry.inTransaction(tx);
    const now = await core.clock.now(tx);
    const claimed = await claimBatch(tx, 's.rules_version <> $1 AND l.id > $2', [rules.version, after], 'l.id');
    if (claimed.length === 0) return undefined;
    return { scores: await rescoreClaimed(tx, rules, claimed, now), last: claimed[claimed.length - 1]!.before.leadKey };
  });
}

/** Leads whose score is of another rules version than `version`. */
export async function countStale(core: ServiceCore, version: string): Promise<number> {
  const rows = await core.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM scores WHERE rules_version <> $1`, [version]);
  return Number(rows[0]?.n ?? 0);
}
