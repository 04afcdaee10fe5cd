/**
 * A JSON array of records. Unlike JSON Lines this is read whole and held in
 * memory (JSON cannot be split into records without parsing it all); JSON
 * Lines is the streaming format for large files.
 */
import type { Readable } from 'node:stream';
import { parseTree, visit, type Node } from 'jsonc-parser';
import { LineMap } from '../../grammar/range.js';
import { decodeWhole, garbledReason, type Encoding } from './decode.js';
import { DataFileError } from './errors.js';
import { hasRoundedId, restoreIds } from './exact-ids.js';
import { hugeNumberReason, mayHoldHugeNumber } from './huge-numbers.js';
import { openInput } from './input.js';
import { findJsonSyntaxProblem, findTooDeep, MAX_JSON_DEPTH } from '../../core/json-syntax.js';
import { kind } from './jsonl.js';
import { isPlainRecord, type ReadRecord } from '../records/record.js';

export async function* jsonRecords(
  input: string | Readable,
  file = typeof input === 'string' ? input : '-',
  encoding: Encoding = 'auto',
): AsyncGenerator<ReadRecord> {
  const stream = typeof input === 'string' ? await openInput(input) : input;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const decoded = decodeWhole(Buffer.concat(chunks), encoding);
  // One array: a garbled part cannot be cut out as a record of its own, so the file is refused.
  if (decoded.state.replaced) throw new DataFileError('bad-encoding', file, garbledReason(decoded.state));
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep columns those of the file
  const values = parseArray(text, file);
  const lines = elementLines(text);
  // Ids beyond 2^53 keep their digits (exact-ids.ts); the tree is built only for a file that has one.
  let tree: Node | undefined | null = null;
  const elementTree = (i: number): Node | undefined => {
    if (tree === null) tree = parseTree(text);
    return tree?.children?.[i];
  };
  values.forEach((value, i) => {
    if (isPlainRecord(value) && hasRoundedId(value)) restoreIds(value, elementTree(i), text);
  });
  const mayHoldHuge = mayHoldHugeNumber(text);
  for (let i = 0; i < values.length; i++) {
    const value: unknown = values[i];
    const line = lines[i] ?? 1;
    if (!isPlainRecord(value)) {
      yield { ok: false, recordNumber: i + 1, line, reason: `not a JSON object {…} (got ${kind(value)})`, raw: value };
      continue;
    }
    const huge = mayHoldHuge ? hugeNumberReason(value) : undefined;
    if (huge === undefined) yield { ok: true, recordNumber: i + 1, line, value };
    else {
      // The record's source text: its huge number kept as written.
      const node = elementTree(i);
      const raw = node === undefined ? value : text.slice(node.offset, node.offset + node.length);
      yield { ok: false, recordNumber: i + 1, line, reason: huge, raw };
    }
  }
}

function parseArray(text: string, file: string): unknown[] {
  // Checked first: locating the records and explaining syntax errors recurse into the text.
  const deep = findTooDeep(text, MAX_JSON_DEPTH + 1); // +1: the array holding the records
  if (deep !== undefined) {
    const at = new LineMap(text).position(deep);
    throw new DataFileError(
      'too-deep',
      file,
      `a record is nested more than ${MAX_JSON_DEPTH} lists or objects deep: flatten it`,
      at.line,
      at.column,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const problem = findJsonSyntaxProblem(text);
    const at = new LineMap(text).position(problem?.offset ?? 0);
    throw new DataFileError(
      'not-json',
      file,
      `not valid JSON: ${problem?.message ?? 'cannot be read'}`,
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
      `a .json data file must be a list of records [ {…}, {…} ] (got ${kind(value)}); for one record per line use .jsonl`,
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
