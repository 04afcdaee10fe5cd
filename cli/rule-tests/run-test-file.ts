/**
 * One test file, end to end on disk: read it, parse it, load and check the
 * rule file it tests, run its cases. Returns what happened; printing is the
 * command's job.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { hasErrors } from '../../grammar/diagnostic.js';
import { runSuite, type CaseRun } from '../../runtime/rule-tests/run-suite.js';
import type { TestProblem } from '../../runtime/rule-tests/types.js';
import { formatDiagnosticLine } from '../diagnostics-output.js';
import { displayPath, loadRules, type LoadedRules } from '../load-rules.js';
import { describeFsError } from '../../runtime/readers/fs-errors.js';
import { UsageError } from '../exit-codes.js';
import { defaultRulesFile } from './find-suites.js';
import { parseSuite } from './parse-suite.js';

export type FileOutcome =
  /** The test file or its rule file is broken: `errors` are FILE:LINE lines for stderr. */
  | { readonly kind: 'broken'; readonly file: string; readonly errors: readonly string[] }
  | { readonly kind: 'ran'; readonly file: string; readonly rulesFile: string; readonly cases: readonly CaseRun[] };

/** Throws a UsageError (exit 2) only when the test file itself cannot be read. */
export function runTestFile(file: string, now: number): FileOutcome {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot open test file ${file}: ${describeFsError(e)}`);
  }
  const broken = (problems: readonly TestProblem[]): FileOutcome => ({
    kind: 'broken',
    file,
    errors: problems.map((p) => problemLine(file, p)),
  });

  const parsed = parseSuite(text);
  if (!parsed.ok) return broken(parsed.problems);
  const suite = parsed.suite;

  const rulesPath = suite.rules ? displayPath(resolve(dirname(file), suite.rules.path)) : defaultRulesFile(file);
  let rules: LoadedRules;
  try {
    rules = loadRules(rulesPath);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return broken([
      suite.rules
        ? { line: suite.rules.line, message: `${e.message} (named by "rules:", relative to this test file)` }
        : {
            line: 1,
            message: `${e.message}: a test file tests the .score file of the same name next to it; name another one with "rules: ./FILE.score"`,
          },
    ]);
  }
  if (hasErrors(rules.diagnostics) || !rules.program) {
    const errors = rules.diagnostics.map((d) => formatDiagnosticLine({ file: d.file ?? rulesPath, diagnostic: d }));
    errors.push(`${file}: error: the rule file ${rulesPath} has errors (above), so its tests cannot run`);
    return { kind: 'broken', file, errors };
  }

  const run = runSuite(suite, rules.program, now);
  if (!run.ok) return broken(run.problems);
  return { kind: 'ran', file, rulesFile: rulesPath, cases: run.cases };
}

/** `FILE:LINE:COL: error: MESSAGE`, like the diagnostics of `leadscore check` (COL when known). */
export function problemLine(file: string, problem: TestProblem): string {
  return `${file}:${problem.line}${problem.column !== undefined ? `:${problem.column}` : ''}: error: ${problem.message}`;
}
