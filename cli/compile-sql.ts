import { isDialectName, DIALECT_NAMES } from '../compiler/codegen/sql/dialect.js';
import { SqlGenerationError } from '../compiler/codegen/sql/quoting.js';
import { generateSql } from '../compiler/codegen/sql/query.js';
import { EXIT, UsageError } from './exit-codes.js';
import { programOrReport, reportTargetProblems } from './rules-or-exit.js';
import { sqlTargetDiagnostics } from '../compiler/codegen/sql/target-diagnostics.js';
import { asOfInstant, checkTimeZone } from './time-options.js';
import { writeOutput } from './output.js';

export interface CompileSqlOptions {
  readonly dialect?: string;
  readonly leadsTable?: string;
  readonly eventsTable?: string;
  readonly asOf?: string;
  readonly tz?: string;
  readonly out?: string;
}

/**
 * `leadscore compile RULES --target sql --dialect D`: one query over the
 * leads and events tables (docs/warehouse.md). Bad options are usage errors
 * (exit 2); a rule file the SQL target cannot express (no schema, a field
 * without one type) exits 1 like any other rule error.
 */
export function runCompileSql(rulesPath: string, options: CompileSqlOptions): number {
  if (options.dialect === undefined)
    throw new UsageError(`--target sql needs --dialect: one of ${DIALECT_NAMES.join(', ')}`);
  if (!isDialectName(options.dialect))
    throw new UsageError(
      `--dialect "${options.dialect}" is not a SQL dialect leadscore knows: use one of ${DIALECT_NAMES.join(', ')}`,
    );
  for (const [flag, name] of [
    ['--leads-table', options.leadsTable],
    ['--events-table', options.eventsTable],
  ] as const) {
    if (name !== undefined && (name.length === 0 || name.split('.').some((part) => part.length === 0))) {
      throw new UsageError(`${flag} "${name}" is not a table name: write table, schema.table or project.dataset.table`);
    }
  }
  const timeZone = checkTimeZone(options.tz);
  // Without --as-of the query reads the dialect's named parameter (as_of), so one query serves every run.
  const asOf = options.asOf === undefined ? undefined : asOfInstant(options.asOf, timeZone);
  const { program } = programOrReport(rulesPath);
  if (!program) return EXIT.rulesFailed;
  if (reportTargetProblems(rulesPath, sqlTargetDiagnostics(program))) return EXIT.rulesFailed;
  let sql: string;
  try {
    sql = generateSql(program, {
      dialect: options.dialect,
      ...(options.leadsTable !== undefined && { leadsTable: options.leadsTable }),
      ...(options.eventsTable !== undefined && { eventsTable: options.eventsTable }),
      ...(asOf !== undefined && { asOf }),
    });
  } catch (e) {
    if (!(e instanceof SqlGenerationError)) throw e;
    process.stderr.write(`${rulesPath}: error: ${e.message}\n`);
    return EXIT.rulesFailed;
  }
  writeOutput(sql, options.out);
  return EXIT.ok;
}
