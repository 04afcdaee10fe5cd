/**
 * BENCH_LARGE=1: the end-to-end run at scale. Generates leads and events as
 * JSON Lines in a temp dir (BENCH_LARGE_LEADS, default 1,000,000 leads, about
 * 12 events each), then runs `leadscore score` with the JavaScript engine and
 * with the DuckDB engine: wall time, leads/s, CPU time and peak RSS (via
 * /usr/bin/time), and checks that both wrote the same scores.
 *
 * BENCH_LARGE_DIR=DIR uses (and keeps) DIR/leads.jsonl and DIR/events.jsonl,
 * generating them only when missing: generation writes ~1.5 GB and takes
 * minutes, so repeated measurements reuse it.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generateExampleData } from '../scripts/examples/generate.js';
import { fmt } from './measure.js';

const CHUNK = 50_000;

export async function writeLargeData(dir: string, leads: number): Promise<{ events: number }> {
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
    await put(
      eventOut,
      data.events.map((e) => JSON.stringify({ ...e, lead_id: prefix + e.lead_id })).join('\n') + '\n',
    );
    events += data.events.length;
  }
  await Promise.all([leadOut, eventOut].map((s) => new Promise((resolve) => s.end(resolve))));
  return { events };
}

async function countLines(path: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity }))
    if (line !== '') n++;
  return n;
}

/** Both engines' outputs, line by line, without `reasons` (the DuckDB engine leaves them empty): the first difference, if any. */
async function firstDifference(a: string, b: string): Promise<string | undefined> {
  const left = createInterface({ input: createReadStream(a), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const right = createInterface({ input: createReadStream(b), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const strip = (line: string | undefined): string | undefined =>
    line === undefined ? undefined : line.replace(/,"reasons":\[.*\]\}$/, '}');
  for (let n = 1; ; n++) {
    const [x, y] = await Promise.all([left.next(), right.next()]);
    if (x.done && y.done) return undefined;
    if (strip(x.value as string | undefined) !== strip(y.value as string | undefined))
      return `line ${n}: ${x.value} vs ${y.value}`;
  }
}

export async function measureLarge(root: string): Promise<void> {
  const leads = Number(process.env['BENCH_LARGE_LEADS'] ?? 1_000_000);
  const keep = process.env['BENCH_LARGE_DIR'];
  console.log(`\n4. End to end at scale (BENCH_LARGE): ${fmt(leads)} leads`);
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'leadscore-large-'));
  if (keep) mkdirSync(keep, { recursive: true });
  const leadsFile = join(dir, 'leads.jsonl');
  const eventsFile = join(dir, 'events.jsonl');
  try {
    let start = performance.now();
    let events: number;
    if (keep && existsSync(leadsFile) && existsSync(eventsFile)) {
      events = await countLines(eventsFile);
      console.log(`   reusing ${dir} (${fmt(await countLines(leadsFile))} leads)`);
    } else {
      events = (await writeLargeData(dir, leads)).events;
      console.log(`   generated in ${fmt((performance.now() - start) / 1000, 1)} s`);
    }
    const mb = (statSync(leadsFile).size + statSync(eventsFile).size) / 2 ** 20;
    console.log(`   ${fmt(events)} events, ${fmt(mb)} MiB of JSON Lines`);
    const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    const seconds = new Map<string, number>();
    for (const engine of ['js', 'duckdb']) {
      const args = [
        join(root, 'bin/leadscore.js'),
        'score',
        join(root, 'rules/b2b-saas.score'),
        '--leads',
        leadsFile,
        '--events',
        eventsFile,
        '--as-of',
        '2026-11-01T00:00:00+09:00',
        '--engine',
        engine,
        '--out',
        join(dir, `out-${engine}.jsonl`),
      ];
      start = performance.now();
      const run = timeBin
        ? spawnSync(timeBin, ['-f', 'maxrss_kb=%M cpu_s=%U+%S', process.execPath, ...args], { encoding: 'utf8' })
        : spawnSync(process.execPath, args, { encoding: 'utf8' });
      const wall = (performance.now() - start) / 1000;
      seconds.set(engine, wall);
      const rss = /maxrss_kb=(\d+)/.exec(run.stderr ?? '')?.[1];
      const cpu = /cpu_s=([\d.]+)\+([\d.]+)/.exec(run.stderr ?? '');
      const cpuText = cpu ? `, CPU ${fmt(Number(cpu[1]) + Number(cpu[2]), 1)} s` : '';
      console.log(
        `   --engine ${engine.padEnd(6)}: exit ${run.status}, ${fmt(wall, 1)} s, ${fmt(leads / wall)} leads/s${cpuText}, peak RSS ${rss ? `${fmt(Number(rss) / 1024)} MiB` : 'n/a'}`,
      );
      if (run.status !== 0) console.log(run.stderr);
    }
    const difference = await firstDifference(join(dir, 'out-js.jsonl'), join(dir, 'out-duckdb.jsonl'));
    console.log(`   outputs ${difference === undefined ? 'equal (scores, tiers, groups)' : `DIFFER at ${difference}`}`);
    console.log(`   DuckDB vs JS end to end: ${fmt(seconds.get('js')! / seconds.get('duckdb')!, 2)}x (target >= 2)`);
  } finally {
    if (keep) for (const engine of ['js', 'duckdb']) rmSync(join(dir, `out-${engine}.jsonl`), { force: true });
    else rmSync(dir, { recursive: true, force: true });
  }
}
