import fc from 'fast-check';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { generateSql } from '../../compiler/codegen/sql/query.js';
import { buildProgram } from '../../compiler/program.js';
import { sqlLeadArb } from '../helpers/arbitraries.js';
import { eventsArbV2, NOW_V2, programTextV2, SQL_SCHEMA_JSON_V2, ZONES } from '../helpers/arbitraries-v2.js';
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
} from './postgres-harness.js';

/**
 * Version 2 on a real PostgreSQL server: random programs with decay, caps
 * per period and resets; the query generated for a zone must give exactly
 * the JavaScript scorer's results in that zone. The session's TimeZone is
 * Europe/Berlin whatever zone the query is for: periods must not depend on it.
 */
const SCHEMA = schemaFrom(SQL_SCHEMA_JSON_V2);
const noSchema = { readSchema: () => undefined };

let client: Client | undefined;
beforeAll(async () => {
  if (!PG_URL) return;
  client = await openPostgres('Europe/Berlin');
  await createTempTables(client);
});
afterAll(async () => {
  await client?.end();
});

describe('version 2: the generated PostgreSQL agrees with the JavaScript scorer on a real server', () => {
  it('on random programs with decay, caps per period and resets, in several zones', async (context) => {
    requirePostgres(context);
    const pg = client!;
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
        await loadTempTables(pg, leads, events, []);
        const sql = generateSql(program, {
          dialect: 'postgres',
          leadsTable: TEMP_LEADS,
          eventsTable: TEMP_EVENTS,
          asOf: NOW_V2,
          ...(zone && { timeZone: zone }),
        });
        const actual = await runScores(pg, sql);
        const scorer = instantiateScorer(program, zone);
        leads.forEach((lead, i) => {
          expect(
            actual.get(`L${i}`),
            `${source}\nzone ${zone}\nevents ${JSON.stringify(cases[i]![1])}\n${sql}`,
          ).toEqual(scorer.score(lead, cases[i]![1], NOW_V2));
        });
      }),
      { numRuns: Number(process.env['PG_RUNS'] ?? 100) },
    );
  }, 180_000);
});
