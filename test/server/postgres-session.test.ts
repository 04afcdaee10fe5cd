/**
 * The service's connections to a PostgreSQL server run without JIT: the
 * server would compile the wide batch statements (estimated costly: a batch's
 * leads and all their events), which took 200–500 ms a statement against a
 * few milliseconds of running it — the ingest p99 was those compilations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/store/database.js';
import { PG_URL, requirePostgres } from '../sql/postgres-harness.js';
import { openDatabase } from './harness.js';

describe('PostgreSQL session settings', () => {
  let db: Database | undefined;
  beforeAll(async () => {
    if (PG_URL) db = await openDatabase('postgres');
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('turns JIT off on every connection, in and out of transactions', async (context) => {
    requirePostgres(context);
    if (!db) return;
    const jit = async (): Promise<string> => (await db!.query<{ jit: string }>(`SHOW jit`))[0]!.jit;
    // Several at once, so the pool opens more than one connection.
    expect(await Promise.all(Array.from({ length: 6 }, jit))).toEqual(Array(6).fill('off'));
    const inTransaction = await Promise.all(
      Array.from({ length: 6 }, () =>
        db!.transaction(async (tx) => (await tx.query<{ jit: string }>(`SHOW jit`))[0]!.jit),
      ),
    );
    expect(inTransaction).toEqual(Array(6).fill('off'));
  });
});
