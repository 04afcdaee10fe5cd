/** What `report` and `tune` share: scoring the leads once and pairing each score with its outcome. */
import { instantiateScorer } from '../compiler/codegen/js-function.js';
import type { Program } from '../compiler/program.js';
import { compileValidators } from '../compiler/schema/validators.js';
import { didYouMean, suggest } from '../compiler/suggest.js';
import { scoreFile, type BatchSummary } from '../runtime/batch/score-file.js';
import { describeReject, type RejectedRecord } from '../runtime/batch/rejects.js';
import { DataFileError } from '../runtime/readers/errors.js';
import { dataFormat } from './data-format.js';
import { cohortOf } from '../runtime/report/cohort.js';
import { parseCriterion, type Criterion } from '../runtime/statistics/metrics.js';
import { contributionsOf, ruleInfos, type Observation } from '../runtime/statistics/observation.js';
import { readOutcome } from '../runtime/report/outcome.js';
import type { Scorer } from '../core/score-result.js';
import { EXIT, UsageError } from './exit-codes.js';
import { type LoadedRules } from './load-rules.js';
import { programOrReport } from './rules-or-exit.js';
import { asOfInstant, checkTimeZone } from './time-options.js';

export function criterionOption(text: string): Criterion {
  const c = parseCriterion(text);
  if (!c)
    throw new UsageError(
      `--criterion "${text}": use f1, youden, or precision=P with P between 0 and 1 (e.g. precision=0.3)`,
    );
  return c;
}

export interface CollectOptions {
  readonly leads: string;
  readonly events?: string;
  readonly outcome?: string;
  readonly asOf?: string;
  readonly tz?: string;
  readonly by?: string;
}

export interface Collected {
  readonly rules: LoadedRules;
  readonly program: Program;
  readonly now: number;
  readonly timeZone: string | undefined;
  readonly observations: Observation[];
  readonly summary: BatchSummary;
  readonly unreadableOutcomes: number;
  readonly unreadableExample?: string;
  /** EXIT.invalidData when some records were invalid (the report is still written), else EXIT.ok. */
  readonly exitCode: number;
}

/** How many invalid records are listed on stderr before the rest are only counted. */
const REJECTS_SHOWN = 20;

/**
 * Loads the rules, scores every lead with `explain` and keeps one observation
 * per lead. Returns an exit code instead when the rules have errors (1) or the
 * outcome field is in no lead (2, with a did-you-mean). Shared by `report` and `tune`.
 */
export async function collectObservations(
  rulesPath: string,
  options: CollectOptions,
  loaded?: { readonly rules: LoadedRules; readonly program: Program },
): Promise<Collected | number> {
  const timeZone = checkTimeZone(options.tz);
  const now = asOfInstant(options.asOf, timeZone);
  const leads = { path: options.leads, format: dataFormat(options.leads, '--leads') };
  const events =
    options.events === undefined ? undefined : { path: options.events, format: dataFormat(options.events, '--events') };
  const { rules, program } = loaded ?? programOrReport(rulesPath);
  if (!program) return EXIT.rulesFailed;
  const scorer: Scorer = instantiateScorer(program, timeZone);
  const validators = rules.schema && compileValidators(rules.schema);
  const infos = ruleInfos(program);

  const observations: Observation[] = [];
  const fieldsSeen = new Set<string>();
  let outcomePresent = 0;
  let unreadableOutcomes = 0;
  let unreadableExample: string | undefined;
  let shown = 0;
  const onReject = (r: RejectedRecord): void => {
    if (shown++ < REJECTS_SHOWN) process.stderr.write(`${describeReject(r)}\n`);
  };
  let summary: BatchSummary;
  try {
    summary = await scoreFile({
      scorer,
      ...(rules.schema && { schema: rules.schema }),
      ...(validators && { validators }),
      leads,
      ...(events && { events }),
      now,
      ...(timeZone && { timeZone }),
      onResult: (result, record) => {
        if (fieldsSeen.size < 500) for (const k of Object.keys(record)) fieldsSeen.add(k);
        let converted = false;
        if (options.outcome !== undefined) {
          const raw = Object.hasOwn(record, options.outcome) ? record[options.outcome] : undefined;
          const outcome = readOutcome(raw);
          if (outcome.present) outcomePresent++;
          if (!outcome.readable) {
            unreadableOutcomes++;
            unreadableExample ??= JSON.stringify(raw);
          }
          converted = outcome.converted;
        }
        observations.push({
          id: result.id,
          score: result.score,
          tier: result.tier,
          converted,
          ...(options.by !== undefined && {
            cohort: cohortOf(Object.hasOwn(record, options.by) ? record[options.by] : undefined, timeZone),
          }),
          contributions: contributionsOf(infos, result.reasons),
        });
      },
      onReject,
    });
  } catch (e) {
    if (!(e instanceof DataFileError)) throw e;
    if (e.code === 'cannot-open') throw new UsageError(e.message);
    process.stderr.write(
      `leadscore: ${e.file}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}: ${e.message}\n`,
    );
    return EXIT.invalidData;
  }
  const invalid = summary.invalidLeads + summary.invalidEvents;
  if (invalid > 0) {
    process.stderr.write(
      `leadscore: ${summary.invalidLeads} invalid lead record${summary.invalidLeads === 1 ? '' : 's'} (left out of the figures) and ${summary.invalidEvents} invalid event record${summary.invalidEvents === 1 ? '' : 's'}\n`,
    );
  }
  if (options.outcome !== undefined && outcomePresent === 0 && observations.length > 0) {
    const known = new Set<string>(fieldsSeen);
    for (const name of rules.schema?.lead.properties?.keys() ?? []) known.add(name);
    throw new UsageError(
      `--outcome ${options.outcome}: no lead in ${options.leads} has a field "${options.outcome}"${didYouMean(suggest(options.outcome, known))}; ` +
        `the outcome is the lead field that says the lead became an opportunity (true/false, or the date it did)`,
    );
  }
  if (options.by !== undefined && observations.length > 0 && !fieldsSeen.has(options.by)) {
    const known = new Set<string>(fieldsSeen);
    for (const name of rules.schema?.lead.properties?.keys() ?? []) known.add(name);
    throw new UsageError(
      `--by ${options.by}: no lead in ${options.leads} has a field "${options.by}"${didYouMean(suggest(options.by, known))}`,
    );
  }
  return {
    rules,
    program,
    now,
    timeZone,
    observations,
    summary,
    unreadableOutcomes,
    ...(unreadableExample !== undefined && { unreadableExample }),
    exitCode: invalid > 0 ? EXIT.invalidData : EXIT.ok,
  };
}
