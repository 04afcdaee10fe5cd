import type { Reason, ScoringEvent } from '../../core/score-result.js';
import { instant, millis, msOf, type Sql } from './database.js';

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

export async function updateLeadRecord(tx: Sql, key: string, record: string): Promise<void> {
  await tx.query(`UPDATE leads SET record = $2, updated_at = now() WHERE id = $1`, [key, record]);
}

export async function readLeadRecord(tx: Sql, key: string): Promise<Record<string, unknown> | undefined> {
  const rows = await tx.query<{ record: string }>(`SELECT record FROM leads WHERE id = $1`, [key]);
  return rows[0] ? (JSON.parse(rows[0].record) as Record<string, unknown>) : undefined;
}

/** A stored event (its record as sent) as the scorer takes it: properties plus `type`, `lead_id` and `at` in epoch ms; `id` is envelope. */
export function scoringEvent(record: string, at: number): ScoringEvent {
  return asScoringEvent(JSON.parse(record) as Record<string, unknown>, at);
}

/** A parsed stored event as the scorer takes it (see scoringEvent); changes `event` in place. */
function asScoringEvent(event: Record<string, unknown>, at: number): ScoringEvent {
  delete event.id;
  event.at = at;
  return event as ScoringEvent;
}

/**
 * A lead's events, oldest first, as one JSON text `[at, record, at, record, …]`
 * (`at` in epoch ms), from events as `e` grouped by lead: one field per lead
 * where a row per event cost each driver an allocation per field, most of
 * a batch read's time on PGlite. Null for a lead without events.
 */
export const EVENTS_AS_JSON = `'[' || string_agg(round(date_part('epoch', e.at) * 1000)::bigint || ',' || e.record, ',' ORDER BY e.at, e.seq) || ']'`;

/** The events of EVENTS_AS_JSON as the scorer takes them (scoringEvent), in the same order. */
export function scoringEventsFromJson(json: string): ScoringEvent[] {
  const flat = JSON.parse(json) as unknown[];
  const events: ScoringEvent[] = [];
  for (let i = 0; i < flat.length; i += 2)
    events.push(asScoringEvent(flat[i + 1] as Record<string, unknown>, flat[i] as number));
  return events;
}

/** The lead's events as the scorer takes them (scoringEvent), oldest first. */
export async function readScoringEvents(tx: Sql, key: string): Promise<ScoringEvent[]> {
  const rows = await tx.query<{ record: string; at: unknown }>(
    `SELECT record, at FROM events WHERE lead_id = $1 ORDER BY at, seq`,
    [key],
  );
  return rows.map((row) => scoringEvent(row.record, millis(row.at)!));
}

/** The stored events as they were sent, oldest first. */
export async function readStoredEvents(tx: Sql, key: string): Promise<unknown[]> {
  const rows = await tx.query<{ record: string }>(`SELECT record FROM events WHERE lead_id = $1 ORDER BY at, seq`, [
    key,
  ]);
  return rows.map((r) => JSON.parse(r.record) as unknown);
}

const SCORE_COLUMNS = `lead_id, score, tier, groups, reasons, rules_version, scored_at, changed_at, next_change`;

/**
 * A score without its reasons (read as ''), from scores as `s`, as one JSON
 * text `[lead_id, score, tier, groups, rules_version, scored_at, changed_at,
 * next_change]` (instants in epoch ms); null where `s` is (an outer join
 * without a score). For the wide reads that judge a change against the
 * current score: one field where nine cost each driver an allocation per
 * field, and the reasons, most of a row's bytes, are not needed there.
 */
export const SCORE_AS_JSON = `CASE WHEN s.lead_id IS NOT NULL THEN json_build_array(s.lead_id, s.score, s.tier, s.groups,
    s.rules_version, ${msOf('s.scored_at')}, ${msOf('s.changed_at')}, ${msOf('s.next_change')})::text END`;

/** A score read as SCORE_AS_JSON (its reasons ''). */
export function scoreFromJson(json: string): StoredScore {
  const [leadKey, score, tier, groups, rulesVersion, scoredAt, changedAt, nextChange] = JSON.parse(json) as [
    string,
    number,
    string | null,
    string,
    string,
    number,
    number,
    number | null,
  ];
  return { leadKey, score, tier, groups, reasons: '', rulesVersion, scoredAt, changedAt, nextChange };
}

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

/*
 * The same rows for many leads at once: one statement per table instead of
 * one per lead, so a batch of events costs a fixed number of round trips.
 * Lists travel as one JSON parameter (the same on PGlite and PostgreSQL).
 */

/**
 * Locks the leads' rows for this transaction, creating the missing ones with
 * their record; returns the keys it created. Creating first and then locking,
 * both in key order, keeps two batches from waiting on each other in a cycle.
 */
export async function lockOrCreateLeads(
  tx: Sql,
  leads: readonly { key: string; recordIfNew: string }[],
): Promise<Set<string>> {
  const sorted = [...leads].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO leads (id, record)
     SELECT x.id, x.record FROM json_to_recordset($1::json) AS x(id text, record text, n int) ORDER BY x.n
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(sorted.map((l, n) => ({ id: l.key, record: l.recordIfNew, n })))],
  );
  const created = new Set(inserted.map((r) => r.id));
  const existing = sorted.filter((l) => !created.has(l.key)).map((l) => l.key);
  if (existing.length > 0 && !tx.serial)
    await tx.query(`SELECT id FROM leads WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, [existing]);
  return created;
}

export interface NewEvent {
  readonly key: string;
  readonly eventId: string;
  readonly type: string;
  readonly at: number;
  readonly record: string;
}

/** Each lead's events as readScoringEvents gives them; a lead without events has none in the map. */
export async function readScoringEventsOf(tx: Sql, keys: readonly string[]): Promise<Map<string, ScoringEvent[]>> {
  const rows = await tx.query<{ lead_id: string; events: string | null }>(
    // One index lookup per lead: a LATERAL subquery is never flattened into a join. Without statistics, as on
    // PGlite, the planner would otherwise scan the whole events table for every batch.
    `SELECT k.id AS lead_id, e.events FROM unnest($1::text[]) AS k(id)
     CROSS JOIN LATERAL (SELECT ${EVENTS_AS_JSON} AS events FROM events e WHERE e.lead_id = k.id) AS e`,
    [[...keys]],
  );
  const out = new Map<string, ScoringEvent[]>();
  for (const row of rows) if (row.events !== null) out.set(row.lead_id, scoringEventsFromJson(row.events));
  return out;
}

export interface OutboxRow {
  readonly id: string;
  readonly kind: string;
  readonly leadKey: string;
  readonly payload: string;
  readonly occurredAt: number;
  readonly historySeq: string;
}
