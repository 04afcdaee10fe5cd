import type { Condition, Identifier, RuleFile } from '../../grammar/ast.js';
import type { Range } from '../../grammar/range.js';

/**
 * The names a file declares and where they are used: `let` lists (named
 * after `in`) and groups (named in `tier … when` conditions, where a group's
 * name reads its subtotal). The basis of go to definition, find references
 * and rename.
 */
export type SymbolKind = 'let' | 'group';

export interface NameSymbol {
  readonly kind: SymbolKind;
  readonly name: string;
  /** The name in its declaration (the first, if it is declared twice). */
  readonly declaration?: Range;
  /** Every use, declarations excluded. */
  readonly uses: readonly Range[];
}

/** Every `let` and group of the file, with their uses. */
export function symbolsOf(file: RuleFile): NameSymbol[] {
  const declared = new Map<string, { kind: SymbolKind; name: string; declaration?: Range; uses: Range[] }>();
  const key = (kind: SymbolKind, name: string) => `${kind}\u0000${name}`;
  const entry = (kind: SymbolKind, name: Identifier | string, declaration?: Range) => {
    const text = typeof name === 'string' ? name : name.name;
    let found = declared.get(key(kind, text));
    if (!found) declared.set(key(kind, text), (found = { kind, name: text, uses: [] }));
    if (declaration && !found.declaration) found.declaration = declaration;
    return found;
  };
  for (const statement of file.statements) {
    if (statement.kind === 'let') entry('let', statement.name, statement.name.range);
    if (statement.kind === 'group') entry('group', statement.name, statement.name.range);
  }
  const groupsDeclared = new Set([...declared.values()].filter((s) => s.kind === 'group').map((s) => s.name));
  const visit = (condition: Condition, inTier: boolean): void => {
    switch (condition.kind) {
      case 'not':
        visit(condition.operand, inTier);
        return;
      case 'and':
      case 'or':
        for (const operand of condition.operands) visit(operand, inTier);
        return;
      default: {
        if (condition.kind === 'in' && condition.list.kind === 'identifier')
          entry('let', condition.list).uses.push(condition.list.range);
        const first = condition.path.segments[0];
        if (inTier && first && groupsDeclared.has(first.name)) entry('group', first).uses.push(first.range);
      }
    }
  };
  for (const statement of file.statements) {
    const rules = statement.kind === 'group' ? statement.rules : [statement];
    for (const rule of rules) {
      if (rule.kind === 'when') visit(rule.condition, false);
      if (rule.kind === 'on' && rule.where) visit(rule.where, false);
    }
    if (statement.kind === 'tier' && statement.test.kind === 'when') visit(statement.test.condition, true);
  }
  return [...declared.values()];
}

/** The symbol whose declaration or use is at `offset` (touching either end counts, as editors expect). */
export function symbolAt(file: RuleFile, offset: number): { symbol: NameSymbol; range: Range } | undefined {
  for (const symbol of symbolsOf(file)) {
    for (const range of [...(symbol.declaration ? [symbol.declaration] : []), ...symbol.uses]) {
      if (range.start.offset <= offset && offset <= range.end.offset) return { symbol, range };
    }
  }
  return undefined;
}

/** Go to definition: the declaration of the name at `offset`. */
export function definitionAt(file: RuleFile, offset: number): Range | undefined {
  return symbolAt(file, offset)?.symbol.declaration;
}

/** Find references: every use of the name at `offset`, with its declaration first when asked for. */
export function referencesAt(file: RuleFile, offset: number, includeDeclaration: boolean): Range[] {
  const hit = symbolAt(file, offset);
  if (!hit) return [];
  const { declaration, uses } = hit.symbol;
  return [...(includeDeclaration && declaration ? [declaration] : []), ...uses];
}
