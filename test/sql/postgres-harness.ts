/**
 * Runs generated PostgreSQL on a real server (test/sql/postgres-*.test.ts).
 *
 * The server comes from LEADSCORE_PG_URL (`.ci/run` starts a throwaway one on
 * 127.0.0.1 and sets it; `.ci/run --postgres-only npx vitest run test/sql`
 * does only that). Without it the tests are skipped with the reason, except
 * in CI (CI=true), where a missing server fails them: CI never skips them
 * silently.
 *
 * Typed leads and events go into TEMPORARY tables (the session's own pg_temp
 * schema, gone when the connection closes). Some columns are stored as other
 * types than the schema's on purpose, so that the query's safe casts are
 * exercised: `employees` (integer) and `constructor` (boolean) as text,
 * `company.size` as numeric, the event property `__proto__` as integer.
 */
import { Client } from 'pg';
import type { TestContext } from 'vitest';
import { SQL_EVENT_KINDS, SQL_LEAD_KINDS } from '../helpers/arbitraries.js';

export const PG_URL: string | undefined = process.env['LEADSCORE_PG_URL'] || undefined;
const IN_CI = /^(1|true|yes)$/i.test(process.env['CI'] ?? '');
const SKIP_REASON =
  'LEADSCORE_PG_URL is not set, so there is no PostgreSQL server to run the generated SQL on; `.ci/run --postgres-only npx vitest run test/sql` starts one';

/** Call first in each PostgreSQL test: skips it (with the reason) without a server, fails it in CI. */
export function requirePostgres(context: TestContext): void {
  if (PG_URL) return;
  if (IN_CI)
    throw new Error(
      `CI=${process.env['CI']} but LEADSCORE_PG_URL is not set: in CI the PostgreSQL tests must run, never be skipped (.ci/run starts the server and sets it)`,
    );
  // The reporter shows a skip note only in verbose mode: say it on stderr too, so the skip is never silent.
  console.warn(`PostgreSQL test skipped: ${SKIP_REASON}`);
  context.skip(SKIP_REASON);
}

/** One connection for a whole test file, in the given session time zone (the query must not depend on it). */
export async function openPostgres(timeZone = 'UTC'): Promise<Client> {
  const client = new Client({ connectionString: PG_URL, application_name: 'leadscore-tests' });
  await client.connect();
  await client.query(`SET TimeZone = ${quoteLiteral(timeZone)}`);
  return client;
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string): string => `'${text.replace(/'/g, "''")}'`;

type Kind = (typeof SQL_LEAD_KINDS)[number][1];
const PG_TYPE: Record<Kind, string> = {
  number: 'double precision',
  string: 'text',
  boolean: 'boolean',
  'string[]': 'text[]',
  'number[]': 'double precision[]',
};
/** Physical column types that differ from the schema's kind. */
const LEAD_STORAGE = new Map([
  ['employees', 'text'],
  ['constructor', 'text'],
  ['company.size', 'numeric'],
]);
const EVENT_STORAGE = new Map([['__proto__', 'integer']]);
const LEAD_COLUMNS = SQL_LEAD_KINDS.map(([name, kind]) => [name, LEAD_STORAGE.get(name) ?? PG_TYPE[kind]] as const);
const EVENT_COLUMNS = SQL_EVENT_KINDS.map(([name, kind]) => [name, EVENT_STORAGE.get(name) ?? PG_TYPE[kind]] as const);

/** The temporary tables the differential test loads; the generated query reads them as pg_temp.leads / pg_temp.events. */
export const TEMP_LEADS = 'pg_temp.leads';
export const TEMP_EVENTS = 'pg_temp.events';

export async function createTempTables(client: Client): Promise<void> {
  await client.query(
    `CREATE TEMPORARY TABLE leads ("id" text, ${LEAD_COLUMNS.map(([n, t]) => `${quoteIdent(n)} ${t}`).join(', ')})`,
  );
  await client.query(
    `CREATE TEMPORARY TABLE events ("lead_id" text, "type" text, "at" timestamptz, ${EVENT_COLUMNS.map(([n, t]) => `${quoteIdent(n)} ${t}`).join(', ')})`,
  );
}

function read(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A value for a column of `type`: numbers and booleans become text in a text column; arrays are bound as arrays. */
function bindable(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'text' && typeof value !== 'string') return String(value);
  return value;
}

async function insert(
  client: Client,
  table: string,
  types: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  // Bounded by PostgreSQL's 65,535 parameters per statement.
  const perStatement = Math.floor(60_000 / types.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map(
      (row) => `(${row.map((v, c) => `$${values.push(bindable(v, types[c]!))}::${types[c]!}`).join(', ')})`,
    );
    await client.query(`INSERT INTO ${table} VALUES ${tuples.join(', ')}`, values);
  }
}

/** Empties the temporary tables and loads the leads (plus raw text rows for `employees`/`constructor`) and events. */
export async function loadTempTables(
  client: Client,
  leads: readonly Record<string, unknown>[],
  events: readonly { leadId: string; event: Record<string, unknown> }[],
  /** Raw text rows: `id` plus text for some lead columns (e.g. `employees: 'many'`); other columns NULL. */
  rawLeadRows: readonly Record<string, string>[] = [],
): Promise<void> {
  await client.query('TRUNCATE pg_temp.leads, pg_temp.events');
  const leadTypes = ['text', ...LEAD_COLUMNS.map(([, t]) => t)];
  await insert(client, TEMP_LEADS, leadTypes, [
    ...leads.map((lead) => [lead['id'], ...LEAD_COLUMNS.map(([name]) => read(lead, name))]),
    ...rawLeadRows.map((row) => [row['id'], ...LEAD_COLUMNS.map(([name]) => read(row, name))]),
  ]);
  const eventTypes = ['text', 'text', 'timestamptz', ...EVENT_COLUMNS.map(([, t]) => t)];
  await insert(
    client,
    TEMP_EVENTS,
    eventTypes,
    events.map(({ leadId, event }) => [
      leadId,
      event['type'],
      new Date(event['at'] as number).toISOString(),
      ...EVENT_COLUMNS.map(([name]) => read(event, name)),
    ]),
  );
}

export interface SqlScore {
  score: number;
  tier: string | null;
  groups: Record<string, number>;
}

/** Runs a generated query; every column after id, score and tier is a group. Rows are keyed by id. */
export async function runScores(client: Client, sql: string, values: unknown[] = []): Promise<Map<string, SqlScore>> {
  const result = await client.query<unknown[]>({ text: sql, values, rowMode: 'array' });
  const names = result.fields.map((f) => f.name);
  const scores = new Map<string, SqlScore>();
  for (const row of result.rows) {
    const groups: Record<string, number> = {};
    // defineProperty: a group may be named __proto__.
    for (let c = 3; c < names.length; c++)
      Object.defineProperty(groups, names[c]!, { value: row[c], enumerable: true, writable: true, configurable: true });
    scores.set(String(row[0]), { score: row[1] as number, tier: row[2] as string | null, groups });
  }
  return scores;
}

/** The generated query with its psql variable `:'as_of'` replaced by a driver placeholder, as docs/warehouse.md tells drivers to. */
export function withPlaceholder(sql: string, placeholder = '$1'): string {
  const parts = sql.split(":'as_of'");
  if (parts.length !== 2) throw new Error(`expected exactly one :'as_of' in the query, found ${parts.length - 1}`);
  return parts.join(placeholder);
}
