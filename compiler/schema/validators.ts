/**
 * Validates leads and events against the schema file, with reasons a
 * marketer can act on (`employees must be >= 0 (got -5)`). Browser-safe.
 * Each JSON Schema is compiled once, when the validators are created.
 */
import type { ValidateFunction } from 'ajv';
import { didYouMean, suggest } from '../suggest.js';
import { createAjv, draftOf, type Draft } from './ajv-instance.js';
import { explainErrors } from './explain-errors.js';
import type { SchemaModel } from './model.js';
import { EVENT_ENVELOPE } from '../../grammar/ast.js';

export interface Validators {
  /** Reasons `lead` is invalid; empty when valid. Its nested `events` are not looked at. */
  validateLead(lead: unknown): string[];
  /** Reasons an event of `type` with these properties is invalid; empty when valid. */
  validateEvent(type: string, props: Record<string, unknown>): string[];
}

export function compileValidators(model: SchemaModel): Validators {
  const ajvs = new Map<Draft, ReturnType<typeof createAjv>>();
  const compile = (schema: object): ValidateFunction => {
    const draft = draftOf(schema);
    let ajv = ajvs.get(draft);
    if (ajv === undefined) ajvs.set(draft, (ajv = createAjv(draft)));
    return ajv.compile(schema);
  };
  const lead = compile(model.leadSchema);
  const events = new Map<string, ValidateFunction>();
  for (const [name, schema] of model.eventSchemas) events.set(name, compile(schema));
  const eventNames = [...events.keys()];

  return {
    validateLead(value) {
      const reasons = leadIdReasons(value);
      if (!isRecord(value)) return reasons;
      const data = Object.hasOwn(value, 'events') ? withoutKeys(value, ['events']) : value;
      // When the id itself is wrong, the schema's complaints about it only repeat that.
      if (!lead(data))
        reasons.push(
          ...explainErrors(lead.errors ?? [], 'the lead').filter((r) => reasons.length === 0 || !/^id /.test(r)),
        );
      return [...new Set(reasons)];
    },
    validateEvent(type, props) {
      const validate = events.get(type);
      if (validate === undefined) {
        const list = eventNames.length === 0 ? 'none' : eventNames.join(', ');
        return [
          `unknown event type ${JSON.stringify(type)}${didYouMean(suggest(type, eventNames))} (the schema's events are: ${list})`,
        ];
      }
      const data = Object.keys(props).some((k) => EVENT_ENVELOPE.has(k)) ? withoutKeys(props, EVENT_ENVELOPE) : props;
      return validate(data) ? [] : [...new Set(explainErrors(validate.errors ?? [], 'the event'))];
    },
  };
}

/** Every lead needs an `id` that is a string or a number, with or without a schema. */
export function leadIdReasons(lead: unknown): string[] {
  if (!isRecord(lead))
    return [
      `a lead must be an object with fields (got ${Array.isArray(lead) ? 'a list' : (JSON.stringify(lead) ?? String(lead))})`,
    ];
  const id = Object.hasOwn(lead, 'id') ? lead.id : undefined;
  if (id === undefined || id === null || id === '') return ['id is required'];
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id)))
    return [`id must be a text or a number (got ${JSON.stringify(id)})`];
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A shallow copy without some keys; `__proto__` stays an own property. Runs
 * once per event (every event has `type` and `at`), so it avoids a Set and a
 * property definition per key: plain assignment is exact for every other key.
 */
function withoutKeys(value: Record<string, unknown>, drop: Iterable<string>): Record<string, unknown> {
  const skip = drop instanceof Set ? (drop as ReadonlySet<string>) : new Set(drop);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (skip.has(key)) continue;
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value: value[key], writable: true, enumerable: true, configurable: true });
    else copy[key] = value[key];
  }
  return copy;
}
