import type { SchemaModel } from '../../compiler/schema/model.js';
import type { Validators } from '../../compiler/schema/validators.js';
import { leadColumnTypes } from '../records/column-types.js';
import { readRecordBatches, type DataFormat } from '../readers/open.js';
import { leadKey, prepareEvent, prepareLead, type PreparedEvent } from '../prepare-records.js';
import type { ExplainedScore, Scorer } from '../../core/score-result.js';
import { indexEvents } from './event-index.js';
import type { EventReads } from '../../compiler/analysis/event-reads.js';
import type { RejectedRecord } from './rejects.js';

export interface ScoredLead extends ExplainedScore {
  readonly id: unknown;
}

export interface BatchOptions {
  readonly scorer: Scorer;
  readonly schema?: SchemaModel;
  readonly validators?: Validators;
  readonly leads: { readonly path: string; readonly format: DataFormat };
  readonly events?: { readonly path: string; readonly format: DataFormat };
  /**
   * The event properties the scorer reads (eventReadsOf(program)): only these
   * of the events file are held in memory. Absent, events are held whole
   * (for a scorer that combines several programs).
   */
  readonly eventReads?: EventReads;
  /** The as-of instant, epoch ms. */
  readonly now: number;
  readonly timeZone?: string;
  /**
   * Receives each scored lead in input order; a returned promise (output
   * backpressure) is awaited. The second argument is the lead record as
   * scored (after validation and CSV type conversion), for callers that need
   * fields the result does not carry (the report's outcome and cohort).
   */
  readonly onResult: (lead: ScoredLead, record: Readonly<Record<string, unknown>>) => void | Promise<void>;
  readonly onReject: (reject: RejectedRecord) => void;
  /** Called every few hundred leads with the lead records and the bytes of the leads file read so far. */
  readonly onProgress?: (leadRecords: number, bytes: number) => void;
}

export interface BatchSummary {
  readonly leadRecords: number;
  readonly scored: number;
  readonly invalidLeads: number;
  readonly invalidEvents: number;
  readonly events: number;
  /** Valid events in the events file whose lead_id matched no lead. */
  readonly unmatchedEvents: number;
  readonly unmatchedExample?: string;
}

/**
 * Scores a leads file, streaming: one lead is read, validated, scored and
 * handed on before the next is read, so memory does not grow with the number
 * of leads. Invalid records are handed to `onReject` and never scored as if
 * valid; a lead with an invalid event is scored from its valid events.
 */
export async function scoreFile(options: BatchOptions): Promise<BatchSummary> {
  const { scorer, validators, now, timeZone } = options;
  let invalidLeads = 0;
  let invalidEvents = 0;
  const reject = (r: RejectedRecord): void => {
    if (r.kind === 'lead') invalidLeads++;
    else invalidEvents++;
    options.onReject(r);
  };
  // Open the leads file before reading events, so a missing file fails fast.
  let bytes = 0;
  const leadBatches = await readRecordBatches(
    options.leads.path,
    options.leads.format,
    leadColumnTypes(options.schema),
    (n) => (bytes += n),
  );
  const store = options.events
    ? await indexEvents(options.events.path, options.events.format, { ...options, onReject: reject })
    : undefined;
  let read = 0;
  let scored = 0;
  const file = options.leads.path;
  for await (const batch of leadBatches) {
    for (const record of batch) {
      read++;
      if (options.onProgress && read % 500 === 0) options.onProgress(read, bytes);
      if (!record.ok) {
        reject({
          file,
          record: record.recordNumber,
          line: record.line,
          kind: 'lead',
          reason: record.reason,
          data: record.raw,
        });
        continue;
      }
      const lead = prepareLead(record.value, validators);
      if (!lead.ok) {
        // Its events are not "unmatched": their lead exists, it is invalid.
        const id = record.value.id;
        if (store && (typeof id === 'string' || typeof id === 'number')) store.markSeen(leadKey(id));
        reject({
          file,
          record: record.recordNumber,
          line: record.line,
          kind: 'lead',
          reason: lead.reasons.join('; '),
          data: record.value,
        });
        continue;
      }
      const events: PreparedEvent[] = [];
      const nested = lead.value.events;
      if (Array.isArray(nested)) {
        nested.forEach((raw, index) => {
          const event = prepareEvent(raw, validators, timeZone);
          if (event.ok) events.push(event.value);
          else
            reject({
              file,
              record: record.recordNumber,
              line: record.line,
              kind: 'event',
              event: index + 1,
              reason: event.reasons.join('; '),
              data: raw,
            });
        });
      }
      store?.appendEventsOf(leadKey(lead.value.id), events);
      const result = scorer.explain(lead.value, events, now);
      scored++;
      const pending = options.onResult({ id: lead.value.id, ...result }, lead.value);
      if (pending) await pending;
    }
  }
  options.onProgress?.(read, bytes);
  const unmatched = store?.unmatched();
  return {
    leadRecords: read,
    scored,
    invalidLeads,
    invalidEvents,
    events: store?.count ?? 0,
    unmatchedEvents: unmatched?.events ?? 0,
    ...(unmatched?.example !== undefined && { unmatchedExample: unmatched.example }),
  };
}
