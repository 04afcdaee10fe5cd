/**
 * Test data for the service's fault and scale-out tests (the repository's
 * example leads and events, each event given an id), and the check that
 * matters most: every stored lead's score equals what the batch scorer
 * (`leadscore score … --as-of`) computes from the same leads and events.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { ok, REPO, RULES, tempDir } from './serve-process.js';

export type Json = Record<string, unknown>;

const lines = (path: string): Json[] =>
  readFileSync(join(REPO, path), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Json);

/** The first `count` example leads and all their events (oldest first), each event with an id `ev-N`. */
export function exampleData(count: number): { leads: Json[]; events: Json[] } {
  const leads = lines('examples/leads.jsonl').slice(0, count);
  const ids = new Set(leads.map((l) => l['id']));
  const events = lines('examples/events.jsonl')
    .map((e, n): Json => ({ id: `ev-${n}`, ...e }))
    .filter((e) => ids.has(e['lead_id']));
  return { leads, events };
}

/** A copy of rules/b2b-saas.score, edited, beside a copy of its schema (for POST /v1/rules and the batch scorer). */
export function editedRules(edit: (text: string) => string): { path: string; text: string } {
  const dir = tempDir('leadscore-rules-');
  copyFileSync(join(REPO, 'rules/lead.schema.json'), join(dir, 'lead.schema.json'));
  const text = edit(readFileSync(RULES, 'utf8'));
  const path = join(dir, 'rules.score');
  writeFileSync(path, text);
  return { path, text };
}

/** What `leadscore score RULES --as-of asOf` writes for the leads and events, by lead id. */
export function batchScores(
  rulesPath: string,
  leads: readonly Json[],
  events: readonly Json[],
  asOf: string,
): Map<string, Json> {
  const dir = tempDir('leadscore-batch-');
  writeFileSync(join(dir, 'leads.jsonl'), leads.map((l) => JSON.stringify(l)).join('\n') + '\n');
  // `id` is the service's envelope, not a property the schema knows.
  writeFileSync(join(dir, 'events.jsonl'), events.map(({ id: _id, ...e }) => JSON.stringify(e)).join('\n') + '\n');
  const run = runCli([
    'score',
    rulesPath,
    '--leads',
    join(dir, 'leads.jsonl'),
    '--events',
    join(dir, 'events.jsonl'),
    '--as-of',
    asOf,
  ]);
  if (run.status !== 0) throw new Error(`leadscore score failed (${run.status}): ${run.stderr}`);
  const byId = new Map<string, Json>();
  for (const line of run.stdout.split('\n').filter((l) => l !== '')) {
    const row = JSON.parse(line) as Json;
    byId.set(String(row['id']), row);
  }
  return byId;
}

/** Every lead as the service reports it equals the batch scorer at the service's now. */
export async function expectMatchesBatch(
  base: string,
  rulesPath: string,
  leads: readonly Json[],
  events: readonly Json[],
  asOf: string,
): Promise<void> {
  const expected = batchScores(rulesPath, leads, events, asOf);
  const version = (await ok(base, 'GET', '/healthz', { token: null })).rules_version as string;
  const mismatches: string[] = [];
  for (const lead of leads) {
    const id = String(lead['id']);
    const got = await ok(base, 'GET', `/v1/leads/${encodeURIComponent(id)}`);
    const want = expected.get(id)!;
    const pick = (s: Json) =>
      JSON.stringify({ score: s['score'], tier: s['tier'], groups: s['groups'], reasons: s['reasons'] });
    if (pick(got) !== pick(want)) mismatches.push(`${id} at ${asOf}: service ${pick(got)} != batch ${pick(want)}`);
    if (got.rules_version !== version)
      mismatches.push(`${id}: rules_version ${got.rules_version} != current ${version}`);
  }
  expect(mismatches).toEqual([]);
}
