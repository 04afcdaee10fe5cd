/**
 * Every statement and construct of docs/language.md#appendix-grammar, parsed into the AST of
 * grammar/ast.ts: node kinds, values, flags, operator precedence, and the
 * source range of each node (1-based lines and columns in UTF-16 units).
 */
import { describe, expect, it } from 'vitest';
import type * as ast from '../../grammar/ast.js';
import { parse } from '../../grammar/parse.js';
import type { Range } from '../../grammar/range.js';
import { SPEC_EXAMPLE } from './spec-example.js';

function parseOk(source: string): ast.RuleFile {
  const { file, diagnostics } = parse(source);
  expect(diagnostics).toEqual([]);
  return file;
}

function only<K extends ast.Statement['kind']>(source: string, kind: K): Extract<ast.Statement, { kind: K }> {
  const file = parseOk(source);
  expect(file.statements).toHaveLength(1);
  const statement = file.statements[0]!;
  expect(statement.kind).toBe(kind);
  return statement as Extract<ast.Statement, { kind: K }>;
}

/** The condition of `when <text> +1`. */
function cond(text: string): ast.Condition {
  return only(`when ${text} +1`, 'when').condition;
}

/** `L:C-L:C` of a range, with its offsets checked against the text it covers. */
function at(range: Range): string {
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

function text(source: string, range: Range): string {
  return source.slice(range.start.offset, range.end.offset);
}

/** A compact, precedence-revealing rendering of a condition. */
function show(c: ast.Condition): string {
  const paren = (s: string) => (c.parenthesized ? `(${s})` : s);
  const path = (p: ast.Path) => p.segments.map((s) => s.name).join('.');
  const value = (v: ast.Value) =>
    v.kind === 'string' ? (v.quoted ? JSON.stringify(v.value) : v.value) : String(v.value);
  switch (c.kind) {
    case 'compare':
      return paren(`${path(c.path)}${c.op}${value(c.value)}`);
    case 'in':
      return paren(
        `${path(c.path)} ${c.negated ? 'not in' : 'in'} ${c.list.kind === 'list' ? `[${c.list.items.map(value).join(',')}]` : c.list.name}`,
      );
    case 'contains':
      return paren(`${path(c.path)} contains ${value(c.value)}`);
    case 'isSet':
      return paren(`${path(c.path)} is ${c.negated ? 'not ' : ''}set`);
    case 'truthy':
      return paren(path(c.path));
    case 'not':
      return paren(`not(${show(c.operand)})`);
    case 'and':
      return paren(`and(${c.operands.map(show).join(', ')})`);
    case 'or':
      return paren(`or(${c.operands.map(show).join(', ')})`);
  }
}

describe('schema', () => {
  it('reads the path and its range', () => {
    const s = only('schema "./lead.schema.json"', 'schema');
    expect(s.path).toBe('./lead.schema.json');
    expect(at(s.pathRange)).toBe('1:8-1:28');
    expect(at(s.range)).toBe('1:1-1:28');
  });

  it('unescapes the path', () => {
    expect(only('schema "./リード\\u0041.json"', 'schema').path).toBe('./リードA.json');
  });
});

describe('let', () => {
  it('reads the name and the list items in order', () => {
    const source = 'let 決裁者 = [役員, "部長", 3, -1.5, true, false]';
    const s = only(source, 'let');
    expect(s.name).toMatchObject({ kind: 'identifier', name: '決裁者' });
    expect(at(s.name.range)).toBe('1:5-1:8');
    expect(s.list.items).toEqual([
      expect.objectContaining({ kind: 'string', value: '役員', quoted: false }),
      expect.objectContaining({ kind: 'string', value: '部長', quoted: true }),
      expect.objectContaining({ kind: 'number', value: 3, raw: '3' }),
      expect.objectContaining({ kind: 'number', value: -1.5, raw: '-1.5' }),
      expect.objectContaining({ kind: 'boolean', value: true }),
      expect.objectContaining({ kind: 'boolean', value: false }),
    ]);
    expect(s.list.items.map((i) => text(source, i.range))).toEqual(['役員', '"部長"', '3', '-1.5', 'true', 'false']);
    expect(at(s.list.range)).toBe('1:11-1:43');
    expect(at(s.range)).toBe('1:1-1:43');
  });

  it('accepts a trailing comma and a list spread over lines', () => {
    const s = only('let 業種 = [\n  製造業,\n  情報通信業,\n]', 'let');
    expect(s.list.items.map((i) => i.kind === 'string' && i.value)).toEqual(['製造業', '情報通信業']);
    expect(at(s.list.range)).toBe('1:10-4:2');
  });

  it('accepts a one-item list', () => {
    expect(only('let a = [x]', 'let').list.items).toHaveLength(1);
  });
});

describe('group', () => {
  it('reads its name, rules and an empty limit list', () => {
    const source = 'group 行動 {\n  on email_open +5\n  when x +1\n}';
    const g = only(source, 'group');
    expect(g.name.name).toBe('行動');
    expect(g.limits).toEqual([]);
    expect(g.rules.map((r) => r.kind)).toEqual(['on', 'when']);
    expect(at(g.range)).toBe('1:1-4:2');
    expect(at(g.rules[0]!.range)).toBe('2:3-2:19');
  });

  it('accepts an empty group', () => {
    expect(only('group 空 {}', 'group').rules).toEqual([]);
  });

  it('reads max, min with a signed or unsigned number, in the order written', () => {
    const source = 'group 属性 max 60 min -20 min 0 max 100 {}';
    const g = only(source, 'group');
    expect(g.limits.map((l) => [l.kind, l.value, text(source, l.range)])).toEqual([
      ['max', 60, 'max 60'],
      ['min', -20, 'min -20'],
      ['min', 0, 'min 0'],
      ['max', 100, 'max 100'],
    ]);
  });

  it('reports a fractional limit', () => {
    const { diagnostics } = parse('group g max 1.5 {}');
    expect(diagnostics.map((d) => [d.code, at(d.range)])).toEqual([['bad-points', '1:13-1:16']]);
  });
});

describe('when rule', () => {
  it('reads condition, points and label', () => {
    const source = 'when employees >= 100 +20 "ターゲット規模"';
    const r = only(source, 'when');
    expect(r.condition).toMatchObject({
      kind: 'compare',
      op: '>=',
      value: { kind: 'number', value: 100, raw: '100' },
      parenthesized: false,
    });
    expect(r.points).toMatchObject({ kind: 'points', value: 20 });
    expect(r.label).toMatchObject({ kind: 'label', text: 'ターゲット規模' });
    expect(at(r.points.range)).toBe('1:23-1:26');
    expect(at(r.label!.range)).toBe('1:27-1:36');
    expect(at(r.range)).toBe('1:1-1:36');
  });

  it('has no label when none is written, and ends at its points', () => {
    const r = only('when email contains "@gmail.com" -15', 'when');
    expect(r.label).toBeUndefined();
    expect(r.points.value).toBe(-15);
    expect(at(r.range)).toBe('1:1-1:37');
  });

  it('may span lines', () => {
    const r = only('when employees >= 100\n  and role = 部長\n  +20\n  "大企業の部長"', 'when');
    expect(show(r.condition)).toBe('and(employees>=100, role=部長)');
    expect(at(r.range)).toBe('1:1-4:11');
  });

  it('reads +0 as points', () => {
    expect(only('when x +0', 'when').points.value).toBe(0);
  });
});

describe('on rule', () => {
  it('reads the event type and points', () => {
    const r = only('on whitepaper_download +20', 'on');
    expect(r.eventType).toMatchObject({ kind: 'identifier', name: 'whitepaper_download' });
    expect(r.where).toBeUndefined();
    expect(r.modifiers).toEqual([]);
    expect(r.points.value).toBe(20);
    expect(at(r.range)).toBe('1:1-1:27');
  });

  it('reads where, points and label', () => {
    const source = 'on page_view where url contains "/pricing" +30 "料金ページ閲覧"';
    const r = only(source, 'on');
    expect(r.where).toMatchObject({ kind: 'contains', value: { kind: 'string', value: '/pricing', quoted: true } });
    expect(text(source, r.where!.range)).toBe('url contains "/pricing"');
    expect(r.label?.text).toBe('料金ページ閲覧');
    expect(at(r.range)).toBe('1:1-1:57');
  });

  it('keeps modifiers in the order written, with their values', () => {
    const source = 'on email_click +10 within 90d max 30 each';
    const r = only(source, 'on');
    expect(r.modifiers.map((m) => m.kind)).toEqual(['within', 'max', 'each']);
    const [within, max, each] = r.modifiers;
    expect(within).toMatchObject({
      kind: 'within',
      duration: { kind: 'duration', amount: 90, unit: 'd', milliseconds: 90 * 86_400_000 },
    });
    expect(max).toMatchObject({ kind: 'max', limit: 30 });
    expect(r.modifiers.map((m) => text(source, m.range))).toEqual(['within 90d', 'max 30', 'each']);
    expect(text(source, (within as { duration: ast.Duration }).duration.range)).toBe('90d');
    expect(at(each!.range)).toBe('1:38-1:42');
    expect(at(r.range)).toBe('1:1-1:42');
  });

  it('keeps repeated modifiers for the checker to reject', () => {
    expect(only('on e +5 each each max 1 max 2', 'on').modifiers.map((m) => m.kind)).toEqual([
      'each',
      'each',
      'max',
      'max',
    ]);
  });

  it('reads each duration unit', () => {
    for (const [literal, ms] of [
      ['24h', 24 * 3_600_000],
      ['30d', 30 * 86_400_000],
      ['12w', 12 * 604_800_000],
    ] as const) {
      const r = only(`on e +1 within ${literal}`, 'on');
      expect(r.modifiers[0]).toMatchObject({ kind: 'within', duration: { milliseconds: ms, unit: literal.slice(-1) } });
    }
  });

  it('ends at the label after modifiers', () => {
    const source = 'on email_open +5 each max 20 "メール開封"';
    const r = only(source, 'on');
    expect(r.modifiers.map((m) => m.kind)).toEqual(['each', 'max']);
    expect(text(source, r.range)).toBe(source);
  });
});

describe('inactive rule', () => {
  it('reads duration, points and label', () => {
    const source = 'after 30d inactive -10 "一定期間行動なし"';
    const r = only(source, 'inactive');
    expect(r.duration).toMatchObject({ amount: 30, unit: 'd', milliseconds: 30 * 86_400_000 });
    expect(r.points.value).toBe(-10);
    expect(r.label?.text).toBe('一定期間行動なし');
    expect(at(r.duration.range)).toBe('1:7-1:10');
    expect(at(r.range)).toBe('1:1-1:34');
  });

  it('ends at its points without a label', () => {
    expect(at(only('after 2w inactive -5', 'inactive').range)).toBe('1:1-1:21');
  });
});

describe('tier', () => {
  it('reads a threshold test', () => {
    const t = only('tier MQL >= 60', 'tier');
    expect(t.name).toMatchObject({ name: 'MQL', quoted: false });
    expect(t.test).toMatchObject({ kind: 'threshold', threshold: { kind: 'number', value: 60, raw: '60' } });
    expect(at(t.name.range)).toBe('1:6-1:9');
    expect(at(t.range)).toBe('1:1-1:15');
  });

  it('reads a negative or fractional threshold', () => {
    expect(only('tier 要注意 >= -10', 'tier').test).toMatchObject({ kind: 'threshold', threshold: { value: -10 } });
    expect(only('tier a >= 2.5', 'tier').test).toMatchObject({
      kind: 'threshold',
      threshold: { value: 2.5, raw: '2.5' },
    });
  });

  it('reads a when test with a condition over score and groups', () => {
    const source = 'tier "ホット リード" when score >= 50 and 行動 > 20';
    const t = only(source, 'tier');
    expect(t.name).toMatchObject({ name: 'ホット リード', quoted: true });
    expect(at(t.name.range)).toBe('1:6-1:15');
    if (t.test.kind !== 'when') throw new Error('expected a when test');
    expect(show(t.test.condition)).toBe('and(score>=50, 行動>20)');
    expect(text(source, t.range)).toBe(source);
  });

  it('reads otherwise', () => {
    const t = only('tier 低関心 otherwise', 'tier');
    expect(t.test.kind).toBe('otherwise');
    expect(at((t.test as { range: Range }).range)).toBe('1:10-1:19');
    expect(at(t.range)).toBe('1:1-1:19');
  });
});

describe('conditions', () => {
  it.each([
    ['role = 部長', 'role=部長'],
    ['role != "部長"', 'role!="部長"'],
    ['employees < 10', 'employees<10'],
    ['employees <= 10', 'employees<=10'],
    ['employees > 10', 'employees>10'],
    ['employees >= 10', 'employees>=10'],
    ['score > -3', 'score>-3'],
    ['opted_out = true', 'opted_out=true'],
    ['opted_out = false', 'opted_out=false'],
    ['role in [部長, 役員]', 'role in [部長,役員]'],
    ['role in [部長, 役員,]', 'role in [部長,役員]'],
    ['role not in [学生]', 'role not in [学生]'],
    ['role in 決裁者', 'role in 決裁者'],
    ['role not in 決裁者', 'role not in 決裁者'],
    ['tags contains VIP', 'tags contains VIP'],
    ['email contains "@gmail.com"', 'email contains "@gmail.com"'],
    ['email is set', 'email is set'],
    ['email is not set', 'email is not set'],
    ['opted_out', 'opted_out'],
    ['company.size >= 100', 'company.size>=100'],
    ['company.所在地.都道府県 = 東京都', 'company.所在地.都道府県=東京都'],
    ['company.上場', 'company.上場'],
  ])('%s', (source, expected) => {
    expect(show(cond(source))).toBe(expected);
  });

  it('reads a bare word on the right as an unquoted string, a quoted one as quoted', () => {
    expect(cond('role = 部長')).toMatchObject({
      kind: 'compare',
      value: { kind: 'string', value: '部長', quoted: false },
    });
    expect(cond('role = "max"')).toMatchObject({
      kind: 'compare',
      value: { kind: 'string', value: 'max', quoted: true },
    });
  });

  it('sets negated on not in and is not set, and not otherwise', () => {
    expect(cond('role not in [a]')).toMatchObject({ kind: 'in', negated: true });
    expect(cond('role in [a]')).toMatchObject({ kind: 'in', negated: false });
    expect(cond('role is not set')).toMatchObject({ kind: 'isSet', negated: true });
    expect(cond('role is set')).toMatchObject({ kind: 'isSet', negated: false });
  });

  it('reads a let name after in as an identifier, a bracket list as a list', () => {
    expect(cond('role in 決裁者')).toMatchObject({ kind: 'in', list: { kind: 'identifier', name: '決裁者' } });
    expect(cond('role in [a]')).toMatchObject({ kind: 'in', list: { kind: 'list', items: [{ value: 'a' }] } });
  });

  it('reads the segments of a dotted path with their ranges', () => {
    const source = 'when company.規模 >= 100 +1';
    const c = only(source, 'when').condition as ast.Comparison;
    expect(c.path.segments.map((s) => [s.name, at(s.range)])).toEqual([
      ['company', '1:6-1:13'],
      ['規模', '1:14-1:16'],
    ]);
    expect(at(c.path.range)).toBe('1:6-1:16');
    expect(at(c.range)).toBe('1:6-1:23');
  });

  describe('precedence', () => {
    it.each([
      ['a or b and c', 'or(a, and(b, c))'],
      ['a and b or c', 'or(and(a, b), c)'],
      ['not a and b', 'and(not(a), b)'],
      ['not a or b', 'or(not(a), b)'],
      ['a and not b', 'and(a, not(b))'],
      ['not not a', 'not(not(a))'],
      ['a or b or c', 'or(a, b, c)'],
      ['a and b and c', 'and(a, b, c)'],
      ['(a or b) and c', 'and((or(a, b)), c)'],
      ['not (a or b)', 'not((or(a, b)))'],
      ['a and (b or c) or d', 'or(and(a, (or(b, c))), d)'],
      ['(a)', '(a)'],
      ['((a))', '(a)'],
      [
        'role = 部長 or employees >= 100 and opted_out is not set',
        'or(role=部長, and(employees>=100, opted_out is not set))',
      ],
      ['not role in [学生] and x', 'and(not(role in [学生]), x)'],
    ])('%s is %s', (source, expected) => {
      expect(show(cond(source))).toBe(expected);
    });
  });

  it('marks a parenthesized condition and gives it the range of its parentheses', () => {
    const source = 'when not (a or b) and c +1';
    const c = only(source, 'when').condition as ast.And;
    expect(c.kind).toBe('and');
    expect(c.parenthesized).toBe(false);
    const not = c.operands[0] as ast.Not;
    expect(not.kind).toBe('not');
    expect(not.parenthesized).toBe(false);
    expect(not.operand).toMatchObject({ kind: 'or', parenthesized: true });
    expect(text(source, not.operand.range)).toBe('(a or b)');
    expect(text(source, not.range)).toBe('not (a or b)');
    expect(text(source, c.range)).toBe('not (a or b) and c');
    expect((not.operand as ast.Or).operands.every((o) => !o.parenthesized)).toBe(true);
  });

  it('marks a parenthesized test', () => {
    expect(cond('(role = 部長)')).toMatchObject({ kind: 'compare', parenthesized: true });
    expect(cond('(x is set)')).toMatchObject({ kind: 'isSet', parenthesized: true });
  });

  it('gives each test a range from its path to its end', () => {
    const source = 'when role not in [課長, 主任] or email is not set or tags contains "VIP" +1';
    const c = only(source, 'when').condition as ast.Or;
    expect(c.operands.map((o) => text(source, o.range))).toEqual([
      'role not in [課長, 主任]',
      'email is not set',
      'tags contains "VIP"',
    ]);
  });
});

describe('ranges on Japanese lines (columns in UTF-16 code units)', () => {
  it('counts a kanji as one column and a character beyond the BMP as two', () => {
    const source = '\n  when 𠮷野家 = 𩸽 +5 "𠮷"';
    const r = only(source, 'when');
    const c = r.condition as ast.Comparison;
    expect(at(c.path.range)).toBe('2:8-2:12'); // 𠮷 is 2 units, 野家 1 each
    expect(at(c.value.range)).toBe('2:15-2:17');
    expect(at(r.points.range)).toBe('2:18-2:20');
    expect(at(r.label!.range)).toBe('2:21-2:25');
    expect(at(r.range)).toBe('2:3-2:25');
    expect(r.range.start.offset).toBe(3);
    expect(r.range.end.offset).toBe(source.length);
  });

  it('counts U+3000 as one column', () => {
    const r = only('when\u3000役職 = 部長\u3000+20', 'when');
    expect(at(r.points.range)).toBe('1:14-1:17');
  });
});

describe('the file', () => {
  it('parses an empty file and a file of comments', () => {
    expect(parseOk('').statements).toEqual([]);
    expect(parseOk('# 見出し\n\n   # もう一つ\n').statements).toEqual([]);
  });

  it('covers the whole source', () => {
    const file = parseOk('when x +1\n');
    expect(file.range.start).toEqual({ offset: 0, line: 1, column: 1 });
    expect(file.range.end).toEqual({ offset: 10, line: 2, column: 1 });
  });

  it('parses several statements on one line', () => {
    expect(parseOk('when a +1 when b +2 "x" on e +3 each tier t otherwise').statements.map((s) => s.kind)).toEqual([
      'when',
      'when',
      'on',
      'tier',
    ]);
  });
});

describe('the complete example of docs/language.md', () => {
  const file = parseOk(SPEC_EXAMPLE);
  const lines = SPEC_EXAMPLE.split('\n');

  it('parses with zero diagnostics into its statements', () => {
    expect(file.statements.map((s) => s.kind)).toEqual(['schema', 'let', 'group', 'group', 'tier', 'tier', 'tier']);
    expect(file.comments).toHaveLength(1);
  });

  it('reads the let list and the groups', () => {
    const [, letStatement, fit, behaviour] = file.statements as [
      ast.SchemaStatement,
      ast.LetStatement,
      ast.GroupStatement,
      ast.GroupStatement,
    ];
    expect(letStatement.name.name).toBe('決裁者');
    expect(letStatement.list.items.map((i) => i.kind === 'string' && i.value)).toEqual(['役員', '部長']);
    expect(fit.name.name).toBe('属性');
    expect(fit.limits).toMatchObject([{ kind: 'max', value: 60 }]);
    expect(fit.rules.map((r) => r.points.value)).toEqual([20, 15, 25, 10, -15]);
    expect(fit.rules.map((r) => r.label?.text)).toEqual([
      'ターゲット規模',
      'ターゲット業種',
      '決裁者層',
      '担当者層',
      undefined,
    ]);
    expect(behaviour.name.name).toBe('行動');
    expect(behaviour.limits).toEqual([]);
    expect(behaviour.rules.map((r) => r.kind)).toEqual(['on', 'on', 'on', 'on', 'on', 'on', 'inactive']);
    expect(behaviour.rules.map((r) => r.points.value)).toEqual([20, 5, 10, 30, 40, 25, -10]);
  });

  it('gives every rule the range of its own line, from its keyword to its last token', () => {
    for (const { rule } of file.statements.flatMap((s) =>
      s.kind === 'group' ? s.rules.map((rule) => ({ rule })) : [],
    )) {
      const line = lines[rule.range.start.line - 1]!;
      expect(rule.range.start.line).toBe(rule.range.end.line);
      expect(rule.range.start.column).toBe(line.search(/\S/) + 1);
      expect(rule.range.end.column).toBe(line.trimEnd().length + 1);
    }
  });

  it('points at exact places on Japanese lines', () => {
    const fit = file.statements[2] as ast.GroupStatement;
    expect(at(fit.range)).toBe('6:1-12:2');
    expect(at(fit.name.range)).toBe('6:7-6:9');
    const industry = fit.rules[1] as ast.WhenRule;
    const list = (industry.condition as ast.Membership).list as ast.ListLiteral;
    expect(at(list.range)).toBe('8:20-8:32');
    expect(list.items.map((i) => at(i.range))).toEqual(['8:21-8:24', '8:26-8:31']);
    expect(at(industry.points.range)).toBe('8:33-8:36');
    expect(at(industry.label!.range)).toBe('8:37-8:46');
    const pricing = (file.statements[3] as ast.GroupStatement).rules[3] as ast.OnRule;
    expect(pricing.where?.range.start.line).toBe(18);
    expect(at(pricing.label!.range)).toBe('18:50-18:59');
    const tier = file.statements[5] as ast.TierStatement;
    expect(at(tier.range)).toBe('25:1-25:15');
    expect(at(tier.name.range)).toBe('25:6-25:9');
  });
});
