/**
 * Turns a case's lead and events into what the scorer takes, validating them
 * against the rule file's schema as `leadscore score` does. A test lead or
 * event that the schema rejects is a failure of that case, with the line it
 * is written on — never a crash, and never scored as if it were valid.
 * Browser-safe.
 */
import type { Validators } from '../../compiler/schema/validators.js';
import { prepareEvent, prepareLead, type PreparedEvent } from '../prepare-records.js';
import { isRelativeTime, resolveTestTime } from './relative-time.js';
import type { TestCase, TestProblem } from './types.js';

export interface CaseInputs {
  readonly lead: Record<string, unknown>;
  readonly events: PreparedEvent[];
}

export interface PrepareOptions {
  readonly validators: Validators | undefined;
  readonly timeZone: string | undefined;
  /** The case's as-of instant, epoch ms. */
  readonly asOf: number;
  /** False when neither the file nor the case sets `as_of` (then absolute event times are refused). */
  readonly asOfGiven: boolean;
}

export type PreparedCase =
  { readonly ok: true; readonly inputs: CaseInputs } | { readonly ok: false; readonly problems: TestProblem[] };

export function prepareCase(testCase: TestCase, options: PrepareOptions): PreparedCase {
  const problems: TestProblem[] = [];
  const lead = prepareLead(testCase.lead.value, options.validators);
  if (!lead.ok)
    for (const reason of lead.reasons) problems.push({ line: testCase.lead.line, message: `lead: ${reason}` });
  else if (Object.hasOwn(lead.value, 'events')) {
    problems.push({
      line: testCase.lead.line,
      message: 'lead: write the events under the case\'s "events:", not inside the lead',
    });
  }
  const events: PreparedEvent[] = [];
  testCase.events.forEach((event, index) => {
    const prepared = prepareTestEvent(event.value, options);
    const label = `event ${index + 1}${typeOf(event.value)}`;
    if (prepared.ok) events.push(prepared.value);
    else for (const reason of prepared.reasons) problems.push({ line: event.line, message: `${label}: ${reason}` });
  });
  if (problems.length > 0 || !lead.ok) return { ok: false, problems };
  return { ok: true, inputs: { lead: lead.value, events } };
}

function prepareTestEvent(
  value: unknown,
  options: PrepareOptions,
): { ok: true; value: PreparedEvent } | { ok: false; reasons: string[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      reasons: [
        `an event must be a mapping such as { type: page_view, at: 3d ago, url: /pricing } (got ${JSON.stringify(value) ?? String(value)})`,
      ],
    };
  }
  const record = value as Record<string, unknown>;
  const at = Object.hasOwn(record, 'at') ? record.at : undefined;
  const reasons: string[] = [];
  let ms = options.asOf;
  if (at === undefined || at === null || at === '') {
    reasons.push('at is required: when the event happened, e.g. 3d ago');
  } else {
    const resolved = resolveTestTime(at, options.asOf, options.timeZone);
    if (!resolved.ok) reasons.push(`at ${resolved.reason}`);
    else {
      ms = resolved.ms;
      if (!options.asOfGiven && typeof at === 'string' && !isRelativeTime(at)) {
        reasons.push(
          `at ${JSON.stringify(at)} is an absolute time but the case has no as_of, so the result would change as time passes: set as_of (for the file or the case), or write the time as e.g. 3d ago`,
        );
      }
    }
  }
  // prepareEvent checks type and the schema; `at` is handed over already resolved.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record))
    Object.defineProperty(copy, key, { value: record[key], writable: true, enumerable: true, configurable: true });
  copy.at = new Date(ms).toISOString();
  const prepared = prepareEvent(copy, options.validators, 'UTC');
  if (!prepared.ok) reasons.push(...prepared.reasons);
  if (reasons.length > 0 || !prepared.ok) return { ok: false, reasons };
  return { ok: true, value: prepared.value };
}

function typeOf(value: unknown): string {
  const type =
    typeof value === 'object' && value !== null && Object.hasOwn(value, 'type')
      ? (value as { type: unknown }).type
      : undefined;
  return typeof type === 'string' && type !== '' ? ` (${type})` : '';
}
