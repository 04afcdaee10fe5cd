/**
 * Concurrent POST /v1/events requests go to the database in groups (group
 * commit, server/scoring/ingest-queue.ts). Whatever the grouping, the outcome
 * must be that of the requests one after another in arrival order: per
 * (lead, id) the first request that sends it stores it and every later one
 * is a duplicate; each lead's score equals the batch scorer's over its stored
 * events; each stored event is named by exactly one history row's cause.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { postEvents } from '../../server/scoring/write-events.js';
import type { Database } from '../../server/store/database.js';
import { RULES, SCHEMA, startTestService } from './harness.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-05-01T00:00:00Z');
const LEADS = ['C0', 'C1', 'C2', 'C3', 'C4'];
const TYPES = ['email_open', 'page_view', 'form_reach'];

const requestArb = fc.array(
  fc.record({
    lead: fc.nat(LEADS.length - 1),
    id: fc.nat(5),
    type: fc.nat(TYPES.length - 1),
    ago: fc.integer({ min: 0, max: 40 * DAY }),
    pricing: fc.boolean(),
  }),
  { minLength: 1, maxLength: 6 },
);

export const concurrentIngestProperty = (db: Database) =>
  fc.asyncProperty(fc.array(requestArb, { minLength: 2, maxLength: 12 }), async (requests) => {
    for (const table of ['outbox', 'history', 'scores', 'events', 'leads', 'tokens'])
      await db.query(`DELETE FROM ${table}`).catch(() => undefined);
    const t = await startTestService('pglite', { database: db });
    try {
      expect((await t.request('POST', '/v1/clock', { now: new Date(NOW).toISOString() })).status).toBe(200);
      const bodies = requests.map((events, r) => ({
        events: events.map((e, i) => ({
          id: `e${e.id}`,
          lead_id: LEADS[e.lead],
          type: TYPES[e.type],
          at: new Date(NOW - e.ago).toISOString(),
          ...(TYPES[e.type] === 'page_view' && { url: e.pricing ? '/pricing' : '/blog' }),
          sent: `${r}.${i}`,
        })),
      }));
      // All at once: each call queues its request before it returns, so arrival order is call order.
      const answers = await Promise.all(bodies.map((b) => postEvents(t.service.core, b.events)));
      // The same requests one after another, in the test's own bookkeeping.
      const stored = new Map<string, Map<string, Record<string, unknown>>>();
      bodies.forEach((body, r) => {
        body.events.forEach((e, i) => {
          const mine = stored.get(e.lead_id!) ?? new Map<string, Record<string, unknown>>();
          stored.set(e.lead_id!, mine);
          expect(answers[r]![i]!.status, `request ${r} event ${i}`).toBe(mine.has(e.id) ? 'duplicate' : 'stored');
          if (!mine.has(e.id)) mine.set(e.id, e);
        });
      });
      const scorer = instantiateScorer(
        checkSource(RULES, { readSchema: () => ({ file: 'lead.schema.json', text: JSON.stringify(SCHEMA) }) }).program!,
      );
      for (const [key, events] of stored) {
        const got = (await t.request('GET', `/v1/leads/${key}`)).body;
        const scoring = [...events.values()].map(({ id: _id, ...e }) => e as { type: string; at: string });
        const { id: _i, rules_version: _v, scored_at: _s, ...score } = got;
        expect(score, `lead ${key}`).toEqual(scorer.explain({ id: key }, scoring, NOW));
        const history = (await t.request('GET', `/v1/leads/${key}/history?limit=1000`)).body.items as {
          cause: { event_ids?: string[] };
        }[];
        const named = history.flatMap((h) => h.cause.event_ids ?? []);
        expect(new Set(named).size, `history of ${key} names an event twice`).toBe(named.length);
        for (const id of named) expect(events.has(id), `history of ${key} names ${id}`).toBe(true);
      }
    } finally {
      await t.close();
    }
  });
