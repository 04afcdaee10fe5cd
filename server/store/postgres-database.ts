import pg from 'pg';
import type { Database, Row, Sql } from './database.js';

/** Errors after which a transaction is simply run again: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

/** A PostgreSQL server shared by any number of `serve` processes. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 8, application_name: 'leadscore-serve' });
  // An idle connection the server (or the network) dropped: the pool discards it and the next query
  // connects anew. Without a listener, that 'error' event would end the process.
  pool.on('error', () => undefined);
  // Fail at start, with the server's own message, when it cannot be reached.
  const probe = await pool.connect();
  probe.release();
  // No JIT: the wide statements (a batch's leads and all their events) are estimated costly enough to be
  // compiled, and compiling took 200–500 ms a statement, forty times what running it takes. Set once per
  // connection, before its first use (the URL's own `options` would override a startup parameter); a
  // server without the setting (before PostgreSQL 11) refuses it, which changes nothing else.
  const configured = new WeakSet<pg.PoolClient>();
  const checkout = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    if (!configured.has(client)) {
      await client.query('SET jit = off').catch(() => undefined);
      configured.add(client);
    }
    return client;
  };
  const run = (client: pg.PoolClient): Sql => ({
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
      return result.rows as T[];
    },
  });
  return {
    kind: 'postgres',
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const client = await checkout();
      let broken = false;
      const lost = (): void => void (broken = true);
      client.on('error', lost);
      try {
        return await run(client).query<T>(text, params);
      } finally {
        client.off('error', lost);
        client.release(broken);
      }
    },
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await checkout();
        let broken = false;
        // The pool listens for errors only on idle connections: one lost while this transaction holds it
        // would otherwise be an unhandled 'error' event, ending the process. The failed query says the rest.
        const lost = (): void => void (broken = true);
        client.on('error', lost);
        try {
          await client.query('BEGIN');
          const result = await work(run(client));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          // A connection that cannot even roll back is broken: destroyed on release, never reused.
          await client.query('ROLLBACK').catch(() => (broken = true));
          if (attempt < MAX_ATTEMPTS && RETRYABLE.has((e as { code?: string }).code ?? '')) continue;
          throw e;
        } finally {
          client.off('error', lost);
          client.release(broken);
        }
      }
    },
    close: () => pool.end(),
  };
}
