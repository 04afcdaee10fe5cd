import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { generateSql } from '../../compiler/codegen/sql/query.js';
import { buildProgram } from '../../compiler/program.js';
import { NOW, programText, SQL_SCHEMA_JSON, sqlEventsArb, sqlLeadArb } from '../helpers/arbitraries.js';
import { schemaFrom } from '../helpers/checker.js';
import { loadTables, openDuckDB, runScores } from './duckdb-harness.js';

const SCHEMA = schemaFrom(SQL_SCHEMA_JSON);
const noSchema = { readSchema: () => undefined };

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await openDuckDB();
});
afterAll(() => connection?.closeSync());

describe('the generated DuckDB SQL agrees with the JavaScript scorer', () => {
  it('on random programs, typed leads and events (window edges, at == now, future events, missing values, number-as-text)', async () => {
    await fc.assert(
      fc.asyncProperty(
        programText,
        fc.array(fc.tuple(sqlLeadArb, sqlEventsArb), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (source, cases, literalAsOf) => {
          // programText is structurally valid; its fields get SQL_SCHEMA_JSON's types (mismatches such as `role >= 3` included).
          const checked = checkSource(source, noSchema);
          expect(
            checked.diagnostics.filter((d) => d.severity === 'error'),
            source,
          ).toEqual([]);
          const program = buildProgram(checked.file, source, SCHEMA);
          const leads = cases.map(([lead], i) => Object.assign(lead, { id: `L${i}` }));
          const events = cases.flatMap(([, evs], i) => evs.map((event) => ({ leadId: `L${i}`, event })));
          await loadTables(connection, leads, events, [{ id: 'TEXT', employeesText: 'many' }]);
          if (!literalAsOf) await connection.run(`SET VARIABLE as_of = TIMESTAMPTZ '${new Date(NOW).toISOString()}'`);
          const sql = generateSql(program, { dialect: 'duckdb', ...(literalAsOf && { asOf: NOW }) });
          const actual = await runScores(connection, sql);
          const scorer = instantiateScorer(program);
          expect(actual.size, sql).toBe(leads.length + 1);
          leads.forEach((lead, i) => {
            expect(
              actual.get(`L${i}`),
              `${source}\nlead ${JSON.stringify(lead)}\nevents ${JSON.stringify(cases[i]![1])}\n${sql}`,
            ).toEqual(scorer.score(lead, cases[i]![1], NOW));
          });
          // 'many' in a number column is missing, like a lead without the field.
          expect(actual.get('TEXT')).toEqual(scorer.score({ id: 'TEXT' }, [], NOW));
        },
      ),
      { numRuns: Number(process.env['SQL_RUNS'] ?? 150) },
    );
  }, 120_000);
});
