import { formatFromPath, type DataFormat } from '../runtime/readers/open.js';
import type { DataFileError } from '../runtime/readers/errors.js';
import { UsageError } from './exit-codes.js';
import { missingFolder } from './open-problem.js';

/** The format of a data file named by a flag (`--leads`, `--events`), from its extension; a usage error otherwise. */
export function dataFormat(path: string, flag: string): DataFormat {
  const format = formatFromPath(path);
  if (!format) throw new UsageError(`${flag} ${path}: cannot tell the file's format from its name; use .jsonl, .ndjson, .json or .csv`);
  return format;
}

/**
 * A data file that cannot be read as a whole (missing, not JSON, not a list,
 * a broken CSV header): nothing in it was scored, so it is a usage error
 * (exit 2), reported once; exit 3 is kept for runs that scored the valid
 * records. The reader's message already names the file and position.
 */
export function unreadableDataFile(e: DataFileError): UsageError {
  const folder = e.code === 'cannot-open' && e.file !== '-' ? missingFolder(e.file) : undefined;
  return new UsageError(folder ? `cannot open ${e.file}: ${folder}` : e.message);
}
