import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonlRecords } from '../../../runtime/readers/jsonl.js';
import { collect, tempFile } from './helpers.js';

describe('jsonlRecords', () => {
  it('reads objects, skips blank lines, numbers records and lines', async () => {
    const path = tempFile('leads.jsonl', '\ufeff{"id":"L1","role":"部長"}\r\n\r\n  \n{"id":2}\n');
    expect(await collect(jsonlRecords(path))).toEqual([
      { ok: true, recordNumber: 1, line: 1, value: { id: 'L1', role: '部長' } },
      { ok: true, recordNumber: 2, line: 4, value: { id: 2 } },
    ]);
  });

  it('reports lines that are not JSON objects, with the raw record', async () => {
    const path = tempFile('bad.jsonl', '{"id":1}\n{"id": }\n[1,2]\n"text"\n{"id":"日本語",}\n');
    const records = await collect(jsonlRecords(path));
    expect(records.map((r) => r.ok)).toEqual([true, false, false, false, false]);
    expect(records[1]).toMatchObject({ recordNumber: 2, line: 2, raw: '{"id": }' });
    expect(records[1]!.ok === false && records[1]!.reason).toBe(
      'not valid JSON: expected a value but found "}" at column 8',
    );
    expect(records[2]).toMatchObject({ reason: 'not a JSON object {…} (got a list)', raw: [1, 2] });
    expect(records[3]).toMatchObject({ reason: 'not a JSON object {…} (got a text)' });
    expect(records[4]!.ok === false && records[4]!.reason).toMatch(/remove the last comma.* at column 13$/);
  });

  it('keeps hostile keys as own properties', async () => {
    const stream = Readable.from([Buffer.from('{"id":1,"__proto__":{"x":1},"constructor":"c"}\n')]);
    const [record] = await collect(jsonlRecords(stream));
    const value = record!.ok ? record!.value : {};
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(value.constructor).toBe('c');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('{"id":"L1","industry":"情報通信業"}\n');
    const stream = Readable.from([bytes.subarray(0, 27), bytes.subarray(27)]);
    const [record] = await collect(jsonlRecords(stream));
    expect(record).toMatchObject({ ok: true, value: { industry: '情報通信業' } });
  });
});

describe('jsonlRecords and numbers too large to be numbers', () => {
  it('rejects a record holding one, with its line kept as written', async () => {
    const path = tempFile('huge.jsonl', '{"id":"A","x":[1,{"y":-1E+400}]}\n{"id":"B","x":1e308,"note":"e123"}\n');
    const [huge, fine] = await collect(jsonlRecords(path));
    expect(huge).toEqual({
      ok: false,
      recordNumber: 1,
      line: 1,
      reason: expect.stringMatching(/^number out of range at x\[1\]\.y: /) as unknown,
      raw: '{"id":"A","x":[1,{"y":-1E+400}]}',
    });
    expect(fine).toMatchObject({ ok: true, value: { id: 'B', x: 1e308 } });
  });
});
