import { mkdirSync } from 'node:fs';
import { PGlite, types, type QueryOptions } from '@electric-sql/pglite';
import type { Database, Row, Sql } from './database.js';
import { lockDataDir } from './data-dir-lock.js';
import { walFlusher } from './pglite-wal-flush.js';

/** A statement that writes no data: a plain SELECT (row locks included: they do not outlive the transaction). */
const READ_ONLY = /^\s*SELECT\b/i;

/**
 * Text and JSON parameters go to PGlite as UTF-8 bytes (the binary format of
 * both types is their text): its own serializer measures and encodes every
 * string in a JavaScript loop over its characters, twice, which cost more
 * than a twentieth of the ingest bench for the batch writes' large JSON.
 */
type Serializer = (value: unknown) => string;
const utf8 =
  (fallback: Serializer): Serializer =>
  (value) =>
    // Typed as a string, but PGlite's wire writer sends a byte array as is, in the binary format.
    typeof value === 'string' ? (Buffer.from(value, 'utf8') as unknown as string) : fallback(value);
const PARAMETERS: QueryOptions = {
  serializers: {
    [types.TEXT]: utf8(types.serializers[types.TEXT]!),
    [types.JSON]: utf8(types.serializers[types.JSON]!),
  },
};

/**
 * The embedded PostgreSQL (PGlite, WebAssembly) in a data directory: nothing
 * to install. Its file system writes straight through to the directory, and
 * `relaxedDurability` stays off, so a query's promise resolves only after
 * PostgreSQL has written its commit record: a 2xx survives `kill -9`
 * (test/server/faults/kill-during-ingest.test.ts kills a server and reopens
 * the data). PGlite cannot fsync, so each transaction's log is flushed to
 * disk before it resolves (pglite-wal-flush.ts: one flush serves every
 * transaction that committed while the previous one ran); a transaction or
 * statement that only read needs none.
 * PGlite runs one query at a time; transactions queue behind one another.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir === undefined ? () => undefined : lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir, { relaxedDurability: false });
  } catch (e) {
    unlock();
    throw e;
  }
  // Single-user PostgreSQL has no WAL writer: a commit must flush its own WAL.
  await db.exec('SET synchronous_commit = on');
  // Without statistics the planner reads a lead's few rows through a bitmap built per lead: in a LATERAL
  // lookup per lead (every batch read) that cost twice a plain index scan.
  await db.exec('SET enable_bitmapscan = off');
  const flush = dataDir === undefined ? async () => undefined : walFlusher(dataDir);
  const run = (target: { query: PGlite['query'] }, onWrite?: () => void): Sql => ({
    serial: true,
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      if (onWrite && !READ_ONLY.test(text)) onWrite();
      const result = await target.query<T>(text, params as unknown[], PARAMETERS);
      return result.rows;
    },
  });
  const direct = run(db);
  return {
    kind: 'pglite',
    serial: true,
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const rows = await direct.query<T>(text, params);
      if (!READ_ONLY.test(text)) await flush();
      return rows;
    },
    async transaction(work) {
      let wrote = false;
      const result = await db.transaction((tx) =>
        work(
          run(tx as unknown as { query: PGlite['query'] }, () => {
            wrote = true;
          }),
        ),
      );
      // PGlite is free for the next transaction while this one's log is flushed (shared by all that committed meanwhile).
      // A transaction that only read (or only locked rows) has nothing to make durable: no flush, no wait.
      if (wrote) await flush();
      return result;
    },
    close: async () => {
      await db.close();
      unlock();
    },
  };
}
