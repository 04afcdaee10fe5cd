import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../runtime/readers/csv.js';
import { decodeToUtf8, decodeWhole } from '../../../runtime/readers/decode.js';
import { jsonRecords } from '../../../runtime/readers/json.js';
import { jsonlRecords } from '../../../runtime/readers/jsonl.js';
import { collect } from './helpers.js';

/** Shift_JIS (CP932) bytes of `text`, built from Node's own decoder (Node has no Shift_JIS encoder). */
function shiftJis(text: string): Buffer {
  const table = shiftJis as unknown as { map?: Map<string, number[]> };
  if (table.map === undefined) {
    table.map = new Map();
    const decoder = new TextDecoder('shift_jis');
    for (let a = 0x81; a <= 0xfc; a++) {
      for (let b = 0x40; b <= 0xfc; b++) {
        const ch = decoder.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.map.has(ch)) table.map.set(ch, [a, b]);
      }
    }
    for (let c = 0xa1; c <= 0xdf; c++) table.map.set(decoder.decode(Uint8Array.of(c)), [c]); // half-width kana
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...table.map.get(ch)!);
  }
  return Buffer.from(bytes);
}

const CSV = 'id,company,role,note\r\nL1,株式会社テスト,部長,ｶﾅ①\r\nL2,東和精機,課長,"改行\r\nあり"\r\n';
const values = (records: Awaited<ReturnType<typeof collect>>) => records.map((r) => (r.ok ? r.value : r.reason));

/** Chunks of `bytes`, `size` bytes each: characters are cut between chunks. */
const chunks = (bytes: Buffer, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

describe('--encoding', () => {
  it('auto reads Shift_JIS CSV from Japanese Excel, even cut into 1-byte chunks', async () => {
    const expected = [
      { id: 'L1', company: '株式会社テスト', role: '部長', note: 'ｶﾅ①' },
      { id: 'L2', company: '東和精機', role: '課長', note: '改行\nあり' },
    ];
    for (const size of [1, 3, 1 << 20]) {
      expect(values(await collect(csvRecords(Readable.from(chunks(shiftJis(CSV), size)))))).toEqual(expected);
    }
    expect(values(await collect(csvRecords(Readable.from([shiftJis(CSV)]), undefined, '-', 'shift_jis')))).toEqual(
      expected,
    );
  });

  it('auto reads UTF-8 (with or without a BOM) as UTF-8', async () => {
    const utf8 = Buffer.from(CSV, 'utf8');
    for (const bytes of [utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])]) {
      for (const size of [1, 2, 1 << 20]) {
        expect(
          values(await collect(csvRecords(Readable.from(chunks(bytes, size))))).map(
            (v) => (v as { company: string }).company,
          ),
        ).toEqual(['株式会社テスト', '東和精機']);
      }
    }
  });

  it('never scores garbled text: a file that is neither is rejected record by record, naming the encoding', async () => {
    const latin1 = Buffer.from('id,company\nL1,Caf\xe9 M\xfcller\xff\nL2,plain\n', 'latin1');
    const records = await collect(csvRecords(Readable.from([latin1])));
    expect(records.map((r) => r.ok)).toEqual([false, true]);
    expect(records[0]!.ok === false && records[0]!.reason).toBe(
      'the text is neither UTF-8 nor Shift_JIS (the file was read as UTF-8): save the file as UTF-8 (UTF-8 で保存してください) (data shows each byte that is no character as U+FFFD "�", not the original bytes)',
    );
    // Shift_JIS read as UTF-8 on request: rejected, not garbled.
    const forced = await collect(csvRecords(Readable.from([shiftJis(CSV)]), undefined, '-', 'utf-8'));
    expect(forced.every((r) => !r.ok && r.reason.startsWith('the text is not valid UTF-8'))).toBe(true);
  });

  it('JSON Lines: a line of invalid UTF-8 is one invalid record; Shift_JIS JSON Lines is read', async () => {
    const bad = Buffer.concat([
      Buffer.from('{"id":"ok1","n":"日本"}\n{"id":"bad","n":"'),
      Buffer.from([0xe6, 0x97]),
      Buffer.from('"}\n{"id":"ok2"}\n'),
    ]);
    const records = await collect(jsonlRecords(Readable.from([bad])));
    expect(records.map((r) => (r.ok ? r.value.id : r.reason))).toEqual([
      'ok1',
      expect.stringContaining('UTF-8 で保存してください'),
      'ok2',
    ]);
    const sjis = await collect(jsonlRecords(Readable.from([shiftJis('{"id":"L1","role":"部長"}\n')])));
    expect(values(sjis)).toEqual([{ id: 'L1', role: '部長' }]);
  });

  it('a .json file that is not valid text is refused whole', async () => {
    await expect(
      collect(jsonRecords(Readable.from([Buffer.from('[{"id":"\xff\xfe"}]', 'latin1')]))),
    ).rejects.toMatchObject({ code: 'bad-encoding', message: expect.stringContaining('UTF-8 で保存してください') });
    expect(values(await collect(jsonRecords(Readable.from([shiftJis('[{"id":"部長"}]')]))))).toEqual([{ id: '部長' }]);
  });

  it('decides once: a UTF-8 file stays UTF-8, and valid UTF-8 passes through unchanged', async () => {
    const text = 'a,b\n' + 'x,日本語\n'.repeat(1000);
    const { stream, state } = decodeToUtf8(Readable.from(chunks(Buffer.from(text), 7)), 'auto');
    const out: Buffer[] = [];
    for await (const c of stream) out.push(c as Buffer);
    expect(Buffer.concat(out).toString('utf8')).toBe(text);
    expect(state).toEqual({ requested: 'auto', encoding: 'utf-8', replaced: false });
    expect(decodeWhole(Buffer.from('plain'), 'auto').state.encoding).toBe('auto'); // ASCII: nothing to decide
  });
});
