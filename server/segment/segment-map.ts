import { readFileSync } from 'node:fs';

/**
 * `--segment-map FILE`: which Segment `track` event is which event type of
 * the rules, e.g. `{"Pricing Viewed": "page_view", "Webinar Attended": "webinar_attend"}`.
 * Events not named here are answered as invalid: a new event name in the
 * MA tool is a decision for whoever owns the rules, not a silent default.
 */
export type SegmentMap = ReadonlyMap<string, string>;

export class SegmentMapError extends Error {}

export function readSegmentMap(path: string): SegmentMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SegmentMapError(`cannot read the Segment map ${path}: ${(e as Error).message}`);
  }
  return segmentMapFrom(parsed, path);
}

export function segmentMapFrom(parsed: unknown, source: string): SegmentMap {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SegmentMapError(
      `${source}: expected a JSON object of Segment event names to event types, such as {"Pricing Viewed": "page_view"}`,
    );
  }
  const map = new Map<string, string>();
  for (const [name, type] of Object.entries(parsed)) {
    if (typeof type !== 'string' || type === '')
      throw new SegmentMapError(
        `${source}: "${name}" must map to an event type name (a text such as "page_view"), got ${JSON.stringify(type)}`,
      );
    map.set(name, type);
  }
  return map;
}
