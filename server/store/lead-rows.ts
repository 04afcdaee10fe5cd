import type { Reason, ScoringEvent } from '../../core/score-result.js';
import { instant, millis, type Sql } from './database.js';

/** Rows of the leads, events and scores tables, read and written inside a caller's transaction. */

export interface StoredScore {
  readonly leadKey: string;
  readonly score: number;
  readonly tier: string | null;
  /** JSON text, in the rule file's group order. */
  readonly groups: string;
  readonly reasons: string;
  readonly rulesVersion: string;
  readonly scoredAt: number;
  readonly changedAt: number;
  readonly nextChange: number | null;
}

/**
 * Locks the lead's row for this transaction, creating it with `recordIfNew`
 * when it does not exist. Every write to a lead goes through here first, so
 * writers, the clock and rule re-scoring of one lead take turns.
 */
export async function lockOrCreateLead(tx: Sql, key: string, recordIfNew: string): Promise<{ created: boolean }> {
  const inserted = await tx.query(
    `INSERT INTO leads (id, record) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [key, recordIfNew],
  );
  if (inserted.length > 0) return { created: true };
  await tx.query(`SELECT id FROM leads WHERE id = $1 FOR UPDATE`, [key]);
  return { created: false };
}

export async function updateLeadRecord(tx: Sql, key: string, record: string): Promise<void> {
  await tx.query(`UPDATE leads SET record = $2, updated_at = now() WHERE id = $1`, [key, record]);
}

export async function readLeadRecord(tx: Sql, key: string): Promise<Record<string, unknown> | undefined> {
  const rows = await tx.query<{ record: string }>(`SELECT record FROM leads WHERE id = $1`, [key]);
  return rows[0] ? (JSON.parse(rows[0].record) as Record<string, unknown>) : undefined;
}

/** Stores an event unless the lead already has one with its id; true when stored. */
export async function insertEvent(
  tx: Sql,
  key: string,
  eventId: string,
  type: string,
  at: number,
  record: string,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO events (lead_id, event_id, type, at, record) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (lead_id, event_id) DO NOTHING RETURNING event_id`,
    [key, eventId, type, instant(at), record],
  );
  return rows.length > 0;
}

/** The lead's events as the scorer takes them: properties plus `type`, `lead_id` and `at` in epoch ms; `id` is envelope. */
export async function readScoringEvents(tx: Sql, key: string): Promise<ScoringEvent[]> {
  const rows = await tx.query<{ record: string; at: unknown }>(
    `SELECT record, at FROM events WHERE lead_id = $1 ORDER BY at, seq`,
    [key],
  );
  return rows.map((row) => {
    const event = JSON.parse(row.record) as Record<string, unknown>;
    delete event.id;
    event.at = millis(row.at);
    return event as ScoringEvent;
  });
}

/** The stored events as they were sent, oldest first. */
export async function readStoredEvents(tx: Sql, key: string): Promise<unknown[]> {
  const rows = await tx.query<{ record: string }>(`SELECT record FROM events WHERE lead_id = $1 ORDER BY at, seq`, [
    key,
  ]);
  return rows.map((r) => JSON.parse(r.record) as unknown);
}

const SCORE_COLUMNS = `lead_id, score, tier, groups, reasons, rules_version, scored_at, changed_at, next_change`;

export function scoreFromRow(row: Record<string, unknown>): StoredScore {
  return {
    leadKey: row.lead_id as string,
    score: Number(row.score),
    tier: (row.tier as string | null) ?? null,
    groups: row.groups as string,
    reasons: row.reasons as string,
    rulesVersion: row.rules_version as string,
    scoredAt: millis(row.scored_at)!,
    changedAt: millis(row.changed_at)!,
    nextChange: millis(row.next_change),
  };
}

export async function readScore(tx: Sql, key: string): Promise<StoredScore | undefined> {
  const rows = await tx.query(`SELECT ${SCORE_COLUMNS} FROM scores WHERE lead_id = $1`, [key]);
  return rows[0] ? scoreFromRow(rows[0]) : undefined;
}

export async function writeScore(tx: Sql, s: StoredScore): Promise<void> {
  await tx.query(
    `INSERT INTO scores (${SCORE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (lead_id) DO UPDATE SET score = EXCLUDED.score, tier = EXCLUDED.tier, groups = EXCLUDED.groups, reasons = EXCLUDED.reasons,
       rules_version = EXCLUDED.rules_version, scored_at = EXCLUDED.scored_at, changed_at = EXCLUDED.changed_at, next_change = EXCLUDED.next_change`,
    [
      s.leadKey,
      s.score,
      s.tier,
      s.groups,
      s.reasons,
      s.rulesVersion,
      instant(s.scoredAt),
      instant(s.changedAt),
      instant(s.nextChange),
    ],
  );
}

export interface HistoryEntry {
  readonly leadKey: string;
  readonly at: number;
  readonly score: number;
  readonly tier: string | null;
  readonly groups: string;
  readonly reasons: readonly Reason[];
  readonly previous?: { readonly score: number; readonly tier: string | null };
  readonly cause: Record<string, unknown>;
  readonly rulesVersion: string;
}

/** Appends a history row; returns its sequence number (as text: it is a bigint). */
export async function appendHistory(tx: Sql, h: HistoryEntry): Promise<string> {
  const rows = await tx.query<{ seq: string }>(
    `INSERT INTO history (lead_id, at, score, tier, groups, reasons, previous_score, previous_tier, cause, rules_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq::text AS seq`,
    [
      h.leadKey,
      instant(h.at),
      h.score,
      h.tier,
      h.groups,
      JSON.stringify(h.reasons),
      h.previous?.score ?? null,
      h.previous?.tier ?? null,
      JSON.stringify(h.cause),
      h.rulesVersion,
    ],
  );
  return rows[0]!.seq;
}

export async function appendOutbox(
  tx: Sql,
  row: { id: string; kind: string; leadKey: string; payload: string; occurredAt: number; historySeq: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO outbox (id, kind, lead_id, payload, occurred_at, history_seq) VALUES ($1, $2, $3, $4, $5, $6::bigint)`,
    [row.id, row.kind, row.leadKey, row.payload, instant(row.occurredAt), row.historySeq],
  );
}
