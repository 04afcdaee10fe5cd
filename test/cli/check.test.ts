import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SCHEMA = JSON.stringify({
  lead: {
    type: 'object',
    properties: { id: { type: 'string' }, employees: { type: 'integer' }, role: { enum: ['役員', '部長', '課長'] } },
  },
  events: { page_view: { type: 'object', properties: { url: { type: 'string' } } }, email_open: {} },
});

describe('leadscore check', () => {
  it('passes the bundled example with exit 0 and a summary', () => {
    const run = runCli(['check', 'rules/b2b-saas.score']);
    expect(run.status).toBe(0);
    expect(run.stderr.trim()).toBe('no problems in 1 file');
  });

  it('lists every error of a broken file with line and column, and exits 1', () => {
    const dir = workspace({
      'lead.schema.json': SCHEMA,
      'broken.score': [
        'schema "./lead.schema.json"',
        'group 属性 {',
        '  when employes >= 100 +20',
        '  when role in [部帳] +10',
        '  when role = 部長 "no points"',
        '  on page_veiw +5',
        '}',
        'tier MQL >= 60',
      ].join('\n'),
    });
    const run = runCli(['check', 'broken.score'], { cwd: dir });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^broken\.score:3:8: error: unknown field "employes".*did you mean "employees"\?.* \[unknown-field\]$/,
      ),
      expect.stringMatching(/^broken\.score:4:17: error: "部帳" .*did you mean "部長"\?.* \[enum-value\]$/),
      expect.stringMatching(
        /^broken\.score:5:18: error: expected points such as \+20 after the condition, but found the text "no points" \[syntax\]$/,
      ),
      expect.stringMatching(
        /^broken\.score:6:6: error: unknown event type "page_veiw".*did you mean "page_view"\?.* \[unknown-event-type\]$/,
      ),
      '4 errors, 0 warnings in 1 file',
    ]);
  });

  it('prints JSON diagnostics on stdout with --format json', () => {
    const dir = workspace({ 'a.score': 'when x = 1 +5\nwhen y = 2\n' });
    const run = runCli(['check', '--format', 'json', 'a.score'], { cwd: dir });
    expect(run.status).toBe(1);
    const diagnostics = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(
      diagnostics.map(({ file, line, column, endLine, endColumn, severity, code }) => ({
        file,
        line,
        column,
        endLine,
        endColumn,
        severity,
        code,
      })),
    ).toEqual([
      { file: 'a.score', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', code: 'no-schema' },
      { file: 'a.score', line: 2, column: 11, endLine: 2, endColumn: 11, severity: 'error', code: 'syntax' },
    ]);
    for (const d of diagnostics)
      expect(Object.keys(d).sort()).toEqual([
        'code',
        'column',
        'endColumn',
        'endLine',
        'file',
        'line',
        'message',
        'severity',
      ]);
  });

  it('fails on warnings only with --strict', () => {
    const dir = workspace({ 'w.score': 'when x = 1 +5\n' });
    expect(runCli(['check', 'w.score'], { cwd: dir }).status).toBe(0);
    const strict = runCli(['check', '--strict', 'w.score'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/^w\.score:1:1: warning: .* \[no-schema\]$/m);
  });

  it('reports schema file problems at their place in the schema file', () => {
    const dir = workspace({
      'lead.schema.json': '{\n  "lead": { "type": "object" },\n  "events": { "x": { "type": 5 } }\n}\n',
      'r.score': 'schema "./lead.schema.json"\nwhen a = 1 +1\n',
    });
    const run = runCli(['check', 'r.score'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^lead\.schema\.json:3:\d+: error: .*\[schema-invalid\]$/m);
  });

  it('a missing schema file is an error of the rule file, at the schema statement', () => {
    const dir = workspace({ 'r.score': 'schema "./nope.json"\nwhen a = 1 +1\n' });
    const run = runCli(['check', 'r.score'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^r\.score:1:8: error: cannot read the schema file "\.\/nope\.json".*\[schema-not-found\]$/m,
    );
  });

  it('exits 2 for a rule file that cannot be opened, and for unknown flags and commands', () => {
    const missing = runCli(['check', 'no-such.score']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot open rule file no-such.score: no such file');
    expect(runCli(['check', '--frobnicate', 'rules/b2b-saas.score']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli([]).status).toBe(2);
    expect(runCli(['--help']).status).toBe(0);
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('checks several files in one run, naming each', () => {
    const dir = workspace({ 'ok.score': 'when a = 1 +1\n', 'bad.score': 'when a = 1\n' });
    const run = runCli(['check', 'ok.score', 'bad.score'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^bad\.score:1:11: error: expected points such as \+20 after the condition/m);
    expect(run.stderr.trim().split('\n').at(-1)).toBe('1 error, 2 warnings in 2 files');
  });
});
