import { describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import type { Program } from '../../compiler/program.js';
import { parseSuite } from '../../cli/rule-tests/parse-suite.js';
import { runSuite, type SuiteRun } from '../../runtime/rule-tests/run-suite.js';
import type { TestSuite } from '../../runtime/rule-tests/types.js';

const SCHEMA = JSON.stringify({
  lead: {
    type: 'object',
    required: ['id'],
    properties: {
      id: { type: 'string' },
      employees: { type: ['integer', 'null'], minimum: 0 },
      role: { enum: ['役員', '部長', '課長'] },
    },
  },
  events: {
    page_view: { type: 'object', required: ['url'], properties: { url: { type: 'string' } } },
    email_click: {},
  },
});

const RULES = [
  'schema "./lead.schema.json"',
  'group 属性 max 30 {',
  '  when employees >= 100 +20 "ターゲット規模"',
  '  when role in [役員, 部長] +25 "決裁者層"',
  '}',
  'on email_click +10 each within 90d "メールクリック"',
  'on page_view where url contains "/pricing" +30 "料金ページ閲覧"',
  'after 30d inactive -10 "一定期間行動なし"',
  'tier MQL >= 59',
  'tier 中関心 >= 29',
].join('\n');

function program(): Program {
  const checked = checkSource(RULES, { readSchema: () => ({ file: 'lead.schema.json', text: SCHEMA }) });
  if (!checked.program) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  return checked.program;
}

function suite(yaml: string): TestSuite {
  const parsed = parseSuite(yaml);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return parsed.suite;
}

function statuses(run: SuiteRun): Record<string, string> {
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
  return Object.fromEntries(run.cases.map((c) => [c.testCase.name, c.result.status]));
}

const HEAD = 'as_of: 2026-11-01T00:00:00+09:00\ntz: Asia/Tokyo\ncases:\n';

describe('runSuite', () => {
  it("passes and fails cases on the scorer's result", () => {
    const run = runSuite(
      suite(
        HEAD +
          [
            '  - name: 属性は上限 30 点',
            '    lead: { id: A, employees: 300, role: 部長 }',
            '    events: [{ type: page_view, at: 1d ago, url: /pricing }, { type: email_click, at: 1d ago }]',
            '    expect: { score: 70, tier: MQL, groups: { 属性: 30 }, fired: [決裁者層] }',
            '  - name: 間違った期待値',
            '    lead: { id: B, role: 課長 }',
            '    events: [{ type: email_click, at: 1d ago }, { type: email_click, at: 2d ago }, { type: email_click, at: 3d ago }]',
            '    expect: { score: 29, tier: MQL, not_fired: [メールクリック] }',
          ].join('\n'),
      ),
      program(),
    );
    expect(statuses(run)).toEqual({ '属性は上限 30 点': 'passed', 間違った期待値: 'failed' });
    if (!run.ok) return;
    const failed = run.cases[1]!.result;
    expect(failed.status === 'failed' && failed.mismatches.map((m) => m.kind)).toEqual(['score', 'tier', 'fired']);
    expect(failed.status === 'failed' && failed.actual).toEqual({
      score: 30,
      tier: '中関心',
      groups: { 属性: 0 },
      reasons: [{ rule: 'メールクリック', line: 6, points: 30 }],
    });
  });

  it('pins the within boundary: exactly 90d ago is out, 89d ago is in; future events do not exist', () => {
    const run = runSuite(
      suite(
        HEAD +
          [
            '  - name: 89日前',
            '    lead: { id: A }',
            '    events: [{ type: email_click, at: 89d ago }]',
            '    expect: { fired: [メールクリック, 一定期間行動なし], score: 0 }',
            '  - name: 90日前',
            '    lead: { id: B }',
            '    events: [{ type: email_click, at: 90d ago }]',
            '    expect: { not_fired: [メールクリック], score: -10 }',
            '  - name: 未来',
            '    lead: { id: C }',
            '    events: [{ type: email_click, at: in 1h }, { type: page_view, at: in 1d, url: /pricing }]',
            '    expect: { score: -10, tier: null }',
          ].join('\n'),
      ),
      program(),
    );
    expect(statuses(run)).toEqual({ '89日前': 'passed', '90日前': 'passed', 未来: 'passed' });
  });

  it('makes a lead or event that the schema rejects a failure of its case, at its line', () => {
    const run = runSuite(
      suite(
        HEAD +
          [
            '  - name: 不正なリード',
            '    lead: { id: 7, employees: 多い, role: 部帳 }',
            '    expect: { score: 0 }',
            '  - name: 不正なイベント',
            '    lead: { id: B }',
            '    events:',
            '      - { type: page_view, at: 1d ago }',
            '      - { type: email_clik, at: 1d ago }',
            '      - { type: email_click, at: 先週 }',
            '      - { type: email_click }',
            '    expect: { score: 0 }',
            '  - name: イベントはリードの外に',
            '    lead: { id: C, events: [] }',
            '    expect: { score: 0 }',
          ].join('\n'),
      ),
      program(),
    );
    expect(statuses(run)).toEqual({
      不正なリード: 'invalid',
      不正なイベント: 'invalid',
      イベントはリードの外に: 'invalid',
    });
    if (!run.ok) return;
    const problems = run.cases.map((c) =>
      c.result.status === 'invalid' ? c.result.problems.map((p) => `${p.line}: ${p.message}`) : [],
    );
    expect(problems[0]).toEqual([
      '5: lead: id must be a text (got 7)',
      '5: lead: employees must be a whole number or null (got "多い")',
      expect.stringMatching(/^5: lead: role must be one of 役員, 部長, 課長 \(got "部帳"\).*did you mean "部長"/),
    ]);
    expect(problems[1]).toEqual([
      '10: event 1 (page_view): url is required',
      expect.stringMatching(
        /^11: event 2 \(email_clik\): unknown event type "email_clik" \(did you mean "email_click"\?\)/,
      ),
      expect.stringMatching(/^12: event 3 \(email_click\): at "先週" is not a time: write 3d ago/),
      '13: event 4 (email_click): at is required: when the event happened, e.g. 3d ago',
    ]);
    expect(problems[2]).toEqual(['16: lead: write the events under the case\'s "events:", not inside the lead']);
  });

  it('lets a case override as_of', () => {
    const run = runSuite(
      suite(
        HEAD +
          [
            '  - name: 10/29 時点では 89 日前',
            '    as_of: 2026-10-29',
            '    lead: { id: A }',
            '    events: [{ type: email_click, at: 2026-08-01 }]',
            '    expect: { fired: [メールクリック] }',
            '  - name: 11/1 時点では 92 日前',
            '    lead: { id: B }',
            '    events: [{ type: email_click, at: 2026-08-01 }]',
            '    expect: { not_fired: [メールクリック] }',
          ].join('\n'),
      ),
      program(),
    );
    expect(statuses(run)).toEqual({ '10/29 時点では 89 日前': 'passed', '11/1 時点では 92 日前': 'passed' });
  });

  it('without as_of, counts relative times from now and refuses absolute ones', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    const run = runSuite(
      suite(
        [
          'cases:',
          '  - name: 相対時刻だけ',
          '    lead: { id: A }',
          '    events: [{ type: email_click, at: 2d ago }]',
          '    expect: { score: 10 }',
          '  - name: 絶対時刻',
          '    lead: { id: B }',
          '    events: [{ type: email_click, at: 2029-12-31 }]',
          '    expect: { score: 10 }',
        ].join('\n'),
      ),
      program(),
      now,
    );
    expect(statuses(run)).toEqual({ 相対時刻だけ: 'passed', 絶対時刻: 'invalid' });
    if (!run.ok) return;
    const r = run.cases[1]!.result;
    expect(r.status === 'invalid' && r.problems[0]!.message).toMatch(/absolute time but the case has no as_of/);
  });

  it('reports a bad tz or as_of once, at its line, and runs no case', () => {
    const run = runSuite(
      suite(
        [
          'tz: Asia/Tokio',
          'as_of: 来月',
          'cases:',
          '  - name: a',
          '    as_of: 2026-02-30',
          '    lead: { id: A }',
          '    expect: { score: 0 }',
        ].join('\n'),
      ),
      program(),
    );
    expect(run).toEqual({
      ok: false,
      problems: [
        { line: 1, message: 'tz "Asia/Tokio" is not a time zone: use a name such as Asia/Tokyo or UTC' },
        { line: 2, message: 'as_of "来月" is not an ISO 8601 time such as 2026-11-01T00:00:00+09:00 or 2026-11-01' },
        {
          line: 5,
          message: 'as_of "2026-02-30" is not an ISO 8601 time such as 2026-11-01T00:00:00+09:00 or 2026-11-01',
        },
      ],
    });
  });

  it("reads dates and times without an offset in the file's tz", () => {
    const edge = (tz: string): string =>
      [
        `tz: ${tz}`,
        'as_of: 2026-11-01',
        'cases:',
        '  - name: a',
        '    lead: { id: A }',
        '    events: [{ type: email_click, at: 2026-08-03T05:00:00+09:00 }]',
        '    expect: { fired: [メールクリック] }',
      ].join('\n');
    // 2026-08-03T05:00+09:00 = 08-02T20:00Z. As of 11-01 00:00 Tokyo (10-31T15:00Z) it is 89d 19h old: in.
    // As of 11-01 00:00 UTC it is 90d 4h old: out.
    expect(statuses(runSuite(suite(edge('Asia/Tokyo')), program()))).toEqual({ a: 'passed' });
    expect(statuses(runSuite(suite(edge('UTC')), program()))).toEqual({ a: 'failed' });
  });
});
