import { instant, millis, rowLock, type Database } from '../store/database.js';
import type { Webhook } from './webhook-config.js';

/**
 * The webhook_deliveries rows: one per outbox row and webhook. Every step
 * is a short transaction that claims rows with FOR UPDATE SKIP LOCKED, so
 * several processes on one database split the work and a try is made by
 * one of them only; no lock is held while a receiver is being called.
 */

const FAN_OUT_BATCH = 500;
const CLAIM_BATCH = 16;

/**
 * Turns new outbox rows into deliveries, one per webhook whose tier filter
 * the change passes. Rows are marked even when no webhook is configured: a
 * webhook receives the changes made while it is configured, not a backlog
 * of every change since the database was created. Returns the rows taken.
 */
export async function fanOut(
  db: Database,
  webhooks: readonly Webhook[],
  notifyTiers: ReadonlySet<string> | undefined,
  now: number,
): Promise<number> {
  if (webhooks.length === 0) {
    // Nothing to deliver: only mark the rows, without reading their payloads (and without a write when none waits).
    // ORDER BY as the partial index outbox_to_fan_out: without it a planner lacking statistics (PGlite) scans the whole outbox.
    const waiting = await db.query(`SELECT 1 FROM outbox WHERE NOT fanned_out ORDER BY occurred_at, id LIMIT 1`);
    if (waiting.length === 0) return 0;
    const marked = await db.query<{ n: number }>(
      // = ANY(ARRAY(…)), not IN (…): the planner would hash-join a scan of the whole outbox against the few rows taken.
      // Counted in SQL: a returned row per marked row cost PGlite an allocation per field.
      `WITH marked AS (
         UPDATE outbox SET fanned_out = true WHERE id = ANY(ARRAY(
           SELECT id FROM outbox WHERE NOT fanned_out ORDER BY occurred_at, id LIMIT ${FAN_OUT_BATCH}${rowLock(db, 'FOR UPDATE SKIP LOCKED')}
         )) RETURNING 1
       ) SELECT count(*)::int AS n FROM marked`,
    );
    return marked[0]!.n;
  }
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; payload: string }>(
      `SELECT id, payload FROM outbox WHERE NOT fanned_out ORDER BY occurred_at, id LIMIT ${FAN_OUT_BATCH}${rowLock(tx, 'FOR UPDATE SKIP LOCKED')}`,
    );
    for (const row of rows) {
      const to = (JSON.parse(row.payload) as { to?: string | null }).to ?? null;
      if (notifyTiers && (to === null || !notifyTiers.has(to))) continue;
      for (const w of webhooks) {
        await tx.query(
          `INSERT INTO webhook_deliveries (outbox_id, webhook, target, queued_at, next_attempt_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT DO NOTHING`,
          [row.id, w.key, w.target, instant(now)],
        );
      }
    }
    if (rows.length > 0)
      await tx.query(`UPDATE outbox SET fanned_out = true WHERE id = ANY($1::text[])`, [rows.map((r) => r.id)]);
    return rows.length;
  });
}

export interface ClaimedDelivery {
  readonly id: string;
  readonly webhook: string;
  /** This try's number, 1 for the first. */
  readonly attempt: number;
  readonly queuedAt: number;
  readonly payload: string;
  readonly leadRecord: string | null;
}

/** Takes up to CLAIM_BATCH due deliveries for these webhooks and leases them (next_attempt_at = now + lease) for one try each. */
export async function claimDue(
  db: Database,
  webhookKeys: readonly string[],
  now: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{
      outbox_id: string;
      webhook: string;
      attempts: number;
      queued_at: unknown;
      payload: string;
      record: string | null;
    }>(
      `SELECT d.outbox_id, d.webhook, d.attempts, d.queued_at, o.payload, l.record
         FROM webhook_deliveries d JOIN outbox o ON o.id = d.outbox_id LEFT JOIN leads l ON l.id = o.lead_id
        WHERE d.delivered_at IS NULL AND d.dead_at IS NULL AND d.next_attempt_at <= $1 AND d.webhook = ANY($2::text[])
        ORDER BY d.next_attempt_at, d.outbox_id LIMIT ${CLAIM_BATCH}${rowLock(tx, 'FOR UPDATE OF d SKIP LOCKED')}`,
      [instant(now), [...webhookKeys]],
    );
    for (const r of rows) {
      await tx.query(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = $3 WHERE outbox_id = $1 AND webhook = $2`,
        [r.outbox_id, r.webhook, instant(now + leaseMs)],
      );
    }
    return rows.map((r) => ({
      id: r.outbox_id,
      webhook: r.webhook,
      attempt: Number(r.attempts) + 1,
      queuedAt: millis(r.queued_at)!,
      payload: r.payload,
      leadRecord: r.record,
    }));
  });
}

export type TryOutcome =
  | { readonly ok: true; readonly status: number }
  | { readonly ok: false; readonly status: number | null; readonly error: string };

/**
 * Records a try's outcome, unless the row moved on meanwhile (a redelivery, or
 * a lease that ran out and another process's try): then this try's result is
 * stale and dropped.
 */
export async function recordTry(
  db: Database,
  d: ClaimedDelivery,
  outcome: TryOutcome,
  now: number,
  retryAt: number,
  deadAfterMs: number,
): Promise<'delivered' | 'retry' | 'dead' | 'stale'> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ attempts: number; queued_at: unknown }>(
      `SELECT attempts, queued_at FROM webhook_deliveries WHERE outbox_id = $1 AND webhook = $2 AND delivered_at IS NULL AND dead_at IS NULL${rowLock(tx, 'FOR UPDATE')}`,
      [d.id, d.webhook],
    );
    const row = rows[0];
    if (!row || Number(row.attempts) !== d.attempt) return 'stale';
    if (outcome.ok) {
      await tx.query(
        `UPDATE webhook_deliveries SET delivered_at = $3, last_status = $4, last_error = NULL WHERE outbox_id = $1 AND webhook = $2`,
        [d.id, d.webhook, instant(now), outcome.status],
      );
      return 'delivered';
    }
    const dead = now - millis(row.queued_at)! >= deadAfterMs;
    await tx.query(
      `UPDATE webhook_deliveries SET last_status = $3, last_error = $4, next_attempt_at = $5, dead_at = $6 WHERE outbox_id = $1 AND webhook = $2`,
      [d.id, d.webhook, outcome.status, outcome.error.slice(0, 500), instant(retryAt), dead ? instant(now) : null],
    );
    return dead ? 'dead' : 'retry';
  });
}

/** Deliveries waiting for a try (due or not), for /metrics and /healthz-style checks. */
export async function backlog(db: Database): Promise<{ pending: number; dead: number; notFannedOut: number }> {
  const rows = await db.query<{ pending: number; dead: number; fan: number }>(
    `SELECT (SELECT count(*)::int FROM webhook_deliveries WHERE delivered_at IS NULL AND dead_at IS NULL) AS pending,
            (SELECT count(*)::int FROM webhook_deliveries WHERE dead_at IS NOT NULL) AS dead,
            (SELECT count(*)::int FROM outbox WHERE NOT fanned_out) AS fan`,
  );
  return {
    pending: Number(rows[0]?.pending ?? 0),
    dead: Number(rows[0]?.dead ?? 0),
    notFannedOut: Number(rows[0]?.fan ?? 0),
  };
}
