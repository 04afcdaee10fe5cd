/**
 * Data as read from a file, before the schema is applied: JSON records, or a
 * CSV table whose cells are converted later (their types come from the
 * schema, which the user may still be editing).
 */
export type RawTable =
  | { readonly kind: 'records'; readonly records: readonly unknown[] }
  | { readonly kind: 'csv'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface RawFile {
  readonly name: string;
  /** Leads (possibly with nested `events`), or events with `lead_id`. */
  readonly role: 'leads' | 'events';
  readonly table: RawTable;
  /** Lines that could not be read at all (bad JSON); each counts as an invalid record. */
  readonly problems: readonly string[];
}

export interface RawDataset {
  /** `example` for the bundled data; otherwise the names of the user's files. */
  readonly source: 'example' | 'files';
  readonly files: readonly RawFile[];
}
