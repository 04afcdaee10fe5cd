/**
 * The numbered migrations on both backends: a fresh database gets every one,
 * in order, once; a database made by an earlier release gets only the ones it
 * lacks (here: the one that drops the unused scores_rules_version index).
 * The append-only tables lose their foreign keys; scores keeps its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/store/database.js';
import { MIGRATIONS, migrate } from '../../server/store/migrations.js';
import { PG_URL, requirePostgres } from '../sql/postgres-harness.js';
import { openDatabase, type Backend } from './harness.js';

async function appliedVersions(db: Database): Promise<number[]> {
  const rows = await db.query<{ version: number }>(`SELECT version FROM schema_migrations ORDER BY version`);
  return rows.map((r) => Number(r.version));
}

async function indexesOf(db: Database, table: string): Promise<string[]> {
  const rows = await db.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE tablename = $1 AND schemaname = current_schema() ORDER BY indexname`,
    [table],
  );
  return rows.map((r) => r.indexname);
}
const scoresIndexes = (db: Database) => indexesOf(db, 'scores');

async function foreignKeys(db: Database): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT c.conrelid::regclass::text || '.' || c.conname AS name FROM pg_constraint c
      JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema() ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

function migrationsOn(backend: Backend): void {
  let db: Database;
  beforeAll(async () => {
    if (backend === 'postgres' && !PG_URL) return;
    db = await openDatabase(backend);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('a fresh database gets every migration once, and a second run changes nothing', async (context) => {
    if (backend === 'postgres') {
      requirePostgres(context);
      if (!PG_URL) return;
    }
    await migrate(db);
    const versions = MIGRATIONS.map((m) => m.version);
    expect(await appliedVersions(db)).toEqual(versions);
    await migrate(db);
    expect(await appliedVersions(db)).toEqual(versions);
    expect(await scoresIndexes(db)).not.toContain('scores_rules_version');
    expect(await scoresIndexes(db)).toContain('scores_next_change');
    expect(await indexesOf(db, 'events')).toEqual(['events_pkey']);
    expect(await indexesOf(db, 'outbox')).toEqual(['outbox_pkey', 'outbox_to_fan_out']);
    expect(await indexesOf(db, 'history')).toEqual([
      'history_by_lead',
      'history_pkey',
      'history_tier_changes_by_seq',
      'history_tier_changes_by_time',
    ]);
    const keys = await foreignKeys(db);
    expect(keys).toContain('scores.scores_lead_id_fkey');
    for (const gone of ['events.events_lead_id_fkey', 'history.history_lead_id_fkey', 'outbox.outbox_history_seq_fkey'])
      expect(keys).not.toContain(gone);
  });

  it('a database from before the index was dropped loses it', async (context) => {
    if (backend === 'postgres') {
      requirePostgres(context);
      if (!PG_URL) return;
    }
    await migrate(db);
    const drop = MIGRATIONS.find((m) => m.sql.includes('DROP INDEX IF EXISTS scores_rules_version'))!;
    // As the migrations before it left the database.
    await db.query(`CREATE INDEX scores_rules_version ON scores (rules_version)`);
    await db.query(`DELETE FROM schema_migrations WHERE version = $1`, [drop.version]);
    expect(await scoresIndexes(db)).toContain('scores_rules_version');
    await migrate(db);
    expect(await scoresIndexes(db)).not.toContain('scores_rules_version');
    expect(await appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
  });
}

describe('migrations (PGlite)', () => migrationsOn('pglite'));
describe('migrations (PostgreSQL)', () => migrationsOn('postgres'));
