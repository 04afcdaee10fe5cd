import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/parse.js';
import { REPO, runCli } from '../helpers/run-cli.js';

const DATA = [
  '--leads',
  'examples/leads.jsonl',
  '--events',
  'examples/events.jsonl',
  '--outcome',
  'opportunity',
  '--as-of',
  '2026-11-01T00:00:00+09:00',
];

describe('leadscore tune on the example data', () => {
  it('writes a rule file that checks, differs only in points, and raises held-out AUC', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-tune-'));
    const out = join(dir, 'b2b-saas.score');
    writeFileSync(join(dir, 'lead.schema.json'), readFileSync(join(REPO, 'rules/lead.schema.json')));
    const run = runCli(['tune', 'rules/b2b-saas.score', ...DATA, '--seed', '1', '--out', out]);
    expect(run.status).toBe(0);
    const [, before, after] = /AUC on the held-out leads: ([\d.]+) → ([\d.]+)/.exec(run.stdout + run.stderr) ?? [];
    expect(Number(after)).toBeGreaterThan(Number(before));

    expect(runCli(['check', out]).status).toBe(0);
    const original = readFileSync(join(REPO, 'rules/b2b-saas.score'), 'utf8');
    const tuned = readFileSync(out, 'utf8');
    // Blank out every points token: what is left must be the same text.
    const withoutPoints = (text: string) => {
      const file = parse(text).file;
      const ranges = file.statements
        .flatMap((s) =>
          s.kind === 'group' ? s.rules : s.kind === 'when' || s.kind === 'on' || s.kind === 'inactive' ? [s] : [],
        )
        .map((r) => r.points.range);
      let result = text;
      for (const r of [...ranges].reverse())
        result = result.slice(0, r.start.offset) + '±' + result.slice(r.end.offset);
      return result;
    };
    expect(withoutPoints(tuned)).toBe(withoutPoints(original));
    expect(tuned).not.toBe(original);

    const diff = runCli(['diff', 'rules/b2b-saas.score', out]);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toMatch(/ウェビナー参加 \| 行動 \| points \+25 → \*\*\+\d+\*\*/);
  });

  it('refuses data that cannot support a fit, with exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-tune-'));
    const leads = join(dir, 'few.jsonl');
    writeFileSync(leads, readFileSync(join(REPO, 'examples/leads.jsonl'), 'utf8').split('\n').slice(0, 8).join('\n'));
    const run = runCli([
      'tune',
      'rules/b2b-saas.score',
      '--leads',
      leads,
      '--outcome',
      'opportunity',
      '--as-of',
      '2026-11-01',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\d+ leads|leads/);
  });
});
