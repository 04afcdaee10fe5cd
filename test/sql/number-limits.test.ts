import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/run-cli.js';

/** At the checker's limits, scores pass 32 bits: both engines give the same exact numbers. */
describe('scores beyond 32 bits', () => {
  it('the JavaScript and DuckDB engines agree on a score of 2.5 billion and -2.5 billion', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-big-'));
    writeFileSync(
      join(dir, 's.json'),
      JSON.stringify({
        lead: { type: 'object', properties: { id: { type: 'string' } } },
        events: { visit: {}, spam: {} },
      }),
    );
    writeFileSync(
      join(dir, 'r.score'),
      'schema "./s.json"\ngroup 行動 max 1000000000 { on visit +1000000 each }\non spam -1000000 each\ntier A >= 2000000000\ntier B otherwise\n',
    );
    writeFileSync(join(dir, 'leads.jsonl'), '{"id":"L1"}\n{"id":"L2"}\n');
    const events = [
      ...Array.from({ length: 2500 }, () => ({ lead_id: 'L1', type: 'visit', at: '2026-10-01T00:00:00Z' })),
      ...Array.from({ length: 2500 }, () => ({ lead_id: 'L2', type: 'spam', at: '2026-10-01T00:00:00Z' })),
    ];
    writeFileSync(join(dir, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n'));
    const args = [
      'score',
      join(dir, 'r.score'),
      '--leads',
      join(dir, 'leads.jsonl'),
      '--events',
      join(dir, 'events.jsonl'),
      '--as-of',
      '2026-11-01T00:00:00Z',
    ];
    const js = runCli(args);
    const duck = runCli([...args, '--engine', 'duckdb']);
    expect(js.status, js.stderr).toBe(0);
    expect(duck.status, duck.stderr).toBe(0);
    const strip = (text: string) => (jsonLines(text) as { reasons?: unknown }[]).map(({ reasons: _, ...rest }) => rest);
    expect(strip(js.stdout)).toEqual([
      { id: 'L1', score: 1_000_000_000, tier: 'B', groups: { 行動: 1_000_000_000 } },
      { id: 'L2', score: -2_500_000_000, tier: 'B', groups: { 行動: 0 } },
    ]);
    expect(strip(duck.stdout)).toEqual(strip(js.stdout));
  });
});
