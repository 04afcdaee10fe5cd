/**
 * How `leadscore test` shows a failed case: `FILE:LINE: case "name" failed`,
 * then what differed (expected vs actual), then the actual result with every
 * reason, so the reader sees why.
 */
import { describeActual, describeMismatch } from '../../runtime/rule-tests/describe.js';
import type { CaseRun } from '../../runtime/rule-tests/run-suite.js';
import type { Paint } from './colours.js';

export function failureLines(file: string, { testCase, result }: CaseRun, paint: Paint): string[] {
  if (result.status === 'passed') return [];
  const header = `${file}:${testCase.line}: case ${JSON.stringify(testCase.name)} ${paint.red(paint.bold('failed'))}`;
  if (result.status === 'invalid') {
    return [
      header,
      ...result.problems.map((p) => `  ${file}:${p.line}: ${p.message}`),
      paint.dim('  (the case was not scored: fix its lead and events first)'),
    ];
  }
  return [
    header,
    ...result.mismatches.flatMap(describeMismatch).map((l) => `  ${l}`),
    ...describeActual(result.actual).map((l) => paint.dim(`  ${l}`)),
  ];
}

/** `N passed, M failed`: alone on the last line of the output. */
export function summaryLine(passed: number, failed: number, paint: Paint): string {
  const text = `${passed} passed, ${failed} failed`;
  return failed > 0 ? paint.red(text) : paint.green(text);
}
