import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkSource } from '../../compiler/check-source.js';
import { hasErrors } from '../../grammar/diagnostic.js';
import { auc } from '../../runtime/statistics/metrics.js';
import { tierInfos } from '../../runtime/statistics/observation.js';
import { applyReplacements, pointsText } from '../../runtime/tune/rewrite.js';
import { newTierThresholds, type TierThreshold } from '../../runtime/tune/tier-thresholds.js';
import { cannotTune, tunePoints } from '../../runtime/tune/tune-points.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { displayPath, type LoadedRules } from '../load-rules.js';
import { writeOutput } from '../output.js';
import { collectObservations, criterionOption } from '../observations.js';

export interface TuneCliOptions {
  readonly leads: string;
  readonly events?: string;
  readonly outcome: string;
  readonly asOf?: string;
  readonly tz?: string;
  readonly out?: string;
  readonly seed: string;
  readonly holdout: string;
  readonly tiers?: boolean;
  readonly criterion: string;
}

/**
 * `leadscore tune RULES --leads F --outcome FIELD …`: fits the points to the
 * outcomes on a training split, writes a rule file that differs only in its
 * points tokens (and tier thresholds with --tiers), and prints old → new
 * points and the holdout AUC before → after on stderr.
 */
export async function runTune(rulesPath: string, options: TuneCliOptions): Promise<number> {
  const seed = Number(options.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed "${options.seed}": use a whole number`);
  const holdout = Number(options.holdout);
  if (!(holdout > 0 && holdout < 1))
    throw new UsageError(`--holdout "${options.holdout}": use a share between 0 and 1, e.g. 0.3`);
  const criterion = criterionOption(options.criterion);

  const before = await collectObservations(rulesPath, options);
  if (typeof before === 'number') return before;
  const problem = cannotTune(before.observations);
  if (problem) {
    process.stderr.write(`leadscore: cannot tune: ${problem}\n`);
    return EXIT.rulesFailed;
  }
  const result = tunePoints(before.program, before.rules.source, before.observations, { seed, holdout });

  const checked = recheck(result.source, before.rules);
  const after = await collectObservations(rulesPath, options, {
    rules: { ...before.rules, ...checked, source: result.source },
    program: checked.program!,
  });
  if (typeof after === 'number') return after;

  let source = result.source;
  let thresholds: TierThreshold[] = [];
  if (options.tiers) {
    const tiers = before.program.tiers.flatMap((t, index) =>
      t.test.kind === 'threshold'
        ? [
            {
              name: t.name.name,
              index,
              threshold: t.test.threshold.value,
              start: t.test.threshold.range.start.offset,
              end: t.test.threshold.range.end.offset,
            },
          ]
        : [],
    );
    const train = result.split.train;
    thresholds = newTierThresholds(
      tiers,
      train.map((i) => before.observations[i]!.score),
      train.map((i) => after.observations[i]!.score),
      train.map((i) => before.observations[i]!.converted),
      criterion,
    );
    source = applyReplacements(before.rules.source, [
      ...result.replacements,
      ...thresholds
        .filter((t) => t.newThreshold !== t.oldThreshold)
        .map((t) => ({ start: t.start, end: t.end, text: String(t.newThreshold) })),
    ]);
    recheck(source, before.rules);
  }

  const test = result.split.holdout;
  const labels = test.map((i) => before.observations[i]!.converted);
  const aucBefore = auc(
    test.map((i) => before.observations[i]!.score),
    labels,
  );
  const aucAfter = auc(
    test.map((i) => after.observations[i]!.score),
    labels,
  );
  writeOutput(source, options.out);
  process.stderr.write(
    summaryText({
      rulesPath,
      seed,
      holdout,
      trainCount: result.split.train.length,
      testCount: test.length,
      aucBefore,
      aucAfter,
      points: result.points.map((p) => ({
        line: p.rule.line,
        text: p.rule.text,
        old: p.oldPoints,
        new: p.newPoints,
        notes: p.notes,
      })),
      thresholds,
      tierNames: tierInfos(before.program).map((t) => t.name),
      iterations: result.fit.iterations,
      converged: result.fit.converged,
    }),
  );
  return before.exitCode;
}

/** The rewritten file must check exactly as the old one did; anything else is a bug in tune. */
function recheck(source: string, rules: LoadedRules): ReturnType<typeof checkSource> {
  const checked = checkSource(source, {
    readSchema(schemaPath) {
      const absolute = resolve(dirname(rules.path), schemaPath);
      try {
        return { file: displayPath(absolute), text: readFileSync(absolute, 'utf8') };
      } catch {
        return undefined;
      }
    },
  });
  if (hasErrors(checked.diagnostics) || !checked.program)
    throw new Error('the tuned rule file does not check: ' + checked.diagnostics.map((d) => d.message).join('; '));
  return checked;
}

interface Summary {
  rulesPath: string;
  seed: number;
  holdout: number;
  trainCount: number;
  testCount: number;
  aucBefore: number | null;
  aucAfter: number | null;
  points: { line: number; text: string; old: number; new: number; notes: readonly string[] }[];
  thresholds: TierThreshold[];
  tierNames: string[];
  iterations: number;
  converged: boolean;
}

function summaryText(s: Summary): string {
  const f = (v: number | null): string => (v === null ? '—' : v.toFixed(3));
  const lines = [
    `tune ${s.rulesPath}: seed ${s.seed}, ${s.trainCount} leads to fit, ${s.testCount} held out (${Math.round(s.holdout * 100)}%); L2 logistic regression, ${s.iterations} Newton step${s.iterations === 1 ? '' : 's'}${s.converged ? '' : ' (not converged)'}`,
    `AUC on the held-out leads: ${f(s.aucBefore)} → ${f(s.aucAfter)}`,
    'points (line, rule: old → new):',
  ];
  const width = Math.max(...s.points.map((p) => displayWidth(p.text)), 4);
  for (const p of s.points) {
    const change = p.old === p.new ? '  (unchanged)' : '';
    const notes = p.notes.length > 0 ? `  [${p.notes.join(', ')}]` : '';
    lines.push(
      `  ${String(p.line).padStart(4)}  ${p.text}${' '.repeat(width - displayWidth(p.text))}  ${pointsText(p.old).padStart(4)} → ${pointsText(p.new).padStart(4)}${change}${notes}`,
    );
  }
  if (s.thresholds.length > 0) {
    lines.push('tier thresholds:');
    for (const t of s.thresholds)
      lines.push(
        `  ${t.name}: >= ${t.oldThreshold} → >= ${t.newThreshold}${t.oldThreshold === t.newThreshold ? '  (unchanged)' : ''}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** Terminal columns of a text: East Asian wide characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}
