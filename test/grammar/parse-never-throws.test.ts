/**
 * `parse` must never throw, whatever it is given, and every diagnostic and
 * node it returns must point into the source. Random text, random sequences
 * of the language's own fragments, and random mutations of the example of
 * docs/language.md#1-a-first-look.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../grammar/lexer.js';
import { MAX_NESTING, parse, type ParseResult } from '../../grammar/parse.js';
import { LineMap, type Position, type Range } from '../../grammar/range.js';
import { SPEC_EXAMPLE } from './spec-example.js';

/** Line and column of an offset, counted independently of grammar/range.ts (CRLF, LF and CR end a line). */
const lineStartsCache = new Map<string, number[]>();
function expectedPosition(source: string, offset: number): { line: number; column: number } {
  let starts = lineStartsCache.get(source);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < source.length; i++) {
      const ch = source[i];
      if (ch === '\n' || (ch === '\r' && source[i + 1] !== '\n')) starts.push(i + 1);
    }
    lineStartsCache.clear();
    lineStartsCache.set(source, starts);
  }
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line: line + 1, column: offset - starts[line]! + 1 };
}

/** Problems with a position: out of the source, or a line/column that does not match its offset. */
function positionProblems(source: string, p: Position, what: string): string[] {
  if (!(p.line >= 1 && p.column >= 1 && p.offset >= 0 && p.offset <= source.length))
    return [`${what}: ${JSON.stringify(p)} is outside the source`];
  const expected = expectedPosition(source, p.offset);
  if (expected.line !== p.line || expected.column !== p.column)
    return [`${what}: ${JSON.stringify(p)} should be ${expected.line}:${expected.column}`];
  return [];
}

function rangeProblems(source: string, range: Range, what: string): string[] {
  const problems = [...positionProblems(source, range.start, what), ...positionProblems(source, range.end, what)];
  if (range.start.offset > range.end.offset) problems.push(`${what}: starts after it ends`);
  return problems;
}

/** Every `range` anywhere in the tree lies in the source and inside its parent's range. */
function treeProblems(
  source: string,
  node: unknown,
  parent: Range | undefined,
  path: string,
  problems: string[],
): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => treeProblems(source, child, parent, `${path}[${i}]`, problems));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  let own = parent;
  const range = (node as { range?: Range }).range;
  if (range && 'start' in range) {
    problems.push(...rangeProblems(source, range, path));
    if (parent && (range.start.offset < parent.start.offset || range.end.offset > parent.end.offset))
      problems.push(`${path}: outside its parent`);
    own = range;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'range') treeProblems(source, value, own, `${path}.${key}`, problems);
  }
}

function parseChecked(source: string): ParseResult {
  let result: ParseResult;
  try {
    result = parse(source);
  } catch (e) {
    throw new Error(`parse threw on ${JSON.stringify(source.slice(0, 200))}: ${String(e)}`, { cause: e });
  }
  const problems: string[] = [];
  for (const d of result.diagnostics) {
    problems.push(...rangeProblems(source, d.range, `${d.code}: ${d.message}`));
    if (d.message.length === 0) problems.push(`${d.code}: empty message`);
    if (d.severity !== 'error' && d.severity !== 'warning') problems.push(`${d.code}: severity ${String(d.severity)}`);
  }
  treeProblems(source, result.file, undefined, 'file', problems);
  expect(problems, JSON.stringify(source.slice(0, 200))).toEqual([]);
  return result;
}

/** Fragments of the language, joined at random: mostly near-valid rule files. */
const FRAGMENTS = [
  'schema ',
  'let ',
  'group ',
  'max ',
  'min ',
  'when ',
  'on ',
  'where ',
  'each ',
  'within ',
  'after ',
  'inactive ',
  'tier ',
  'otherwise ',
  'and ',
  'or ',
  'not ',
  'in ',
  'contains ',
  'is ',
  'set ',
  'true ',
  'false ',
  '+5',
  '-10',
  '+ 20',
  '- ',
  '+',
  '100',
  '1.5',
  '-3',
  '30d',
  '24h',
  '12w',
  '30m',
  '9999999999999999999',
  '+1.5',
  '[',
  ']',
  ',',
  '(',
  ')',
  '{',
  '}',
  '.',
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '"',
  '"ラベル"',
  '"a\\"b"',
  '"\\q"',
  '"\\u30',
  '\\',
  'role',
  'employees',
  'company.size',
  '部長',
  '役員',
  '決裁者',
  '𠮷野家',
  'email_open',
  'page_view',
  '_',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\u3000',
  '\uFEFF',
  '# コメント\n',
  '#',
  '＝',
  '＋２０',
  '「',
  '」',
  '😀',
  '\u0301',
  '\uD800',
  '\u2028',
];

const fragmentSource = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
const fragmentSourceWithSpaces = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 })
  .map((parts) => parts.join(' '));

