import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../../compiler/schema/load-schema.js';
import { eventColumnTypes } from '../../../runtime/records/column-types.js';
import { csvRecords } from '../../../runtime/readers/csv.js';
import { CsvRowSplitter, MAX_QUOTED_LINES } from '../../../runtime/records/csv-rows.js';
import { collect } from './helpers.js';

const leadRows = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `L${from + i},${from + i}`);

describe('a quote that is never closed', () => {
  it('costs one record, not the rest of the file (leads)', async () => {
    const text = ['id,n', ...leadRows(1000), 'L-bad,"12', ...leadRows(5000, 1000)].join('\n') + '\n';
    const records = await collect(csvRecords(Readable.from([text])));
    expect(records).toHaveLength(6001);
    const bad = records.filter((r) => !r.ok);
    expect(bad).toEqual([
      { ok: false, recordNumber: 1001, line: 1002, reason: expect.stringMatching(/never closed/), raw: 'L-bad,"12' },
    ]);
    expect(records.filter((r) => r.ok).map((r) => r.ok && r.value.id)).toEqual(
      [...leadRows(1000), ...leadRows(5000, 1000)].map((l) => l.split(',')[0]),
    );
  });

  it('costs one record in an events file too', async () => {
    const { model } = loadSchema(JSON.stringify({ lead: { type: 'object' }, events: { visit: {} } }), 's.json');
    const text = 'lead_id,type,at\nL1,visit,2026-10-01\nL2,"visit,2026-10-02\nL3,visit,2026-10-03\n';
    const records = await collect(csvRecords(Readable.from([text]), eventColumnTypes(model)));
    expect(records.map((r) => (r.ok ? r.value.lead_id : r.raw))).toEqual(['L1', 'L2,"visit,2026-10-02', 'L3']);
  });

  it('a quoted cell that spans lines and closes is still one record', async () => {
    const records = await collect(csvRecords(Readable.from(['id,note\nL1,"a\n\nb ""c"", d"\nL2,e\n'])));
    expect(records.map((r) => r.ok && [r.line, r.value])).toEqual([
      [2, { id: 'L1', note: 'a\n\nb "c", d' }],
      [5, { id: 'L2', note: 'e' }],
    ]);
  });

  it('gives up on a cell longer than the limit before the end of the file, and recovers', () => {
    const splitter = new CsvRowSplitter();
    const rows = [splitter.push('1,"open', 1)];
    for (let i = 2; i <= MAX_QUOTED_LINES + 10; i++) rows.push(splitter.push(`${i},x`, i));
    rows.push(splitter.end());
    const flat = rows.flat();
    expect(flat[0]).toMatchObject({ ok: false, line: 1, text: '1,"open' });
    expect(flat.slice(1).map((r) => r.ok && r.cells[0])).toEqual(
      Array.from({ length: MAX_QUOTED_LINES + 9 }, (_, i) => String(i + 2)),
    );
  });

  it('several unclosed quotes: each costs its own line only', async () => {
    const records = await collect(csvRecords(Readable.from(['id,n\n"a,1\nb,2\n"c,3\nd,4\n'])));
    expect(records.map((r) => (r.ok ? r.value.id : `bad ${r.line}`))).toEqual(['bad 2', 'b', 'bad 4', 'd']);
  });

  it('every non-blank line ends up in exactly one record, valid or not (property)', async () => {
    const cell = fc.oneof(
      fc.constantFrom('"', '""', '"x', 'x"', '"a,b"', '"q\nr"', ''),
      fc.string({ maxLength: 4 }).map((t) => t.replace(/[\r\n",]/g, '')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 12 }), async (rows) => {
        const body = rows.map((r) => r.join(',')).join('\n');
        const text = `id,n\n${body}\n`;
        const records = await collect(csvRecords(Readable.from([text])));
        const lineCount = text.split('\n').length - 1;
        const covered = new Set<number>();
        const starts = records.map((r) => r.line);
        // Records come in file order, each starting after the previous one.
        expect([...starts].sort((a, b) => a - b)).toEqual(starts);
        records.forEach((r, i) => {
          const end = i + 1 < records.length ? records[i + 1]!.line : lineCount + 1;
          for (let l = r.line; l < end; l++) covered.add(l);
        });
        const lines = text.split('\n');
        for (let l = 2; l <= lineCount; l++) if (lines[l - 1] !== '') expect(covered.has(l)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
