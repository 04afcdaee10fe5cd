/** Quoting and JSON paths for the input views: every name and path from a rule file reaches SQL only through these. */
import type { UsedPath } from '../../compiler/analysis/used-paths.js';

export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const str = (value: string): string => `'${value.replace(/'/g, "''")}'`;
/** `$."a"."b"`; `$` for no segments (the value itself). */
export const jsonPath = (segments: readonly string[]): string =>
  str(segments.length === 0 ? '$' : `$.${segments.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join('.')}`);

export function listType(path: UsedPath): string {
  const items = path.kind?.kind === 'array' ? path.kind.items : undefined;
  return items === 'number' ? 'DOUBLE[]' : items === 'boolean' ? 'BOOLEAN[]' : 'VARCHAR[]';
}
export const isArray = (path: UsedPath): boolean => path.kind?.kind === 'array';
