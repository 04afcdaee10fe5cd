/**
 * Several processes on one PostgreSQL database: two services share the
 * outbox and one webhook; every try is made by one of them only (row
 * leases claimed with FOR UPDATE SKIP LOCKED). Needs LEADSCORE_PG_URL
 * (`.ci/run` sets it); skipped with the reason without it, failed in CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/http/app.js';
import { LiveService } from '../../../server/service.js';
import { parseWebhook } from '../../../server/webhooks/webhook-config.js';
import { PG_URL, requirePostgres } from '../../sql/postgres-harness.js';
import { freshSchema, type TestSchema } from '../faults/pg-schema.js';
import {
  call,
  FAST_RETRY,
  lead,
  OPEN_TIMEOUT,
  Receiver,
  RULES,
  TOKENS,
  tokensFile,
  until,
} from '../integrations/harness.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const receiver = new Receiver((_id, n) => (n === 1 ? 'refuse' : 'ok'));
const services: LiveService[] = [];
const dir = mkdtempSync(join(tmpdir(), 'leadscore-h13-pg-'));

// A schema of its own, so tests running beside it on the same database are untouched.
let schema: TestSchema | undefined;

beforeAll(async () => {
  if (!PG_URL) return;
  schema = await freshSchema();
  await receiver.listen();
}, OPEN_TIMEOUT);

afterAll(async () => {
  for (const s of services) await s.close();
  await receiver.close();
  await schema?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('webhook dispatch from several processes on one PostgreSQL database', () => {
  it(
    'makes each try once: every change arrives after exactly one refused and one accepted request',
    async (context) => {
      requirePostgres(context);
      const w = parseWebhook(receiver.url, 'json');
      if (!w.ok) throw new Error(w.message);
      for (let i = 0; i < 3; i++) {
        services.push(
          await LiveService.open({
            rulesPath: RULES,
            databaseUrl: schema!.url,
            tokensFile: tokensFile(dir),
            clock: 'manual',
            log: () => undefined,
            webhooks: { webhooks: [w.webhook], secret: new Uint8Array([1, 2, 3]), retry: FAST_RETRY, pollMs: 10 },
          }),
        );
      }
      await services[0]!.setClock(Date.parse('2026-11-01T00:00:00Z'));
      const apps = services.map((s) => buildApp(s, () => undefined));
      // Writes spread over the processes, so each kicks its own dispatcher.
      for (let i = 0; i < 30; i++) {
        const app = apps[i % apps.length]!;
        expect((await call(app, 'PUT', `/v1/leads/P${i}`, TOKENS.write, lead(`P${i}`))).status).toBe(200);
        const events = [{ id: 'f', lead_id: `P${i}`, type: 'form_reach', at: '2026-10-31T11:00:00Z' }];
        expect((await call(app, 'POST', '/v1/events', TOKENS.write, { events })).status).toBe(200);
      }
      const ids = (await services[0]!.core.db.query<{ id: string }>(`SELECT id FROM outbox`)).map((r) => r.id);
      expect(ids).toHaveLength(60);
      await until(() => ids.every((id) => receiver.delivered().has(id)), 'every change delivered', 60_000);
      await new Promise((r) => setTimeout(r, 300));
      for (const id of ids)
        expect(receiver.requests.filter((q) => q.delivery === id).map((q) => q.answered)).toEqual(['refuse', 'ok']);
      const attempts = await services[1]!.core.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM webhook_deliveries WHERE attempts = 2 AND delivered_at IS NOT NULL`,
      );
      expect(Number(attempts[0]!.n)).toBe(60);
      for (const app of apps) await app.close();
    },
    OPEN_TIMEOUT,
  );
});
