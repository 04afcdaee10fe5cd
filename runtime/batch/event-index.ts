import type { SchemaModel } from '../../compiler/schema/model.js';
import type { Validators } from '../../compiler/schema/validators.js';
import { eventColumnTypes } from '../records/column-types.js';
import { readRecordBatches, type DataFormat } from '../readers/open.js';
import { leadKey, prepareEvent } from '../prepare-records.js';
import type { EventReads } from '../../compiler/analysis/event-reads.js';
import { EventStore } from './event-store.js';
import type { RejectedRecord } from './rejects.js';

/**
 * Events from their own file, validated one by one and grouped by
 * `lead_id`. This is the one part of a run held in memory: events arrive in
 * any order, so they are grouped before the leads stream past. They are held
 * in columns (EventStore: about 20 bytes per event plus the kept property
 * values; see docs/performance.md). Leads themselves are never held.
 */
export async function indexEvents(
  path: string,
  format: DataFormat,
  options: {
    schema?: SchemaModel;
    validators?: Validators;
    timeZone?: string;
    eventReads?: EventReads;
    onReject: (r: RejectedRecord) => void;
  },
): Promise<EventStore> {
  const store = new EventStore(options.eventReads);
  const { validators, timeZone } = options;
  for await (const batch of await readRecordBatches(path, format, eventColumnTypes(options.schema))) {
    for (const record of batch) {
      if (!record.ok) {
        options.onReject({
          file: path,
          record: record.recordNumber,
          line: record.line,
          kind: 'event',
          reason: record.reason,
          data: record.raw,
        });
        continue;
      }
      const leadId = Object.hasOwn(record.value, 'lead_id') ? record.value.lead_id : undefined;
      const idProblem =
        typeof leadId === 'string' || (typeof leadId === 'number' && Number.isFinite(leadId))
          ? undefined
          : leadId === undefined || leadId === null
            ? 'lead_id is required'
            : `lead_id must be a text or a number (got ${JSON.stringify(leadId)})`;
      const prepared = prepareEvent(record.value, validators, timeZone, idProblem === undefined ? [] : [idProblem]);
      if (!prepared.ok) {
        options.onReject({
          file: path,
          record: record.recordNumber,
          line: record.line,
          kind: 'event',
          reason: prepared.reasons.join('; '),
          data: record.value,
        });
        continue;
      }
      store.add(leadKey(leadId), prepared.value);
    }
  }
  return store;
}
