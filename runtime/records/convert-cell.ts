/**
 * Converts one CSV cell to the value its schema type says (docs/cli.md#input-files):
 * a cell that does not convert makes the record invalid, never a silent zero.
 */
import type { FieldType } from '../../compiler/schema/model.js';

export type CellResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** Strict decimal notation: `12`, `-3`, `1.5`, `.5`, `1e3`; not `12abc`, `0x10`, `1,000`, `Infinity`. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false)$/i;

/**
 * `value: undefined` means missing: the caller omits the key (an empty cell).
 * A reason names the cell, not the column (`"12abc" is not a number`); the
 * caller puts the column name in front.
 *
 * - number/integer: strict decimal text; booleans: true/false in any case;
 * - arrays: a JSON array `["a","b"]`, or items separated by `;` (each item
 *   converted by the item type);
 * - strings as written (a field typed only as string stays a string even
 *   when it looks numeric);
 * - no type (no schema, undeclared field, or a schema that allows anything):
 *   see inferCell.
 */
export function convertCell(cell: string, type: FieldType | undefined): CellResult {
  if (cell === '') return { ok: true, value: undefined };
  if (type === undefined || type.types.size === 0) return { ok: true, value: inferCell(cell) };
  const types = type.types;
  const trimmed = cell.trim();
  if ((types.has('number') || types.has('integer')) && NUMBER.test(trimmed))
    return { ok: true, value: Number(trimmed) };
  if (types.has('boolean') && BOOLEAN.test(trimmed)) return { ok: true, value: trimmed.toLowerCase() === 'true' };
  if (types.has('array') && (trimmed.startsWith('[') || !types.has('string'))) return convertList(cell, type.items);
  if (types.has('object') && trimmed.startsWith('{')) {
    const parsed = parseJson(trimmed);
    if (parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value))
      return parsed;
    if (!types.has('string')) return { ok: false, reason: `${quote(cell)} is not a valid JSON object` };
  }
  if (types.has('string')) return { ok: true, value: cell };
  if (types.has('null') && trimmed === 'null') return { ok: true, value: null };
  if (types.has('number') || types.has('integer')) return { ok: false, reason: `${quote(cell)} is not a number` };
  if (types.has('boolean')) return { ok: false, reason: `${quote(cell)} is not true or false` };
  if (types.has('object')) return { ok: false, reason: `${quote(cell)} is not a JSON object like {"key": "value"}` };
  return { ok: false, reason: `${quote(cell)} cannot be read as ${[...types].join(' or ')}` };
}

/**
 * Untyped cells: a number for plain decimal text, a boolean for true/false,
 * else the text. Text that a number would damage stays text: leading zeros
 * (`007`, zip and phone numbers), a leading `+`, and integers too big to be
 * exact (long ids).
 */
export function inferCell(cell: string): unknown {
  if (BOOLEAN.test(cell)) return cell.toLowerCase() === 'true';
  if (!NUMBER.test(cell) || cell.startsWith('+') || /^-?0\d/.test(cell)) return cell;
  const value = Number(cell);
  if (!Number.isFinite(value)) return cell;
  if (/^-?\d+$/.test(cell) && !Number.isSafeInteger(value)) return cell;
  return value;
}

function convertList(cell: string, items: FieldType | undefined): CellResult {
  const trimmed = cell.trim();
  if (trimmed.startsWith('[')) {
    const parsed = parseJson(trimmed);
    if (parsed.ok && Array.isArray(parsed.value)) return parsed;
    return { ok: false, reason: `${quote(cell)} is not a valid list (write ["a","b"] or a;b)` };
  }
  const values: unknown[] = [];
  for (const part of cell.split(';')) {
    const item = part.trim();
    if (item === '') continue;
    const converted =
      items === undefined || items.types.size === 0 ? { ok: true as const, value: item } : convertCell(item, items);
    if (!converted.ok) return { ok: false, reason: `${converted.reason} (in the list ${quote(cell)})` };
    values.push(converted.value);
  }
  return { ok: true, value: values };
}

function parseJson(text: string): CellResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: `${quote(text)} is not valid JSON` };
  }
}

function quote(cell: string): string {
  const chars = Array.from(cell);
  return JSON.stringify(chars.length > 60 ? chars.slice(0, 57).join('') + '…' : cell);
}
