import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-untrusted-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('CSV output opened in a spreadsheet', () => {
  const rules =
    'group g {\n  when plan = "pro" +10 "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"\n  when plan = "free" -10 "無料"\n}\ntier "@MQL" >= 5\ntier "-low" otherwise\n';
  const leads = [
    '{"id":"=1+2","plan":"pro"}',
    '{"id":"+81-3-0000","plan":"free"}',
    '{"id":-10,"plan":"free"}',
    '{"id":"\\tcmd","plan":"none"}',
    '{"id":"普通","plan":"none"}',
  ].join('\n');

  it('neutralises text cells that start a formula, and leaves numbers (-10) as numbers', () => {
    const dir = workspace({ 'r.score': rules, 'leads.jsonl': leads });
    const run = runCli(['score', 'r.score', '--leads', 'leads.jsonl', '--as-of', '2026-11-01', '--format', 'csv'], {
      cwd: dir,
    });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\r\n')).toEqual([
      'id,score,tier,g,reasons',
      `'=1+2,10,'@MQL,10,"'=HYPERLINK(""http://evil.example"",""click"")(+10)"`,
      "'+81-3-0000,-10,'-low,-10,無料(-10)",
      "-10,-10,'-low,-10,無料(-10)",
      "'\tcmd,0,'-low,0,",
      "普通,0,'-low,0,",
      '',
    ]);
  });

  it('keeps them as they are with --csv-formulas keep', () => {
    const dir = workspace({ 'r.score': rules, 'leads.jsonl': leads });
    const run = runCli(
      [
        'score',
        'r.score',
        '--leads',
        'leads.jsonl',
        '--as-of',
        '2026-11-01',
        '--format',
        'csv',
        '--csv-formulas',
        'keep',
      ],
      { cwd: dir },
    );
    expect(run.status).toBe(0);
    expect(run.stdout.split('\r\n')[1]).toBe('=1+2,10,@MQL,10,"=HYPERLINK(""http://evil.example"",""click"")(+10)"');
  });
});

describe('diff with a revision the user typed', () => {
  it('never hands it to git as an option (no --output file is written)', () => {
    const dir = workspace({ 'r.score': 'when employees >= 100 +20\n' });
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'rules');
    // `--output=evil:./r.score` would make `git show` write its output into the folder "evil:.".
    mkdirSync(join(dir, 'evil:.'));
    const run = runCli(['diff', '--', '--output=evil:r.score', 'r.score'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is not a git revision \(a revision never starts with "-"\)/);
    expect(existsSync(join(dir, 'evil:.', 'r.score'))).toBe(false);
  });
});

describe('a rule file naming a file that is not JSON as its schema', () => {
  it('does not echo the file’s first bytes in the error', () => {
    const dir = workspace({
      'r.score': 'schema "./secret.env"\nwhen employees >= 100 +20\n',
      'secret.env': 'API_TOKEN=sk_live_0123456789\n',
    });
    const run = runCli(['check', 'r.score'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/secret\.env:1:1: error: the schema file is not JSON/);
    expect(run.stderr).not.toContain('API_TOKEN');
    expect(run.stderr).not.toContain('sk_live');
  });
});
