import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'leadscore-report-'));
const schema = join(dir, 'lead.schema.json');
writeFileSync(
  schema,
  JSON.stringify({
    lead: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        big: { type: 'boolean' },
        opportunity: { type: 'boolean' },
        won_at: { type: 'string' },
        created_at: { type: 'string' },
      },
    },
    events: { visit: {} },
  }),
);
const rules = join(dir, 'r.score');
writeFileSync(
  rules,
  `schema "./lead.schema.json"\nwhen big +30 "大企業"\non visit +10 each max 30 "訪問"\ntier MQL >= 30\ntier その他 otherwise\n`,
);
const leads = join(dir, 'leads.jsonl');
const rows = Array.from({ length: 40 }, (_, i) => ({
  id: `L${i}`,
  big: i % 2 === 0,
  opportunity: i % 2 === 0 && i % 3 === 0,
  ...(i % 5 === 0 && { won_at: '2026-10-01' }),
  created_at: i < 20 ? '2026-09-15T10:00:00+09:00' : '2026-10-15T10:00:00+09:00',
}));
writeFileSync(leads, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const events = join(dir, 'events.jsonl');
writeFileSync(
  events,
  rows
    .filter((_, i) => i % 4 === 0)
    .map((r) => JSON.stringify({ lead_id: r.id, type: 'visit', at: '2026-10-20T00:00:00Z' }))
    .join('\n') + '\n',
);
const base = ['report', rules, '--leads', leads, '--events', events, '--as-of', '2026-11-01T00:00:00Z'];

describe('leadscore report', () => {
  it('writes JSON whose figures agree with the data', () => {
    const r = runCli([
      ...base,
      '--outcome',
      'opportunity',
      '--format',
      'json',
      '--by',
      'created_at',
      '--tz',
      'Asia/Tokyo',
    ]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.kpis.leads).toBe(40);
    const converted = rows.filter((x) => x.opportunity).length;
    expect(report.kpis.converted).toBe(converted);
    // Every big lead is an MQL (+30), and only big leads convert.
    expect(report.kpis.mql.count).toBe(20);
    expect(report.kpis.mql.opportunityRate).toBeCloseTo(converted / 20);
    expect(report.kpis.mql.missed).toBe(0);
    expect(report.cohorts.map((c: { cohort: string }) => c.cohort)).toEqual(['2026-09', '2026-10']);
    expect(report.rules[0].fires).toBe(20);
  });
  it('reads a date outcome: set = converted', () => {
    const r = runCli([...base, '--outcome', 'won_at', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).kpis.converted).toBe(8);
  });
  it('writes Markdown and HTML', () => {
    const md = runCli([...base, '--outcome', 'opportunity']);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('MQL→商談化率');
    const html = runCli([...base, '--outcome', 'opportunity', '--format', 'html']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).toContain('<svg');
    expect(html.stdout).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });
  it('exit 2 with did-you-mean when no lead has the outcome field', () => {
    const r = runCli([...base, '--outcome', 'oportunity']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"oportunity"');
    expect(r.stderr).toContain('did you mean "opportunity"');
  });
  it('exit 2 for usage errors', () => {
    expect(runCli([...base, '--outcome', 'opportunity', '--criterion', 'auc']).status).toBe(2);
    expect(runCli(['report', rules, '--leads', join(dir, 'missing.jsonl'), '--outcome', 'opportunity']).status).toBe(2);
    expect(runCli(['report', rules, '--outcome', 'opportunity']).status).toBe(2);
    expect(runCli([...base, '--outcome', 'opportunity', '--format', 'pdf']).status).toBe(2);
  });
  it('exit 1 when the rules have errors', () => {
    const bad = join(dir, 'bad.score');
    writeFileSync(bad, `schema "./lead.schema.json"\nwhen bigg +30\n`);
    const r = runCli(['report', bad, '--leads', leads, '--outcome', 'opportunity']);
    expect(r.status).toBe(1);
  });
  it('exit 3 with invalid records, the report still written', () => {
    const mixed = join(dir, 'mixed.jsonl');
    writeFileSync(mixed, `${JSON.stringify(rows[0])}\n{"id": 5}\nnot json\n${JSON.stringify(rows[1])}\n`);
    const r = runCli(['report', rules, '--leads', mixed, '--outcome', 'opportunity', '--format', 'json']);
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).kpis.leads).toBe(2);
  });
  it('an outcome never true: a clear warning, no NaN', () => {
    const never = join(dir, 'never.jsonl');
    writeFileSync(never, rows.map((x) => JSON.stringify({ ...x, opportunity: false })).join('\n'));
    const r = runCli(['report', rules, '--leads', never, '--outcome', 'opportunity']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('no lead has "opportunity" set to true');
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });
});
