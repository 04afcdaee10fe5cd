/**
 * `npm run bench:serve` (also the last part of `npm run bench`): the live
 * service under load, on loopback, with the embedded database (PGlite) and,
 * when LEADSCORE_PG_URL is set, a PostgreSQL server (a fresh schema, dropped
 * afterwards). Three figures per backend:
 *  1. ingest, POST /v1/events with 100 events a request: first the capacity
 *     (4 clients sending as fast as they are answered: events/s), then a
 *     sustained rate (BENCH_SERVE_RATE events/s, default 5,000, open loop for
 *     BENCH_SERVE_INGEST_SECONDS, default 10): the rate achieved and the p99
 *     request latency (targets: keeps up with 5,000/s, p99 < 100 ms);
 *  2. single-event requests sent at 200 per second (open loop): p99 latency
 *     (target < 50 ms);
 *  3. N leads (BENCH_SERVE_LEADS, default 100,000) whose inactivity starts at
 *     the same instant: with the clock a second before that instant (so the
 *     earlier steps' leads have made their own changes) and the service
 *     idle (nothing pending, no webhook work left by loading), the time of
 *     the clock move that re-scores them all (target < 10 s).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fmt } from './measure.js';
import { openLoop } from './open-loop.js';
import { BENCH_TOKEN, percentile, send, startBenchServe, type BenchServe } from './serve-process.js';

const INGEST_EVENTS = Number(process.env['BENCH_SERVE_EVENTS'] ?? 50_000);
const INGEST_RATE = Number(process.env['BENCH_SERVE_RATE'] ?? 5_000);
const INGEST_SECONDS = Number(process.env['BENCH_SERVE_INGEST_SECONDS'] ?? 10);
const SINGLE_SECONDS = Number(process.env['BENCH_SERVE_SECONDS'] ?? 15);
const INACTIVE_LEADS = Number(process.env['BENCH_SERVE_LEADS'] ?? 100_000);
const CLIENTS = 4;
const T0 = Date.parse('2026-05-01T00:00:00Z');
const DAY = 86_400_000;
const TYPES = ['page_view', 'email_open', 'email_click', 'page_view', 'webinar_attend'];

function event(n: number, leads: number, atMs: number): Record<string, unknown> {
  return {
    id: `b${n}`,
    lead_id: `BL${n % leads}`,
    type: TYPES[n % TYPES.length],
    at: new Date(atMs).toISOString(),
    url: n % 7 === 0 ? '/pricing' : '/blog',
    campaign: 'nl',
  };
}

/** 4 clients, each sending its next batch of 100 as soon as the last is answered: the most the service takes. */
async function ingestCapacity(serve: BenchServe): Promise<void> {
  let next = 0;
  const latencies: number[] = [];
  const cpu = serve.cpuMs();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < INGEST_EVENTS) {
        const first = next;
        next += 100;
        const batch = Array.from({ length: Math.min(100, INGEST_EVENTS - first) }, (_, i) =>
          event(first + i, 10_000, T0 + ((first + i) % 1000) * 60_000),
        );
        latencies.push(await send(serve.url, 'POST', '/v1/events', { events: batch }));
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuPer1000 = ((serve.cpuMs() - cpu) / INGEST_EVENTS) * 1000;
  console.log(
    `   1a. ingest capacity, ${fmt(INGEST_EVENTS)} events in batches of 100, ${CLIENTS} clients as fast as answered: ${fmt(INGEST_EVENTS / seconds)} events/s (p50 ${fmt(percentile(latencies, 50), 1)} ms, p99 ${fmt(percentile(latencies, 99), 1)} ms with ${CLIENTS * 100} events always in flight); server CPU ${fmt(cpuPer1000, 1)} ms per 1,000 events`,
  );
}

/** Batches of 100 sent at INGEST_RATE events/s whatever the answers (open loop): does the service keep up, and how long does a request wait? */
async function sustainedIngest(serve: BenchServe): Promise<void> {
  const requests = Math.round((INGEST_RATE / 100) * INGEST_SECONDS);
  const cpu = serve.cpuMs();
  const { latencies, seconds } = await openLoop(requests, 100_000 / INGEST_RATE, (r) => {
    const first = INGEST_EVENTS + r * 100;
    const batch = Array.from({ length: 100 }, (_, i) => event(first + i, 10_000, T0 + ((first + i) % 1000) * 60_000));
    return send(serve.url, 'POST', '/v1/events', { events: batch });
  });
  console.log(
    `   1b. ingest at ${fmt(INGEST_RATE)} events/s, batches of 100 (open loop, ${fmt(requests)} requests): ${fmt((requests * 100) / seconds)} events/s achieved, p50 ${fmt(percentile(latencies, 50), 1)} ms, p99 ${fmt(percentile(latencies, 99), 1)} ms (targets: keeps up with 5,000/s, p99 < 100 ms); server CPU ${fmt(((serve.cpuMs() - cpu) / (requests * 100)) * 1000, 1)} ms per 1,000 events`,
  );
}

