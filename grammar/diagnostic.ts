import type { DiagnosticCode } from './diagnostic-catalogue.js';
import type { Range } from './range.js';

/**
 * A diagnostic is data: the CLI, the playground and editors each render it
 * their own way. `code` is stable (users and tests match on it); the message
 * is written for a marketer and may be reworded.
 */
export type Severity = 'error' | 'warning';

/** Named values of a message (names, lines, values), from which the message is translated (compiler/messages/). */
export type DiagnosticParams = Readonly<Record<string, string | number>>;

export interface Diagnostic {
  /** One of grammar/diagnostic-catalogue.ts. */
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly severity: Severity;
  readonly range: Range;
  /** The file the range points into, when it is not the rule file itself (e.g. the schema). */
  readonly file?: string;
  /** Names a quick fix may put in place of the range ("did you mean …?"). */
  readonly suggestions?: readonly string[];
  /** What a translated message needs; a diagnostic without them is shown with its English `message`. */
  readonly params?: DiagnosticParams;
}

export function error(
  code: DiagnosticCode,
  message: string,
  range: Range,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return { code, message, severity: 'error', range, ...extra };
}

export function warning(
  code: DiagnosticCode,
  message: string,
  range: Range,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return { code, message, severity: 'warning', range, ...extra };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by file order (line, then column), keeping the original order for ties. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        (a.d.file ?? '').localeCompare(b.d.file ?? '') || a.d.range.start.offset - b.d.range.start.offset || a.i - b.i,
    )
    .map(({ d }) => d);
}
