import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, REPO, runCli } from '../helpers/run-cli.js';
import {
  openPostgres,
  PG_URL,
  quoteIdent,
  requirePostgres,
  runScores,
  withPlaceholder,
  type SqlScore,
} from './postgres-harness.js';

/**
 * The example model's `leadscore compile --target sql --dialect postgres`
 * output, run on the example data loaded into PostgreSQL tables, equals
 * `leadscore score` lead for lead (score, tier, groups): through a driver
 * (the --as-of literal, and :'as_of' bound as $1) and through psql with
 * `-v as_of=…`, as docs/warehouse.md tells users to run it.
 */
const RULES = 'rules/b2b-saas.score';
const AS_OF = '2026-11-01T00:00:00+09:00';
// A schema of its own: psql runs in another session, so the tables cannot be temporary.
const SCHEMA = `leadscore_example_${process.pid}_${Date.now().toString(36)}`;
const LEADS = `${SCHEMA}.leads`;
const EVENTS = `${SCHEMA}.events`;

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
};

/** The PostgreSQL column type for a schema field (the example schema has scalars, enums of strings and arrays of strings). */
function columnType(schema: JsonSchema): string {
  if (schema.enum) {
    if (!schema.enum.every((v) => typeof v === 'string' || v === null))
      throw new Error(`enum of non-strings: ${JSON.stringify(schema.enum)}`);
    return 'text';
  }
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t) => t !== 'null');
  if (types.length !== 1) throw new Error(`no single type: ${JSON.stringify(schema)}`);
  switch (types[0]) {
    case 'string':
      return 'text';
    case 'integer':
      return 'bigint';
    case 'number':
      return 'double precision';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `${columnType(schema.items ?? {})}[]`;
    default:
      throw new Error(`no column type for ${JSON.stringify(schema)}`);
  }
}

let client: Client | undefined;
let expected: Map<string, SqlScore>;
const dir = mkdtempSync(join(tmpdir(), 'leadscore-pg-example-'));

beforeAll(async () => {
  const js = runCli([
    'score',
    RULES,
    '--leads',
    'examples/leads.jsonl',
    '--events',
    'examples/events.jsonl',
    '--as-of',
    AS_OF,
  ]);
  expect(js.status, js.stderr).toBe(0);
  expected = new Map(
    (jsonLines(js.stdout) as (SqlScore & { id: string })[]).map(({ id, score, tier, groups }) => [
      id,
      { score, tier, groups },
    ]),
  );
  if (!PG_URL) return;
  client = await openPostgres('Asia/Tokyo');
  const schema = JSON.parse(readFileSync(join(REPO, 'rules/lead.schema.json'), 'utf8')) as {
    lead: JsonSchema;
    events: Record<string, JsonSchema>;
  };
  const leadColumns = Object.entries(schema.lead.properties ?? {}).filter(([name]) => name !== 'id');
  const eventColumns = new Map<string, string>();
  for (const type of Object.values(schema.events)) {
    for (const [name, property] of Object.entries(type.properties ?? {})) {
      const t = columnType(property);
      if ((eventColumns.get(name) ?? t) !== t) throw new Error(`event property ${name} has two types`);
      eventColumns.set(name, t);
    }
  }
  await client.query(`CREATE SCHEMA ${quoteIdent(SCHEMA)}`);
  await client.query(
    `CREATE TABLE ${quoteIdent(SCHEMA)}.leads ("id" text PRIMARY KEY, ${leadColumns.map(([n, s]) => `${quoteIdent(n)} ${columnType(s)}`).join(', ')})`,
  );
  await client.query(
    `CREATE TABLE ${quoteIdent(SCHEMA)}.events ("lead_id" text NOT NULL, "type" text NOT NULL, "at" timestamptz, ${[...eventColumns].map(([n, t]) => `${quoteIdent(n)} ${t}`).join(', ')})`,
  );
  // Each file as one JSON array parameter; json_populate_recordset maps keys to the columns of the same name.
  const asJsonArray = (file: string): string =>
    `[${readFileSync(join(REPO, file), 'utf8').trim().split('\n').join(',')}]`;
  for (const [table, file] of [
    ['leads', 'examples/leads.jsonl'],
    ['events', 'examples/events.jsonl'],
  ] as const) {
    const name = `${quoteIdent(SCHEMA)}.${table}`;
    await client.query(`INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, $1::json)`, [
      asJsonArray(file),
    ]);
  }
}, 60_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!client) return;
  await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(SCHEMA)} CASCADE`);
  await client.end();
});

function compile(...extra: string[]): string {
  const run = runCli([
    'compile',
    RULES,
    '--target',
    'sql',
    '--dialect',
    'postgres',
    '--leads-table',
    LEADS,
    '--events-table',
    EVENTS,
    ...extra,
  ]);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

function expectSameScores(actual: Map<string, SqlScore>): void {
  expect(actual.size).toBe(expected.size);
  expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
}

describe('leadscore compile --dialect postgres on the example data in PostgreSQL', () => {
  it('loads all 3,000 leads and their events', async (context) => {
    requirePostgres(context);
    const { rows } = await client!.query<{ leads: string; events: string }>(
      `SELECT (SELECT count(*) FROM ${LEADS}) AS leads, (SELECT count(*) FROM ${EVENTS}) AS events`,
    );
    expect(rows[0]).toEqual({
      leads: String(expected.size),
      events: String(readFileSync(join(REPO, 'examples/events.jsonl'), 'utf8').trim().split('\n').length),
    });
  });

  it('with --as-of (a literal), through the driver: equals leadscore score lead for lead', async (context) => {
    requirePostgres(context);
    expectSameScores(await runScores(client!, compile('--as-of', AS_OF)));
  });

  it("without --as-of, :'as_of' bound as $1 through the driver: the same", async (context) => {
    requirePostgres(context);
    expectSameScores(await runScores(client!, withPlaceholder(compile()), [AS_OF]));
  });

  it('without --as-of, through psql -v as_of=… (docs/warehouse.md): the same', (context) => {
    requirePostgres(context);
    const file = join(dir, 'scores.sql');
    writeFileSync(file, compile());
    const run = spawnSync(
      'psql',
      ['-X', '-q', '--csv', '-v', 'ON_ERROR_STOP=1', '-v', `as_of=${AS_OF}`, '-f', file, '-d', PG_URL!],
      { encoding: 'utf8' },
    );
    expect(run.error, 'psql must be on PATH (Debian: postgresql-client)').toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const [header, ...rows] = parse(run.stdout) as string[][];
    expect(header).toEqual(['id', 'score', 'tier', '属性', '行動']);
    expectSameScores(
      new Map(
        rows.map(([id, score, tier, ...groups]) => [
          id!,
          {
            score: Number(score),
            tier: tier === '' ? null : tier!,
            groups: Object.fromEntries(header!.slice(3).map((g, i) => [g, Number(groups[i])])),
          },
        ]),
      ),
    );
  });
});
