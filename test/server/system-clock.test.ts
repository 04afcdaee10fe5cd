/**
 * With the system clock, a change falls due and is made with no request:
 * the timer re-scores the lead at the exact instant (history `at` equals the
 * event's time to the millisecond), and the listing — which never re-scores
 * by itself — shows it.
 */
import { describe, expect, it } from 'vitest';
import { PG_URL, requirePostgres } from '../sql/postgres-harness.js';
import { startTestService, type Backend } from './harness.js';

async function waitFor<T>(probe: () => Promise<T | undefined>, limitMs: number): Promise<T | undefined> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each<Backend>(['pglite', 'postgres'])('the system clock on %s', (backend) => {
  it('re-scores at the exact instant a future event arrives, without a request', async (context) => {
    if (backend === 'postgres') {
      requirePostgres(context);
      if (!PG_URL) return;
    }
    const t = await startTestService(backend, { clock: 'system' });
    try {
      const at = new Date(Date.now() + 1500).toISOString();
      const r = await t.request(
        'POST',
        '/v1/events',
        { events: [{ id: 'soon', lead_id: 'sys-1', type: 'form_reach', at }] },
        { contentType: 'application/json; charset=utf-8' },
      );
      expect(r.body.results[0].status).toBe('stored');
      const listed = async () =>
        (await t.request('GET', '/v1/leads?limit=10')).body.items.find((i: { id: string }) => i.id === 'sys-1');
      expect((await listed()).score).toBe(-10);
      const changed = await waitFor(async () => {
        const item = await listed();
        return item.score === 40 ? item : undefined;
      }, 20_000);
      expect(changed).toBeDefined();
      expect(changed.scored_at).toBe(at);
      const history = (await t.request('GET', '/v1/leads/sys-1/history')).body.items;
      expect(history.at(-1)).toMatchObject({ at, score: 40, cause: { kind: 'time' } });
      expect((await t.request('POST', '/v1/clock', { now: at })).status).toBe(409);
    } finally {
      await t.close();
    }
  }, 240_000);
});
