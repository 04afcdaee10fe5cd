import type { Sql } from './database.js';
import type { HistoryEntry, OutboxRow, StoredScore } from './lead-rows.js';

/** What re-scoring one lead records: its new score, a history row when score, tier or groups changed, an outbox row when its tier did. */
export interface ScoreChange {
  readonly after: StoredScore;
  readonly history?: HistoryEntry;
  /** Without its history sequence number, known once the history row is written. */
  readonly outbox?: Omit<OutboxRow, 'historySeq'>;
}

/**
 * Records many leads' changes (each lead at most once) in one statement: the
 * scores (`insert`: created or replaced; `update`: rows that exist), the
 * history rows in the given order, then the outbox rows, which name their
 * history row's sequence number.
 *
 * A history row is the new score (its `at` the instant scored, its reasons
 * the score's) plus its previous score, tier and cause, so each change
 * travels once, as one row of one `json` parameter (parsed row by row, never
 * as a whole document), instants as epoch milliseconds: the reasons, most of
 * the bytes, are sent once for both tables.
 */
export async function recordChanges(
  tx: Sql,
  changes: readonly ScoreChange[],
  scores: 'insert' | 'update',
): Promise<void> {
  if (changes.length === 0) return;
  const writeScores =
    scores === 'insert'
      ? `INSERT INTO scores (lead_id, score, tier, groups, reasons, rules_version, scored_at, changed_at, next_change)
         SELECT x.lead_id, x.score, x.tier, x.groups, x.reasons, x.rules_version,
           to_timestamp(x.scored_at / 1000), to_timestamp(x.changed_at / 1000), to_timestamp(x.next_change / 1000)
         FROM x
         ON CONFLICT (lead_id) DO UPDATE SET score = EXCLUDED.score, tier = EXCLUDED.tier, groups = EXCLUDED.groups,
           reasons = EXCLUDED.reasons, rules_version = EXCLUDED.rules_version, scored_at = EXCLUDED.scored_at,
           changed_at = EXCLUDED.changed_at, next_change = EXCLUDED.next_change`
      : `UPDATE scores s SET score = x.score, tier = x.tier, groups = x.groups, reasons = x.reasons, rules_version = x.rules_version,
           scored_at = to_timestamp(x.scored_at / 1000), changed_at = to_timestamp(x.changed_at / 1000),
           next_change = to_timestamp(x.next_change / 1000)
         FROM x WHERE s.lead_id = x.lead_id`;
  const outboxes = changes.flatMap((c) => (c.outbox ? [c.outbox] : []));
  await tx.query(
    `WITH x AS MATERIALIZED (
       SELECT * FROM json_to_recordset($1::json) AS x(n int, lead_id text, score int, tier text, groups text, reasons text,
         rules_version text, scored_at float8, changed_at float8, next_change float8,
         history boolean, previous_score int, previous_tier text, cause text)
     ), s AS (
       ${writeScores}
     ), h AS (
       INSERT INTO history (lead_id, at, score, tier, groups, reasons, previous_score, previous_tier, cause, rules_version)
       SELECT x.lead_id, to_timestamp(x.scored_at / 1000), x.score, x.tier, x.groups, x.reasons, x.previous_score, x.previous_tier,
         x.cause, x.rules_version
       FROM x WHERE x.history ORDER BY x.n
       RETURNING lead_id, seq
     )
     INSERT INTO outbox (id, kind, lead_id, payload, occurred_at, history_seq)
     SELECT o.id, o.kind, o.lead_id, o.payload, to_timestamp(o.occurred_at / 1000), h.seq
     FROM json_to_recordset($2::json) AS o(n int, id text, kind text, lead_id text, payload text, occurred_at float8)
     JOIN h ON h.lead_id = o.lead_id ORDER BY o.n`,
    [
      JSON.stringify(
        changes.map(({ after: s, history: h }, n) => ({
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
          history: h !== undefined,
          previous_score: h?.previous?.score ?? null,
          previous_tier: h?.previous?.tier ?? null,
          cause: h ? JSON.stringify(h.cause) : null,
        })),
      ),
      JSON.stringify(
        outboxes.map((r, n) => ({
          n,
          id: r.id,
          kind: r.kind,
          lead_id: r.leadKey,
          payload: r.payload,
          occurred_at: r.occurredAt,
        })),
      ),
    ],
  );
}
