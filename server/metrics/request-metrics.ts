import type { FastifyInstance } from 'fastify';

/** Upper bounds (seconds) of the request-latency histogram. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

/**
 * Request counts and latencies per route template (`/v1/leads/:id`, never the
 * id itself, so the number of series stays bounded), method and status.
 */
export class RequestMetrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Series>();

  /** Counts every answered request of `app`. */
  install(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${method}",route="${escapeLabel(route)}"`;
    const counted = `${key},status="${status}"`;
    this.requests.set(counted, (this.requests.get(counted) ?? 0) + 1);
    let s = this.latency.get(key);
    if (!s) this.latency.set(key, (s = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) }));
    s.count++;
    s.sum += seconds;
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) s.buckets[i]!++;
    });
  }

  /** The Prometheus text exposition of the requests so far. */
  text(): string {
    const lines = [
      '# HELP leadscore_http_requests_total HTTP requests answered, by route template, method and status.',
      '# TYPE leadscore_http_requests_total counter',
    ];
    for (const [labels, n] of [...this.requests].sort()) lines.push(`leadscore_http_requests_total{${labels}} ${n}`);
    lines.push(
      '# HELP leadscore_http_request_duration_seconds Time to answer, by route template and method.',
      '# TYPE leadscore_http_request_duration_seconds histogram',
    );
    for (const [labels, s] of [...this.latency].sort()) {
      BUCKETS.forEach((b, i) =>
        lines.push(`leadscore_http_request_duration_seconds_bucket{${labels},le="${b}"} ${s.buckets[i]}`),
      );
      lines.push(`leadscore_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${s.count}`);
      lines.push(`leadscore_http_request_duration_seconds_sum{${labels}} ${s.sum}`);
      lines.push(`leadscore_http_request_duration_seconds_count{${labels}} ${s.count}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

export function escapeLabel(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}
