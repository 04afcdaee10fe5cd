import type { IToken } from 'chevrotain';
import type * as ast from './ast.js';
import { error, type Diagnostic, type DiagnosticParams } from './diagnostic.js';
import type { LineMap, Range } from './range.js';
import { unescapeString } from './strings.js';
import { ClosedString } from './tokens.js';

const DURATION_MS = { h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/**
 * The leaves of the AST, built from single tokens: points, durations,
 * labels, identifiers, strings (with their escapes checked) and ranges.
 * AstBuilder extends it with statements, rules and conditions.
 */
export class LiteralBuilder {
  constructor(
    protected readonly lines: LineMap,
    protected readonly diagnostics: Diagnostic[],
  ) {}

  protected points(number: IToken | undefined): ast.Points | undefined {
    if (!number) return undefined;
    const value = this.integer(
      number,
      `points must be a whole number with a sign, such as ${number.image[0]}${Math.round(Math.abs(Number(number.image)))}`,
      { kind: 'points', example: `${number.image[0]}${Math.round(Math.abs(Number(number.image)))}` },
    );
    return value === undefined ? undefined : { kind: 'points', value, range: this.tokenRange(number) };
  }

  protected duration(literal: IToken | undefined): ast.Duration | undefined {
    if (!literal) return undefined;
    const match = /^(\d+)([hdw])$/.exec(literal.image);
    if (!match) return undefined; // the lexer step reported the unit
    const amount = Number(match[1]);
    const unit = match[2] as ast.DurationUnit;
    return {
      kind: 'duration',
      amount,
      unit,
      milliseconds: amount * DURATION_MS[unit],
      range: this.tokenRange(literal),
    };
  }

  protected label(literal: IToken | undefined): ast.Label | undefined {
    return literal && { kind: 'label', text: this.stringValue(literal), range: this.tokenRange(literal) };
  }

  protected identifier(name: IToken): ast.Identifier {
    return { kind: 'identifier', name: name.image, range: this.tokenRange(name) };
  }

  /** `params` say which number it is, for the translated message (`kind`: points, max, decay, group-limit). */
  protected integer(number: IToken, message: string, params: DiagnosticParams): number | undefined {
    if (!/^[+-]?\d+$/.test(number.image)) {
      this.diagnostics.push(error('bad-points', message, this.tokenRange(number), { params }));
      return undefined;
    }
    const value = Number(number.image);
    if (!Number.isSafeInteger(value)) {
      this.diagnostics.push(
        error(
          'bad-points',
          `${number.image} is too large: use a number below 9007199254740992`,
          this.tokenRange(number),
          { params: { kind: 'too-large', number: number.image } },
        ),
      );
      return undefined;
    }
    return value;
  }

  protected stringValue(literal: IToken): string {
    const closed = literal.tokenType === ClosedString;
    const { value, badEscapes } = unescapeString(literal.image, closed);
    for (const bad of badEscapes) {
      const start = literal.startOffset + bad.offset;
      this.diagnostics.push(
        error(
          'bad-escape',
          `"${bad.text}" is not an escape: use \\" \\\\ \\n \\t or \\uXXXX (four hex digits)`,
          this.lines.range(start, start + bad.length),
          { params: { text: bad.text } },
        ),
      );
    }
    return value;
  }

  protected tokenRange(token: IToken): Range {
    return this.lines.range(token.startOffset, token.endOffset! + 1);
  }

  protected between(first: IToken, last: IToken): Range {
    return this.lines.range(first.startOffset, last.endOffset! + 1);
  }
}
