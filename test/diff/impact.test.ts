import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { summarize } from '../../runtime/impact/impact.js';
import { runCli, REPO } from '../helpers/run-cli.js';

const schemaHost = { readSchema: (p: string) => ({ file: p, text: readFileSync(join(REPO, 'rules', p), 'utf8') }) };

describe('impact figures', () => {
  it('quartiles interpolate linearly, and an empty set gives zeros, never NaN', () => {
    expect(summarize([3, 1, 2, 4])).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, mean: 2.5 });
    expect(summarize([])).toEqual({ min: 0, q1: 0, median: 0, q3: 0, max: 0, mean: 0 });
  });

  it('equal what scoring both versions independently gives, on the example data', () => {
    const oldSource = readFileSync(join(REPO, 'rules/b2b-saas.score'), 'utf8');
    const newSource = oldSource
      .replace('+30 "料金ページ閲覧"', '+45 "料金ページ閲覧"')
      .replace('tier 中関心 >= 30', 'tier 中関心 >= 35');
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-impact-'));
    writeFileSync(join(dir, 'new.score'), newSource);
    writeFileSync(join(dir, 'lead.schema.json'), readFileSync(join(REPO, 'rules/lead.schema.json')));
    const asOf = '2026-11-01T00:00:00+09:00';
    const run = runCli([
      'diff',
      'rules/b2b-saas.score',
      join(dir, 'new.score'),
      '--leads',
      'examples/leads.jsonl',
      '--events',
      'examples/events.jsonl',
      '--as-of',
      asOf,
      '--format',
      'json',
    ]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      impact: {
        leads: number;
        transitions: { from: string; to: string; count: number }[];
        delta: { max: number };
        mql: { entering: number; leaving: number };
      };
    };

    // The independent computation: both scorers, lead by lead.
    const oldScorer = instantiateScorer(checkSource(oldSource, schemaHost).program!);
    const newScorer = instantiateScorer(checkSource(newSource, schemaHost).program!);
    const now = Date.parse(asOf);
    const events = new Map<string, { type: string; at: number }[]>();
    for (const line of readFileSync(join(REPO, 'examples/events.jsonl'), 'utf8').split('\n').filter(Boolean)) {
      const e = JSON.parse(line) as { lead_id: string; type: string; at: string };
      events.set(e.lead_id, [...(events.get(e.lead_id) ?? []), { ...e, at: Date.parse(e.at) }]);
    }
    const cells = new Map<string, number>();
    let maxDelta = -Infinity;
    let entering = 0;
    const leads = readFileSync(join(REPO, 'examples/leads.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string });
    for (const lead of leads) {
      const a = oldScorer.score(lead, events.get(lead.id) ?? [], now);
      const b = newScorer.score(lead, events.get(lead.id) ?? [], now);
      cells.set(`${a.tier}→${b.tier}`, (cells.get(`${a.tier}→${b.tier}`) ?? 0) + 1);
      maxDelta = Math.max(maxDelta, b.score - a.score);
      if (b.tier === 'MQL' && a.tier !== 'MQL') entering++;
    }
    expect(report.impact.leads).toBe(leads.length);
    expect(new Map(report.impact.transitions.map((t) => [`${t.from}→${t.to}`, t.count]))).toEqual(cells);
    expect(report.impact.delta.max).toBe(maxDelta);
    expect(report.impact.mql).toMatchObject({ entering, leaving: 0 });
  });
});
