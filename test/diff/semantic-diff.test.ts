import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRuleFiles, isEmptyDiff } from '../../compiler/diff/semantic-diff.js';
import { format } from '../../grammar/format.js';
import { parse } from '../../grammar/parse.js';
import { programText } from '../helpers/arbitraries.js';

function diff(before: string, after: string) {
  return diffRuleFiles(parse(before).file, parse(after).file);
}

const BASE = `schema "./lead.schema.json"
let 決裁者 = [役員, 部長]
group 属性 max 60 {
  when employees >= 100 +20 "規模"
  when role in 決裁者 +25 "決裁者層"
}
group 行動 {
  on email_open +5 each max 20
  after 30d inactive -10
}
tier MQL >= 60
tier 中関心 >= 30
tier 低関心 otherwise
`;

describe('semantic diff', () => {
  it('reports a points change, by label, with old and new points', () => {
    const d = diff(BASE, BASE.replace('+25 "決裁者層"', '+30 "決裁者層"'));
    expect(d.rules).toEqual([
      {
        kind: 'changed',
        aspects: ['points'],
        old: expect.objectContaining({ points: 25, label: '決裁者層', group: '属性', line: 5 }),
        new: expect.objectContaining({ points: 30, line: 5 }),
      },
    ]);
  });

  it('matches a rule by its label when its condition changes (a rename of the condition)', () => {
    const d = diff(BASE, BASE.replace('employees >= 100 +20 "規模"', 'employees >= 300 +20 "規模"'));
    expect(d.rules.map((c) => [c.kind, c.kind === 'changed' ? c.aspects : []])).toEqual([['changed', ['condition']]]);
  });

  it('matches an unlabeled rule by its condition, and sees modifier changes', () => {
    const d = diff(BASE, BASE.replace('+5 each max 20', '+5 each max 30'));
    expect(d.rules).toEqual([expect.objectContaining({ kind: 'changed', aspects: ['modifiers'] })]);
  });

  it('reports added, removed and moved rules, independent of order and layout', () => {
    const after = `schema "./lead.schema.json"
let 決裁者 = [役員, 部長]
tier MQL >= 60
group 行動 {
  after 30d inactive   -10
  on email_open +5 each max 20
  when employees >= 100 +20 "規模"
  on form_reach +40 "フォーム"
}
group 属性 max 60 {
}
tier 中関心 >= 30
tier 低関心 otherwise
`;
    const d = diff(BASE, after);
    expect(d.rules.map((c) => c.kind)).toEqual(expect.arrayContaining(['changed', 'removed', 'added']));
    expect(d.rules).toContainEqual(expect.objectContaining({ kind: 'changed', aspects: ['group'] }));
    expect(d.rules).toContainEqual(
      expect.objectContaining({ kind: 'removed', old: expect.objectContaining({ label: '決裁者層' }) }),
    );
    expect(d.rules).toContainEqual(
      expect.objectContaining({ kind: 'added', new: expect.objectContaining({ label: 'フォーム', points: 40 }) }),
    );
    expect(d.tierOrderChanged).toBe(false);
  });

  it('reports tier, group limit, list and schema changes', () => {
    const after = BASE.replace('tier MQL >= 60', 'tier MQL >= 70')
      .replace('group 属性 max 60', 'group 属性 max 50')
      .replace('[役員, 部長]', '[役員, 部長, 課長]')
      .replace('./lead.schema.json', './lead.v2.schema.json')
      .replace('tier 中関心 >= 30\n', '')
      .replace('tier 低関心 otherwise', 'tier 中関心 >= 30\ntier 低関心 otherwise');
    const d = diff(BASE, after);
    expect(d.tiers).toEqual([{ kind: 'changed', name: 'MQL', old: '>= 60', new: '>= 70' }]);
    expect(d.groups).toEqual([{ kind: 'changed', name: '属性', old: 'max 60', new: 'max 50' }]);
    expect(d.lists).toEqual([{ kind: 'changed', name: '決裁者', old: '[役員, 部長]', new: '[役員, 部長, 課長]' }]);
    expect(d.schema).toEqual({
      kind: 'changed',
      name: 'schema',
      old: './lead.schema.json',
      new: './lead.v2.schema.json',
    });
    expect(
      diff(BASE, BASE.replace('tier MQL >= 60\ntier 中関心 >= 30', 'tier 中関心 >= 30\ntier MQL >= 60'))
        .tierOrderChanged,
    ).toBe(true);
  });
});

describe('semantic diff properties', () => {
  it('diff(x, x) is empty, and so is diff(x, fmt(x))', () => {
    fc.assert(
      fc.property(programText, (source) => {
        expect(isEmptyDiff(diff(source, source))).toBe(true);
        const formatted = format(source);
        if (formatted.ok) expect(isEmptyDiff(diff(source, formatted.text))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a single points change is reported as exactly that change', () => {
    const withRule = programText.filter((s) => /[+-]\d+/.test(s.replace(/"(?:[^"\\]|\\.)*"/g, '""')));
    fc.assert(
      fc.property(withRule, fc.nat(), fc.integer({ min: -50, max: 50 }), (source, pick, points) => {
        const file = parse(source).file;
        const rules = file.statements.flatMap((s) =>
          s.kind === 'group' ? s.rules : s.kind === 'when' || s.kind === 'on' || s.kind === 'inactive' ? [s] : [],
        );
        fc.pre(rules.length > 0);
        const rule = rules[pick % rules.length]!;
        fc.pre(rule.points.value !== points);
        const { start, end } = rule.points.range;
        const changed =
          source.slice(0, start.offset) + (points >= 0 ? `+${points}` : `${points}`) + source.slice(end.offset);
        const d = diff(source, changed);
        expect(d.rules).toEqual([
          expect.objectContaining({
            kind: 'changed',
            aspects: ['points'],
            old: expect.objectContaining({ points: rule.points.value }),
            new: expect.objectContaining({ points }),
          }),
        ]);
        expect(d.groups.length + d.tiers.length + d.lists.length).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
