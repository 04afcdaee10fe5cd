/**
 * Version 2 of the language: `decay R% every D`, `max M per day|week|month`
 * and `since last T`, and the rule that their words are keywords only where
 * the grammar expects them (a field `month`, an event type `last`, a list
 * named `day` keep working).
 */
import { describe, expect, it } from 'vitest';
import type * as ast from '../../grammar/ast.js';
import { format } from '../../grammar/format.js';
import { parse } from '../../grammar/parse.js';
import type { Range } from '../../grammar/range.js';
import { withoutRanges } from '../helpers/ast-equality.js';

function parseOk(source: string): ast.RuleFile {
  const { file, diagnostics } = parse(source);
  expect(diagnostics).toEqual([]);
  return file;
}

function onRule(source: string): ast.OnRule {
  const statement = parseOk(source).statements[0]!;
  expect(statement.kind).toBe('on');
  return statement as ast.OnRule;
}

function text(source: string, range: Range): string {
  return source.slice(range.start.offset, range.end.offset);
}

function errors(source: string): string[] {
  return parse(source).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}: ${d.message}`);
}

export const VERSION2_EXAMPLE = `group 行動 since last 失注 max 100 {
  on email_open +5 each max 10 per day max 30 "メール開封"
  on page_view where url contains "/pricing" +30 decay 50% every 30d "料金ページ閲覧"
  on webinar_attend +25 each decay 25% every 90d "ウェビナー参加"
  after 30d inactive -10 "一定期間行動なし"
}
`;

describe('decay R% every D', () => {
  it('is a modifier with its percentage, its step and exact ranges', () => {
    const source = 'on page_view +30 decay 50% every 30d "料金"';
    const rule = onRule(source);
    const [decay] = rule.modifiers;
    expect(decay).toMatchObject({
      kind: 'decay',
      percent: 50,
      every: { amount: 30, unit: 'd', milliseconds: 30 * 86_400_000 },
    });
    if (decay?.kind !== 'decay') throw new Error('not a decay');
    expect(text(source, decay.range)).toBe('decay 50% every 30d');
    expect(text(source, decay.percentRange)).toBe('50%');
    expect(text(source, decay.every.range)).toBe('30d');
    expect(text(source, rule.range)).toBe(source);
  });

  it('combines with the other modifiers in any order', () => {
    const rule = onRule('on webinar_attend +25 within 1w decay 25% every 90d each max 40');
    expect(rule.modifiers.map((m) => m.kind)).toEqual(['within', 'decay', 'each', 'max']);
  });

  it('parses a percentage outside 1–100 (the checker reports it)', () => {
    expect(onRule('on a +5 decay 0% every 1d').modifiers[0]).toMatchObject({ kind: 'decay', percent: 0 });
    expect(onRule('on a +5 decay 150% every 1d').modifiers[0]).toMatchObject({ kind: 'decay', percent: 150 });
  });

  it('says what is missing, in words', () => {
    expect(errors('on a +5 decay 50 every 30d')).toEqual([
      '1:18 syntax: expected a percentage such as 50% after "decay", as in decay 50% every 30d, but found the word "every"',
    ]);
    expect(errors('on a +5 decay 50% 30d')).toEqual([
      '1:19 syntax: expected "every" and a duration after the percentage, as in decay 50% every 30d, but found the duration 30d',
    ]);
    expect(errors('on a +5 decay 1.5% every 30d')).toEqual([
      '1:15 bad-points: decay needs a whole percentage, as in decay 50% every 30d',
    ]);
  });
});

describe('max M per day|week|month', () => {
  it('is its own modifier kind beside the plain max, with the period and its range', () => {
    const source = 'on email_open +5 each max 10 per day max 30';
    const rule = onRule(source);
    expect(rule.modifiers.map((m) => m.kind)).toEqual(['each', 'maxPer', 'max']);
    const perDay = rule.modifiers[1]!;
    if (perDay.kind !== 'maxPer') throw new Error('not max per');
    expect(perDay).toMatchObject({ limit: 10, period: 'day' });
    expect(text(source, perDay.range)).toBe('max 10 per day');
    expect(text(source, perDay.periodRange)).toBe('day');
    expect(rule.modifiers[2]).toMatchObject({ kind: 'max', limit: 30 });
  });

  it('knows week and month', () => {
    expect(onRule('on a +1 each max 3 per week').modifiers[1]).toMatchObject({ kind: 'maxPer', period: 'week' });
    expect(onRule('on a +1 each max 3 per month').modifiers[1]).toMatchObject({ kind: 'maxPer', period: 'month' });
  });

  it('names the periods when another word follows per', () => {
    expect(errors('on a +1 each max 3 per year')).toEqual([
      '1:24 syntax: expected day, week or month after "per", as in max 10 per day, but found the word "year"',
    ]);
  });
});

describe('since last T', () => {
  it('is a group option with the event type and its range, beside max and min', () => {
    const file = parseOk(VERSION2_EXAMPLE);
    const group = file.statements[0] as ast.GroupStatement;
    expect(group.resets.map((r) => r.eventType.name)).toEqual(['失注']);
    expect(text(VERSION2_EXAMPLE, group.resets[0]!.range)).toBe('since last 失注');
    expect(text(VERSION2_EXAMPLE, group.resets[0]!.eventType.range)).toBe('失注');
    expect(group.limits).toMatchObject([{ kind: 'max', value: 100 }]);
    expect(group.rules.map((r) => r.kind)).toEqual(['on', 'on', 'on', 'inactive']);
  });

  it('keeps every reset written, for the checker to report a second one', () => {
    const group = parseOk('group g min 0 since last a since last b {\n}').statements[0] as ast.GroupStatement;
    expect(group.resets.map((r) => r.eventType.name)).toEqual(['a', 'b']);
  });

  it('a version-1 group has no reset', () => {
    expect((parseOk('group g max 5 {\n}').statements[0] as ast.GroupStatement).resets).toEqual([]);
  });

  it('asks for "last" after "since"', () => {
    expect(errors('group g since 失注 {\n}')).toEqual([
      '1:15 syntax: expected "last" and an event type after "since", as in since last 失注, but found the word "失注"',
    ]);
  });
});

describe('the new words are keywords only where the grammar expects them', () => {
  it('on last: an event type named last', () => {
    expect(onRule('on last +1').eventType.name).toBe('last');
  });

  it('since last last: a reset after the event type last', () => {
    const group = parseOk('group g since last last {\n  on last +1\n}').statements[0] as ast.GroupStatement;
    expect(group.resets[0]!.eventType.name).toBe('last');
    expect((group.rules[0] as ast.OnRule).eventType.name).toBe('last');
  });

  it('let day = […]: a list named day, used by name', () => {
    const file = parseOk('let day = [月曜, 火曜]\nwhen weekday in day +1');
    expect(file.statements[0]).toMatchObject({ kind: 'let', name: { name: 'day' } });
    expect(file.statements[1]).toMatchObject({
      kind: 'when',
      condition: { kind: 'in', list: { kind: 'identifier', name: 'day' } },
    });
  });

  it('a field month, compared and as a bare value', () => {
    expect(parseOk('when month = 4 +5').statements[0]).toMatchObject({
      condition: { kind: 'compare', path: { segments: [{ name: 'month' }] } },
    });
    expect(parseOk('when unit = month +5').statements[0]).toMatchObject({
      condition: { value: { kind: 'string', value: 'month', quoted: false } },
    });
    expect(parseOk('when plan.week is set +1').statements[0]).toMatchObject({
      condition: { kind: 'isSet', path: { segments: [{ name: 'plan' }, { name: 'week' }] } },
    });
  });

  it('an event property per, and every other new word as a property or value', () => {
    const rule = onRule(
      'on form where per = 3 and decay in [day, week] and since contains every +2 each max 5 per month',
    );
    expect(rule.where).toMatchObject({
      kind: 'and',
      operands: [
        { path: { segments: [{ name: 'per' }] } },
        { path: { segments: [{ name: 'decay' }] } },
        { path: { segments: [{ name: 'since' }] } },
      ],
    });
    expect(rule.modifiers.map((m) => m.kind)).toEqual(['each', 'maxPer']);
  });

  it('group, tier and label names', () => {
    const file = parseOk(
      'group since since last every max 3 {\n  on every +1\n}\ntier last >= 3\ntier month otherwise',
    );
    expect(file.statements[0]).toMatchObject({
      kind: 'group',
      name: { name: 'since' },
      resets: [{ eventType: { name: 'every' } }],
    });
    expect(file.statements.slice(1)).toMatchObject([
      { kind: 'tier', name: { name: 'last' } },
      { kind: 'tier', name: { name: 'month' } },
    ]);
  });

  it('words that only start with a new word stay one name (longer_alt)', () => {
    expect(onRule('on daylight +1 each max 2 per day').eventType.name).toBe('daylight');
    expect(onRule('on last_login +1').eventType.name).toBe('last_login');
  });

  it('a stray new word on its own line is reported as a word, like any name', () => {
    expect(errors('when a = 1 +1\nmonth\nwhen b = 1 +1')).toEqual([
      '2:1 syntax: expected a statement: schema, let, group, when, on, after or tier, but found the word "month"',
    ]);
  });
});

describe('fmt keeps version 2', () => {
  it('formats the example to itself (points aligned) and keeps its AST', () => {
    const result = format(VERSION2_EXAMPLE);
    if (!result.ok) throw new Error('not formatted');
    expect(result.text).toBe(`group 行動 since last 失注 max 100 {
  on email_open                              +5 each max 10 per day max 30 "メール開封"
  on page_view where url contains "/pricing" +30 decay 50% every 30d "料金ページ閲覧"
  on webinar_attend                          +25 each decay 25% every 90d "ウェビナー参加"
  after 30d inactive                         -10 "一定期間行動なし"
}
`);
    expect(withoutRanges(parse(result.text).file.statements)).toEqual(
      withoutRanges(parse(VERSION2_EXAMPLE).file.statements),
    );
  });

  it('writes the reset before max and min, and keeps modifiers in the order written', () => {
    const result = format(
      'group g max 5 min 0 since last x {\non a +1 decay 10% every 1w within 30d each max 2 per week\n}\n',
    );
    expect(result.ok && result.text).toBe(
      'group g since last x max 5 min 0 {\n  on a +1 decay 10% every 1w within 30d each max 2 per week\n}\n',
    );
  });
});
