import { createToken, Lexer, type TokenType } from 'chevrotain';
import { identifierStartHints, matchIdentifier } from './identifier-pattern.js';

/**
 * The token vocabulary of rule files. Order matters: Chevrotain tries the
 * patterns in the order of `allTokens`, so longer forms come first
 * (`>=` before `>`, durations before plain numbers) and keywords come before
 * the identifier they would otherwise be part of (`longer_alt`).
 */

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  // U+3000 (ideographic space) is typed by Japanese IMEs; it separates words too.
  pattern: /[ \t\r\n\u3000\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: { exec: (text: string, offset: number) => matchIdentifier(text, offset) },
  start_chars_hint: identifierStartHints(),
  line_breaks: false,
});

function keyword(word: string): TokenType {
  return createToken({ name: `Kw_${word}`, pattern: new RegExp(word), longer_alt: Identifier });
}

export const Schema = keyword('schema');
export const Let = keyword('let');
export const Group = keyword('group');
export const Max = keyword('max');
export const Min = keyword('min');
export const When = keyword('when');
export const On = keyword('on');
export const Where = keyword('where');
export const Each = keyword('each');
export const Within = keyword('within');
export const After = keyword('after');
export const Inactive = keyword('inactive');
export const Tier = keyword('tier');
export const Otherwise = keyword('otherwise');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
export const In = keyword('in');
export const Contains = keyword('contains');
export const Is = keyword('is');
export const Set = keyword('set');
export const True = keyword('true');
export const False = keyword('false');

/** The reserved words, in the order docs/language.md#keywords lists them. */
export const keywordTokens = [
  Schema,
  Let,
  Group,
  Max,
  Min,
  When,
  On,
  Where,
  Each,
  Within,
  After,
  Inactive,
  Tier,
  Otherwise,
  And,
  Or,
  Not,
  In,
  Contains,
  Is,
  Set,
  True,
  False,
];
export const KEYWORDS: ReadonlySet<string> = new globalThis.Set([
  'schema',
  'let',
  'group',
  'max',
  'min',
  'when',
  'on',
  'where',
  'each',
  'within',
  'after',
  'inactive',
  'tier',
  'otherwise',
  'and',
  'or',
  'not',
  'in',
  'contains',
  'is',
  'set',
  'true',
  'false',
]);

/** A string, terminated or not; the lexer step reports the unterminated one. */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA });
export const ClosedString = createToken({
  name: 'ClosedString',
  pattern: /"(?:[^"\\\r\n]|\\.)*"/,
  categories: [StringLiteral],
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\r\n]|\\.)*\\?/,
  categories: [StringLiteral],
});

/** `30d`, `24h`; any letters after the digits, so `30m` reaches the "unknown unit" message. */
export const DurationLiteral = createToken({ name: 'DurationLiteral', pattern: /\d+[A-Za-z]+/ });
/** `+25`, `-10`, `-1.5`: points, or a negative number in a comparison. */
export const SignedNumber = createToken({ name: 'SignedNumber', pattern: /[+-]\d+(?:\.\d+)?/ });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?/ });
/** A sign standing apart from its number (`+ 25`): merged and reported by the lexer step. */
export const LoneSign = createToken({ name: 'LoneSign', pattern: /[+-]/ });

export const NotEqual = createToken({ name: 'NotEqual', pattern: /!=/ });
export const LessEqual = createToken({ name: 'LessEqual', pattern: /<=/ });
export const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: />=/ });
export const Less = createToken({ name: 'Less', pattern: /</ });
export const Greater = createToken({ name: 'Greater', pattern: />/ });
export const Equals = createToken({ name: 'Equals', pattern: /=/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  ClosedString,
  UnterminatedString,
  StringLiteral,
  DurationLiteral,
  SignedNumber,
  NumberLiteral,
  LoneSign,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Equals,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Dot,
  ...keywordTokens,
  Identifier,
];
