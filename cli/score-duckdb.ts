import { existsSync, statSync } from 'node:fs';
import { SqlGenerationError } from '../compiler/codegen/sql/quoting.js';
import { inputFormatOf, type InputFile } from '../runtime/duckdb/input-file.js';
import { InputError } from '../runtime/duckdb/input-views.js';
import { scoreWithDuckDB, type DuckDBSummary } from '../runtime/duckdb/score-duckdb.js';
import { dataEncoding } from './data-format.js';
import { EXIT, UsageError } from './exit-codes.js';
import { createSink } from './result-sink.js';
import { programOrReport, reportTargetProblems } from './rules-or-exit.js';
import { sqlTargetDiagnostics } from '../compiler/codegen/sql/target-diagnostics.js';
import { asOfInstant, checkTimeZone } from './time-options.js';
import { sinkOptions, type ScoreOptions } from './score-options.js';
import { openOutput } from './output.js';
import { refuseCollisions, ruleInputs } from './path-collisions.js';

/**
 * `leadscore score --engine duckdb`: the same output shape as the JavaScript
 * engine, with `reasons` always empty and lighter validation (docs/warehouse.md).
 */
export async function runScoreDuckDB(rulesPath: string, options: ScoreOptions): Promise<number> {
  const timeZone = checkTimeZone(options.tz);
  const now = asOfInstant(options.asOf, timeZone);
  if (dataEncoding(options.encoding) === 'shift_jis')
    throw new UsageError(
      '--encoding shift_jis is not available with --engine duckdb, which reads UTF-8 only: use --engine js, or save the file as UTF-8',
    );
  if (options.rejects !== undefined)
    throw new UsageError(
      '--rejects is not available with --engine duckdb: it does not validate records one by one; use --engine js',
    );
  const leads = inputFile(options.leads, '--leads');
  const events = options.events === undefined ? undefined : inputFile(options.events, '--events');
  const inputs = [
    { what: 'rule', path: rulesPath },
    { what: '--leads', path: leads.path },
    events && { what: '--events', path: events.path },
  ];
  const outputs = [{ what: '--out', path: options.out ?? '-' }];
  refuseCollisions(inputs, outputs);
  const { rules, program } = programOrReport(rulesPath);
  if (!program) return EXIT.rulesFailed;
  if (reportTargetProblems(rulesPath, sqlTargetDiagnostics(program))) return EXIT.rulesFailed;
  refuseCollisions([...inputs, ...ruleInputs(rules).slice(1)], outputs);

  const sinkSettings = sinkOptions(options);
  const output = openOutput(options.out, '--out');
  const sink = createSink(
    output.stream,
    options.format,
    program.groups.map((g) => g.name.name),
    sinkSettings,
  );
  let summary: DuckDBSummary;
  try {
    summary = await scoreWithDuckDB({
      program,
      leads,
      ...(events && { events }),
      now,
      ...(timeZone && { timeZone }),
      onResult: (lead) => sink.write(lead),
    });
    await sink.end();
    await output.commit();
  } catch (e) {
    output.abort();
    if (e instanceof InputError) throw new UsageError(e.message);
    if (e instanceof SqlGenerationError) {
      process.stderr.write(`${rulesPath}: error: ${e.message}\n`);
      return EXIT.rulesFailed;
    }
    throw e;
  }
  process.stderr.write(`scored ${summary.scored} lead${summary.scored === 1 ? '' : 's'} with DuckDB\n`);
  if (summary.invalidTimes > 0) {
    const examples = summary.invalidTimeExamples.map((t) => t ?? 'missing').join(', ');
    process.stderr.write(
      `${summary.invalidTimes} event record${summary.invalidTimes === 1 ? '' : 's'} without a valid at (not scored; e.g. ${examples}): at must be an ISO 8601 time such as 2026-11-01T09:00:00+09:00 or 2026-11-01; use --engine js to list them with --rejects\n`,
    );
  }
  if (summary.withoutId > 0)
    process.stderr.write(
      `${summary.withoutId} lead record${summary.withoutId === 1 ? '' : 's'} without an id (not scored)\n`,
    );
  if (summary.withoutId > 0 || summary.invalidTimes > 0) return EXIT.invalidData;
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
  if (!statSync(path).isFile()) throw new UsageError(`${flag} ${path}: it is a folder, not a file`);
  return { path, format };
}
