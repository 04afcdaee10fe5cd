import { EXIT, UsageError } from '../exit-codes.js';
import { paintFor } from '../rule-tests/colours.js';
import { discoverTestFiles, testFileFor } from '../rule-tests/find-suites.js';
import { failureLines, summaryLine } from '../rule-tests/print-results.js';
import { runTestFile } from '../rule-tests/run-test-file.js';

/**
 * `leadscore test [FILE...]`: runs the test cases kept next to the rule
 * files (docs/rule-tests.md). Results go to stdout, ending with the line
 * `N passed, M failed`; broken files and usage problems go to stderr.
 * Exit 0 when every case passed, 1 when one failed or a test or rule file is
 * broken, 2 when a named file is missing.
 */
export function runTest(args: readonly string[]): number {
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const err = (line: string): void => void process.stderr.write(`${line}\n`);
  const paint = paintFor(process.stdout);
  let usageProblem = false;

  const files: string[] = [];
  if (args.length === 0) {
    files.push(...discoverTestFiles('.'));
    if (files.length === 0) err('leadscore: no test files (*.test.yaml) under this folder; see docs/rule-tests.md');
  }
  for (const arg of args) {
    try {
      const file = testFileFor(arg);
      if (!files.includes(file)) files.push(file);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      err(`leadscore: ${e.message}`);
      usageProblem = true;
    }
  }

  if (usageProblem && files.length === 0) return EXIT.usage;

  const now = Date.now();
  let passed = 0;
  let failed = 0;
  let broken = 0;
  for (const file of files) {
    let outcome;
    try {
      outcome = runTestFile(file, now);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      err(`leadscore: ${e.message}`);
      usageProblem = true;
      continue;
    }
    if (outcome.kind === 'broken') {
      broken++;
      outcome.errors.forEach(err);
      out(`${paint.red('ERROR')} ${file}: not run (see the errors on stderr)`);
      continue;
    }
    const failures = outcome.cases.filter((c) => c.result.status !== 'passed');
    passed += outcome.cases.length - failures.length;
    failed += failures.length;
    const count = `${outcome.cases.length} case${outcome.cases.length === 1 ? '' : 's'}`;
    out(
      failures.length === 0
        ? `${paint.green('ok')}    ${file} (${count})`
        : `${paint.red('FAIL')}  ${file} (${failures.length} of ${count} failed)`,
    );
    for (const run of failures) {
      out('');
      failureLines(file, run, paint).forEach(out);
    }
    if (failures.length > 0) out('');
  }

  if (broken > 0) out(`${broken} test file${broken === 1 ? '' : 's'} could not be run: fix the errors reported above`);
  out(summaryLine(passed, failed, paint));
  if (usageProblem) return EXIT.usage;
  return failed > 0 || broken > 0 ? EXIT.rulesFailed : EXIT.ok;
}
