import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateSql } from '../../compiler/codegen/sql/query.js';
import { loadRules } from '../../cli/load-rules.js';

/**
 * The example rules' query in every dialect, compared with a reviewed file.
 * BigQuery, Snowflake and PostgreSQL output is checked only this way (no live
 * service in CI); DuckDB also runs in the differential tests. After an
 * intended change: UPDATE_GOLDEN=1 npx vitest run test/sql, then review the diff.
 */
const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const RULES = fileURLToPath(new URL('../../rules/b2b-saas.score', import.meta.url));
const AS_OF = Date.parse('2026-11-01T00:00:00+09:00');

describe('SQL golden files for rules/b2b-saas.score', () => {
  const { program } = loadRules(RULES);
  for (const dialect of ['duckdb', 'postgres', 'bigquery', 'snowflake']) {
    for (const variant of ['parameter', 'as-of'] as const) {
      it(`${dialect}, as-of ${variant === 'parameter' ? 'named parameter' : 'literal'}`, () => {
        const sql = generateSql(program!, {
          dialect,
          ...(variant === 'as-of' && { asOf: AS_OF, leadsTable: 'crm.leads', eventsTable: 'crm.lead_events' }),
        });
        const file = `${GOLDEN}b2b-saas.${variant}.${dialect}.sql`;
        if (process.env['UPDATE_GOLDEN']) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, sql);
        }
        expect(sql).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});

describe('SQL golden files for version 2 (decay, caps per period, reset), periods in Asia/Tokyo', () => {
  const { program } = loadRules(fileURLToPath(new URL('./golden/version2/rules.score', import.meta.url)));
  for (const dialect of ['duckdb', 'postgres', 'bigquery', 'snowflake']) {
    it(dialect, () => {
      const sql = generateSql(program!, { dialect, asOf: AS_OF, timeZone: 'Asia/Tokyo' });
      const file = `${GOLDEN}version2/version2.${dialect}.sql`;
      if (process.env['UPDATE_GOLDEN']) writeFileSync(file, sql);
      expect(sql).toBe(readFileSync(file, 'utf8'));
    });
  }
});
