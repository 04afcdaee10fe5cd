import { existsSync } from 'node:fs';
import { SqlGenerationError } from '../compiler/codegen/sql/quoting.js';
import { inputFormatOf, type InputFile } from '../runtime/duckdb/input-file.js';
import { InputError } from '../runtime/duckdb/input-views.js';
import { scoreWithDuckDB } from '../runtime/duckdb/score-duckdb.js';
import { EXIT, UsageError } from './exit-codes.js';
import { createSink } from './result-sink.js';
import { programOrReport, reportTargetProblems } from './rules-or-exit.js';
import { sqlTargetDiagnostics } from '../compiler/codegen/sql/target-diagnostics.js';
import { asOfInstant, checkTimeZone } from './time-options.js';
import type { ScoreOptions } from './score-options.js';
import { openOutputStream } from './output.js';

/**
 * `leadscore score --engine duckdb`: the same output shape as the JavaScript
 * engine, with `reasons` always empty and lighter validation (docs/warehouse.md).
 */
export async function runScoreDuckDB(rulesPath: string, options: ScoreOptions): Promise<number> {
  const timeZone = checkTimeZone(options.tz);
  const now = asOfInstant(options.asOf, timeZone);
  if (options.rejects !== undefined)
    throw new UsageError(
      '--rejects is not available with --engine duckdb: it does not validate records one by one; use --engine js',
    );
  const leads = inputFile(options.leads, '--leads');
  const events = options.events === undefined ? undefined : inputFile(options.events, '--events');
  const { program } = programOrReport(rulesPath);
  if (!program) return EXIT.rulesFailed;
  if (reportTargetProblems(rulesPath, sqlTargetDiagnostics(program))) return EXIT.rulesFailed;

  const output =
    options.out === undefined || options.out === '-' ? process.stdout : await openOutputStream(options.out, '--out');
  const sink = createSink(
    output,
    options.format,
    program.groups.map((g) => g.name.name),
    { bom: options.bom === true },
  );
  let summary: { scored: number; withoutId: number };
  try {
    summary = await scoreWithDuckDB({
      program,
      leads,
      ...(events && { events }),
      now,
      ...(timeZone && { timeZone }),
      onResult: (lead) => sink.write(lead),
    });
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    if (e instanceof SqlGenerationError) {
      process.stderr.write(`${rulesPath}: error: ${e.message}\n`);
      return EXIT.rulesFailed;
    }
    throw e;
  } finally {
    await sink.end();
  }
  process.stderr.write(`scored ${summary.scored} lead${summary.scored === 1 ? '' : 's'} with DuckDB\n`);
  if (summary.withoutId > 0) {
    process.stderr.write(
      `${summary.withoutId} lead record${summary.withoutId === 1 ? '' : 's'} without an id (not scored)\n`,
    );
    return EXIT.invalidData;
  }
  return EXIT.ok;
}

function inputFile(path: string, flag: string): InputFile {
  if (path === '-') throw new UsageError(`${flag} -: --engine duckdb reads files only, not stdin`);
  const format = inputFormatOf(path);
  if (!format)
    throw new UsageError(
      `${flag} ${path}: cannot tell the file's format from its name; --engine duckdb reads .parquet, .csv, .json, .jsonl and .ndjson`,
    );
  if (!existsSync(path)) throw new UsageError(`${flag} ${path}: no such file`);
  return { path, format };
}
