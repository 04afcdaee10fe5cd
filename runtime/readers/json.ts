/**
 * A JSON array of records. Unlike JSON Lines this is read whole and held in
 * memory (JSON cannot be split into records without parsing it all); JSON
 * Lines is the streaming format for large files.
 */
import type { Readable } from 'node:stream';
import { visit } from 'jsonc-parser';
import { LineMap } from '../../grammar/range.js';
import { DataFileError } from './errors.js';
import { openInput } from './input.js';
import { findJsonSyntaxProblem } from '../../core/json-syntax.js';
import { kind } from './jsonl.js';
import { isPlainRecord, type ReadRecord } from '../records/record.js';

export async function* jsonRecords(
  input: string | Readable,
  file = typeof input === 'string' ? input : '-',
): AsyncGenerator<ReadRecord> {
  const stream = typeof input === 'string' ? await openInput(input) : input;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  let text = Buffer.concat(chunks).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep columns those of the file
  const values = parseArray(text, file);
  const lines = elementLines(text);
  for (let i = 0; i < values.length; i++) {
    const value: unknown = values[i];
    const line = lines[i] ?? 1;
    yield isPlainRecord(value)
      ? { ok: true, recordNumber: i + 1, line, value }
      : { ok: false, recordNumber: i + 1, line, reason: `not a JSON object {…} (got ${kind(value)})`, raw: value };
  }
}

function parseArray(text: string, file: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const problem = findJsonSyntaxProblem(text);
    const at = new LineMap(text).position(problem?.offset ?? 0);
    throw new DataFileError(
      'not-json',
      file,
      `${file}:${at.line}:${at.column}: not valid JSON: ${problem?.message ?? 'cannot be read'}`,
      at.line,
      at.column,
    );
  }
  if (!Array.isArray(value)) {
    const start = text.length - text.trimStart().length;
    const at = new LineMap(text).position(start);
    throw new DataFileError(
      'not-json-array',
      file,
      `${file}:${at.line}:${at.column}: a .json data file must be a list of records [ {…}, {…} ] (got ${kind(value)}); for one record per line use .jsonl`,
      at.line,
      at.column,
    );
  }
  return value;
}

/** The 1-based line where each top-level element of the array starts. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  const begin = (_offset: number, _length: number, startLine: number): void => {
    if (depth === 1) lines.push(startLine + 1);
    depth++;
  };
  const end = (): void => {
    depth--;
  };
  visit(text, {
    onObjectBegin: begin,
    onArrayBegin: begin,
    onObjectEnd: end,
    onArrayEnd: end,
    onLiteralValue: (_value, _offset, _length, startLine) => {
      if (depth === 1) lines.push(startLine + 1);
    },
  });
  return lines;
}
