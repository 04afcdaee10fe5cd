/** The example data as the files of examples/: JSON Lines, CSV, and JSON with nested events. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateExampleData } from './generate.js';
import { DEFAULT_LEAD_COUNT, type ExampleData, type ExampleEvent, type ExampleLead, type GenerateOptions } from './model.js';

/** Lead columns, in schema order. */
export const LEAD_COLUMNS = [
  'id', 'name', 'company', 'email', 'employees', 'industry', 'role', 'prefecture', 'lead_source', 'opted_out', 'tags', 'created_at', 'opportunity',
] as const satisfies readonly (keyof ExampleLead)[];

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Leads as CSV with a header row: missing and null as empty cells, arrays as `a;b`. */
export function leadsToCsv(leads: readonly ExampleLead[]): string {
  const lines = [LEAD_COLUMNS.join(',')];
  for (const lead of leads) lines.push(LEAD_COLUMNS.map((c) => csvCell(lead[c])).join(','));
  return lines.join('\n') + '\n';
}

export function toJsonl(records: readonly unknown[]): string {
  let out = '';
  for (const r of records) out += JSON.stringify(r) + '\n';
  return out;
}

/** Events sorted by time (as an MA export is), ties kept in lead order. */
export function eventsInTimeOrder(events: readonly ExampleEvent[]): ExampleEvent[] {
  return events
    .map((e, i) => ({ e, i, ms: Date.parse(e.at) }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map(({ e }) => e);
}

/** Groups events by lead id (each lead's events stay in their order). */
export function eventsByLead(events: readonly ExampleEvent[]): Map<string, ExampleEvent[]> {
  const byLead = new Map<string, ExampleEvent[]>();
  for (const e of events) {
    let list = byLead.get(e.lead_id);
    if (list === undefined) byLead.set(e.lead_id, (list = []));
    list.push(e);
  }
  return byLead;
}

/** The first `n` leads with their events nested (without `lead_id`), as in leads-with-events.json. */
export function nestEvents(data: ExampleData, n: number): (ExampleLead & { events: Omit<ExampleEvent, 'lead_id'>[] })[] {
  const byLead = eventsByLead(data.events);
  return data.leads.slice(0, n).map((lead) => ({
    ...lead,
    events: (byLead.get(lead.id) ?? []).map(({ lead_id: _leadId, ...rest }) => rest),
  }));
}

/** A JSON array of leads, one field per line and one event per line, so that it reads well and diffs well. */
export function nestedToJson(leads: readonly (ExampleLead & { events: readonly object[] })[]): string {
  const blocks = leads.map((lead) => {
    const { events, ...fields } = lead;
    const lines = Object.entries(fields).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
    const body = events.map((e) => `      ${JSON.stringify(e)}`).join(',\n');
    lines.push(events.length === 0 ? '    "events": []' : `    "events": [\n${body}\n    ]`);
    return `  {\n${lines.join('\n')}\n  }`;
  });
  return `[\n${blocks.join(',\n')}\n]\n`;
}

/** Writes the four example files into `dir`; returns their names and sizes in bytes. */
export function writeExamples(dir: string, options: GenerateOptions = { leads: DEFAULT_LEAD_COUNT }): { file: string; bytes: number }[] {
  const data = generateExampleData(options);
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['leads.jsonl', toJsonl(data.leads)],
    ['events.jsonl', toJsonl(eventsInTimeOrder(data.events))],
    ['leads.csv', leadsToCsv(data.leads)],
    ['leads-with-events.json', nestedToJson(nestEvents(data, 50))],
  ];
  return files.map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return { file: join(dir, name), bytes: Buffer.byteLength(text) };
  });
}
