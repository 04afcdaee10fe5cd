/**
 * The playground's "why this score" details: the event count, decay, the
 * per-period and plain caps and the group clamp behind each reason, derived
 * by scoring the lead again with variants of the program. Checked against the
 * worked examples of docs/language.md.
 */
import { describe, expect, test } from 'vitest';
import { parseInstant } from '../../core/time.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { checkRules } from '../../playground/src/engine/check.js';
import { scoreDetails } from '../../playground/src/engine/reason-details.js';
import { TIME_ZONE } from '../../playground/src/engine/score-all.js';

const at = (text: string): number => parseInstant(text, TIME_ZONE)!;

function details(rules: string, events: { type: string; at: string; url?: string }[], now: string) {
  const checked = checkRules(rules, '');
  expect(checked.program, JSON.stringify(checked.diagnostics)).toBeDefined();
  const program = checked.program!;
  const lead = { id: 'L1' };
  const prepared = events.map((e) => ({ ...e, at: at(e.at) }));
  const explained = instantiateScorer(program, TIME_ZONE).explain(lead, prepared, at(now));
  return { explained, ...scoreDetails(program, explained, lead, prepared, at(now)) };
}

describe('reason details', () => {
  test('a per-day cap, then a plain max: 10 + 5 + 10 + 10 = 35, capped to 30; 10 opens counted', () => {
    const opens = [
      ...['2026-11-01T09:00', '2026-11-01T10:00', '2026-11-01T11:00'],
      '2026-11-02T09:00',
      ...['2026-11-05T09:00', '2026-11-05T10:00', '2026-11-05T11:00', '2026-11-05T12:00'],
      ...['2026-11-06T09:00', '2026-11-06T10:00'],
    ].map((t) => ({ type: 'email_open', at: `${t}:00` }));
    const d = details('on email_open +5 each max 10 per day max 30 "メール開封"\n', opens, '2026-11-10T00:00:00');
    expect(d.explained.reasons).toEqual([{ rule: 'メール開封', line: 1, points: 30 }]);
    expect(d.reasons[0]).toEqual({
      count: 10,
      perPeriod: { limit: 10, period: 'day', delta: -15 },
      max: { limit: 30, delta: -5 },
    });
  });

  test('decay: +30 decay 50% every 30d, the latest view 45 days old, is worth 15', () => {
    const d = details(
      'on page_view +30 decay 50% every 30d "料金ページ閲覧"\n',
      [
        { type: 'page_view', at: '2026-08-01T00:00:00' },
        { type: 'page_view', at: '2026-09-17T00:00:00' },
      ],
      '2026-11-01T00:00:00',
    );
    expect(d.explained.reasons[0]!.points).toBe(15);
    expect(d.reasons[0]).toEqual({ decay: { before: 30, after: 15, percent: 50 } });
  });

  test('a group clamp: 15 + 30 + 40 = 85 in a group of max 50 takes 35; reasons stay before the clamp', () => {
    const d = details(
      [
        'group 行動 max 50 {',
        '  on email_open +5 each max 20 "メール開封"',
        '  on page_view where url contains "/pricing" +30 "料金ページ閲覧"',
        '  on form_reach +40 "問い合わせフォーム到達"',
        '}',
        'when id is set -3 "固定"',
        '',
      ].join('\n'),
      [
        { type: 'email_open', at: '2026-10-01T00:00:00' },
        { type: 'email_open', at: '2026-10-02T00:00:00' },
        { type: 'email_open', at: '2026-10-03T00:00:00' },
        { type: 'page_view', at: '2026-10-04T00:00:00', url: '/pricing' },
        { type: 'form_reach', at: '2026-10-05T00:00:00' },
      ],
      '2026-11-01T00:00:00',
    );
    expect(d.reasons.map((r) => r.count)).toEqual([3, undefined, undefined, undefined]);
    expect(d.reasons[0]!.max).toBeUndefined();
    expect(d.groups).toEqual([{ name: '行動', sum: 85, subtotal: 50, clamp: { kind: 'max', limit: 50, delta: -35 } }]);
    expect(d.explained.score).toBe(47);
  });

  test('a min clamp and a negative rule capped toward zero', () => {
    const d = details(
      'group 罰 min -20 {\n  on email_bounce -10 each max 25 "不達"\n}\n',
      [1, 2, 3, 4].map((day) => ({ type: 'email_bounce', at: `2026-10-0${day}T00:00:00` })),
      '2026-11-01T00:00:00',
    );
    expect(d.explained.reasons[0]!.points).toBe(-25);
    expect(d.reasons[0]).toEqual({ count: 4, max: { limit: 25, delta: 15 } });
    expect(d.groups[0]).toEqual({ name: '罰', sum: -25, subtotal: -20, clamp: { kind: 'min', limit: -20, delta: 5 } });
  });
});
