import { describe, expect, it } from 'vitest';
import { parseSuite } from '../../cli/rule-tests/parse-suite.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

describe('parseSuite', () => {
  it('reads a suite with the line of every case, lead and event', () => {
    const parsed = parseSuite(
      lines(
        'rules: ./b2b-saas.score',
        'as_of: 2026-11-01T00:00:00+09:00',
        'tz: Asia/Tokyo',
        'cases:',
        '  - name: 決裁者が料金ページを見たら MQL',
        '    lead: { id: T1, employees: 300, role: 部長, industry: 製造業 }',
        '    events:',
        '      - { type: page_view, at: 3d ago, url: /pricing }',
        '      - type: email_open',
        '        at: 2026-10-30',
        '    expect:',
        '      score: 90',
        '      tier: null',
        '      groups: { 属性: 60 }',
        '      fired: [決裁者層, 料金ページ閲覧]',
        '      not_fired: [フリーメール]',
        '      reasons:',
        '        - { rule: 決裁者層, points: 25, line: 40 }',
        '  - name: 2件目',
        '    as_of: 2026-10-01',
        '    lead: { id: T2 }',
        '    expect: { score: -10 }',
      ),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { suite } = parsed;
    expect(suite.rules).toEqual({ path: './b2b-saas.score', line: 1 });
    expect(suite.asOf).toEqual({ text: '2026-11-01T00:00:00+09:00', line: 2 });
    expect(suite.tz).toEqual({ zone: 'Asia/Tokyo', line: 3 });
    expect(suite.cases).toHaveLength(2);
    const [first, second] = suite.cases;
    expect(first).toEqual({
      name: '決裁者が料金ページを見たら MQL',
      line: 5,
      lead: { value: { id: 'T1', employees: 300, role: '部長', industry: '製造業' }, line: 6 },
      events: [
        { value: { type: 'page_view', at: '3d ago', url: '/pricing' }, line: 8 },
        { value: { type: 'email_open', at: '2026-10-30' }, line: 9 },
      ],
      expect: {
        score: 90,
        tier: null,
        groups: { 属性: 60 },
        fired: ['決裁者層', '料金ページ閲覧'],
        notFired: ['フリーメール'],
        reasons: [{ rule: '決裁者層', points: 25, line: 40 }],
      },
    });
    expect(second).toMatchObject({ name: '2件目', line: 19, asOf: { text: '2026-10-01', line: 20 }, events: [] });
  });

  it('keeps dates and words as text (YAML 1.2: no timestamps, no yes/no booleans)', () => {
    const parsed = parseSuite(
      lines(
        'cases:',
        '  - name: a',
        '    lead: { id: T1, tags: [no, yes], company: 2026-10-30 }',
        '    expect: { score: 0 }',
      ),
    );
    expect(parsed.ok && parsed.suite.cases[0]?.lead.value).toEqual({
      id: 'T1',
      tags: ['no', 'yes'],
      company: '2026-10-30',
    });
  });

  it('reports YAML syntax errors with their line and column', () => {
    const parsed = parseSuite(
      lines('cases:', '  - name: a', '    name: b', '    lead: { id: T1', '    expect: { score: 0 }'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toEqual({ line: 3, column: 5, message: 'YAML: Map keys must be unique' });
    expect(parsed.problems.every((p) => p.message.startsWith('YAML: ') && !p.message.includes('\n'))).toBe(true);
  });

  it('reports a misspelt key at its own line, with the allowed keys and a suggestion', () => {
    const parsed = parseSuite(
      lines(
        'as_of: 2026-11-01',
        'cases:',
        '  - name: a',
        '    lead: { id: T1 }',
        '    expect:',
        '      tier: MQL',
        '      scroe: 5',
      ),
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          line: 7,
          column: 7,
          message:
            '"scroe" is not a key of cases[0].expect (allowed: score, tier, groups, fired, not_fired, reasons) (did you mean "score"?)',
        },
      ],
    });
  });

  it('reports missing keys, wrong types and empty lists where they are written', () => {
    const parsed = parseSuite(
      lines(
        'cases:',
        '  - name: a',
        '    lead: { id: T1 }',
        '  - name: b',
        '    lead: [T2]',
        '    events: { type: email_open }',
        '    expect: { score: 1.5, tier: 5, fired: 決裁者層 }',
        '  - name: c',
        '    lead: { id: T3 }',
        '    expect: {}',
      ),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: cases[0] needs "expect"',
      '5: cases[1].lead must be an object (got ["T2"])',
      '6: cases[1].events must be a list (got {"type":"email_open"})',
      '7: cases[1].expect.score must be a whole number (got 1.5)',
      '7: cases[1].expect.tier must be a text or null (got 5)',
      '7: cases[1].expect.fired must be a list (got "決裁者層")',
      '10: cases[2].expect is empty: write at least one of score, tier, groups, fired, not_fired, reasons',
    ]);
  });

  it('rejects an empty file and a file without cases', () => {
    expect(parseSuite('')).toMatchObject({
      ok: false,
      problems: [{ line: 1, message: expect.stringMatching(/^the test file is empty/) }],
    });
    expect(parseSuite('# only a comment\n')).toMatchObject({ ok: false, problems: [{ line: 1 }] });
    expect(parseSuite('as_of: 2026-11-01\n')).toMatchObject({
      ok: false,
      problems: [{ line: 1, message: 'the test file needs "cases"' }],
    });
    expect(parseSuite('cases: []\n')).toMatchObject({
      ok: false,
      problems: [{ line: 1, message: 'cases is empty: write at least one case' }],
    });
  });
});

describe('parseSuite on hostile input', () => {
  it('reports an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
      'cases: *i',
    ].join('\n');
    const parsed = parseSuite(bomb);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]?.message).toMatch(/^YAML: /);
  });

  it('keeps __proto__ as an ordinary key of a lead', () => {
    const parsed = parseSuite(
      'cases:\n  - name: a\n    lead: { id: A, __proto__: { polluted: 1 } }\n    expect: { score: 0 }\n',
    );
    expect(parsed.ok).toBe(true);
    const lead = parsed.ok ? (parsed.suite.cases[0]?.lead.value as Record<string, unknown>) : {};
    expect(Object.keys(lead)).toEqual(['id', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
