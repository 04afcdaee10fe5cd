/**
 * Runs every case of a suite against a checked rule file. Browser-safe: the
 * caller reads the files; this only needs the parsed suite and the program.
 */
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import type { Program } from '../../compiler/program.js';
import { compileValidators } from '../../compiler/schema/validators.js';
import { isValidTimeZone, parseInstant } from '../../core/time.js';
import { knownNames } from './known-names.js';
import { runCase, type CaseResult } from './run-case.js';
import type { TestCase, TestProblem, TestSuite } from './types.js';

export interface CaseRun {
  readonly testCase: TestCase;
  readonly result: CaseResult;
}

/** Either the file-level problems that stop every case (a bad `tz` or `as_of`), or each case's result. */
export type SuiteRun =
  | { readonly ok: false; readonly problems: readonly TestProblem[] }
  | { readonly ok: true; readonly cases: readonly CaseRun[] };

const AS_OF_EXAMPLE = 'an ISO 8601 time such as 2026-11-01T00:00:00+09:00 or 2026-11-01';

export function runSuite(suite: TestSuite, program: Program, now: number = Date.now()): SuiteRun {
  const problems: TestProblem[] = [];
  let timeZone: string | undefined;
  if (suite.tz !== undefined) {
    if (isValidTimeZone(suite.tz.zone)) timeZone = suite.tz.zone;
    else
      problems.push({
        line: suite.tz.line,
        message: `tz "${suite.tz.zone}" is not a time zone: use a name such as Asia/Tokyo or UTC`,
      });
  }
  const fileAsOf = suite.asOf === undefined ? undefined : readAsOf(suite.asOf, timeZone, problems);
  // Each case's own as_of is checked up front too, so one bad value is reported once, at its line.
  const caseAsOf = suite.cases.map((c) => (c.asOf === undefined ? undefined : readAsOf(c.asOf, timeZone, problems)));
  if (problems.length > 0) return { ok: false, problems };

  const scorer = instantiateScorer(program, timeZone);
  const validators = program.schema ? compileValidators(program.schema) : undefined;
  const names = knownNames(program);
  const cases = suite.cases.map((testCase, i) => {
    const asOf = caseAsOf[i] ?? fileAsOf;
    const result = runCase(testCase, {
      scorer,
      validators,
      names,
      timeZone,
      asOf: asOf ?? now,
      asOfGiven: asOf !== undefined,
    });
    return { testCase, result };
  });
  return { ok: true, cases };
}

function readAsOf(
  asOf: { text: string; line: number },
  timeZone: string | undefined,
  problems: TestProblem[],
): number | undefined {
  const ms = parseInstant(asOf.text.trim(), timeZone);
  if (ms === undefined) problems.push({ line: asOf.line, message: `as_of "${asOf.text}" is not ${AS_OF_EXAMPLE}` });
  return ms;
}
