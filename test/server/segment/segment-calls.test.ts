import { describe, expect, it } from 'vitest';
import { translateCall } from '../../../server/segment/segment-calls.js';
import { segmentMapFrom } from '../../../server/segment/segment-map.js';

const map = segmentMapFrom({ 'Pricing Viewed': 'page_view', 'Form Reached': 'form_reach' }, 'map.json');

describe('Segment calls as the service records', () => {
  it('track: messageId → id, userId → lead_id, event → type through the map, properties kept, timestamp → at', () => {
    const t = translateCall(
      {
        type: 'track',
        messageId: 'm1',
        userId: 'L1',
        event: 'Pricing Viewed',
        properties: { url: '/pricing' },
        timestamp: '2026-11-01T10:00:00+09:00',
      },
      map,
    );
    expect(t).toEqual({
      kind: 'event',
      messageId: 'm1',
      event: { url: '/pricing', id: 'm1', lead_id: 'L1', type: 'page_view', at: '2026-11-01T10:00:00+09:00' },
    });
  });

  it('identify: traits are lead fields', () => {
    expect(translateCall({ type: 'identify', userId: 7, traits: { company: '株式会社A' } }, map)).toEqual({
      kind: 'lead',
      messageId: null,
      userId: 7,
      traits: { company: '株式会社A' },
    });
  });

  it('says what is wrong: unmapped events, anonymous calls, clashing properties, other call types', () => {
    const reasons = (call: unknown, m = map): string[] => {
      const t = translateCall(call, m);
      return t.kind === 'invalid' ? t.reasons : [];
    };
    expect(
      reasons({
        type: 'track',
        messageId: 'm',
        userId: 'L',
        event: 'Pricing Viewd',
        timestamp: '2026-11-01T00:00:00Z',
      }),
    ).toEqual([
      'event "Pricing Viewd" is not in the Segment map: add it to the --segment-map file with its event type (the map names "Pricing Viewed", "Form Reached")',
    ]);
    expect(
      reasons({
        type: 'track',
        messageId: 'm',
        anonymousId: 'a',
        event: 'Pricing Viewed',
        timestamp: '2026-11-01T00:00:00Z',
      })[0],
    ).toMatch(/^userId is required: an anonymous visitor/);
    expect(
      reasons({
        type: 'track',
        messageId: 'm',
        userId: 'L',
        event: 'Pricing Viewed',
        properties: { type: 'x' },
        timestamp: '2026-11-01T00:00:00Z',
      }),
    ).toEqual(["properties.type clashes with the event's own type: rename the property in the source"]);
    expect(reasons({ type: 'page', userId: 'L' })[0]).toMatch(/only track and identify/);
    expect(reasons({ type: 'track', userId: 'L', event: 'Pricing Viewed', timestamp: 'x' })).toEqual([
      'messageId is required: it is the event id, so a call sent twice is counted once',
    ]);
    const unmapped = translateCall(
      { type: 'track', messageId: 'm', userId: 'L', event: 'Pricing Viewed', timestamp: '2026-11-01T00:00:00Z' },
      undefined,
    );
    expect(unmapped.kind === 'invalid' && unmapped.reasons[0]).toMatch(/without --segment-map/);
    expect(
      reasons({
        type: 'track',
        messageId: 'm',
        userId: 'L',
        event: 'Pricing Viewed',
        timestamp: '2026-11-01T00:00:00Z',
        __proto__: { polluted: true },
      }),
    ).toEqual([]);
  });
});
