import type { ColumnTyper } from './column-types.js';
import { convertCell } from './convert-cell.js';
import { defineOwn, isPlainRecord } from './record.js';

/**
 * One CSV row → a record, the way every leadscore reader does it: each cell
 * converted by its column's schema type, an empty cell left out (missing), a
 * dotted header (`company.size`) building a nested object. Keys are set as
 * own properties so a `__proto__` column stays data. Browser-safe: the CLI's
 * streaming reader and the playground's worker share it.
 */
export function convertRow(
  header: readonly string[],
  cells: readonly string[],
  typeOf: ColumnTyper | undefined,
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  if (cells.length !== header.length)
    return { ok: false, reason: `the row has ${cells.length} cells but the header has ${header.length} columns` };
  const byName = new Map<string, string>();
  header.forEach((name, i) => {
    if (name !== '') byName.set(name, cells[i] ?? '');
  });
  const value: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, cell] of byName) {
    const converted = convertCell(cell, typeOf?.(name, byName));
    if (!converted.ok) problems.push(`${name}: ${converted.reason}`);
    else if (converted.value !== undefined && !setPath(value, splitPath(name), converted.value)) {
      problems.push(`${name}: ${name.slice(0, name.lastIndexOf('.'))} is also given as a single cell`);
    }
  }
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, value };
}

/** `company.size` → ['company', 'size']; a header with an empty segment is taken literally. */
function splitPath(name: string): string[] {
  const parts = name.split('.');
  return parts.some((p) => p === '') ? [name] : parts;
}

/** Sets a nested own property; false when a parent is already a non-object value. */
function setPath(target: Record<string, unknown>, path: string[], value: unknown): boolean {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    // Own-property checks only: `constructor` must not find Object.prototype.constructor.
    let next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (next === undefined) defineOwn(node, key, (next = {}));
    if (!isPlainRecord(next)) return false;
    node = next;
  }
  const last = path[path.length - 1]!;
  if (Object.hasOwn(node, last) && isPlainRecord(node[last])) return false;
  defineOwn(node, last, value);
  return true;
}
