import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LiveService } from '../service.js';
import { ApiError } from '../http-common/api-error.js';
import { kpiSnapshot } from '../metrics/kpi-snapshot.js';
import { LiveFeed } from './live-feed.js';
import { dashboardPage } from './page.js';
import { closeSession, expiredCookie, openSession, sessionCookie, sessionIsValid } from './sessions.js';

/** Keeps proxies from closing an idle event stream. */
const HEARTBEAT_MS = 15_000;

/**
 * The live KPI dashboard at `/`: the page itself is public (it holds no
 * data); its figures come from /dashboard/data and /dashboard/stream, which
 * need the session cookie that POST /dashboard/session sets for a read token.
 */
export function dashboardRoutes(app: FastifyInstance, service: LiveService, log: (line: string) => void): void {
  const feed = new LiveFeed(service.core, service.options.outcomeField, (e) =>
    log(`leadscore serve: dashboard figures failed: ${(e as Error).message}`),
  );
  const streams = new Set<() => void>();
  // preClose, not onClose: the server waits for open connections, and an event stream never ends by itself.
  app.addHook('preClose', async () => {
    feed.stop();
    for (const end of streams) end();
  });

  const requireSession = async (request: FastifyRequest): Promise<void> => {
    if (!(await sessionIsValid(service.core.db, service.tokens, request.headers.cookie, Date.now()))) {
      throw new ApiError(401, 'unauthorized', 'sign in on the dashboard with a read token');
    }
  };

  app.get('/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'",
      )
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(dashboardPage()),
  );

  app.post('/dashboard/session', async (request, reply) => {
    const token = (request.body as { token?: unknown } | null)?.token;
    const outcome =
      typeof token === 'string'
        ? await openSession(service.core.db, service.tokens, token, Date.now())
        : { ok: false as const, message: 'send {"token":"…"}' };
    if (!outcome.ok) throw new ApiError(401, 'unauthorized', outcome.message);
    const secure = request.protocol === 'https';
    return reply.header('set-cookie', sessionCookie(outcome.cookie, secure)).send({ signed_in: true });
  });

  app.post('/dashboard/sign-out', async (request, reply) => {
    await closeSession(service.core.db, request.headers.cookie);
    return reply.header('set-cookie', expiredCookie()).send({ signed_in: false });
  });

  app.get('/dashboard/data', async (request) => {
    await requireSession(request);
    return kpiSnapshot(service.core, service.options.outcomeField);
  });

  app.get('/dashboard/stream', async (request, reply) => {
    await requireSession(request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const unsubscribe = feed.subscribe((snapshot) =>
      res.write(`event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`),
    );
    const end = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(end);
      res.end();
    };
    streams.add(end);
    request.raw.on('close', end);
  });
}
