import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PG_URL, requirePostgres } from '../sql/postgres-harness.js';
import { differentialProperty } from './differential-cases.js';
import { openDatabase } from './harness.js';

describe('the live service agrees with the batch scorer (PostgreSQL)', () => {
  it('on random programs and interleavings of leads, events and clock moves', async (context) => {
    requirePostgres(context);
    if (!PG_URL) return;
    const db = await openDatabase('postgres');
    try {
      await fc.assert(differentialProperty(db, mkdtempSync(join(tmpdir(), 'leadscore-diff-'))), { numRuns: 15 });
    } finally {
      await db.close();
    }
  }, 600_000);
});
