import type { SchemaModel } from '../../../compiler/schema/model.js';
import { compileValidators } from '../../../compiler/schema/validators.js';
import { eventColumnTypes, leadColumnTypes } from '../../../runtime/records/column-types.js';
import { leadKey, prepareEvent, prepareLead, type PreparedEvent } from '../../../runtime/prepare-records.js';
import { convertRow } from '../../../runtime/records/csv-row.js';
import {
  guessMapping,
  mappingFields,
  renameColumns,
  renameKeys,
  unmatchedFields,
  type ColumnMapping,
  type MappingField,
} from './column-mapping.js';
import type { RawDataset, RawFile } from './raw-data.js';

/**
 * Raw data + schema → what the scorer takes, validated the way the CLI
 * validates it (prepareLead / prepareEvent). Done when the data or the schema
 * changes, not on every rule edit, so a rule edit only re-scores.
 */
export interface PreparedLead {
  readonly id: string;
  readonly lead: Record<string, unknown>;
  readonly events: PreparedEvent[];
}

export interface PreparedData {
  readonly leads: readonly PreparedLead[];
  readonly eventCount: number;
  readonly invalidLeads: number;
  readonly invalidEvents: number;
  /** Every record left out and why, in file order, for the data panel and the rejected-rows download. */
  readonly problems: readonly RowProblem[];
  /** Leads CSV files whose header lacks required columns: what matches no field, and what is missing. */
  readonly headerProblems: readonly HeaderProblem[];
  /** Files whose columns could be mapped to fields (column-mapping.ts). */
  readonly mappingOffers: readonly MappingOffer[];
}

/** One record left out: where it is, whose it is, why, and what it said. */
export interface RowProblem {
  readonly file: string;
  readonly role: 'leads' | 'events';
  /** CSV: the row as Excel numbers it; JSON Lines: the line; .json: the record's place in the array. */
  readonly row?: number;
  readonly rowKind: 'row' | 'line' | 'record';
  readonly leadId?: string;
  /** `events[2]`: an event nested in a lead. */
  readonly part?: string;
  /** English, as the CLI writes them; the panel translates (compiler/messages/record-messages.ts). */
  readonly reasons: readonly string[];
  /** The row's cells, under the file's header as written (CSV). */
  readonly cells?: readonly string[];
  /** The record as JSON, or a line that could not be read. */
  readonly text?: string;
}

export interface MappingOffer {
  readonly file: string;
  readonly role: 'leads' | 'events';
  /** The file's columns as written (JSON: the keys of its first records). */
  readonly columns: readonly string[];
  /** The fields no column is named after. */
  readonly fields: readonly MappingField[];
  readonly guess: ColumnMapping;
  /** The mapping in use, if any. */
  readonly applied?: ColumnMapping;
}

export interface HeaderProblem {
  readonly file: string;
  readonly unknown: readonly string[];
  readonly missing: readonly string[];
}

/**
 * A leads CSV header against the schema: the columns that match no lead
 * field and the required fields (and `id`) no column gives. Only reported
 * when something required is missing — then every row would be rejected for
 * the same reason, and the header is what to fix (会社名 → company).
 */
