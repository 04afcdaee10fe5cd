import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { jsonLines, runCli } from '../helpers/run-cli.js';

/** `leadscore score --engine duckdb` against the JavaScript engine, on the example data in every input format. */
const RULES = 'rules/b2b-saas.score';
const AS_OF = ['--as-of', '2026-11-01T00:00:00+09:00'];
const dir = mkdtempSync(join(tmpdir(), 'leadscore-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = { id: unknown; score: number; tier: string | null; groups: Record<string, number>; reasons?: unknown[] };
const withoutReasons = (rows: unknown[]): unknown[] => (rows as Row[]).map(({ reasons: _, ...rest }) => rest);

describe('leadscore score --engine duckdb', () => {
  const js = runCli(['score', RULES, '--leads', 'examples/leads.jsonl', '--events', 'examples/events.jsonl', ...AS_OF]);
  const expected = withoutReasons(jsonLines(js.stdout));

  it('JSON Lines leads and events: the same scores, tiers and groups, in input order, with empty reasons', () => {
    const run = runCli([
      'score',
      RULES,
      '--leads',
      'examples/leads.jsonl',
      '--events',
      'examples/events.jsonl',
      ...AS_OF,
      '--engine',
      'duckdb',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const rows = jsonLines(run.stdout) as Row[];
    expect(rows.every((r) => Array.isArray(r.reasons) && r.reasons.length === 0)).toBe(true);
    expect(withoutReasons(rows)).toEqual(expected);
  });

  it('CSV leads and Parquet events (converted by DuckDB), and CSV output', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const parquet = join(dir, 'events.parquet');
    await connection.run(`COPY (SELECT * FROM read_json('examples/events.jsonl')) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    const run = runCli([
      'score',
      RULES,
      '--leads',
      'examples/leads.csv',
      '--events',
      parquet,
      ...AS_OF,
      '--engine',
      'duckdb',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(withoutReasons(jsonLines(run.stdout))).toEqual(expected);
    const csvJs = runCli([
      'score',
      RULES,
      '--leads',
      'examples/leads.csv',
      '--events',
      'examples/events.jsonl',
      ...AS_OF,
      '--format',
      'csv',
    ]);
    const csvDuck = runCli([
      'score',
      RULES,
      '--leads',
      'examples/leads.csv',
      '--events',
      parquet,
      ...AS_OF,
      '--format',
      'csv',
      '--engine',
      'duckdb',
    ]);
    const strip = (text: string): string[] => text.split('\r\n').map((line) => line.replace(/,[^,]*$/, ''));
    expect(strip(csvDuck.stdout)).toEqual(strip(csvJs.stdout));
  });

  it('events nested in JSON leads; times without an offset read in --tz', () => {
    const leads = join(dir, 'nested.json');
    writeFileSync(
      leads,
      JSON.stringify([
        {
          id: 'A',
          role: '部長',
          events: [
            { type: 'form_reach', at: '2026-10-31T23:30:00' },
            { type: 'email_open', at: '2026-11-01T08:59:59' },
          ],
        },
        { id: 'B', employees: 300, events: [{ type: 'email_click', at: '2026-11-01T09:00:01' }] },
        { id: 'C', events: [] },
      ]),
    );
    for (const tz of ['UTC', 'Asia/Tokyo']) {
      const args = ['score', RULES, '--leads', leads, '--as-of', '2026-11-01T09:00:00', '--tz', tz];
      const a = runCli(args);
      const b = runCli([...args, '--engine', 'duckdb']);
      expect(b.status, b.stderr).toBe(0);
      expect(withoutReasons(jsonLines(b.stdout))).toEqual(withoutReasons(jsonLines(a.stdout)));
    }
  });

  it('bad input: exit 2 with a clear message', () => {
    const missing = runCli(['score', RULES, '--leads', 'no-such.jsonl', '--engine', 'duckdb']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const unknown = runCli(['score', RULES, '--leads', 'README.md', '--engine', 'duckdb']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('.parquet');
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, '{"id":\n');
    const bad = runCli(['score', RULES, '--leads', broken, '--engine', 'duckdb']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('DuckDB cannot read');
    expect(
      runCli([
        'score',
        RULES,
        '--leads',
        'examples/leads.jsonl',
        '--engine',
        'duckdb',
        '--rejects',
        join(dir, 'r.jsonl'),
      ]).status,
    ).toBe(2);
  });
});

describe('leadscore compile --target sql', () => {
  it('writes the query; needs a dialect; rejects an unknown one', () => {
    const ok = runCli([
      'compile',
      RULES,
      '--target',
      'sql',
      '--dialect',
      'snowflake',
      '--leads-table',
      'crm.leads',
      '--as-of',
      '2026-11-01T00:00:00+09:00',
    ]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('FROM "crm"."leads" AS l');
    expect(ok.stdout).toContain("TO_TIMESTAMP_TZ('2026-10-31 15:00:00.000 +00:00'");
    expect(runCli(['compile', RULES, '--target', 'sql']).stderr).toContain('--dialect');
    expect(runCli(['compile', RULES, '--target', 'sql', '--dialect', 'oracle']).status).toBe(2);
    expect(runCli(['compile', RULES, '--target', 'sql', '--dialect', 'duckdb', '--leads-table', 'a..b']).status).toBe(
      2,
    );
    expect(runCli(['compile', RULES, '--target', 'sql', '--dialect', 'duckdb', '--as-of', 'yesterday']).status).toBe(2);
  });

  it('a rule file without a schema cannot be compiled to SQL: exit 1 with the reason', () => {
    const file = join(dir, 'no-schema.score');
    writeFileSync(file, 'when x = 1 +1\n');
    const run = runCli(['compile', file, '--target', 'sql', '--dialect', 'duckdb']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('needs the rule file to name a schema');
  });
});
