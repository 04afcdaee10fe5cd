import { createTokenInstance, Lexer, type IToken } from 'chevrotain';
import { error, type Diagnostic } from './diagnostic.js';
import type { LineMap } from './range.js';
import { allTokens, DurationLiteral, LoneSign, NumberLiteral, SignedNumber, UnterminatedString } from './tokens.js';

/** Created once per process: building a Chevrotain lexer analyses every pattern. */
const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: true });

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
  /**
   * Lines where the lexer dropped characters or an unclosed string swallowed
   * the rest of the line, each with the offset where that starts: a syntax
   * error from there on is a consequence of the lexing error already
   * reported, so the parser step leaves it out.
   */
  readonly damagedLines: ReadonlyMap<number, number>;
}

/** Full-width characters a Japanese IME produces where the language wants ASCII. */
const HALF_WIDTH_HINTS: Record<string, string> = {
  '＝': '=',
  '＋': '+',
  '－': '-',
  '（': '(',
  '）': ')',
  '［': '[',
  '］': ']',
  '｛': '{',
  '｝': '}',
  '，': ',',
  '、': ',',
  '＞': '>',
  '＜': '<',
  '！': '!',
  '．': '.',
  '＃': '#',
  '“': '"',
  '”': '"',
  '「': '"',
  '」': '"',
  '＂': '"',
  "'": '"',
  '’': '"',
  '‘': '"',
};

function halfWidth(ch: string): string | undefined {
  if (/^[０-９]$/u.test(ch)) return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  return HALF_WIDTH_HINTS[ch];
}

/** The ASCII a run of full-width characters stands for (NFKC, plus the IME quotes and commas), or undefined. */
function halfWidthText(text: string): string | undefined {
  const halves = [...text].map((ch) => halfWidth(ch) ?? ch.normalize('NFKC'));
  const half = halves.join('');
  return half !== text && /^[\x21-\x7e]+$/.test(half) ? half : undefined;
}

/** `text` is the whole run of characters the lexer could not read (`＋２０` is one run). */
function unexpectedCharacterMessage(text: string): string {
  const chars = [...text];
  const halves = chars.map(halfWidth);
  if (chars.length > 1 && halves.every((h) => h !== undefined)) {
    return `unexpected characters "${text}": use the half-width "${halves.join('')}" instead`;
  }
  const ch = chars[0] ?? '\ufffd';
  const hint = HALF_WIDTH_HINTS[ch];
  if (hint === '"') return `unexpected character "${ch}": use the half-width double quote (") instead`;
  if (hint !== undefined) return `unexpected character "${ch}": use the half-width "${hint}" instead`;
  if (/^[０-９]$/u.test(ch)) return `unexpected character "${ch}": write numbers with half-width digits (0-9)`;
  return `unexpected character "${ch}": quote text values ("like this") or remove the character`;
}

export function tokenize(source: string, lines: LineMap): LexResult {
  const result = lexer.tokenize(source);
  const diagnostics: Diagnostic[] = [];
  const damagedLines = new Map<number, number>();
  const damage = (offset: number) => {
    const line = lines.position(offset).line;
    if (!damagedLines.has(line)) damagedLines.set(line, offset);
  };
  for (const e of result.errors) {
    damage(e.offset);
    const text = source.slice(e.offset, e.offset + e.length);
    const half = halfWidthText(text);
    // The half-width text is a quick fix ("＋２０" → "+20"), and what a translated message names.
    const extra: Partial<Diagnostic> =
      half === undefined ? { params: { text } } : { suggestions: [half], params: { text, half } };
    diagnostics.push(
      error(
        'unexpected-character',
        unexpectedCharacterMessage(text),
        lines.range(e.offset, e.offset + e.length),
        extra,
      ),
    );
  }
  const tokens: IToken[] = [];
  const raw = result.tokens;
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    const range = lines.range(token.startOffset, token.endOffset! + 1);
    if (token.tokenType === UnterminatedString) {
      damage(token.startOffset);
      diagnostics.push(
        error(
          'unterminated-string',
          'this text has no closing quote: add " at its end (a string cannot span lines)',
          range,
          { params: {} },
        ),
      );
    } else if (token.tokenType === DurationLiteral && !/^\d+[hdw]$/.test(token.image)) {
      const unit = token.image.replace(/^\d+/, '');
      diagnostics.push(
        error('bad-duration', `unknown time unit "${unit}": use h (hours), d (days) or w (weeks), as in 30d`, range, {
          params: { unit },
        }),
      );
    } else if (token.tokenType === LoneSign) {
      const next = raw[i + 1];
      if (next !== undefined && next.tokenType === NumberLiteral) {
        diagnostics.push(
          error(
            'bad-points',
            `write the sign right against the number, with no space: ${token.image}${next.image}`,
            lines.range(token.startOffset, next.endOffset! + 1),
            { params: { kind: 'sign-space', points: `${token.image}${next.image}` } },
          ),
        );
        tokens.push(mergeSign(token, next));
        i++;
      } else {
        damage(token.startOffset);
        diagnostics.push(
          error('bad-points', `"${token.image}" must be followed by a number, as in ${token.image}20`, range, {
            params: { kind: 'sign-alone', sign: token.image },
          }),
        );
      }
      continue;
    }
    tokens.push(token);
  }
  return { tokens, comments: result.groups['comments'] ?? [], diagnostics, damagedLines };
}

function mergeSign(sign: IToken, number: IToken): IToken {
  return createTokenInstance(
    SignedNumber,
    sign.image + number.image,
    sign.startOffset,
    number.endOffset!,
    sign.startLine!,
    number.endLine!,
    sign.startColumn!,
    number.endColumn!,
  );
}
