/**
 * Random but reproducible mutations of a file's bytes, biased towards what
 * breaks readers of rule files and data: JSON and CSV punctuation, line
 * breaks, invalid UTF-8, a byte-order mark, big and odd numbers, bad dates,
 * prototype keys, formula-like text, deep nesting, long lines.
 */
export type Random = () => number;

const TOKENS = [
  ',',
  ']',
  '[',
  '{',
  '}',
  '"',
  '\\',
  ':',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  ';',
  '#',
  '//',
  '\u2028',
  'null',
  'true',
  'false',
  '-1',
  '-0',
  '0',
  '1e309',
  '-1e309',
  '1.5',
  '99999999999999999999',
  '9007199254740993',
  '0x10',
  'NaN',
  '""',
  '"__proto__"',
  '"constructor"',
  '"prototype"',
  '"id"',
  '"lead_id"',
  '"events"',
  '"type"',
  '"at"',
  '"=cmd|\' /C calc\'!A0"',
  '"@SUM(1)"',
  '"2026-13-01"',
  '"2026-02-30T25:00"',
  '"yesterday"',
  '"\\ud800"',
  '"\\u0000"',
  '\uFEFF',
  '部長',
  '製造業',
  '\u0000',
  '"',
  "'",
  '`',
  '$',
  '%',
  'when',
  'on',
  'group',
  'tier',
  'otherwise',
  'within',
  'each',
  'max',
  '+',
  '-',
  '>=',
  '=',
];

/** Bytes that are not valid UTF-8 on their own. */
const BAD_UTF8 = [
  Buffer.from([0xff]),
  Buffer.from([0xc3]),
  Buffer.from([0xe3, 0x81]),
  Buffer.from([0x80, 0x80]),
  Buffer.from([0xed, 0xa0, 0x80]),
];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const at = (random: Random, length: number): number => Math.floor(random() * (length + 1));

type Mutation = (input: Buffer, random: Random) => Buffer;

const MUTATIONS: Mutation[] = [
  // insert a token
  (b, r) => {
    const i = at(r, b.length);
    return Buffer.concat([b.subarray(0, i), Buffer.from(pick(r, TOKENS)), b.subarray(i)]);
  },
  // insert bytes that are not UTF-8
  (b, r) => {
    const i = at(r, b.length);
    return Buffer.concat([b.subarray(0, i), pick(r, BAD_UTF8), b.subarray(i)]);
  },
  // delete a span
  (b, r) => {
    const i = at(r, b.length);
    return Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + 1 + Math.floor(r() * 40)))]);
  },
  // duplicate a span
  (b, r) => {
    const i = at(r, b.length);
    const span = b.subarray(i, i + Math.floor(r() * 200));
    return Buffer.concat([b.subarray(0, i), span, span, b.subarray(i + span.length)]);
  },
  // overwrite one byte
  (b, r) => {
    if (b.length === 0) return b;
    const copy = Buffer.from(b);
    copy[Math.floor(r() * b.length)] = Math.floor(r() * 256);
    return copy;
  },
  // truncate
  (b, r) => b.subarray(0, at(r, b.length)),
  // swap two lines
  (b, r) => {
    const lines = b.toString('latin1').split('\n');
    const i = Math.floor(r() * lines.length);
    const j = Math.floor(r() * lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  // replace a JSON string or number value
  (b, r) => {
    const text = b.toString('latin1');
    const values = [...text.matchAll(/"(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?/g)];
    if (values.length === 0) return b;
    const v = pick(r, values);
    return Buffer.concat([
      Buffer.from(text.slice(0, v.index), 'latin1'),
      Buffer.from(pick(r, TOKENS)),
      Buffer.from(text.slice(v.index + v[0].length), 'latin1'),
    ]);
  },
  // nest deeply
  (b, r) => {
    const i = at(r, b.length);
    const depth = 1 + Math.floor(r() * 300);
    return Buffer.concat([
      b.subarray(0, i),
      Buffer.from('['.repeat(depth) + ']'.repeat(Math.floor(r() * (depth + 1)))),
      b.subarray(i),
    ]);
  },
  // a long line
  (b, r) => {
    const i = at(r, b.length);
    return Buffer.concat([b.subarray(0, i), Buffer.from('x'.repeat(1 + Math.floor(r() * 100_000))), b.subarray(i)]);
  },
];

/** One to four mutations of `input`. */
export function mutate(input: Buffer, random: Random): Buffer {
  let out = input;
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) out = pick(random, MUTATIONS)(out, random);
  return out;
}
