import type { SchemaModel } from '../../compiler/schema/model.js';
import type { Validators } from '../../compiler/schema/validators.js';
import { eventColumnTypes } from '../readers/column-types.js';
import { readRecords, type DataFormat } from '../readers/open.js';
import { leadKey, prepareEvent, type PreparedEvent } from '../prepare-records.js';
import type { RejectedRecord } from './rejects.js';

/**
 * Events from their own file, grouped by `lead_id`. This is the one part of
 * a run held in memory: events arrive in any order, so they are grouped
 * before the leads stream past (about 200 bytes per event; see the README's
 * performance section). Leads themselves are never held.
 */
export async function indexEvents(
  path: string,
  format: DataFormat,
  options: { schema?: SchemaModel; validators?: Validators; timeZone?: string; onReject: (r: RejectedRecord) => void },
): Promise<{ byLead: Map<string, PreparedEvent[]>; count: number }> {
  const byLead = new Map<string, PreparedEvent[]>();
  let count = 0;
  for await (const record of await readRecords(path, format, eventColumnTypes(options.schema))) {
    if (!record.ok) {
      options.onReject({ file: path, record: record.recordNumber, line: record.line, kind: 'event', reason: record.reason, data: record.raw });
      continue;
    }
    const leadId = Object.hasOwn(record.value, 'lead_id') ? record.value.lead_id : undefined;
    const reasons: string[] = [];
    if (typeof leadId !== 'string' && !(typeof leadId === 'number' && Number.isFinite(leadId))) {
      reasons.push(leadId === undefined || leadId === null ? 'lead_id is required' : `lead_id must be a text or a number (got ${JSON.stringify(leadId)})`);
    }
    const prepared = prepareEvent(record.value, options.validators, options.timeZone);
    if (!prepared.ok) reasons.push(...prepared.reasons);
    if (reasons.length > 0 || !prepared.ok) {
      options.onReject({ file: path, record: record.recordNumber, line: record.line, kind: 'event', reason: reasons.join('; '), data: record.value });
      continue;
    }
    const key = leadKey(leadId);
    const list = byLead.get(key);
    if (list) list.push(prepared.value);
    else byLead.set(key, [prepared.value]);
    count++;
  }
  return { byLead, count };
}
