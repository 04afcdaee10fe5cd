import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  lead,
  OPEN_TIMEOUT,
  removeDir,
  startService,
  TOKENS,
  until,
  type Running,
} from '../integrations/harness.js';

let running: Running;

beforeAll(async () => {
  running = await startService({ webhooks: { webhooks: [], pollMs: 30 } });
}, OPEN_TIMEOUT);

afterAll(async () => {
  await running?.close();
  if (running) removeDir(running.dir);
}, OPEN_TIMEOUT);

const waiting = async (): Promise<number> =>
  (await running.service.core.db.query(`SELECT 1 FROM outbox WHERE NOT fanned_out`)).length;

describe('no webhook configured', () => {
  it('tier changes are marked handled by the poll, with no delivery and nothing left waiting', async () => {
    expect((await call(running.app, 'PUT', '/v1/leads/N1', TOKENS.write, lead('N1'))).status).toBe(200);
    const events = [{ id: 'f', lead_id: 'N2', type: 'form_reach', at: '2026-10-31T11:00:00+09:00' }];
    expect((await call(running.app, 'POST', '/v1/events', TOKENS.write, { events })).status).toBe(200);
    expect(
      (await running.service.core.db.query(`SELECT lead_id FROM outbox ORDER BY lead_id`)).map((r) => r.lead_id),
    ).toEqual(['N1', 'N2']);
    await until(async () => (await waiting()) === 0, 'outbox rows marked');
    expect(await running.service.core.db.query(`SELECT 1 FROM webhook_deliveries`)).toEqual([]);
  });
});
