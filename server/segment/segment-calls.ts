import type { SegmentMap } from './segment-map.js';

/**
 * A Segment-spec call (track or identify; RudderStack and others send the
 * same shape) as one of the service's own records, so that it is validated
 * and scored exactly like a record sent to /v1/events or /v1/leads:
 * messageId → event id, userId → lead id, event → event type (through the
 * map), properties → event properties, traits → lead fields, timestamp → at.
 */
export type TranslatedCall =
  | { readonly kind: 'event'; readonly messageId: unknown; readonly event: Record<string, unknown> }
  | {
      readonly kind: 'lead';
      readonly messageId: unknown;
      readonly userId: string | number;
      readonly traits: Record<string, unknown>;
    }
  | { readonly kind: 'invalid'; readonly messageId: unknown; readonly reasons: string[] };

const ENVELOPE = ['id', 'lead_id', 'type', 'at'] as const;

export function translateCall(call: unknown, map: SegmentMap | undefined): TranslatedCall {
  if (call === null || typeof call !== 'object' || Array.isArray(call)) {
    return {
      kind: 'invalid',
      messageId: null,
      reasons: [
        `a call must be a JSON object with type, userId and messageId (got ${JSON.stringify(call) ?? String(call)})`,
      ],
    };
  }
  const c = call as Record<string, unknown>;
  const own = (key: string): unknown => (Object.hasOwn(c, key) ? c[key] : undefined);
  const messageId = own('messageId') ?? null;
  const reasons: string[] = [];
  const userId = own('userId');
  if (!isId(userId)) {
    reasons.push(
      userId === undefined || userId === null || userId === ''
        ? own('anonymousId') !== undefined
          ? 'userId is required: an anonymous visitor (anonymousId only) is not a lead yet; send identify with a userId once they sign up'
          : 'userId is required: it is the lead id'
        : `userId must be a text or a number (got ${JSON.stringify(userId)})`,
    );
  }
  const type = own('type');
  if (type === 'identify') {
    const traits = own('traits') ?? {};
    if (traits === null || typeof traits !== 'object' || Array.isArray(traits))
      reasons.push(`traits must be an object of lead fields (got ${JSON.stringify(traits)})`);
    if (reasons.length > 0) return { kind: 'invalid', messageId, reasons };
    return { kind: 'lead', messageId, userId: userId as string | number, traits: traits as Record<string, unknown> };
  }
  if (type !== 'track') {
    return {
      kind: 'invalid',
      messageId,
      reasons: [
        `type ${JSON.stringify(type ?? null)} is not taken here: only track and identify calls are scored (send page views as track events named in --segment-map)`,
      ],
    };
  }
  if (!isId(messageId)) reasons.push('messageId is required: it is the event id, so a call sent twice is counted once');
  const event = own('event');
  let mapped: string | undefined;
  if (typeof event !== 'string' || event === '')
    reasons.push('event is required: the name of what happened, such as "Pricing Viewed"');
  else if (!map)
    reasons.push(
      `event "${event}" cannot be scored: the service was started without --segment-map, which names the event type of each Segment event`,
    );
  else {
    mapped = map.get(event);
    if (mapped === undefined) {
      const known = [...map.keys()]
        .slice(0, 8)
        .map((k) => `"${k}"`)
        .join(', ');
      reasons.push(
        `event "${event}" is not in the Segment map: add it to the --segment-map file with its event type (the map names ${known || 'no events'})`,
      );
    }
  }
  const properties = own('properties') ?? {};
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties))
    reasons.push(`properties must be an object (got ${JSON.stringify(properties)})`);
  else
    for (const key of ENVELOPE)
      if (Object.hasOwn(properties, key))
        reasons.push(`properties.${key} clashes with the event's own ${key}: rename the property in the source`);
  const at = own('timestamp') ?? own('originalTimestamp');
  if (at === undefined || at === null) reasons.push('timestamp is required: when the event happened (ISO 8601)');
  if (reasons.length > 0) return { kind: 'invalid', messageId, reasons };
  return {
    kind: 'event',
    messageId,
    event: { ...(properties as Record<string, unknown>), id: messageId, lead_id: userId, type: mapped, at },
  };
}

function isId(value: unknown): value is string | number {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value));
}
