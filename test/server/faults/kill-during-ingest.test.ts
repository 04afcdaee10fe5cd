/**
 * `kill -9` while several clients send events at once, then a restart on the
 * same data, on both storage backends: every event the service acknowledged
 * is stored exactly once, a client resending everything (as an at-least-once
 * feeder does after a failure) gets `duplicate` for those, and every lead's
 * score equals the batch scorer's.
 */
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { requirePostgres } from '../../sql/postgres-harness.js';
import { exampleData, expectMatchesBatch, type Json } from './dataset.js';
import { freshSchema, type TestSchema } from './pg-schema.js';
import {
  ok,
  pgliteStorage,
  postgresStorage,
  removeTempDirs,
  RULES,
  startServe,
  stopAll,
  tempDir,
  TOKENS,
  type Storage,
} from './serve-process.js';

let schema: TestSchema | undefined;
afterEach(async () => {
  await stopAll();
  await schema?.drop();
  schema = undefined;
  removeTempDirs();
});

const NOW = '2026-11-01T00:00:00Z';
const STREAMS = 6;
const BATCH = 20;

const backends: { name: string; storage: (context: TestContext) => Promise<Storage> }[] = [
  { name: 'embedded PGlite', storage: async () => pgliteStorage(tempDir()) },
  {
    name: 'PostgreSQL',
    storage: async (context) => {
      requirePostgres(context);
      schema = await freshSchema();
      return postgresStorage(schema.url);
    },
  },
];

describe.each(backends)('kill -9 during concurrent ingest ($name)', ({ storage: makeStorage }) => {
  it('keeps every acknowledged event exactly once and the scores consistent', async (context) => {
    const storage = await makeStorage(context);
    const { leads, events } = exampleData(60);
    let serve = await startServe(storage);
    await ok(serve.url, 'POST', '/v1/clock', { body: { now: NOW } });
    await ok(serve.url, 'POST', '/v1/leads', { token: TOKENS.write, body: { leads } });

    // STREAMS clients, each sending its share in batches, until the process dies under them.
    const acknowledged = new Set<string>();
    const killAt = Math.floor(events.length / 3);
    let killed: Promise<void> | undefined;
    const stream = async (s: number): Promise<void> => {
      const mine = events.filter((_, i) => i % STREAMS === s);
      for (let i = 0; i < mine.length; i += BATCH) {
        let answer: { results: { id: string; status: string }[] };
        try {
          answer = await ok(serve.url, 'POST', '/v1/events', {
            token: TOKENS.write,
            body: { events: mine.slice(i, i + BATCH) },
          });
        } catch {
          return; // the connection died with the process: nothing of this batch was acknowledged
        }
        for (const r of answer.results) {
          expect(r.status).toBe('stored');
          acknowledged.add(r.id);
        }
        if (acknowledged.size >= killAt && !killed) killed = serve.kill9();
      }
    };
    await Promise.all(Array.from({ length: STREAMS }, (_, s) => stream(s)));
    await killed;
    expect(killed).toBeDefined();
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAt);
    expect(acknowledged.size).toBeLessThan(events.length);

    serve = await startServe(storage);
    const storedIds: string[] = [];
    for (const lead of leads) {
      const items = (await ok(serve.url, 'GET', `/v1/leads/${lead['id']}/events`, { token: TOKENS.read }))
        .items as Json[];
      storedIds.push(...items.map((e) => String(e['id'])));
    }
    expect(new Set(storedIds).size).toBe(storedIds.length);
    const stored = new Set(storedIds);
    expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);

    // The feeder sends everything again: what was acknowledged is a duplicate, the rest is stored now.
    const statuses = new Map<string, string>();
    for (let i = 0; i < events.length; i += 200) {
      const answer = await ok(serve.url, 'POST', '/v1/events', {
        token: TOKENS.write,
        body: { events: events.slice(i, i + 200) },
      });
      for (const r of answer.results as { id: string; status: string }[]) statuses.set(r.id, r.status);
    }
    for (const id of acknowledged) expect(statuses.get(id)).toBe('duplicate');
    for (const [id, status] of statuses) expect(status).toBe(stored.has(id) ? 'duplicate' : 'stored');

    await expectMatchesBatch(serve.url, RULES, leads, events, NOW);
    expect(serve.stderr()).not.toMatch(/internal error|\n\s+at /);
    expect(await serve.stop()).toBe(0);
  }, 900_000);
});
