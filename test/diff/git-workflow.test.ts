import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, REPO } from '../helpers/run-cli.js';

/**
 * The review workflow of docs/review-workflow.md on a real git repository
 * with two commits: the base branch and a pull request that raises a point
 * value. The same commands the GitHub Actions recipe runs.
 */
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'leadscore-review-'));
  mkdirSync(join(repo, 'rules'));
  mkdirSync(join(repo, 'examples'));
  for (const f of ['b2b-saas.score', 'lead.schema.json', 'b2b-saas.test.yaml'])
    cpSync(join(REPO, 'rules', f), join(repo, 'rules', f));
  for (const f of ['leads.jsonl', 'events.jsonl']) cpSync(join(REPO, 'examples', f), join(repo, 'examples', f));
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'add', '.');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'base rules');
  git('checkout', '-q', '-b', 'raise-pricing');
  const rules = join(repo, 'rules/b2b-saas.score');
  writeFileSync(rules, readFileSync(rules, 'utf8').replace('+30 "料金ページ閲覧"', '+45 "料金ページ閲覧"'));
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-am', 'raise the pricing page');
});

describe('the pull-request review workflow', () => {
  it('check and fmt --check pass on the branch', () => {
    expect(runCli(['check', 'rules/b2b-saas.score'], { cwd: repo }).status).toBe(0);
    expect(runCli(['fmt', '--check', 'rules/b2b-saas.score'], { cwd: repo }).status).toBe(0);
  });

  it('test passes on the base branch, and on the branch names the cases the change breaks', () => {
    git('checkout', '-q', 'main');
    try {
      const base = runCli(['test'], { cwd: repo });
      expect(base.status).toBe(0);
      expect(base.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    } finally {
      git('checkout', '-q', 'raise-pricing');
    }
    const branch = runCli(['test'], { cwd: repo });
    expect(branch.status).toBe(1);
    expect(branch.stdout).toMatch(/rules\/b2b-saas\.test\.yaml:\d+: case "決裁者が料金ページを見たら MQL" failed/);
  });

  it('diff against the base branch says which leads change tier and why', () => {
    const run = runCli(
      [
        'diff',
        'main:rules/b2b-saas.score',
        'rules/b2b-saas.score',
        '--leads',
        'examples/leads.jsonl',
        '--events',
        'examples/events.jsonl',
        '--as-of',
        '2026-11-01T00:00:00+09:00',
      ],
      { cwd: repo },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('| ✏️ 変更 changed | 料金ページ閲覧 | 行動 | points +30 → **+45** |');
    expect(run.stdout).toMatch(/ティア遷移 \/ Tier transitions/);
    expect(run.stdout).toMatch(/\| `L\d+` \| \d+ → \d+ \(\+15\) \| 中関心 → \*\*MQL\*\* \| 料金ページ閲覧 \+15 \|/);
  });

  it('diff of the base against itself says no change and exits 0', () => {
    const run = runCli(['diff', 'main:rules/b2b-saas.score', 'HEAD~1:rules/b2b-saas.score'], { cwd: repo });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No change');
    expect(run.stderr).toContain('no change');
  });

  it('a revision that does not exist is a clear usage error', () => {
    const run = runCli(['diff', 'no-such-branch:rules/b2b-saas.score', 'rules/b2b-saas.score'], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "no-such-branch:rules/b2b-saas.score: not a file, and git cannot show it (git: fatal: invalid object name 'no-such-branch'.)",
    );
  });

  it('a version that does not check is named, with its errors, and exits 1', () => {
    writeFileSync(join(repo, 'rules/broken.score'), 'schema "./lead.schema.json"\nwhen employes >= 100 +20\n');
    const run = runCli(['diff', 'main:rules/b2b-saas.score', 'rules/broken.score'], { cwd: repo });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/rules\/broken\.score:2:6: error: unknown field "employes"/);
  });
});
