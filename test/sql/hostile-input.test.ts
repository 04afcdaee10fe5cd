import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { generateSql } from '../../compiler/codegen/sql/query.js';
import { SqlGenerationError } from '../../compiler/codegen/sql/quoting.js';
import type { Program } from '../../compiler/program.js';
import { quoteString } from '../../grammar/strings.js';
import { NOW, SQL_SCHEMA_JSON } from '../helpers/arbitraries.js';
import { loadTables, openDuckDB, runScores } from './duckdb-harness.js';

/**
 * A rule file arrives in a pull request: its values, tier names and group
 * names, and the table names given on the command line, must reach the SQL
 * only as quoted literals and identifiers.
 */
const PAYLOADS = [
  "'; DROP TABLE leads; --",
  "\\'; DROP TABLE leads; --",
  "\\\\'); DROP TABLE leads; --",
  '"; DROP TABLE leads; --',
  '`; DROP TABLE leads; --',
  '$$; DROP TABLE leads; --',
  "E'\\'; DROP TABLE leads; --",
  '\n; DROP TABLE leads; --\r\n',
  "O'Reilly",
  '部長\u2028',
];
const quote = quoteString;

const SOURCE = `schema "./lead.schema.json"
let 危険 = [${PAYLOADS.map(quote).join(', ')}]
group 属性 max 100 {
${PAYLOADS.map((p, i) => `  when industry = ${quote(p)} +${i + 1}\n  when tags contains ${quote(p)} +${10 * (i + 1)}\n  when 部署 contains ${quote(p)} +1`).join('\n')}
  when industry in 危険 +3
}
group 行動 {
${PAYLOADS.map((p, i) => `  on view where url = ${quote(p)} +${i + 1}`).join('\n')}
}
${PAYLOADS.map((p, i) => `tier ${quote(p)} >= ${100 - i * 10}`).join('\n')}
tier ${quote("x'); DROP TABLE leads; --")} otherwise
`;

function program(): Program {
  const checked = checkSource(SOURCE, { readSchema: (file) => ({ file, text: SQL_SCHEMA_JSON }) });
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checked.program!;
}

/** What is left of a query once its string literals and quoted identifiers are taken out, per dialect. */
const LEXICAL: Record<string, RegExp> = {
  duckdb: /'(?:[^']|'')*'|"(?:[^"]|"")*"/g,
  postgres: /E'(?:[^'\\]|''|\\.)*'|'(?:[^']|'')*'|"(?:[^"]|"")*"/g,
  bigquery: /'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g,
  snowflake: /'(?:[^'\\]|\\.)*'|"(?:[^"]|"")*"/g,
};

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await openDuckDB();
});
afterAll(() => connection?.closeSync());

describe('hostile rule files and table names', () => {
  for (const dialect of Object.keys(LEXICAL)) {
    it(`${dialect}: every payload stays inside a literal or a quoted identifier`, () => {
      const sql = generateSql(program(), {
        dialect,
        leadsTable: 'x"; DROP TABLE leads; --',
        eventsTable: 'a`b.c\\`; DROP TABLE leads; --',
      });
      const outside = sql.replace(LEXICAL[dialect]!, ' ');
      expect(outside).not.toMatch(/DROP|O'Reilly|\$\$/);
      // Literals cannot span lines in BigQuery and Snowflake: line breaks in values are escaped.
      if (dialect === 'bigquery' || dialect === 'snowflake')
        expect(sql.match(LEXICAL[dialect]!)!.every((lit) => !lit.includes('\n'))).toBe(true);
    });
  }

  it('duckdb: runs, scores like the JavaScript scorer, and leaves the tables alone', async () => {
    const p = program();
    const leads = PAYLOADS.map((payload, i) => ({
      id: `L${i}`,
      industry: payload,
      tags: [payload],
      部署: `<${payload}>`,
    }));
    const events = PAYLOADS.map((payload, i) => ({
      leadId: `L${i}`,
      event: { type: 'view', at: NOW - 1000, url: payload },
    }));
    await loadTables(connection, leads, events);
    const actual = await runScores(connection, generateSql(p, { dialect: 'duckdb', asOf: NOW }));
    const scorer = instantiateScorer(p);
    leads.forEach((lead, i) => expect(actual.get(lead.id)).toEqual(scorer.score(lead, [events[i]!.event], NOW)));
    const count = await connection.runAndReadAll('SELECT count(*) FROM leads');
    expect(Number(count.getRows()[0]![0])).toBe(PAYLOADS.length);
  });

  it('a NUL character cannot reach the SQL: a clear error instead', () => {
    const checked = checkSource(`schema "s"\nwhen industry = "a\\u0000b" +1\n`, {
      readSchema: (file) => ({ file, text: SQL_SCHEMA_JSON }),
    });
    expect(() => generateSql(checked.program!, { dialect: 'duckdb' })).toThrow(SqlGenerationError);
  });
});
