import {
  backquotedIdentifier,
  backslashString,
  doubleQuotedIdentifier,
  numberLiteral,
  postgresString,
  SqlGenerationError,
  standardString,
} from './quoting.js';

/**
 * What differs between the warehouses: quoting, the safe casts that read a
 * column as the type the schema declares, substring and array tests,
 * conditional counts, timestamps and the as-of parameter. The query builder
 * (query.ts) and the conditions (conditions.ts) speak only through this.
 */
export interface Dialect {
  readonly name: DialectName;
  /** A quoted identifier. */
  ident(name: string): string;
  /** A lead column or event property: one column per dotted path (BigQuery: a STRUCT field path). */
  column(alias: string, segments: readonly string[]): string;
  /** A table name from the options: dots separate its parts, each part is quoted. */
  table(dotted: string): string;
  string(value: string): string;
  number(value: number): string;
  /** The column read as a number; text that does not convert is NULL (missing). */
  asNumber(expr: string): string;
  asString(expr: string): string;
  asBoolean(expr: string): string;
  /** Substring test; the needle is a non-empty literal. */
  hasSubstring(haystack: string, needle: string): string;
  /** Element test on an array column; the needle is a literal. */
  arrayHas(array: string, needle: string): string;
  /** Counts the rows of a group for which `condition` (never NULL) holds. */
  countIf(condition: string): string;
  /** An instant as a literal, from its UTC ISO form `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
  timestamp(isoUtc: string): string;
  /** The as-of instant when none was given: the dialect's named parameter. */
  readonly asOfParameter: string;
  /** `ts` minus a whole number of hours (exact, never calendar-aware). */
  hoursBefore(ts: string, hours: number): string;
  /** A whole number column of the output. */
  integer(expr: string): string;
  /** The tier column's value when no tier matches. */
  readonly nullString: string;
}

export type DialectName = 'duckdb' | 'postgres' | 'bigquery' | 'snowflake';
export const DIALECT_NAMES: readonly DialectName[] = ['duckdb', 'postgres', 'bigquery', 'snowflake'];

function isoParts(isoUtc: string): { date: string; time: string } {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}\.\d{3})Z$/.exec(isoUtc);
  if (!match)
    throw new SqlGenerationError(`the as-of instant must be a UTC time from year 0000 to 9999, got ${isoUtc}`);
  return { date: match[1]!, time: match[2]! };
}

function dottedTable(dotted: string, ident: (name: string) => string): string {
  const parts = dotted.split('.');
  if (parts.some((p) => p.length === 0))
    throw new SqlGenerationError(
      `not a table name: ${JSON.stringify(dotted)} (write table, schema.table or db.schema.table)`,
    );
  return parts.map(ident).join('.');
}

const flatColumn = (ident: (name: string) => string) => (alias: string, segments: readonly string[]) =>
  `${alias}.${ident(segments.join('.'))}`;

const duckdb: Dialect = {
  name: 'duckdb',
  ident: doubleQuotedIdentifier,
  column: flatColumn(doubleQuotedIdentifier),
  table: (t) => dottedTable(t, doubleQuotedIdentifier),
  string: standardString,
  number: numberLiteral,
  asNumber: (x) => `TRY_CAST(${x} AS DOUBLE)`,
  asString: (x) => `CAST(${x} AS VARCHAR)`,
  asBoolean: (x) => `TRY_CAST(${x} AS BOOLEAN)`,
  hasSubstring: (h, n) => `contains(${h}, ${n})`,
  arrayHas: (a, n) => `list_contains(${a}, ${n})`,
  countIf: (c) => `COUNT(*) FILTER (WHERE ${c})`,
  timestamp: (iso) => {
    const { date, time } = isoParts(iso);
    return `CAST('${date} ${time}+00' AS TIMESTAMPTZ)`;
  },
  // Set it first: SET VARIABLE as_of = TIMESTAMPTZ '2026-11-01 00:00:00+09'; an unset variable fails the query.
  asOfParameter: `CAST(COALESCE(getvariable('as_of'), error('set the as-of instant first: SET VARIABLE as_of = TIMESTAMPTZ ''2026-11-01 00:00:00+00''')) AS TIMESTAMPTZ)`,
  hoursBefore: (ts, h) => `(${ts} - INTERVAL ${h} HOUR)`,
  integer: (x) => `CAST(${x} AS INTEGER)`,
  nullString: 'CAST(NULL AS VARCHAR)',
};

/** Strict decimal text only, as the CSV reader accepts: PostgreSQL has no TRY_CAST. */
const PG_NUMBER = postgresString('^\\s*[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$');

