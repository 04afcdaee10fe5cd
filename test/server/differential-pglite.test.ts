import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Database } from '../../server/store/database.js';
import { differentialProperty } from './differential-cases.js';
import { openDatabase } from './harness.js';

describe('the live service agrees with the batch scorer (PGlite)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase('pglite');
  }, 180_000);
  afterAll(async () => db?.close());

  it('on random programs and interleavings of leads, events and clock moves', async () => {
    await fc.assert(differentialProperty(db, mkdtempSync(join(tmpdir(), 'leadscore-diff-'))), { numRuns: 40 });
  }, 600_000);
});
