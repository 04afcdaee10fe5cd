import { leadKey } from '../../runtime/prepare-records.js';
import { readLeadRecord } from '../store/lead-rows.js';
import type { ServiceCore } from '../scoring/core.js';
import { postEvents } from '../scoring/write-events.js';
import { postLeads } from '../scoring/write-leads.js';
import type { SegmentMap } from './segment-map.js';
import { translateCall } from './segment-calls.js';

export type SegmentResult = {
  readonly index: number;
  readonly messageId: unknown;
  readonly type: 'track' | 'identify' | null;
  readonly status: 'stored' | 'duplicate' | 'invalid';
  readonly errors?: string[];
};

/**
 * POST /v1/segment: identify calls first (their traits merged into the
 * stored lead, as Segment's identify means), then track calls, each through
 * the service's own lead and event writes, so validation and scoring are
 * exactly those of /v1/leads and /v1/events.
 */
export async function postSegment(
  core: ServiceCore,
  calls: readonly unknown[],
  map: SegmentMap | undefined,
): Promise<SegmentResult[]> {
  const results: SegmentResult[] = new Array(calls.length);
  const leads: { index: number; record: Record<string, unknown> }[] = [];
  const events: { index: number; event: Record<string, unknown> }[] = [];
  for (const [index, call] of calls.entries()) {
    const t = translateCall(call, map);
    if (t.kind === 'invalid') {
      const type = (call as { type?: unknown } | null)?.type;
      results[index] = {
        index,
        messageId: t.messageId,
        type: type === 'track' || type === 'identify' ? type : null,
        status: 'invalid',
        errors: t.reasons,
      };
    } else if (t.kind === 'lead') {
      const stored = await readLeadRecord(core.db, leadKey(t.userId));
      leads.push({ index, record: { ...stored, ...t.traits, id: stored?.id ?? t.userId } });
      results[index] = { index, messageId: t.messageId, type: 'identify', status: 'stored' };
    } else {
      events.push({ index, event: t.event });
      results[index] = { index, messageId: t.messageId, type: 'track', status: 'stored' };
    }
  }
  if (leads.length > 0) {
    const outcome = await postLeads(
      core,
      leads.map((l) => l.record),
    );
    outcome.forEach((r, i) => {
      const index = leads[i]!.index;
      if (r.status === 'invalid') results[index] = { ...results[index]!, status: 'invalid', errors: r.errors ?? [] };
    });
  }
  if (events.length > 0) {
    const outcome = await postEvents(
      core,
      events.map((e) => e.event),
    );
    outcome.forEach((r, i) => {
      const index = events[i]!.index;
      results[index] = { ...results[index]!, status: r.status, ...(r.errors && { errors: r.errors }) };
    });
  }
  return results;
}
