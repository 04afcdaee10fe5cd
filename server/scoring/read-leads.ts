import { instant, millis } from '../store/database.js';
import { readLeadRecord, readScore, readStoredEvents, scoreFromRow, type StoredScore } from '../store/lead-rows.js';
import { catchUp } from './rescore-lead.js';
import { scoreObject, type ServiceCore, type ScoreObject } from './core.js';

/**
 * GET /v1/leads/{id}: the current score. A change that fell due a moment
 * ago and that the scheduler has not made yet is made now, first, so a read
 * at a window's exact end already sees the window closed.
 */
export async function getLead(core: ServiceCore, key: string): Promise<ScoreObject | undefined> {
  const result = await core.db.transaction(async (tx) => {
    const rules = await core.registry.inTransaction(tx);
    const now = await core.clock.now(tx);
    let score = await readScore(tx, key);
    if (!score) return undefined;
    if (score.rulesVersion !== rules.version || (score.nextChange !== null && score.nextChange <= now)) {
      if (!tx.serial) await tx.query(`SELECT id FROM leads WHERE id = $1 FOR UPDATE`, [key]);
      score = (await catchUp(tx, rules, key, now)) ?? score;
    }
    const record = await readLeadRecord(tx, key);
    return { score, id: record?.id ?? key };
  });
  if (!result) return undefined;
  core.onCommitted([result.score]);
  return scoreObject(result.id, result.score);
}

export async function getLeadEvents(core: ServiceCore, key: string): Promise<unknown[] | undefined> {
  const exists = await core.db.query(`SELECT 1 FROM leads WHERE id = $1`, [key]);
  if (exists.length === 0) return undefined;
  return readStoredEvents(core.db, key);
}

export interface HistoryPage {
  readonly items: {
    at: string;
    score: number;
    tier: string | null;
    groups: unknown;
    reasons: unknown;
    cause: unknown;
  }[];
  readonly next: string | null;
}

/** GET /v1/leads/{id}/history: oldest first; `next` is the cursor of the following page, null at the end. */
export async function getLeadHistory(
  core: ServiceCore,
  key: string,
  limit: number,
  after: string | undefined,
): Promise<HistoryPage | undefined> {
  const exists = await core.db.query(`SELECT 1 FROM leads WHERE id = $1`, [key]);
  if (exists.length === 0) return undefined;
  const rows = await core.db.query<{
    seq: string;
    at: Date;
    score: number;
    tier: string | null;
    groups: string;
    reasons: string;
    cause: string;
  }>(
    `SELECT h.seq::text AS seq, h.at, h.score, h.tier, h.groups, h.reasons, h.cause FROM history h WHERE h.lead_id = $1 AND h.seq > $2::bigint ORDER BY h.seq LIMIT $3`,
    [key, after ?? '0', limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      at: new Date(millis(r.at)!).toISOString(),
      score: Number(r.score),
      tier: r.tier,
      groups: JSON.parse(r.groups) as unknown,
      reasons: JSON.parse(r.reasons) as unknown,
      cause: JSON.parse(r.cause) as unknown,
    })),
    next: rows.length > limit ? page[page.length - 1]!.seq : null,
  };
}

export interface LeadsQuery {
  readonly tier?: string;
  readonly changedSince?: number;
  readonly limit: number;
  /** The last lead id of the previous page. */
  readonly after?: string;
}

/** GET /v1/leads: score objects in lead id order (byte order of the id), after making every change due by now. */
export async function listLeads(
  core: ServiceCore,
  q: LeadsQuery,
): Promise<{ items: ScoreObject[]; next: string | null }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (q.tier !== undefined) conditions.push(`s.tier = $${params.push(q.tier)}`);
  if (q.changedSince !== undefined) conditions.push(`s.changed_at >= $${params.push(instant(q.changedSince))}`);
  if (q.after !== undefined) conditions.push(`s.lead_id > $${params.push(q.after)}`);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = await core.db.query(
    `SELECT s.*, l.record FROM scores s JOIN leads l ON l.id = s.lead_id ${where} ORDER BY s.lead_id LIMIT $${params.push(q.limit + 1)}`,
    params,
  );
  const page = rows.slice(0, q.limit);
  const items = page.map((row) => {
    const score: StoredScore = scoreFromRow(row);
    return scoreObject((JSON.parse(row.record as string) as { id: unknown }).id, score);
  });
  return { items, next: rows.length > q.limit ? (page[page.length - 1]!.lead_id as string) : null };
}
