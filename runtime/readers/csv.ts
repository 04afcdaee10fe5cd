/**
 * CSV with a header row, streamed line by line: memory does not grow with
 * the number of rows.
 *
 * - Lines end at \n, \r\n or \r; a cell spanning lines holds \n, and line
 *   numbers are exact. A leading BOM is dropped.
 * - Cells are split by CsvRowSplitter (csv-rows.ts), shared with the
 *   playground: quotes are relaxed (`x"y"` in an unquoted cell is literal
 *   text), and a quote that is never closed makes the line that opened it
 *   one invalid record, its text kept whole, and reading goes on at the next
 *   line: it never swallows the rest of the file.
 * - Headers are trimmed; a dotted header (`company.size`) fills a nested
 *   object; columns with an empty header are ignored; a header named twice
 *   is a DataFileError('bad-header').
 * - A row with another number of cells than the header is an invalid record,
 *   as is a cell that does not convert (see convertCell).
 */
import type { Readable } from 'node:stream';
import type { ColumnTyper } from '../records/column-types.js';
import { convertRow } from '../records/csv-row.js';
import { CsvRowSplitter, type CsvRow } from '../records/csv-rows.js';
import { decodeToUtf8, garbledReason, garbledRecordReason, isGarbled, type Encoding } from './decode.js';
import { DataFileError } from './errors.js';
import { openInput } from './input.js';
import { lineBatches } from './lines.js';
import { defineOwn, type ReadRecord } from '../records/record.js';

export async function* csvRecords(
  input: string | Readable,
  typeOf?: ColumnTyper,
  file = typeof input === 'string' ? input : '-',
  encoding: Encoding = 'auto',
): AsyncGenerator<ReadRecord> {
  const stream = typeof input === 'string' ? await openInput(input) : input;
  const decoded = decodeToUtf8(stream, encoding);
  const garbled = (cells: readonly string[]): boolean =>
    decoded.state.replaced && cells.some((cell) => isGarbled(decoded.state, cell));
  const splitter = new CsvRowSplitter();
  let header: string[] | undefined;
  let recordNumber = 0;
  let lineNumber = 0;
  const toRecords = function* (rows: CsvRow[]): Generator<ReadRecord> {
    for (const row of rows) {
      if (header === undefined) {
        if (!row.ok)
          throw new DataFileError('bad-header', file, `the header row cannot be read: ${row.reason}`, row.line);
        if (garbled(row.cells))
          throw new DataFileError(
            'bad-header',
            file,
            `the header row cannot be read: ${garbledReason(decoded.state)}`,
            row.line,
          );
        header = readHeader(row.cells, file);
        continue;
      }
      recordNumber++;
      if (!row.ok) yield { ok: false, recordNumber, line: row.line, reason: row.reason, raw: row.text };
      else if (garbled(row.cells))
        yield {
          ok: false,
          recordNumber,
          line: row.line,
          reason: garbledRecordReason(decoded.state),
          raw: rawRow(header, row.cells),
        };
      else yield toRecord(header, row.cells, typeOf, recordNumber, row.line);
    }
  };
  try {
    for await (const lines of lineBatches(decoded.stream)) {
      for (let text of lines) {
        if (++lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        yield* toRecords(splitter.push(text, lineNumber));
      }
    }
    yield* toRecords(splitter.end());
  } finally {
    if (stream !== process.stdin) stream.destroy();
  }
}

function readHeader(cells: string[], file: string): string[] {
  const header = cells.map((cell) => cell.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name !== '' && seen.has(name))
      throw new DataFileError('bad-header', file, `the column "${name}" appears twice in the header row`, 1);
    seen.add(name);
  }
  return header;
}

/** The row as {header: cell}, for --rejects; extra cells under "" so nothing is lost. */
function rawRow(header: string[], cells: string[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  header.forEach((name, i) => {
    if (name !== '') defineOwn(raw, name, cells[i] ?? '');
  });
  if (cells.length > header.length) defineOwn(raw, '', cells.slice(header.length));
  return raw;
}

function toRecord(
  header: string[],
  cells: string[],
  typeOf: ColumnTyper | undefined,
  recordNumber: number,
  line: number,
): ReadRecord {
  const raw = rawRow(header, cells);
  const row = convertRow(header, cells, typeOf);
  return row.ok
    ? { ok: true, recordNumber, line, value: row.value }
    : { ok: false, recordNumber, line, reason: row.reason, raw };
}
