import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentMapFrom } from '../../../server/segment/segment-map.js';
import { call, lead, OPEN_TIMEOUT, removeDir, startService, TOKENS, type Running } from '../integrations/harness.js';

// One service for the Segment feed and the metrics endpoints (PGlite is slow to open).
let running: Running;
beforeAll(async () => {
  running = await startService({
    segmentMap: segmentMapFrom({ 'Pricing Viewed': 'page_view', 'Form Reached': 'form_reach' }, 'map'),
    outcomeField: 'opportunity',
  });
}, OPEN_TIMEOUT);
afterAll(async () => {
  await running?.close();
  if (running) removeDir(running.dir);
}, OPEN_TIMEOUT);

describe('POST /v1/segment', () => {
  it('stores identify and track calls through the lead and event writes, and answers each call', async () => {
    expect((await call(running.app, 'PUT', '/v1/leads/S1', TOKENS.write, lead('S1', { role: '担当者' }))).status).toBe(
      200,
    );
    const batch = [
      {
        type: 'track',
        messageId: 'm1',
        userId: 'S1',
        event: 'Pricing Viewed',
        properties: { url: 'https://example.com/pricing' },
        timestamp: '2026-10-31T10:00:00+09:00',
      },
      { type: 'identify', messageId: 'i1', userId: 'S1', traits: { role: '部長' } },
      {
        type: 'track',
        messageId: 'm2',
        userId: 'S1',
        event: 'Webinar Attended',
        timestamp: '2026-10-31T10:00:00+09:00',
      },
      { type: 'identify', messageId: 'i2', userId: 'S2', traits: { employees: -5 } },
      {
        type: 'track',
        messageId: 'm1',
        userId: 'S1',
        event: 'Pricing Viewed',
        properties: { url: 'https://example.com/pricing' },
        timestamp: '2026-10-31T10:00:00+09:00',
      },
    ];
    const res = await call(running.app, 'POST', '/v1/segment', TOKENS.write, { batch });
    expect(res.status).toBe(200);
    expect(res.json.results.map((r: { status: string }) => r.status)).toEqual([
      'stored',
      'stored',
      'invalid',
      'invalid',
      'duplicate',
    ]);
    expect(res.json.results[2].errors[0]).toMatch(/"Webinar Attended" is not in the Segment map/);
    expect(res.json.results[3].errors.join(' ')).toMatch(/employees/);
    const score = (await call(running.app, 'GET', '/v1/leads/S1', TOKENS.read)).json;
    // 部長 (決裁者層 +25) from identify, merged into the stored record (company kept), and the pricing page (+30).
    expect(score.reasons.map((r: { rule: string }) => r.rule)).toEqual(
      expect.arrayContaining(['決裁者層', '料金ページ閲覧', 'ターゲット規模']),
    );
    expect(score.tier).toBe('MQL');
    expect((await call(running.app, 'GET', '/v1/leads/S2', TOKENS.read)).status).toBe(404);
    const events = (await call(running.app, 'GET', '/v1/leads/S1/events', TOKENS.read)).json.items;
    expect(events).toEqual([
      {
        url: 'https://example.com/pricing',
        id: 'm1',
        lead_id: 'S1',
        type: 'page_view',
        at: '2026-10-31T10:00:00+09:00',
      },
    ]);
  });

  it('takes a single call, and needs the write scope', async () => {
    const one = {
      type: 'track',
      messageId: 'f1',
      userId: 'S3',
      event: 'Form Reached',
      timestamp: '2026-10-31T12:00:00Z',
    };
    expect((await call(running.app, 'POST', '/v1/segment', TOKENS.read, one)).status).toBe(403);
    expect((await call(running.app, 'POST', '/v1/segment', TOKENS.write, one)).json).toEqual({
      results: [{ index: 0, messageId: 'f1', type: 'track', status: 'stored' }],
    });
    expect((await call(running.app, 'POST', '/v1/segment', TOKENS.write, { batch: 'x' })).status).toBe(400);
  });
});

describe('GET /v1/metrics and /metrics', () => {
  it('serves the KPIs as JSON, from what is stored', async () => {
    expect((await call(running.app, 'GET', '/v1/metrics', undefined)).status).toBe(401);
    const m = (await call(running.app, 'GET', '/v1/metrics', TOKENS.read)).json;
    const leads = (await call(running.app, 'GET', '/v1/leads?limit=1000', TOKENS.read)).json.items as {
      tier: string | null;
    }[];
    expect(m.leads).toBe(leads.length);
    for (const t of m.tiers) expect(t.count).toBe(leads.filter((l) => l.tier === t.name).length);
    expect(m.mql.tier).toBe('MQL');
    expect(m.mql.opportunityRate).toBe(0);
    expect(m.mql_inflow.daily).toHaveLength(30);
    expect(m.mql_inflow.daily.at(-1).day).toBe('2026-11-01');
    expect(m.mql_inflow.daily.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(m.mql.count);
    expect(m.mql_inflow.weekly).toHaveLength(12);
    expect(m.latest_changes[0]).toMatchObject({ lead_id: 'S3', from: null, to: '中関心', score: 40 });
  });

  it('serves Prometheus text with request counts, latencies, pending re-scores and the webhook backlog', async () => {
    expect((await call(running.app, 'GET', '/metrics', undefined)).status).toBe(401);
    const text = (await call(running.app, 'GET', '/metrics', TOKENS.read)).text;
    expect(text).toMatch(/^leadscore_http_requests_total\{method="POST",route="\/v1\/segment",status="200"\} \d+$/m);
    expect(text).toMatch(
      /^leadscore_http_request_duration_seconds_count\{method="GET",route="\/v1\/leads\/:id"\} \d+$/m,
    );
    expect(text).toMatch(/^leadscore_pending_rescores \d+$/m);
    expect(text).toMatch(/^leadscore_webhook_backlog\{state="pending"\} 0$/m);
  });
});
