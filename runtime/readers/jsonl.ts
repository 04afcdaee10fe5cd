/**
 * JSON Lines, streamed line by line: memory does not grow with the number of
 * records. Blank lines are skipped and not counted as records.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { openInput } from './input.js';
import { findJsonSyntaxProblem } from './json-syntax.js';
import { isPlainRecord, type ReadRecord } from './record.js';

export async function* jsonlRecords(input: string | Readable): AsyncGenerator<ReadRecord> {
  const stream = typeof input === 'string' ? await openInput(input) : input;
  // readline decodes UTF-8 across chunk boundaries and accepts \n, \r\n and \r.
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  let recordNumber = 0;
  try {
    for await (const physical of lines) {
      line++;
      const text = line === 1 && physical.charCodeAt(0) === 0xfeff ? physical.slice(1) : physical;
      if (text.trim() === '') continue;
      recordNumber++;
      yield parseJsonLine(text, recordNumber, line);
    }
  } finally {
    lines.close();
    if (stream !== process.stdin) stream.destroy();
  }
}

/** One line of JSON Lines as a record: a JSON object, or a reason it is not one. */
export function parseJsonLine(text: string, recordNumber: number, line: number): ReadRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const problem = findJsonSyntaxProblem(text);
    const reason = problem === undefined ? 'not valid JSON' : `not valid JSON: ${problem.message} at column ${problem.offset + 1}`;
    return { ok: false, recordNumber, line, reason, raw: text };
  }
  if (!isPlainRecord(value)) return { ok: false, recordNumber, line, reason: `not a JSON object {…} (got ${kind(value)})`, raw: value };
  return { ok: true, recordNumber, line, value };
}

export function kind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value;
}
