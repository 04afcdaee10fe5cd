import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../../compiler/schema/load-schema.js';
import type { FieldType } from '../../../compiler/schema/model.js';
import { eventColumnTypes, leadColumnTypes } from '../../../runtime/records/column-types.js';
import { convertCell, inferCell } from '../../../runtime/records/convert-cell.js';
import { csvRecords } from '../../../runtime/readers/csv.js';
import { collect, tempFile } from './helpers.js';

const t = (...types: string[]): FieldType => ({ types: new Set(types) }) as FieldType;

const { model } = loadSchema(
  JSON.stringify({
    lead: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        employees: { type: 'integer' },
        role: { enum: ['役員', '部長'] },
        zip: { type: 'string' },
        opted_out: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
        scores: { type: 'array', items: { type: 'number' } },
        company: { type: 'object', properties: { size: { type: 'number' }, name: { type: 'string' } } },
      },
    },
    events: {
      page_view: { properties: { url: { type: 'string' }, seconds: { type: 'number' } } },
      webinar: { properties: { seconds: { type: 'string' } } },
    },
  }),
  's.json',
);

describe('convertCell', () => {
  it('converts by the field type', () => {
    expect(convertCell('12', t('integer', 'number'))).toEqual({ ok: true, value: 12 });
    expect(convertCell('-3', t('number'))).toEqual({ ok: true, value: -3 });
    expect(convertCell('1.5', t('number'))).toEqual({ ok: true, value: 1.5 });
    expect(convertCell('12abc', t('number'))).toEqual({ ok: false, reason: '"12abc" is not a number' });
    expect(convertCell('Infinity', t('number')).ok).toBe(false);
    expect(convertCell('0x10', t('number')).ok).toBe(false);
    expect(convertCell('TRUE', t('boolean'))).toEqual({ ok: true, value: true });
    expect(convertCell('false', t('boolean'))).toEqual({ ok: true, value: false });
    expect(convertCell('yes', t('boolean'))).toEqual({ ok: false, reason: '"yes" is not true or false' });
    expect(convertCell('00123', t('string'))).toEqual({ ok: true, value: '00123' });
    expect(convertCell('', t('number'))).toEqual({ ok: true, value: undefined });
    expect(convertCell('12', t('number', 'string'))).toEqual({ ok: true, value: 12 });
    expect(convertCell('abc', t('number', 'string'))).toEqual({ ok: true, value: 'abc' });
  });

  it('reads lists as JSON or separated by ;', () => {
    const strings: FieldType = { types: new Set(['array']), items: t('string') };
    const numbers: FieldType = { types: new Set(['array']), items: t('number') };
    expect(convertCell('["a","b"]', strings)).toEqual({ ok: true, value: ['a', 'b'] });
    expect(convertCell('製造業; 金融業;', strings)).toEqual({ ok: true, value: ['製造業', '金融業'] });
    expect(convertCell('1;2.5', numbers)).toEqual({ ok: true, value: [1, 2.5] });
    expect(convertCell('1;x', numbers)).toEqual({ ok: false, reason: '"x" is not a number (in the list "1;x")' });
    expect(convertCell('[1,', strings).ok).toBe(false);
  });

  it('infers untyped cells carefully', () => {
    expect(inferCell('42')).toBe(42);
    expect(inferCell('-1.5')).toBe(-1.5);
    expect(inferCell('true')).toBe(true);
    expect(inferCell('007')).toBe('007');
    expect(inferCell('+81')).toBe('+81');
    expect(inferCell('12345678901234567890')).toBe('12345678901234567890');
    expect(inferCell('部長')).toBe('部長');
    expect(convertCell('3', t())).toEqual({ ok: true, value: 3 });
  });
});

