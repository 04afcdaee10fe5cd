/**
 * The HTTP API's behaviour, run on each storage backend (api-pglite.test.ts,
 * api-postgres.test.ts). One service per file, manual clock; each test uses
 * its own lead ids and moves the clock only forward.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { RULES, SCHEMA, startTestService, type Backend, type TestService } from './harness.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const iso = (ms: number): string => new Date(ms).toISOString();

const batch = instantiateScorer(
  checkSource(RULES, { readSchema: () => ({ file: 'lead.schema.json', text: JSON.stringify(SCHEMA) }) }).program!,
);

/** What `leadscore score` would write for the lead at `now`. */
function expected(
  lead: Record<string, unknown>,
  events: { type: string; at: string; [k: string]: unknown }[],
  now: number,
) {
  return { id: lead.id, ...batch.explain(lead, events, now) };
}

export function apiCases(backend: Backend): void {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend);
  }, 180_000);
  afterAll(async () => t?.close());

  const setClock = (ms: number) => t.request('POST', '/v1/clock', { now: iso(ms) });

  describe('health and the clock', () => {
    it('GET /healthz needs no token and says the rules version, now and pending', async () => {
      const r = await t.request('GET', '/healthz', undefined, { token: null });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'ok', now: '1970-01-01T00:00:00.000Z', pending: 0 });
      expect(r.body.rules_version).toBe(createHash('sha256').update(RULES).digest('hex'));
    });

    it('the manual clock moves forward, never back', async () => {
      expect((await setClock(T0)).status).toBe(200);
      expect((await setClock(T0)).status).toBe(200);
      const back = await setClock(T0 - 1);
      expect(back.status).toBe(409);
      expect(back.body.error.code).toBe('clock_backwards');
      expect((await t.request('POST', '/v1/clock', { now: 'tomorrow' })).status).toBe(400);
      expect((await t.request('GET', '/healthz')).body.now).toBe(iso(T0));
    });
  });

  describe('tokens', () => {
    it('401 without a token or with an unknown one, in the error shape', async () => {
      const none = await t.request('GET', '/v1/leads/x', undefined, { token: null });
      expect(none.status).toBe(401);
      expect(none.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String), details: [] } });
      expect((await t.request('GET', '/v1/leads/x', undefined, { token: 'lsk_wrong' })).status).toBe(401);
    });

    it('401 comes before the body is looked at: nothing is stored', async () => {
      const r = await t.request('PUT', '/v1/leads/tok-1', { employees: 5 }, { token: 'nope' });
      expect(r.status).toBe(401);
      expect((await t.request('GET', '/v1/leads/tok-1')).status).toBe(404);
    });
  });

  describe('leads', () => {
    it('PUT answers the score object: what leadscore score writes, plus rules_version and scored_at', async () => {
      const lead = { id: 'put-1', employees: 300, role: '部長' };
      const r = await t.request('PUT', '/v1/leads/put-1', lead);
      expect(r.status).toBe(200);
      const { rules_version: _version, scored_at, ...rest } = r.body;
      expect(rest).toEqual(expected(lead, [], T0));
      expect(Object.keys(r.body)).toEqual(['id', 'score', 'tier', 'groups', 'reasons', 'rules_version', 'scored_at']);
      expect(scored_at).toBe(iso(T0));
      expect((await t.request('GET', '/v1/leads/put-1')).body).toEqual(r.body);
    });

    it('the id may be left out of the body; a different id is refused', async () => {
      expect((await t.request('PUT', '/v1/leads/put-2', { employees: 1 })).body.id).toBe('put-2');
      const r = await t.request('PUT', '/v1/leads/put-3', { id: 'other', employees: 1 });
      expect(r.status).toBe(400);
      expect((await t.request('GET', '/v1/leads/put-3')).status).toBe(404);
    });

    it('a lead that fails the schema is a 400 with the reasons, and nothing is stored', async () => {
      const r = await t.request('PUT', '/v1/leads/bad-1', { employees: -5, role: '社長' });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid_lead');
      expect(r.body.error.details.join('\n')).toMatch(/employees/);
      expect(r.body.error.details.join('\n')).toMatch(/role/);
      expect((await t.request('GET', '/v1/leads/bad-1')).status).toBe(404);
    });

    it('POST /v1/leads judges each lead alone', async () => {
      const r = await t.request('POST', '/v1/leads', {
        leads: [{ id: 'b-1', employees: 100 }, { employees: 3 }, { id: 'b-2', employees: 'many' }, { id: 'b-3' }],
      });
      expect(r.status).toBe(200);
      expect(r.body.results.map((x: { status: string }) => x.status)).toEqual([
        'stored',
        'invalid',
        'invalid',
        'stored',
      ]);
      expect(r.body.results[2]).toMatchObject({ index: 2, id: 'b-2', errors: [expect.stringMatching(/employees/)] });
      expect((await t.request('GET', '/v1/leads/b-1')).body.score).toBe(10);
      expect((await t.request('GET', '/v1/leads/b-2')).status).toBe(404);
    });
  });

  describe('events', () => {
    it('stored, duplicate and invalid are told apart; an unknown lead is created', async () => {
      const e1 = { id: 'e1', lead_id: 'ev-1', type: 'form_reach', at: iso(T0 - DAY) };
      const r = await t.request('POST', '/v1/events', {
        events: [
          e1,
          { ...e1, type: 'email_open' },
          { id: 'e2', lead_id: 'ev-1', type: 'unknown_type', at: iso(T0) },
          { lead_id: 'ev-1', type: 'form_reach', at: iso(T0) },
          { id: 'e3', lead_id: 'ev-1', type: 'email_open', at: 'yesterday' },
        ],
      });
      expect(r.status).toBe(200);
      expect(r.body.results.map((x: { status: string }) => x.status)).toEqual([
        'stored',
        'duplicate',
        'invalid',
        'invalid',
        'invalid',
      ]);
      expect(r.body.results[3].errors[0]).toMatch(/id is required/);
      const again = await t.request('POST', '/v1/events', { events: [e1] });
      expect(again.body.results[0].status).toBe('duplicate');
      const score = await t.request('GET', '/v1/leads/ev-1');
      expect(score.body).toMatchObject(expected({ id: 'ev-1' }, [e1], T0));
      const events = await t.request('GET', '/v1/leads/ev-1/events');
      expect(events.body).toEqual({ items: [e1] });
    });

    it('properties in any script, with quotes and backslashes, come back exactly and score as sent', async () => {
      const first = {
        id: 'jp-1',
        lead_id: 'ev-3',
        type: 'page_view',
        at: iso(T0 - 2 * DAY),
        url: '/料金',
        title: '「見積り」 "quoted" \\ back 🎉',
      };
      const second = { id: 'jp-2', lead_id: 'ev-3', type: 'page_view', at: iso(T0 - DAY), url: '/pricing?q=日本語' };
      await t.request('POST', '/v1/events', { events: [second] });
      // Scoring the second request's event reads the first one's back from the database.
      await t.request('POST', '/v1/events', { events: [first] });
      expect((await t.request('GET', '/v1/leads/ev-3/events')).body).toEqual({ items: [first, second] });
      expect((await t.request('GET', '/v1/leads/ev-3')).body).toMatchObject(
        expected({ id: 'ev-3' }, [first, second], T0),
      );
    });

    it('events come back oldest first, whatever order they arrived in', async () => {
      const late = { id: 'a', lead_id: 'ev-2', type: 'email_open', at: iso(T0 - DAY) };
      const early = { id: 'b', lead_id: 'ev-2', type: 'email_open', at: iso(T0 - 2 * DAY) };
      await t.request('POST', '/v1/events', { events: [late] });
      await t.request('POST', '/v1/events', { events: [early] });
      expect((await t.request('GET', '/v1/leads/ev-2/events')).body.items.map((e: { id: string }) => e.id)).toEqual([
        'b',
        'a',
      ]);
      expect((await t.request('GET', '/v1/leads/ev-2')).body.score).toBe(
        expected({ id: 'ev-2' }, [late, early], T0).score,
      );
    });
  });

  describe('time', () => {
    it('a window closes at its exact instant, with a history row of cause time at that instant', async () => {
      const now = (await t.request('GET', '/healthz')).body.now as string;
      const base = Date.parse(now);
      const open = { id: 'o1', lead_id: 'time-1', type: 'email_open', at: iso(base) };
      await t.request('PUT', '/v1/leads/time-1', { employees: 100 });
      await t.request('POST', '/v1/events', { events: [open] });
      expect((await t.request('GET', '/v1/leads/time-1')).body.score).toBe(25);
      await setClock(base + 7 * DAY - 1);
      expect((await t.request('GET', '/v1/leads/time-1')).body.score).toBe(25);
      await setClock(base + 7 * DAY);
      const after = await t.request('GET', '/v1/leads/time-1');
      expect(after.body).toMatchObject(expected({ id: 'time-1', employees: 100 }, [open], base + 7 * DAY));
      expect(after.body.score).toBe(20);
      // Inactivity starts 30 days after the event, with no request in between.
      await setClock(base + 45 * DAY);
      const history = (await t.request('GET', '/v1/leads/time-1/history')).body;
      const timeRows = history.items.filter((h: { cause: { kind: string } }) => h.cause.kind === 'time');
      expect(timeRows.map((h: { at: string; score: number }) => [h.at, h.score])).toEqual([
        [iso(base + 7 * DAY), 20],
        [iso(base + 30 * DAY), 10],
      ]);
      expect(history.next).toBeNull();
    });

    it('an event in the future counts from its own instant on', async () => {
      const base = Date.parse((await t.request('GET', '/healthz')).body.now);
      const future = { id: 'f1', lead_id: 'time-2', type: 'form_reach', at: iso(base + 3_600_000) };
      const r = await t.request('POST', '/v1/events', { events: [future] });
      expect(r.body.results[0].status).toBe('stored');
      expect((await t.request('GET', '/v1/leads/time-2')).body.score).toBe(-10);
      expect((await t.request('GET', '/healthz')).body.pending).toBe(0);
      const moved = await setClock(base + 2 * 3_600_000);
      expect(moved.body.rescored).toBeGreaterThanOrEqual(1);
      expect((await t.request('GET', '/v1/leads/time-2')).body.score).toBe(40);
      const rows = (await t.request('GET', '/v1/leads/time-2/history')).body.items;
      expect(rows.at(-1)).toMatchObject({ at: future.at, score: 40, cause: { kind: 'time' } });
    });
  });

  describe('history', () => {
    it('pages oldest first, with next as the cursor, past ten rows (ordered as numbers, not text)', async () => {
      const base = Date.parse((await t.request('GET', '/healthz')).body.now);
      await t.request('PUT', '/v1/leads/hist-1', { employees: 1 });
      for (let i = 0; i < 12; i++) await t.request('PUT', '/v1/leads/hist-1', { employees: i % 2 === 0 ? 100 : 1 });
      const rows: { at: string; score: number }[] = [];
      let cursor: string | null = '';
      for (let pages = 0; cursor !== null && pages < 20; pages++) {
        const page: { status: number; body: { items: { at: string; score: number }[]; next: string | null } } =
          await t.request('GET', `/v1/leads/hist-1/history?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        rows.push(...page.body.items);
        cursor = page.body.next;
      }
      expect(rows.map((r) => r.score)).toEqual([-10, 10, -10, 10, -10, 10, -10, 10, -10, 10, -10, 10, -10]);
      expect(rows.every((r) => r.at === iso(base))).toBe(true);
      expect((await t.request('GET', '/v1/leads/nobody/history')).status).toBe(404);
    });
  });

  describe('listing', () => {
    it('pages through every lead once, in a stable order, filtered by tier and change time', async () => {
      const ids = ['list-a', 'list-b', 'list-c', 'list-d', 'list-e'];
      await t.request('POST', '/v1/leads', {
        leads: ids.map((id, i) => (i % 2 === 0 ? { id, employees: 100, role: '部長' } : { id, employees: 1 })),
      });
      const seen: string[] = [];
      let cursor: string | null = '';
      for (let pages = 0; cursor !== null && pages < 100; pages++) {
        const r = await t.request('GET', `/v1/leads?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.status).toBe(200);
        expect(r.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...r.body.items.map((i: { id: string }) => i.id));
        cursor = r.body.next;
      }
      expect(seen.filter((id) => id.startsWith('list-'))).toEqual(ids);
      expect(new Set(seen).size).toBe(seen.length);
      const tiered = await t.request('GET', `/v1/leads?tier=${encodeURIComponent('中関心')}&limit=1000`);
      expect(tiered.body.items.every((i: { tier: string }) => i.tier === '中関心')).toBe(true);
      expect(tiered.body.items.map((i: { id: string }) => i.id)).toEqual(
        expect.arrayContaining(['list-a', 'list-c', 'list-e']),
      );
      const now = (await t.request('GET', '/healthz')).body.now;
      const changed = await t.request('GET', `/v1/leads?changed_since=${encodeURIComponent(now)}&limit=1000`);
      expect(changed.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(ids));
      expect((await t.request('GET', '/v1/leads?limit=0')).status).toBe(400);
      expect((await t.request('GET', '/v1/leads?cursor=garbage')).status).toBe(400);
    });
  });

  describe('bodies', () => {
    it('not JSON, too deep or too large: 400/413 and nothing stored', async () => {
      const notJson = await t.request('PUT', '/v1/leads/body-1', '{"employees":', {});
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.code).toBe('invalid_json');
      const deep = `{"id":"body-1","x":${'['.repeat(200)}${']'.repeat(200)}}`;
      expect((await t.request('PUT', '/v1/leads/body-1', deep)).status).toBe(400);
      const large = JSON.stringify({ leads: [{ id: 'body-1', pad: 'x'.repeat(9 * 1024 * 1024) }] });
      const r = await t.request('POST', '/v1/leads', large);
      expect(r.status).toBe(413);
      expect(r.body.error.code).toBe('body_too_large');
      expect((await t.request('GET', '/v1/leads/body-1')).status).toBe(404);
    });
  });

  describe('rules', () => {
    it('a rule file with errors is a 422 with diagnostics; the running rules stay', async () => {
      const before = (await t.request('GET', '/healthz')).body.rules_version;
      const r = await t.request('POST', '/v1/rules', RULES.replace('employees >= 100', 'employes >= 100'), {
        contentType: 'text/plain',
      });
      expect(r.status).toBe(422);
      expect(r.body.error.details[0]).toMatchObject({
        line: 3,
        severity: 'error',
        message: expect.stringMatching(/employees/),
      });
      expect((await t.request('GET', '/healthz')).body.rules_version).toBe(before);
    });

    it('a new version answers its impact, then every lead is re-scored with it', async () => {
      const next = RULES.replace('+25 "決裁者"', '+45 "決裁者"');
      const r = await t.request('POST', '/v1/rules', next, { contentType: 'text/plain' });
      expect(r.status).toBe(200);
      const version = createHash('sha256').update(next).digest('hex');
      expect(r.body.rules_version).toBe(version);
      expect(r.body.impact).toMatchObject({ leads: expect.any(Number), scoreChanged: 4 });
      await t.service.background.idle();
      expect((await t.request('GET', '/healthz')).body).toMatchObject({ rules_version: version, pending: 0 });
      const all = await t.request('GET', '/v1/leads?limit=1000');
      expect(all.body.items.every((i: { rules_version: string }) => i.rules_version === version)).toBe(true);
      const boss = await t.request('GET', '/v1/leads/put-1');
      expect(boss.body.score).toBe(55);
      const last = (await t.request('GET', '/v1/leads/put-1/history')).body.items.at(-1);
      expect(last.cause).toEqual({ kind: 'rules', rules_version: version });
    });
  });
}
