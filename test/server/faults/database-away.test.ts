/**
 * The PostgreSQL server going away while the service runs: a small TCP
 * proxy on loopback sits between the service and the server, and the test
 * cuts it (every connection dropped, new ones refused) and restores it.
 * While it is cut, requests answer 503 `database_unavailable` and nothing is
 * half-stored; once it is back, the same requests succeed without a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PG_URL, requirePostgres } from '../../sql/postgres-harness.js';
import { CuttableProxy } from './cuttable-proxy.js';
import { freshSchema, type TestSchema } from './pg-schema.js';
import { call, ok, postgresStorage, removeTempDirs, startServe, stopAll, TOKENS } from './serve-process.js';

let schema: TestSchema | undefined;
let proxy: CuttableProxy | undefined;
afterEach(async () => {
  await stopAll();
  await proxy?.cut().catch(() => undefined);
  await schema?.drop();
  schema = undefined;
  removeTempDirs();
});

const event = (n: number) => ({
  id: `e${n}`,
  lead_id: 'L1',
  type: 'email_open',
  at: '2026-05-10T00:00:00Z',
  campaign: 'nl',
});

describe('the PostgreSQL server going away', () => {
  it('answers 503 with a clear error while it is gone and recovers when it returns', async (context) => {
    requirePostgres(context);
    schema = await freshSchema();
    const target = new URL(PG_URL!);
    proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.restore();
    const viaProxy = new URL(schema.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const serve = await startServe(postgresStorage(viaProxy.toString()));
    await ok(serve.url, 'POST', '/v1/clock', { body: { now: '2026-06-01T00:00:00Z' } });
    await ok(serve.url, 'POST', '/v1/events', { token: TOKENS.write, body: { events: [event(1)] } });

    await proxy.cut();
    for (const request of [
      () => call(serve.url, 'POST', '/v1/events', { token: TOKENS.write, body: { events: [event(2), event(3)] } }),
      () => call(serve.url, 'GET', '/v1/leads/L1', { token: TOKENS.read }),
      () => call(serve.url, 'GET', '/healthz', { token: null }),
    ]) {
      const answer = await request().catch((e: Error) => {
        throw new Error(`${e.message}; the service's stderr:\n${serve.stderr()}`);
      });
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('database_unavailable');
      expect(answer.body.error.message).toMatch(/database cannot be reached/);
    }
    expect(serve.child.exitCode).toBeNull();

    await proxy.restore();
    // The pool reconnects by itself: no restart.
    const results = (
      await ok(serve.url, 'POST', '/v1/events', {
        token: TOKENS.write,
        body: { events: [event(1), event(2), event(3)] },
      })
    ).results;
    expect(results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'stored', 'stored']);
    const lead = await ok(serve.url, 'GET', '/v1/leads/L1', { token: TOKENS.read });
    // Three opens on one day: the example model caps them at 10 a day (`max 10 per day`).
    expect(lead.reasons).toEqual([{ rule: 'メール開封', line: expect.any(Number), points: 10 }]);
    expect((await ok(serve.url, 'GET', '/healthz', { token: null })).status).toBe('ok');
    expect(serve.stderr()).toMatch(/the database cannot be reached/);
    expect(serve.stderr()).not.toMatch(/\n\s+at /);
    expect(await serve.stop()).toBe(0);
  }, 200_000);
});