describe('parse never throws', () => {
  it('on random Unicode strings (any code point)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (source) => {
        parseChecked(source);
      }),
      { numRuns: 400 },
    );
  });

  it('on random UTF-16 code units, lone surrogates included', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (source) => {
        parseChecked(source);
      }),
      { numRuns: 300 },
    );
  });

  it("on random sequences of the language's tokens and fragments", () => {
    fc.assert(
      fc.property(fc.oneof(fragmentSource, fragmentSourceWithSpaces), (source) => {
        parseChecked(source);
      }),
      { numRuns: 500 },
    );
  });

  it('on a few hostile inputs', () => {
    for (const source of [
      '('.repeat(2000) + 'a',
      'when ' + 'not '.repeat(2000) + 'a +1',
      'let a = [' + 'x, '.repeat(5000) + ']',
      '"'.repeat(1001),
      '}'.repeat(1000),
      'when a +1 '.repeat(2000),
      '\r'.repeat(1000) + 'when',
    ]) {
      parseChecked(source);
    }
  });

  it('survives thousands of stray lines between statements (Chevrotain recurses once per recovery)', () => {
    const source = 'メモ\nwhen x +1\n'.repeat(2500);
    const { diagnostics } = parseChecked(source);
    const last = diagnostics[diagnostics.length - 1]!;
    // Either every stray line is reported, or the first ones are and the parser says it gave up.
    if (last.code === 'too-many-errors') {
      expect(diagnostics.length).toBeGreaterThan(100);
      expect(last.range.start.offset).toBe(source.length);
    } else {
      expect(diagnostics).toHaveLength(2500);
    }
    expect(diagnostics.slice(0, 3).map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual([
      '1:1 syntax',
      '3:1 syntax',
      '5:1 syntax',
    ]);
  });

  it('reports conditions nested too deeply instead of overflowing the stack', () => {
    const deep = 'when x +1\nwhen ' + '('.repeat(MAX_NESTING + 1) + 'a' + ')'.repeat(MAX_NESTING + 1) + ' +1';
    const { diagnostics } = parseChecked(deep);
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual([
      `2:${6 + MAX_NESTING} syntax`,
    ]);
    expect(diagnostics[0]!.message).toContain('nested too deeply');
    const deepest = 'when ' + '('.repeat(MAX_NESTING) + 'a' + ')'.repeat(MAX_NESTING) + ' +1';
    expect(parseChecked(deepest).diagnostics).toEqual([]);
    expect(parseChecked('when ' + 'not '.repeat(MAX_NESTING) + 'a +1').diagnostics).toEqual([]);
    expect(parseChecked('when ' + 'not a and '.repeat(1000) + 'a +1').diagnostics).toEqual([]);
  });
});

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'swap'; a: number; b: number; length: number };

function mutate(source: string, mutations: Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    const pos = (x: number) => Math.min(x, s.length);
    switch (m.kind) {
      case 'delete':
        s = s.slice(0, pos(m.at)) + s.slice(pos(m.at + m.length));
        break;
      case 'insert':
        s = s.slice(0, pos(m.at)) + m.text + s.slice(pos(m.at));
        break;
      case 'duplicate':
        s = s.slice(0, pos(m.at + m.length)) + s.slice(pos(m.at), pos(m.at + m.length)) + s.slice(pos(m.at + m.length));
        break;
      case 'swap': {
        const [a, b] = m.a <= m.b ? [pos(m.a), pos(m.b)] : [pos(m.b), pos(m.a)];
        const aEnd = Math.min(a + m.length, b);
        const bEnd = pos(b + m.length);
        s = s.slice(0, a) + s.slice(b, bEnd) + s.slice(aEnd, b) + s.slice(a, aEnd) + s.slice(bEnd);
        break;
      }
    }
  }
  return s;
}

const offset = fc.nat({ max: SPEC_EXAMPLE.length });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: offset, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: offset,
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 5 })),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: offset, length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: offset, b: offset, length: fc.integer({ min: 1, max: 30 }) }),
);

describe('mutations of the complete example', () => {
  it('parses the unmutated example cleanly (the baseline of the mutations)', () => {
    expect(parseChecked(SPEC_EXAMPLE).diagnostics).toEqual([]);
  });

  it('never throw, and either parse cleanly with every token inside a statement or report an error with a position', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const source = mutate(SPEC_EXAMPLE, mutations);
        const { file, diagnostics } = parseChecked(source);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          expect(errors.some((d) => d.range.start.line >= 1 && d.range.start.column >= 1)).toBe(true);
          return;
        }
        // No error: nothing was dropped silently, every token belongs to a statement of the tree.
        const { tokens } = tokenize(source, new LineMap(source));
        for (const token of tokens) {
          const inside = file.statements.some(
            (s) => s.range.start.offset <= token.startOffset && token.endOffset! < s.range.end.offset,
          );
          expect(inside, `token ${token.image} at ${token.startOffset} of ${JSON.stringify(source)}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
