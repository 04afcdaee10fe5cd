/**
 * `npm run bench`: the figures of the README's performance section, each a
 * ratio against a baseline measured in the same run on the same data.
 *  1. Compiled scorer vs a handwritten loop, the model of rules/b2b-saas.score, 100,000 leads
 *     with about 12 events each (target: at least 0.8x).
 *  2. Checking and compiling a generated 1,000-rule file, warm (target: < 100 ms).
 *  3. Streaming `leadscore score`: peak memory at two sizes (flat with leads).
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSource, type SchemaHost } from '../compiler/check-source.js';
import { instantiateScorer } from '../compiler/codegen/js-function.js';
import { generateScorerSource } from '../compiler/codegen/js-scorer.js';
import { generateExampleData } from '../scripts/examples/generate.js';
import { handwrittenScore, type BenchEvent } from './handwritten-b2b-saas.js';
import { bestOf, fmt, median } from './measure.js';
import { measureStreaming } from './streaming-memory.js';
import { thousandRuleFile } from './thousand-rules.js';
import { measurePeers } from './peers.js';
import { measureDuckDBSql } from './duckdb-sql.js';
import { measureLarge } from './large.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rulesDir = join(root, 'rules');
const host: SchemaHost = { readSchema: (p) => ({ file: p, text: readFileSync(resolve(rulesDir, p), 'utf8') }) };
const LEADS = Number(process.env['BENCH_LEADS'] ?? 100_000);

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
}

async function scorerThroughput(): Promise<void> {
  console.log(`\n1. Scoring throughput: rules/b2b-saas.score, ${fmt(LEADS)} generated leads`);
  const data = generateExampleData({ leads: LEADS, seed: 7 });
  const now = Date.parse('2026-11-01T00:00:00+09:00');
  const byLead = new Map<string, BenchEvent[]>();
  for (const e of data.events) {
    const list = byLead.get(e.lead_id) ?? [];
    list.push({ ...e, at: Date.parse(e.at) });
    byLead.set(e.lead_id, list);
  }
  const leads = data.leads as unknown as Record<string, unknown>[];
  const eventsOf = leads.map((l) => byLead.get(l.id as string) ?? []);
  console.log(`   ${fmt(data.events.length)} events (${fmt(data.events.length / LEADS, 1)} per lead)`);

  const checked = checkSource(readFileSync(join(rulesDir, 'b2b-saas.score'), 'utf8'), host);
  if (!checked.program) throw new Error('rules/b2b-saas.score has errors');
  const scorer = instantiateScorer(checked.program);

  // The two must agree before their speeds mean anything.
  for (let i = 0; i < leads.length; i++) {
    const a = scorer.score(leads[i]!, eventsOf[i]!, now);
    const b = handwrittenScore(leads[i]!, eventsOf[i]!, now);
    if (JSON.stringify(a) !== JSON.stringify(b))
      throw new Error(`lead ${i}: compiled ${JSON.stringify(a)} != handwritten ${JSON.stringify(b)}`);
  }

  let sink = 0;
  const runCompiled = () => {
    for (let i = 0; i < leads.length; i++) sink += scorer.score(leads[i]!, eventsOf[i]!, now).score;
  };
  const runHandwritten = () => {
    for (let i = 0; i < leads.length; i++) sink += handwrittenScore(leads[i]!, eventsOf[i]!, now).score;
  };
  // Alternate the two so drift in machine load hits both alike.
  const compiledTimes: number[] = [];
  const handTimes: number[] = [];
  for (let round = 0; round < 7; round++) {
    compiledTimes.push(bestOf(1, runCompiled));
    handTimes.push(bestOf(1, runHandwritten));
  }
  const compiled = Math.min(...compiledTimes);
  const hand = Math.min(...handTimes);
  const rate = (ms: number) => fmt((LEADS / ms) * 1000);
  console.log(`   handwritten loop : ${fmt(hand, 1)} ms  (${rate(hand)} leads/s)  [baseline]`);
  console.log(`   compiled scorer  : ${fmt(compiled, 1)} ms  (${rate(compiled)} leads/s)`);
  console.log(`   ratio            : ${fmt(hand / compiled, 2)}x the handwritten loop's throughput (target >= 0.80)`);
  const explainTime = bestOf(3, () => {
    for (let i = 0; i < leads.length; i++) sink += scorer.explain(leads[i]!, eventsOf[i]!, now).reasons.length;
  });
  console.log(`   explain (reasons): ${fmt(explainTime, 1)} ms  (${rate(explainTime)} leads/s)`);
  if (sink === 0.5) console.log('');

  const peerLeads = Math.min(LEADS, Number(process.env['BENCH_PEER_LEADS'] ?? 10_000));
  console.log(
    `\n1b. Peers on the first ${fmt(peerLeads)} of these leads (bench/peers.ts), and the DuckDB SQL path on all of them`,
  );
  await measurePeers(scorer, leads, eventsOf, now, peerLeads);
  await measureDuckDBSql(checked.program, scorer, data, eventsOf, now, compiled);
}

function compileTime(): void {
  console.log('\n2. Checking and compiling a generated 1,000-rule file (warm)');
  const source = thousandRuleFile(1000);
  const run = () => {
    const checked = checkSource(source, host);
    if (!checked.program)
      throw new Error(`generated file has errors: ${checked.diagnostics.find((d) => d.severity === 'error')?.message}`);
    instantiateScorer(checked.program);
    return checked;
  };
  const checked = run();
  const warnings = checked.diagnostics.length;
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  const generated = generateScorerSource(checked.program!).length;
  console.log(`   ${fmt(source.length)} characters, ${warnings} warnings, ${fmt(generated)} characters of JS`);
  console.log(
    `   parse + check + generate + instantiate: median ${fmt(median(times), 1)} ms, best ${fmt(Math.min(...times), 1)} ms (target < 100 ms)`,
  );
}

console.log(`leadscore bench on ${machine()}`);
await scorerThroughput();
compileTime();
await measureStreaming(root);
if (process.env['BENCH_LARGE']) await measureLarge(root);
