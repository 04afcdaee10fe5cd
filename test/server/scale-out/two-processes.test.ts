/**
 * Two `leadscore serve` processes on one PostgreSQL database (a fresh schema
 * of LEADSCORE_PG_URL). Writes go to both at once, the manual clock is moved
 * through both at once (each claims due leads with FOR UPDATE SKIP LOCKED),
 * the rules are replaced through one while the other takes writes. After
 * each step: nothing is left due, every lead's score equals the batch scorer
 * at the same instant, and the history has no duplicate rows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { requirePostgres } from '../../sql/postgres-harness.js';
import { editedRules, exampleData, expectMatchesBatch, type Json } from '../faults/dataset.js';
import { freshSchema, type TestSchema } from '../faults/pg-schema.js';
import { ok, postgresStorage, removeTempDirs, RULES, startServe, stopAll, TOKENS } from '../faults/serve-process.js';

let schema: TestSchema | undefined;
afterEach(async () => {
  await stopAll();
  await schema?.drop();
  schema = undefined;
  removeTempDirs();
});

const STEPS = [
  '2026-06-15T00:00:00Z',
  '2026-08-01T00:00:00Z',
  '2026-09-15T00:00:00Z',
  '2026-11-01T00:00:00Z',
  '2026-12-20T00:00:00Z',
];
const BATCH = 16;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** History rows that should not exist: a second row for one lead at one instant from the clock, a row that changes nothing, time going back. */
async function historyDefects(s: TestSchema): Promise<string[]> {
  const rows = (
    await s.client.query<{
      lead_id: string;
      at: Date;
      score: number;
      tier: string | null;
      groups: string;
      cause: string;
    }>(`SELECT lead_id, at, score, tier, groups, cause FROM history ORDER BY lead_id, seq`)
  ).rows;
  const defects: string[] = [];
  const seenTime = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const kind = (JSON.parse(row.cause) as { kind: string }).kind;
    if (kind === 'time') {
      const key = `${row.lead_id} ${row.at.toISOString()}`;
      if (seenTime.has(key)) defects.push(`two time rows for ${key}`);
      seenTime.add(key);
    }
    const prev = rows[i - 1];
    if (prev && prev.lead_id === row.lead_id) {
      if (prev.score === row.score && prev.tier === row.tier && prev.groups === row.groups)
        defects.push(`${row.lead_id}: a ${kind} row at ${row.at.toISOString()} changes nothing`);
      if (row.at < prev.at)
        defects.push(`${row.lead_id}: history goes back from ${prev.at.toISOString()} to ${row.at.toISOString()}`);
    }
  }
  return defects;
}

async function pending(base: string): Promise<number> {
  return (await ok(base, 'GET', '/healthz', { token: null })).pending as number;
}

async function waitIdle(bases: readonly string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const counts = await Promise.all(bases.map(pending));
    if (counts.every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`still pending after 30 s: ${counts.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two serve processes on one PostgreSQL database', () => {
  it('split ingest, clock moves and a rules change without doing anything twice or skipping it', async (context) => {
    requirePostgres(context);
    schema = await freshSchema();
    const storage = postgresStorage(schema.url);
    const [a, b] = await Promise.all([startServe(storage), startServe(storage)]);
    const both = [a.url, b.url];
    const other = (i: number) => both[i % 2]!;

    const { leads, events } = exampleData(40);
    await ok(a.url, 'POST', '/v1/clock', { body: { now: '2026-05-01T00:00:00Z' } });
    // Half the leads through each process, at the same time.
    await Promise.all(
      chunks(leads, 10).map((batch, i) =>
        ok(other(i), 'POST', '/v1/leads', { token: TOKENS.write, body: { leads: batch } }),
      ),
    );

    let rulesPath = RULES;
    const sent: Json[] = [];
    let next = 0;
    for (const [step, until] of STEPS.entries()) {
      // Everything before `until`, plus a few events after it (stored now, counted from their own instant on).
      let end = next;
      while (end < events.length && Date.parse(events[end]!['at'] as string) < Date.parse(until)) end++;
      const window = events.slice(next, Math.min(events.length, end + 5));
      next = Math.min(events.length, end + 5);
      sent.push(...window);
      const writes = chunks(window, BATCH).map((batch, i) =>
        ok(other(i + step), 'POST', '/v1/events', { token: TOKENS.write, body: { events: batch } }),
      );
      // A lead changes through the other process while events for it arrive.
      const changed: Json = { ...leads[step]!, role: '部長' };
      leads[step] = changed;
      writes.push(ok(other(step + 1), 'PUT', `/v1/leads/${changed['id']}`, { token: TOKENS.write, body: changed }));
      if (step === 2) {
        // New rules through B while A takes events: every lead moves to the new version exactly once.
        const edited = editedRules((t) =>
          t.replace('tier MQL >= 60', 'tier MQL >= 50').replace('+20 "資料ダウンロード"', '+25 "資料ダウンロード"'),
        );
        rulesPath = edited.path;
        writes.push(ok(b.url, 'POST', '/v1/rules', { body: edited.text, contentType: 'text/plain' }));
      }
      for (const result of await Promise.all(writes)) {
        for (const r of (result as { results?: { status: string }[] }).results ?? []) expect(r.status).toBe('stored');
      }
      // Both processes make the changes the clock brings, at the same time.
      await Promise.all(both.map((base) => ok(base, 'POST', '/v1/clock', { body: { now: until } })));
      if (step !== 2) expect(await Promise.all(both.map(pending))).toEqual([0, 0]);
      else await waitIdle(both);
      await expectMatchesBatch(other(step), rulesPath, leads, sent, until);
      expect(await historyDefects(schema)).toEqual([]);
    }
    await expectMatchesBatch(b.url, rulesPath, leads, sent, STEPS.at(-1)!);

    // Every event once, and the clock really made changes (inactivity, windows, future events).
    const counts = await schema.client.query<{ n: number; time_rows: number }>(
      `SELECT (SELECT count(*)::int FROM events) AS n, (SELECT count(*)::int FROM history WHERE cause LIKE '{"kind":"time"%') AS time_rows`,
    );
    expect(counts.rows[0]!.n).toBe(sent.length);
    expect(counts.rows[0]!.time_rows).toBeGreaterThan(10);
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
  }, 600_000);
});
