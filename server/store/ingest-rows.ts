import type { ScoringEvent } from '../../core/score-result.js';
import type { Sql } from './database.js';
import {
  EVENTS_AS_JSON,
  SCORE_AS_JSON,
  scoreFromJson,
  scoringEvent,
  scoringEventsFromJson,
  type NewEvent,
  type StoredScore,
} from './lead-rows.js';

/*
 * The statements of POST /v1/events, few and wide: a batch (or a group of
 * concurrent batches) costs the same handful of round trips whatever its
 * size. Rows travel as one JSON parameter, the same on PGlite and
 * PostgreSQL; lists of leads as a text[] parameter.
 *
 * Every read goes through an index, one lead at a time (`= ANY` on a key,
 * or a LATERAL subquery that OFFSET 0 keeps from being flattened into a
 * join). The planner would otherwise hash-join a whole table, a scan per
 * request that grows with the data: PGlite never gathers statistics (no
 * autovacuum), so it cannot know a lead has few events.
 * The differential tests hold these statements to the batch scorer's scores.
 */

/** Creates the leads that do not exist yet (in key order), each with its record; returns the keys it created. */
export async function createMissingLeads(
  tx: Sql,
  leads: readonly { key: string; recordIfNew: string }[],
): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO leads (id, record)
     SELECT x.id, x.record FROM json_to_recordset($1::json) AS x(id text, record text, n int) ORDER BY x.n
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(leads.map((l, n) => ({ id: l.key, record: l.recordIfNew, n })))],
  );
  return new Set(rows.map((r) => r.id));
}

export interface LockedLead {
  /** The lead as stored, JSON text. */
  readonly record: string;
  readonly score: StoredScore | undefined;
}

/**
 * Locks existing leads' rows (in key order, as every writer takes them) and
 * reads each one's record and current score (without its reasons: a change
 * is judged on score, tier and groups). The score must be read after the
 * lock is held: a statement sees the database as it was when it began, so a
 * score read in the locking statement itself could predate the commit of a
 * writer it waited for. Where transactions never overlap (PGlite: one
 * connection) there is nothing to wait for: nothing is locked, and one
 * statement reads both, a lookup per lead. The record comes fresh either
 * way: a locked row is re-read once its lock is got.
 */
export async function lockLeadsWithScores(tx: Sql, keys: readonly string[]): Promise<Map<string, LockedLead>> {
  const rowsOf = (rows: readonly { id: string; record: string; score: string | null }[]) =>
    new Map(
      rows.map((row) => [row.id, { record: row.record, score: row.score ? scoreFromJson(row.score) : undefined }]),
    );
  if (tx.serial)
    return rowsOf(
      await tx.query(
        `SELECT l.id, l.record, ${SCORE_AS_JSON} AS score FROM unnest($1::text[]) WITH ORDINALITY AS k(id, n)
         CROSS JOIN LATERAL (SELECT * FROM leads l WHERE l.id = k.id) AS l
         LEFT JOIN LATERAL (SELECT * FROM scores s WHERE s.lead_id = k.id) AS s ON true
         ORDER BY k.n`,
        [keys],
      ),
    );
  const locked = await tx.query<{ id: string; record: string }>(
    `SELECT l.id, l.record FROM leads l WHERE l.id = ANY($1::text[]) ORDER BY l.id FOR UPDATE`,
    [keys],
  );
  const scores = await tx.query<{ id: string; score: string }>(
    `SELECT s.lead_id AS id, ${SCORE_AS_JSON} AS score FROM scores s WHERE s.lead_id = ANY($1::text[])`,
    [keys],
  );
  const scoreOf = new Map(scores.map((row) => [row.id, row.score]));
  return rowsOf(locked.map((row) => ({ ...row, score: scoreOf.get(row.id) ?? null })));
}

export interface InsertedEvents {
  /** The stored ones, as `key` + NUL + `eventId`. */
  readonly stored: Set<string>;
  /** For each lead that got a new event: all its events, old and new, as the scorer takes them (oldest first). */
  readonly eventsOf: Map<string, ScoringEvent[]>;
}

/**
 * Stores events (in the given order) unless their lead already has one with
 * the id, and in the same statement reads the events their leads had
 * before. Returns, for each lead that got a new event, all its events in the
 * order readScoringEvents gives them (time, then arrival): the old ones as
 * the database ranks them, then the new ones in the given order (the caller
 * holds the leads' locks, so their sequence numbers come after every old
 * one), merged by a stable sort on time. The new events' records are not
 * read back: they are the ones just sent. The caller passes each
 * (key, eventId) once. The leads in `known` are not read: their old events
 * are the ones given (as stored, in the same order).
 */
export async function insertEventsReadingAll(
  tx: Sql,
  events: readonly NewEvent[],
  known: ReadonlyMap<string, readonly ScoringEvent[]> = new Map(),
): Promise<InsertedEvents> {
  const stored = new Set<string>();
  const eventsOf = new Map<string, ScoringEvent[]>();
  if (events.length === 0) return { stored, eventsOf };
  const rows = await tx.query<{ lead_id: string; event_id: string | null; events: string | null }>(
    `WITH ins AS (
       INSERT INTO events (lead_id, event_id, type, at, record)
       SELECT x.lead_id, x.event_id, x.type, to_timestamp(x.at / 1000), x.record
       FROM json_to_recordset($1::json) AS x(lead_id text, event_id text, type text, at float8, record text, n int) ORDER BY x.n
       ON CONFLICT (lead_id, event_id) DO NOTHING RETURNING lead_id, event_id
     )
     SELECT lead_id, event_id, NULL::text AS events FROM ins
     UNION ALL
     SELECT k.id, NULL, old.events FROM unnest($2::text[]) AS k(id)
     CROSS JOIN LATERAL (SELECT ${EVENTS_AS_JSON} AS events FROM events e WHERE e.lead_id = k.id) AS old
     WHERE old.events IS NOT NULL`,
    [
      JSON.stringify(
        events.map((e, n) => ({
          lead_id: e.key,
          event_id: e.eventId,
          type: e.type,
          at: e.at,
          record: e.record,
          n,
        })),
      ),
      [...new Set(events.map((e) => e.key))].filter((key) => !known.has(key)),
    ],
  );
  const oldOf = new Map<string, string>();
  for (const row of rows)
    if (row.event_id !== null) stored.add(`${row.lead_id}\u0000${row.event_id}`);
    else oldOf.set(row.lead_id, row.events!);
  for (const e of events) {
    if (!stored.has(`${e.key}\u0000${e.eventId}`)) continue;
    let list = eventsOf.get(e.key);
    if (!list) {
      const held = known.get(e.key);
      const old = oldOf.get(e.key);
      eventsOf.set(e.key, (list = held ? [...held] : old === undefined ? [] : scoringEventsFromJson(old)));
    }
    list.push(scoringEvent(e.record, e.at));
  }
  for (const list of eventsOf.values()) list.sort((a, b) => (a.at as number) - (b.at as number));
  return { stored, eventsOf };
}
