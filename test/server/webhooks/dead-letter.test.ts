import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWebhook } from '../../../server/webhooks/webhook-config.js';
import {
  call,
  FAST_RETRY,
  lead,
  OPEN_TIMEOUT,
  Receiver,
  removeDir,
  startService,
  TOKENS,
  until,
  type Running,
} from '../integrations/harness.js';

let accept = false;
const receiver = new Receiver(() => (accept ? 'ok' : 'refuse'));
let running: Running;

beforeAll(async () => {
  await receiver.listen();
  const w = parseWebhook(receiver.url, 'json');
  if (!w.ok) throw new Error(w.message);
  // No secret: no signature header. Only changes into MQL are delivered.
  running = await startService({
    webhooks: {
      webhooks: [w.webhook],
      notifyTiers: new Set(['MQL']),
      retry: { ...FAST_RETRY, deadAfterMs: 150 },
      pollMs: 30,
    },
  });
}, OPEN_TIMEOUT);

afterAll(async () => {
  await running?.close();
  await receiver.close();
  if (running) removeDir(running.dir);
}, OPEN_TIMEOUT);

describe('dead letters and --notify-tier', () => {
  it('delivers only changes into MQL, dead-letters what keeps failing, shows it, and re-sends it with the same id', async () => {
    expect((await call(running.app, 'PUT', '/v1/leads/D1', TOKENS.write, lead('D1', { role: '担当者' }))).status).toBe(
      200,
    );
    expect((await call(running.app, 'PUT', '/v1/leads/D2', TOKENS.write, lead('D2'))).status).toBe(200);
    const events = [{ id: 'f', lead_id: 'D2', type: 'form_reach', at: '2026-10-31T11:00:00+09:00' }];
    expect((await call(running.app, 'POST', '/v1/events', TOKENS.write, { events })).status).toBe(200);
    await until(
      async () => (await running.service.core.db.query(`SELECT 1 FROM outbox WHERE NOT fanned_out`)).length === 0,
      'fan-out',
    );
    const all = await call(running.app, 'GET', '/v1/webhooks/deliveries', TOKENS.read);
    expect(all.json.items.map((d: { lead_id: string; to: string }) => [d.lead_id, d.to])).toEqual([['D2', 'MQL']]);
    const id = all.json.items[0].id as string;

    await until(
      async () =>
        (await call(running.app, 'GET', '/v1/webhooks/deliveries?status=dead', TOKENS.read)).json.items.length === 1,
      'dead letter',
    );
    const dead = (await call(running.app, 'GET', '/v1/webhooks/deliveries?status=dead', TOKENS.read)).json.items[0];
    expect(dead).toMatchObject({
      id,
      status: 'dead',
      last_status: 503,
      lead_id: 'D2',
      from: '中関心',
      to: 'MQL',
      next_attempt_at: null,
    });
    const tries = receiver.requests.length;
    await new Promise((res) => setTimeout(res, 300));
    expect(receiver.requests.length).toBe(tries); // dead: no more tries

    expect((await call(running.app, 'POST', `/v1/webhooks/deliveries/${id}/redeliver`, TOKENS.read)).status).toBe(403);
    expect((await call(running.app, 'POST', '/v1/webhooks/deliveries/nope/redeliver', TOKENS.admin)).status).toBe(404);
    accept = true;
    expect((await call(running.app, 'POST', `/v1/webhooks/deliveries/${id}/redeliver`, TOKENS.admin)).json).toEqual({
      id,
      queued: 1,
    });
    await until(() => receiver.delivered().has(id), 'redelivery');
    expect((await call(running.app, 'GET', '/v1/webhooks/deliveries?status=dead', TOKENS.read)).json.items).toEqual([]);
    expect(
      receiver.requests.every((q) => q.delivery === id && q.signature === undefined && JSON.parse(q.body).to === 'MQL'),
    ).toBe(true);
  }, 90_000);
});
