import { instant } from '../store/database.js';
import { readLeadRecords, readScores, readScoringEventsOf, type StoredScore } from '../store/lead-rows.js';
import { claimLeads } from '../scoring/claim-batch.js';
import type { ServiceCore } from '../scoring/core.js';
import { catchUp, planRescore, recordPlans } from '../scoring/rescore-lead.js';

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
      if (keys.length === 0) return [];
      const out: StoredScore[] = [];
      // The usual case, one change of the current rules per lead, is scored for the whole batch at once.
      const scores = await readScores(tx, keys);
      const due = keys.filter((key) => {
        const s = scores.get(key);
        return s !== undefined && s.rulesVersion === rules.version && s.nextChange !== null && s.nextChange <= until;
      });
      const dueSet = new Set(due);
      for (const key of keys) {
        if (dueSet.has(key)) continue;
        const score = await catchUp(tx, rules, key, until, 1);
        if (score) out.push(score);
      }
      if (due.length > 0) {
        const records = await readLeadRecords(tx, due);
        const eventsOf = await readScoringEventsOf(tx, due);
        const plans = due.map((key) => {
          const before = scores.get(key)!;
          return planRescore(
            rules,
            key,
            records.get(key) ?? { id: key },
            eventsOf.get(key) ?? [],
            before,
            before.nextChange!,
            {
              kind: 'time',
            },
          );
        });
        await recordPlans(tx, plans);
        out.push(...plans.map((p) => p.after));
      }
      return out;
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
