import { scoreFile, type BatchSummary } from '../../runtime/batch/score-file.js';
import { eventReadsOf } from '../../compiler/analysis/event-reads.js';
import { DataFileError } from '../../runtime/readers/errors.js';
import { unreadableDataFile } from '../data-format.js';
import { EXIT } from '../exit-codes.js';
import { startProgress } from '../progress.js';
import { createSink } from '../result-sink.js';
import { runScoreDuckDB } from '../score-duckdb.js';
import { openOutput, type OutputFile } from '../output.js';
import { type NamedPath } from '../path-collisions.js';
import { rejectLine } from '../reject-line.js';
import { batchInputs, rejectReporter, REJECTS_SHOWN, setUpScoring } from '../scoring-setup.js';
import { sinkOptions, type ScoreOptions } from '../score-options.js';

/** `leadscore score RULES --leads FILE …`: scores every lead, streaming. */
export async function runScore(rulesPath: string, options: ScoreOptions): Promise<number> {
  if (options.engine === 'duckdb') return runScoreDuckDB(rulesPath, options);
  const setup = setUpScoring(rulesPath, options, scoreOutputs(options));
  if (typeof setup === 'number') return setup;
  const { program } = setup;

  const output = openOutput(options.out, '--out');
  let rejectsFile: OutputFile | undefined;
  try {
    rejectsFile = options.rejects === undefined ? undefined : openOutput(options.rejects, '--rejects');
  } catch (e) {
    output.abort();
    throw e;
  }
  const sink = createSink(
    output.stream,
    options.format,
    program.groups.map((g) => g.name.name),
    sinkOptions(options),
  );
  const progress = startProgress(setup.leads.path);
  const rejects = rejectReporter(
    (line) => progress.log(line),
    rejectsFile && ((r) => rejectsFile.stream.write(`${rejectLine(r)}\n`)),
  );

  let summary: BatchSummary;
  try {
    summary = await scoreFile({
      ...batchInputs(setup),
      eventReads: eventReadsOf(program),
      onResult: (lead) => sink.write(lead),
      onReject: rejects.onReject,
      onProgress: (n, bytes) => progress.update(n, bytes),
    });
    await sink.end();
    await output.commit();
    await rejectsFile?.commit();
  } catch (e) {
    progress.stop();
    output.abort();
    rejectsFile?.abort();
    throw e instanceof DataFileError ? unreadableDataFile(e) : e;
  }
  progress.stop();
  process.stderr.write(`${describeSummary(summary, rejects.shown(), options.rejects)}\n`);
  return summary.invalidLeads + summary.invalidEvents > 0 ? EXIT.invalidData : EXIT.ok;
}

function scoreOutputs(options: ScoreOptions): (NamedPath | undefined)[] {
  return [
    { what: '--out', path: options.out ?? '-' },
    options.rejects === undefined ? undefined : { what: '--rejects', path: options.rejects },
  ];
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
