/**
 * `leadscore score --engine duckdb`: the rules compiled to one DuckDB query
 * over views of the input files (Parquet, CSV, JSON, JSON Lines), results
 * streamed chunk by chunk in input order. Node only. What is and is not
 * validated on this path is in docs/warehouse.md ("The DuckDB engine").
 */
import type { Program } from '../../compiler/program.js';
import { generateSql } from '../../compiler/codegen/sql/query.js';
import type { InputFile } from './input-file.js';
import { createInputViews, InputError } from './input-views.js';
import { usedPaths } from '../../compiler/analysis/used-paths.js';

export interface DuckDBScoredLead {
  readonly id: string;
  readonly score: number;
  readonly tier: string | null;
  readonly groups: Record<string, number>;
  /** Always empty: reasons come from the JavaScript engine (leadscore score). */
  readonly reasons: [];
}

export interface DuckDBScoreOptions {
  readonly program: Program;
  readonly leads: InputFile;
  readonly events?: InputFile;
  readonly now: number;
  /** Times without an offset are read in this zone (DuckDB's session TimeZone); UTC unless set. */
  readonly timeZone?: string;
  readonly onResult: (lead: DuckDBScoredLead) => Promise<void> | undefined;
  readonly threads?: number;
}

/** `withoutId`: lead records with no id (missing or null), not scored. */
export async function scoreWithDuckDB(options: DuckDBScoreOptions): Promise<{ scored: number; withoutId: number }> {
  // Loaded here, not at the top: every `leadscore` command imports this
  // module, and the native library costs ~200 ms and ~35 MiB to load.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(
    ':memory:',
    options.threads === undefined ? {} : { threads: String(options.threads) },
  );
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = '${(options.timeZone ?? 'UTC').replace(/'/g, "''")}'`);
    try {
      await createInputViews(connection, options.leads, options.events, usedPaths(options.program));
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`DuckDB cannot read the input: ${(e as Error).message}`);
    }
    const sql = generateSql(options.program, {
      dialect: 'duckdb',
      leadsTable: 'ls_leads',
      eventsTable: 'ls_events_in',
      asOf: options.now,
      orderBy: 'ls_row',
    });
    const groupNames = options.program.groups.map((g) => g.name.name);
    let scored = 0;
    let withoutId = 0;
    let result;
    try {
      result = await connection.stream(sql);
    } catch (e) {
      throw new InputError(`DuckDB cannot score the input: ${(e as Error).message}`);
    }
    for (;;) {
      let chunk;
      try {
        chunk = await result.fetchChunk();
      } catch (e) {
        throw new InputError(`DuckDB cannot read the input: ${(e as Error).message}`);
      }
      if (!chunk || chunk.rowCount === 0) break;
      for (const row of chunk.getRows()) {
        if (row[0] === null) {
          withoutId++;
          continue;
        }
        const groups: Record<string, number> = {};
        for (let g = 0; g < groupNames.length; g++) {
          const name = groupNames[g]!;
          const value = Number(row[3 + g]);
          // A group may be named __proto__: it must stay an own property (plain assignment, per row, for the rest).
          if (name === '__proto__')
            Object.defineProperty(groups, name, { value, enumerable: true, writable: true, configurable: true });
          else groups[name] = value;
        }
        const pending = options.onResult({
          id: String(row[0]),
          score: Number(row[1]),
          tier: row[2] === null ? null : String(row[2]),
          groups,
          reasons: [],
        });
        if (pending) await pending;
        scored++;
      }
    }
    return { scored, withoutId };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
