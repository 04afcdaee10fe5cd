import fc from 'fast-check';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { generateSql } from '../../compiler/codegen/sql/query.js';
import { buildProgram } from '../../compiler/program.js';
import { sqlLeadArb } from '../helpers/arbitraries.js';
import { eventsArbV2, NOW_V2, programTextV2, SQL_SCHEMA_JSON_V2, ZONES } from '../helpers/arbitraries-v2.js';
import { schemaFrom } from '../helpers/checker.js';
import { loadTables, openDuckDB, runScores } from './duckdb-harness.js';

/**
 * Version 2 on DuckDB: random programs with decay, caps per period and
 * resets; the query, generated for a time zone, must give exactly the
 * JavaScript scorer's results in that zone (event times on decay steps,
 * local period boundaries and DST changes).
 */
const SCHEMA = schemaFrom(SQL_SCHEMA_JSON_V2);
const noSchema = { readSchema: () => undefined };

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await openDuckDB();
});
afterAll(() => connection?.closeSync());

describe('version 2: the generated DuckDB SQL agrees with the JavaScript scorer', () => {
  it('on random programs with decay, caps per period and resets, in several zones', async () => {
    const zoneAndCases = fc
      .constantFrom(...ZONES)
      .chain((zone) =>
        fc.tuple(fc.constant(zone), fc.array(fc.tuple(sqlLeadArb, eventsArbV2(zone)), { minLength: 1, maxLength: 5 })),
      );
    await fc.assert(
      fc.asyncProperty(programTextV2, zoneAndCases, async (source, [zone, cases]) => {
        const checked = checkSource(source, noSchema);
        expect(
          checked.diagnostics.filter((d) => d.severity === 'error'),
          source,
        ).toEqual([]);
        const program = buildProgram(checked.file, source, SCHEMA);
        const leads = cases.map(([lead], i) => Object.assign(lead, { id: `L${i}` }));
        const events = cases.flatMap(([, evs], i) => evs.map((event) => ({ leadId: `L${i}`, event })));
        await loadTables(connection, leads, events);
        const sql = generateSql(program, { dialect: 'duckdb', asOf: NOW_V2, ...(zone && { timeZone: zone }) });
        const actual = await runScores(connection, sql);
        const scorer = instantiateScorer(program, zone);
        leads.forEach((lead, i) => {
          expect(
            actual.get(`L${i}`),
            `${source}\nzone ${zone}\nevents ${JSON.stringify(cases[i]![1])}\n${sql}`,
          ).toEqual(scorer.score(lead, cases[i]![1], NOW_V2));
        });
      }),
      { numRuns: Number(process.env['SQL_RUNS'] ?? 150) },
    );
  }, 180_000);
});
