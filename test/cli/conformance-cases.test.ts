// Language-neutral conformance cases: every test/cases/**/case.json is one run of
// the `leadscore` CLI (from dist/, so `npm run build` first), with expectations
// derived by hand from docs/language.md and docs/cli.md, not from the implementation.
//
// case.json:
//   description      what the case checks, and the rule of the reference it rests on
//   args             CLI arguments, relative to the case folder ("$REJECTS" = a temp file)
//   exit             expected exit code
//   stdout           null (not checked) or a file: .jsonl (one JSON object per line,
//                    compared parsed, line by line), .json (one JSON value), anything else
//                    (exact text, CRLF read as LF)
//   stdoutEmpty      stdout must be empty (e.g. nothing scored)
//   stdin            a file of the case folder fed to stdin
//   stderrIncludes   substrings stderr must contain
//   rejects          the number of lines the rejects file ($REJECTS) must have
//   rejectsMatch     partial objects the rejects lines must match, in order
//   json + diagnostics   stdout is `check --format json`: every expected partial
//                    diagnostic must match one reported; diagnosticsExact: same count too
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const casesRoot = join(repo, 'test', 'cases');
const bin = join(repo, 'bin', 'leadscore.js');

interface CaseSpec {
  description: string;
  args: string[];
  exit: number;
  stdout?: string | null;
  stdoutEmpty?: boolean;
  stdin?: string;
  stderrIncludes?: string[];
  rejects?: number;
  rejectsMatch?: Record<string, unknown>[];
  json?: boolean;
  diagnostics?: Record<string, unknown>[];
  diagnosticsExact?: boolean;
}

function findCases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findCases(path));
    else if (entry.name === 'case.json') found.push(dir);
  }
  return found.sort();
}

interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

// Each CLI start costs most of a second (module loading), so the cases run as
// child processes in parallel, a few at a time.
const MAX_PARALLEL = 4;
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function run(args: string[], cwd: string, input: string | undefined): Promise<RunResult> {
  return slot(
    () =>
      new Promise<RunResult>((done, fail) => {
        const child = spawn(process.execPath, [bin, ...args], {
          cwd,
          env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
        child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
        child.on('error', fail);
        child.on('close', (status) => done({ status, stdout, stderr }));
        child.stdin.on('error', () => {}); // a CLI that exits without reading stdin
        child.stdin.end(input ?? '');
      }),
  );
}

const jsonLines = (text: string): unknown[] =>
  text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line);
      } catch {
        throw new Error(`stdout line ${i + 1} is not JSON: ${line}`);
      }
    });

const tmp = mkdtempSync(join(tmpdir(), 'leadscore-cases-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cases = findCases(casesRoot);

describe.concurrent('conformance cases (test/cases)', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const dir of cases) {
    const name = relative(casesRoot, dir);
    const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseSpec;

    it(name, async () => {
      const rejectsPath = join(tmp, name.replace(/[\\/]/g, '__') + '.rejects.jsonl');
      const args = spec.args.map((a) => (a === '$REJECTS' ? rejectsPath : a));
      const input = spec.stdin ? readFileSync(join(dir, spec.stdin), 'utf8') : undefined;
      const r = await run(args, dir, input);
      const context = `${name}: ${spec.description}\n$ leadscore ${args.join(' ')}\n--- exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

      expect(r.status, context).toBe(spec.exit);

      if (spec.stdoutEmpty) expect(r.stdout.trim(), context).toBe('');

      if (spec.stdout) {
        const expectedText = readFileSync(join(dir, spec.stdout), 'utf8');
        if (spec.stdout.endsWith('.jsonl')) {
          expect(jsonLines(r.stdout), context).toEqual(jsonLines(expectedText));
        } else if (spec.stdout.endsWith('.json')) {
          expect(JSON.parse(r.stdout), context).toEqual(JSON.parse(expectedText));
        } else {
          expect(r.stdout.replace(/\r\n/g, '\n'), context).toBe(expectedText.replace(/\r\n/g, '\n'));
        }
      }

      for (const s of spec.stderrIncludes ?? []) expect(r.stderr, context).toContain(s);

      if (spec.json) {
        const actual = JSON.parse(r.stdout) as Record<string, unknown>[];
        expect(Array.isArray(actual), context).toBe(true);
        for (const want of spec.diagnostics ?? []) {
          const hit = actual.some((d) => Object.entries(want).every(([k, v]) => d[k] === v));
          expect(hit, `${context}\nno diagnostic matches ${JSON.stringify(want)}`).toBe(true);
        }
        if (spec.diagnosticsExact) expect(actual.length, context).toBe((spec.diagnostics ?? []).length);
      }

      if (spec.rejects !== undefined || spec.rejectsMatch) {
        const text = existsSync(rejectsPath) ? readFileSync(rejectsPath, 'utf8') : '';
        const rejects = jsonLines(text) as Record<string, unknown>[];
        if (spec.rejects !== undefined) expect(rejects.length, `${context}\n--- rejects\n${text}`).toBe(spec.rejects);
        if (spec.rejectsMatch) {
          expect(rejects.length, `${context}\n--- rejects\n${text}`).toBeGreaterThanOrEqual(spec.rejectsMatch.length);
          spec.rejectsMatch.forEach((want, i) =>
            expect(rejects[i], `${context}\n--- rejects\n${text}`).toMatchObject(want),
          );
        }
      }
    });
  }
});
