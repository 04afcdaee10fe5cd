import { rowLock, type Sql } from '../store/database.js';

/** A move of the manual clock to an earlier instant; refused with 409. */
export class ClockBackwardsError extends Error {
  constructor(readonly current: number) {
    super(`the clock is at ${new Date(current).toISOString()} and never moves back`);
  }
}

/**
 * The service's notion of now. `system` is the machine's clock; `manual`
 * moves only by setManual, is stored with the data (a restart resumes at the
 * same instant) and reads 1970-01-01T00:00:00Z until first set, so that a
 * replay may start at any instant.
 */
export interface Clock {
  readonly mode: 'system' | 'manual';
  now(tx: Sql): Promise<number>;
}

export const systemClock: Clock = { mode: 'system', now: async () => Date.now() };

/**
 * The manual clock. Where transactions never overlap (PGlite: this process is
 * the data's only user), the instant read last stays the truth until set()
 * moves it: no read per transaction. set() forgets it inside its own
 * transaction, so a refused or rolled-back move leaves the next reader to
 * read it again.
 */
export class ManualClock implements Clock {
  readonly mode = 'manual';
  private known: number | undefined;

  async now(tx: Sql): Promise<number> {
    if (tx.serial && this.known !== undefined) return this.known;
    const rows = await tx.query<{ manual_now: Date | null }>(`SELECT manual_now FROM service_state`);
    const now = rows[0]?.manual_now ? new Date(rows[0].manual_now).getTime() : 0;
    this.known = now;
    return now;
  }

  /** Moves the clock forward to `to` (the same instant is a no-op), in the caller's transaction. */
  async set(tx: Sql, to: number): Promise<void> {
    this.known = undefined;
    const rows = await tx.query<{ manual_now: Date | null }>(
      `SELECT manual_now FROM service_state${rowLock(tx, 'FOR UPDATE')}`,
    );
    const current = rows[0]?.manual_now ? new Date(rows[0].manual_now).getTime() : 0;
    if (to < current) throw new ClockBackwardsError(current);
    await tx.query(`UPDATE service_state SET manual_now = $1`, [new Date(to).toISOString()]);
  }
}
