/**
 * What every command that scores a leads file sets up first (`score`,
 * `report`, `tune`): the time zone and `--as-of`, the leads and events files
 * (format from the name, `--encoding`), outputs that must not be inputs, the
 * rules and their schema validators, and how invalid records are reported.
 */
import { instantiateScorer } from '../compiler/codegen/js-function.js';
import type { Program } from '../compiler/program.js';
import { compileValidators, type Validators } from '../compiler/schema/validators.js';
import type { Scorer } from '../core/score-result.js';
import type { BatchOptions } from '../runtime/batch/score-file.js';
import type { RejectedRecord } from '../runtime/batch/rejects.js';
import { rejectMessage } from './reject-message.js';
import { dataEncoding, dataFormat } from './data-format.js';
import { EXIT } from './exit-codes.js';
import type { LoadedRules } from './load-rules.js';
import { refuseCollisions, ruleInputs, type NamedPath } from './path-collisions.js';
import { programOrReport } from './rules-or-exit.js';
import { asOfInstant, checkTimeZone } from './time-options.js';

export interface InputOptions {
  readonly leads: string;
  readonly events?: string;
  /** Text encoding of the data files: auto, utf-8 or shift_jis. */
  readonly encoding?: string;
  readonly asOf?: string;
  readonly tz?: string;
}

export interface ScoringSetup {
  readonly rules: LoadedRules;
  readonly program: Program;
  readonly scorer: Scorer;
  readonly validators: Validators | undefined;
  readonly now: number;
  readonly timeZone: string | undefined;
  readonly leads: BatchOptions['leads'];
  readonly events: BatchOptions['events'];
}

/**
 * Checks the options and loads the rules; returns EXIT.rulesFailed when the
 * rules have errors (reported). `outputs` are refused when they name an
 * input, before the rules are read and again with the schema they name.
 */
export function setUpScoring(
  rulesPath: string,
  options: InputOptions,
  outputs: readonly (NamedPath | undefined)[],
  loaded?: { readonly rules: LoadedRules; readonly program: Program },
): ScoringSetup | number {
  const timeZone = checkTimeZone(options.tz);
  const now = asOfInstant(options.asOf, timeZone);
  const encoding = dataEncoding(options.encoding);
  const leads = { path: options.leads, format: dataFormat(options.leads, '--leads'), encoding };
  const events =
    options.events === undefined
      ? undefined
      : { path: options.events, format: dataFormat(options.events, '--events'), encoding };
  const dataInputs = [{ what: '--leads', path: leads.path }, events && { what: '--events', path: events.path }];
  refuseCollisions([{ what: 'rule', path: rulesPath }, ...dataInputs], outputs);
  const { rules, program } = loaded ?? programOrReport(rulesPath);
  if (!program) return EXIT.rulesFailed;
  refuseCollisions([...ruleInputs(rules), ...dataInputs], outputs);
  return {
    rules,
    program,
    scorer: instantiateScorer(program, timeZone),
    validators: rules.schema && compileValidators(rules.schema),
    now,
    timeZone,
    leads,
    events,
  };
}

/** The parts of the batch options a setup gives, without the keys it has no value for. */
export function batchInputs(
  setup: ScoringSetup,
): Pick<BatchOptions, 'scorer' | 'schema' | 'validators' | 'leads' | 'events' | 'now' | 'timeZone'> {
  return {
    scorer: setup.scorer,
    ...(setup.rules.schema && { schema: setup.rules.schema }),
    ...(setup.validators && { validators: setup.validators }),
    leads: setup.leads,
    ...(setup.events && { events: setup.events }),
    now: setup.now,
    ...(setup.timeZone && { timeZone: setup.timeZone }),
  };
}

/** How many invalid records are listed on stderr before the rest are only counted. */
export const REJECTS_SHOWN = 20;

/** Lists the first REJECTS_SHOWN invalid records through `log` and hands every one to `keep` (--rejects). */
export function rejectReporter(
  log: (line: string) => void,
  keep?: (reject: RejectedRecord) => void,
): { readonly onReject: (reject: RejectedRecord) => void; readonly shown: () => number } {
  let shown = 0;
  return {
    onReject: (r) => {
      if (shown++ < REJECTS_SHOWN) log(`${rejectMessage(r)}\n`);
      keep?.(r);
    },
    shown: () => shown,
  };
}
