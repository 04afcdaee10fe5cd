import type { IToken } from 'chevrotain';
import type { Condition, RuleFile, Value } from '../../grammar/ast.js';
import { tokenize } from '../../grammar/lexer.js';
import { LineMap } from '../../grammar/range.js';
import { TextIndex } from './positions.js';

/**
 * Semantic colouring: what each word of the file is, beyond what a TextMate
 * grammar can tell (a `let` name, a group, an event type, a field, an enum
 * value written bare). The order of the legend is the order of the indexes
 * editors receive.
 */
export const SEMANTIC_TOKEN_TYPES = [
  'keyword',
  'comment',
  'string',
  'number',
  'operator',
  'variable',
  'namespace',
  'event',
  'property',
  'enumMember',
  'class',
] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];

export interface SemanticToken {
  /** 0-based line and UTF-16 character, as editors count. */
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: SemanticTokenType;
  readonly declaration: boolean;
}

const OPERATORS = new Set(['NotEqual', 'LessEqual', 'GreaterEqual', 'Less', 'Greater', 'Equals']);

export function semanticTokens(text: string, file: RuleFile): SemanticToken[] {
  const names = identifierRoles(file);
  const lexed = tokenize(text, new LineMap(text));
  const all: IToken[] = [...lexed.tokens, ...lexed.comments].sort((a, b) => a.startOffset - b.startOffset);
  const index = new TextIndex(text);
  const out: SemanticToken[] = [];
  for (const token of all) {
    const name = token.tokenType.name;
    let type: SemanticTokenType | undefined;
    let declaration = false;
    if (name === 'Comment') type = 'comment';
    else if (name === 'ClosedString' || name === 'UnterminatedString')
      type = names.get(token.startOffset)?.type ?? 'string';
    else if (name === 'NumberLiteral' || name === 'SignedNumber' || name === 'DurationLiteral') type = 'number';
    else if (OPERATORS.has(name)) type = 'operator';
    else if (name.startsWith('Kw_')) type = 'keyword';
    else if (name === 'Identifier') {
      // A name the parse does not place (a contextual keyword of language version 2, a half-typed statement) keeps the grammar's colour.
      const role = names.get(token.startOffset);
      if (!role) continue;
      type = role.type;
      declaration = role.declaration;
    }
    if (!type || token.endOffset === undefined) continue;
    const start = index.positionAt(token.startOffset);
    // Tokens never span lines (strings and comments stop at the line break).
    out.push({
      line: start.line,
      character: start.character,
      length: token.endOffset + 1 - token.startOffset,
      type,
      declaration,
    });
  }
  return out;
}

/** What each name of the parse is, by its start offset. */
function identifierRoles(file: RuleFile): Map<number, { type: SemanticTokenType; declaration: boolean }> {
  const roles = new Map<number, { type: SemanticTokenType; declaration: boolean }>();
  const set = (offset: number, type: SemanticTokenType, declaration = false) =>
    roles.set(offset, { type, declaration });
  const groups = new Set<string>();
  for (const statement of file.statements) if (statement.kind === 'group') groups.add(statement.name.name);
  const value = (v: Value) => {
    if (v.kind === 'string' && !v.quoted) set(v.range.start.offset, 'enumMember');
  };
  const visit = (condition: Condition, inTier: boolean): void => {
    switch (condition.kind) {
      case 'not':
        return visit(condition.operand, inTier);
      case 'and':
      case 'or':
        for (const operand of condition.operands) visit(operand, inTier);
        return;
      default:
        condition.path.segments.forEach((s, i) =>
          set(s.range.start.offset, inTier && i === 0 && groups.has(s.name) ? 'namespace' : 'property'),
        );
        if (condition.kind === 'compare' || condition.kind === 'contains') value(condition.value);
        if (condition.kind === 'in') {
          if (condition.list.kind === 'identifier') set(condition.list.range.start.offset, 'variable');
          else condition.list.items.forEach(value);
        }
    }
  };
  for (const statement of file.statements) {
    if (statement.kind === 'let') {
      set(statement.name.range.start.offset, 'variable', true);
      statement.list.items.forEach(value);
    }
    if (statement.kind === 'group') set(statement.name.range.start.offset, 'namespace', true);
    if (statement.kind === 'tier') {
      set(statement.name.range.start.offset, 'class', true);
      if (statement.test.kind === 'when') visit(statement.test.condition, true);
    }
    for (const rule of statement.kind === 'group' ? statement.rules : [statement]) {
      if (rule.kind === 'when') visit(rule.condition, false);
      if (rule.kind === 'on') {
        set(rule.eventType.range.start.offset, 'event');
        if (rule.where) visit(rule.where, false);
      }
    }
  }
  return roles;
}
