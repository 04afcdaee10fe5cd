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

export const manualClock: Clock = {
  mode: 'manual',
  async now(tx) {
    const rows = await tx.query<{ manual_now: Date | null }>(`SELECT manual_now FROM service_state`);
    return rows[0]?.manual_now ? new Date(rows[0].manual_now).getTime() : 0;
  },
};

/** Moves the manual clock forward to `to` (the same instant is a no-op), in the caller's transaction. */
export async function setManualClock(tx: Sql, to: number): Promise<void> {
  const rows = await tx.query<{ manual_now: Date | null }>(
    `SELECT manual_now FROM service_state${rowLock(tx, 'FOR UPDATE')}`,
  );
  const current = rows[0]?.manual_now ? new Date(rows[0].manual_now).getTime() : 0;
  if (to < current) throw new ClockBackwardsError(current);
  await tx.query(`UPDATE service_state SET manual_now = $1`, [new Date(to).toISOString()]);
}
