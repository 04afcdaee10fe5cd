import { describe, expect, it } from 'vitest';
import { isRelativeTime, relativeOffsetMs, resolveTestTime } from '../../runtime/rule-tests/relative-time.js';

const H = 3_600_000;
const D = 24 * H;
const AS_OF = Date.parse('2026-11-01T00:00:00+09:00');

describe('relativeOffsetMs', () => {
  it.each([
    ['now', 0],
    ['3d ago', -3 * D],
    ['12h ago', -12 * H],
    ['2w ago', -14 * D],
    ['90d ago', -90 * D],
    ['0d ago', 0],
    ['in 1d', D],
    ['in 2h', 2 * H],
    ['in 1w', 7 * D],
    ['  3d   ago ', -3 * D],
    ['3 days ago', -3 * D],
    ['1 day ago', -D],
    ['in 1 hour', H],
    ['2 weeks ago', -14 * D],
  ])('%j is %d ms from the as-of', (text, offset) => {
    expect(relativeOffsetMs(text)).toBe(offset);
    expect(isRelativeTime(text)).toBe(true);
  });

  it.each([
    '',
    'yesterday',
    '3 ago',
    'd ago',
    '3m ago',
    '1y ago',
    '1.5d ago',
    '-3d ago',
    'in -1d',
    'ago 3d',
    '3d',
    'Now',
    '2026-10-30',
  ])('%j is not a relative time', (text) => {
    expect(relativeOffsetMs(text)).toBeUndefined();
    expect(isRelativeTime(text)).toBe(false);
  });
});

describe('resolveTestTime', () => {
  it('counts relative times from the as-of instant with fixed 24-hour days', () => {
    expect(resolveTestTime('90d ago', AS_OF, 'Asia/Tokyo')).toEqual({ ok: true, ms: AS_OF - 90 * D });
    expect(resolveTestTime('in 1d', AS_OF, undefined)).toEqual({ ok: true, ms: AS_OF + D });
    expect(resolveTestTime('now', AS_OF, undefined)).toEqual({ ok: true, ms: AS_OF });
  });

  it('reads ISO 8601 times, without an offset in the given zone (UTC by default)', () => {
    expect(resolveTestTime('2026-10-30', AS_OF, 'Asia/Tokyo')).toEqual({
      ok: true,
      ms: Date.parse('2026-10-30T00:00:00+09:00'),
    });
    expect(resolveTestTime('2026-10-30', AS_OF, undefined)).toEqual({
      ok: true,
      ms: Date.parse('2026-10-30T00:00:00Z'),
    });
    expect(resolveTestTime('2026-10-30T10:00:00+09:00', AS_OF, 'UTC')).toEqual({
      ok: true,
      ms: Date.parse('2026-10-30T01:00:00Z'),
    });
  });

  it('explains what to write when the text is no time', () => {
    const bad = resolveTestTime('先週', AS_OF, undefined);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.reason).toMatch(
        /^"先週" is not a time: write 3d ago, 12h ago, 2w ago, now, in 1d, or an ISO 8601 time/,
      );
    const notText = resolveTestTime(20261030, AS_OF, undefined);
    expect(notText.ok).toBe(false);
    if (!notText.ok) expect(notText.reason).toMatch(/\(got 20261030\)$/);
  });
});
