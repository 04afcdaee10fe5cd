/**
 * Differential test of the live service against the batch scorer: random
 * programs, random interleavings of lead updates, events (out of order,
 * repeated) and manual clock moves (often onto a window's exact end). After
 * every step, each lead's score as the service reports it must equal what
 * `leadscore score` computes from the same lead and events as of the
 * service's now.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { buildApp } from '../../server/http/app.js';
import { LiveService } from '../../server/service.js';
import type { Database } from '../../server/store/database.js';
import { DURATIONS, eventArb, leadArb, NOW, programText } from '../helpers/arbitraries.js';

const DAY = 86_400_000;
const LEADS = ['L0', 'L1', 'L2'];

type Op =
  | { kind: 'put'; lead: number; record: Record<string, unknown> }
  | {
      kind: 'events';
      events: { lead: number; id: number; event: { type: string; at: number; [k: string]: unknown } }[];
    }
  | { kind: 'clock'; pick: number; jitter: number; forward: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), lead: fc.nat(LEADS.length - 1), record: leadArb }),
  fc.record({
    kind: fc.constant('events' as const),
    events: fc.array(fc.record({ lead: fc.nat(LEADS.length - 1), id: fc.nat(6), event: eventArb }), {
      minLength: 1,
      maxLength: 5,
    }),
  }),
  fc.record({
    kind: fc.constant('clock' as const),
    pick: fc.nat(),
    jitter: fc.constantFrom(-1, 0, 0, 0, 1),
    forward: fc.integer({ min: 0, max: 10 * DAY }),
  }),
);

export const differentialProperty = (db: Database, dir: string) =>
  fc.asyncProperty(programText, fc.array(opArb, { minLength: 1, maxLength: 12 }), async (source, ops) => {
    await resetData(db);
    const rulesPath = join(dir, 'rules.score');
    writeFileSync(rulesPath, source);
    const batch = instantiateScorer(checkSource(source, { readSchema: () => undefined }).program!);
    const service = await LiveService.open({ rulesPath, database: db, clock: 'manual', log: () => undefined });
    const app = buildApp(service, () => undefined);
    const auth = { authorization: `Bearer ${service.createdToken}` };
    const send = async (method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) => {
      const r = await app.inject({
        method,
        url,
        headers: auth,
        ...(body !== undefined && { payload: body as object }),
      });
      expect(r.statusCode, r.body).toBe(200);
      return JSON.parse(r.body);
    };
    const records = new Map<string, Record<string, unknown>>();
    const events = new Map<string, Map<string, Record<string, unknown>>>();
    let now = NOW - 40 * DAY;
    try {
      await send('POST', '/v1/clock', { now: new Date(now).toISOString() });
      for (const op of ops) {
        if (op.kind === 'put') {
          const key = LEADS[op.lead]!;
          const record = withId(op.record, key);
          await send('PUT', `/v1/leads/${key}`, record);
          records.set(key, record);
        } else if (op.kind === 'events') {
          const sent = op.events.map(({ lead, id, event }) => ({
            ...event,
            id: `e${id}`,
            lead_id: LEADS[lead]!,
            at: new Date(event.at).toISOString(),
          }));
          const answer = await send('POST', '/v1/events', { events: sent });
          sent.forEach((e, i) => {
            const list = events.get(e.lead_id) ?? new Map<string, Record<string, unknown>>();
            expect(answer.results[i].status).toBe(list.has(e.id) ? 'duplicate' : 'stored');
            if (!list.has(e.id)) list.set(e.id, e);
            events.set(e.lead_id, list);
            if (!records.has(e.lead_id)) records.set(e.lead_id, { id: e.lead_id });
          });
        } else {
          // Land on a window's end (or a millisecond either side) as often as not.
          const edges = [...events.values()]
            .flatMap((m) => [...m.values()])
            .flatMap((e) =>
              [0, ...DURATIONS.map(([, ms]) => ms)].map((d) => Date.parse(e.at as string) + d + op.jitter),
            );
          const ahead = edges.filter((x) => x >= now);
          const target = ahead.length > 0 && op.pick % 3 !== 0 ? ahead[op.pick % ahead.length]! : now + op.forward;
          await send('POST', '/v1/clock', { now: new Date(target).toISOString() });
          now = target;
        }
        // The stored scores first (a list does not re-score), then each lead on its own.
        const listed = await send('GET', '/v1/leads?limit=1000');
        expect(listed.items.map((i: { id: string }) => i.id)).toEqual([...records.keys()].sort());
        for (const item of listed.items) {
          const key = item.id as string;
          const leadEvents = [...(events.get(key)?.values() ?? [])].map(
            ({ id: _, ...e }) => e as { type: string; at: string },
          );
          const expected = batch.explain(records.get(key)!, leadEvents, now);
          const { id: _id, rules_version: _v, scored_at: _s, ...got } = item;
          expect(got, `lead ${key} at ${new Date(now).toISOString()}\n${source}`).toEqual(expected);
          const single = await send('GET', `/v1/leads/${key}`);
          expect(single).toEqual(item);
        }
      }
      // History ends where the score is, and its instants never go back.
      for (const key of records.keys()) {
        const history = await send('GET', `/v1/leads/${key}/history?limit=1000`);
        const times = history.items.map((h: { at: string }) => Date.parse(h.at));
        expect(
          [...times].sort((a, b) => a - b),
          `history of ${key}: ${JSON.stringify(history.items.map((h: { at: string; score: number; cause: { kind: string } }) => [h.at, h.score, h.cause.kind]))}`,
        ).toEqual(times);
        const last = history.items.at(-1);
        const current = await send('GET', `/v1/leads/${key}`);
        expect({ score: last.score, tier: last.tier, groups: last.groups }).toEqual({
          score: current.score,
          tier: current.tier,
          groups: current.groups,
        });
      }
    } finally {
      await app.close();
      await service.close();
    }
  });

function withId(record: Record<string, unknown>, id: string): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record))
    Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
  copy.id = id;
  return copy;
}

/** Empties the service's tables between runs (each run is a new program and a new story). */
async function resetData(db: Database): Promise<void> {
  for (const table of ['outbox', 'history', 'scores', 'events', 'leads', 'tokens'])
    await db.query(`DELETE FROM ${table}`).catch(() => undefined); // the first run comes before the tables exist
  await db.query(`UPDATE service_state SET manual_now = NULL`).catch(() => undefined);
}
