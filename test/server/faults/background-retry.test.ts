/**
 * Background re-scoring after a rules change when the PostgreSQL server goes
 * away under it: the failure is reported, and the work is retried with
 * backoff on its own (no new rules, no request) until the server is back and
 * every lead is on the current rules.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { postEvents } from '../../../server/scoring/write-events.js';
import { LiveService } from '../../../server/service.js';
import type { Database } from '../../../server/store/database.js';
import { openPostgres } from '../../../server/store/postgres-database.js';
import { PG_URL, requirePostgres } from '../../sql/postgres-harness.js';
import { CuttableProxy } from './cuttable-proxy.js';
import { freshSchema, type TestSchema } from './pg-schema.js';
import { RULES, tokensFile, removeTempDirs } from './serve-process.js';

let schema: TestSchema | undefined;
let proxy: CuttableProxy | undefined;
let service: LiveService | undefined;
let db: Database | undefined;
afterEach(async () => {
  await service?.close().catch(() => undefined);
  await db?.close().catch(() => undefined);
  await proxy?.cut().catch(() => undefined);
  await schema?.drop();
  service = schema = proxy = db = undefined;
  removeTempDirs();
});

const until = async (condition: () => Promise<boolean>, what: string): Promise<void> => {
  for (let i = 0; i < 600; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('background re-scoring when the database goes away', () => {
  it('reports the failure, retries with backoff and finishes once the server is back', async (context) => {
    requirePostgres(context);
    schema = await freshSchema();
    const target = new URL(PG_URL!);
    proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.restore();
    const log: string[] = [];
    db = await openPostgres(proxy.via(schema.url));
    service = await LiveService.open({
      rulesPath: RULES,
      database: db,
      tokensFile: tokensFile(),
      clock: 'manual',
      log: (line) => void log.push(line),
    });
    await service.setClock(Date.parse('2026-06-01T00:00:00Z'));
    const events = Array.from({ length: 50 }, (_, n) => ({
      id: `e${n}`,
      lead_id: `L${n}`,
      type: 'email_open',
      at: '2026-05-30T00:00:00Z',
      campaign: 'nl',
    }));
    await postEvents(service.core, events);
    // Every score made by a version that is not current, as after a rules change.
    await schema.client.query(`UPDATE scores SET rules_version = 'an-older-version'`);
    const stale = async (): Promise<number> =>
      Number(
        (
          await schema!.client.query(`SELECT count(*)::int AS n FROM scores WHERE rules_version <> $1`, [
            service!.core.registry.current.version,
          ])
        ).rows[0].n,
      );
    expect(await stale()).toBe(50);

    await proxy.cut();
    service.background.kick();
    await until(async () => log.length >= 2, 'two failed runs reported');
    expect(log.join('\n')).toMatch(/background work failed, will retry/);
    expect(await stale()).toBe(50);

    await proxy.restore();
    // No kick, no request: the retry alone finishes the work.
    await until(async () => (await stale()) === 0, 'every lead on the current rules');
    const history = await schema.client.query(
      `SELECT count(*)::int AS n FROM history WHERE cause LIKE '%"kind":"rules"%'`,
    );
    expect(Number(history.rows[0].n)).toBe(0); // the same rules: scores unchanged, so no history row
    await service.background.idle();
  }, 120_000);
});
