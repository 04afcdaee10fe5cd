import type { Program } from '../compiler/program.js';
import { hasErrors, type Diagnostic } from '../grammar/diagnostic.js';
import { formatDiagnosticLine, formatSummary } from './diagnostics-output.js';
import { loadRules, type LoadedRules } from './load-rules.js';

/**
 * For commands that need a working program (score, compile): prints the
 * rule file's diagnostics to stderr and returns the program, or undefined
 * when the rules have errors (the caller exits 1).
 */
export function programOrReport(path: string): { rules: LoadedRules; program?: Program } {
  const rules = loadRules(path);
  for (const diagnostic of rules.diagnostics)
    process.stderr.write(`${formatDiagnosticLine({ file: diagnostic.file ?? path, diagnostic })}\n`);
  if (hasErrors(rules.diagnostics) || !rules.program) {
    process.stderr.write(
      `${formatSummary(
        rules.diagnostics.map((diagnostic) => ({ file: path, diagnostic })),
        1,
      )}: fix the errors above, then run again\n`,
    );
    return { rules };
  }
  return { rules, program: rules.program };
}

/**
 * Prints what a target needs of the rule file beyond the checker (the SQL
 * target's diagnostics) and says whether there was any: the caller exits 1.
 */
export function reportTargetProblems(path: string, diagnostics: readonly Diagnostic[]): boolean {
  if (diagnostics.length === 0) return false;
  for (const diagnostic of diagnostics) process.stderr.write(`${formatDiagnosticLine({ file: path, diagnostic })}\n`);
  process.stderr.write(
    `${formatSummary(
      diagnostics.map((diagnostic) => ({ file: path, diagnostic })),
      1,
    )}: fix the errors above, then run again\n`,
  );
  return true;
}
