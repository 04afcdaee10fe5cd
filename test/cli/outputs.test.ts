import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  linkSync,
  openSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/run-cli.js';
import { runCliInProcess } from '../helpers/run-cli-in-process.js';

const RULES =
  'schema "./lead.schema.json"\ngroup 属性 {\n  when employees >= 100 +20 "規模"\n}\ntier MQL >= 20\ntier その他 otherwise\n';
const SCHEMA = JSON.stringify({
  lead: {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string' }, employees: { type: 'integer', minimum: 0 } },
  },
  events: { page_view: { type: 'object' } },
});
const LEADS = '{"id":"A","employees":120}\n{"id":"B","employees":-1}\n';
const EVENTS = '{"lead_id":"A","type":"page_view","at":"2026-10-01"}\n';
const YESTERDAY = 'yesterday’s results, which must survive a failed run\n';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-outputs-'));
  const files = {
    'r.score': RULES,
    'lead.schema.json': SCHEMA,
    'leads.jsonl': LEADS,
    'events.jsonl': EVENTS,
    'scores.jsonl': YESTERDAY,
    'rejects.jsonl': YESTERDAY,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const tempFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
const SCORE = ['score', 'r.score', '--leads', 'leads.jsonl', '--events', 'events.jsonl', '--as-of', '2026-11-01'];

describe('an output that names an input', () => {
  // In-process: the refusal comes before any work, and the cases are many.
  it('is refused with exit 2 before anything is written, for every input of score (also through links)', async () => {
    const dir = workspace();
    linkSync(join(dir, 'leads.jsonl'), join(dir, 'hard-link.jsonl'));
    symlinkSync(join(dir, 'events.jsonl'), join(dir, 'soft-link.jsonl'));
    const cases: [string[], RegExp][] = [
      [['--out', 'leads.jsonl'], /--out leads\.jsonl is the --leads file/],
      [['--out', './events.jsonl'], /--out \.\/events\.jsonl is the --events file/],
      [['--out', 'r.score'], /--out r\.score is the rule file/],
      [['--out', 'lead.schema.json'], /--out lead\.schema\.json is the schema file/],
      [['--rejects', 'leads.jsonl'], /--rejects leads\.jsonl is the --leads file/],
      [['--out', 'hard-link.jsonl'], /is the --leads file \(leads\.jsonl\)/],
      [['--out', 'soft-link.jsonl'], /is the --events file/],
      [['--out', 'scores.jsonl', '--rejects', `${dir}/scores.jsonl`], /--out and --rejects name the same file/],
      [['--rejects', '-'], /--out and --rejects would both write to stdout/],
    ];
    for (const [flags, message] of cases) {
      const run = await runCliInProcess([...SCORE, ...flags], { cwd: dir });
      expect({ flags, status: run.status }).toEqual({ flags, status: 2 });
      expect(run.stderr).toMatch(message);
    }
    expect(readFileSync(join(dir, 'leads.jsonl'), 'utf8')).toBe(LEADS);
    expect(readFileSync(join(dir, 'events.jsonl'), 'utf8')).toBe(EVENTS);
    expect(readFileSync(join(dir, 'r.score'), 'utf8')).toBe(RULES);
    expect(readFileSync(join(dir, 'lead.schema.json'), 'utf8')).toBe(SCHEMA);
    expect(readFileSync(join(dir, 'scores.jsonl'), 'utf8')).toBe(YESTERDAY);
    expect(tempFiles(dir)).toEqual([]);
  });

  it('is refused by compile, report, tune and diff too', async () => {
    const dir = workspace();
    const cases: string[][] = [
      ['compile', 'r.score', '--out', 'r.score'],
      ['compile', 'r.score', '--target', 'sql', '--dialect', 'duckdb', '--out', 'lead.schema.json'],
      ['report', 'r.score', '--leads', 'leads.jsonl', '--out', 'leads.jsonl'],
      ['tune', 'r.score', '--leads', 'leads.jsonl', '--outcome', 'won', '--out', 'r.score'],
      ['diff', 'r.score', 'r.score', '--out', 'r.score'],
      ['score', 'r.score', '--engine', 'duckdb', '--leads', 'leads.jsonl', '--out', 'leads.jsonl'],
    ];
    for (const args of cases) {
      const run = await runCliInProcess(args, { cwd: dir });
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
      expect(run.stderr).toMatch(/writing it would destroy the input/);
    }
    expect(readFileSync(join(dir, 'r.score'), 'utf8')).toBe(RULES);
    expect(readFileSync(join(dir, 'leads.jsonl'), 'utf8')).toBe(LEADS);
    expect(readFileSync(join(dir, 'lead.schema.json'), 'utf8')).toBe(SCHEMA);
  });

  it('stdin named twice is a usage error, not an empty second read', () => {
    const dir = workspace();
    const score = runCli(['score', 'r.score', '--leads', '-', '--events', '-'], { cwd: dir, input: LEADS });
    expect(score.status).toBe(2);
    expect(score.stderr).toMatch(/--leads and --events both read stdin \(-\)/);
    const fmt = runCli(['fmt', '-', '-'], { cwd: dir, input: RULES });
    expect(fmt.status).toBe(2);
    expect(fmt.stderr).toMatch(/stdin can be read only once/);
  });
});

describe('outputs are written whole or not at all', () => {
  it('a run that fails before it starts leaves yesterday’s --out and --rejects as they were', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'broken.json'), '[{"id":"A"},\n{"id":"B"},]');
    const failures: string[][] = [
      ['score', 'r.score', '--leads', 'missing.jsonl'],
      ['score', 'r.score', '--leads', 'leads.jsonl', '--events', 'missing.jsonl'],
      ['score', 'r.score', '--leads', 'broken.json'],
    ];
    for (const args of failures) {
      const run = runCli([...args, '--out', 'scores.jsonl', '--rejects', 'rejects.jsonl'], { cwd: dir });
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
      expect(readFileSync(join(dir, 'scores.jsonl'), 'utf8')).toBe(YESTERDAY);
      expect(readFileSync(join(dir, 'rejects.jsonl'), 'utf8')).toBe(YESTERDAY);
    }
    expect(tempFiles(dir)).toEqual([]);
  });

  it('a file that cannot be read as a whole is reported once, exit 2, nothing scored', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'broken.json'), '[{"id":"A"},\n{"id":"B"},]');
    const run = runCli(['score', 'r.score', '--leads', 'broken.json', '--out', 'scores.jsonl'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.match(/broken\.json:2:12/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/remove the last comma/);
  });

  it('a successful run replaces the file, keeping its mode, and a link to it stays a link', () => {
    const dir = workspace();
    chmodSync(join(dir, 'scores.jsonl'), 0o640);
    symlinkSync(join(dir, 'scores.jsonl'), join(dir, 'latest.jsonl'));
    const run = runCli([...SCORE, '--out', 'latest.jsonl', '--rejects', 'rejects.jsonl'], { cwd: dir });
    expect(run.status).toBe(3);
    expect(lstatSync(join(dir, 'latest.jsonl')).isSymbolicLink()).toBe(true);
    expect((jsonLines(readFileSync(join(dir, 'scores.jsonl'), 'utf8')) as { id: string }[]).map((r) => r.id)).toEqual([
      'A',
    ]);
    expect(statSync(join(dir, 'scores.jsonl')).mode & 0o777).toBe(0o640);
    expect(
      (jsonLines(readFileSync(join(dir, 'rejects.jsonl'), 'utf8')) as { data: unknown }[]).map((r) => r.data),
    ).toEqual([{ id: 'B', employees: -1 }]);
    expect(tempFiles(dir)).toEqual([]);
  });

  it('an output in a missing folder or on a folder is a clear usage error', () => {
    const dir = workspace();
    const missing = runCli([...SCORE, '--out', 'nowhere/scores.jsonl'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--out nowhere\/scores\.jsonl: the folder nowhere does not exist/);
    const folder = runCli([...SCORE, '--rejects', '.'], { cwd: dir });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/--rejects \.: it is a folder/);
  });

  it.runIf(existsSync('/dev/full'))('stdout on a full disk is a clear error, not a crash', () => {
    const dir = workspace();
    const full = openSync('/dev/full', 'w');
    const bin = fileURLToPath(new URL('../../bin/leadscore.js', import.meta.url));
    const run = spawnSync(process.execPath, [bin, ...SCORE], {
      cwd: dir,
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(full);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^leadscore: cannot write to stdout: ENOSPC/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('fmt rewrites in place atomically, keeping the file mode', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'messy.score'), 'group g {\nwhen employees>=100   +20\n}\n');
    chmodSync(join(dir, 'messy.score'), 0o600);
    const run = runCli(['fmt', 'messy.score'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'messy.score'), 'utf8')).toBe('group g {\n  when employees >= 100 +20\n}\n');
    expect(statSync(join(dir, 'messy.score')).mode & 0o777).toBe(0o600);
    expect(tempFiles(dir)).toEqual([]);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s during a run leaves the previous --out and no temp file, exit %i', async (signal, code) => {
    const dir = workspace();
    const bin = fileURLToPath(new URL('../../bin/leadscore.js', import.meta.url));
    // Leads from a pipe that stays open: the run is under way until the signal.
    const child = spawn(
      process.execPath,
      [
        bin,
        'score',
        'r.score',
        '--leads',
        '-',
        '--as-of',
        '2026-11-01',
        '--out',
        'scores.jsonl',
        '--rejects',
        'rejects.jsonl',
      ],
      {
        cwd: dir,
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    child.stdin.write(LEADS);
    for (let i = 0; i < 300 && tempFiles(dir).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(tempFiles(dir)).toHaveLength(2);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(readFileSync(join(dir, 'scores.jsonl'), 'utf8')).toBe(YESTERDAY);
    expect(readFileSync(join(dir, 'rejects.jsonl'), 'utf8')).toBe(YESTERDAY);
    expect(tempFiles(dir)).toEqual([]);
  });
});
