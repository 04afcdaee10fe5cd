/**
 * Error recovery (docs/language.md#15-diagnostics): every syntax error of a file is reported in
 * one run, with its line and column and a message in words, and the valid
 * statements around the errors are still in the tree.
 */
import { describe, expect, it } from 'vitest';
import type * as ast from '../../grammar/ast.js';
import { parse } from '../../grammar/parse.js';

/** `LINE:COL code: message` for each diagnostic, in file order. */
function errors(source: string): string[] {
  return parse(source).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}: ${d.message}`);
}

function positions(source: string): string[] {
  return parse(source).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}`);
}

/** A short fingerprint of each statement: kind and first line. */
function statements(source: string): string[] {
  return parse(source).file.statements.map((s) => `${s.kind}@${s.range.start.line}`);
}

describe('several independent errors in one run', () => {
  const source = [
    'schema "./lead.schema.json"', // 1
    'let 決裁者 = [役員, 部長]', // 2
    'when role in 決裁者 "決裁者層"', // 3: no points
    'when employees >= 100 +20 "規模"', // 4
    'on email_open each +5', // 5: points after a modifier
    'group 属性 max 60 {', // 6
    '  when industry = 製造業 +15', // 7
    '  when email contains', // 8: no value (and no points)
    '  when tags contains VIP +5', // 9
    '}', // 10
    'tier MQL >=', // 11: no number
    'tier 中関心 >= 30', // 12
    'after 30d -10', // 13: no "inactive"
    'tier 低関心 otherwise', // 14
  ].join('\n');

  it('reports each error at its line and column', () => {
    expect(errors(source)).toEqual([
      '3:18 syntax: expected points such as +20 after the condition, but found the text "決裁者層"',
      '5:15 syntax: expected points such as +20 after the event (and its where condition), but found the keyword "each"',
      '8:22 syntax: expected a value: a number, a word, "text in quotes", true or false, but found the keyword "when"',
      '11:12 syntax: expected a number, but found the keyword "tier"',
      '13:11 syntax: expected "inactive" after the duration, as in after 30d inactive -10, but found the points -10',
    ]);
  });

  it('keeps the valid statements around them', () => {
    expect(statements(source)).toEqual(['schema@1', 'let@2', 'when@4', 'group@6', 'tier@12', 'tier@14']);
    const group = parse(source).file.statements.find((s): s is ast.GroupStatement => s.kind === 'group')!;
    expect(group.rules.map((r) => r.range.start.line)).toEqual([7, 9]);
  });

  it('reports only errors (no warnings) with well-formed ranges', () => {
    for (const d of parse(source).diagnostics) {
      expect(d.severity).toBe('error');
      expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
    }
  });
});

