import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateExampleData } from '../scripts/examples/generate.js';
import { nestEvents } from '../scripts/examples/serialise.js';
import { fmt } from './measure.js';

/**
 * Peak memory of `leadscore score` at two sizes: leads with nested events
 * (streamed: memory should stay flat), and leads with a separate events file
 * (events are grouped in memory: grows with events, by design).
 */
export async function measureStreaming(root: string): Promise<void> {
  console.log('\n3. Streaming: peak memory (max RSS) of `leadscore score`');
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-bench-'));
  try {
    const rows: string[] = [];
    for (const leads of [20_000, 80_000]) {
      const data = generateExampleData({ leads, seed: 11 });
      const nested = join(dir, `nested-${leads}.jsonl`);
      writeFileSync(
        nested,
        nestEvents(data, leads)
          .map((l) => JSON.stringify(l))
          .join('\n') + '\n',
      );
      const leadsFile = join(dir, `leads-${leads}.jsonl`);
      const eventsFile = join(dir, `events-${leads}.jsonl`);
      writeFileSync(leadsFile, data.leads.map((l) => JSON.stringify(l)).join('\n') + '\n');
      writeFileSync(eventsFile, data.events.map((e) => JSON.stringify(e)).join('\n') + '\n');
      const a = run(root, dir, ['--leads', nested]);
      const b = run(root, dir, ['--leads', leadsFile, '--events', eventsFile]);
      // With the heap capped far below the data's size the run still completes: memory is bounded, not growing with leads.
      const c = run(root, dir, ['--leads', nested], ['--max-old-space-size=48']);
      rows.push(
        `   ${fmt(leads).padStart(7)} leads, ${fmt(data.events.length).padStart(9)} events | nested: ${a} | nested, heap capped at 48 MiB: ${c} | events file: ${b}`,
      );
    }
    rows.forEach((r) => console.log(r));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(root: string, dir: string, args: string[], nodeFlags: string[] = []): string {
  const rssFile = join(dir, 'rss.txt');
  const script = `
    const { main } = await import(${JSON.stringify(join(root, 'dist/cli/main.js'))});
    const start = performance.now();
    await main(['node', 'leadscore', ...process.argv.slice(1)]);
    process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, JSON.stringify({ rss: process.resourceUsage().maxRSS, ms: performance.now() - start })));
  `;
  const result = spawnSync(
    process.execPath,
    [
      ...nodeFlags,
      '--input-type=module',
      '-e',
      script.replace("require('node:fs')", 'process.getBuiltinModule("node:fs")'),
      '--',
      'score',
      join(root, 'rules/b2b-saas.score'),
      '--as-of',
      '2026-11-01',
      '--out',
      join(dir, 'out.jsonl'),
      ...args,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`leadscore score failed (${result.status}): ${result.stderr}`);
  const { rss, ms } = JSON.parse(readFileSync(rssFile, 'utf8')) as { rss: number; ms: number };
  return `${fmt(rss / 1024)} MiB, ${fmt(ms / 1000, 1)} s`;
}
