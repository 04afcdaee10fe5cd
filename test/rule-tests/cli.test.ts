import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

const SCHEMA = JSON.stringify({
  lead: {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string' }, employees: { type: 'integer' }, role: { enum: ['役員', '部長', '課長'] } },
  },
  events: { page_view: { type: 'object', properties: { url: { type: 'string' } } }, email_open: {} },
});

const RULES = [
  'schema "./lead.schema.json"',
  'group 属性 max 40 {',
  '  when employees >= 100 +20 "ターゲット規模"',
  '  when role in [役員, 部長] +25 "決裁者層"',
  '}',
  'on page_view where url contains "/pricing" +30 "料金ページ閲覧"',
  'on email_open +5 each max 20 "メール開封"',
  'tier MQL >= 60',
  'tier 中関心 >= 30',
  '',
].join('\n');

const suite = (...cases: string[]): string =>
  ['as_of: 2026-11-01T00:00:00+09:00', 'tz: Asia/Tokyo', 'cases:', ...cases, ''].join('\n');

const PASSING_CASE = [
  '  - name: 決裁者が料金ページを見たら MQL',
  '    lead: { id: T1, employees: 300, role: 部長 }',
  '    events:',
  '      - { type: page_view, at: 3d ago, url: /pricing }',
  '    expect: { score: 70, tier: MQL, groups: { 属性: 40 }, fired: [決裁者層, 料金ページ閲覧] }',
].join('\n');

describe('leadscore test', () => {
  it('runs the example suite next to rules/b2b-saas.score and exits 0', () => {
    for (const arg of ['rules/b2b-saas.score', 'rules/b2b-saas.test.yaml']) {
      const run = runCli(['test', arg]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(lastLine(run.stdout)).toMatch(/^\d+ passed, 0 failed$/);
      const passed = Number(/^(\d+) passed/.exec(lastLine(run.stdout))?.[1]);
      expect(passed).toBeGreaterThanOrEqual(12);
      expect(passed).toBeLessThanOrEqual(20);
    }
  });

  it('prints a failing case with FILE:LINE, expected vs actual and the actual reasons, and exits 1', () => {
    const dir = workspace({
      'lead.schema.json': SCHEMA,
      'b2b.score': RULES,
      'b2b.test.yaml': suite(
        PASSING_CASE,
        '  - name: 開封 5 回で中関心のはず',
        '    lead: { id: T2, role: 課長 }',
        '    events:',
        '      - { type: email_open, at: 1d ago }',
        '      - { type: email_open, at: 2d ago }',
        '      - { type: email_open, at: 3d ago }',
        '      - { type: email_open, at: 4d ago }',
        '      - { type: email_open, at: 5d ago }',
        '    expect: { score: 25, tier: 中関心, not_fired: [メール開封] }',
      ),
    });
    const run = runCli(['test', 'b2b.score'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('\x1b['); // not a terminal: no colours
    expect(run.stdout).toContain(
      [
        'b2b.test.yaml:9: case "開封 5 回で中関心のはず" failed',
        '  score: expected 25, got 20',
        '  tier: expected 中関心, got null (no tier)',
        '  not_fired: expected "メール開封" not to fire, but it did: +20 (line 7)',
        '  actual: score 20, tier null (no tier), groups: 属性 0',
        '  reasons:',
        '    メール開封 +20 (line 7)',
      ].join('\n'),
    );
    expect(run.stdout).not.toContain('決裁者が料金ページを見たら MQL');
    expect(lastLine(run.stdout)).toBe('1 passed, 1 failed');
  });

  it('fails a case whose test lead the schema rejects, with the line and the reason', () => {
    const dir = workspace({
      'lead.schema.json': SCHEMA,
      'b2b.score': RULES,
      'b2b.test.yaml': suite(
        '  - name: 従業員数が文字',
        '    lead: { id: T1, employees: 多い }',
        '    expect: { score: 0 }',
      ),
    });
    const run = runCli(['test'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'b2b.test.yaml:4: case "従業員数が文字" failed\n  b2b.test.yaml:5: lead: employees must be a whole number (got "多い")',
    );
    expect(lastLine(run.stdout)).toBe('0 passed, 1 failed');
  });

  it('with no FILE, runs every *.test.yaml under the current folder, skipping node_modules, .git and dist', () => {
    const broken = 'cases: [\n';
    const dir = workspace({
      'lead.schema.json': SCHEMA,
      'b2b.score': RULES,
      'b2b.test.yaml': suite(PASSING_CASE),
      'team/lead.schema.json': SCHEMA,
      'team/other.score': RULES,
      'team/other-cases.test.yaml': [
        'rules: ./other.score',
        suite(PASSING_CASE, PASSING_CASE.replace('T1', 'T2')),
      ].join('\n'),
      'node_modules/pkg/x.test.yaml': broken,
      '.git/x.test.yaml': broken,
      'dist/x.test.yaml': broken,
    });
    const run = runCli(['test'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      ['ok    b2b.test.yaml (1 case)', 'ok    team/other-cases.test.yaml (2 cases)', '3 passed, 0 failed', ''].join(
        '\n',
      ),
    );
  });

  it('exits 2 for a missing file, or a rule file without tests', () => {
    const dir = workspace({ 'lead.schema.json': SCHEMA, 'b2b.score': RULES });
    const missing = runCli(['test', 'nope.test.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('leadscore: cannot open test file nope.test.yaml: no such file\n');
    const untested = runCli(['test', 'b2b.score'], { cwd: dir });
    expect(untested.status).toBe(2);
    expect(untested.stderr).toMatch(/^leadscore: b2b\.score has no tests: write them in b2b\.test\.yaml next to it/);
    const other = runCli(['test', 'b2b.txt'], { cwd: dir });
    expect(other.status).toBe(2);
  });

  it('exits 1 with FILE:LINE:COL messages for a broken test file, and runs the others', () => {
    const dir = workspace({
      'lead.schema.json': SCHEMA,
      'a.score': RULES,
      'a.test.yaml': suite(PASSING_CASE),
      'b.score': RULES,
      'b.test.yaml': suite('  - name: x', '    lead: { id: T1 }', '    expcet: { score: 0 }'),
    });
    const run = runCli(['test'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      [
        'b.test.yaml:4:5: error: cases[0] needs "expect"',
        'b.test.yaml:6:5: error: "expcet" is not a key of cases[0] (allowed: name, as_of, lead, events, expect) (did you mean "expect"?)',
        '',
      ].join('\n'),
    );
    expect(run.stdout).toContain('ok    a.test.yaml (1 case)');
    expect(lastLine(run.stdout)).toBe('1 passed, 0 failed');
  });

  it('exits 1 when the rule file has errors, printing them as check does', () => {
    const dir = workspace({
      'lead.schema.json': SCHEMA,
      'b2b.score': RULES.replace('employees >=', 'employes >='),
      'b2b.test.yaml': suite(PASSING_CASE),
    });
    const run = runCli(['test', 'b2b.test.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^b2b\.score:3:8: error: unknown field "employes".*\[unknown-field\]\nb2b\.test\.yaml: error: the rule file b2b\.score has errors/,
    );
    expect(lastLine(run.stdout)).toBe('0 passed, 0 failed');
  });

  it('points at "rules:" when the rule file it names does not exist', () => {
    const dir = workspace({ 'x.test.yaml': ['rules: ./missing.score', suite(PASSING_CASE)].join('\n') });
    const run = runCli(['test', 'x.test.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^x\.test\.yaml:1: error: cannot open rule file missing\.score: no such file \(named by "rules:"/,
    );
  });
});
