import { leadKey, prepareEvent, prepareLead } from '../../runtime/prepare-records.js';
import type { RuleSet } from '../rule-versions/rule-set.js';

/**
 * The service's records are valid exactly when `leadscore score` would take
 * them: the same schema validators and time reading (prepare-records). The
 * service adds only its envelope: an event's `id` and `lead_id`.
 */

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reasons: string[] };

export interface ValidLead {
  readonly key: string;
  /** The lead as stored and scored, JSON. */
  readonly record: Record<string, unknown>;
}

export interface ValidEvent {
  readonly key: string;
  readonly leadId: string | number;
  readonly eventId: string;
  readonly id: string | number;
  readonly type: string;
  readonly at: number;
  /** The event as sent, stored whole. */
  readonly record: Record<string, unknown>;
}

/** A lead for PUT /v1/leads/{id} (`pathId` set: the body's id may be left out) or POST /v1/leads. */
export function checkLead(body: unknown, rules: RuleSet, pathId?: string): Checked<ValidLead> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      reasons: [
        `a lead must be a JSON object with fields (got ${Array.isArray(body) ? 'a list' : JSON.stringify(body)})`,
      ],
    };
  }
  let record = body as Record<string, unknown>;
  if (pathId !== undefined) {
    if (!Object.hasOwn(record, 'id')) record = { id: pathId, ...record };
    else if (isId(record.id) && leadKey(record.id) !== pathId) {
      return {
        ok: false,
        reasons: [
          `id ${JSON.stringify(record.id)} does not match the lead in the address (${JSON.stringify(pathId)}): send the lead to /v1/leads/${encodeURIComponent(leadKey(record.id))}`,
        ],
      };
    }
  }
  const reasons: string[] = [];
  if (Object.hasOwn(record, 'events'))
    reasons.push('events are sent on their own to POST /v1/events, each with an id, not inside the lead');
  const prepared = prepareLead(record, rules.validators);
  if (!prepared.ok) reasons.push(...prepared.reasons);
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, value: { key: leadKey(record.id as string | number), record } };
}

/** An event for POST /v1/events: the envelope `id`, `lead_id`, `type`, `at`, then its properties. */
export function checkEvent(body: unknown, rules: RuleSet, timeZone: string | undefined): Checked<ValidEvent> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      reasons: [
        `an event must be a JSON object with id, lead_id, type and at (got ${JSON.stringify(body) ?? String(body)})`,
      ],
    };
  }
  const record = body as Record<string, unknown>;
  const envelope: string[] = [];
  const id = Object.hasOwn(record, 'id') ? record.id : undefined;
  const leadId = Object.hasOwn(record, 'lead_id') ? record.lead_id : undefined;
  if (!isId(id))
    envelope.push(
      id === undefined || id === null || id === ''
        ? 'id is required: each event needs its own id, so a repeat is not counted twice'
        : `id must be a text or a number (got ${JSON.stringify(id)})`,
    );
  if (!isId(leadId))
    envelope.push(
      leadId === undefined || leadId === null || leadId === ''
        ? 'lead_id is required'
        : `lead_id must be a text or a number (got ${JSON.stringify(leadId)})`,
    );
  // `id` is envelope, not a property: the schema and `where` never see it. prepareEvent rewrites `at`, so it gets a copy.
  const { id: _id, ...properties } = record;
  const prepared = prepareEvent(properties, rules.validators, timeZone, envelope);
  if (!prepared.ok) return { ok: false, reasons: prepared.reasons };
  return {
    ok: true,
    value: {
      key: leadKey(leadId as string | number),
      leadId: leadId as string | number,
      eventId: leadKey(id as string | number),
      id: id as string | number,
      type: prepared.value.type,
      at: prepared.value.at,
      record,
    },
  };
}

function isId(value: unknown): value is string | number {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value));
}
