import type { FastifyInstance } from 'fastify';
import type { LiveService } from '../service.js';
import { backlog } from '../webhooks/delivery-store.js';
import { kpiSnapshot } from './kpi-snapshot.js';
import { RequestMetrics } from './request-metrics.js';

/**
 * GET /v1/metrics (read): the dashboard's figures as JSON.
 * GET /metrics (read, Bearer as Prometheus' `authorization` sends it): request
 * rates and latencies, pending re-scores and the webhook backlog, in the
 * Prometheus text format.
 */
export function metricsRoutes(app: FastifyInstance, service: LiveService): void {
  const requests = new RequestMetrics();
  requests.install(app);

  app.get('/v1/metrics', { config: { scope: 'read' } }, async () =>
    kpiSnapshot(service.core, service.options.outcomeField),
  );

  app.get('/metrics', { config: { scope: 'read' } }, async (_request, reply) => {
    const health = await service.health();
    const queue = await backlog(service.core.db);
    const gauges = [
      '# HELP leadscore_pending_rescores Leads with a change due or a re-score queued (0 when idle).',
      '# TYPE leadscore_pending_rescores gauge',
      `leadscore_pending_rescores ${health.pending}`,
      '# HELP leadscore_webhook_backlog Webhook deliveries not yet delivered: waiting for a try, dead-lettered, or tier changes not yet turned into deliveries.',
      '# TYPE leadscore_webhook_backlog gauge',
      `leadscore_webhook_backlog{state="pending"} ${queue.pending}`,
      `leadscore_webhook_backlog{state="dead"} ${queue.dead}`,
      `leadscore_webhook_backlog{state="not_fanned_out"} ${queue.notFannedOut}`,
      '# HELP leadscore_rules_info The running rules version.',
      '# TYPE leadscore_rules_info gauge',
      `leadscore_rules_info{rules_version="${health.rules_version}"} 1`,
    ];
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(`${requests.text()}${gauges.join('\n')}\n`);
  });
}
