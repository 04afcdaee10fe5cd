import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { authorize, type Scope } from '../auth/tokens.js';
import type { LiveService } from '../service.js';
import { isDatabaseUnavailable } from '../store/database-unavailable.js';
import { ApiError } from '../http-common/api-error.js';
import { parseJsonBody } from './json-body.js';
import { adminRoutes } from './routes-admin.js';
import { leadRoutes } from './routes-leads.js';
import { dashboardRoutes } from '../dashboard/routes-dashboard.js';
import { metricsRoutes } from '../metrics/routes-metrics.js';
import { segmentRoutes } from '../segment/routes-segment.js';
import { webhookRoutes } from '../webhooks/routes-webhooks.js';

/** Largest request body (a batch of leads or events, a rule file). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The token scope a route needs; routes without one are public. */
    scope?: Scope;
  }
}

/**
 * The HTTP API over a LiveService: JSON in and out, bearer tokens checked
 * before the body is read, one error shape for every failure.
 */
export function buildApp(
  service: LiveService,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: { maxParamLength: 2048 },
    return503OnClosing: true,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request) => {
    const scope = request.routeOptions.config.scope;
    if (scope === undefined) return;
    const outcome = authorize(service.tokens, request.headers.authorization, scope);
    if (!outcome.ok)
      throw new ApiError(outcome.status, outcome.status === 401 ? 'unauthorized' : 'forbidden', outcome.message);
  });

  app.setErrorHandler((error: FastifyError | ApiError, _request, reply) => {
    if (!(error instanceof ApiError) && isDatabaseUnavailable(error)) {
      log(`leadscore serve: the database cannot be reached: ${error.message}`);
      const api = new ApiError(
        503,
        'database_unavailable',
        'the database cannot be reached: nothing of this request was stored; send it again in a few seconds',
      );
      return reply.status(503).header('Retry-After', '5').send(api.body());
    }
    const api = error instanceof ApiError ? error : fromFastify(error);
    if (api.status >= 500)
      log(
        `leadscore serve: internal error: ${error.message}${process.env['LEADSCORE_DEBUG'] ? `\n${error.stack}` : ''}`,
      );
    if (api.status === 401) reply.header('WWW-Authenticate', 'Bearer');
    return reply.status(api.status).send(api.body());
  });
  app.setNotFoundHandler((request, reply) => {
    const api = new ApiError(404, 'not_found', `no such endpoint: ${request.method} ${request.url.split('?')[0]}`);
    return reply.status(404).send(api.body());
  });

  adminRoutes(app, service);
  leadRoutes(app, service);
  metricsRoutes(app, service);
  webhookRoutes(app, service.core.db, () => service.dispatcher.kick());
  segmentRoutes(app, service);
  dashboardRoutes(app, service, log);
  return app;
}

function fromFastify(error: FastifyError): ApiError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(
        413,
        'body_too_large',
        `the body is larger than ${MAX_BODY_BYTES} bytes: nothing was stored; split the batch`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        415,
        'unsupported_media_type',
        'send JSON (Content-Type: application/json), or for /v1/rules text/plain',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'invalid_json', 'the body is empty: send JSON');
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new ApiError(status, 'bad_request', error.message);
  return new ApiError(
    500,
    'internal_error',
    'the service failed on this request; nothing was stored unless an earlier answer said so',
  );
}
