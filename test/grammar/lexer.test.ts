/**
 * The lexer of docs/language.md#2-writing-a-file-comments-names-values: identifiers over all of Unicode, keywords that
 * do not swallow longer words, durations, points, strings, comments, and the
 * full-width characters a Japanese IME slips in.
 */
import { createToken, Lexer } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIdentifier } from '../../grammar/identifier-pattern.js';
import { tokenize } from '../../grammar/lexer.js';
import { parse } from '../../grammar/parse.js';
import { LineMap } from '../../grammar/range.js';
import { allTokens, KEYWORDS } from '../../grammar/tokens.js';

function lex(source: string) {
  const result = tokenize(source, new LineMap(source));
  return {
    tokens: result.tokens.map((t) => `${t.tokenType.name}:${t.image}`),
    comments: result.comments.map((t) => t.image),
    diagnostics: result.diagnostics.map((d) => ({
      code: d.code,
      message: d.message,
      at: `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`,
    })),
  };
}

function kinds(source: string): string[] {
  return lex(source).tokens;
}

describe('identifiers', () => {
  it.each([
    ['役員'],
    ['課長代理'],
    ['カタカナ'],
    ['ひらがな'],
    ['ユーザー'], // ー (U+30FC) is a letter (Lm)
    ['佐々木'], // 々 (U+3005)
    ['々木'], // 々 may start a name too
    ['ーン'],
    ['𠮷野家'], // U+20BB7, a surrogate pair
    ['𩸽'], // U+29E3D on its own
    ['ｶﾀｶﾅ'], // half-width katakana
    ['email_open'],
    ['_private'],
    ['_'],
    ['industry'],
    ['x1'],
    ['会社2'],
    ['ラベル１'], // full-width digit is \p{Nd}: fine after the first character
    ['café'],
    ['cafe\u0301'], // e + combining acute accent
    ['か\u3099'], // か + combining dakuten (decomposed が)
    ['Ωμέγα'],
    ['Straße'],
  ])('%s is a single identifier', (word) => {
    const result = lex(word);
    expect(result.tokens).toEqual([`Identifier:${word}`]);
    expect(result.diagnostics).toEqual([]);
  });

  it('does not start with a digit: 2会社 is a number and then a word', () => {
    expect(kinds('2会社')).toEqual(['NumberLiteral:2', 'Identifier:会社']);
  });

  it('does not start with a combining mark', () => {
    const result = lex('\u0301x');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unexpected-character']);
    expect(result.tokens).toEqual(['Identifier:x']);
  });

  it('stops at punctuation, so a dotted path is three tokens', () => {
    expect(kinds('company.規模')).toEqual(['Identifier:company', 'Dot:.', 'Identifier:規模']);
  });

  it('reaches identifiers that start in every Unicode block (the start-character hints cover them)', () => {
    // One letter from many blocks, each a different 255-code bucket of Chevrotain's optimisation.
    const letters = [
      'Ā',
      'Ж',
      'א',
      'ب',
      'अ',
      'ก',
      'ა',
      'ᄀ',
      'Ḁ',
      'ℵ',
      'ぁ',
      'ア',
      '一',
      '龥',
      '가',
      '힣',
      'ｱ',
      'Ａ',
      '𝒜',
      '𐐀',
      '𠀀',
      '𩸽',
    ];
    for (const letter of letters) {
      expect(isIdentifier(letter), letter).toBe(true);
      expect(kinds(`${letter}x`), letter).toEqual([`Identifier:${letter}x`]);
    }
  });

  it('lexes any string the identifier pattern accepts as one identifier or keyword (property)', () => {
    const letter = fc.oneof(
      fc.constantFrom('a', 'z', 'A', '_', '役', '員', 'ー', '々', 'カ', 'ぁ', '𠮷', '𩸽', 'é', 'Ж'),
      fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
      fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)),
    );
    const rest = fc.oneof(letter, fc.constantFrom('0', '9', '١', '\u0301', '\u3099', '_'));
    fc.assert(
      fc.property(letter, fc.array(rest, { maxLength: 8 }), (first, more) => {
        const word = first + more.join('');
        fc.pre(isIdentifier(word));
        const result = lex(word);
        expect(result.diagnostics).toEqual([]);
        expect(result.tokens).toEqual([KEYWORDS.has(word) ? `Kw_${word}:${word}` : `Identifier:${word}`]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('keywords', () => {
  it('lexes every reserved word (docs/language.md#keywords) as its keyword', () => {
    const words =
      'schema let group max min when on where each within after inactive tier otherwise and or not in contains is set true false'.split(
        ' ',
      );
    expect([...KEYWORDS].sort()).toEqual([...words].sort());
    for (const word of words) expect(kinds(word), word).toEqual([`Kw_${word}:${word}`]);
  });

  it('lexes inactive as one keyword, not in + active', () => {
    expect(kinds('after 30d inactive -10')).toEqual([
      'Kw_after:after',
      'DurationLiteral:30d',
      'Kw_inactive:inactive',
      'SignedNumber:-10',
    ]);
  });

  it.each([
    ['max_score'],
    ['whenever'],
    ['settings'],
    ['island'],
    ['inbox'],
    ['ontology'],
    ['notable'],
    ['order'],
    ['letter'],
    ['grouped'],
    ['tiers'],
    ['each_time'],
    ['true_value'],
    ['falsey'],
    ['schemas'],
    ['min2'],
    ['in役員'],
    ['When'], // keywords are case-sensitive
    ['MAX'],
    ['Not'],
  ])('%s is an identifier', (word) => {
    expect(kinds(word)).toEqual([`Identifier:${word}`]);
  });

  it('separates a keyword from a following symbol or digit-led token', () => {
    expect(kinds('in[a]')).toEqual(['Kw_in:in', 'LBracket:[', 'Identifier:a', 'RBracket:]']);
    expect(kinds('max 20')).toEqual(['Kw_max:max', 'NumberLiteral:20']);
    expect(kinds('not(x)')).toEqual(['Kw_not:not', 'LParen:(', 'Identifier:x', 'RParen:)']);
  });

  it('parses a field named like a keyword prefix as a field', () => {
    const { file, diagnostics } = parse('when island and inactive_days > 3 +5');
    expect(diagnostics).toEqual([]);
    const rule = file.statements[0];
    expect(rule?.kind).toBe('when');
    if (rule?.kind !== 'when' || rule.condition.kind !== 'and') throw new Error('expected an and');
    expect(
      rule.condition.operands.map((o) =>
        o.kind === 'truthy' || o.kind === 'compare' ? o.path.segments[0]!.name : o.kind,
      ),
    ).toEqual(['island', 'inactive_days']);
  });
});

describe('numbers, points and durations', () => {
  it('lexes the three duration units', () => {
    const result = lex('24h 30d 12w');
    expect(result.tokens).toEqual(['DurationLiteral:24h', 'DurationLiteral:30d', 'DurationLiteral:12w']);
    expect(result.diagnostics).toEqual([]);
  });

  it.each([
    ['30m', 'm'],
    ['30days', 'days'],
    ['2D', 'D'],
    ['1y', 'y'],
  ])('reports %s as bad-duration', (literal, unit) => {
    const result = lex(`within ${literal}`);
    expect(result.diagnostics).toEqual([
      {
        code: 'bad-duration',
        message: `unknown time unit "${unit}": use h (hours), d (days) or w (weeks), as in 30d`,
        at: `1:8-1:${8 + literal.length}`,
      },
    ]);
  });

  it('keeps a bad duration in the token stream, so the rule is dropped but the file still parses', () => {
    const { file, diagnostics } = parse('on email_click +10 each within 30m\nwhen x +1');
    expect(diagnostics.map((d) => d.code)).toEqual(['bad-duration']);
    expect(file.statements.map((s) => s.kind)).toEqual(['when']);
  });

  it('lexes signed and unsigned numbers', () => {
    expect(kinds('+25 -10 100 1.5 -3 -1.5 0')).toEqual([
      'SignedNumber:+25',
      'SignedNumber:-10',
      'NumberLiteral:100',
      'NumberLiteral:1.5',
      'SignedNumber:-3',
      'SignedNumber:-1.5',
      'NumberLiteral:0',
    ]);
  });

  it('reports "+ 25" as bad-points and merges it into the points +25', () => {
    const result = lex('when x + 25');
    expect(result.tokens).toEqual(['Kw_when:when', 'Identifier:x', 'SignedNumber:+25']);
    expect(result.diagnostics).toEqual([
      { code: 'bad-points', message: 'write the sign right against the number, with no space: +25', at: '1:8-1:12' },
    ]);
  });

  it('reports "-  10" across several spaces, and still parses the rule with its points', () => {
    const { file, diagnostics } = parse('when x -  10 "ラベル"');
    expect(diagnostics.map((d) => [d.code, d.range.start.column, d.range.end.column])).toEqual([['bad-points', 8, 13]]);
    const rule = file.statements[0];
    if (rule?.kind !== 'when') throw new Error('expected a when rule');
    expect(rule.points.value).toBe(-10);
    expect(rule.points.range.start.column).toBe(8);
    expect(rule.points.range.end.column).toBe(13);
    expect(rule.label?.text).toBe('ラベル');
  });

  it('reports a sign with no number at all', () => {
    const result = lex('when x +');
    expect(result.diagnostics).toEqual([
      { code: 'bad-points', message: '"+" must be followed by a number, as in +20', at: '1:8-1:9' },
    ]);
    expect(result.tokens).toEqual(['Kw_when:when', 'Identifier:x']);
  });
});

describe('strings', () => {
  it('lexes a string with every escape (docs/language.md#strings)', () => {
    const source = String.raw`"a\"b\\c\nd\te\u3042"`;
    expect(kinds(source)).toEqual([`ClosedString:${source}`]);
    const { file, diagnostics } = parse(`when x +1 ${source}`);
    expect(diagnostics).toEqual([]);
    const rule = file.statements[0];
    expect(rule?.kind === 'when' && rule.label?.text).toBe('a"b\\c\nd\te\u3042');
  });

  it('lexes an empty string and a string with Japanese text and #', () => {
    expect(kinds('"" "料金 # ページ"')).toEqual(['ClosedString:""', 'ClosedString:"料金 # ページ"']);
  });

  it('reports an unterminated string up to the end of its line', () => {
    const result = lex('when x +1 "決裁者\nwhen y +2');
    expect(result.diagnostics).toEqual([
      {
        code: 'unterminated-string',
        message: 'this text has no closing quote: add " at its end (a string cannot span lines)',
        at: '1:11-1:15',
      },
    ]);
    expect(result.tokens).toEqual([
      'Kw_when:when',
      'Identifier:x',
      'SignedNumber:+1',
      'UnterminatedString:"決裁者',
      'Kw_when:when',
      'Identifier:y',
      'SignedNumber:+2',
    ]);
  });

  it('reports a string whose last character is a backslash as unterminated', () => {
    const result = lex('"abc\\"');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unterminated-string']);
  });

  it('reports an unknown escape with its position', () => {
    const { diagnostics } = parse('when x +1 "a\\qb"');
    expect(diagnostics.map((d) => [d.code, d.range.start.column, d.range.end.column])).toEqual([
      ['bad-escape', 13, 15],
    ]);
  });
});

describe('full-width characters', () => {
  it.each([
    ['＝', '='],
    ['＋', '+'],
    ['「', '"'],
    ['」', '"'],
    ['［', '['],
    ['（', '('],
    ['＞', '>'],
    ['，', ','],
  ])('reports %s with the half-width %s as a hint', (ch, half) => {
    const result = lex(`when x ${ch}`);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.code).toBe('unexpected-character');
    expect(result.diagnostics[0]!.message).toContain(`"${ch}"`);
    expect(result.diagnostics[0]!.message).toContain(
      half === '"' ? 'half-width double quote (")' : `half-width "${half}"`,
    );
    expect(result.diagnostics[0]!.at).toBe('1:8-1:9');
  });

  it('reports ＋２０ as one unexpected-character error that suggests +20', () => {
    const result = lex('when x ＋２０');
    expect(result.diagnostics).toEqual([
      {
        code: 'unexpected-character',
        message: 'unexpected characters "＋２０": use the half-width "+20" instead',
        at: '1:8-1:11',
      },
    ]);
  });

  it('reports full-width digits on their own', () => {
    const result = lex('max ６０');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toContain('"60"');
  });

  it('reports 「text」 as two errors, one per bracket, each with the half-width " hint', () => {
    const result = lex('when x +1 「決裁者」');
    expect(result.diagnostics.map((d) => d.at)).toEqual(['1:11-1:12', '1:15-1:16']);
    for (const d of result.diagnostics) expect(d.message).toContain('use the half-width double quote (") instead');
    expect(result.tokens).toContain('Identifier:決裁者');
  });

  it('reports a character with no half-width form in words', () => {
    const result = lex('when x ★');
    expect(result.diagnostics).toEqual([
      {
        code: 'unexpected-character',
        message: 'unexpected character "★": quote text values ("like this") or remove the character',
        at: '1:8-1:9',
      },
    ]);
  });

  it('reports an emoji (a surrogate pair) once, spanning both code units', () => {
    const result = lex('when x 😀');
    expect(result.diagnostics).toEqual([
      {
        code: 'unexpected-character',
        message: 'unexpected character "😀": quote text values ("like this") or remove the character',
        at: '1:8-1:10',
      },
    ]);
  });
});

describe('white space and comments', () => {
  it('treats U+3000 ideographic space as white space', () => {
    const result = lex('when\u3000role\u3000=\u3000部長\u3000+20');
    expect(result.diagnostics).toEqual([]);
    expect(result.tokens).toEqual([
      'Kw_when:when',
      'Identifier:role',
      'Equals:=',
      'Identifier:部長',
      'SignedNumber:+20',
    ]);
  });

  it('skips a byte-order mark at the start of the file and keeps columns in UTF-16 units', () => {
    const { file, diagnostics } = parse('\uFEFFwhen x +1');
    expect(diagnostics).toEqual([]);
    expect(file.statements[0]?.range.start).toEqual({ offset: 1, line: 1, column: 2 });
  });

  it('accepts tabs, CRLF and lone CR as white space and line breaks', () => {
    const { file, diagnostics } = parse('when\tx +1\r\nwhen y +2\rwhen z +3');
    expect(diagnostics).toEqual([]);
    expect(file.statements.map((s) => s.range.start.line)).toEqual([1, 2, 3]);
  });

  it('runs a comment from # to the end of the line', () => {
    const result = lex('when x +1 # 決裁者 +20 "x\nwhen y +2 #last');
    expect(result.diagnostics).toEqual([]);
    expect(result.comments).toEqual(['# 決裁者 +20 "x', '#last']);
    expect(result.tokens).toEqual([
      'Kw_when:when',
      'Identifier:x',
      'SignedNumber:+1',
      'Kw_when:when',
      'Identifier:y',
      'SignedNumber:+2',
    ]);
  });

  it('does not start a comment at # inside a string', () => {
    const result = lex('when url contains "/pricing#plans" +30');
    expect(result.comments).toEqual([]);
    expect(result.tokens).toContain('ClosedString:"/pricing#plans"');
  });

  it('keeps comments in the AST with their text and range', () => {
    const { file } = parse('# 見出し\nwhen x +1  # 末尾');
    expect(file.comments.map((c) => [c.text, c.range.start.line, c.range.start.column, c.range.end.column])).toEqual([
      [' 見出し', 1, 1, 6],
      [' 末尾', 2, 12, 16],
    ]);
  });
});

describe('the lexer keeps Chevrotain optimisations', () => {
  it('builds with ensureOptimizations: true (importing grammar/lexer.ts did so without throwing)', () => {
    const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: true });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
    expect((lexer as unknown as { canModeBeOptimized: Record<string, boolean> }).canModeBeOptimized).toEqual({
      defaultMode: true,
    });
  });

  it('would fail loudly for a custom pattern without start-character hints (the check above can fail)', () => {
    const bare = createToken({
      name: 'Bare',
      pattern: { exec: (text: string, offset: number) => /x/y.exec(text.slice(offset)) },
      line_breaks: false,
    });
    expect(() => new Lexer([bare], { ensureOptimizations: true })).toThrow();
  });
});
