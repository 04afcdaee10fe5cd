import type { DuckDBConnection } from '@duckdb/node-api';
import { jsonColumns } from './json-columns.js';
import { ident, isArray, jsonPath, listType, str } from './sql-text.js';
import type { UsedPath } from '../../compiler/analysis/used-paths.js';
import type { InputFile, InputFormat } from './input-file.js';

/**
 * Views over the input files with the column layout the generated SQL
 * expects (docs/warehouse.md): `ls_leads` (ls_row, id, one column per used
 * path, named by its dotted path) and `ls_events_in` (lead_id, type, at,
 * one column per used property). Scalars stay as the file has them (text
 * for JSON and CSV); the query's safe casts read them as the schema's types.
 */
/** The table function reading a file; `records=false` gives JSON one `json` column per record. */
function scan(file: InputFile): string {
  switch (file.format) {
    case 'jsonl':
      return `read_json(${str(file.path)}, format = 'newline_delimited', records = false)`;
    case 'json':
      return `read_json(${str(file.path)}, format = 'array', records = false)`;
    case 'csv':
      // Text in, as the JavaScript reader sees it; an empty cell is NULL (missing).
      return `read_csv(${str(file.path)}, header = true, all_varchar = true)`;
    case 'parquet':
      return `read_parquet(${str(file.path)})`;
  }
}

/** A JSON record's value at a path, as text (scalars) or as a list (arrays). */
function fromJson(record: string, path: UsedPath): string {
  if (isArray(path)) return `TRY_CAST(json_extract(${record}, ${jsonPath(path.segments)}) AS ${listType(path)})`;
  return `json_extract_string(${record}, ${jsonPath(path.segments)})`;
}

/** A column of a CSV or Parquet file: named by the dotted path, or (Parquet) a STRUCT field; NULL when absent. */
function fromColumns(alias: string, columns: ReadonlySet<string>, path: UsedPath, format: InputFormat): string {
  const name = path.segments.join('.');
  const [head, ...rest] = path.segments;
  let expr: string;
  if (columns.has(name)) expr = `${alias}.${ident(name)}`;
  else if (format === 'parquet' && rest.length > 0 && columns.has(head!))
    expr = `${alias}.${ident(head!)}.${rest.map(ident).join('.')}`;
  else return isArray(path) ? `CAST(NULL AS ${listType(path)})` : 'CAST(NULL AS VARCHAR)';
  if (!isArray(path) || format !== 'csv') return expr;
  // CSV lists, as the JavaScript reader takes them: a JSON array, or items separated by ';'.
  return `(CASE WHEN starts_with(trim(${expr}), '[') THEN TRY_CAST(TRY_CAST(${expr} AS JSON) AS ${listType(path)}) ELSE TRY_CAST(list_filter(list_transform(string_split(${expr}, ';'), s -> trim(s)), s -> s <> '') AS ${listType(path)}) END)`;
}

