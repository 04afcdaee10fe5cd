import { msOf, rowLock, type Sql } from '../store/database.js';
import { readScoringEventsOf, scoreFromRow, type StoredScore } from '../store/lead-rows.js';
import type { RuleSet } from '../rule-versions/rule-set.js';
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
  const rows = await tx.query(
    `SELECT l.record, s.lead_id, s.score, s.tier, s.groups, '' AS reasons, s.rules_version,
       ${msOf('s.scored_at')} AS scored_at, ${msOf('s.changed_at')} AS changed_at, ${msOf('s.next_change')} AS next_change
     FROM scores s JOIN leads l ON l.id = s.lead_id
     WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit}${rowLock(tx, 'FOR UPDATE OF l, s SKIP LOCKED')}`,
    params,
  );
  return rows.map((row) => ({ record: row.record as string, before: scoreFromRow(row) }));
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
  await recordBatch(tx, plans);
  return plans.map((p) => p.after);
}

/**
 * Writes a batch's plans (each of a different lead whose scores row exists
 * and is locked) with one statement: the scores updated, and a history row
 * for each plan that has one, in the plans' order; then the outbox rows with
 * a second. Rows travel as one `json` parameter (parsed once, row by row),
 * each text once, instants as epoch milliseconds.
 */
async function recordBatch(tx: Sql, plans: readonly RescorePlan[]): Promise<void> {
  const seqs = await tx.query<{ lead_id: string; seq: string }>(
    `WITH x AS MATERIALIZED (
       SELECT * FROM json_to_recordset($1::json) AS x(n int, lead_id text, score int, tier text, groups text, reasons text,
         rules_version text, scored_at float8, changed_at float8, next_change float8,
         history boolean, previous_score int, previous_tier text, cause text)
     ), updated AS (
       UPDATE scores s SET score = x.score, tier = x.tier, groups = x.groups, reasons = x.reasons, rules_version = x.rules_version,
         scored_at = to_timestamp(x.scored_at / 1000), changed_at = to_timestamp(x.changed_at / 1000),
         next_change = to_timestamp(x.next_change / 1000)
       FROM x WHERE s.lead_id = x.lead_id
     )
     INSERT INTO history (lead_id, at, score, tier, groups, reasons, previous_score, previous_tier, cause, rules_version)
     SELECT x.lead_id, to_timestamp(x.scored_at / 1000), x.score, x.tier, x.groups, x.reasons, x.previous_score, x.previous_tier,
       x.cause, x.rules_version
     FROM x WHERE x.history ORDER BY x.n
     RETURNING lead_id, seq::text AS seq`,
    [
      JSON.stringify(
        plans.map(({ after: s, history: h }, n) => ({
          n,
          lead_id: s.leadKey,
          score: s.score,
          tier: s.tier,
          groups: s.groups,
          reasons: s.reasons,
          rules_version: s.rulesVersion,
          scored_at: s.scoredAt,
          changed_at: s.changedAt,
          next_change: s.nextChange,
          // A history row is the new score (its `at` the instant scored, its reasons the score's), plus these.
          history: h !== undefined,
          previous_score: h?.previous?.score ?? null,
          previous_tier: h?.previous?.tier ?? null,
          cause: h ? JSON.stringify(h.cause) : null,
        })),
      ),
    ],
  );
  const outbox = plans.flatMap((p) => (p.outbox ? [p.outbox] : []));
  if (outbox.length === 0) return;
  const seqOf = new Map(seqs.map((r) => [r.lead_id, r.seq]));
  await tx.query(
    `INSERT INTO outbox (id, kind, lead_id, payload, occurred_at, history_seq)
     SELECT x.id, x.kind, x.lead_id, x.payload, to_timestamp(x.occurred_at / 1000), x.history_seq::bigint
     FROM json_to_recordset($1::json) AS x(n int, id text, kind text, lead_id text, payload text, occurred_at float8, history_seq text)
     ORDER BY x.n`,
    [
      JSON.stringify(
        outbox.map((r, n) => ({
          n,
          id: r.id,
          kind: r.kind,
          lead_id: r.leadKey,
          payload: r.payload,
          occurred_at: r.occurredAt,
          history_seq: seqOf.get(r.leadKey)!,
        })),
      ),
    ],
  );
}
