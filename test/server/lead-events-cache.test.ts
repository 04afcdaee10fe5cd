import { describe, expect, it } from 'vitest';
import type { ScoringEvent } from '../../core/score-result.js';
import { LeadEventsCache } from '../../server/store/lead-events-cache.js';

const events = (n: number): ScoringEvent[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'page_view', lead_id: 'x', at: i }) as ScoringEvent);

describe('LeadEventsCache', () => {
  it('take hands a list out once: a failed write leaves nothing to reuse', () => {
    const cache = new LeadEventsCache(10);
    const list = events(2);
    cache.put('a', list);
    expect(cache.take('a')).toBe(list);
    expect(cache.take('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('put replaces a lead’s list and counts its events once', () => {
    const cache = new LeadEventsCache(10);
    cache.put('a', events(3));
    cache.put('a', events(4));
    expect(cache.size).toBe(4);
    expect(cache.take('a')).toHaveLength(4);
  });

  it('drops the least recently put leads once more events than the limit are held', () => {
    const cache = new LeadEventsCache(5);
    cache.put('a', events(2));
    cache.put('b', events(2));
    cache.put('a', events(2)); // a is now the most recent
    cache.put('c', events(2));
    expect(cache.size).toBe(4);
    expect(cache.take('b')).toBeUndefined();
    expect(cache.take('a')).toHaveLength(2);
    expect(cache.take('c')).toHaveLength(2);
  });

  it('does not hold a lead with more events than the whole limit', () => {
    const cache = new LeadEventsCache(3);
    cache.put('a', events(1));
    cache.put('big', events(4));
    expect(cache.take('big')).toBeUndefined();
    expect(cache.take('a')).toHaveLength(1);
  });
});