export function headerProblem(
  file: string,
  header: readonly string[],
  schema: SchemaModel | undefined,
): HeaderProblem | undefined {
  const top = new Set(header.map((h) => h.split('.')[0]!));
  const required = (schema?.leadSchema as { required?: unknown } | undefined)?.required;
  const needed = [
    'id',
    ...(Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string' && r !== 'id') : []),
  ];
  const missing = needed.filter((n) => !top.has(n));
  if (missing.length === 0) return undefined;
  const fields = schema?.lead.properties;
  const unknown = header.filter((h) => h !== 'id' && !(fields?.has(h.split('.')[0]!) ?? false));
  return { file, unknown, missing };
}

export function prepareData(data: RawDataset, schema: SchemaModel | undefined, timeZone: string): PreparedData {
  const validators = schema && compileValidators(schema);
  const problems: RowProblem[] = [];
  let invalidLeads = 0;
  let invalidEvents = 0;
  let eventCount = 0;
  const leads: PreparedLead[] = [];
  const eventsByLead = new Map<string, PreparedEvent[]>();
  const headerProblems: HeaderProblem[] = [];
  const mappingOffers: MappingOffer[] = [];

  const addEvent = (record: unknown, at: RowAt, leadId?: string): void => {
    // prepareEvent turns `at` into ms in place: give it a copy, the raw data is reused.
    const copy = isRecord(record) ? { ...record } : record;
    const prepared = prepareEvent(copy, validators, timeZone);
    const key = prepared.ok ? (leadId ?? leadKey((prepared.value as Record<string, unknown>).lead_id)) : undefined;
    if (!prepared.ok || typeof key !== 'string') {
      invalidEvents++;
      const id = leadId ?? idText(isRecord(record) ? record.lead_id : undefined);
      problems.push(problemAt(at, prepared.ok ? ['lead_id is required'] : prepared.reasons, id));
      return;
    }
    eventCount++;
    let list = eventsByLead.get(key);
    if (!list) eventsByLead.set(key, (list = []));
    list.push(prepared.value);
  };

  for (const file of data.files) {
    const role = file.role;
    for (const p of file.problems) {
      if (role === 'leads') invalidLeads++;
      else invalidEvents++;
      problems.push({
        file: file.name,
        role,
        rowKind: file.table.kind === 'csv' ? 'row' : 'line',
        ...(p.row !== undefined && { row: p.row }),
        reasons: [p.reason],
        ...(p.text !== undefined && { text: p.text }),
      });
    }
    const mapping = file.mapping ?? {};
    const offer = mappingOffer(file, schema);
    if (offer) mappingOffers.push(offer);
    const header = file.table.kind === 'csv' ? renameColumns(file.table.header, mapping) : undefined;
    const headerIssue = role === 'leads' && header ? headerProblem(file.name, header, schema) : undefined;
    if (headerIssue) headerProblems.push(headerIssue);
    const typeOf = role === 'leads' ? leadColumnTypes(schema) : eventColumnTypes(schema);
    forEachRecord(file, header, mapping, typeOf, (record, at) => {
      if (!record.ok) {
        if (role === 'leads') invalidLeads++;
        else invalidEvents++;
        problems.push(problemAt(at, [record.reason], record.id));
        return;
      }
      if (role === 'events') return addEvent(record.value, at);
      const prepared = prepareLead(record.value, validators);
      if (!prepared.ok) {
        invalidLeads++;
        const id = idText(record.value.id);
        problems.push(problemAt(at, prepared.reasons, id));
        return;
      }
      const id = leadKey(prepared.value.id);
      const { events: nested, ...lead } = prepared.value;
      if (Array.isArray(nested)) nested.forEach((e, i) => addEvent(e, { ...at, part: `events[${i}]`, source: e }, id));
      leads.push({ id, lead, events: [] });
    });
  }
  for (const lead of leads) {
    const events = eventsByLead.get(lead.id);
    if (events) lead.events.push(...events);
  }
  return { leads, eventCount, invalidLeads, invalidEvents, problems, headerProblems, mappingOffers };
}

/** Where a record is and what it said: the part of a RowProblem known before it is validated. */
type RowAt = Omit<RowProblem, 'reasons' | 'leadId' | 'text'> & { readonly source?: unknown };

/** The record's JSON text is made only for the records left out: valid ones are most of a file. */
function problemAt(at: RowAt, reasons: readonly string[], leadId: string | undefined): RowProblem {
  const { source, ...where } = at;
  const text = source === undefined ? undefined : (JSON.stringify(source) ?? String(source));
  return { ...where, ...(leadId !== undefined && { leadId }), reasons, ...(text !== undefined && { text }) };
}

type RecordResult = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string; id?: string };

function forEachRecord(
  file: RawFile,
  header: readonly string[] | undefined,
  mapping: ColumnMapping,
  typeOf: ReturnType<typeof leadColumnTypes>,
  visit: (record: RecordResult, at: RowAt) => void,
): void {
  const table = file.table;
  const base = { file: file.name, role: file.role };
  const mapped = Object.keys(mapping).length > 0;
  if (table.kind === 'records') {
    table.records.forEach((r, i) => {
      const at: RowAt = {
        ...base,
        rowKind: table.lines ? 'line' : 'record',
        row: table.lines ? table.lines[i] : i + 1,
        source: r,
      };
      if (!isRecord(r)) return visit({ ok: false, reason: 'a record must be a JSON object' }, at);
      visit({ ok: true, value: mapped ? renameKeys(r, mapping) : r }, at);
    });
  } else {
    const idColumn = header!.indexOf(file.role === 'leads' ? 'id' : 'lead_id');
    table.rows.forEach((cells, i) => {
      const at: RowAt = { ...base, rowKind: 'row', row: table.rowNumbers[i], cells };
      const record = convertRow(header!, cells, typeOf);
      const id = idColumn >= 0 && cells[idColumn] ? cells[idColumn] : undefined;
      visit(record.ok ? record : { ...record, ...(id !== undefined && { id }) }, at);
    });
  }
}

/** What the panel offers to map for a file, or nothing when every field it could map is named already. */
function mappingOffer(file: RawFile, schema: SchemaModel | undefined): MappingOffer | undefined {
  const columns =
    file.table.kind === 'csv'
      ? file.table.header.filter((c) => c !== '')
      : [...new Set(file.table.records.slice(0, 50).flatMap((r) => (isRecord(r) ? Object.keys(r) : [])))];
  const all = mappingFields(file.role, schema);
  const fields = unmatchedFields(all, columns);
  const guess = guessMapping(all, columns);
  const requiredMissing = fields.some((f) => f.required);
  if (file.mapping === undefined && !requiredMissing && Object.keys(guess).length === 0) return undefined;
  return {
    file: file.name,
    role: file.role,
    columns,
    fields,
    guess,
    ...(file.mapping !== undefined && { applied: file.mapping }),
  };
}

function idText(id: unknown): string | undefined {
  return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
