import type { Database } from '../store/database.js';

/**
 * How many transactions of background work run side by side: on PostgreSQL
 * two (one scores in JavaScript while the server writes the other's batch),
 * on PGlite one (it runs one transaction at a time anyway).
 */
export function backgroundWorkers(db: Database): number {
  return db.kind === 'postgres' ? 2 : 1;
}

/** Runs `work` on backgroundWorkers(db) workers at once; resolves with each one's result. */
export async function inParallel<T>(db: Database, work: () => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: backgroundWorkers(db) }, () => work()));
}
