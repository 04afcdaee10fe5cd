/**
 * The one interface the service's SQL runs through, so the same statements
 * run on the embedded PGlite and on a PostgreSQL server. Parameters are
 * always bound ($1, $2 …), never spliced into the text.
 */
export type Row = Record<string, unknown>;

export interface Sql {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * True where transactions never overlap (PGlite: one connection, one
   * transaction at a time, and one process per data directory). Row locks
   * guard nothing there and each costs a page write and a log record.
   */
  readonly serial?: boolean;
}

/** A row-locking clause (`FOR UPDATE …`, `FOR SHARE`) where transactions may overlap; nothing where they cannot. */
export function rowLock(tx: Sql, clause: string): string {
  return tx.serial ? '' : ` ${clause}`;
}

export interface Database extends Sql {
  /** `pglite` (one process owns the data directory) or `postgres` (several processes may share it). */
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Reads a timestamptz column (a Date from both drivers, or epoch ms as read by msOf) as epoch ms; null stays null. */
export function millis(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  const ms = Date.parse(String(value));
  return Number.isNaN(ms) ? null : ms;
}

/**
 * A timestamptz column read as epoch milliseconds (float8): a number for the
 * drivers to pass on, where a timestamptz is a text each driver parses into
 * a Date, for every row of every wide read. Instants are whole milliseconds,
 * which round() restores exactly. date_part, not extract: extract computes
 * in numeric, several times slower on PGlite than the Date it replaces.
 */
export function msOf(column: string): string {
  return `round(date_part('epoch', ${column}) * 1000)`;
}

/** An instant as a timestamptz parameter. */
export function instant(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
