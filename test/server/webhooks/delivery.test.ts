import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWebhook, type Webhook } from '../../../server/webhooks/webhook-config.js';
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

const SECRET = new TextEncoder().encode('s3cret-ひみつ\n');
const PAYLOAD_KEYS = ['id', 'type', 'lead_id', 'from', 'to', 'score', 'reasons', 'rules_version', 'occurred_at'];

// One service for the file (PGlite is slow to open), with two webhooks:
// `main` scripted per test, and `late`, whose port nobody listens on at first.
const main = new Receiver(() => 'ok');
const late = new Receiver(() => 'ok');
let latePort = 0;
let running: Running;
let webhooks: Webhook[];

function hook(url: string): Webhook {
  const w = parseWebhook(url, 'json');
  if (!w.ok) throw new Error(w.message);
  return w.webhook;
}

async function open(dir?: string): Promise<Running> {
  return startService({ webhooks: { webhooks, secret: SECRET, retry: FAST_RETRY, pollMs: 30 } }, dir);
}

beforeAll(async () => {
  await main.listen();
  await late.listen();
  latePort = late.port;
  await late.close();
  webhooks = [hook(main.url), hook(`http://127.0.0.1:${latePort}/hook`)];
  running = await open();
}, OPEN_TIMEOUT);

afterAll(async () => {
  await running?.close();
  await main.close();
  await late.close();
  if (running) removeDir(running.dir);
}, OPEN_TIMEOUT);

/** Leads that pass through tiers: created (a first tier), then events that raise them to MQL. */
async function makeTierChanges(prefix: string): Promise<string[]> {
  const before = new Set(await outboxIds());
  const leads = [lead(`${prefix}1`, { role: '担当者', employees: 10 }), lead(`${prefix}2`)];
  expect((await call(running.app, 'POST', '/v1/leads', TOKENS.write, { leads })).status).toBe(200);
  const events = [
    {
      id: 'e1',
      lead_id: `${prefix}1`,
      type: 'page_view',
      at: '2026-10-31T10:00:00+09:00',
      url: 'https://example.com/pricing',
    },
    { id: 'e2', lead_id: `${prefix}2`, type: 'form_reach', at: '2026-10-31T11:00:00+09:00' },
    { id: 'e3', lead_id: `${prefix}1`, type: 'form_reach', at: '2026-10-31T12:00:00+09:00' },
  ];
  expect((await call(running.app, 'POST', '/v1/events', TOKENS.write, { events })).status).toBe(200);
  return (await outboxIds()).filter((id) => !before.has(id));
}

async function outboxIds(): Promise<string[]> {
  return (await running.service.core.db.query<{ id: string }>(`SELECT id FROM outbox ORDER BY occurred_at, id`)).map(
    (x) => x.id,
  );
}

async function deliveriesOf(
  id: string,
  webhook: Webhook,
): Promise<{ attempts: number; status: string; last_error: string | null }> {
  const page = await call(running.app, 'GET', '/v1/webhooks/deliveries?limit=1000', TOKENS.read);
  return page.json.items.find((d: { id: string; webhook: string }) => d.id === id && d.webhook === webhook.key);
}

describe('webhook delivery to loopback receivers', () => {
  it('a receiver that refuses every first try still receives every tier change, signed, with one delivery id per change', async () => {
    main.behave = (_id, n) => (n === 1 ? 'refuse' : 'ok');
    const ids = await makeTierChanges('A');
    expect(ids.length).toBeGreaterThanOrEqual(4);
    await until(() => ids.every((id) => main.delivered().has(id)), 'every change delivered');
    for (const id of ids) {
      const tries = main.requests.filter((q) => q.delivery === id);
      expect(tries.map((t) => t.answered)).toEqual(['refuse', 'ok']);
      expect(tries[0]!.body).toBe(tries[1]!.body);
      for (const t of tries)
        expect(t.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(t.body).digest('hex')}`);
      const payload = JSON.parse(tries[1]!.body) as Record<string, unknown>;
      expect(Object.keys(payload)).toEqual(PAYLOAD_KEYS);
      expect(payload).toMatchObject({ id, type: 'lead.tier_changed' });
      expect((await deliveriesOf(id, webhooks[0]!)).attempts).toBe(2);
    }
    const bodies = ids.map(
      (id) =>
        JSON.parse(main.requests.find((q) => q.delivery === id)!.body) as {
          lead_id: string;
          from: string | null;
          to: string;
        },
    );
    expect(
      bodies
        .filter((p) => p.to === 'MQL')
        .map((p) => p.lead_id)
        .sort(),
    ).toEqual(['A1', 'A2']);
    expect(bodies.filter((p) => p.from === null)).toHaveLength(2);
  }, 90_000);

  it('retries after refused connections, a connection closed mid-request and a timeout', async () => {
    const [id] = await outboxIds();
    await until(async () => (await deliveriesOf(id!, webhooks[1]!)).attempts >= 2, 'two refused tries');
    const refused = await deliveriesOf(id!, webhooks[1]!);
    expect(refused.status).toBe('pending');
    expect(refused.last_error).toMatch(/ECONNREFUSED/);
    late.behave = (_id, n) => (['close', 'hang', 'ok'] as const)[Math.min(n, 3) - 1]!;
    await late.listen(latePort);
    await until(() => late.delivered().has(id!), 'delivery after close, hang, ok', 60_000);
    expect(late.requests.filter((q) => q.delivery === id).map((q) => q.answered)).toEqual(['close', 'hang', 'ok']);
  }, 90_000);

  it(
    'keeps retrying across a restart, with the same delivery id',
    async () => {
      main.behave = () => 'refuse';
      const ids = await makeTierChanges('R');
      await until(() => ids.every((id) => main.requests.some((q) => q.delivery === id)), 'a refused try of each');
      await running.close();
      main.behave = () => 'ok';
      running = await open(running.dir);
      await until(() => ids.every((id) => main.delivered().has(id)), 'delivery after restart');
      for (const id of ids)
        expect(main.requests.filter((q) => q.delivery === id).every((q) => JSON.parse(q.body).id === id)).toBe(true);
    },
    OPEN_TIMEOUT,
  );
});
