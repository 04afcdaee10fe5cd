import type { Diagnostic } from '../../grammar/diagnostic.js';

/** A diagnostic as `leadscore check --format json` prints it. */
export function diagnosticJson(d: Diagnostic, fallbackFile: string): Record<string, unknown> {
  return {
    file: d.file ?? fallbackFile,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}