async function columnsOf(connection: DuckDBConnection, file: InputFile): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${scan(file)}`);
  return new Set(reader.getRows().map((row) => String(row[0])));
}

const at = (expr: string): string => `TRY_CAST(${expr} AS TIMESTAMPTZ)`;

export async function createInputViews(
  connection: DuckDBConnection,
  leads: InputFile,
  events: InputFile | undefined,
  used: { lead: readonly UsedPath[]; events: readonly UsedPath[] },
): Promise<void> {
  const leadCols = (fn: (p: UsedPath) => string): string =>
    used.lead.map((p) => `, ${fn(p)} AS ${ident(p.segments.join('.'))}`).join('');
  const eventCols = (fn: (p: UsedPath) => string): string =>
    used.events.map((p) => `, ${fn(p)} AS ${ident(p.segments.join('.'))}`).join('');
  const json = leads.format === 'json' || leads.format === 'jsonl';
  const leadColumns = json && events !== undefined ? jsonColumns(leads, ['id'], used.lead) : undefined;
  if (leadColumns) {
    // row_number() over the scan keeps input order for the output (ORDER BY ls_row).
    await connection.run(
      `CREATE OR REPLACE VIEW ls_leads AS SELECT row_number() OVER () AS ls_row, r."id" AS "id"${leadCols((p) => leadColumns.value('r', p))} FROM ${leadColumns.scan} AS r`,
    );
  } else if (json) {
    // Events nested in the leads (or keys that cannot be columns): whole records.
    // row_number() over the scan keeps input order for the output (ORDER BY ls_row).
    await connection.run(
      `CREATE OR REPLACE VIEW ls_leads_raw AS SELECT row_number() OVER () AS ls_row, r.json AS j FROM ${scan(leads)} AS r`,
    );
    await connection.run(
      `CREATE OR REPLACE VIEW ls_leads AS SELECT ls_row, json_extract_string(j, '$.id') AS "id"${leadCols((p) => fromJson('j', p))} FROM ls_leads_raw`,
    );
  } else {
    const columns = await columnsOf(connection, leads);
    if (!columns.has('id')) throw new InputError(`${leads.path}: the leads file has no id column`);
    await connection.run(
      `CREATE OR REPLACE VIEW ls_leads AS SELECT row_number() OVER () AS ls_row, CAST(r."id" AS VARCHAR) AS "id"${leadCols((p) => fromColumns('r', columns, p, leads.format))} FROM ${scan(leads)} AS r`,
    );
  }
  const envelope = (leadId: string, type: string, time: string): string =>
    `${leadId} AS "lead_id", ${type} AS "type", ${time} AS "at"`;
  if (events === undefined) {
    if (json) {
      // Events nested in each lead as `events: [...]`.
      await connection.run(
        `CREATE OR REPLACE VIEW ls_events_in AS SELECT ${envelope("json_extract_string(l.j, '$.id')", "json_extract_string(t.e, '$.type')", at("json_extract_string(t.e, '$.at')"))}${eventCols((p) => fromJson('t.e', p))} FROM ls_leads_raw AS l, unnest(TRY_CAST(json_extract(l.j, '$.events') AS JSON[])) AS t(e)`,
      );
    } else {
      await connection.run(
        `CREATE OR REPLACE VIEW ls_events_in AS SELECT ${envelope('CAST(NULL AS VARCHAR)', 'CAST(NULL AS VARCHAR)', 'CAST(NULL AS TIMESTAMPTZ)')}${eventCols((p) => (isArray(p) ? `CAST(NULL AS ${listType(p)})` : 'CAST(NULL AS VARCHAR)'))} WHERE FALSE`,
      );
    }
    return;
  }
  const eventColumns =
    events.format === 'json' || events.format === 'jsonl'
      ? jsonColumns(events, ['lead_id', 'type', 'at'], used.events)
      : undefined;
  if (eventColumns) {
    await connection.run(
      `CREATE OR REPLACE VIEW ls_events_in AS SELECT ${envelope('r."lead_id"', 'r."type"', at('r."at"'))}${eventCols((p) => eventColumns.value('r', p))} FROM ${eventColumns.scan} AS r`,
    );
  } else if (events.format === 'json' || events.format === 'jsonl') {
    await connection.run(
      `CREATE OR REPLACE VIEW ls_events_in AS SELECT ${envelope("json_extract_string(r.json, '$.lead_id')", "json_extract_string(r.json, '$.type')", at("json_extract_string(r.json, '$.at')"))}${eventCols((p) => fromJson('r.json', p))} FROM ${scan(events)} AS r`,
    );
  } else {
    const columns = await columnsOf(connection, events);
    for (const required of ['lead_id', 'type', 'at']) {
      if (!columns.has(required)) throw new InputError(`${events.path}: the events file has no ${required} column`);
    }
    await connection.run(
      `CREATE OR REPLACE VIEW ls_events_in AS SELECT ${envelope('CAST(r."lead_id" AS VARCHAR)', 'CAST(r."type" AS VARCHAR)', at('r."at"'))}${eventCols((p) => fromColumns('r', columns, p, events.format))} FROM ${scan(events)} AS r`,
    );
  }
}

/** An input file DuckDB cannot use as the engine needs it (a usage error, exit 2). */
export class InputError extends Error {
  override readonly name = 'InputError';
}
