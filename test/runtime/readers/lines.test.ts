import fc from 'fast-check';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lineBatches } from '../../../runtime/readers/lines.js';

async function viaLineBatches(chunks: Buffer[]): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of lineBatches(Readable.from(chunks))) out.push(...batch);
  return out;
}

async function viaReadline(chunks: Buffer[]): Promise<string[]> {
  const out: string[] = [];
  for await (const line of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity })) out.push(line);
  return out;
}

/** `text` as UTF-8, cut into chunks at the given byte positions (possibly inside a character or a \r\n). */
function chunked(text: string, cuts: number[]): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const p of points) {
    if (p > start) chunks.push(bytes.subarray(start, p));
    start = Math.max(start, p);
  }
  if (start < bytes.length) chunks.push(bytes.subarray(start));
  return chunks;
}

describe('lineBatches', () => {
  it('gives the lines readline gives, for any line breaks and any chunking', async () => {
    const piece = fc.oneof(
      fc.constantFrom('\n', '\r\n', '\r', '{"a":1}', '日本語', ' ', 'x', '\ufeff'),
      fc.string({ maxLength: 5 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.nat(200), { maxLength: 6 }),
        async (pieces, cuts) => {
          const chunks = chunked(pieces.join(''), cuts);
          expect(await viaLineBatches(chunks)).toEqual(await viaReadline(chunks));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a line longer than a chunk whole', async () => {
    const long = 'y'.repeat(5000);
    expect(await viaLineBatches(chunked(`a\n${long}\nb`, [1, 100, 2000, 4000]))).toEqual(['a', long, 'b']);
  });
});

describe('lineBatches for JSON Lines (a lone \\r is text)', () => {
  async function lfLines(chunks: Buffer[]): Promise<string[]> {
    const out: string[] = [];
    for await (const batch of lineBatches(Readable.from(chunks), { loneCr: 'text' })) out.push(...batch);
    return out;
  }

  it('ends lines at \\n and \\r\\n only, for any chunking', async () => {
    const piece = fc.constantFrom('\n', '\r\n', '\r', '{"a":1}', '日本語', ' ', 'x');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.nat(200), { maxLength: 6 }),
        async (pieces, cuts) => {
          const text = pieces.join('');
          const expected = text.split('\n').map((l, i, all) => (i < all.length - 1 ? l.replace(/\r$/, '') : l));
          if (expected.at(-1) === '') expected.pop();
          expect(await lfLines(chunked(text, cuts))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a lone \\r inside its line', async () => {
    expect(await lfLines([Buffer.from('{"a":\r1}\r\n{"b":2}\n')])).toEqual(['{"a":\r1}', '{"b":2}']);
  });
});
