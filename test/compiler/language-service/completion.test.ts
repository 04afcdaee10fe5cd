import { describe, expect, it } from 'vitest';
import { completionsAt } from '../../../compiler/language-service/completion.js';
import { cursorContext } from '../../../compiler/language-service/cursor-context.js';
import { loadSchema } from '../../../compiler/schema/load-schema.js';
import { parse } from '../../../grammar/parse.js';
import { SCHEMA } from '../../lsp/fixtures.js';

const schema = loadSchema(JSON.stringify(SCHEMA), 'lead.schema.json').model!;

describe('cursorContext', () => {
  it.each([
    ['on 資料請求 +5 ', ['each', 'max', 'within', 'decay']],
    ['on 資料請求 +5 each max 10 ', ['per', 'within', 'decay']],
    ['on 資料請求 +5 each max 10 per ', ['day', 'week', 'month']],
    ['on 資料請求 +30 decay 50% ', ['every']],
    ['group 行動 ', ['max', 'min', 'since']],
    ['group 行動 since ', ['last']],
    ['group 行動 {\n  on 資料請求\n    +30\n    decay 50%\n    ', ['every']],
    ['group 行動 {\n  on 資料請求 +30 max 10 per day ', ['each', 'max', 'within', 'decay']],
  ])('after "%s" expects the contextual words %j', (before, expected) => {
    expect(cursorContext(before)).toEqual({ kind: 'other', expected });
  });

  it('offers event types after `since last` and reads `tier … when` in the tier scope', () => {
    expect(cursorContext('group 行動 since last ')).toEqual({ kind: 'eventType' });
    expect(cursorContext('tier MQL when ')).toEqual({ kind: 'path', scope: { kind: 'tier' } });
    expect(cursorContext('when 役職 = 部長 +5\ntier MQL when score >= ')).toEqual({
      kind: 'value',
      scope: { kind: 'tier' },
      path: ['score'],
    });
  });
});

describe('the contextual words offered, against the grammar', () => {
  // Each case: the text before the cursor, then for each word offered the rest that completes a rule.
  const cases: [string, Record<string, string>][] = [
    ['on 資料請求 +30 ', { each: '', max: ' 10', within: ' 30d', decay: ' 50% every 30d' }],
    ['on 資料請求 +30 max 10 ', { per: ' day', within: ' 30d', decay: ' 50% every 30d' }],
    ['on 資料請求 +30 max 10 per ', { day: '', week: '', month: '' }],
    ['on 資料請求 +30 decay 50% ', { every: ' 30d' }],
    ['group 行動 ', { max: ' 60 { }', min: ' 0 { }', since: ' last 資料請求 { }' }],
    ['group 行動 since ', { last: ' 資料請求 { }' }],
  ];
  it.each(cases)('after "%s" every word offered completes to a rule the parser accepts', (before, rest) => {
    const context = cursorContext(before);
    expect(context.kind === 'other' && context.expected).toEqual(Object.keys(rest));
    for (const [word, tail] of Object.entries(rest)) {
      const text = `${before}${word}${tail}`;
      expect(parse(text).diagnostics, text).toEqual([]);
    }
  });

  it('offers the event types of the schema after `since last`, and the result parses', () => {
    const before = 'group 行動 since last ';
    const labels = completionsAt({ text: before, schema }, before.length).items.map((i) => i.label);
    expect(labels).toContain('資料請求');
    expect(parse(`${before}資料請求 { }`).diagnostics).toEqual([]);
  });
});

describe('completionsAt', () => {
  it('puts the contextual words first, and keeps offering the other keywords and let names', () => {
    const text = 'let 決裁者 = [部長]\non 資料請求 +5 each max 10 pe';
    const { items, replaceStart, replaceEnd } = completionsAt({ text, schema }, text.length);
    expect(text.slice(replaceStart, replaceEnd)).toBe('pe');
    expect(items.filter((i) => i.sortText === '0').map((i) => i.label)).toEqual(['per', 'within', 'decay']);
    expect(items.map((i) => i.label)).toContain('決裁者');
  });

  it('offers score and the groups in a tier condition', () => {
    const text = 'group 属性 { }\ngroup 行動 { }\ntier MQL when ';
    const labels = completionsAt({ text, schema }, text.length).items.map((i) => i.label);
    expect(labels.slice(0, 3)).toEqual(['score', '属性', '行動']);
    expect(labels).toContain('従業員数');
  });

  it('replaces the whole word around the cursor, a word beyond the BMP included', () => {
    const text = 'when 𠮷田フ';
    const { replaceStart, replaceEnd } = completionsAt({ text, schema }, 7);
    expect([replaceStart, replaceEnd]).toEqual([5, text.length]);
  });
});
