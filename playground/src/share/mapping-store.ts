import type { ColumnMapping } from '../engine/column-mapping.js';

/**
 * Column mappings the user applied, by header signature (column-mapping.ts):
 * next month's export from the same CRM is mapped again without asking.
 * Not part of share links: the data files are not either.
 */
const KEY = 'leadscore-playground:column-mappings:v1';
/** Enough for every CRM export a team uses; the oldest is dropped first. */
const MAX_REMEMBERED = 50;

function readAll(): Record<string, ColumnMapping> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, ColumnMapping>)
      : {};
  } catch {
    return {};
  }
}

export function recallMapping(signature: string): ColumnMapping | undefined {
  const all = readAll();
  if (!Object.hasOwn(all, signature)) return undefined;
  const mapping = all[signature];
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) return undefined;
  // Only text → text pairs: the store is the user's, but it is still input.
  const clean: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping))
    if (typeof column === 'string')
      Object.defineProperty(clean, field, { value: column, enumerable: true, writable: true, configurable: true });
  return clean;
}

export function rememberMapping(signature: string, mapping: ColumnMapping): void {
  const all = readAll();
  delete all[signature];
  const entries = [...Object.entries(all), [signature, mapping] as const].slice(-MAX_REMEMBERED);
  try {
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Storage full or disabled: the mapping still applies now, it is just not remembered.
  }
}
