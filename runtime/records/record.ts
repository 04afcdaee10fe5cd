/**
 * What every reader yields: one record per lead or event, in file order, valid
 * or not, so that invalid records can be reported (and written to --rejects)
 * without stopping the run.
 */
export type ReadRecord =
  | { ok: true; recordNumber: number; line: number; value: Record<string, unknown> }
  | {
      ok: false;
      recordNumber: number;
      line: number;
      reason: string;
      /** The whole original record: the parsed value, the CSV row as {header: cell}, or the raw text line. */
      raw: unknown;
    };

/** Sets an own, enumerable property even for keys like `__proto__`, which plain assignment would turn into a prototype change. */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
