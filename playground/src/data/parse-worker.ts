/// <reference lib="webworker" />
/**
 * Parses data files off the main thread, so a large CSV does not freeze the
 * editor. Only parsing happens here; the schema (which the user may still be
 * editing) is applied on the main thread when the data is prepared.
 */
import { splitCsvText } from '../../../runtime/records/csv-rows.js';
import { looksLikeEvents } from '../engine/column-mapping.js';
import type { RawFile, RawTable, UnreadableRow } from '../engine/raw-data.js';
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
  const problems: UnreadableRow[] = [];
  let table: RawTable;
  if (lower.endsWith('.csv')) {
    // The CLI's splitter: a quote never closed costs its own line, reported, not the rest of the file.
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    // Excel numbers rows, not lines: a cell with line breaks is one row, so the lines inside cells are taken off.
    let linesInCells = 0;
    for (const row of splitCsvText(text)) {
      const excelRow = row.line - linesInCells;
      if (row.ok) {
        rows.push(row.cells);
        rowNumbers.push(excelRow);
        for (const cell of row.cells) linesInCells += cell.split('\n').length - 1;
      } else problems.push({ row: excelRow, reason: row.reason, text: row.text });
    }
    const header = (rows.shift() ?? []).map((h) => h.trim());
    rowNumbers.shift();
    table = { kind: 'csv', header, rows, rowNumbers };
    return { name, role: looksLikeEvents(header) ? 'events' : 'leads', table, problems };
  }
  const records: unknown[] = [];
  let lines: number[] | undefined;
  if (lower.endsWith('.json')) {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (Array.isArray(value)) records.push(...value);
    else problems.push({ reason: 'a .json file must hold an array of records' });
  } else {
    lines = [];
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        records.push(JSON.parse(i === 0 ? line.replace(/^\uFEFF/, '') : line));
        lines!.push(i + 1);
      } catch {
        problems.push({ row: i + 1, reason: 'not valid JSON', text: line });
      }
    });
  }
  table = lines ? { kind: 'records', records, lines } : { kind: 'records', records };
  const first = records[0];
  const events =
    typeof first === 'object' &&
    first !== null &&
    !Array.isArray(first) &&
    (('lead_id' in first && 'type' in first) || looksLikeEvents(Object.keys(first)));
  return { name, role: events ? 'events' : 'leads', table, problems };
}
