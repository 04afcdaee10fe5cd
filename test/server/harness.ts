/**
 * Starts the live service in this process for tests: the real store (PGlite
 * in memory, or a fresh schema on the PostgreSQL server of
 * LEADSCORE_PG_URL) and the real HTTP app, driven with fastify's inject.
 * PGlite takes many seconds to start, so a test file opens one service and
 * its tests use their own lead ids.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/http/app.js';
import { LiveService, type ServiceOptions } from '../../server/service.js';
import { openPglite } from '../../server/store/pglite-database.js';
import { openPostgres } from '../../server/store/postgres-database.js';
import type { Database } from '../../server/store/database.js';
import { PG_URL } from '../sql/postgres-harness.js';

export const SCHEMA = {
  lead: {
    type: 'object',
    required: ['id'],
    properties: {
      id: { type: ['string', 'number'] },
      employees: { type: 'integer', minimum: 0 },
      role: { enum: ['部長', '課長', '担当者'] },
    },
  },
  events: {
    page_view: { type: 'object', properties: { url: { type: 'string' } } },
    email_open: {},
    form_reach: {},
  },
};

export const RULES = `schema "./lead.schema.json"
group 属性 {
  when employees >= 100 +20 "規模"
  when role = 部長 +25 "決裁者"
}
group 行動 {
  on email_open +5 each max 20 within 7d "メール開封"
  on page_view where url contains "/pricing" +30 within 30d "料金ページ"
  on form_reach +40 "フォーム"
  after 30d inactive -10 "休眠"
}
tier MQL >= 60
tier 中関心 >= 20
tier 低関心 otherwise
`;

export interface TestService {
  readonly service: LiveService;
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly dir: string;
  readonly rulesPath: string;
  /** The admin token created on first start. */
  readonly token: string;
  request(
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    body?: unknown,
    options?: { token?: string | null; contentType?: string },
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export type Backend = 'pglite' | 'postgres';

export async function openDatabase(backend: Backend): Promise<Database> {
  if (backend === 'pglite') return openPglite(undefined);
  const schema = `t_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return openPostgres(url.toString());
}

export async function startTestService(
  backend: Backend,
  options: { rules?: string; clock?: 'system' | 'manual'; timeZone?: string; database?: Database } = {},
): Promise<TestService> {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-serve-'));
  writeFileSync(join(dir, 'lead.schema.json'), JSON.stringify(SCHEMA));
  const rulesPath = join(dir, 'rules.score');
  writeFileSync(rulesPath, options.rules ?? RULES);
  const db = options.database ?? (await openDatabase(backend));
  const serviceOptions: ServiceOptions = {
    rulesPath,
    database: db,
    clock: options.clock ?? 'manual',
    ...(options.timeZone && { timeZone: options.timeZone }),
    log: () => undefined,
  };
  const service = await LiveService.open(serviceOptions);
  const app = buildApp(service, () => undefined);
  const token = service.createdToken!;
  return {
    service,
    app,
    db,
    dir,
    rulesPath,
    token,
    async request(method, url, body, opts = {}) {
      const headers: Record<string, string> = {};
      const auth = opts.token === undefined ? token : opts.token;
      if (auth !== null) headers.authorization = `Bearer ${auth}`;
      let payload: string | undefined;
      if (body !== undefined) {
        headers['content-type'] = opts.contentType ?? 'application/json';
        payload = typeof body === 'string' ? body : JSON.stringify(body);
      }
      const response = await app.inject({ method, url, headers, ...(payload !== undefined && { payload }) });
      return { status: response.statusCode, body: response.body.length > 0 ? JSON.parse(response.body) : undefined };
    },
    async close() {
      await app.close();
      await service.close();
      if (!options.database) await db.close();
    },
  };
}
