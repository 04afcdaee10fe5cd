/**
 * String literals: `unescapeString` reads the escapes of docs/language.md#strings and
 * reports any other, and `quoteString` writes a literal that the lexer and
 * parser read back as the same value, whatever the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/parse.js';
import { quoteString, unescapeString } from '../../grammar/strings.js';

/** The label of `when x +1 <literal>`, read by the real lexer and parser. */
function readBackAsLabel(literal: string): { text: string | undefined; diagnostics: string[] } {
  const { file, diagnostics } = parse(`when x +1 ${literal}`);
  const rule = file.statements[0];
  return {
    text: rule?.kind === 'when' ? rule.label?.text : undefined,
    diagnostics: diagnostics.map((d) => `${d.code}: ${d.message}`),
  };
}

/** Any text, leaning on the characters that need escaping. */
const tricky = fc.constantFrom(
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  '\u2028',
  '\u2029',
  '\u0000',
  '\u007f',
  '\u001b',
  '#',
  '\\u',
  'u0041',
  '𠮷',
  '部長',
  ' ',
  '\u3000',
  '\uFEFF',
);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 20 })
    .map((parts) => parts.join('')),
);
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 30,
});

describe('quoteString', () => {
  it('round-trips through the lexer and parser as a label (property)', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(readBackAsLabel(quoteString(value))).toEqual({ text: value, diagnostics: [] });
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips lone surrogates and every other UTF-16 code unit (property)', () => {
    fc.assert(
      fc.property(codeUnits, (value) => {
        expect(readBackAsLabel(quoteString(value))).toEqual({ text: value, diagnostics: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips through unescapeString without bad escapes (property)', () => {
    fc.assert(
      fc.property(fc.oneof(text, codeUnits), (value) => {
        expect(unescapeString(quoteString(value))).toEqual({ value, badEscapes: [] });
      }),
      { numRuns: 400 },
    );
  });

  it('writes a single-line literal with no line or paragraph separator in it (property)', () => {
    fc.assert(
      fc.property(text, (value) => {
        const literal = quoteString(value);
        expect(literal).toMatch(/^"(?:[^"\\\r\n\u2028\u2029]|\\.)*"$/);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['', '""'],
    ['部長', '"部長"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['C:\\docs', '"C:\\\\docs"'],
    ['a\nb\tc', '"a\\nb\\tc"'],
    ['\r', '"\\u000d"'],
    ['\u2028\u2029', '"\\u2028\\u2029"'],
    ['\u007f', '"\\u007f"'],
    ['𠮷野家', '"𠮷野家"'],
    ['# not a comment', '"# not a comment"'],
  ])('writes %j as %s', (value, literal) => {
    expect(quoteString(value)).toBe(literal);
  });
});

describe('unescapeString', () => {
  it.each([
    ['"plain"', 'plain'],
    ['"\\""', '"'],
    ['"\\\\"', '\\'],
    ['"\\n\\t"', '\n\t'],
    ['"\\u3042\\u00e9"', 'あé'],
    ['"\\u30A2"', 'ア'],
    ['"\\uD842\\uDFB7"', '𠮷'],
    ['"\\\\n"', '\\n'],
  ])('reads %s', (literal, value) => {
    expect(unescapeString(literal)).toEqual({ value, badEscapes: [] });
  });

  it('reports an unknown escape with its offset in the literal and drops it from the value', () => {
    expect(unescapeString('"a\\qb"')).toEqual({ value: 'ab', badEscapes: [{ offset: 2, length: 2, text: '\\q' }] });
  });

  it('reports a \\u without four hex digits', () => {
    expect(unescapeString('"\\u12x"')).toEqual({ value: 'x', badEscapes: [{ offset: 1, length: 4, text: '\\u12' }] });
    expect(unescapeString('"\\u"')).toEqual({ value: '', badEscapes: [{ offset: 1, length: 2, text: '\\u' }] });
  });

  it('reads an unterminated literal without dropping its last character', () => {
    expect(unescapeString('"abc', false)).toEqual({ value: 'abc', badEscapes: [] });
    expect(unescapeString('"abc\\', false)).toEqual({
      value: 'abc',
      badEscapes: [{ offset: 4, length: 1, text: '\\' }],
    });
  });

  it('points a bad escape of a label at its place in the source', () => {
    const { diagnostics } = parse('when x +1 "部長\\x"');
    expect(diagnostics.map((d) => [d.code, d.range.start.column, d.range.end.column])).toEqual([
      ['bad-escape', 14, 16],
    ]);
  });
});
