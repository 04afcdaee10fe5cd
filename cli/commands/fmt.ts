import { readFileSync, writeFileSync } from 'node:fs';
import { format } from '../../grammar/format.js';
import { formatDiagnosticLine } from '../diagnostics-output.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { describeFsError } from '../../runtime/readers/fs-errors.js';

export interface FmtOptions {
  readonly check?: boolean;
}

/**
 * `leadscore fmt [--check] FILE...`: rewrites rule files in the canonical
 * layout. With --check nothing is written: the files that would change are
 * listed on stdout and the exit code is 1 if there are any. `-` formats stdin
 * to stdout (for editors).
 */
export function runFmt(files: readonly string[], options: FmtOptions): number {
  let failed = false;
  let unreadable = false;
  const changed: string[] = [];
  for (const path of files) {
    let source: string;
    try {
      source = readFileSync(path === '-' ? 0 : path, 'utf8');
    } catch (e) {
      process.stderr.write(`leadscore: cannot open ${path}: ${describeFsError(e)}\n`);
      unreadable = true;
      continue;
    }
    const result = format(source);
    if (!result.ok) {
      for (const diagnostic of result.diagnostics) {
        if (diagnostic.severity === 'error')
          process.stderr.write(`${formatDiagnosticLine({ file: path, diagnostic })}\n`);
      }
      process.stderr.write(`${path}: not formatted: fix the syntax errors above first\n`);
      failed = true;
      continue;
    }
    if (path === '-') {
      process.stdout.write(result.text);
      continue;
    }
    if (result.text === source) continue;
    changed.push(path);
    if (options.check) {
      process.stdout.write(`${path}\n`);
    } else {
      try {
        writeFileSync(path, result.text);
      } catch (e) {
        throw new UsageError(`cannot write ${path}: ${describeFsError(e)}`);
      }
    }
  }
  const checked = files.filter((f) => f !== '-').length;
  if (checked > 0) {
    const verb = options.check ? 'would be reformatted' : 'reformatted';
    process.stderr.write(`${changed.length} of ${checked} file${checked === 1 ? '' : 's'} ${verb}\n`);
  }
  if (unreadable) return EXIT.usage;
  if (failed || (options.check && changed.length > 0)) return EXIT.rulesFailed;
  return EXIT.ok;
}
