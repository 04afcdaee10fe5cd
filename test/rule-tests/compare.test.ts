import { describe, expect, it } from 'vitest';
import type { ExplainedScore } from '../../core/score-result.js';
import { compareExpectation, firstReasonDifference } from '../../runtime/rule-tests/compare.js';
import { describeActual, describeMismatch } from '../../runtime/rule-tests/describe.js';
import type { KnownNames } from '../../runtime/rule-tests/known-names.js';

const NAMES: KnownNames = {
  rules: ['ターゲット規模', '決裁者層', 'フリーメール', 'メール開封', '料金ページ閲覧', '一定期間行動なし'],
  groups: ['属性', '行動'],
  tiers: ['MQL', '中関心', '低関心'],
};

const ACTUAL: ExplainedScore = {
  score: 75,
  tier: 'MQL',
  groups: { 属性: 45, 行動: 30 },
  reasons: [
    { rule: 'ターゲット規模', line: 38, points: 20 },
    { rule: '決裁者層', line: 40, points: 25 },
    { rule: '料金ページ閲覧', line: 50, points: 30 },
  ],
};

describe('compareExpectation', () => {
  it('passes when every key written matches, and checks only those keys', () => {
    expect(compareExpectation({}, ACTUAL, NAMES)).toEqual([]);
    expect(
      compareExpectation(
        {
          score: 75,
          tier: 'MQL',
          groups: { 属性: 45 },
          fired: ['決裁者層', '料金ページ閲覧'],
          notFired: ['フリーメール'],
          reasons: [
            { rule: 'ターゲット規模', points: 20 },
            { rule: '決裁者層', points: 25, line: 40 },
            { rule: '料金ページ閲覧', points: 30 },
          ],
        },
        ACTUAL,
        NAMES,
      ),
    ).toEqual([]);
  });

  it('reports score, tier and group differences with expected and actual values', () => {
    expect(compareExpectation({ score: 80, tier: '中関心', groups: { 属性: 60, 行動: 30 } }, ACTUAL, NAMES)).toEqual([
      { kind: 'score', expected: 80, actual: 75 },
      { kind: 'tier', expected: '中関心', actual: 'MQL', unknown: false },
      { kind: 'group', group: '属性', expected: 60, actual: 45 },
    ]);
  });

  it('compares a null tier (no tier matched) exactly', () => {
    expect(compareExpectation({ tier: null }, ACTUAL, NAMES)).toEqual([
      { kind: 'tier', expected: null, actual: 'MQL', unknown: false },
    ]);
    expect(compareExpectation({ tier: null }, { ...ACTUAL, tier: null }, NAMES)).toEqual([]);
  });

  it('reports rules that should have fired and rules that should not have', () => {
    expect(compareExpectation({ fired: ['メール開封'], notFired: ['決裁者層'] }, ACTUAL, NAMES)).toEqual([
      { kind: 'not-fired', rule: 'メール開封' },
      { kind: 'fired', rule: '決裁者層', reasons: [{ rule: '決裁者層', line: 40, points: 25 }] },
    ]);
  });

  it('never lets a misspelt name pass silently, and suggests the near one', () => {
    expect(
      compareExpectation(
        { notFired: ['フリーメイル'], fired: ['決裁者'], groups: { 属生: 45 }, tier: 'mql' },
        ACTUAL,
        NAMES,
      ),
    ).toEqual([
      { kind: 'tier', expected: 'mql', actual: 'MQL', unknown: true, suggestions: ['MQL'] },
      { kind: 'unknown-group', group: '属生', suggestions: ['属性'] },
      { kind: 'unknown-rule', key: 'fired', rule: '決裁者', suggestions: ['決裁者層'] },
      { kind: 'unknown-rule', key: 'not_fired', rule: 'フリーメイル', suggestions: ['フリーメール'] },
    ]);
  });

  it('compares the full reason list in order, and the line only when given', () => {
    const [m] = compareExpectation(
      {
        reasons: [
          { rule: 'ターゲット規模', points: 20 },
          { rule: '料金ページ閲覧', points: 30 },
        ],
      },
      ACTUAL,
      NAMES,
    );
    expect(m).toMatchObject({ kind: 'reasons', firstDifference: 1 });
    expect(describeMismatch(m!)).toEqual([
      'reasons: differ at #2: expected 料金ページ閲覧 +30, got 決裁者層 +25 (line 40)',
      '  expected: ターゲット規模 +20, 料金ページ閲覧 +30',
    ]);
  });
});

describe('firstReasonDifference', () => {
  const actual = ACTUAL.reasons;
  it('finds the first difference, including a list that ends early or runs long', () => {
    expect(firstReasonDifference(actual, actual)).toBe(-1);
    expect(firstReasonDifference(actual.slice(0, 2), actual)).toBe(2);
    expect(firstReasonDifference([...actual, { rule: 'x', points: 1 }], actual)).toBe(3);
    expect(firstReasonDifference([{ rule: 'ターゲット規模', points: 20, line: 39 }], actual)).toBe(0);
    expect(firstReasonDifference([], [])).toBe(-1);
  });
});

describe('describeMismatch / describeActual', () => {
  it('says expected vs actual in plain words', () => {
    expect(describeMismatch({ kind: 'score', expected: 90, actual: 85 })).toEqual(['score: expected 90, got 85']);
    expect(describeMismatch({ kind: 'tier', expected: 'MQL', actual: null, unknown: false })).toEqual([
      'tier: expected MQL, got null (no tier)',
    ]);
    expect(describeMismatch({ kind: 'group', group: '属性', expected: 60, actual: 45 })).toEqual([
      'groups.属性: expected 60, got 45',
    ]);
    expect(describeMismatch({ kind: 'not-fired', rule: '料金ページ閲覧' })).toEqual([
      'fired: expected "料金ページ閲覧" to give or take points, but it did not',
    ]);
    expect(
      describeMismatch({
        kind: 'fired',
        rule: 'フリーメール',
        reasons: [{ rule: 'フリーメール', line: 42, points: -15 }],
      }),
    ).toEqual(['not_fired: expected "フリーメール" not to fire, but it did: -15 (line 42)']);
    expect(
      describeMismatch({ kind: 'unknown-rule', key: 'fired', rule: '決裁者', suggestions: ['決裁者層'] })[0],
    ).toMatch(/^fired: the rule file has no rule named "決裁者" \(did you mean "決裁者層"\?\)/);
  });

  it('lists the actual result with every reason, so the reader sees why', () => {
    expect(describeActual(ACTUAL)).toEqual([
      'actual: score 75, tier MQL, groups: 属性 45, 行動 30',
      'reasons:',
      '  ターゲット規模 +20 (line 38)',
      '  決裁者層 +25 (line 40)',
      '  料金ページ閲覧 +30 (line 50)',
    ]);
    expect(describeActual({ score: 0, tier: null, groups: {}, reasons: [] })).toEqual([
      'actual: score 0, tier null (no tier)',
      'reasons: (none: no rule gave or took points)',
    ]);
  });
});
