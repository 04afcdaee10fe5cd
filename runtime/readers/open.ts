/**
 * Picks the reader for a data file. Opening happens before the first record
 * is read, so a missing file is a DataFileError('cannot-open') (exit 2) and
 * never a half-written output.
 */
import { Transform, type Readable } from 'node:stream';
import type { ColumnTyper } from '../records/column-types.js';
import { csvRecords } from './csv.js';
import type { Encoding } from './decode.js';
import { openInput } from './input.js';
import { jsonRecords } from './json.js';
import { jsonlRecordBatches } from './jsonl.js';
import type { ReadRecord } from '../records/record.js';

export type DataFormat = 'jsonl' | 'json' | 'csv';

/** The format named by a path's extension (case-insensitive); `-` (stdin) is JSON Lines. */
export function formatFromPath(path: string): DataFormat | undefined {
  if (path === '-') return 'jsonl';
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  return undefined;
}

/** Opens `path` (throwing DataFileError when it cannot be) and returns its records. */
export async function readRecords(
  path: string,
  format: DataFormat,
  typeOf?: ColumnTyper,
  /** Told the size of each chunk read, for a progress bar. */
  onBytes?: (bytes: number) => void,
  encoding: Encoding = 'auto',
): Promise<AsyncIterable<ReadRecord>> {
  const opened = await openInput(path);
  const stream = onBytes ? countBytes(opened, onBytes) : opened;
  switch (format) {
    case 'jsonl':
      return flatten(jsonlRecordBatches(stream, encoding));
    case 'json':
      return jsonRecords(stream, path, encoding);
    case 'csv':
      return csvRecords(stream, typeOf, path, encoding);
  }
}

/**
 * The same records as readRecords, grouped: JSON Lines by chunk read (one
 * async step per chunk, not per record, on files of millions of records);
 * JSON and CSV one record per batch. Iterate each batch once, before the next.
 */
export async function readRecordBatches(
  path: string,
  format: DataFormat,
  typeOf?: ColumnTyper,
  onBytes?: (bytes: number) => void,
  encoding: Encoding = 'auto',
): Promise<AsyncIterable<Iterable<ReadRecord>>> {
  if (format !== 'jsonl') return single(await readRecords(path, format, typeOf, onBytes, encoding));
  const opened = await openInput(path);
  return jsonlRecordBatches(onBytes ? countBytes(opened, onBytes) : opened, encoding);
}

async function* flatten(batches: AsyncIterable<Iterable<ReadRecord>>): AsyncGenerator<ReadRecord> {
  for await (const batch of batches) yield* batch;
}

async function* single(records: AsyncIterable<ReadRecord>): AsyncGenerator<Iterable<ReadRecord>> {
  for await (const record of records) yield [record];
}

/**
 * Passes the bytes through unchanged, counting them. (A second 'data'
 * listener on the file stream itself would start it flowing before the
 * reader listens, and lose the first chunks.)
 */
function countBytes(source: Readable, onBytes: (bytes: number) => void): Readable {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  source.on('error', (e) => counter.destroy(e));
  return source.pipe(counter);
}
