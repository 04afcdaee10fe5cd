import type { IToken } from 'chevrotain';
import type { RuleFile } from './ast.js';
import { AstBuilder } from './build-ast.js';
import { error, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { tokenize } from './lexer.js';
import { parseTokens } from './parser.js';
import { LineMap, type Range } from './range.js';

export interface ParseResult {
  readonly file: RuleFile;
  readonly diagnostics: Diagnostic[];
}

/** Guards against hostile input (a shared link with megabytes of rules). */
export const MAX_SOURCE_LENGTH = 5_000_000;

/**
 * Source text → AST and syntax diagnostics. Never throws: a broken file
 * yields the statements that could be read and one diagnostic per error.
 */
export function parse(source: string): ParseResult {
  const lines = new LineMap(source);
  if (source.length > MAX_SOURCE_LENGTH) {
    return {
      file: { kind: 'file', statements: [], comments: [], range: lines.range(0, 0) },
      diagnostics: [error('syntax', `the rule file is too large (${source.length} characters; at most ${MAX_SOURCE_LENGTH})`, lines.range(0, 0))],
    };
  }
  const lexed = tokenize(source, lines);
  const diagnostics = [...lexed.diagnostics];
  const { statements, errors } = parseTokens(lexed.tokens);
  for (const e of errors) {
    diagnostics.push(error('syntax', e.message, syntaxErrorRange(e.token, lexed.tokens, lines)));
  }
  const file = new AstBuilder(lines, diagnostics).file(statements, lexed.comments);
  return { file, diagnostics: sortDiagnostics(dedupe(diagnostics)) };
}

/**
 * Where to point a syntax error: at the unexpected token, except when that
 * token sits on a later line than the one before it (or is the end of the
 * file) — then at the end of the previous token, where something is missing.
 */
function syntaxErrorRange(found: IToken, all: IToken[], lines: LineMap): Range {
  const foundOffset = Number.isFinite(found.startOffset) ? found.startOffset : lines.text.length;
  const index = all.findIndex((t) => t.startOffset >= foundOffset);
  const previous = index === -1 ? all[all.length - 1] : all[index - 1];
  const atEnd = index === -1;
  if (previous && (atEnd || lines.position(previous.endOffset! + 1).line < lines.position(foundOffset).line)) {
    const end = previous.endOffset! + 1;
    return lines.range(end, end);
  }
  if (atEnd) return lines.range(lines.text.length, lines.text.length);
  return lines.range(foundOffset, found.endOffset! + 1);
}

/** Recovery can report the same spot twice; one message per place is enough. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.range.start.offset}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
