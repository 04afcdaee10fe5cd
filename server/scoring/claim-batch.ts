import type { Sql } from '../store/database.js';

/** How many leads one transaction of background work takes. */
export const BATCH_SIZE = 100;

/**
 * Locks up to BATCH_SIZE leads matching `where` (a condition on the scores
 * row `s`), skipping leads another transaction holds: a writer's own lead,
 * or another process's batch. Several processes on one PostgreSQL database
 * thus split background work without waiting on one another.
 */
export async function claimLeads(
  tx: Sql,
  where: string,
  params: readonly unknown[],
  orderBy: string,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT l.id FROM scores s JOIN leads l ON l.id = s.lead_id WHERE ${where} ORDER BY ${orderBy} LIMIT ${BATCH_SIZE} FOR UPDATE OF l SKIP LOCKED`,
    params,
  );
  return rows.map((r) => r.id);
}
