import { rowLock, type Sql } from '../store/database.js';
import { readScoringEventsOf, SCORE_AS_JSON, scoreFromJson, type StoredScore } from '../store/lead-rows.js';
import type { RuleSet } from '../rule-versions/rule-set.js';
import { recordChanges } from '../store/score-changes.js';
import { planRescore, type RescorePlan } from './rescore-lead.js';

/** How many leads one transaction of background work (the clock, a rules change) takes. */
export const BACKGROUND_BATCH = 2000;

/**
 * A lead locked for background work: its record (JSON text) and current
 * score, read under the lock, without its reasons (re-scoring does not need
 * them, and they are the bulk of the row).
 */
export interface ClaimedLead {
  readonly record: string;
  readonly before: StoredScore;
}

/**
 * Locks up to `limit` leads matching `where` (a condition on the scores row
 * `s` and the leads row `l`) together with their scores rows, skipping leads
 * another transaction holds: a writer's own lead, or another process's (or
 * worker's) batch. So several processes split background work without
 * waiting on one another or doing it twice. Locking the scores row too makes
 * PostgreSQL re-read it if a writer changed it after this statement began,
 * so what comes back is current. `orderBy` should follow an index, so that a
 * claim reads only the rows it takes however long the queue is.
 */
export async function claimBatch(
  tx: Sql,
  where: string,
  params: readonly unknown[],
  orderBy: string,
  limit = BACKGROUND_BATCH,
): Promise<ClaimedLead[]> {
  const rows = await tx.query<{ record: string; score: string }>(
    `SELECT l.record, ${SCORE_AS_JSON} AS score
     FROM scores s JOIN leads l ON l.id = s.lead_id
     WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit}${rowLock(tx, 'FOR UPDATE OF l, s SKIP LOCKED')}`,
    params,
  );
  return rows.map((row) => ({ record: row.record, before: scoreFromJson(row.score) }));
}

/**
 * The one background step of each claimed lead, for a whole batch at once:
 * a score of an older rules version is re-scored as of `until` (cause
 * "rules"; its time changes up to then are folded into it), otherwise the
 * lead's next change due by `until` is made at its own instant (cause
 * "time"). A lead with neither is left alone. The events are read with one
 * statement, the outcome written with one per table. Returns the new scores.
 */
export async function rescoreClaimed(
  tx: Sql,
  rules: RuleSet,
  claimed: readonly ClaimedLead[],
  until: number,
): Promise<StoredScore[]> {
  const work: { lead: ClaimedLead; at: number; kind: 'rules' | 'time' }[] = [];
  for (const lead of claimed) {
    const { rulesVersion, scoredAt, nextChange } = lead.before;
    if (rulesVersion !== rules.version) work.push({ lead, at: Math.max(until, scoredAt), kind: 'rules' });
    else if (nextChange !== null && nextChange <= until) work.push({ lead, at: nextChange, kind: 'time' });
  }
  if (work.length === 0) return [];
  const eventsOf = await readScoringEventsOf(
    tx,
    work.map((w) => w.lead.before.leadKey),
  );
  const plans: RescorePlan[] = work.map(({ lead, at, kind }) =>
    planRescore(
      rules,
      lead.before.leadKey,
      JSON.parse(lead.record) as Record<string, unknown>,
      eventsOf.get(lead.before.leadKey) ?? [],
      lead.before,
      at,
      { kind },
    ),
  );
  // History in time order within the batch, as the clock makes the changes.
  plans.sort((a, b) => a.after.scoredAt - b.after.scoredAt);
  await recordChanges(tx, plans, 'update');
  return plans.map((p) => p.after);
}
