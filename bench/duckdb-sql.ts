/**
 * The SQL path on the same generated data: the example data loaded into
 * typed DuckDB tables, then the generated query timed (warm, best of 3)
 * against the compiled JavaScript scorer's time for the same leads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Program } from '../compiler/program.js';
import { generateSql } from '../compiler/codegen/sql/query.js';
import type { ExampleData } from '../scripts/examples/model.js';
import { toJsonl } from '../scripts/examples/serialise.js';
import type { Scorer } from '../core/score-result.js';
import { fmt } from './measure.js';

export async function measureDuckDBSql(
  program: Program,
  scorer: Scorer,
  data: ExampleData,
  eventsOf: readonly { at: number }[][],
  now: number,
  compiledMs: number,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-bench-'));
  try {
    writeFileSync(join(dir, 'leads.jsonl'), toJsonl(data.leads));
    writeFileSync(join(dir, 'events.jsonl'), toJsonl(data.events));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    let start = performance.now();
    await connection.run(
      `CREATE TABLE leads AS SELECT * FROM read_json('${join(dir, 'leads.jsonl')}', columns = {id: 'VARCHAR', employees: 'BIGINT', industry: 'VARCHAR', role: 'VARCHAR', email: 'VARCHAR'})`,
    );
    await connection.run(
      `CREATE TABLE events AS SELECT lead_id, type, CAST("at" AS TIMESTAMPTZ) AS "at", url FROM read_json('${join(dir, 'events.jsonl')}', columns = {'lead_id': 'VARCHAR', 'type': 'VARCHAR', 'at': 'VARCHAR', 'url': 'VARCHAR'})`,
    );
    const load = performance.now() - start;
    const sql = generateSql(program, { dialect: 'duckdb', asOf: now });
    const times: number[] = [];
    let rows: unknown[][] = [];
    for (let i = 0; i < 3; i++) {
      start = performance.now();
      rows = (await connection.runAndReadAll(sql)).getRows();
      times.push(performance.now() - start);
    }
    const byId = new Map(rows.map((r) => [String(r[0]), r]));
    let mismatches = 0;
    data.leads.forEach((lead, i) => {
      const want = scorer.score(lead as unknown as Record<string, unknown>, eventsOf[i] as never, now);
      const got = byId.get(lead.id);
      if (!got || Number(got[1]) !== want.score || got[2] !== want.tier) mismatches++;
    });
    const best = Math.min(...times);
    const n = data.leads.length;
    console.log(`   DuckDB load (read_json into tables): ${fmt(load, 0)} ms, not included below`);
    console.log(
      `   DuckDB SQL query : ${fmt(best, 1)} ms (${fmt((n / best) * 1000)} leads/s, results materialised), ${fmt(best / compiledMs, 1)}x the compiled scorer's time${mismatches ? `; ${mismatches} MISMATCHES` : '; results equal'}`,
    );
    connection.closeSync();
    instance.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
