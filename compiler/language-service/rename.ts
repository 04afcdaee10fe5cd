import type { RuleFile } from '../../grammar/ast.js';
import { isIdentifier } from '../../grammar/identifier-pattern.js';
import type { Range } from '../../grammar/range.js';
import { KEYWORDS } from '../../grammar/tokens.js';
import { symbolAt, symbolsOf } from './references.js';

export type RenameResult =
  | { readonly ok: true; readonly edits: readonly { readonly range: Range; readonly newText: string }[] }
  | { readonly ok: false; readonly message: string };

/** What can be renamed at `offset`: the range of the name and its text; undefined when nothing there can be. */
export function prepareRename(file: RuleFile, offset: number): { range: Range; name: string } | undefined {
  const hit = symbolAt(file, offset);
  return hit && { range: hit.range, name: hit.symbol.name };
}

/** Renames a `let` list or a group everywhere it is named. */
export function renameAt(file: RuleFile, offset: number, newName: string): RenameResult {
  const hit = symbolAt(file, offset);
  if (!hit) return { ok: false, message: 'only a let list or a group can be renamed here' };
  if (!isIdentifier(newName) || KEYWORDS.has(newName)) {
    return {
      ok: false,
      message: `"${newName}" is not a valid name: use letters (Japanese too), digits and _, not starting with a digit, and not a keyword`,
    };
  }
  const { symbol } = hit;
  if (newName !== symbol.name && symbolsOf(file).some((s) => s.kind === symbol.kind && s.name === newName)) {
    return {
      ok: false,
      message: `there is already a ${symbol.kind === 'let' ? 'let list' : 'group'} named "${newName}"`,
    };
  }
  const ranges = [...(symbol.declaration ? [symbol.declaration] : []), ...symbol.uses];
  return { ok: true, edits: ranges.map((range) => ({ range, newText: newName })) };
}
