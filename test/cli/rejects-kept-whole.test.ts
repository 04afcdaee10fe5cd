import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/run-cli.js';

const rules =
  'schema "./lead.schema.json"\ngroup 属性 {\n  when employees >= 100 +20 "規模"\n}\ntier MQL >= 20\ntier その他 otherwise\n';
const schema = JSON.stringify({
  lead: {
    type: 'object',
    required: ['id'],
    properties: { employees: { type: 'integer', minimum: 0 }, revenue: { type: 'number' } },
  },
  events: {},
});

function scoreWithRejects(leads: string | Buffer): { status: number | null; stderr: string; rejects: unknown[] } {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-rejects-'));
  writeFileSync(join(dir, 'r.score'), rules);
  writeFileSync(join(dir, 'lead.schema.json'), schema);
  writeFileSync(join(dir, 'leads.jsonl'), leads);
  const run = runCli(
    ['score', 'r.score', '--leads', 'leads.jsonl', '--as-of', '2026-11-01', '--rejects', 'rejects.jsonl'],
    { cwd: dir },
  );
  return { ...run, rejects: jsonLines(readFileSync(join(dir, 'rejects.jsonl'), 'utf8')) };
}

describe('score --rejects keeps each invalid record as it was read', () => {
  it('rejects a number too large to be one with its line as written, never null', () => {
    const line = '{"id":"A","revenue":1e309}';
    const run = scoreWithRejects(`${line}\n{"id":"B","employees":120}\n`);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/leads\.jsonl:1: invalid lead record 1: number out of range at revenue/);
    expect(run.rejects).toEqual([expect.objectContaining({ record: 1, data: line })]);
  });

  it('writes ids beyond 2^53 of invalid records digit for digit', () => {
    const run = scoreWithRejects('{"id":12345678901234567891,"employees":-1}\n');
    expect(run.status).toBe(3);
    expect(run.rejects).toEqual([expect.objectContaining({ data: { id: '12345678901234567891', employees: -1 } })]);
  });

  it('keeps a lone carriage return inside its JSON line: one record, not two', () => {
    const run = scoreWithRejects('{"id":"A",\r"employees":-1}\r\n{"id":"B"}\n');
    expect(run.status).toBe(3);
    expect(run.rejects).toEqual([expect.objectContaining({ record: 1, line: 1, data: { id: 'A', employees: -1 } })]);
  });

  it('says plainly that a line was not valid UTF-8 and that data shows its bytes as U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('{"id":"A","name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]);
    const run = scoreWithRejects(Buffer.concat([Buffer.from('{"id":"日本"}\n'), bytes]));
    expect(run.status).toBe(3);
    const [reject] = run.rejects as { reason: string; data: string }[];
    expect(reject!.reason).toMatch(/not valid UTF-8|neither UTF-8 nor Shift_JIS/);
    expect(reject!.reason).toContain('not the original bytes');
    expect(reject!.data).toBe('{"id":"A","name":"\uFFFD\uFFFD"}');
  });
});
