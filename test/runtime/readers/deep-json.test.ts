import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonRecords } from '../../../runtime/readers/json.js';
import { MAX_JSON_DEPTH, findTooDeep } from '../../../core/json-syntax.js';
import { jsonlRecords, parseJsonLine } from '../../../runtime/readers/jsonl.js';
import { collect } from './helpers.js';

const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

describe('deeply nested JSON data', () => {
  it('a lead line nested 100,000 deep is one invalid record (valid JSON or not), and the next line is read', async () => {
    const lines = [
      `{"id":"d1","x":${deepArray(100_000)}}`,
      `{"id":"d2","x":${deepObject(100_000)}}`,
      `{"id":"d3","x":${'['.repeat(100_000)}`,
      `{"id":"d4","events":[{"type":"v","at":"2026-10-01","p":${deepArray(100_000)}}]}`,
      '{"id":"ok"}',
    ];
    const records = await collect(jsonlRecords(Readable.from([lines.join('\n') + '\n'])));
    expect(records.map((r) => r.ok)).toEqual([false, false, false, false, true]);
    for (const r of records.slice(0, 4)) {
      expect(r.ok === false && r.reason).toMatch(`nested more than ${MAX_JSON_DEPTH} lists or objects deep`);
      // The raw text is kept whole for --rejects, and writing it out does not recurse.
      expect(r.ok === false && typeof r.raw).toBe('string');
      expect(() => JSON.stringify(r.ok === false && r.raw)).not.toThrow();
    }
  });

  it('up to the limit is read as usual', () => {
    const text = `{"id":"L","x":${deepArray(MAX_JSON_DEPTH - 1)}}`;
    expect(parseJsonLine(text, 1, 1).ok).toBe(true);
    expect(parseJsonLine(`{"id":"L","x":${deepArray(MAX_JSON_DEPTH)}}`, 1, 1).ok).toBe(false);
  });

  it('brackets inside strings do not count', () => {
    expect(findTooDeep(`{"x":"${'['.repeat(5000)}\\"${'{'.repeat(5000)}"}`)).toBeUndefined();
  });

  it('a .json file with a record nested too deep is a clear data-file error', async () => {
    await expect(
      collect(jsonRecords(Readable.from([`[{"id":"ok"},{"id":"d","x":${deepArray(100_000)}}]`]))),
    ).rejects.toMatchObject({
      code: 'too-deep',
      message: expect.stringContaining('nested more than 1000 lists or objects deep'),
    });
  });
});
