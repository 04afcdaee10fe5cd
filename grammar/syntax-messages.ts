import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import * as t from './tokens.js';

/**
 * Syntax errors in words a marketer understands: what was expected, named by
 * what it means ("points such as +20"), never as a token dump.
 */

const STATEMENT_STARTS: ReadonlySet<TokenType> = new Set([t.Schema, t.Let, t.Group, t.When, t.On, t.After, t.Tier]);

export function isStatementStart(token: IToken): boolean {
  return STATEMENT_STARTS.has(token.tokenType);
}

/** The end of the file, a statement keyword or "}": what may follow a complete statement. */
export function isBoundary(token: IToken | undefined): boolean {
  return token === undefined || token.tokenType === EOF || token.tokenType === t.RBrace || isStatementStart(token);
}

/**
 * What a token stands for, by the grammar rule that expected it: a key of
 * EXPECTED (English here; compiler/messages/ has the Japanese of each key).
 */
function expectedKey(expected: TokenType, ruleName: string): string {
  switch (expected) {
    case t.SignedNumber:
      if (ruleName === 'whenRule') return 'points-after-condition';
      if (ruleName === 'onRule') return 'points-after-event';
      if (ruleName === 'inactiveRule') return 'points-after-inactive';
      return 'points';
    case t.StringLiteral:
      return ruleName === 'schemaStatement' ? 'schema-path' : 'text';
    case t.Identifier:
      if (ruleName === 'onRule') return 'event-type';
      if (ruleName === 'groupLimit') return 'since-last-event';
      if (ruleName === 'letStatement') return 'let-name';
      if (ruleName === 'groupStatement') return 'group-name';
      if (ruleName === 'path') return 'field-after-dot';
      return 'name';
    case t.Equals:
      return ruleName === 'letStatement' ? 'let-equals' : 'equals';
    case t.LBrace:
      return 'open-group';
    case t.RBrace:
      return 'close-group';
    case t.LBracket:
      return 'list';
    case t.RBracket:
      return 'close-list';
    case t.RParen:
      return 'close-paren';
    case t.NumberLiteral:
      if (ruleName === 'modifier') return 'number-after-max';
      if (ruleName === 'groupLimit') return 'number-after-group-max';
      return 'whole-number';
    case t.Percent:
      return 'percent';
    case t.Every:
      return 'every';
    case t.Last:
      return 'last';
    case t.DurationLiteral:
      return 'duration';
    case t.Inactive:
      return 'inactive';
    case t.Set:
      return 'set';
    case t.In:
      return 'in';
    case EOF:
      return 'statement';
    default:
      return 'token';
  }
}

/** What was expected, in English, by key (`token` names the token itself). */
export const EXPECTED: Readonly<Record<string, string>> = {
  'points-after-condition': 'points such as +20 after the condition',
  'points-after-event': 'points such as +20 after the event (and its where condition)',
  'points-after-inactive': 'points such as -10 after "inactive"',
  points: 'points with a sign, such as +20 or -10',
  'schema-path': 'the schema file name in quotes, such as "./lead.schema.json"',
  text: 'text in double quotes',
  'event-type': 'an event type such as page_view after "on"',
  'since-last-event': 'an event type after "since last", such as since last 失注',
  'let-name': 'a name for the list after "let"',
  'group-name': 'a name for the group after "group"',
  'field-after-dot': 'a field name after "."',
  name: 'a name',
  'let-equals': '"=" between the list name and the list',
  equals: '"="',
  'open-group': '"{" to open the group (after its name and any max/min)',
  'close-group': '"}" to close the group',
  list: 'a list in square brackets, such as [役員, 部長]',
  'close-list': '"]" to close the list (separate values with commas)',
  'close-paren': '")" to close the parenthesis',
  'number-after-max': 'a number after "max", such as max 20',
  'number-after-group-max': 'a number after "max", such as max 60',
  'whole-number': 'a whole number',
  percent: 'a percentage such as 50% after "decay", as in decay 50% every 30d',
  every: '"every" and a duration after the percentage, as in decay 50% every 30d',
  last: '"last" and an event type after "since", as in since last 失注',
  duration: 'a duration such as 30d (h = hours, d = days, w = weeks)',
  inactive: '"inactive" after the duration, as in after 30d inactive -10',
  set: '"set" after "is" (is set / is not set)',
  in: '"in" after "not" (not in [...])',
  statement: 'a statement: schema, let, group, when, on, after or tier',
  rule: 'a rule starting with when, on or after (or "}" to close the group)',
  'group-min': 'a number after "min", such as min 0 or min -20',
  modifier: 'each, max N, max N per day/week/month, within a duration or decay R% every a duration',
  period: 'day, week or month after "per", as in max 10 per day',
  tier: 'a tier name, then ">= number", "when condition" or "otherwise"',
  'tier-test': 'a test after the tier name: ">= number", "when condition" or "otherwise"',
  condition: 'a condition such as employees >= 100, role in [部長, 役員] or (…)',
  comparator: 'a comparison: =, !=, <, <=, > or >=',
  value: 'a value: a number, a word, "text in quotes", true or false',
  number: 'a number',
  'list-or-name': 'a list such as [役員, 部長] or the name of a let list',
  'value-or-close-list': 'a value or "]" to close the list',
  more: 'more',
};

