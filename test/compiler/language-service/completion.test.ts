import { describe, expect, it } from 'vitest';
import { completionsAt } from '../../../compiler/language-service/completion.js';
import { cursorContext } from '../../../compiler/language-service/cursor-context.js';
import { loadSchema } from '../../../compiler/schema/load-schema.js';
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
