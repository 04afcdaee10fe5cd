import type { ColumnMapping } from './column-mapping.js';

/**
 * Data as read from a file, before the schema is applied: JSON records, or a
 * CSV table whose cells are converted later (their types come from the
 * schema, which the user may still be editing).
 */
export type RawTable =
  | {
      readonly kind: 'records';
      readonly records: readonly unknown[];
      /** JSON Lines: the line of each record; absent for a .json array (records are counted instead). */
      readonly lines?: readonly number[];
    }
  | {
      readonly kind: 'csv';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Each row's number as Excel shows it (the header is row 1; a cell with line breaks is one row). */
      readonly rowNumbers: readonly number[];
    };

/** A line or row that could not be read at all. */
export interface UnreadableRow {
  /** Its row (CSV, as Excel numbers it) or line (JSON Lines); absent when the whole file is wrong. */
  readonly row?: number;
  readonly reason: string;
  /** The text as written. */
  readonly text?: string;
}

export interface RawFile {
  readonly name: string;
  /** Leads (possibly with nested `events`), or events with `lead_id`. */
  readonly role: 'leads' | 'events';
  readonly table: RawTable;
  /** Lines that could not be read at all (bad JSON); each counts as an invalid record. */
  readonly problems: readonly UnreadableRow[];
  /** Which column gives which field, when the user mapped the header (column-mapping.ts). */
  readonly mapping?: ColumnMapping;
}

export interface RawDataset {
  /** `example` for the bundled data; otherwise the names of the user's files. */
  readonly source: 'example' | 'files';
  readonly files: readonly RawFile[];
}
