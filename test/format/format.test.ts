import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format } from '../../grammar/format.js';
import { parse } from '../../grammar/parse.js';
import { programText } from '../helpers/arbitraries.js';
import { withoutRanges } from '../helpers/ast-equality.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

function formatted(source: string): string {
  const result = format(source);
  if (!result.ok) throw new Error(`not formatted: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.text;
}

/** Prettier's checks for every input: the AST is kept, comments are kept, a second pass changes nothing, CRLF gives the same layout. */
function expectCanonical(source: string): string {
  const once = formatted(source);
  expect(withoutRanges(parse(once).file.statements)).toEqual(withoutRanges(parse(source).file.statements));
  expect(parse(once).file.comments.map((c) => c.text.trimEnd())).toEqual(
    parse(source).file.comments.map((c) => c.text.trimEnd()),
  );
  expect(formatted(once)).toBe(once);
  expect(formatted(source.replace(/\r?\n/g, '\r\n'))).toBe(once.replace(/\n/g, '\r\n'));
  return once;
}

describe('fmt fixtures', () => {
  const inputs = readdirSync(FIXTURES).filter((f) => f.endsWith('.score') && !f.endsWith('.expected.score'));
  for (const name of inputs) {
    it(name, () => {
      const source = readFileSync(join(FIXTURES, name), 'utf8');
      expect(expectCanonical(source)).toBe(
        readFileSync(join(FIXTURES, name.replace(/\.score$/, '.expected.score')), 'utf8'),
      );
    });
  }

  it('leaves the example rules as they are (they are kept formatted)', () => {
    const source = readFileSync(new URL('../../rules/b2b-saas.score', import.meta.url), 'utf8');
    expect(expectCanonical(source)).toBe(source);
  });

  it('aligns points by display width, so Japanese heads line up', () => {
    const text = formatted('group 属性 {\nwhen role = 部長 +25\nwhen employees >= 100 +20\n}\n');
    expect(text).toBe('group 属性 {\n  when role = 部長      +25\n  when employees >= 100 +20\n}\n');
  });

  it('keeps one blank line where there were several, and none at the start', () => {
    expect(formatted('\n\n\nwhen a = 1 +1\n\n\n\nwhen b = 1 +1\n')).toBe('when a = 1 +1\n\nwhen b = 1 +1\n');
  });

  it('moves a comment from inside a multi-line rule to just above it', () => {
    expect(formatted('when a = 1 # why\n  +5 "l"\n')).toBe('# why\nwhen a = 1 +5 "l"\n');
  });

  it('refuses a file with syntax errors and says why', () => {
    const result = format('when a = 1\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]!.message).toContain('expected points such as +20');
  });

  it('formats an empty file to an empty file', () => {
    expect(formatted('')).toBe('');
    expect(formatted('\n\n')).toBe('');
  });
});

/** Noise a person might type: extra spaces, blank lines and comments between statements and at line ends. */
const messed = programText.chain((source) =>
  fc.array(fc.tuple(fc.constantFrom('  ', '\n', '\n\n', ' # メモ', '\t'), fc.nat()), { maxLength: 6 }).map((edits) => {
    const lines = source.split('\n');
    for (const [noise, at] of edits) {
      const i = at % lines.length;
      lines[i] = noise.startsWith(' #') ? `${lines[i]}${noise}` : `${lines[i]}${noise}`;
    }
    return lines.join('\n');
  }),
);

describe('fmt properties', () => {
  it('is idempotent, keeps the AST (ranges aside) and keeps every comment', () => {
    fc.assert(
      fc.property(messed, (source) => {
        expectCanonical(source);
      }),
      { numRuns: 300 },
    );
  });
});
