/**
 * Version 2 by hand: every example of docs/language.md's "Decay, caps per
 * period, resets" section, scored by the compiled scorer and by the reference
 * interpreter, with the figures worked out on paper.
 */
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { decayTable, formatDecayTable } from '../../compiler/decay-table.js';
import type { Program } from '../../compiler/program.js';
import { referenceScore, type RefEvent } from '../helpers/reference-interpreter.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 10, 12); // Tue 10 Nov 2026, 12:00 UTC
const noSchema = { readSchema: () => undefined };

function compile(source: string): Program {
  const checked = checkSource(source, noSchema);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checked.program!;
}

/** The score by both engines (which must agree), with its reasons. */
function scored(source: string, events: RefEvent[], now = NOW, timeZone?: string) {
  const program = compile(source);
  const compiled = instantiateScorer(program, timeZone).explain({ id: 'L' }, events, now);
  expect(compiled).toEqual(referenceScore(program, { id: 'L' }, events, now, timeZone));
  return compiled;
}

const ev = (type: string, at: number, props: Record<string, unknown> = {}): RefEvent => ({ type, at, ...props });

describe('decay R% every D', () => {
  it('+30 decay 50% every 30d: 30 under 30 days, then 15, 7, 3, 1 and 0 from 150 days', () => {
    const rule = 'on page_view +30 decay 50% every 30d';
    const ages = [
      0,
      30 * DAY - 1,
      30 * DAY,
      60 * DAY - 1,
      60 * DAY,
      90 * DAY,
      120 * DAY,
      150 * DAY - 1,
      150 * DAY,
      400 * DAY,
    ];
    expect(ages.map((a) => scored(rule, [ev('page_view', NOW - a)]).score)).toEqual([30, 30, 15, 15, 7, 3, 1, 1, 0, 0]);
    expect(decayTable(30, 50)).toEqual([30, 15, 7, 3, 1, 0]);
  });

  it('-10 decay 50% every 7d: −10, −5, −2, −1, 0 (truncated toward zero)', () => {
    const rule = 'on unsubscribe -10 decay 50% every 7d';
    expect([0, 7, 14, 21, 28].map((d) => scored(rule, [ev('unsubscribe', NOW - d * DAY)]).score)).toEqual([
      -10, -5, -2, -1, 0,
    ]);
  });

  it('without each, only the most recent matching event counts', () => {
    const rule = 'on page_view where url contains "/pricing" +30 decay 50% every 30d "料金ページ閲覧"';
    const events = [
      ev('page_view', NOW - 100 * DAY, { url: '/pricing' }),
      ev('page_view', NOW - 45 * DAY, { url: '/pricing' }),
      ev('page_view', NOW - DAY, { url: '/blog' }),
    ];
    expect(scored(rule, events)).toMatchObject({ score: 15, reasons: [{ rule: '料金ページ閲覧', points: 15 }] });
  });

  it('with each, the worths add up; within decides which events match', () => {
    const rule = 'on webinar_attend +25 each decay 25% every 90d within 200d';
    // 25 (10 days), 18 (100 days: trunc(25 × 0.75)), 13 (190 days: trunc(18 × 0.75)); 250 days is outside within.
    const events = [10, 100, 190, 250].map((d) => ev('webinar_attend', NOW - d * DAY));
    expect(scored(rule, events).score).toBe(25 + 18 + 13);
  });

  it('an event exactly on a step boundary has taken that step', () => {
    expect(scored('on a +9 decay 34% every 1h', [ev('a', NOW - 3_600_000)]).score).toBe(5);
    expect(scored('on a +9 decay 34% every 1h', [ev('a', NOW - 3_599_999)]).score).toBe(9);
  });

  it('shows a decay table for the hover', () => {
    expect(formatDecayTable(30, 50, { amount: 30, unit: 'd' })).toBe('30 → 15 → 7 → 3 → 1 → 0, every 30 days');
    expect(formatDecayTable(30, 50, { amount: 30, unit: 'd' }, 'ja')).toBe('30 → 15 → 7 → 3 → 1 → 0（30日ごと）');
    expect(formatDecayTable(-10, 50, { amount: 1, unit: 'w' })).toBe('-10 → -5 → -2 → -1 → 0, every 1 week');
    expect(formatDecayTable(100, 10, { amount: 2, unit: 'h' })).toMatch(
      /^100 → 90 → 81 → 72 → 64 → 57 → 51 → 45 → … → 0, every 2 hours$/,
    );
  });
});

