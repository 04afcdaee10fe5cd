import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Database } from '../../server/store/database.js';
import { PG_URL, requirePostgres } from '../sql/postgres-harness.js';
import { concurrentIngestProperty } from './concurrent-ingest-cases.js';
import { openDatabase, type Backend } from './harness.js';

for (const backend of ['pglite', 'postgres'] as Backend[])
  describe(`concurrent event batches are stored as if one after another (${backend})`, () => {
    let db: Database | undefined;
    beforeAll(async () => {
      if (backend === 'pglite' || PG_URL) db = await openDatabase(backend);
    }, 180_000);
    afterAll(async () => db?.close());

    it('same duplicates, scores and history causes as in arrival order', async (context) => {
      if (backend === 'postgres') requirePostgres(context);
      await fc.assert(concurrentIngestProperty(db!), { numRuns: 15 });
    }, 600_000);
  });
