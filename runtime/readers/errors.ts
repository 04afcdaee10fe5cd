/**
 * A data file that cannot be read at all (as opposed to a bad record inside
 * it, which is a not-ok ReadRecord). The CLI maps `cannot-open` to exit 2
 * (usage error) and the others to exit 3 (data error).
 */
export type DataFileErrorCode =
  'cannot-open' | 'not-json' | 'not-json-array' | 'bad-header' | 'too-deep' | 'bad-encoding';

export class DataFileError extends Error {
  override readonly name = 'DataFileError';

  constructor(
    readonly code: DataFileErrorCode,
    readonly file: string,
    message: string,
    /** 1-based position of the problem in the file, when there is one. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}
