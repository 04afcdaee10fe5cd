import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { diffRuleFiles, isEmptyDiff, type SemanticDiff } from '../../compiler/diff/semantic-diff.js';
import type { Program } from '../../compiler/program.js';
import { compileValidators, type Validators } from '../../compiler/schema/validators.js';
import { hasErrors } from '../../grammar/diagnostic.js';
import { scoreFile } from '../../runtime/batch/score-file.js';
import { rejectMessage } from '../reject-message.js';
import { ImpactCollector, type Impact } from '../../runtime/impact/impact.js';
import { renderDiffMarkdown } from '../../runtime/impact/render-markdown.js';
import { DataFileError } from '../../runtime/readers/errors.js';
import type { ExplainedScore, Scorer } from '../../core/score-result.js';
import { dataEncoding, dataFormat, unreadableDataFile } from '../data-format.js';
import { refuseCollisions } from '../path-collisions.js';
import { formatDiagnosticLine } from '../diagnostics-output.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { loadRuleVersion, type RuleVersion } from '../rule-source.js';
import { asOfInstant, checkTimeZone } from '../time-options.js';
import { writeOutput } from '../output.js';

export interface DiffOptions {
  readonly leads?: string;
  /** Text encoding of the data files: auto, utf-8 or shift_jis. */
  readonly encoding?: string;
  readonly events?: string;
  readonly asOf?: string;
  readonly tz?: string;
  readonly format: 'md' | 'json';
  readonly out?: string;
  readonly top?: string;
}

/**
 * `leadscore diff OLD NEW [--leads F]`: what a rule change means, rule by
 * rule, and with leads what it does to them. Exit 0 whether or not anything
 * changed (a report is not a gate); 1 when a version does not check; 3 when
 * leads were invalid under either version's schema (they are left out and
 * listed).
 */
export async function runDiff(oldSpec: string, newSpec: string, options: DiffOptions): Promise<number> {
  const timeZone = checkTimeZone(options.tz);
  const now = asOfInstant(options.asOf, timeZone);
  const top = options.top === undefined ? 10 : Number(options.top);
  if (!Number.isInteger(top) || top < 0) throw new UsageError(`--top "${options.top}" must be a whole number`);
  const before = checkedVersion(oldSpec);
  const after = checkedVersion(newSpec);
  if (!before.program || !after.program) return EXIT.rulesFailed;
  refuseCollisions(
    [
      ...before.files.map((path) => ({ what: 'OLD', path })),
      ...after.files.map((path) => ({ what: 'NEW', path })),
      options.leads === undefined ? undefined : { what: '--leads', path: options.leads },
      options.events === undefined ? undefined : { what: '--events', path: options.events },
    ],
    [{ what: '--out', path: options.out ?? '-' }],
  );

  const diff = diffRuleFiles(before.file, after.file);
  let impact: Impact | undefined;
  let invalidLeads = 0;
  let invalidEvents = 0;
  if (options.leads !== undefined) {
    ({ impact, invalidLeads, invalidEvents } = await measureImpact(before, after, diff, {
      ...options,
      leads: options.leads,
      now,
      timeZone,
      top,
    }));
  }
  const meta = {
    oldName: oldSpec,
    newName: newSpec,
    ...(options.asOf && { asOf: options.asOf }),
    ...(options.leads && { leadsFile: options.leads }),
    invalidLeads,
  };
  const text =
    options.format === 'json'
      ? `${JSON.stringify({ old: oldSpec, new: newSpec, changed: !isEmptyDiff(diff), changes: withoutPairs(diff), ...(impact && { impact }), invalidLeads, invalidEvents }, null, 2)}\n`
      : renderDiffMarkdown(diff, impact, meta) + '\n';
  writeOutput(text, options.out);
  if (isEmptyDiff(diff)) process.stderr.write('no change\n');
  return invalidLeads + invalidEvents > 0 ? EXIT.invalidData : EXIT.ok;
}

function checkedVersion(spec: string): RuleVersion & { program?: Program } {
  const version = loadRuleVersion(spec);
  for (const diagnostic of version.diagnostics) {
    if (diagnostic.severity === 'error')
      process.stderr.write(`${formatDiagnosticLine({ file: diagnostic.file ?? spec, diagnostic })}\n`);
  }
  if (hasErrors(version.diagnostics)) process.stderr.write(`${spec}: has errors; fix them to compare the versions\n`);
  return version;
}

async function measureImpact(
  before: RuleVersion & { program?: Program },
  after: RuleVersion & { program?: Program },
  diff: SemanticDiff,
  options: { leads: string; events?: string; now: number; timeZone?: string; top: number; encoding?: string },
): Promise<{ impact: Impact; invalidLeads: number; invalidEvents: number }> {
  const oldScorer = instantiateScorer(before.program!, options.timeZone);
  const newScorer = instantiateScorer(after.program!, options.timeZone);
  const collector = new ImpactCollector({
    oldTiers: before.program!.tiers.map((t) => t.name.name),
    newTiers: after.program!.tiers.map((t) => t.name.name),
    pairs: diff.pairs,
    top: options.top,
  });
  // Score each lead with both versions in one pass; a lead must be valid under both schemas.
  const both: Scorer & { last?: [ExplainedScore, ExplainedScore] } = {
    score: (lead, events, now) => newScorer.score(lead, events, now),
    explain(lead, events, now) {
      const a = oldScorer.explain(lead, events, now);
      const b = newScorer.explain(lead, events, now);
      both.last = [a, b];
      return b;
    },
  };
  let shown = 0;
  try {
    const validators = eitherSchema(before, after);
    const summary = await scoreFile({
      scorer: both,
      ...(after.schema && { schema: after.schema }),
      ...(validators && { validators }),
      leads: {
        path: options.leads,
        format: dataFormat(options.leads, '--leads'),
        encoding: dataEncoding(options.encoding),
      },
      ...(options.events !== undefined && {
        events: {
          path: options.events,
          format: dataFormat(options.events, '--events'),
          encoding: dataEncoding(options.encoding),
        },
      }),
      now: options.now,
      ...(options.timeZone && { timeZone: options.timeZone }),
      onResult: (lead) => collector.add(lead.id, both.last![0], both.last![1]),
      onReject: (r) => {
        if (shown++ < 20) process.stderr.write(`${rejectMessage(r)}\n`);
      },
    });
    return { impact: collector.result(), invalidLeads: summary.invalidLeads, invalidEvents: summary.invalidEvents };
  } catch (e) {
    throw e instanceof DataFileError ? unreadableDataFile(e) : e;
  }
}

/** A lead is compared only when both versions' schemas accept it; the reason names the version. */
function eitherSchema(before: RuleVersion, after: RuleVersion): Validators | undefined {
  const a = before.schema && compileValidators(before.schema);
  const b = after.schema && compileValidators(after.schema);
  if (!a && !b) return undefined;
  const merge = (x: string[], y: string[]): string[] => {
    const common = x.filter((r) => y.includes(r));
    return [
      ...common,
      ...x.filter((r) => !common.includes(r)).map((r) => `${r} (old schema only)`),
      ...y.filter((r) => !common.includes(r)).map((r) => `${r} (new schema only)`),
    ];
  };
  return {
    validateLead: (lead) => merge(a?.validateLead(lead) ?? [], b?.validateLead(lead) ?? []),
    validateEvent: (type, props) => merge(a?.validateEvent(type, props) ?? [], b?.validateEvent(type, props) ?? []),
  };
}

function withoutPairs(diff: SemanticDiff): Omit<SemanticDiff, 'pairs'> {
  const { pairs: _, ...rest } = diff;
  return rest;
}
