/**
 * fast-check generators for version-2 rule files (decay, caps per period,
 * resets) and for event times that sit where those constructs change their
 * answer: on decay steps (exactly k steps old, a millisecond either side),
 * on period boundaries in the scorer's zone (local midnight, Monday 00:00,
 * the 1st) and around DST transitions.
 */
import fc from 'fast-check';
import { wallTimeToInstant } from '../../core/time.js';
import { conditionText, DURATIONS, EVENT_TYPES, PROPERTIES, SQL_SCHEMA_JSON } from './arbitraries.js';

/** Mon 2 Nov 2026, 12:00 UTC: the day after New York's fall-back, a week after Europe's. */
export const NOW_V2 = Date.UTC(2026, 10, 2, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const ZONES: readonly (string | undefined)[] = [undefined, 'Asia/Tokyo', 'America/New_York', 'Europe/Berlin'];
export const RESET_TYPES = [...EVENT_TYPES.slice(0, 2), '失注', 'last'];
const TYPES = [...EVENT_TYPES, '失注', 'last'];
const PERCENTS = [1, 10, 25, 33, 50, 99, 100];

const points = fc.integer({ min: -40, max: 40 }).map((n) => (n >= 0 ? `+${n}` : `${n}`));

const onRule = fc
  .record({
    type: fc.oneof(fc.constantFrom(...TYPES), fc.constantFrom(...EVENT_TYPES.slice(0, 2))),
    where: fc.option(conditionText(PROPERTIES, []), { nil: undefined, freq: 4 }),
    points,
    each: fc.boolean(),
    max: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    perMax: fc.option(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('day', 'week', 'month')), {
      nil: undefined,
    }),
    within: fc.option(fc.constantFrom(...DURATIONS.map(([t]) => t), '60d', '200d'), { nil: undefined }),
    decay: fc.option(fc.tuple(fc.constantFrom(...PERCENTS), fc.constantFrom('1h', '1d', '7d', '30d')), {
      nil: undefined,
    }),
    label: fc.option(fc.constantFrom('"開封"', '"x"'), { nil: undefined }),
  })
  .chain((r) => {
    const parts = [
      r.each ? 'each' : '',
      r.each && r.max !== undefined ? `max ${r.max}` : '',
      r.each && r.perMax ? `max ${r.perMax[0]} per ${r.perMax[1]}` : '',
      r.within ? `within ${r.within}` : '',
      r.decay ? `decay ${r.decay[0]}% every ${r.decay[1]}` : '',
    ].filter(Boolean);
    return fc
      .shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length })
      .map(
        (mods) =>
          `on ${r.type}${r.where ? ` where ${r.where}` : ''} ${r.points}${mods.length ? ` ${mods.join(' ')}` : ''}${r.label ? ` ${r.label}` : ''}`,
      );
  });

const inactiveRule = fc
  .tuple(fc.constantFrom('1h', '1d', '7d', '30d'), points)
  .map(([d, p]) => `after ${d} inactive ${p}`);
const ruleV2 = fc.oneof({ weight: 5, arbitrary: onRule }, { weight: 1, arbitrary: inactiveRule });

/** A version-2 rule file the checker accepts (without a schema). */
export const programTextV2: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.record({
        reset: fc.option(fc.constantFrom(...RESET_TYPES), { nil: undefined }),
        max: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
        min: fc.option(fc.integer({ min: -40, max: 0 }), { nil: undefined }),
        rules: fc.array(ruleV2, { minLength: 1, maxLength: 4 }),
      }),
      { maxLength: 2 },
    ),
    fc.array(ruleV2, { maxLength: 3 }),
  )
  .map(([groups, loose]) => {
    const groupTexts = groups.map((g, i) => {
      const header = `${g.reset ? ` since last ${g.reset}` : ''}${g.max !== undefined ? ` max ${g.max}` : ''}${g.min !== undefined ? ` min ${g.min}` : ''}`;
      return `group ${['行動', 'g2'][i]}${header} {\n${g.rules.map((r) => `  ${r}`).join('\n')}\n}`;
    });
    return [...groupTexts, ...loose, 'tier A >= 20', 'tier B otherwise'].join('\n') + '\n';
  });

/** Local midnights of the days around now, Mondays and the 1st of months, as instants in `zone`. */
function boundaries(zone: string | undefined): number[] {
  const local = (y: number, m: number, d: number): number => {
    const wall = Date.UTC(y, m, d);
    return zone === undefined ? wall : wallTimeToInstant(wall, zone);
  };
  const days = Array.from({ length: 12 }, (_, i) => local(2026, 9, 24 + i)); // 24 Oct … 4 Nov (Mon 26 Oct, Mon 2 Nov)
  const firsts = [local(2026, 9, 1), local(2026, 10, 1), local(2026, 8, 1)];
  // DST transitions: New York (8 Mar, 1 Nov 2026), Europe (29 Mar, 25 Oct 2026).
  const dst = [
    Date.UTC(2026, 10, 1, 6),
    Date.UTC(2026, 10, 1, 5),
    Date.UTC(2026, 9, 25, 1),
    Date.UTC(2026, 2, 8, 7),
    Date.UTC(2026, 2, 29, 1),
  ];
  return [...days, ...firsts, ...dst];
}

const STEPS = [HOUR, DAY, 7 * DAY, 30 * DAY];

/** An event time for a scorer in `zone`: on a decay step, a period boundary or a DST change (± 1 ms), or anywhere in the last 200 days. */
export function atV2(zone: string | undefined): fc.Arbitrary<number> {
  const edge = (t: number) => fc.constantFrom(t, t - 1, t + 1);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...STEPS), fc.integer({ min: 0, max: 6 })).chain(([step, k]) => edge(NOW_V2 - k * step)),
    fc.constantFrom(...boundaries(zone)).chain(edge),
    fc.constantFrom(NOW_V2, NOW_V2 + 1),
    fc.integer({ min: NOW_V2 - 14 * DAY, max: NOW_V2 }),
    fc.integer({ min: NOW_V2 - 200 * DAY, max: NOW_V2 }),
  );
}

export function eventsArbV2(
  zone: string | undefined,
): fc.Arbitrary<{ type: string; at: number; [k: string]: unknown }[]> {
  const event = fc
    .tuple(
      fc.oneof(fc.constantFrom(...TYPES, 'other'), fc.constantFrom(...EVENT_TYPES.slice(0, 2))),
      atV2(zone),
      fc.option(fc.constantFrom('/pricing', 'a', ''), { nil: undefined }),
      fc.option(fc.constantFrom(-1, 0, 3), { nil: undefined }),
    )
    .map(([type, at, url, n]) => ({ type, at, ...(url !== undefined && { url }), ...(n !== undefined && { n }) }));
  return fc.array(event, { maxLength: 24 });
}

/** SQL_SCHEMA_JSON with the version-2 event types ('失注', 'last') too, for the SQL targets. */
export const SQL_SCHEMA_JSON_V2: string = (() => {
  const schema = JSON.parse(SQL_SCHEMA_JSON) as { events: Record<string, unknown> };
  for (const type of TYPES) schema.events[type] ??= schema.events['other'];
  return JSON.stringify(schema);
})();
