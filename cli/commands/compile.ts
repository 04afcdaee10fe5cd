import { generateJsModule } from '../../compiler/codegen/js-module.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { programOrReport } from '../rules-or-exit.js';
import { checkTimeZone } from '../time-options.js';
import { runCompileSql } from '../compile-sql.js';
import { writeOutput } from '../output.js';

export interface CompileOptions {
  readonly target: 'js' | 'sql';
  readonly dialect?: string;
  readonly out?: string;
  readonly tz?: string;
  readonly leadsTable?: string;
  readonly eventsTable?: string;
  readonly asOf?: string;
}

/** `leadscore compile RULES --target js`: a standalone ES module on stdout or in --out. */
export function runCompile(rulesPath: string, options: CompileOptions): number {
  if (options.target === 'sql') return runCompileSql(rulesPath, options);
  for (const [flag, value] of [
    ['--dialect', options.dialect],
    ['--leads-table', options.leadsTable],
    ['--events-table', options.eventsTable],
    ['--as-of', options.asOf],
  ] as const) {
    if (value !== undefined) throw new UsageError(`${flag} is for --target sql`);
  }
  const timeZone = checkTimeZone(options.tz);
  const { program } = programOrReport(rulesPath);
  if (!program) return EXIT.rulesFailed;
  const code = generateJsModule(program, { sourceName: rulesPath, ...(timeZone && { timeZone }) });
  writeOutput(code, options.out);
  return EXIT.ok;
}