describe('csvRecords', () => {
  it('reads typed rows with Japanese text, BOM, CRLF, quotes and nested headers', async () => {
    const path = tempFile(
      'leads.csv',
      '\ufeffid,employees,role,zip,opted_out,tags,company.size,company.name,note\r\n' +
        '001,120,部長,0123,TRUE,a;b,50,"株式会社 ""テスト""",\r\n' +
        '\r\n' +
        'L2,,役員,,false,"[""x""]",,,"複数\r\n行"\r\n' +
        'L3,12abc,課長,,maybe,,,,\r\n',
    );
    const records = await collect(csvRecords(path, leadColumnTypes(model)));
    expect(records[0]).toEqual({
      ok: true,
      recordNumber: 1,
      line: 2,
      value: {
        id: '001',
        employees: 120,
        role: '部長',
        zip: '0123',
        opted_out: true,
        tags: ['a', 'b'],
        company: { size: 50, name: '株式会社 "テスト"' },
      },
    });
    expect(records[1]).toEqual({
      ok: true,
      recordNumber: 2,
      line: 4,
      value: { id: 'L2', role: '役員', opted_out: false, tags: ['x'], note: '複数\n行' },
    });
    expect(records[2]).toMatchObject({
      ok: false,
      recordNumber: 3,
      line: 6,
      reason: 'employees: "12abc" is not a number; opted_out: "maybe" is not true or false',
      raw: {
        id: 'L3',
        employees: '12abc',
        role: '課長',
        zip: '',
        opted_out: 'maybe',
        tags: '',
        'company.size': '',
        'company.name': '',
        note: '',
      },
    });
    expect(records).toHaveLength(3);
  });

  it('rejects rows with the wrong number of cells', async () => {
    const records = await collect(csvRecords(Readable.from(['id,a\n1,2\n3\n4,5,6\n7,8\n'])));
    expect(records.map((r) => (r.ok ? r.value : r.reason))).toEqual([
      { id: 1, a: 2 },
      'the row has 1 cells but the header has 2 columns',
      'the row has 3 cells but the header has 2 columns',
      { id: 7, a: 8 },
    ]);
    expect(records[2]).toMatchObject({ recordNumber: 3, line: 4, raw: { id: '4', a: '5', '': ['6'] } });
  });

  it('builds objects safely from hostile headers', async () => {
    const [record] = await collect(
      csvRecords(Readable.from(['id,__proto__,constructor,toString.x,__proto__.polluted\nL1,a,b,c,\n'])),
    );
    expect(record!.ok).toBe(true);
    const value = record!.ok ? record!.value : {};
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')!.value).toBe('a');
    expect(value.constructor).toBe('b');
    expect(value.toString).toEqual({ x: 'c' });
    const [nested] = await collect(
      csvRecords(Readable.from(['id,__proto__.polluted,constructor.prototype.bad\nL1,yes,1\n'])),
    );
    expect(nested!.ok && Object.getOwnPropertyDescriptor(nested!.value, '__proto__')!.value).toEqual({
      polluted: 'yes',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).bad).toBeUndefined();
  });

  it("types event columns by the row's event type", async () => {
    const text =
      'lead_id,type,at,url,seconds\n001,page_view,2024-01-01,/料金,30\n002,webinar,2024-01-02,,30\n003,unknown,2024-01-03,,30\n';
    const records = await collect(csvRecords(Readable.from([text]), eventColumnTypes(model)));
    expect(records.map((r) => r.ok && r.value)).toEqual([
      { lead_id: '001', type: 'page_view', at: '2024-01-01', url: '/料金', seconds: 30 },
      { lead_id: '002', type: 'webinar', at: '2024-01-02', seconds: '30' },
      { lead_id: '003', type: 'unknown', at: '2024-01-03', seconds: 30 },
    ]);
  });

  it('reports an unclosed quote, a conflicting nested header and a duplicate header', async () => {
    const unclosed = await collect(csvRecords(Readable.from(['id,a\n1,2\n3,"oops\n4,5\n'])));
    expect(unclosed.map((r) => r.ok)).toEqual([true, false]);
    expect(unclosed[1]).toMatchObject({ recordNumber: 2, line: 3 });
    expect(unclosed[1]!.ok === false && unclosed[1]!.reason).toMatch(/never closed/);

    const conflict = await collect(csvRecords(Readable.from(['id,company,company.size\n1,x,3\n2,,3\n'])));
    expect(conflict.map((r) => r.ok)).toEqual([false, true]);

    await expect(collect(csvRecords(Readable.from(['id,a,a\n1,2,3\n'])))).rejects.toMatchObject({ code: 'bad-header' });
    expect(await collect(csvRecords(Readable.from([''])))).toEqual([]);
  });

  it('handles CRLF split across chunks', async () => {
    const records = await collect(
      csvRecords(Readable.from([Buffer.from('id,a\r'), Buffer.from('\n1,"x\r'), Buffer.from('\ny"\r\n2,z\r\n')])),
    );
    expect(records.map((r) => [r.line, r.ok && r.value])).toEqual([
      [2, { id: 1, a: 'x\ny' }],
      [4, { id: 2, a: 'z' }],
    ]);
  });
});
