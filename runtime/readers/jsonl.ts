/**
 * JSON Lines, streamed chunk by chunk: memory does not grow with the number
 * of records. Blank lines are skipped and not counted as records. Only \n
 * and \r\n end a line: a lone \r is part of its line.
 */
import type { Readable } from 'node:stream';
import { decodeToUtf8, garbledRecordReason, isGarbled, type DecodeState, type Encoding } from './decode.js';
import { openInput } from './input.js';
import { findJsonSyntaxProblem, findTooDeep, MAX_JSON_DEPTH } from '../../core/json-syntax.js';
import { restoreIdsInLine } from './exact-ids.js';
import { hugeNumberReason, mayHoldHugeNumber } from './huge-numbers.js';
import { lineBatches } from './lines.js';
import { isPlainRecord, type ReadRecord } from '../records/record.js';

export async function* jsonlRecords(input: string | Readable, encoding: Encoding = 'auto'): AsyncGenerator<ReadRecord> {
  for await (const batch of jsonlRecordBatches(input, encoding)) yield* batch;
}

/**
 * The records of each chunk read, as one batch: a consumer of millions of
 * records pays one async step per chunk instead of one per record. A batch
 * parses its lines as it is iterated (once), so only the record in hand is
 * alive: parsing a whole chunk's records up front kept thousands alive
 * across young-generation collections, which then had to copy them.
 */
export async function* jsonlRecordBatches(
  input: string | Readable,
  encoding: Encoding = 'auto',
): AsyncGenerator<Iterable<ReadRecord>> {
  const stream = typeof input === 'string' ? await openInput(input) : input;
  const decoded = decodeToUtf8(stream, encoding);
  const numbering = { line: 0, record: 0 };
  try {
    for await (const lines of lineBatches(decoded.stream, { loneCr: 'text' }))
      yield parseLines(lines, numbering, decoded.state);
  } finally {
    if (stream !== process.stdin) stream.destroy();
  }
}

function* parseLines(
  lines: readonly string[],
  numbering: { line: number; record: number },
  decoding: DecodeState,
): Generator<ReadRecord> {
  for (let i = 0; i < lines.length; i++) {
    const line = ++numbering.line;
    let text = lines[i]!;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // Most lines start with `{`: only the others can be blank.
    if (text.charCodeAt(0) !== 0x7b && text.trim() === '') continue;
    if (isGarbled(decoding, text))
      yield { ok: false, recordNumber: ++numbering.record, line, reason: garbledRecordReason(decoding), raw: text };
    else yield parseJsonLine(text, ++numbering.record, line);
  }
}

/** One line of JSON Lines as a record: a JSON object, or a reason it is not one. */
export function parseJsonLine(text: string, recordNumber: number, line: number): ReadRecord {
  // Checked first: the syntax explainer, schema validation and --rejects all recurse into the value.
  const deep = findTooDeep(text);
  if (deep !== undefined) {
    return {
      ok: false,
      recordNumber,
      line,
      reason: `nested more than ${MAX_JSON_DEPTH} lists or objects deep (at column ${deep + 1}): flatten the record`,
      raw: text,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const problem = findJsonSyntaxProblem(text);
    const reason =
      problem === undefined ? 'not valid JSON' : `not valid JSON: ${problem.message} at column ${problem.offset + 1}`;
    return { ok: false, recordNumber, line, reason, raw: text };
  }
  if (!isPlainRecord(value))
    return { ok: false, recordNumber, line, reason: `not a JSON object {…} (got ${kind(value)})`, raw: value };
  if (mayHoldHugeNumber(text)) {
    const huge = hugeNumberReason(value);
    if (huge !== undefined) return { ok: false, recordNumber, line, reason: huge, raw: text };
  }
  restoreIdsInLine(value, text);
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
