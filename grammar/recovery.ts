/**
 * The recovery driver: runs the parser over a whole token list, resuming at
 * the next statement wherever Chevrotain's own recovery stops, so one run
 * reports every syntax error of a file.
 */
import { EOF, tokenMatcher, type CstNode, type IToken } from 'chevrotain';
import { parser } from './parser.js';
import { decodeSyntaxMessage, isBoundary, isStatementStart, syntaxMessage } from './syntax-messages.js';
import * as t from './tokens.js';

export interface SyntaxError {
  readonly message: string;
  /** What a translated message is built from (syntax-messages.ts). */
  readonly params: Readonly<Record<string, string>>;
  readonly token: IToken;
  /**
   * The token itself is the mistake (a stray word between statements or
   * inside a group), so the error points at it rather than at the end of the
   * line before it, where something would be missing.
   */
  readonly atToken?: boolean;
}

/**
 * Parses the whole token list. At a token that cannot start a statement (a
 * stray "}" or a word between rules) Chevrotain either skips ahead to the
 * next statement keyword itself or stops; either way we report the token and
 * parse on from the next statement, so one run lists every error. In the
 * stretch skipped, a line that starts with a word or "}" is reported too (a
 * line of notes, a statement written with a Japanese keyword). A stray token
 * that is only the rest of a statement already reported (`on e each +5`:
 * "+5" after the error at "each") is not reported again.
 */
export function parseTokens(tokens: IToken[]): { statements: CstNode[]; errors: SyntaxError[]; gaveUp?: boolean } {
  const statements: CstNode[] = [];
  const errors: SyntaxError[] = [];
  const indexOf = new Map(tokens.map((token, i) => [token, i]));
  const startsLine = (i: number) => i === 0 || tokens[i]!.startLine! > tokens[i - 1]!.endLine!;
  const startsStrayLine = (i: number) =>
    startsLine(i) && (tokenMatcher(tokens[i]!, t.Identifier) || tokens[i]!.tokenType === t.RBrace);
  const stray = (i: number) => {
    const token = tokens[i]!;
    errors.push({ ...syntaxMessage('statement', token), token, atToken: true });
  };
  let lastError = -1;
  const reportStray = (token: IToken) => {
    const index = indexOf.get(token);
    if (index === undefined) return;
    const restOfReported =
      lastError !== -1 && lastError <= index && !tokens.slice(lastError, index).some(isStatementStart);
    if (!restOfReported || startsStrayLine(index)) stray(index);
    let i = index + 1;
    for (; i < tokens.length && !isStatementStart(tokens[i]!); i++) if (startsStrayLine(i)) stray(i);
    lastError = i - 1;
  };
  let start = 0;
  while (start < tokens.length) {
    parser.input = tokens.slice(start);
    let cst: CstNode | undefined;
    try {
      cst = parser.file();
    } catch (e) {
      // Chevrotain re-enters a repetition once per recovery, so a few thousand stray lines
      // (a CSV file checked as rules) exhaust the stack: report what was found so far.
      if (!(e instanceof RangeError)) throw e;
    }
    statements.push(...((cst?.children['statement'] ?? []) as CstNode[]));
    let stoppedAt: IToken | undefined;
    for (const e of parser.errors) {
      const rules = e.context.ruleStack;
      if (e.name === 'NotAllInputParsedException') {
        stoppedAt = e.token;
      } else if (rules.length <= 1 && e.token.tokenType !== EOF) {
        reportStray(e.token);
      } else {
        const inGroup = rules[rules.length - 1] === 'groupStatement' && !isBoundary(e.token);
        errors.push({ ...decodeSyntaxMessage(e.message), token: e.token, atToken: inGroup });
        lastError = indexOf.get(e.token) ?? lastError;
      }
    }
    if (!cst) return { statements, errors, gaveUp: true };
    if (!stoppedAt) break;
    reportStray(stoppedAt);
    let next = (indexOf.get(stoppedAt) ?? start) + 1;
    while (next < tokens.length && !isStatementStart(tokens[next]!)) next++;
    start = next;
  }
  return { statements, errors };
}
