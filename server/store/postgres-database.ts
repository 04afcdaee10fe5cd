import pg from 'pg';
import type { Database, Row, Sql } from './database.js';

/** Errors after which a transaction is simply run again: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

/** A PostgreSQL server shared by any number of `serve` processes. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 8, application_name: 'leadscore-serve' });
  // Fail at start, with the server's own message, when it cannot be reached.
  const probe = await pool.connect();
  probe.release();
  const run = (client: pg.Pool | pg.PoolClient): Sql => ({
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
      return result.rows as T[];
    },
  });
  return {
    kind: 'postgres',
    ...run(pool),
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work(run(client));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (attempt < MAX_ATTEMPTS && RETRYABLE.has((e as { code?: string }).code ?? '')) continue;
          throw e;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
}
