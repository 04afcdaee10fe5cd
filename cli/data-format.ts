import type { Encoding } from '../runtime/readers/decode.js';
import { formatFromPath, type DataFormat } from '../runtime/readers/open.js';
import type { DataFileError } from '../runtime/readers/errors.js';
import { UsageError } from './exit-codes.js';
import { missingFolder } from './open-problem.js';

/** The format of a data file named by a flag (`--leads`, `--events`), from its extension; a usage error otherwise. */
export function dataFormat(path: string, flag: string): DataFormat {
  const format = formatFromPath(path);
  if (!format)
    throw new UsageError(
      `${flag} ${path}: cannot tell the file's format from its name; use .jsonl, .ndjson, .json or .csv`,
    );
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

const ENCODING_NAMES: Readonly<Record<string, Encoding>> = {
  auto: 'auto',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'shift_jis',
  'windows-31j': 'shift_jis',
};

/** `--encoding`: auto when absent; a few common spellings of each name are accepted. */
export function dataEncoding(name: string | undefined): Encoding {
  if (name === undefined) return 'auto';
  const encoding = ENCODING_NAMES[name.toLowerCase()];
  if (encoding === undefined)
    throw new UsageError(`--encoding ${name}: use auto, utf-8 or shift_jis (cp932, the encoding of Japanese Excel)`);
  return encoding;
}
