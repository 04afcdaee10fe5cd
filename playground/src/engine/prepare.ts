import type { SchemaModel } from '../../../compiler/schema/model.js';
import { compileValidators } from '../../../compiler/schema/validators.js';
import { eventColumnTypes, leadColumnTypes } from '../../../runtime/records/column-types.js';
import { leadKey, prepareEvent, prepareLead, type PreparedEvent } from '../../../runtime/prepare-records.js';
import { convertRow } from '../../../runtime/records/csv-row.js';
import type { RawDataset, RawTable } from './raw-data.js';

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
  /** The first few problems, for the data panel. */
  readonly problems: readonly string[];
  /** Leads CSV files whose header lacks required columns: what matches no field, and what is missing. */
  readonly headerProblems: readonly HeaderProblem[];
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

const MAX_PROBLEMS = 5;

export function prepareData(data: RawDataset, schema: SchemaModel | undefined, timeZone: string): PreparedData {
  const validators = schema && compileValidators(schema);
  const problems: string[] = [];
  const note = (where: string, reasons: readonly string[]): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${where}: ${reasons.join('; ')}`);
  };
  let invalidLeads = 0;
  let invalidEvents = 0;
  let eventCount = 0;
  const leads: PreparedLead[] = [];
  const eventsByLead = new Map<string, PreparedEvent[]>();
  const headerProblems: HeaderProblem[] = [];

  const addEvent = (record: unknown, where: string, leadId?: string): void => {
    // prepareEvent turns `at` into ms in place: give it a copy, the raw data is reused.
    const copy = isRecord(record) ? { ...record } : record;
    const prepared = prepareEvent(copy, validators, timeZone);
    if (!prepared.ok) {
      invalidEvents++;
      note(where, prepared.reasons);
      return;
    }
    const key = leadId ?? leadKey((prepared.value as Record<string, unknown>).lead_id);
    if (typeof key !== 'string') {
      invalidEvents++;
      note(where, ['lead_id is required']);
      return;
    }
    eventCount++;
    let list = eventsByLead.get(key);
    if (!list) eventsByLead.set(key, (list = []));
    list.push(prepared.value);
  };

  for (const file of data.files) {
    for (const problem of file.problems) {
      if (file.role === 'leads') invalidLeads++;
      else invalidEvents++;
      note(file.name, [problem]);
    }
    const header =
      file.role === 'leads' && file.table.kind === 'csv'
        ? headerProblem(file.name, file.table.header, schema)
        : undefined;
    if (header) headerProblems.push(header);
    const typeOf = file.role === 'leads' ? leadColumnTypes(schema) : eventColumnTypes(schema);
    forEachRecord(file.table, typeOf, (record, index) => {
      const where = `${file.name} #${index + 1}`;
      if (!record.ok) {
        if (file.role === 'leads') invalidLeads++;
        else invalidEvents++;
        note(where, [record.reason]);
        return;
      }
      if (file.role === 'events') return addEvent(record.value, where);
      const prepared = prepareLead(record.value, validators);
      if (!prepared.ok) {
        invalidLeads++;
        note(where, prepared.reasons);
        return;
      }
      const id = leadKey(prepared.value.id);
      const { events: nested, ...lead } = prepared.value;
      if (Array.isArray(nested)) nested.forEach((e, i) => addEvent(e, `${where} events[${i}]`, id));
      leads.push({ id, lead, events: [] });
    });
  }
  for (const lead of leads) {
    const events = eventsByLead.get(lead.id);
    if (events) lead.events.push(...events);
  }
  return { leads, eventCount, invalidLeads, invalidEvents, problems, headerProblems };
}

type RecordResult = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

function forEachRecord(
  table: RawTable,
  typeOf: ReturnType<typeof leadColumnTypes>,
  visit: (record: RecordResult, index: number) => void,
): void {
  if (table.kind === 'records') {
    table.records.forEach((r, i) =>
      visit(isRecord(r) ? { ok: true, value: r } : { ok: false, reason: 'a record must be a JSON object' }, i),
    );
  } else {
    table.rows.forEach((cells, i) => visit(convertRow(table.header, cells, typeOf), i));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
