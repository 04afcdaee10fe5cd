import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unknownNotifyTier } from '../../server/integration-options.js';
import { runCli } from '../helpers/run-cli.js';

describe('serve --notify-tier', () => {
  it('refuses a tier the rule file does not have, with exit 2 and a did-you-mean, before creating anything', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'leadscore-notify-')), 'data');
    const run = runCli([
      'serve',
      'rules/b2b-saas.score',
      '--notify-tier',
      'mql,中関心',
      '--data-dir',
      dataDir,
      '--listen',
      '127.0.0.1:0',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /--notify-tier "mql": rules\/b2b-saas\.score has no tier of that name \(did you mean "MQL"\?\)/,
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it('accepts the tiers the rule file names', () => {
    expect(unknownNotifyTier(new Set(['MQL', '中関心']), 'rules/b2b-saas.score')).toBeUndefined();
    expect(unknownNotifyTier(new Set(['低関心', 'SQL']), 'rules/b2b-saas.score')).toMatch(/^--notify-tier "SQL": /);
  });
});
