import fc from 'fast-check';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { generateSql } from '../../compiler/codegen/sql/query.js';
import { buildProgram } from '../../compiler/program.js';
import { NOW, programText, SQL_SCHEMA_JSON, sqlEventsArb, sqlLeadArb } from '../helpers/arbitraries.js';
import { schemaFrom } from '../helpers/checker.js';
import {
  createTempTables,
  loadTempTables,
  openPostgres,
  PG_URL,
  requirePostgres,
  runScores,
  TEMP_EVENTS,
  TEMP_LEADS,
  withPlaceholder,
} from './postgres-harness.js';

/**
 * The DuckDB differential property (differential.test.ts), on a real
 * PostgreSQL server: random programs, typed leads and events; the generated
 * postgres query must give exactly the JavaScript scorer's score, tier and
 * groups for every lead. The session time zone is Europe/Berlin, whose
 * daylight-saving change (2026-10-25) lies inside the 30-day windows before
 * NOW: durations must be exact hours.
 */
const SCHEMA = schemaFrom(SQL_SCHEMA_JSON);
const noSchema = { readSchema: () => undefined };

/** Text rows PostgreSQL's safe casts must read as the JavaScript scorer reads these leads. */
const RAW_ROWS: readonly { row: Record<string, string>; lead: Record<string, unknown> }[] = [
  { row: { id: 'TEXT', employees: 'many' }, lead: { id: 'TEXT' } },
  { row: { id: 'NAN', employees: 'NaN' }, lead: { id: 'NAN' } },
  { row: { id: 'EXP', employees: '1e2' }, lead: { id: 'EXP', employees: 100 } },
  { row: { id: 'YES', constructor: 'yes' }, lead: { id: 'YES' } },
  { row: { id: 'T', constructor: 'T' }, lead: { id: 'T', constructor: true } },
];

let client: Client | undefined;
beforeAll(async () => {
  if (!PG_URL) return;
  client = await openPostgres('Europe/Berlin');
  await createTempTables(client);
});
afterAll(async () => {
  await client?.end();
});

describe('the generated PostgreSQL agrees with the JavaScript scorer on a real server', () => {
  it('on random programs, typed leads and events (window edges, at == now, future events, missing values, number- and boolean-as-text)', async (context) => {
    requirePostgres(context);
    const pg = client!;
    let parameterRuns = 0;
    await fc.assert(
      fc.asyncProperty(
        programText,
        fc.array(fc.tuple(sqlLeadArb, sqlEventsArb), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (source, cases, literalAsOf) => {
          const checked = checkSource(source, noSchema);
          expect(
            checked.diagnostics.filter((d) => d.severity === 'error'),
            source,
          ).toEqual([]);
          const program = buildProgram(checked.file, source, SCHEMA);
          const leads = cases.map(([lead], i) => Object.assign(lead, { id: `L${i}` }));
          const events = cases.flatMap(([, evs], i) => evs.map((event) => ({ leadId: `L${i}`, event })));
          await loadTempTables(
            pg,
            leads,
            events,
            RAW_ROWS.map((r) => r.row),
          );
          const options = { dialect: 'postgres', leadsTable: TEMP_LEADS, eventsTable: TEMP_EVENTS };
          // Either the --as-of literal, or the psql variable :'as_of' replaced by a driver placeholder bound to the instant.
          let sql: string;
          let actual;
          if (literalAsOf) {
            sql = generateSql(program, { ...options, asOf: NOW });
            actual = await runScores(pg, sql);
          } else {
            sql = withPlaceholder(generateSql(program, options));
            actual = await runScores(pg, sql, [new Date(NOW).toISOString()]);
            parameterRuns++;
          }
          const scorer = instantiateScorer(program);
          expect(actual.size, sql).toBe(leads.length + RAW_ROWS.length);
          leads.forEach((lead, i) => {
            expect(
              actual.get(`L${i}`),
              `${source}\nlead ${JSON.stringify(lead)}\nevents ${JSON.stringify(cases[i]![1])}\n${sql}`,
            ).toEqual(scorer.score(lead, cases[i]![1], NOW));
          });
          for (const { row, lead } of RAW_ROWS)
            expect(actual.get(row['id']!), `${source}\nraw row ${JSON.stringify(row)}\n${sql}`).toEqual(
              scorer.score(lead, [], NOW),
            );
        },
      ),
      { numRuns: Number(process.env['PG_RUNS'] ?? 100) },
    );
    expect(parameterRuns).toBeGreaterThan(0);
  }, 120_000);
});