/** What was found: a kind (`word`, `points`, …) and the text, from which either language names it. */
export function foundOf(token: IToken | undefined): { found: string; foundText: string } {
  if (token === undefined || token.tokenType === EOF) return { found: 'end', foundText: '' };
  const text = token.image;
  if (tokenMatcher(token, t.Identifier)) return { found: 'word', foundText: text };
  switch (token.tokenType) {
    case t.SignedNumber:
      return { found: 'points', foundText: text };
    case t.NumberLiteral:
      return { found: 'number', foundText: text };
    case t.DurationLiteral:
      return { found: 'duration', foundText: text };
    case t.ClosedString:
    case t.UnterminatedString:
      return { found: 'text', foundText: text };
    default:
      return { found: t.KEYWORDS.has(text) ? 'keyword' : 'symbol', foundText: text };
  }
}

const FOUND_EN: Readonly<Record<string, (text: string) => string>> = {
  end: () => 'the end of the file',
  word: (text) => `the word "${text}"`,
  points: (text) => `the points ${text}`,
  number: (text) => `the number ${text}`,
  duration: (text) => `the duration ${text}`,
  text: (text) => `the text ${text}`,
  keyword: (text) => `the keyword "${text}"`,
  symbol: (text) => `"${text}"`,
};

/**
 * A syntax error's English message and the params a translation builds on:
 * `expected` (a key of EXPECTED), `found`/`foundText`, and a `hint`
 * (`keyword-as-value`, `points-need-sign`) when there is one.
 */
export interface SyntaxMessage {
  readonly message: string;
  readonly params: Readonly<Record<string, string>>;
}

export function syntaxMessage(
  expected: string,
  token: IToken | undefined,
  hint?: 'keyword-as-value' | 'points-need-sign',
  label = '',
): SyntaxMessage {
  const found = foundOf(token);
  const what = expected === 'token' ? `"${label}"` : EXPECTED[expected];
  let message = `expected ${what}, but found ${FOUND_EN[found.found]!(found.foundText)}`;
  if (hint === 'keyword-as-value') message += `: to use it as a value, write it in quotes ("${found.foundText}")`;
  if (hint === 'points-need-sign') message += `: points need a sign, as in +${found.foundText} or -${found.foundText}`;
  return { message, params: { expected, ...found, ...(hint && { hint }), ...(label && { label }) } };
}

/**
 * Chevrotain keeps only a string per error: the params ride along after the
 * last NUL (JSON.stringify escapes any NUL in them, so the last one is ours,
 * even when the English part quotes a string holding one) and recovery.ts
 * splits them off with `decodeSyntaxMessage`.
 */
const SEPARATOR = '\u0000';
function encode({ message, params }: SyntaxMessage): string {
  return `${message}${SEPARATOR}${JSON.stringify(params)}`;
}

export function decodeSyntaxMessage(encoded: string): SyntaxMessage {
  const at = encoded.lastIndexOf(SEPARATOR);
  if (at === -1) return { message: encoded, params: {} };
  return { message: encoded.slice(0, at), params: JSON.parse(encoded.slice(at + 1)) as Record<string, string> };
}

/** What a rule that found no alternative expected, by rule name (a key of EXPECTED). */
const NO_VIABLE: Record<string, string> = {
  statement: 'statement',
  rule: 'rule',
  groupLimit: 'group-min',
  modifier: 'modifier',
  period: 'period',
  tierStatement: 'tier',
  unary: 'condition',
  comparator: 'comparator',
  value: 'value',
  numberValue: 'number',
  listRef: 'list-or-name',
};

/**
 * `role = max`, `[min, standard]`: a reserved word where a value belongs. Not
 * for statement keywords, which more likely start the next line's statement.
 */
function isKeywordAsValue(actual: IToken | undefined): boolean {
  return actual !== undefined && !isBoundary(actual) && t.KEYWORDS.has(actual.image);
}

export const syntaxMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    if (expected === t.RBrace && !isBoundary(actual)) {
      // The group's rule list ended at something that is not a rule: that thing is the mistake.
      return encode(syntaxMessage('rule', actual));
    }
    if (expected === t.RBracket && isKeywordAsValue(actual)) {
      return encode(syntaxMessage('value-or-close-list', actual, 'keyword-as-value'));
    }
    const key = expectedKey(expected, ruleName);
    const label = key === 'token' ? (expected.LABEL ?? expected.name) : '';
    if (expected === t.SignedNumber && actual.tokenType === t.NumberLiteral && /^\d+$/.test(actual.image)) {
      return encode(syntaxMessage(key, actual, 'points-need-sign'));
    }
    return encode(syntaxMessage(key, actual, undefined, label));
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return encode(syntaxMessage('statement', firstRedundant));
  },
  buildNoViableAltMessage({ actual, ruleName, expectedPathsPerAlt }) {
    const afterTierName = ruleName === 'tierStatement' && expectedPathsPerAlt.flat(2).includes(t.GreaterEqual);
    const expected = afterTierName ? 'tier-test' : (NO_VIABLE[ruleName] ?? 'statement');
    const hint = ruleName === 'value' && isKeywordAsValue(actual[0]) ? 'keyword-as-value' : undefined;
    return encode(syntaxMessage(expected, actual[0], hint));
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    return encode(syntaxMessage(NO_VIABLE[ruleName] ?? 'more', actual[0]));
  },
};
