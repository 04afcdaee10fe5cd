/** What `report` and `tune` share: scoring the leads once and pairing each score with its outcome. */
import type { Program } from '../compiler/program.js';
import { didYouMean, suggest } from '../compiler/suggest.js';
import { scoreFile, type BatchSummary } from '../runtime/batch/score-file.js';
import { DataFileError } from '../runtime/readers/errors.js';
import { unreadableDataFile } from './data-format.js';
import { batchInputs, rejectReporter, setUpScoring } from './scoring-setup.js';
import { cohortOf } from '../runtime/report/cohort.js';
import { parseCriterion, type Criterion } from '../runtime/statistics/metrics.js';
import { contributionsOf, ruleInfos, type Observation } from '../runtime/statistics/observation.js';
import { readOutcome } from '../runtime/report/outcome.js';
import { EXIT, UsageError } from './exit-codes.js';
import { type LoadedRules } from './load-rules.js';

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
  /** Text encoding of the data files: auto, utf-8 or shift_jis. */
  readonly encoding?: string;
  readonly events?: string;
  readonly outcome?: string;
  readonly asOf?: string;
  readonly tz?: string;
  readonly by?: string;
  /** The command's output, which must not be one of its inputs. */
  readonly out?: string;
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
  const setup = setUpScoring(rulesPath, options, [{ what: '--out', path: options.out ?? '-' }], loaded);
  if (typeof setup === 'number') return setup;
  const { rules, program, now, timeZone } = setup;
  const infos = ruleInfos(program);

  const observations: Observation[] = [];
  const fieldsSeen = new Set<string>();
  let outcomePresent = 0;
  let unreadableOutcomes = 0;
  let unreadableExample: string | undefined;
  let numberOutcome: { id: unknown; value: number } | undefined;
  const { onReject } = rejectReporter((line) => process.stderr.write(line));
  let summary: BatchSummary;
  try {
    summary = await scoreFile({
      ...batchInputs(setup),
      onResult: (result, record) => {
        if (fieldsSeen.size < 500) for (const k of Object.keys(record)) fieldsSeen.add(k);
        let converted = false;
        if (options.outcome !== undefined) {
          const raw = Object.hasOwn(record, options.outcome) ? record[options.outcome] : undefined;
          const outcome = readOutcome(raw);
          if (outcome.present) outcomePresent++;
          if (outcome.notZeroOne) numberOutcome ??= { id: result.id, value: raw as number };
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
    throw e instanceof DataFileError ? unreadableDataFile(e) : e;
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
  if (numberOutcome !== undefined) {
    throw new UsageError(
      `--outcome ${options.outcome}: lead ${JSON.stringify(numberOutcome.id)} has ${options.outcome} = ${numberOutcome.value}; a number as the outcome must be 1 (became an opportunity) or 0 (did not). ` +
        `Name a true/false field or the date the opportunity was created (a count or an amount is not an outcome)`,
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
