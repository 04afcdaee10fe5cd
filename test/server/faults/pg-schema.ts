/**
 * A fresh, empty PostgreSQL schema per test on the LEADSCORE_PG_URL server,
 * so that tests (and the two processes of a scale-out test) never see each
 * other's tables. The service reaches it through the URL's `options`
 * (search_path), exactly as a user would point `--database` at a schema.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PG_URL } from '../../sql/postgres-harness.js';

export interface TestSchema {
  /** LEADSCORE_PG_URL with search_path set to the schema. */
  readonly url: string;
  readonly name: string;
  /** A client on the schema, for the tests' own checks. */
  readonly client: pg.Client;
  drop(): Promise<void>;
}

export function urlWithSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export async function freshSchema(): Promise<TestSchema> {
  if (!PG_URL) throw new Error('LEADSCORE_PG_URL is not set');
  const name = `leadscore_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${name}`);
  await admin.end();
  const url = urlWithSearchPath(PG_URL, name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    name,
    client,
    async drop() {
      await client.end().catch(() => undefined);
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await c.end();
    },
  };
}
