import { localizedMessage } from '../compiler/messages/diagnostic-messages.js';
import type { Diagnostic } from '../grammar/diagnostic.js';
import { messageLang } from './message-lang.js';

/** A diagnostic with the file it belongs to, as the CLI prints it. */
export interface FileDiagnostic {
  readonly file: string;
  readonly diagnostic: Diagnostic;
}

/** `FILE:LINE:COL: error|warning: MESSAGE [code]` (docs/cli.md#leadscore-check), one line each; the message in the `--lang`/locale language. */
export function formatDiagnosticLine({ file, diagnostic: d }: FileDiagnostic): string {
  const { line, column } = d.range.start;
  return `${file}:${line}:${column}: ${d.severity}: ${oneLine(localizedMessage(d, messageLang()))} [${d.code}]`;
}

export function formatSummary(diagnostics: readonly FileDiagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const where = `${files} file${files === 1 ? '' : 's'}`;
  if (errors === 0 && warnings === 0) return `no problems in ${where}`;
  return `${count(errors, 'error')}, ${count(warnings, 'warning')} in ${where}`;
}

/** The `--format json` shape of docs/cli.md#--format-json. */
export function toJson({ file, diagnostic: d }: FileDiagnostic): Record<string, unknown> {
  return {
    file,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    severity: d.severity,
    code: d.code,
    message: localizedMessage(d, messageLang()),
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