async function singleEvents(serve: BenchServe): Promise<void> {
  const count = SINGLE_SECONDS * 200;
  const cpu = serve.cpuMs();
  const { latencies, seconds } = await openLoop(count, 5, (i) =>
    send(serve.url, 'POST', '/v1/events', { events: [event(1_000_000 + i, 5_000, T0 + i * 1000)] }),
  );
  console.log(
    `   2. single events at 200/s, ${fmt(count)} requests: ${fmt(count / seconds)} requests/s achieved, p50 ${fmt(percentile(latencies, 50), 1)} ms, p99 ${fmt(percentile(latencies, 99), 1)} ms (target p99 < 50 ms); server CPU ${fmt((serve.cpuMs() - cpu) / count, 2)} ms per request`,
  );
}

/**
 * Waits until the service has nothing left to do (no re-score pending, every
 * tier change turned into deliveries and those delivered), so that what is
 * timed next is not sharing the machine with work left by earlier steps.
 * Resolves with the seconds waited; gives up after two minutes.
 */
async function untilIdle(serve: BenchServe): Promise<number> {
  const start = performance.now();
  for (;;) {
    const response = await fetch(`${serve.url}/metrics`, { headers: { authorization: `Bearer ${BENCH_TOKEN}` } });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`GET /metrics: ${response.status} ${text.slice(0, 300)}`);
    const busy = /^leadscore_(pending_rescores|webhook_backlog\{state="(pending|not_fanned_out)"\}) [1-9]/m.test(text);
    const waited = (performance.now() - start) / 1000;
    if (!busy) return waited;
    if (waited > 120) throw new Error(`the service was still busy after 120 s:\n${text}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function inactivityAtOnce(serve: BenchServe): Promise<void> {
  // The clock after every earlier event, then one event per new lead at the same instant.
  const at = T0 + 10 * DAY;
  await send(serve.url, 'POST', '/v1/clock', { now: new Date(at + DAY).toISOString() });
  const load = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < INACTIVE_LEADS) {
        const first = next;
        next += 1000;
        const batch = Array.from({ length: Math.min(1000, INACTIVE_LEADS - first) }, (_, i) => ({
          id: 'w',
          lead_id: `IN${first + i}`,
          type: 'whitepaper_download',
          at: new Date(at).toISOString(),
          title: 'bench',
        }));
        await send(serve.url, 'POST', '/v1/events', { events: batch });
      }
    }),
  );
  const loaded = (performance.now() - load) / 1000;
  // Up to a second before these leads' inactivity, untimed: the earlier steps' leads make their own changes due by then.
  await send(serve.url, 'POST', '/v1/clock', { now: new Date(at + 30 * DAY - 1000).toISOString() });
  const idle = await untilIdle(serve);
  // 30 days without activity: every one of these leads changes at the same instant.
  const start = performance.now();
  await send(serve.url, 'POST', '/v1/clock', { now: new Date(at + 31 * DAY).toISOString() });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `   3. ${fmt(INACTIVE_LEADS)} leads (loaded in ${fmt(loaded, 1)} s; the clock to a second before their inactivity, and ${fmt(idle, 1)} s until idle) whose inactivity starts at one instant: re-scored in ${fmt(seconds, 2)} s, ${fmt(INACTIVE_LEADS / seconds)} leads/s (target < 10 s; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
}

async function runAll(name: string, storageArgs: readonly string[], root: string): Promise<void> {
  console.log(`\n   ${name}`);
  const serve = await startBenchServe(root, storageArgs);
  try {
    await send(serve.url, 'POST', '/v1/clock', { now: new Date(T0 + 2 * DAY).toISOString() });
    // Each timed step starts with the service idle: no webhook fan-out or re-scoring left over from the one before.
    await ingestCapacity(serve);
    await untilIdle(serve);
    await sustainedIngest(serve);
    await untilIdle(serve);
    await singleEvents(serve);
    await inactivityAtOnce(serve);
  } finally {
    await serve.stop();
  }
}

export async function measureServe(root: string): Promise<void> {
  console.log(`\n4. leadscore serve on loopback (rules/b2b-saas.score, manual clock)`);
  const only = process.env['BENCH_SERVE_BACKEND'];
  if (only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-bench-pglite-'));
    try {
      await runAll(`embedded PGlite (${dir})`, ['--data-dir', dir], root);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const url = process.env['LEADSCORE_PG_URL'];
  if (only === 'pglite') return;
  if (!url) {
    console.log('\n   PostgreSQL: skipped (set LEADSCORE_PG_URL to measure it)');
    return;
  }
  const schema = `leadscore_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    await runAll(`PostgreSQL (${u.host}, schema ${schema})`, ['--database', u.toString()], root);
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await measureServe(resolve(dirname(fileURLToPath(import.meta.url)), '../..'));
}
