/**
 * A rule-test suite as data, after its file has been read and its shape
 * checked (docs/rule-tests.md). Every part keeps the 1-based line it was
 * written on, so a failure can point at it. Browser-safe.
 */

/** A reason a case expects, in `expect.reasons`; `line` is checked only when given. */
export interface ExpectedReason {
  readonly rule: string;
  readonly points: number;
  readonly line?: number;
}

/** What a case checks. Every key is optional; only the keys written are compared. */
export interface Expectation {
  /** The exact score. */
  readonly score?: number;
  /** The exact tier; null means "no tier matched". */
  readonly tier?: string | null;
  /** Subtotals of the groups named (other groups are not checked). */
  readonly groups?: Readonly<Record<string, number>>;
  /** Rules (reason names) that must have given or taken points. */
  readonly fired?: readonly string[];
  /** Rules that must not have given or taken points. */
  readonly notFired?: readonly string[];
  /** The exact, complete list of reasons, in order. */
  readonly reasons?: readonly ExpectedReason[];
}

export interface TestEvent {
  /** The event as written: `{type, at, ...properties}`, `at` possibly relative. */
  readonly value: unknown;
  readonly line: number;
}

export interface TestCase {
  readonly name: string;
  /** The line of the case (its first key). */
  readonly line: number;
  /** The case's own `as_of`, overriding the file's. */
  readonly asOf?: { readonly text: string; readonly line: number };
  readonly lead: { readonly value: unknown; readonly line: number };
  readonly events: readonly TestEvent[];
  readonly expect: Expectation;
}

export interface TestSuite {
  /** The rule file, relative to the test file, when the file names one. */
  readonly rules?: { readonly path: string; readonly line: number };
  /** The default as-of for every case. */
  readonly asOf?: { readonly text: string; readonly line: number };
  /** The time zone for times without an offset (an IANA name); UTC when absent. */
  readonly tz?: { readonly zone: string; readonly line: number };
  readonly cases: readonly TestCase[];
}

/** A problem located in a test file: a YAML error, a bad value, an invalid lead. */
export interface TestProblem {
  readonly line: number;
  readonly column?: number;
  readonly message: string;
}
