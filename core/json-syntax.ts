/**
 * Explains why a text is not JSON, with the offset of the problem. Node's own
 * JSON.parse messages change between versions and (since Node 20) often lack
 * a position, so we ask jsonc-parser, in strict mode, where it went wrong.
 * Browser-safe: the schema loader uses it too.
 */
import { parse, ParseErrorCode, type ParseError } from 'jsonc-parser';

export interface JsonSyntaxProblem {
  /** 0-based UTF-16 offset of the problem in the text. */
  readonly offset: number;
  readonly length: number;
  /** Plain words, e.g. `a comma is missing between two items`. */
  readonly message: string;
}

/** The first syntax problem of `text` as strict JSON, or undefined when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return undefined;
  return { offset: first.offset, length: first.length, message: describe(first, text) };
}

function describe(error: ParseError, text: string): string {
  const found = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20)));
  const shown = found === '' ? 'the end of the text' : JSON.stringify(found);
  // A comma right before `}` or `]` is the commonest slip when editing JSON by hand.
  const before = text.slice(0, error.offset).trimEnd();
  if ((found.startsWith('}') || found.startsWith(']')) && before.endsWith(',')) {
    return 'a comma is not allowed before a closing bracket or brace (remove the last comma)';
  }
  switch (error.error) {
    case ParseErrorCode.InvalidSymbol:
      return `unexpected ${shown} (text must be in double quotes; numbers, true, false and null are written bare)`;
    case ParseErrorCode.InvalidNumberFormat:
      return `${shown} is not a valid number`;
    case ParseErrorCode.PropertyNameExpected:
      return `expected a property name in double quotes but found ${shown}`;
    case ParseErrorCode.ValueExpected:
      return `expected a value but found ${shown}`;
    case ParseErrorCode.ColonExpected:
      return `expected ':' after the property name but found ${shown}`;
    case ParseErrorCode.CommaExpected:
      return `expected a comma but found ${shown} (is a comma missing at the end of the previous item?)`;
    case ParseErrorCode.CloseBraceExpected:
      return `expected '}' to close the object but found ${shown}`;
    case ParseErrorCode.CloseBracketExpected:
      return `expected ']' to close the list but found ${shown}`;
    case ParseErrorCode.EndOfFileExpected:
      return `unexpected ${shown} after the end of the JSON value`;
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return 'comments are not allowed in JSON';
    case ParseErrorCode.UnexpectedEndOfString:
      return 'a text value is not closed (a double quote is missing)';
    case ParseErrorCode.UnexpectedEndOfNumber:
      return 'a number ends too early';
    case ParseErrorCode.InvalidUnicode:
      return 'invalid \\u escape (it needs 4 hexadecimal digits)';
    case ParseErrorCode.InvalidEscapeCharacter:
      return 'invalid escape after a backslash (write \\\\ for a backslash)';
    case ParseErrorCode.InvalidCharacter:
      return 'a text value contains a raw line break or control character (write \\n for a line break)';
    default:
      return `unexpected ${shown}`;
  }
}

/** How deeply JSON data and schema files may nest objects and lists: parsers, validators and JSON.stringify recurse, and far deeper input ends in a stack overflow. */
export const MAX_JSON_DEPTH = 1000;

/**
 * The offset of the first `[` or `{` nested deeper than `max`, or undefined.
 * One pass over the text, skipping strings, without parsing: callers run it
 * before anything that recurses. Lines shorter than `2 × max` characters
 * cannot nest that deep and are not scanned.
 */
export function findTooDeep(text: string, max = MAX_JSON_DEPTH): number | undefined {
  if (text.length <= 2 * max) return undefined;
  let depth = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string, with its escapes.
      for (i++; i < n; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}
