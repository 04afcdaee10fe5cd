import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/run-cli.js';

/** CP932 bytes of `text` (Node has no Shift_JIS encoder: invert its decoder). */
function shiftJis(text: string): Buffer {
  const decoder = new TextDecoder('shift_jis');
  const map = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfc; a++)
    for (let b = 0x40; b <= 0xfc; b++) {
      const ch = decoder.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [a, b]);
    }
  return Buffer.from([...text].flatMap((ch) => (ch.codePointAt(0)! < 0x80 ? [ch.codePointAt(0)!] : map.get(ch)!)));
}

const dir = mkdtempSync(join(tmpdir(), 'leadscore-encoding-'));
const rules = join(dir, 'r.score');
writeFileSync(rules, 'when role = 部長 +10 "決裁者"\non 資料請求 +5\ntier MQL >= 10\ntier その他 otherwise\n');
const leads = join(dir, 'leads.csv');
writeFileSync(leads, shiftJis('id,role,won\r\nL1,部長,true\r\nL2,課長,false\r\n'));
const events = join(dir, 'events.csv');
writeFileSync(events, shiftJis('lead_id,type,at\r\nL2,資料請求,2026-10-01\r\n'));
const asOf = ['--as-of', '2026-11-01T00:00:00Z'];

describe('--encoding on the commands that read data', () => {
  it('score reads Shift_JIS leads and events by default and with --encoding shift_jis', () => {
    for (const extra of [[], ['--encoding', 'shift_jis'], ['--encoding', 'cp932']]) {
      const r = runCli(['score', rules, '--leads', leads, '--events', events, ...asOf, ...extra]);
      expect(r.status, r.stderr).toBe(0);
      expect(
        (jsonLines(r.stdout) as { id: string; score: number; tier: string }[]).map((x) => [x.id, x.score, x.tier]),
      ).toEqual([
        ['L1', 10, 'MQL'],
        ['L2', 5, 'その他'],
      ]);
    }
  });

  it('--encoding utf-8 on a Shift_JIS file: every record rejected with the reason, exit 3, nothing garbled scored', () => {
    const r = runCli(['score', rules, '--leads', leads, ...asOf, '--encoding', 'utf-8']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'the text is not valid UTF-8: save the file as UTF-8 (UTF-8 で保存してください), or give the right --encoding',
    );
  });

  it('an unknown encoding is a usage error; report, tune and diff take the flag', () => {
    expect(runCli(['score', rules, '--leads', leads, '--encoding', 'latin1']).status).toBe(2);
    expect(runCli(['score', rules, '--leads', leads, '--encoding', 'shift_jis', '--engine', 'duckdb']).status).toBe(2);
    const report = runCli([
      'report',
      rules,
      '--leads',
      leads,
      '--events',
      events,
      ...asOf,
      '--outcome',
      'won',
      '--format',
      'json',
      '--encoding',
      'shift_jis',
    ]);
    expect(report.status, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout).kpis.converted).toBe(1);
    const diff = runCli([
      'diff',
      rules,
      rules,
      '--leads',
      leads,
      '--events',
      events,
      ...asOf,
      '--format',
      'json',
      '--encoding',
      'shift_jis',
    ]);
    expect(diff.status, diff.stderr).toBe(0);
  });
});
