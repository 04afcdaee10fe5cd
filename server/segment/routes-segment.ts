import type { FastifyInstance } from 'fastify';
import type { LiveService } from '../service.js';
import { ApiError } from '../http-common/api-error.js';
import { MAX_BATCH } from '../http-common/batch-limit.js';
import { postSegment } from './post-segment.js';

/** POST /v1/segment (write scope): one Segment call, or `{"batch":[calls]}`; per-call results, as /v1/events answers. */
export function segmentRoutes(app: FastifyInstance, service: LiveService): void {
  app.post('/v1/segment', { config: { scope: 'write' } }, async (request) => {
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new ApiError(
        400,
        'invalid_request',
        'the body must be a Segment call ({"type":"track",…}) or {"batch":[calls]}',
      );
    const calls = Object.hasOwn(body, 'batch') ? (body as { batch: unknown }).batch : [body];
    if (!Array.isArray(calls)) throw new ApiError(400, 'invalid_request', 'batch must be a list of calls');
    if (calls.length > MAX_BATCH)
      throw new ApiError(
        413,
        'batch_too_large',
        `at most ${MAX_BATCH} calls per request (got ${calls.length}): split the batch`,
      );
    return { results: await postSegment(service.core, calls, service.options.segmentMap) };
  });
}
