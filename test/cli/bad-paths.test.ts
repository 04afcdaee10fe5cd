import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/run-cli-in-process.js';

/** Every kind of bad path and stream, for every command that reads files: a usage error (2) that says what is wrong, once. */
describe('bad paths and streams', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-paths-'));
  writeFileSync(join(dir, 'r.score'), 'schema "./lead.schema.json"\nwhen employees >= 100 +20\n');
  writeFileSync(
    join(dir, 'lead.schema.json'),
    JSON.stringify({
      lead: { type: 'object', properties: { id: { type: 'string' }, employees: { type: 'integer' } } },
      events: {},
    }),
  );
  writeFileSync(join(dir, 'leads.jsonl'), '{"id":"A","employees":120}\n');
  writeFileSync(join(dir, 'broken.json'), '[{"id":"A"},\n{"id":"B"},]');
  mkdirSync(join(dir, 'folder.jsonl'));

  const cases: [string[], RegExp][] = [
    [
      ['check', 'nowhere/r.score'],
      /^leadscore: cannot open rule file nowhere\/r\.score: the folder nowhere does not exist$/,
    ],
    [['check', 'missing.score'], /^leadscore: cannot open rule file missing\.score: no such file$/],
    [['check', '.'], /^leadscore: cannot open rule file \.: it is a directory, not a file$/],
    [['fmt', 'nowhere/r.score'], /^leadscore: cannot open nowhere\/r\.score: the folder nowhere does not exist$/],
    [
      ['score', 'r.score', '--leads', 'nowhere/leads.jsonl'],
      /^leadscore: cannot open nowhere\/leads\.jsonl: the folder nowhere does not exist$/,
    ],
    [
      ['score', 'r.score', '--leads', 'folder.jsonl'],
      /^leadscore: cannot open folder\.jsonl: it is a directory, not a file$/,
    ],
    [
      ['score', 'r.score', '--leads', 'leads.jsonl', '--events', 'nowhere/events.jsonl'],
      /^leadscore: cannot open nowhere\/events\.jsonl: the folder nowhere does not exist$/,
    ],
    [
      ['score', 'r.score', '--leads', 'broken.json'],
      /^leadscore: broken\.json:2:12: not valid JSON: a comma is not allowed before a closing bracket or brace \(remove the last comma\)$/,
    ],
    [['report', 'r.score', '--leads', 'broken.json'], /^leadscore: broken\.json:2:12: not valid JSON/],
    [['score', 'r.score', '--leads', '-', '--events', '-'], /^leadscore: --leads and --events both read stdin/],
    [['report', 'r.score', '--leads', '-', '--events', '-'], /^leadscore: --leads and --events both read stdin/],
    [
      ['diff', 'nowhere/r.score', 'r.score'],
      /^leadscore: nowhere\/r\.score: the folder nowhere does not exist \(nor a git revision/,
    ],
  ];

  it.each(cases)('%j', async (args, message) => {
    const run = await runCliInProcess(args, { cwd: dir });
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    // One line, and no summary that would claim the unread file had "no problems".
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('check still checks the readable files, and counts only those', async () => {
    const run = await runCliInProcess(['check', 'missing.score', 'r.score'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot open rule file missing\.score/);
    expect(run.stderr).toMatch(/in 1 file$/m);
  });
});
