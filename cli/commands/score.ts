import type { Writable } from 'node:stream';
import { compileValidators } from '../../compiler/schema/validators.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { scoreFile, type BatchSummary } from '../../runtime/batch/score-file.js';
import { eventReadsOf } from '../../compiler/analysis/event-reads.js';
import { describeReject, type RejectedRecord } from '../../runtime/batch/rejects.js';
import { DataFileError } from '../../runtime/readers/errors.js';
import { dataFormat } from '../data-format.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { startProgress } from '../progress.js';
import { createSink } from '../result-sink.js';
import { programOrReport } from '../rules-or-exit.js';
import { asOfInstant, checkTimeZone } from '../time-options.js';
import { runScoreDuckDB } from '../score-duckdb.js';
import { openOutputStream } from '../output.js';
import type { ScoreOptions } from '../score-options.js';

/** How many invalid records are listed on stderr before the rest are only counted. */
const REJECTS_SHOWN = 20;

/** `leadscore score RULES --leads FILE …`: scores every lead, streaming. */
export async function runScore(rulesPath: string, options: ScoreOptions): Promise<number> {
  if (options.engine === 'duckdb') return runScoreDuckDB(rulesPath, options);
  const timeZone = checkTimeZone(options.tz);
  const now = asOfInstant(options.asOf, timeZone);
  const leads = { path: options.leads, format: dataFormat(options.leads, '--leads') };
  const events =
    options.events === undefined ? undefined : { path: options.events, format: dataFormat(options.events, '--events') };

  const { rules, program } = programOrReport(rulesPath);
  if (!program) return EXIT.rulesFailed;
  const scorer = instantiateScorer(program, timeZone);
  const validators = rules.schema && compileValidators(rules.schema);

  const output =
    options.out === undefined || options.out === '-' ? process.stdout : await openOutputStream(options.out, '--out');
  const rejectsFile = options.rejects === undefined ? undefined : await openOutputStream(options.rejects, '--rejects');
  const sink = createSink(
    output,
    options.format,
    program.groups.map((g) => g.name.name),
    { bom: options.bom === true },
  );
  const progress = startProgress(leads.path);
  let shown = 0;
  const onReject = (r: RejectedRecord): void => {
    if (shown++ < REJECTS_SHOWN) progress.log(`${describeReject(r)}\n`);
    rejectsFile?.write(`${JSON.stringify(r)}\n`);
  };

  let summary: BatchSummary;
  try {
    summary = await scoreFile({
      scorer,
      ...(rules.schema && { schema: rules.schema }),
      ...(validators && { validators }),
      leads,
      ...(events && { events }),
      eventReads: eventReadsOf(program),
      now,
      ...(timeZone && { timeZone }),
      onResult: (lead) => sink.write(lead),
      onReject,
      onProgress: (n, bytes) => progress.update(n, bytes),
    });
  } catch (e) {
    progress.stop();
    if (!(e instanceof DataFileError)) throw e;
    if (e.code === 'cannot-open') throw new UsageError(e.message);
    process.stderr.write(
      `leadscore: ${e.file}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}: ${e.message}\n`,
    );
    return EXIT.invalidData;
  } finally {
    await sink.end();
    if (rejectsFile) await closeStream(rejectsFile);
  }
  progress.stop();
  process.stderr.write(`${describeSummary(summary, shown, options.rejects)}\n`);
  return summary.invalidLeads + summary.invalidEvents > 0 ? EXIT.invalidData : EXIT.ok;
}

function closeStream(stream: Writable): Promise<void> {
  return new Promise((resolve) => stream.end(() => resolve()));
}

function describeSummary(s: BatchSummary, shown: number, rejectsPath: string | undefined): string {
  const parts = [`scored ${s.scored} of ${s.leadRecords} lead${s.leadRecords === 1 ? '' : 's'}`];
  if (s.events > 0) parts.push(`${s.events} events from the events file`);
  const lines = [parts.join(', ')];
  const invalid = s.invalidLeads + s.invalidEvents;
  if (invalid > 0) {
    lines.push(
      `${s.invalidLeads} invalid lead record${s.invalidLeads === 1 ? '' : 's'} (not scored) and ${s.invalidEvents} invalid event record${s.invalidEvents === 1 ? '' : 's'} (left out of their lead's score)` +
        (shown > REJECTS_SHOWN ? `; the first ${REJECTS_SHOWN} are listed above` : '') +
        (rejectsPath ? `; all are in ${rejectsPath}` : '; add --rejects FILE to keep them'),
    );
  }
  if (s.unmatchedEvents > 0) {
    lines.push(
      `warning: ${s.unmatchedEvents} event${s.unmatchedEvents === 1 ? '' : 's'} name a lead_id that is not in the leads file (e.g. ${JSON.stringify(s.unmatchedExample)})`,
    );
  }
  return lines.join('\n');
}
