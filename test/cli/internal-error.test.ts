import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../helpers/run-cli-in-process.js';

// A bug stands in for any bug: the scorer's batch loop throws after the outputs are open.
vi.mock('../../runtime/batch/score-file.js', () => ({
  scoreFile: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'score')");
  },
}));

describe('an internal error (a bug in leadscore)', () => {
  afterEach(() => {
    delete process.env['LEADSCORE_DEBUG'];
  });

  function workspace(): string {
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-bug-'));
    writeFileSync(join(dir, 'r.score'), 'when employees >= 100 +20\n');
    writeFileSync(join(dir, 'leads.jsonl'), '{"id":"A"}\n');
    writeFileSync(join(dir, 'scores.jsonl'), 'yesterday\n');
    return dir;
  }

  it('exits 70 with a request for a bug report, no stack trace, and leaves the outputs as they were', async () => {
    const dir = workspace();
    const run = await runCliInProcess([
      'score',
      join(dir, 'r.score'),
      '--leads',
      join(dir, 'leads.jsonl'),
      '--out',
      join(dir, 'scores.jsonl'),
      '--rejects',
      join(dir, 'rejects.jsonl'),
    ]);
    expect(run.status).toBe(70);
    expect(run.stderr).toMatch(
      /^leadscore: internal error: Cannot read properties of undefined \(reading 'score'\)\nThis is a bug in leadscore, not a problem with your files: please report it/m,
    );
    expect(run.stderr).toMatch(/LEADSCORE_DEBUG=1/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'scores.jsonl'), 'utf8')).toBe('yesterday\n');
    expect(readdirSync(dir).sort()).toEqual(['leads.jsonl', 'r.score', 'scores.jsonl']);
  });

  it('shows the stack with LEADSCORE_DEBUG=1', async () => {
    const dir = workspace();
    process.env['LEADSCORE_DEBUG'] = '1';
    const run = await runCliInProcess(['score', join(dir, 'r.score'), '--leads', join(dir, 'leads.jsonl')]);
    expect(run.status).toBe(70);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});
