/**
 * BENCH_LARGE=1: the end-to-end run at scale. Generates leads and events as
 * JSON Lines in a temp dir (BENCH_LARGE_LEADS, default 1,000,000 leads, about
 * 12 events each), then runs `leadscore score` with the JavaScript engine and
 * with the DuckDB engine: wall time, leads/s and peak RSS (via /usr/bin/time).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateExampleData } from '../rules/generate-examples.js';
import { fmt } from './measure.js';

const CHUNK = 50_000;

async function writeData(dir: string, leads: number): Promise<{ events: number }> {
  const leadOut = createWriteStream(join(dir, 'leads.jsonl'));
  const eventOut = createWriteStream(join(dir, 'events.jsonl'));
  let events = 0;
  const put = (stream: ReturnType<typeof createWriteStream>, text: string): Promise<void> | undefined =>
    stream.write(text) ? undefined : new Promise((resolve) => stream.once('drain', () => resolve()));
  // Generated in chunks (different seeds, ids made unique) so memory stays flat.
  for (let start = 0; start < leads; start += CHUNK) {
    const data = generateExampleData({ leads: Math.min(CHUNK, leads - start), seed: 7 + start });
    const prefix = `C${start / CHUNK}-`;
    await put(leadOut, data.leads.map((l) => JSON.stringify({ ...l, id: prefix + l.id })).join('\n') + '\n');
    await put(eventOut, data.events.map((e) => JSON.stringify({ ...e, lead_id: prefix + e.lead_id })).join('\n') + '\n');
    events += data.events.length;
  }
  await Promise.all([leadOut, eventOut].map((s) => new Promise((resolve) => s.end(resolve))));
  return { events };
}

export async function measureLarge(root: string): Promise<void> {
  const leads = Number(process.env['BENCH_LARGE_LEADS'] ?? 1_000_000);
  console.log(`\n4. End to end at scale (BENCH_LARGE): ${fmt(leads)} leads`);
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-large-'));
  try {
    let start = performance.now();
    const { events } = await writeData(dir, leads);
    const mb = (statSync(join(dir, 'leads.jsonl')).size + statSync(join(dir, 'events.jsonl')).size) / 2 ** 20;
    console.log(`   generated ${fmt(events)} events, ${fmt(mb)} MiB of JSON Lines in ${fmt((performance.now() - start) / 1000, 1)} s`);
    const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    for (const engine of ['js', 'duckdb']) {
      const args = [join(root, 'bin/leadscore.js'), 'score', join(root, 'rules/b2b-saas.score'), '--leads', join(dir, 'leads.jsonl'), '--events', join(dir, 'events.jsonl'), '--as-of', '2026-11-01T00:00:00+09:00', '--engine', engine, '--out', join(dir, `out-${engine}.jsonl`)];
      start = performance.now();
      const run = timeBin ? spawnSync(timeBin, ['-f', 'maxrss_kb=%M', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
      const seconds = (performance.now() - start) / 1000;
      const rss = /maxrss_kb=(\d+)/.exec(run.stderr ?? '')?.[1];
      console.log(`   --engine ${engine.padEnd(6)}: exit ${run.status}, ${fmt(seconds, 1)} s, ${fmt(leads / seconds)} leads/s, peak RSS ${rss ? `${fmt(Number(rss) / 1024)} MiB` : 'n/a'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
