import type { FastifyInstance } from 'fastify';
import { parseInstant } from '../../core/time.js';
import type { LiveService } from '../service.js';
import { ClockBackwardsError } from '../store/clock.js';
import { ApiError } from '../http-common/api-error.js';
import { diagnosticJson } from './diagnostic-json.js';

export function adminRoutes(app: FastifyInstance, service: LiveService): void {
  app.get('/healthz', async () => service.health());

  app.post('/v1/rules', { config: { scope: 'admin' } }, async (request) => {
    if (!Buffer.isBuffer(request.body))
      throw new ApiError(415, 'unsupported_media_type', 'send the rule file as text/plain');
    const outcome = await service.replaceRules(new Uint8Array(request.body));
    if (!outcome.ok) {
      throw new ApiError(
        422,
        'rules_have_errors',
        'the rule file has errors: the running rules are unchanged',
        outcome.diagnostics.map((d) => diagnosticJson(d, 'rules')),
      );
    }
    return {
      rules_version: outcome.rules.version,
      impact: outcome.impact,
      warnings: outcome.warnings.map((d) => diagnosticJson(d, 'rules')),
    };
  });

  app.post<{ Body: unknown }>('/v1/clock', { config: { scope: 'admin' } }, async (request) => {
    if (service.core.clock.mode !== 'manual')
      throw new ApiError(
        409,
        'clock_not_manual',
        'the clock moves only with --clock manual; this service runs on the system clock',
      );
    const body = request.body as { now?: unknown } | null;
    const text = body !== null && typeof body === 'object' ? body.now : undefined;
    const to = typeof text === 'string' ? parseInstant(text, service.core.timeZone) : undefined;
    if (to === undefined)
      throw new ApiError(
        400,
        'invalid_request',
        'the body must be {"now":"<ISO 8601 time>"}, such as {"now":"2026-11-01T09:00:00Z"}',
      );
    try {
      return await service.setClock(to);
    } catch (e) {
      if (e instanceof ClockBackwardsError)
        throw new ApiError(409, 'clock_backwards', e.message, [{ now: new Date(e.current).toISOString() }]);
      throw e;
    }
  });
}
