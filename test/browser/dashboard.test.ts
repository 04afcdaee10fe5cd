/**
 * The live KPI dashboard of `leadscore serve`, in real Chromium against a
 * service on loopback: sign-in with a read token (a wrong one refused), the
 * session cookie, the figures equal to GET /v1/metrics, a tier change
 * appearing without a reload, and the English toggle.
 */
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  lead,
  OPEN_TIMEOUT,
  removeDir,
  startService,
  TOKENS,
  type Running,
} from '../server/integrations/harness.js';
import { launch, screenshot } from './harness.js';

let running: Running;
let browser: Browser;
let url: string;

beforeAll(async () => {
  running = await startService({ outcomeField: 'opportunity' });
  await running.app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(running.app.server.address() as AddressInfo).port}/`;
  const leads = [
    lead('B1', { opportunity: true }),
    lead('B2', { role: '担当者', employees: 10 }),
    lead('B3', { role: '学生', employees: 5, opportunity: '2026-10-20' }),
  ];
  expect((await call(running.app, 'POST', '/v1/leads', TOKENS.write, { leads })).status).toBe(200);
  const events = [{ id: 'x', lead_id: 'B1', type: 'form_reach', at: '2026-10-30T10:00:00+09:00' }];
  expect((await call(running.app, 'POST', '/v1/events', TOKENS.write, { events })).status).toBe(200);
  browser = await launch();
}, OPEN_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await running?.close();
  if (running) removeDir(running.dir);
}, OPEN_TIMEOUT);

describe('the live KPI dashboard', () => {
  it('refuses a wrong token, signs in with a read token, shows the API figures and follows a new tier change live', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.state === 'signed-out');
    expect(await page.locator('h1').textContent()).toBe('リードスコア KPI ダッシュボード');
    expect(await page.locator('#token').getAttribute('type')).toBe('password');

    await page.fill('#token', 'not-a-token');
    await page.click('#sign-in button[type=submit]');
    await page.waitForFunction(() => (document.getElementById('sign-in-error')?.textContent ?? '') !== '');
    expect(await page.locator('#sign-in-error').textContent()).toContain('トークンが正しくない');
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('signed-out');
    expect((await context.cookies()).filter((c) => c.name === 'leadscore_session')).toEqual([]);

    await page.fill('#token', TOKENS.read);
    await page.click('#sign-in button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.state === 'live');
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'leadscore_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookie!.value).not.toContain(TOKENS.read);

    const api = (await call(running.app, 'GET', '/v1/metrics', TOKENS.read)).json;
    expect(await page.locator('#kpi-leads').textContent()).toBe(String(api.leads));
    expect(await page.locator('#kpi-mql').textContent()).toBe(String(api.mql.count));
    expect(await page.locator('#kpi-rate').textContent()).toBe(`${(api.mql.opportunityRate * 100).toFixed(1)}%`);
    for (const tier of api.tiers)
      expect(await page.locator(`#tiers tr[data-tier="${tier.name ?? ''}"]`).getAttribute('data-count')).toBe(
        String(tier.count),
      );
    expect(await page.locator('#histogram rect').count()).toBe(api.histogram.length);
    expect(await page.locator('#changes tbody tr').count()).toBe(api.latest_changes.length);
    await screenshot(page, 'dashboard-ja');

    // A new MQL, written through the API while the page stays open.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const updates = Number(await page.evaluate(() => document.body.dataset.updates));
    expect(
      (
        await call(
          running.app,
          'PUT',
          '/v1/leads/NEW1',
          TOKENS.write,
          lead('NEW1', { name: '佐藤 花子', company: '株式会社ライブ' }),
        )
      ).status,
    ).toBe(200);
    const events = [{ id: 'p', lead_id: 'NEW1', type: 'page_view', at: '2026-10-31T10:00:00+09:00', url: '/pricing' }];
    expect((await call(running.app, 'POST', '/v1/events', TOKENS.write, { events })).status).toBe(200);
    await page.waitForFunction(
      (n) =>
        Number(document.body.dataset.updates) > n &&
        (document.querySelector('#changes tbody tr')?.textContent ?? '').includes('→ MQL'),
      updates,
      { timeout: 20_000 },
    );
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    const row = await page.locator('#changes tbody tr').first().textContent();
    expect(row).toContain('佐藤 花子 / 株式会社ライブ');
    expect(row).toContain('→ MQL');
    expect(row).toContain('料金ページ閲覧 +30');
    expect(await page.locator('#kpi-leads').textContent()).toBe(String(api.leads + 1));

    await page.click('#lang');
    expect(await page.locator('h1').textContent()).toBe('Lead score KPI dashboard');
    expect(await page.locator('#kpi-mql-label').textContent()).toBe('MQLs (MQL)');
    await screenshot(page, 'dashboard-en');

    await page.click('#sign-out');
    await page.waitForFunction(() => document.body.dataset.state === 'signed-out');
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.state === 'signed-out');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('answers the data and the stream only to a session', async () => {
    expect((await call(running.app, 'GET', '/dashboard/data', undefined)).status).toBe(401);
    expect((await call(running.app, 'GET', '/dashboard/stream', undefined)).status).toBe(401);
    expect(
      (await call(running.app, 'POST', '/dashboard/session', undefined, { token: TOKENS.read.slice(1) })).status,
    ).toBe(401);
  });
});
