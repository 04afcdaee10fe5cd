/**
 * Picks the reader for a data file. Opening happens before the first record
 * is read, so a missing file is a DataFileError('cannot-open') (exit 2) and
 * never a half-written output.
 */
import type { ColumnTyper } from './column-types.js';
import { csvRecords } from './csv.js';
import { openInput } from './input.js';
import { jsonRecords } from './json.js';
import { jsonlRecords } from './jsonl.js';
import type { ReadRecord } from './record.js';

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
): Promise<AsyncIterable<ReadRecord>> {
  const stream = await openInput(path);
  if (onBytes) stream.on('data', (chunk: Buffer | string) => onBytes(chunk.length));
  switch (format) {
    case 'jsonl':
      return jsonlRecords(stream);
    case 'json':
      return jsonRecords(stream, path);
    case 'csv':
      return csvRecords(stream, typeOf, path);
  }
}
