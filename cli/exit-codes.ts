/** The exit codes of docs/cli.md#exit-codes: a public interface that scripts and CI depend on. */
export const EXIT = {
  ok: 0,
  /** The rules have errors, or a test / fmt --check / gate failed. */
  rulesFailed: 1,
  /** Unknown flag, a file that is missing or cannot be opened. */
  usage: 2,
  /** At least one invalid lead or event record. */
  invalidData: 3,
  /** A bug in leadscore (sysexits' EX_SOFTWARE); never for anything the user can fix. */
  internal: 70,
} as const;

/** A problem with how the command was called; printed without a stack trace, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
