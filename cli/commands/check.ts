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
  let unreadable = false;
  for (const path of files) {
    try {
      const loaded = loadRules(path);
      for (const diagnostic of loaded.diagnostics) all.push({ file: diagnostic.file ?? path, diagnostic });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      process.stderr.write(`leadscore: ${e.message}\n`);
      unreadable = true;
    }
  }
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(all.map(toJson), null, 2)}\n`);
  } else {
    for (const d of all) process.stderr.write(`${formatDiagnosticLine(d)}\n`);
    process.stderr.write(`${formatSummary(all, files.length)}\n`);
  }
  if (unreadable) return EXIT.usage;
  const diagnostics = all.map((d) => d.diagnostic);
  if (hasErrors(diagnostics) || (options.strict && diagnostics.length > 0)) return EXIT.rulesFailed;
  return EXIT.ok;
}
