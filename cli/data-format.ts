import { formatFromPath, type DataFormat } from '../runtime/readers/open.js';
import { UsageError } from './exit-codes.js';

/** The format of a data file named by a flag (`--leads`, `--events`), from its extension; a usage error otherwise. */
export function dataFormat(path: string, flag: string): DataFormat {
  const format = formatFromPath(path);
  if (!format)
    throw new UsageError(
      `${flag} ${path}: cannot tell the file's format from its name; use .jsonl, .ndjson, .json or .csv`,
    );
  return format;
}
