import { hasErrors } from '../../grammar/diagnostic.js';
import { formatDiagnosticLine, formatSummary, toJson, type FileDiagnostic } from '../diagnostics-output.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { loadRules } from '../load-rules.js';

export interface CheckOptions {
  readonly format: 'text' | 'json';
  readonly strict?: boolean;
}

/** `leadscore check FILE...`: every diagnostic of every file, then a summary. */
export function runCheck(files: readonly string[], options: CheckOptions): number {
  const all: FileDiagnostic[] = [];
  let unreadable = 0;
  for (const path of files) {
    try {
      const loaded = loadRules(path);
      for (const diagnostic of loaded.diagnostics) all.push({ file: diagnostic.file ?? path, diagnostic });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      process.stderr.write(`leadscore: ${e.message}\n`);
      unreadable++;
    }
  }
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(all.map(toJson), null, 2)}\n`);
  } else {
    for (const d of all) process.stderr.write(`${formatDiagnosticLine(d)}\n`);
    // Only the files that could be read were checked: "no problems" must not cover a file that was never opened.
    if (files.length > unreadable) process.stderr.write(`${formatSummary(all, files.length - unreadable)}\n`);
  }
  if (unreadable > 0) return EXIT.usage;
  const diagnostics = all.map((d) => d.diagnostic);
  if (hasErrors(diagnostics) || (options.strict && diagnostics.length > 0)) return EXIT.rulesFailed;
  return EXIT.ok;
}
