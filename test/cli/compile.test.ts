import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/run-cli.js';

describe('leadscore compile --target js', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-compile-'));

  it('writes a standalone ES module that scores like `leadscore score`', async () => {
    const out = join(dir, 'b2b-saas.mjs');
    const run = runCli(['compile', 'rules/b2b-saas.score', '--target', 'js', '--out', out]);
    expect(run.status).toBe(0);
    const code = readFileSync(out, 'utf8');
    expect(code).not.toMatch(/\bimport\b|\brequire\(/); // depends on nothing
    const scorer = await import(pathToFileURL(out).href);
    expect(scorer.default).toBe(scorer.score);

    const leads = readFileSync('examples/leads.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, 200)
      .map((l) => JSON.parse(l) as { id: string });
    const events = readFileSync('examples/events.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { lead_id: string });
    const ids = new Set(leads.map((l) => l.id));
    const scored = jsonLines(
      runCli(
        [
          'score',
          'rules/b2b-saas.score',
          '--leads',
          '-',
          '--events',
          'examples/events.jsonl',
          '--as-of',
          '2026-11-01T00:00:00+09:00',
        ],
        { input: leads.map((l) => JSON.stringify(l)).join('\n') },
      ).stdout,
    ) as { id: string }[];
    const now = new Date('2026-11-01T00:00:00+09:00');
    for (const [i, lead] of leads.entries()) {
      // Event times stay ISO strings here: the module reads them itself.
      const own = events.filter((e) => e.lead_id === lead.id && ids.has(e.lead_id));
      const { id, ...expected } = scored[i] as { id: string; reasons: unknown };
      expect(id).toBe(lead.id);
      expect(scorer.explain(lead, own, now)).toEqual(expected);
      const { reasons: _, ...fast } = expected;
      expect(scorer.score(lead, own, now.getTime())).toEqual(fast);
    }
  });

  it('reads offset-less times in the zone it was compiled with', async () => {
    const rules = join(dir, 'r.score');
    writeFileSync(rules, 'on view +5 within 1h\n');
    const utc = join(dir, 'utc.mjs');
    const tokyo = join(dir, 'tokyo.mjs');
    expect(runCli(['compile', rules, '--out', utc]).status).toBe(0);
    expect(runCli(['compile', rules, '--out', tokyo, '--tz', 'Asia/Tokyo']).status).toBe(0);
    const events = [{ type: 'view', at: '2026-11-01T08:30:00' }];
    const now = Date.parse('2026-11-01T00:00:00Z');
    expect((await import(pathToFileURL(utc).href)).score({}, events, now).score).toBe(0);
    expect((await import(pathToFileURL(tokyo).href)).score({}, events, now).score).toBe(5);
  });

  it('prints the module on stdout without --out, and refuses rules with errors', () => {
    const ok = runCli(['compile', 'rules/b2b-saas.score']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('export default score;');
    const rules = join(dir, 'bad.score');
    writeFileSync(rules, 'on view +5 max 3\n');
    const bad = runCli(['compile', rules]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/bad\.score:1:12: error: .*\[max-without-each\]/);
    expect(runCli(['compile', 'rules/b2b-saas.score', '--target', 'sql']).status).toBe(2);
    expect(runCli(['compile', 'rules/b2b-saas.score', '--target', 'wasm']).status).toBe(2);
  });
});
