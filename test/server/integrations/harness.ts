/**
 * Test plumbing for the service's integrations (webhooks, Segment, metrics,
 * dashboard): a LiveService on rules/b2b-saas.score with a manual clock, an
 * HTTP app driven in-process (inject), known tokens, and a loopback
 * receiver whose behaviour each test scripts per try.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/http/app.js';
import { LiveService, type ServiceOptions } from '../../../server/service.js';

export const RULES = resolve(import.meta.dirname, '../../../rules/b2b-saas.score');
export const TOKENS = {
  read: 'read-token-for-tests',
  write: 'write-token-for-tests',
  admin: 'admin-token-for-tests',
} as const;

export function tokensFile(dir: string): string {
  const path = join(dir, 'tokens.json');
  const sha = (t: string): string => createHash('sha256').update(t).digest('hex');
  writeFileSync(
    path,
    JSON.stringify({
      tokens: Object.entries(TOKENS).map(([scope, token]) => ({ name: scope, sha256: sha(token), scopes: [scope] })),
    }),
  );
  return path;
}

export interface Running {
  readonly service: LiveService;
  readonly app: FastifyInstance;
  readonly dir: string;
  close(): Promise<void>;
}

/** A service in a fresh temp directory (or `dir`, to reopen one), clock at `now`. */
export async function startService(
  extra: Partial<ServiceOptions> = {},
  dir = mkdtempSync(join(tmpdir(), 'leadscore-h13-')),
  now = '2026-11-01T00:00:00Z',
): Promise<Running> {
  const service = await LiveService.open({
    rulesPath: RULES,
    dataDir: join(dir, 'data'),
    tokensFile: tokensFile(dir),
    clock: 'manual',
    timeZone: 'Asia/Tokyo',
    log: () => undefined,
    ...extra,
  });
  const app = buildApp(service, () => undefined);
  await app.ready();
  const current = await service.core.clock.now(service.core.db);
  if (current < Date.parse(now)) await service.setClock(Date.parse(now));
  return {
    service,
    app,
    dir,
    async close() {
      await app.close();
      await service.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function call(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; json: any; text: string }> {
  const res = await app.inject({
    method,
    url,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { payload: JSON.stringify(body) }),
  });
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, json, text: res.body };
}

/** Leads that pass through tiers: a decision maker at a target company, then a pricing-page view and a form. */
export function lead(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `山田 ${id}`,
    company: `株式会社${id}`,
    employees: 500,
    industry: '製造業',
    role: '部長',
    ...extra,
  };
}

export type Behaviour = 'ok' | 'refuse' | 'hang' | 'close';

export interface ReceivedRequest {
  readonly delivery: string;
  readonly signature: string | undefined;
  readonly body: string;
  /** 1 for the first request with this delivery id. */
  readonly tryNumber: number;
  readonly answered: Behaviour;
}

/** A loopback receiver: `behave(delivery id, try number)` decides each answer. */
export class Receiver {
  readonly requests: ReceivedRequest[] = [];
  private server: Server | undefined;
  private readonly open = new Set<import('node:net').Socket>();
  port = 0;

  constructor(public behave: (delivery: string, tryNumber: number) => Behaviour) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async listen(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      const delivery = String(req.headers['x-leadscore-delivery'] ?? '');
      const tryNumber = this.requests.filter((r) => r.delivery === delivery).length + 1;
      const behaviour = this.behave(delivery, tryNumber);
      if (behaviour === 'close') {
        // Mid-request: read a little of the body, then drop the connection without an answer.
        req.once('data', () => req.socket.destroy());
        this.requests.push({
          delivery,
          signature: header(req, 'x-leadscore-signature'),
          body: '',
          tryNumber,
          answered: behaviour,
        });
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests.push({
          delivery,
          signature: header(req, 'x-leadscore-signature'),
          body: Buffer.concat(chunks).toString('utf8'),
          tryNumber,
          answered: behaviour,
        });
        if (behaviour === 'ok') res.writeHead(200).end('ok');
        else if (behaviour === 'refuse') res.writeHead(503).end('busy');
        // 'hang': never answer; the sender's timeout ends the try.
      });
    });
    this.server.on('connection', (s) => {
      this.open.add(s);
      s.on('close', () => this.open.delete(s));
    });
    await new Promise<void>((ok) => this.server!.listen(port, '127.0.0.1', ok));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const s of this.open) s.destroy();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    this.server = undefined;
  }

  delivered(): Set<string> {
    return new Set(this.requests.filter((r) => r.answered === 'ok').map((r) => r.delivery));
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Retries quick enough for tests: the same code path, shorter waits. */
export const FAST_RETRY = { baseDelayMs: 20, maxDelayMs: 80, timeoutMs: 2000, deadAfterMs: 600_000 };

/** PGlite takes 15–20 s to open on a busy machine: one service per test file. */
export const OPEN_TIMEOUT = 180_000;
