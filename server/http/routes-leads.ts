import type { FastifyInstance } from 'fastify';
import { leadKey } from '../../runtime/prepare-records.js';
import type { LiveService } from '../service.js';
import { getLead, getLeadEvents, getLeadHistory, listLeads } from '../scoring/read-leads.js';
import { postEvents } from '../scoring/write-events.js';
import { postLeads, putLead } from '../scoring/write-leads.js';
import { ApiError } from '../http-common/api-error.js';
import { decodeCursor, encodeCursor, instantParam, limitParam, stringParam } from '../http-common/query-params.js';
import { MAX_BATCH } from '../http-common/batch-limit.js';

type IdParams = { Params: { id: string } };

export function leadRoutes(app: FastifyInstance, service: LiveService): void {
  const core = service.core;

  app.put<IdParams>('/v1/leads/:id', { config: { scope: 'write' } }, async (request) => {
    const outcome = await putLead(core, leadKey(request.params.id), request.body);
    if (!outcome.ok)
      throw new ApiError(400, 'invalid_lead', 'the lead does not fit the schema: nothing was stored', outcome.reasons);
    return outcome.score;
  });

  app.post('/v1/leads', { config: { scope: 'write' } }, async (request) => ({
    results: await postLeads(core, batchOf(request.body, 'leads')),
  }));

  app.post('/v1/events', { config: { scope: 'write' } }, async (request) => ({
    results: await postEvents(core, batchOf(request.body, 'events')),
  }));

  app.get<IdParams>('/v1/leads/:id', { config: { scope: 'read' } }, async (request) => {
    const score = await getLead(core, request.params.id);
    if (!score) throw unknownLead(request.params.id);
    return score;
  });

  app.get<IdParams>('/v1/leads/:id/events', { config: { scope: 'read' } }, async (request) => {
    const items = await getLeadEvents(core, request.params.id);
    if (!items) throw unknownLead(request.params.id);
    return { items };
  });

  app.get<IdParams & { Querystring: Record<string, unknown> }>(
    '/v1/leads/:id/history',
    { config: { scope: 'read' } },
    async (request) => {
      const page = await getLeadHistory(
        core,
        request.params.id,
        limitParam(request.query.limit),
        decodeCursor(request.query.cursor),
      );
      if (!page) throw unknownLead(request.params.id);
      return { items: page.items, next: page.next === null ? null : encodeCursor(page.next) };
    },
  );

  app.get<{ Querystring: Record<string, unknown> }>('/v1/leads', { config: { scope: 'read' } }, async (request) => {
    const q = request.query;
    const tier = stringParam('tier', q.tier);
    const changedSince = instantParam('changed_since', q.changed_since, core.timeZone);
    const after = decodeCursor(q.cursor);
    const page = await listLeads(core, {
      limit: limitParam(q.limit),
      ...(tier !== undefined && { tier }),
      ...(changedSince !== undefined && { changedSince }),
      ...(after !== undefined && { after }),
    });
    return { items: page.items, next: page.next === null ? null : encodeCursor(page.next) };
  });
}

function batchOf(body: unknown, key: 'leads' | 'events'): unknown[] {
  const list =
    body !== null && typeof body === 'object' && !Array.isArray(body) && Object.hasOwn(body, key)
      ? (body as Record<string, unknown>)[key]
      : undefined;
  if (!Array.isArray(list)) throw new ApiError(400, 'invalid_request', `the body must be {"${key}":[…]}`);
  if (list.length > MAX_BATCH)
    throw new ApiError(
      413,
      'batch_too_large',
      `at most ${MAX_BATCH} ${key} per request (got ${list.length}): split the batch`,
    );
  return list;
}

function unknownLead(id: string): ApiError {
  return new ApiError(404, 'unknown_lead', `no lead ${JSON.stringify(id)} is stored`);
}
