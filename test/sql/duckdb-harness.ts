/**
 * Loads typed leads and events into DuckDB tables and runs a generated query,
 * returning each lead's score, tier and groups keyed by id (test/sql only).
 * Number and boolean lead columns are stored as text on purpose (`employees`
 * as '100', `constructor` as 'true'), so the safe casts of the query are
 * exercised: number-as-text must score as the number.
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { SQL_EVENT_KINDS, SQL_LEAD_KINDS } from '../helpers/arbitraries.js';

type Kind = (typeof SQL_LEAD_KINDS)[number][1];
const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Physical column types: deliberately text for two typed lead fields. */
const LEAD_STORAGE = new Map([
  ['employees', 'VARCHAR'],
  ['constructor', 'VARCHAR'],
]);
const SQL_TYPE: Record<Kind, string> = {
  number: 'DOUBLE',
  string: 'VARCHAR',
  boolean: 'BOOLEAN',
  'string[]': 'VARCHAR[]',
  'number[]': 'DOUBLE[]',
};

export async function openDuckDB(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  return connection;
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

function cell(value: unknown, storage: string): { sql: string; value: DuckDBValue } {
  if (value === undefined || value === null) return { sql: `CAST(? AS ${storage})`, value: null };
  if (storage.endsWith('[]')) return { sql: `CAST(CAST(? AS JSON) AS ${storage})`, value: JSON.stringify(value) };
  if (storage === 'VARCHAR') return { sql: '?', value: String(value) };
  return { sql: `CAST(? AS ${storage})`, value: typeof value === 'boolean' ? String(value) : (value as number) };
}

async function insert(
  connection: DuckDBConnection,
  table: string,
  rows: { sql: string; value: DuckDBValue }[][],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.flatMap((r) => r.map((c) => c.value));
  await connection.run(
    `INSERT INTO ${table} VALUES ${rows.map((r) => `(${r.map((c) => c.sql).join(', ')})`).join(', ')}`,
    values,
  );
}

export async function loadTables(
  connection: DuckDBConnection,
  leads: readonly Record<string, unknown>[],
  events: readonly { leadId: string; event: Record<string, unknown> }[],
  extraLeadRows: readonly { id: string; employeesText: string }[] = [],
): Promise<void> {
  const leadColumns = SQL_LEAD_KINDS.map(([name, kind]) => [name, LEAD_STORAGE.get(name) ?? SQL_TYPE[kind]] as const);
  const eventColumns = SQL_EVENT_KINDS.map(([name, kind]) => [name, SQL_TYPE[kind]] as const);
  await connection.run(
    `CREATE OR REPLACE TABLE leads ("id" VARCHAR, ${leadColumns.map(([n, t]) => `${quote(n)} ${t}`).join(', ')})`,
  );
  await connection.run(
    `CREATE OR REPLACE TABLE events ("lead_id" VARCHAR, "type" VARCHAR, "at" TIMESTAMPTZ, ${eventColumns.map(([n, t]) => `${quote(n)} ${t}`).join(', ')})`,
  );
  await insert(connection, 'leads', [
    ...leads.map((lead) => [
      cell(lead.id, 'VARCHAR'),
      ...leadColumns.map(([name, storage]) => cell(read(lead, name), storage)),
    ]),
    // Text that is no number: the query reads it as missing.
    ...extraLeadRows.map((row) => [
      cell(row.id, 'VARCHAR'),
      ...leadColumns.map(([name, storage]) => cell(name === 'employees' ? row.employeesText : undefined, storage)),
    ]),
  ]);
  await insert(
    connection,
    'events',
    events.map(({ leadId, event }) => [
      cell(leadId, 'VARCHAR'),
      cell(event.type, 'VARCHAR'),
      { sql: 'CAST(? AS TIMESTAMPTZ)', value: new Date(event.at as number).toISOString() },
      ...eventColumns.map(([name, storage]) => cell(read(event, name), storage)),
    ]),
  );
}

export interface SqlScore {
  score: number;
  tier: string | null;
  groups: Record<string, number>;
}

/** Runs the query; every column after id, score and tier is a group. Rows are keyed by id. */
export async function runScores(connection: DuckDBConnection, sql: string): Promise<Map<string, SqlScore>> {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  const result = new Map<string, SqlScore>();
  for (const row of reader.getRows()) {
    const groups: Record<string, number> = {};
    // defineProperty: a group may be named __proto__.
    for (let c = 3; c < names.length; c++)
      Object.defineProperty(groups, names[c]!, {
        value: Number(row[c]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    result.set(String(row[0]), { score: Number(row[1]), tier: row[2] === null ? null : String(row[2]), groups });
  }
  return result;
}