const postgres: Dialect = {
  name: 'postgres',
  ident: doubleQuotedIdentifier,
  column: flatColumn(doubleQuotedIdentifier),
  table: (t) => dottedTable(t, doubleQuotedIdentifier),
  string: postgresString,
  number: numberLiteral,
  asNumber: (x) =>
    `(CASE WHEN CAST(${x} AS TEXT) ~ ${PG_NUMBER} THEN CAST(CAST(${x} AS TEXT) AS DOUBLE PRECISION) END)`,
  asString: (x) => `CAST(${x} AS TEXT)`,
  asBoolean: (x) =>
    `(CASE lower(CAST(${x} AS TEXT)) WHEN 'true' THEN TRUE WHEN 't' THEN TRUE WHEN 'false' THEN FALSE WHEN 'f' THEN FALSE END)`,
  hasSubstring: (h, n) => `(strpos(${h}, ${n}) > 0)`,
  arrayHas: (a, n) => `(${n} = ANY(${a}))`,
  countIf: (c) => `COUNT(*) FILTER (WHERE ${c})`,
  timestamp: (iso) => {
    const { date, time } = isoParts(iso);
    return `CAST('${date} ${time}+00' AS TIMESTAMPTZ)`;
  },
  // psql: psql -v as_of='2026-11-01T00:00:00+09:00' -f scores.sql; a driver binds it in place of :'as_of'.
  asOfParameter: `CAST(:'as_of' AS TIMESTAMPTZ)`,
  hoursBefore: (ts, h) => `(${ts} - INTERVAL '${h} hours')`,
  integer: (x) => `CAST(${x} AS INTEGER)`,
  nullString: 'CAST(NULL AS TEXT)',
};

const bigquery: Dialect = {
  name: 'bigquery',
  ident: backquotedIdentifier,
  // BigQuery column names cannot contain dots: a nested path is a STRUCT (RECORD) field, as loading nested JSON makes it.
  column: (alias, segments) => `${alias}.${segments.map(backquotedIdentifier).join('.')}`,
  table: (t) => dottedTable(t, backquotedIdentifier),
  string: backslashString,
  number: numberLiteral,
  asNumber: (x) => `SAFE_CAST(${x} AS FLOAT64)`,
  asString: (x) => `CAST(${x} AS STRING)`,
  asBoolean: (x) => `SAFE_CAST(${x} AS BOOL)`,
  hasSubstring: (h, n) => `(STRPOS(${h}, ${n}) > 0)`,
  arrayHas: (a, n) => `(${n} IN UNNEST(${a}))`,
  countIf: (c) => `COUNTIF(${c})`,
  timestamp: (iso) => {
    const { date, time } = isoParts(iso);
    return `TIMESTAMP '${date} ${time}+00'`;
  },
  // bq query --parameter=as_of:TIMESTAMP:2026-11-01T00:00:00+09:00
  asOfParameter: '@as_of',
  hoursBefore: (ts, h) => `TIMESTAMP_SUB(${ts}, INTERVAL ${h} HOUR)`,
  integer: (x) => `CAST(${x} AS INT64)`,
  nullString: 'CAST(NULL AS STRING)',
};

const snowflake: Dialect = {
  name: 'snowflake',
  ident: doubleQuotedIdentifier,
  column: flatColumn(doubleQuotedIdentifier),
  table: (t) => dottedTable(t, doubleQuotedIdentifier),
  string: backslashString,
  number: numberLiteral,
  // TRY_TO_* read text only: go through TO_VARCHAR so that numeric and VARIANT columns work too.
  asNumber: (x) => `TRY_TO_DOUBLE(TO_VARCHAR(${x}))`,
  asString: (x) => `TO_VARCHAR(${x})`,
  asBoolean: (x) => `TRY_TO_BOOLEAN(TO_VARCHAR(${x}))`,
  hasSubstring: (h, n) => `CONTAINS(${h}, ${n})`,
  arrayHas: (a, n) => `ARRAY_CONTAINS(TO_VARIANT(${n}), ${a})`,
  countIf: (c) => `COUNT_IF(${c})`,
  timestamp: (iso) => {
    const { date, time } = isoParts(iso);
    return `TO_TIMESTAMP_TZ('${date} ${time} +00:00', 'YYYY-MM-DD HH24:MI:SS.FF3 TZH:TZM')`;
  },
  // SET as_of = '2026-11-01T00:00:00+09:00'::TIMESTAMP_TZ;
  asOfParameter: 'CAST($as_of AS TIMESTAMP_TZ)',
  hoursBefore: (ts, h) => `DATEADD(hour, ${-h}, ${ts})`,
  integer: (x) => `CAST(${x} AS INTEGER)`,
  nullString: 'CAST(NULL AS VARCHAR)',
};

const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, bigquery, snowflake };

export function isDialectName(name: string): name is DialectName {
  return (DIALECT_NAMES as readonly string[]).includes(name);
}

export function dialectNamed(name: string): Dialect {
  if (!isDialectName(name))
    throw new SqlGenerationError(`unknown SQL dialect "${name}": use one of ${DIALECT_NAMES.join(', ')}`);
  return DIALECTS[name];
}
