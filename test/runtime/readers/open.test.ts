import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../../runtime/readers/errors.js';
import { formatFromPath, readRecords } from '../../../runtime/readers/open.js';
import { collect, tempFile } from './helpers.js';

describe('readRecords', () => {
  it('picks the format from the extension', () => {
    expect(formatFromPath('a.jsonl')).toBe('jsonl');
    expect(formatFromPath('a.NDJSON')).toBe('jsonl');
    expect(formatFromPath('dir.v2/a.json')).toBe('json');
    expect(formatFromPath('a.csv')).toBe('csv');
    expect(formatFromPath('-')).toBe('jsonl');
    expect(formatFromPath('a.txt')).toBeUndefined();
    expect(formatFromPath('csv')).toBeUndefined();
  });

  it('fails before reading when the file cannot be opened', async () => {
    const missing = readRecords('/nonexistent/leads.jsonl', 'jsonl');
    await expect(missing).rejects.toBeInstanceOf(DataFileError);
    await expect(missing).rejects.toMatchObject({
      code: 'cannot-open',
      message: 'cannot open /nonexistent/leads.jsonl: no such file',
    });
    await expect(readRecords('/tmp', 'csv')).rejects.toMatchObject({ code: 'cannot-open' });
  });

  it('dispatches to each reader', async () => {
    const jsonl = await readRecords(tempFile('a.jsonl', '{"id":1}\n'), 'jsonl');
    expect(await collect(jsonl)).toHaveLength(1);
    const json = await readRecords(tempFile('a.json', '[{"id":1},{"id":2}]'), 'json');
    expect(await collect(json)).toHaveLength(2);
    const csv = await readRecords(tempFile('a.csv', 'id\n1\n2\n3\n'), 'csv');
    expect(await collect(csv)).toHaveLength(3);
  });
});
