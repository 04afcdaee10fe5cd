import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import * as t from './tokens.js';

/**
 * Syntax errors in words a marketer understands: what was expected, named by
 * what it means ("points such as +20"), never as a token dump.
 */

export const STATEMENT_START = 'a statement: schema, let, group, when, on, after or tier';

const STATEMENT_STARTS: ReadonlySet<TokenType> = new Set([t.Schema, t.Let, t.Group, t.When, t.On, t.After, t.Tier]);

export function isStatementStart(token: IToken): boolean {
  return STATEMENT_STARTS.has(token.tokenType);
}

/** The end of the file, a statement keyword or "}": what may follow a complete statement. */
export function isBoundary(token: IToken | undefined): boolean {
  return token === undefined || token.tokenType === EOF || token.tokenType === t.RBrace || isStatementStart(token);
}

/** What a token stands for, by the grammar rule that expected it. */
function describeExpected(expected: TokenType, ruleName: string): string {
  switch (expected) {
    case t.SignedNumber:
      if (ruleName === 'whenRule') return 'points such as +20 after the condition';
      if (ruleName === 'onRule') return 'points such as +20 after the event (and its where condition)';
      if (ruleName === 'inactiveRule') return 'points such as -10 after "inactive"';
      return 'points with a sign, such as +20 or -10';
    case t.StringLiteral:
      if (ruleName === 'schemaStatement') return 'the schema file name in quotes, such as "./lead.schema.json"';
      return 'text in double quotes';
    case t.Identifier:
      if (ruleName === 'onRule') return 'an event type such as page_view after "on"';
      if (ruleName === 'groupLimit') return 'an event type after "since last", such as since last 失注';
      if (ruleName === 'letStatement') return 'a name for the list after "let"';
      if (ruleName === 'groupStatement') return 'a name for the group after "group"';
      if (ruleName === 'path') return 'a field name after "."';
      return 'a name';
    case t.Equals:
      return ruleName === 'letStatement' ? '"=" between the list name and the list' : '"="';
    case t.LBrace:
      return '"{" to open the group (after its name and any max/min)';
    case t.RBrace:
      return '"}" to close the group';
    case t.LBracket:
      return 'a list in square brackets, such as [役員, 部長]';
    case t.RBracket:
      return '"]" to close the list (separate values with commas)';
    case t.RParen:
      return '")" to close the parenthesis';
    case t.NumberLiteral:
      if (ruleName === 'modifier') return 'a number after "max", such as max 20';
      if (ruleName === 'groupLimit') return 'a number after "max", such as max 60';
      return 'a whole number';
    case t.Percent:
      return 'a percentage such as 50% after "decay", as in decay 50% every 30d';
    case t.Every:
      return '"every" and a duration after the percentage, as in decay 50% every 30d';
    case t.Last:
      return '"last" and an event type after "since", as in since last 失注';
    case t.DurationLiteral:
      return 'a duration such as 30d (h = hours, d = days, w = weeks)';
    case t.Inactive:
      return '"inactive" after the duration, as in after 30d inactive -10';
    case t.Set:
      return '"set" after "is" (is set / is not set)';
    case t.In:
      return '"in" after "not" (not in [...])';
    case EOF:
      return STATEMENT_START;
    default:
      return `"${expected.LABEL ?? expected.name}"`;
  }
}

export function describeToken(token: IToken | undefined): string {
  if (token === undefined || token.tokenType === EOF) return 'the end of the file';
  if (tokenMatcher(token, t.Identifier)) return `the word "${token.image}"`;
  switch (token.tokenType) {
    case t.SignedNumber:
      return `the points ${token.image}`;
    case t.NumberLiteral:
      return `the number ${token.image}`;
    case t.DurationLiteral:
      return `the duration ${token.image}`;
    case t.ClosedString:
    case t.UnterminatedString:
      return `the text ${token.image}`;
    default:
      return t.KEYWORDS.has(token.image) ? `the keyword "${token.image}"` : `"${token.image}"`;
  }
}

const TIER_TEST = 'a test after the tier name: ">= number", "when condition" or "otherwise"';

const NO_VIABLE: Record<string, string> = {
  statement: STATEMENT_START,
  rule: 'a rule starting with when, on or after (or "}" to close the group)',
  groupLimit: 'a number after "min", such as min 0 or min -20',
  modifier: 'each, max N, max N per day/week/month, within a duration or decay R% every a duration',
  period: 'day, week or month after "per", as in max 10 per day',
  tierStatement: 'a tier name, then ">= number", "when condition" or "otherwise"',
  unary: 'a condition such as employees >= 100, role in [部長, 役員] or (…)',
  comparator: 'a comparison: =, !=, <, <=, > or >=',
  value: 'a value: a number, a word, "text in quotes", true or false',
  numberValue: 'a number',
  listRef: 'a list such as [役員, 部長] or the name of a let list',
};

/**
 * `role = max`, `[min, standard]`: a reserved word where a value belongs. Not
 * for statement keywords, which more likely start the next line's statement.
 */
function keywordAsValueHint(actual: IToken | undefined): string {
  if (actual === undefined || isBoundary(actual) || !t.KEYWORDS.has(actual.image)) return '';
  return `: to use it as a value, write it in quotes ("${actual.image}")`;
}

export const syntaxMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    if (expected === t.RBrace && !isBoundary(actual)) {
      // The group's rule list ended at something that is not a rule: that thing is the mistake.
      return `expected ${NO_VIABLE['rule']}, but found ${describeToken(actual)}`;
    }
    const hint = expected === t.RBracket ? keywordAsValueHint(actual) : '';
    if (hint) return `expected a value or "]" to close the list, but found ${describeToken(actual)}${hint}`;
    if (expected === t.SignedNumber && actual.tokenType === t.NumberLiteral && /^\d+$/.test(actual.image)) {
      return `expected ${describeExpected(expected, ruleName)}, but found the number ${actual.image}: points need a sign, as in +${actual.image} or -${actual.image}`;
    }
    return `expected ${describeExpected(expected, ruleName)}, but found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected ${STATEMENT_START}, but found ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, ruleName, expectedPathsPerAlt }) {
    const afterTierName = ruleName === 'tierStatement' && expectedPathsPerAlt.flat(2).includes(t.GreaterEqual);
    const expected = afterTierName ? TIER_TEST : (NO_VIABLE[ruleName] ?? STATEMENT_START);
    const hint = ruleName === 'value' ? keywordAsValueHint(actual[0]) : '';
    return `expected ${expected}, but found ${describeToken(actual[0])}${hint}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    return `expected ${NO_VIABLE[ruleName] ?? 'more'}, but found ${describeToken(actual[0])}`;
  },
};
