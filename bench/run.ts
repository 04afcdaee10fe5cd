/**
 * `npm run bench`: the figures of the README's performance section, each a
 * ratio against a baseline measured in the same run on the same data.
 *  1. Compiled scorer vs a handwritten loop, 100,000 leads with about 12
 *     events each: the example model (language version 2: a daily cap and a
 *     decay; target at least 0.9x) and the same model as it was in version 1
 *     (bench/b2b-saas-v1.score; target at least 1.0x).
 *  2. Checking and compiling a generated 1,000-rule file, warm (target: < 100 ms).
 *  3. Streaming `leadscore score`: peak memory at two sizes (flat with leads).
 *  4. `leadscore serve` under load (bench/serve.ts; alone: `npm run bench:serve`).
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
import { handwrittenScoreV2 } from './handwritten-b2b-saas-v2.js';
import { bestOf, fmt, median } from './measure.js';
import { measureStreaming } from './streaming-memory.js';
import { thousandRuleFile } from './thousand-rules.js';
import { measurePeers } from './peers.js';
import { measureDuckDBSql } from './duckdb-sql.js';
import { measureLarge } from './large.js';
import { measureServe } from './serve.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rulesDir = join(root, 'rules');
const host: SchemaHost = { readSchema: (p) => ({ file: p, text: readFileSync(resolve(rulesDir, p), 'utf8') }) };
const LEADS = Number(process.env['BENCH_LEADS'] ?? 100_000);

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
}

type Handwritten = (lead: Record<string, unknown>, events: readonly BenchEvent[], now: number) => { score: number };

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

  const v1 = checkSource(readFileSync(join(root, 'bench', 'b2b-saas-v1.score'), 'utf8'), host);
  if (!v1.program) throw new Error('bench/b2b-saas-v1.score has errors');
  console.log('   version 1 (bench/b2b-saas-v1.score: each max 20, no decay, no reset):');
  const v1Scorer = instantiateScorer(v1.program);
  compareWithHandwritten(v1Scorer, handwrittenScore, leads, eventsOf, now, 1.0);
  const checked = checkSource(readFileSync(join(rulesDir, 'b2b-saas.score'), 'utf8'), host);
  if (!checked.program) throw new Error('rules/b2b-saas.score has errors');
  const scorer = instantiateScorer(checked.program);
  console.log('   version 2 (rules/b2b-saas.score: max 10 per day, decay 50% every 30d, since last 失注):');
  const compiled = compareWithHandwritten(scorer, handwrittenScoreV2, leads, eventsOf, now, 0.9);
  let sink = 0;
  const rate = (ms: number) => fmt((LEADS / ms) * 1000);
  const explainTime = bestOf(3, () => {
    for (let i = 0; i < leads.length; i++) sink += scorer.explain(leads[i]!, eventsOf[i]!, now).reasons.length;
  });
  console.log(`   explain (reasons): ${fmt(explainTime, 1)} ms  (${rate(explainTime)} leads/s)`);
  if (sink === 0.5) console.log('');

  const peerLeads = Math.min(LEADS, Number(process.env['BENCH_PEER_LEADS'] ?? 10_000));
  // The peers implement the version-1 model (json-logic has no calendar periods): compare them with it.
  console.log(
    `\n1b. Peers on the first ${fmt(peerLeads)} of these leads (bench/peers.ts, the version-1 model), and the DuckDB SQL path (version 2) on all of them`,
  );
  await measurePeers(v1Scorer, leads, eventsOf, now, peerLeads);
  await measureDuckDBSql(checked.program, scorer, data, eventsOf, now, compiled);
}

/** The compiled scorer's time for all leads (ms), after checking that it agrees with the handwritten loop and printing the ratio. */
function compareWithHandwritten(
  scorer: ReturnType<typeof instantiateScorer>,
  handwrittenScore: Handwritten,
  leads: readonly Record<string, unknown>[],
  eventsOf: readonly BenchEvent[][],
  now: number,
  target: number,
): number {
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
  // Read the sink, so no engine can drop the scoring as dead code.
  if (sink === 0.5) console.log('');
  const compiled = Math.min(...compiledTimes);
  const hand = Math.min(...handTimes);
  const rate = (ms: number) => fmt((LEADS / ms) * 1000);
  console.log(`   handwritten loop : ${fmt(hand, 1)} ms  (${rate(hand)} leads/s)  [baseline]`);
  console.log(`   compiled scorer  : ${fmt(compiled, 1)} ms  (${rate(compiled)} leads/s)`);
  console.log(
    `   ratio            : ${fmt(hand / compiled, 2)}x the handwritten loop's throughput (target >= ${fmt(target, 2)})`,
  );
  return compiled;
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
await measureServe(root);
