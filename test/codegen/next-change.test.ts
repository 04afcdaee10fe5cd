import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateLiveScorer } from '../../compiler/codegen/js-function.js';
import { DURATIONS, eventsArb, leadArb, NOW, programText } from '../helpers/arbitraries.js';
import { eventsArbV2, NOW_V2, programTextV2, ZONES } from '../helpers/arbitraries-v2.js';

const noSchema = { readSchema: () => undefined };
const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The instants where a version-2 rule could flip from `now` on: event times,
 * window ends (the version-2 generator's windows too) and the next few decay
 * steps of every event for every step length the generator writes.
 */
function criticalInstantsV2(events: readonly { at: number }[], now: number): number[] {
  const out = criticalInstants(events);
  for (const e of events) {
    for (const ms of [60 * DAY, 200 * DAY]) out.push(e.at + ms - 1, e.at + ms, e.at + ms + 1);
    for (const step of [HOUR, DAY, 7 * DAY, 30 * DAY]) {
      const first = Math.max(1, Math.floor((now - e.at) / step) + 1);
      for (let k = first; k < first + 3; k++) out.push(e.at + k * step - 1, e.at + k * step, e.at + k * step + 1);
    }
  }
  return out;
}

/** Every instant where some rule could flip: event times and window ends, a millisecond either side. */
function criticalInstants(events: readonly { at: number }[]): number[] {
  const out: number[] = [];
  for (const e of events)
    for (const base of [e.at, ...DURATIONS.map(([, ms]) => e.at + ms)]) out.push(base - 1, base, base + 1);
  return out;
}

describe('nextChange: the earliest instant a score can change with no new input', () => {
  it('the score is the same at every instant of [now, nextChange), and nextChange is after now', () => {
    fc.assert(
      fc.property(
        programText,
        leadArb,
        eventsArb,
        fc.integer({ min: -40 * DAY, max: 2 * DAY }),
        fc.array(fc.integer({ min: 0, max: 90 * DAY }), { maxLength: 5 }),
        (source, lead, events, offset, extra) => {
          const checked = checkSource(source, noSchema);
          const scorer = instantiateLiveScorer(checked.program!);
          const now = NOW + offset;
          const next = scorer.nextChange(lead, events, now);
          const before = scorer.explain(lead, events, now);
          const end = next ?? Infinity;
          if (next !== null) expect(next).toBeGreaterThan(now);
          for (const s of [...criticalInstants(events), ...extra.map((x) => now + x), end - 1]) {
            if (s >= now && s < end)
              expect(scorer.explain(lead, events, s), `at ${s - now} ms after now; next ${end - now}`).toEqual(before);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('version 2 (decay, caps per period, resets): the score is the same at every instant of [now, nextChange)', () => {
    const zoneAndEvents = fc.constantFrom(...ZONES).chain((zone) => fc.tuple(fc.constant(zone), eventsArbV2(zone)));
    fc.assert(
      fc.property(
        programTextV2,
        zoneAndEvents,
        fc.integer({ min: -40 * DAY, max: 2 * DAY }),
        fc.array(fc.integer({ min: 0, max: 90 * DAY }), { maxLength: 5 }),
        (source, [zone, events], offset, extra) => {
          const checked = checkSource(source, noSchema);
          const scorer = instantiateLiveScorer(checked.program!, zone);
          const lead = { id: 'L' };
          const now = NOW_V2 + offset;
          const next = scorer.nextChange(lead, events, now);
          const before = scorer.explain(lead, events, now);
          const end = next ?? Infinity;
          if (next !== null) expect(next).toBeGreaterThan(now);
          for (const s of [...criticalInstantsV2(events, now), ...extra.map((x) => now + x), end - 1]) {
            if (s >= now && s < end)
              expect(
                scorer.explain(lead, events, s),
                `${source}\nat ${s - now} ms after now; next ${end - now}`,
              ).toEqual(before);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('names the next decay step of a matching event, and none once its worth is 0', () => {
    const source = 'on click +10 decay 50% every 1d\non view where url = "/p" +3 each decay 100% every 7d\n';
    const scorer = instantiateLiveScorer(checkSource(source, noSchema).program!);
    const lead = { id: 'L' };
    // 10 → 5 → 2 → 1 → 0: steps at 1, 2, 3 and 4 days of age.
    expect(scorer.nextChange(lead, [{ type: 'click', at: NOW - 1000 }], NOW)).toBe(NOW - 1000 + DAY);
    expect(scorer.nextChange(lead, [{ type: 'click', at: NOW - 2 * DAY - 5 }], NOW)).toBe(NOW + DAY - 5);
    expect(scorer.nextChange(lead, [{ type: 'click', at: NOW - 4 * DAY }], NOW)).toBeNull();
    expect(scorer.nextChange(lead, [{ type: 'view', at: NOW - DAY, url: '/p' }], NOW)).toBe(NOW + 6 * DAY);
    expect(scorer.nextChange(lead, [{ type: 'view', at: NOW - DAY, url: '/x' }], NOW)).toBeNull();
    expect(scorer.nextChange(lead, [{ type: 'view', at: NOW - 8 * DAY, url: '/p' }], NOW)).toBeNull();
  });

  it('walking from change to change meets every instant where the score changes', () => {
    fc.assert(
      fc.property(programText, leadArb, eventsArb, (source, lead, events) => {
        const scorer = instantiateLiveScorer(checkSource(source, noSchema).program!);
        const visited = new Set<number>();
        let t = NOW - 90 * DAY;
        visited.add(t);
        for (let steps = 0; steps < 500; steps++) {
          const next = scorer.nextChange(lead, events, t);
          if (next === null) break;
          visited.add((t = next));
        }
        // Between consecutive visited instants the score is constant, so every change lies on one.
        const sorted = [...visited].sort((a, b) => a - b);
        for (const s of criticalInstants(events)) {
          if (s <= sorted[0]!) continue;
          const previous = sorted.filter((v) => v <= s).pop()!;
          expect(scorer.score(lead, events, s)).toEqual(scorer.score(lead, events, previous));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('names the exact instants of a window end, inactivity and a future event', () => {
    const source = 'on click +10 within 7d\nafter 30d inactive -5\non view where url = "/p" +3 within 1d\n';
    const scorer = instantiateLiveScorer(checkSource(source, noSchema).program!);
    const lead = { id: 'L' };
    expect(scorer.nextChange(lead, [], NOW)).toBeNull();
    expect(scorer.nextChange(lead, [{ type: 'click', at: NOW - DAY }], NOW)).toBe(NOW + 6 * DAY);
    expect(scorer.nextChange(lead, [{ type: 'other', at: NOW - DAY }], NOW)).toBe(NOW + 29 * DAY);
    expect(scorer.nextChange(lead, [{ type: 'view', at: NOW - 1000, url: '/x' }], NOW)).toBe(NOW - 1000 + 30 * DAY);
    expect(scorer.nextChange(lead, [{ type: 'view', at: NOW - 1000, url: '/p' }], NOW)).toBe(NOW - 1000 + DAY);
    expect(scorer.nextChange(lead, [{ type: 'other', at: NOW + 5 }], NOW)).toBe(NOW + 5);
    expect(scorer.nextChange(lead, [{ type: 'click', at: '2026-11-01T00:00:00Z' }], new Date(NOW))).toBe(NOW + 7 * DAY);
  });
});
