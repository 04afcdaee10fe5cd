import type { ColumnTyper } from '../../../runtime/readers/column-types.js';
import { convertCell } from '../../../runtime/readers/convert-cell.js';
import { defineOwn, isPlainRecord } from '../../../runtime/readers/record.js';

/**
 * One CSV row → a record, the way `leadscore score` reads CSV: each cell
 * converted by the schema type of its column, an empty cell left out, a
 * dotted header (`company.size`) building a nested object. Keys are set as
 * own properties so a `__proto__` column stays data.
 */
export function csvRowToRecord(header: readonly string[], cells: readonly string[], typeOf: ColumnTyper): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  if (cells.length !== header.length) return { ok: false, reason: `the row has ${cells.length} cells but the header has ${header.length} columns` };
  const byName = new Map<string, string>();
  header.forEach((name, i) => {
    if (name !== '') byName.set(name, cells[i] ?? '');
  });
  const value: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, cell] of byName) {
    const converted = convertCell(cell, typeOf(name, byName));
    if (!converted.ok) problems.push(`${name}: ${converted.reason}`);
    else if (converted.value !== undefined && !setPath(value, name.split('.').some((p) => p === '') ? [name] : name.split('.'), converted.value)) {
      problems.push(`${name}: conflicting columns`);
    }
  }
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, value };
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): boolean {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
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
