import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../../runtime/readers/errors.js';
import { jsonRecords } from '../../../runtime/readers/json.js';
import { collect, tempFile } from './helpers.js';

describe('jsonRecords', () => {
  it('reads an array of objects with the line of each element', async () => {
    const path = tempFile(
      'leads.json',
      '\ufeff[\r\n  {"id": "L1", "role": "役員"},\r\n  5,\r\n  {\r\n    "id": 3\r\n  }\r\n]',
    );
    expect(await collect(jsonRecords(path))).toEqual([
      { ok: true, recordNumber: 1, line: 2, value: { id: 'L1', role: '役員' } },
      { ok: false, recordNumber: 2, line: 3, reason: 'not a JSON object {…} (got a number)', raw: 5 },
      { ok: true, recordNumber: 3, line: 4, value: { id: 3 } },
    ]);
  });

  it('throws DataFileError for a file that is not a JSON array', async () => {
    const notArray = tempFile('obj.json', '\n  {"id": 1}');
    await expect(collect(jsonRecords(notArray))).rejects.toMatchObject({ code: 'not-json-array', line: 2, column: 3 });
    const broken = tempFile('broken.json', '[\n  {"id": 1},\n  {"id": 2\n]');
    const error = await collect(jsonRecords(broken)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect(error).toMatchObject({ code: 'not-json', line: 4, column: 1 });
    expect((error as Error).message).toMatch(/expected a comma/);
  });

  it('keeps hostile keys as own properties', async () => {
    const path = tempFile('hostile.json', '[{"id": 1, "__proto__": {"x": 1}}]');
    const [record] = await collect(jsonRecords(path));
    expect(record!.ok && Object.hasOwn(record!.value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('jsonRecords and numbers too large to be numbers', () => {
  it('rejects the record holding one, with its source text kept as written', async () => {
    const path = tempFile('huge.json', '[\n  {"id":"A"},\n  {"id":"B", "x": 2e999}\n]\n');
    const records = await collect(jsonRecords(path));
    expect(records[0]).toMatchObject({ ok: true });
    expect(records[1]).toMatchObject({ ok: false, line: 3, raw: '{"id":"B", "x": 2e999}' });
  });
});

describe('DataFileError', () => {
  it('writes the position once: the problem is kept apart from it', async () => {
    const broken = tempFile('twice.json', '[\n  {"id": }\n]');
    const error = (await collect(jsonRecords(broken)).catch((e: unknown) => e)) as DataFileError;
    expect(error.problem).toMatch(/^not valid JSON: /);
    expect(error.message).toBe(`${broken}:2:10: ${error.problem}`);
  });
});
