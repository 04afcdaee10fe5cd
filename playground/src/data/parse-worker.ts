/// <reference lib="webworker" />
/**
 * Parses data files off the main thread, so a large CSV does not freeze the
 * editor. Only parsing happens here; the schema (which the user may still be
 * editing) is applied on the main thread when the data is prepared.
 */
import { splitCsvText } from '../../../runtime/records/csv-rows.js';
import type { RawFile, RawTable } from '../engine/raw-data.js';
import type { ParseRequest, ParseResponse } from './parse-protocol.js';

declare const self: DedicatedWorkerGlobalScope;

self.addEventListener('message', (message: MessageEvent<ParseRequest>) => {
  void handle(message.data).then((response) => self.postMessage(response));
});

async function handle(request: ParseRequest): Promise<ParseResponse> {
  try {
    const files: RawFile[] = [];
    for (const input of request.files) {
      const text = 'text' in input ? input.text : await (await fetch(input.url)).text();
      files.push(parseFile(input.name, text));
    }
    return { id: request.id, ok: true, files };
  } catch (e) {
    return { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function parseFile(name: string, text: string): RawFile {
  const lower = name.toLowerCase();
  const problems: string[] = [];
  let table: RawTable;
  if (lower.endsWith('.csv')) {
    // The CLI's splitter: a quote never closed costs its own line, reported, not the rest of the file.
    const rows: string[][] = [];
    for (const row of splitCsvText(text)) {
      if (row.ok) rows.push(row.cells);
      else problems.push(`${name}:${row.line}: ${row.reason}: ${row.text}`);
    }
    const header = (rows.shift() ?? []).map((h) => h.trim());
    table = { kind: 'csv', header, rows };
    const events = header.includes('lead_id') && header.includes('type') && header.includes('at');
    return { name, role: events ? 'events' : 'leads', table, problems };
  }
  const records: unknown[] = [];
  if (lower.endsWith('.json')) {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (Array.isArray(value)) records.push(...value);
    else problems.push(`${name}: a .json file must hold an array of records`);
  } else {
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        records.push(JSON.parse(i === 0 ? line.replace(/^\uFEFF/, '') : line));
      } catch {
        problems.push(`${name}:${i + 1}: not valid JSON`);
      }
    });
  }
  table = { kind: 'records', records };
  const first = records[0];
  const events = typeof first === 'object' && first !== null && 'lead_id' in first && 'type' in first;
  return { name, role: events ? 'events' : 'leads', table, problems };
}
