/**
 * Runs one test case against a scorer and compares the result with what the
 * case expects. Browser-safe.
 */
import type { Validators } from '../../compiler/schema/validators.js';
import type { ExplainedScore, Scorer } from '../../core/score-result.js';
import { compareExpectation, type Mismatch } from './compare.js';
import type { KnownNames } from './known-names.js';
import { prepareCase } from './prepare-case.js';
import type { TestCase, TestProblem } from './types.js';

export type CaseResult =
  | { readonly status: 'passed'; readonly actual: ExplainedScore }
  | { readonly status: 'failed'; readonly actual: ExplainedScore; readonly mismatches: readonly Mismatch[] }
  /** The case's lead, events or as_of are not valid: nothing was scored. */
  | { readonly status: 'invalid'; readonly problems: readonly TestProblem[] };

export interface CaseContext {
  readonly scorer: Scorer;
  readonly validators: Validators | undefined;
  readonly names: KnownNames;
  readonly timeZone: string | undefined;
  /** The case's as-of instant, epoch ms. */
  readonly asOf: number;
  /** Whether as_of was written (in the file or the case). */
  readonly asOfGiven: boolean;
}

export function runCase(testCase: TestCase, context: CaseContext): CaseResult {
  const prepared = prepareCase(testCase, context);
  if (!prepared.ok) return { status: 'invalid', problems: prepared.problems };
  const actual = context.scorer.explain(prepared.inputs.lead, prepared.inputs.events, context.asOf);
  const mismatches = compareExpectation(testCase.expect, actual, context.names);
  return mismatches.length === 0 ? { status: 'passed', actual } : { status: 'failed', actual, mismatches };
}