describe('max M per day|week|month', () => {
  const nov = (day: number, hour = 10): number => Date.UTC(2026, 10, day, hour);
  // 3 opens on 1 Nov, 1 on 2 Nov, 4 on 5 Nov, 2 on 6 Nov.
  const opens = [1, 1, 1, 2, 5, 5, 5, 5, 6, 6].map((d, i) => ev('email_open', nov(d, 8 + i)));

  it('+5 each max 10 per day max 30: 10 + 5 + 10 + 10 = 35, capped to 30', () => {
    expect(scored('on email_open +5 each max 10 per day max 30 "メール開封"', opens)).toMatchObject({
      score: 30,
      reasons: [{ rule: 'メール開封', points: 30 }],
    });
    expect(scored('on email_open +5 each max 10 per day', opens).score).toBe(35);
  });

  it('a week runs Monday 00:00 to Monday 00:00; a month is a calendar month', () => {
    // 1 Nov 2026 is a Sunday: the 1st is one week, the 2nd–6th the next.
    expect(scored('on email_open +5 each max 10 per week', opens).score).toBe(10 + 10);
    const months = [
      ev('a', Date.UTC(2026, 9, 31, 23, 59)),
      ev('a', Date.UTC(2026, 9, 1)),
      ev('a', Date.UTC(2026, 10, 1)),
      ev('a', Date.UTC(2026, 10, 2)),
    ];
    expect(scored('on a +3 each max 4 per month', months).score).toBe(4 + 4);
  });

  it('negative points: each period is capped in magnitude', () => {
    expect(scored('on email_open -5 each max 10 per day', opens).score).toBe(-35);
  });

  it('per-period sums of decayed worths', () => {
    // Two events 8 days old (worth 5 each at 50% every 7d: 10 → 5) and three today (10 each, capped at 12 for the day).
    const events = [
      ev('a', NOW - 8 * DAY),
      ev('a', NOW - 8 * DAY + 60_000),
      ev('a', NOW - 1),
      ev('a', NOW - 2),
      ev('a', NOW - 3),
    ];
    expect(scored('on a +10 each decay 50% every 7d max 12 per day', events).score).toBe(10 + 12);
  });

  it('days are local dates in the scorer time zone', () => {
    // 23:30 UTC on 1 Nov is 08:30 on 2 Nov in Tokyo: UTC sees one day, Tokyo two.
    const events = [ev('a', Date.UTC(2026, 10, 1, 10)), ev('a', Date.UTC(2026, 10, 1, 23, 30))];
    expect(scored('on a +5 each max 5 per day', events).score).toBe(5);
    expect(scored('on a +5 each max 5 per day', events, NOW, 'Asia/Tokyo').score).toBe(10);
  });

  it('a DST day is one local date (New York, 1 Nov 2026 has 25 hours)', () => {
    // 04:00 UTC is 00:00 EDT on 1 Nov; 04:30 UTC on 2 Nov is 23:30 EST on 1 Nov: both the 1st.
    const events = [
      ev('a', Date.UTC(2026, 10, 1, 4)),
      ev('a', Date.UTC(2026, 10, 2, 4, 30)),
      ev('a', Date.UTC(2026, 10, 2, 5)),
    ];
    expect(scored('on a +5 each max 5 per day', events, NOW, 'America/New_York').score).toBe(5 + 5);
    expect(scored('on a +5 each max 5 per day', events, NOW).score).toBe(5 + 5);
    expect(scored('on a +5 each max 5 per day', events.slice(0, 2), NOW, 'America/New_York').score).toBe(5);
  });
});

describe('since last T', () => {
  const group = `group 行動 since last 失注 max 100 {
  on email_open +5 each max 10 per day max 30 "メール開封"
  on page_view where url contains "/pricing" +30 decay 50% every 30d "料金ページ閲覧"
  on webinar_attend +25 each decay 25% every 90d "ウェビナー参加"
  after 30d inactive -10 "一定期間行動なし"
}
when employees >= 100 +20 "規模"`;

  it('counts only the events strictly after the last lost deal', () => {
    const events = [
      ev('webinar_attend', NOW - 50 * DAY),
      ev('page_view', NOW - 40 * DAY, { url: '/pricing' }),
      ev('失注', NOW - 20 * DAY),
      ev('email_open', NOW - 20 * DAY), // at the same instant: not after it
      ev('email_open', NOW - 3 * DAY),
    ];
    const result = scored(group, events);
    expect(result).toMatchObject({ score: 5, groups: { 行動: 5 }, reasons: [{ rule: 'メール開封', points: 5 }] });
  });

  it('a lead whose only events came before the reset is inactive there; when rules are unaffected', () => {
    const events = [ev('webinar_attend', NOW - 2 * DAY), ev('失注', NOW - DAY)];
    const program = compile(group);
    const result = instantiateScorer(program).explain({ id: 'L', employees: 300 }, events, NOW);
    expect(result).toEqual(referenceScore(program, { id: 'L', employees: 300 }, events, NOW));
    expect(result).toMatchObject({ score: 20 - 10, groups: { 行動: -10 } });
  });

  it('with no reset event (or one after now) every event counts', () => {
    const events = [ev('webinar_attend', NOW - 2 * DAY), ev('失注', NOW + DAY)];
    expect(scored(group, events).groups).toEqual({ 行動: 25 });
  });

  it('since last last: the event type named last', () => {
    const events = [ev('last', NOW - 5 * DAY), ev('x', NOW - 6 * DAY), ev('x', NOW - 4 * DAY)];
    expect(scored('group g since last last {\n  on x +1 each\n  on last +7\n}', events).score).toBe(1);
  });
});
