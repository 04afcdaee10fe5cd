import { instant, millis, type Database } from '../store/database.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface DeliveryView {
  readonly id: string;
  readonly webhook: string;
  readonly target: string;
  readonly status: DeliveryStatus;
  readonly lead_id: unknown;
  readonly from: string | null;
  readonly to: string | null;
  readonly occurred_at: string;
  readonly attempts: number;
  readonly last_status: number | null;
  readonly last_error: string | null;
  readonly queued_at: string;
  readonly next_attempt_at: string | null;
  readonly delivered_at: string | null;
  readonly dead_at: string | null;
}

const STATUS_SQL: Record<DeliveryStatus, string> = {
  pending: 'd.delivered_at IS NULL AND d.dead_at IS NULL',
  delivered: 'd.delivered_at IS NOT NULL',
  dead: 'd.dead_at IS NOT NULL',
};

/** GET /v1/webhooks/deliveries: newest first; the cursor is the last row's (queued_at, id, webhook). */
export async function listDeliveries(
  db: Database,
  q: { status?: DeliveryStatus; limit: number; after?: string },
): Promise<{ items: DeliveryView[]; next: string | null }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (q.status) conditions.push(STATUS_SQL[q.status]);
  if (q.after !== undefined) {
    const [at, id, webhook] = JSON.parse(q.after) as [string, string, string];
    conditions.push(
      `(d.queued_at, d.outbox_id, d.webhook) < ($${params.push(at)}::timestamptz, $${params.push(id)}, $${params.push(webhook)})`,
    );
  }
  const rows = await db.query(
    `SELECT d.*, o.payload FROM webhook_deliveries d JOIN outbox o ON o.id = d.outbox_id
      ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY d.queued_at DESC, d.outbox_id DESC, d.webhook DESC LIMIT $${params.push(q.limit + 1)}`,
    params,
  );
  const page = rows.slice(0, q.limit);
  const iso = (v: unknown): string | null => (millis(v) === null ? null : new Date(millis(v)!).toISOString());
  const items = page.map((r): DeliveryView => {
    const p = JSON.parse(r.payload as string) as {
      lead_id: unknown;
      from: string | null;
      to: string | null;
      occurred_at: string;
    };
    const status: DeliveryStatus = r.delivered_at ? 'delivered' : r.dead_at ? 'dead' : 'pending';
    return {
      id: r.outbox_id as string,
      webhook: r.webhook as string,
      target: r.target as string,
      status,
      lead_id: p.lead_id,
      from: p.from,
      to: p.to,
      occurred_at: p.occurred_at,
      attempts: Number(r.attempts),
      last_status: r.last_status === null ? null : Number(r.last_status),
      last_error: (r.last_error as string | null) ?? null,
      queued_at: iso(r.queued_at)!,
      next_attempt_at: status === 'pending' ? iso(r.next_attempt_at) : null,
      delivered_at: iso(r.delivered_at),
      dead_at: iso(r.dead_at),
    };
  });
  const last = page[page.length - 1];
  return {
    items,
    next: rows.length > q.limit && last ? JSON.stringify([iso(last.queued_at), last.outbox_id, last.webhook]) : null,
  };
}

/**
 * POST /v1/webhooks/deliveries/{id}/redeliver: the delivery (to every webhook,
 * or the one named) is queued again now, with the same delivery id and a new
 * dead-letter window. Returns how many deliveries were queued.
 */
export async function redeliver(db: Database, id: string, webhook: string | undefined, now: number): Promise<number> {
  const rows = await db.query(
    `UPDATE webhook_deliveries SET delivered_at = NULL, dead_at = NULL, queued_at = $2, next_attempt_at = $2
      WHERE outbox_id = $1 ${webhook === undefined ? '' : 'AND webhook = $3'} RETURNING outbox_id`,
    webhook === undefined ? [id, instant(now)] : [id, instant(now), webhook],
  );
  return rows.length;
}
