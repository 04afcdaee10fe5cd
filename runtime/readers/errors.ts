/**
 * A data file that cannot be read at all (as opposed to a bad record inside
 * it, which is a not-ok ReadRecord). The CLI maps `cannot-open` to exit 2
 * (usage error) and the others to exit 3 (data error).
 */
export type DataFileErrorCode =
  'cannot-open' | 'not-json' | 'not-json-array' | 'bad-header' | 'too-deep' | 'bad-encoding';

/**
 * `message` is what the CLI prints: `FILE:LINE:COLUMN: problem`, the
 * position written once, here; `problem` is the text without it, for a
 * caller that shows the position its own way. The readers pass the bare
 * problem (a message that also held the position printed it twice).
 */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';

  constructor(
    readonly code: DataFileErrorCode,
    readonly file: string,
    readonly problem: string,
    /** 1-based position of the problem in the file, when there is one. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(code === 'cannot-open' ? problem : `${dataFilePosition(file, line, column)}: ${problem}`);
  }
}

/** `FILE`, `FILE:LINE` or `FILE:LINE:COLUMN`. */
export function dataFilePosition(file: string, line?: number, column?: number): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}
