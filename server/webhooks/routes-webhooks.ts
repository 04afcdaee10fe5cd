import type { FastifyInstance } from 'fastify';
import type { Database } from '../store/database.js';
import { ApiError } from '../http-common/api-error.js';
import { decodeCursor, encodeCursor, limitParam, stringParam } from '../http-common/query-params.js';
import { listDeliveries, redeliver, type DeliveryStatus } from './delivery-queries.js';

/**
 * The deliveries, for people and scripts: what is pending, delivered and
 * dead-lettered (read scope), and a redelivery of any of them (admin).
 */
export function webhookRoutes(app: FastifyInstance, db: Database, kick: () => void): void {
  app.get<{ Querystring: Record<string, unknown> }>(
    '/v1/webhooks/deliveries',
    { config: { scope: 'read' } },
    async (request) => {
      const status = stringParam('status', request.query.status);
      if (status !== undefined && status !== 'pending' && status !== 'delivered' && status !== 'dead') {
        throw new ApiError(
          400,
          'invalid_query',
          `status must be pending, delivered or dead (got ${JSON.stringify(status)})`,
        );
      }
      const after = decodeCursor(request.query.cursor);
      const page = await listDeliveries(db, {
        limit: limitParam(request.query.limit),
        ...(status && { status: status as DeliveryStatus }),
        ...(after !== undefined && { after }),
      });
      return { items: page.items, next: page.next === null ? null : encodeCursor(page.next) };
    },
  );

  app.post<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/v1/webhooks/deliveries/:id/redeliver',
    { config: { scope: 'admin' } },
    async (request) => {
      const webhook = stringParam('webhook', request.query.webhook);
      const queued = await redeliver(db, request.params.id, webhook, Date.now());
      if (queued === 0)
        throw new ApiError(
          404,
          'unknown_delivery',
          `no delivery ${JSON.stringify(request.params.id)}${webhook ? ` to webhook ${webhook}` : ''}: the ids are in GET /v1/webhooks/deliveries`,
        );
      kick();
      return { id: request.params.id, queued };
    },
  );
}
