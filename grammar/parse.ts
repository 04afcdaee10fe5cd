import type { IToken } from 'chevrotain';
import type { RuleFile } from './ast.js';
import { AstBuilder } from './build-ast.js';
import { error, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { tokenize } from './lexer.js';
import { parseTokens } from './recovery.js';
import { isStatementStart } from './syntax-messages.js';
import { LParen, Not, RParen } from './tokens.js';
import { LineMap, type Range } from './range.js';

export interface ParseResult {
  readonly file: RuleFile;
  readonly diagnostics: Diagnostic[];
}

/** Guards against hostile input (a shared link with megabytes of rules). */
export const MAX_SOURCE_LENGTH = 5_000_000;

/**
 * Guards against hostile input: the parser and every pass over the tree
 * recurse once per level of `(` and `not`, and a few hundred levels exhaust
 * the stack. No rule needs more than a handful.
 */
export const MAX_NESTING = 100;

/** The first token past MAX_NESTING levels of "(" (unclosed) plus a run of "not"s, if any. */
function tooDeeplyNested(tokens: IToken[]): IToken | undefined {
  let parens = 0;
  let nots = 0;
  for (const token of tokens) {
    if (isStatementStart(token)) [parens, nots] = [0, 0];
    else if (token.tokenType === LParen) parens++;
    else if (token.tokenType === RParen) parens = Math.max(0, parens - 1);
    else if (token.tokenType === Not) nots++;
    else nots = 0;
    if (parens + nots > MAX_NESTING) return token;
  }
  return undefined;
}

/**
 * Source text → AST and syntax diagnostics. Never throws: a broken file
 * yields the statements that could be read and one diagnostic per error.
 */
export function parse(source: string): ParseResult {
  const lines = new LineMap(source);
  if (source.length > MAX_SOURCE_LENGTH) {
    return {
      file: { kind: 'file', statements: [], comments: [], range: lines.range(0, 0) },
      diagnostics: [
        error(
          'syntax',
          `the rule file is too large (${source.length} characters; at most ${MAX_SOURCE_LENGTH})`,
          lines.range(0, 0),
          { params: { kind: 'too-large', length: source.length, max: MAX_SOURCE_LENGTH } },
        ),
      ],
    };
  }
  const lexed = tokenize(source, lines);
  const diagnostics = [...lexed.diagnostics];
  const tooDeep = tooDeeplyNested(lexed.tokens);
  if (tooDeep) {
    const message = `this condition is nested too deeply (more than ${MAX_NESTING} parentheses or "not"s inside each other): simplify it`;
    diagnostics.push(
      error('syntax', message, tokenRange(tooDeep, lines), { params: { kind: 'too-deep', max: MAX_NESTING } }),
    );
    return {
      file: new AstBuilder(lines, diagnostics).file([], lexed.comments),
      diagnostics: sortDiagnostics(diagnostics),
    };
  }
  const { statements, errors, gaveUp } = parseTokens(lexed.tokens);
  const located = errors
    .map((e) => ({ e, range: e.atToken ? tokenRange(e.token, lines) : syntaxErrorRange(e.token, lexed.tokens, lines) }))
    .sort((a, b) => a.range.start.offset - b.range.start.offset);
  const linesWithSyntaxError = new Set<number>();
  for (const { e, range } of located) {
    const line = range.start.line;
    // One syntax error a line: the next one on the same line is nearly always a consequence of the first.
    if (linesWithSyntaxError.has(line) || isAfterLexingError(e.token, line, lexed.damagedLines, lines)) continue;
    linesWithSyntaxError.add(line);
    diagnostics.push(error('syntax', e.message, range, { params: e.params }));
  }
  if (gaveUp) {
    const end = lines.range(source.length, source.length);
    diagnostics.push(
      error(
        'too-many-errors',
        'too many syntax errors to read the rest of the file: is this a rule file? Fix the errors above and check again',
        end,
      ),
    );
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

/**
 * Whether a syntax error reported on `line` comes from characters the lexer
 * already rejected there (`role ＝ 部長 +20`: the parser then misses the "="):
 * its token comes at or after the damage, or on a later line (something
 * missing at the end of the damaged line). An unclosed group at the end of
 * the file is a separate mistake and stays.
 */
function isAfterLexingError(
  token: IToken,
  line: number,
  damagedLines: ReadonlyMap<number, number>,
  lines: LineMap,
): boolean {
  const damagedFrom = damagedLines.get(line);
  if (damagedFrom === undefined || !Number.isFinite(token.startOffset)) return false;
  return token.startOffset >= damagedFrom || lines.position(token.startOffset).line > line;
}

function tokenRange(token: IToken, lines: LineMap): Range {
  return lines.range(token.startOffset, token.endOffset! + 1);
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
