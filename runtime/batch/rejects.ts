/**
 * An invalid record as reported on stderr and written, whole, to --rejects
 * (one JSON line each): never scored as if valid, never silently dropped.
 */
export interface RejectedRecord {
  readonly file: string;
  /** 1-based record number within the file. */
  readonly record: number;
  /** 1-based line where the record starts (CSV: where it ends). */
  readonly line: number;
  readonly kind: 'lead' | 'event';
  readonly reason: string;
  /** For an event nested in a lead: its 1-based position in the lead's `events`. */
  readonly event?: number;
  /** The whole original record (a parsed object, a CSV row by header, or the raw text line). */
  readonly data: unknown;
}

export function describeReject(r: RejectedRecord): string {
  const what = r.event === undefined ? `${r.kind} record ${r.record}` : `event ${r.event} of lead record ${r.record}`;
  return `${r.file}:${r.line}: invalid ${what}: ${r.reason}`;
}
