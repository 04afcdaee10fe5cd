import { describe, expect, it } from 'vitest';
import { EventStore } from '../../../runtime/batch/event-store.js';
import type { PreparedEvent } from '../../../runtime/prepare-records.js';

const ev = (type: string, at: number, props: Record<string, unknown> = {}): PreparedEvent => ({
  type,
  at,
  lead_id: 'x',
  ...props,
});

describe('EventStore', () => {
  it('gives each lead its events in file order, with only the properties the rules read', () => {
    const store = new EventStore(new Map([['page_view', ['url']]]));
    store.add('L1', ev('page_view', 3, { url: '/pricing', title: 'not read' }));
    store.add('L2', ev('email_open', 1, { campaign: 'c' }));
    store.add('L1', ev('email_open', 2));
    store.add('L1', ev('page_view', 1));
    const events: PreparedEvent[] = [];
    expect(store.appendEventsOf('L1', events)).toBe(true);
    expect(events).toEqual([
      { type: 'page_view', at: 3, url: '/pricing' },
      { type: 'email_open', at: 2 },
      { type: 'page_view', at: 1 },
    ]);
    expect(Object.hasOwn(events[2]!, 'url')).toBe(false); // missing stays missing
    expect(store.appendEventsOf('L3', [])).toBe(false);
    expect(store.count).toBe(4);
  });

  it('counts the events of leads never seen, in the order leads first appear', () => {
    const store = new EventStore(new Map());
    for (const key of ['A', 'B', 'A', 'C', 'C', 'D']) store.add(key, ev('t', 0));
    store.appendEventsOf('A', []);
    store.markSeen('D'); // an invalid lead: its events are not unmatched
    expect(store.unmatched()).toEqual({ events: 3, example: 'B' });
    // A lead id listed twice in the leads file gets its events both times.
    const again: PreparedEvent[] = [];
    store.appendEventsOf('A', again);
    expect(again).toHaveLength(2);
  });

  it('keeps a property named __proto__ as an own property, and interns texts', () => {
    const store = new EventStore(new Map([['t', ['__proto__', 'u']]]));
    const hostile = JSON.parse('{"type":"t","at":5,"__proto__":{"polluted":true},"u":"/a"}') as PreparedEvent;
    store.add('L', hostile);
    store.add('L', ev('t', 6, { u: '/a' }));
    const events: PreparedEvent[] = [];
    store.appendEventsOf('L', events);
    expect(Object.hasOwn(events[0]!, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(events[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(events[1]!.u).toBe('/a');
  });

  it('keeps events whole when no reads are given', () => {
    const store = new EventStore(undefined);
    const event = ev('t', 1, { anything: [1, 2] });
    store.add('L', event);
    const events: PreparedEvent[] = [];
    store.appendEventsOf('L', events);
    expect(events[0]).toBe(event);
  });

  it('grows past one block of columns', () => {
    const store = new EventStore(new Map([['t', ['n']]]));
    const n = 70_000 * 2 + 5;
    for (let i = 0; i < n; i++) store.add(`L${i % 3}`, ev('t', i, { n: i }));
    const events: PreparedEvent[] = [];
    store.appendEventsOf('L1', events);
    expect(events).toHaveLength(Math.floor(n / 3));
    const lastOfL1 = n - 1 - ((n - 1 - 1) % 3); // the largest i < n with i % 3 === 1
    expect(events.at(-1)).toEqual({ type: 't', at: lastOfL1, n: lastOfL1 });
  });
});