describe('messages in words', () => {
  it.each([
    [
      'when role = 部長\n',
      '1:15 syntax: expected points such as +20 after the condition, but found the end of the file',
    ],
    [
      'on page_view where url contains "/pricing"',
      '1:43 syntax: expected points such as +20 after the event (and its where condition), but found the end of the file',
    ],
    [
      'when b >= 10 5 "x"',
      '1:14 syntax: expected points such as +20 after the condition, but found the number 5: points need a sign, as in +5 or -5',
    ],
    ['after 30d inactive', '1:19 syntax: expected points such as -10 after "inactive", but found the end of the file'],
    [
      'schema lead.json',
      '1:8 syntax: expected the schema file name in quotes, such as "./lead.schema.json", but found the word "lead"',
    ],
    ['let = [a]', '1:5 syntax: expected a name for the list after "let", but found "="'],
    ['let a [x]', '1:7 syntax: expected "=" between the list name and the list, but found "["'],
    ['group {}', '1:7 syntax: expected a name for the group after "group", but found "{"'],
    ['group g max 60 min {}', '1:20 syntax: expected a number after "min", such as min 0 or min -20, but found "{"'],
    ['group g max {}', '1:13 syntax: expected a number after "max", such as max 60, but found "{"'],
    ['on +5', '1:4 syntax: expected an event type such as page_view after "on", but found the points +5'],
    ['on e +5 each max', '1:17 syntax: expected a number after "max", such as max 20, but found the end of the file'],
    [
      'on e +5 within',
      '1:15 syntax: expected a duration such as 30d (h = hours, d = days, w = weeks), but found the end of the file',
    ],
    [
      'when +5',
      '1:6 syntax: expected a condition such as employees >= 100, role in [部長, 役員] or (…), but found the points +5',
    ],
    ['when role is +5', '1:14 syntax: expected "set" after "is" (is set / is not set), but found the points +5'],
    ['when role not [a] +5', '1:15 syntax: expected "in" after "not" (not in [...]), but found "["'],
    [
      'when role = max +5',
      '1:13 syntax: expected a value: a number, a word, "text in quotes", true or false, but found the keyword "max": to use it as a value, write it in quotes ("max")',
    ],
    [
      'when plan in [min, max] +5',
      '1:15 syntax: expected a value or "]" to close the list, but found the keyword "min": to use it as a value, write it in quotes ("min")',
    ],
    [
      'when source = on +3',
      '1:15 syntax: expected a value: a number, a word, "text in quotes", true or false, but found the keyword "on"',
    ],
    ['when (a or b +5', '1:14 syntax: expected ")" to close the parenthesis, but found the points +5'],
    ['when a.+5', '1:8 syntax: expected a field name after ".", but found the points +5'],
    [
      'tier +5 >= 3',
      '1:6 syntax: expected a tier name, then ">= number", "when condition" or "otherwise", but found the points +5',
    ],
    [
      'tier A',
      '1:7 syntax: expected a test after the tier name: ">= number", "when condition" or "otherwise", but found the end of the file',
    ],
    ['tier A >= +5', '1:11 syntax: write the number without "+": 5 (a sign-first number here reads as points)'],
    ['when x in [] +5', '1:11 syntax: a list needs at least one value, such as [役員, 部長]'],
    ['when x +5.5', '1:8 bad-points: points must be a whole number with a sign, such as +6'],
  ])('%j', (source, expected) => {
    expect(errors(source)).toEqual([expected]);
  });

  it('never shows token names or Chevrotain jargon', () => {
    const sources = [
      'when role = 部長',
      'group g { when',
      'tier',
      'let a = [',
      'on e where (a',
      '}',
      'when x in [a b] +5',
      'after 3d inactive',
    ];
    for (const source of sources) {
      for (const d of parse(source).diagnostics) {
        expect(d.message).not.toMatch(
          /Kw_|Identifier|SignedNumber|NumberLiteral|StringLiteral|DurationLiteral|LBrace|RBrace|LBracket|RBracket|EOF|-->|<--|Expecting/,
        );
        expect(d.message).toMatch(/^[a-z"]/);
      }
    }
  });
});

describe('stray tokens between statements', () => {
  it('reports a stray "}" at the brace and parses the next statement', () => {
    const source = 'when a +5\n}\nwhen b +5';
    expect(errors(source)).toEqual([
      '2:1 syntax: expected a statement: schema, let, group, when, on, after or tier, but found "}"',
    ]);
    expect(statements(source)).toEqual(['when@1', 'when@3']);
  });

  it('reports a stray word at the word and parses the next statement', () => {
    const source = 'when a +5\nfoo bar baz\nwhen b +5\n部長\ntier t otherwise';
    expect(errors(source)).toEqual([
      '2:1 syntax: expected a statement: schema, let, group, when, on, after or tier, but found the word "foo"',
      '4:1 syntax: expected a statement: schema, let, group, when, on, after or tier, but found the word "部長"',
    ]);
    expect(statements(source)).toEqual(['when@1', 'when@3', 'tier@5']);
  });

  it('reports a rule written without "when" once, at its first word', () => {
    const source = 'when a +5\nrole = 部長 +10\nwhen b +5';
    expect(errors(source)).toEqual([
      '2:1 syntax: expected a statement: schema, let, group, when, on, after or tier, but found the word "role"',
    ]);
    expect(statements(source)).toEqual(['when@1', 'when@3']);
  });

  it('reports each line of a stretch of stray lines at its first word', () => {
    const source =
      'スキーマ "./lead.schema.json"\n\nグループ 属性 {\n  when 役職 = 部長 +20\n}\nメモ 要確認 +5\ntier t otherwise';
    expect(positions(source)).toEqual(['1:1', '3:1', '5:1', '6:1']);
    expect(statements(source)).toEqual(['when@4', 'tier@7']);
  });

  it('reports a stray word on the line after a broken rule', () => {
    const source = 'when x "a"\nティア 有望 >= 60\ntier t otherwise';
    expect(positions(source)).toEqual(['1:8', '2:1']);
    expect(statements(source)).toEqual(['tier@3']);
  });

  it('does not report the continuation of a broken rule on the next line', () => {
    expect(positions('on email_open each\n  +5 "開封"\nwhen x +1')).toEqual(['1:15']);
  });

  it('reports one syntax error a line', () => {
    expect(positions('when source = on +3\non email_open each +5 max 20\nwhen x +1')).toEqual(['1:15', '2:15']);
  });

  it('reports a second label on the same line at the label', () => {
    expect(errors('when x +5 "a" "b"')).toEqual([
      '1:15 syntax: expected a statement: schema, let, group, when, on, after or tier, but found the text "b"',
    ]);
  });

  it('does not report the rest of a statement already reported', () => {
    const source = 'on email_open each +5 "開封"\nwhen b +5';
    expect(errors(source)).toEqual([
      '1:15 syntax: expected points such as +20 after the event (and its where condition), but found the keyword "each"',
    ]);
    expect(statements(source)).toEqual(['when@2']);
  });

  it('reports a stray word inside a group at the word, keeping the rules around it', () => {
    const source = 'group g {\n  when a +5\n  foo\n  when b +5\n}\nwhen c +1';
    expect(errors(source)).toEqual([
      '3:3 syntax: expected a rule starting with when, on or after (or "}" to close the group), but found the word "foo"',
    ]);
    const group = parse(source).file.statements[0] as ast.GroupStatement;
    expect(group.rules.map((r) => r.range.start.line)).toEqual([2, 4]);
    expect(statements(source)).toEqual(['group@1', 'when@6']);
  });

  it('reports a statement that cannot be inside a group, then the group\'s "}" left over', () => {
    const source = 'group g {\n  when a +5\n  tier x otherwise\n}';
    expect(positions(source)).toEqual(['2:12', '4:1']);
    expect(errors(source)[0]).toContain('expected "}" to close the group, but found the keyword "tier"');
    expect(statements(source)).toEqual(['tier@3']);
  });
});

describe('errors at the end of a line point at the end of that line', () => {
  it('points at the end of the line with the missing points, not at the next line', () => {
    const source = 'group 属性 {\n  when role = 部長\n  when x +5\n}';
    expect(
      parse(source).diagnostics.map((d) => [
        d.range.start.line,
        d.range.start.column,
        d.range.end.line,
        d.range.end.column,
      ]),
    ).toEqual([[2, 17, 2, 17]]);
  });

  it('points past trailing spaces and a comment at the end of the last token', () => {
    const source = 'when role = 部長   # 決裁者\n\n\nwhen x +5';
    expect(positions(source)).toEqual(['1:15']);
  });

  it('points at the end of the last line for a group left open at the end of the file', () => {
    const source = 'group g {\n  when a +5\n';
    expect(errors(source)).toEqual(['2:12 syntax: expected "}" to close the group, but found the end of the file']);
  });

  it('points at the end of the line for an unclosed list followed by a rule', () => {
    expect(positions('let a = [x, y\nwhen x +5')).toEqual(['1:14']);
    expect(statements('let a = [x, y\nwhen x +5')).toEqual(['when@2']);
  });

  it('points at the end of the line for a tier without its test', () => {
    expect(positions('tier A\ntier B >= 10')).toEqual(['1:7']);
    expect(statements('tier A\ntier B >= 10')).toEqual(['tier@2']);
  });

  it('points at the offending token when it is on the same line', () => {
    expect(positions('when role = 部長 "ラベル"')).toEqual(['1:16']);
  });
});

describe('lexing errors do not cascade into syntax errors', () => {
  it('reports a full-width "=" once, not also the points it seems to lack', () => {
    expect(errors('when role ＝ 部長 +20\nwhen x +5')).toEqual([
      '1:11 unexpected-character: unexpected character "＝": use the half-width "=" instead',
    ]);
  });

  it('reports an unclosed string once, not also the points it swallowed', () => {
    const source = 'when role = "部長 +20\nwhen x +5';
    expect(errors(source)).toEqual([
      '1:13 unterminated-string: this text has no closing quote: add " at its end (a string cannot span lines)',
    ]);
    expect(statements(source)).toEqual(['when@2']);
  });

  it('reports a lone sign once', () => {
    expect(errors('when x +\nwhen y +5')).toEqual(['1:8 bad-points: "+" must be followed by a number, as in +20']);
  });

  it('still reports a syntax error on another line', () => {
    expect(positions('when role ＝ 部長 +20\nwhen x\ntier t otherwise')).toEqual(['1:11', '2:7']);
  });

  it('still reports "+ 20" and keeps the rule, with no syntax error', () => {
    const source = 'when role = 部長 + 20 "決裁者"';
    expect(errors(source)).toEqual(['1:16 bad-points: write the sign right against the number, with no space: +20']);
    expect(statements(source)).toEqual(['when@1']);
  });
});
