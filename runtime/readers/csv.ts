/**
 * CSV with a header row, streamed through csv-parse: memory does not grow
 * with the number of rows.
 *
 * - Line endings are normalised to \n first, so a cell spanning lines holds
 *   \n and line numbers are exact (csv-parse miscounts \r\n inside quotes).
 * - Quotes are relaxed (`x"y"` in an unquoted cell is literal text); a quote
 *   that is never closed swallows the rest of the file and becomes one
 *   invalid record.
 * - Headers are trimmed; a dotted header (`company.size`) fills a nested
 *   object; columns with an empty header are ignored; a header named twice
 *   is a DataFileError('bad-header').
 * - A row with another number of cells than the header is an invalid record,
 *   as is a cell that does not convert (see convertCell).
 */
import { parse, type CsvError } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';
import type { ColumnTyper } from '../records/column-types.js';
import { convertRow } from '../records/csv-row.js';
import { DataFileError } from './errors.js';
import { openInput } from './input.js';
import { defineOwn, type ReadRecord } from '../records/record.js';

interface Row {
  cells: string[];
  /** Line (1-based) where the row ends. */
  endLine: number;
}

export async function* csvRecords(
  input: string | Readable,
  typeOf?: ColumnTyper,
  file = typeof input === 'string' ? input : '-',
): AsyncGenerator<ReadRecord> {
  const stream = typeof input === 'string' ? await openInput(input) : input;
  let emitted = 0;
  const skipped: { after: number; error: CsvError }[] = [];
  const parser = parse({
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (cells: string[], context: { lines: number }) => {
      emitted++;
      return { cells, endLine: context.lines } as unknown as string[]; // csv-parse's types expect rows of cells
    },
    on_skip: (error: CsvError | undefined): undefined => {
      if (error !== undefined) skipped.push({ after: emitted, error });
      return undefined;
    },
  });
  pipeline(Readable.from(normalizedText(stream)), parser, () => {
    // Errors surface through the iteration below.
  });

  let header: string[] | undefined;
  let consumed = 0;
  let recordNumber = 0;
  let lastEndLine = 0;
  const skippedRecords = function* (upTo: number): Generator<ReadRecord> {
    while (skipped[0] !== undefined && skipped[0].after < upTo) {
      const { error } = skipped.shift()!;
      if (header === undefined)
        throw new DataFileError('bad-header', file, `${file}: the header row cannot be read: ${error.message}`, 1, 1);
      recordNumber++;
      const unclosed = error.code === 'CSV_QUOTE_NOT_CLOSED';
      yield {
        ok: false,
        recordNumber,
        line: lastEndLine + 1,
        reason: unclosed
          ? 'a quoted cell is never closed (a double quote is missing), so the rest of the file could not be read'
          : error.message,
        raw: null,
      };
    }
  };

  for await (const row of parser as AsyncIterable<Row>) {
    consumed++;
    yield* skippedRecords(consumed);
    const startLine = row.endLine - row.cells.reduce((n, cell) => n + countNewlines(cell), 0);
    lastEndLine = row.endLine;
    if (header === undefined) {
      header = readHeader(row.cells, file);
      continue;
    }
    recordNumber++;
    yield toRecord(header, row.cells, typeOf, recordNumber, startLine);
  }
  yield* skippedRecords(Infinity);
  if (header === undefined) return; // an empty file has no records
}

function readHeader(cells: string[], file: string): string[] {
  const header = cells.map((cell) => cell.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name !== '' && seen.has(name))
      throw new DataFileError(
        'bad-header',
        file,
        `${file}:1: the column "${name}" appears twice in the header row`,
        1,
        1,
      );
    seen.add(name);
  }
  return header;
}

function toRecord(
  header: string[],
  cells: string[],
  typeOf: ColumnTyper | undefined,
  recordNumber: number,
  line: number,
): ReadRecord {
  const raw: Record<string, unknown> = {};
  header.forEach((name, i) => {
    if (name !== '') defineOwn(raw, name, cells[i] ?? '');
  });
  // Keep the extra cells in the raw record so --rejects loses nothing.
  if (cells.length > header.length) defineOwn(raw, '', cells.slice(header.length));
  const row = convertRow(header, cells, typeOf);
  return row.ok
    ? { ok: true, recordNumber, line, value: row.value }
    : { ok: false, recordNumber, line, reason: row.reason, raw };
}

function countNewlines(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

/** UTF-8 text with the BOM dropped and \r\n turned into \n, even across chunk boundaries. */
async function* normalizedText(stream: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8'); // drops a leading BOM by default
  let pendingCR = false;
  try {
    for await (const chunk of stream) {
      let text: string =
        (pendingCR ? '\r' : '') +
        (typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
      pendingCR = text.endsWith('\r');
      if (pendingCR) text = text.slice(0, -1);
      if (text !== '') yield text.replace(/\r\n/g, '\n');
    }
    const rest = (pendingCR ? '\r' : '') + decoder.decode();
    if (rest !== '') yield rest.replace(/\r\n/g, '\n');
  } finally {
    if (stream !== process.stdin) stream.destroy();
  }
}
