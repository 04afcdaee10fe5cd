import { instantiateScorer } from '../../../compiler/codegen/js-function.js';
import type { Program, ProgramRule } from '../../../compiler/program.js';
import { modifierOf, type OnRule, type Period } from '../../../grammar/ast.js';
import type { ExplainedScore, Lead, Scorer, ScoringEvent } from '../../../core/score-result.js';
import { TIME_ZONE } from './score-all.js';

/**
 * What a reason's points are made of, for the selected lead: how many events
 * the rule counted (×14), what decay took, what a per-period cap and a plain
 * `max` took, and what each group's clamp took. Reasons carry only the final
 * points, so this is derived exactly by scoring the one lead again with
 * variants of the program, through the same generated scorer:
 *
 * - every `on` rule as `+1 each` (keeping `where`, `within` and the group's
 *   `since last`): its points are the number of matching events;
 * - without `max` and `max … per`: the decayed sum before any cap;
 * - without the plain `max`: the sum after the per-period cap.
 *
 * The differences between them are the effect of each modifier.
 */
export interface ReasonDetail {
  /** Matching events counted by an `each` rule. */
  readonly count?: number;
  /** `decay`: the points before decay and the percentage it took. */
  readonly decay?: { readonly before: number; readonly after: number; readonly percent: number };
  /** `max M per day|week|month`: what the cap removed (a signed delta toward 0). */
  readonly perPeriod?: { readonly limit: number; readonly period: Period; readonly delta: number };
  /** A plain `max M`: what it removed (signed). */
  readonly max?: { readonly limit: number; readonly delta: number };
}

export interface GroupDetail {
  readonly name: string;
  /** The sum of the group's reasons, before the clamp. */
  readonly sum: number;
  readonly subtotal: number;
  /** The limit that clamped the sum, and what it removed (signed: negative for a `max`). */
  readonly clamp?: { readonly kind: 'max' | 'min'; readonly limit: number; readonly delta: number };
}

export interface ScoreDetails {
  /** By the reason's index in `explained.reasons`. */
  readonly reasons: readonly ReasonDetail[];
  readonly groups: readonly GroupDetail[];
}

interface Variants {
  readonly count: Scorer;
  readonly uncapped: Scorer;
  readonly noPlainMax: Scorer;
}

const variantsCache = new WeakMap<Program, Variants>();

export function scoreDetails(
  program: Program,
  explained: ExplainedScore,
  lead: Lead,
  events: readonly ScoringEvent[],
  now: number,
): ScoreDetails {
  const variants = variantsOf(program);
  const pointsOf = (scorer: Scorer): Map<string, number> =>
    new Map(scorer.explain(lead, events, now).reasons.map((r) => [key(r.line, r.rule), r.points]));
  const counts = pointsOf(variants.count);
  const uncapped = pointsOf(variants.uncapped);
  const noPlainMax = pointsOf(variants.noPlainMax);
  const ruleOf = new Map(program.rules.map((r) => [key(r.line, r.reasonText), r]));

  const reasons = explained.reasons.map((reason): ReasonDetail => {
    const r = ruleOf.get(key(reason.line, reason.rule));
    if (!r || r.rule.kind !== 'on') return {};
    const rule = r.rule;
    const k = key(reason.line, reason.rule);
    const n = counts.get(k) ?? 0;
    const each = modifierOf(rule, 'each') !== undefined;
    const points = rule.points.value;
    const base = each ? points * n : n > 0 ? points : 0;
    const beforeCaps = uncapped.get(k) ?? 0;
    const afterPer = noPlainMax.get(k) ?? 0;
    const decay = modifierOf(rule, 'decay');
    const per = modifierOf(rule, 'maxPer');
    const max = modifierOf(rule, 'max');
    return {
      ...(each && { count: n }),
      ...(decay &&
        base !== beforeCaps && {
          decay: { before: base, after: beforeCaps, percent: Math.round((100 * (base - beforeCaps)) / base) },
        }),
      ...(per &&
        afterPer !== beforeCaps && {
          perPeriod: { limit: per.limit, period: per.period, delta: afterPer - beforeCaps },
        }),
      ...(max && reason.points !== afterPer && { max: { limit: max.limit, delta: reason.points - afterPer } }),
    };
  });

  const groups = program.groups.map((group): GroupDetail => {
    const name = group.name.name;
    const sum = explained.reasons.reduce(
      (total, reason) => (ruleOf.get(key(reason.line, reason.rule))?.group === group ? total + reason.points : total),
      0,
    );
    const subtotal = explained.groups[name] ?? 0;
    const delta = subtotal - sum;
    const limit = group.limits.find((l) => l.kind === (delta < 0 ? 'max' : 'min'));
    return {
      name,
      sum,
      subtotal,
      ...(delta !== 0 && limit && { clamp: { kind: limit.kind, limit: limit.value, delta } }),
    };
  });
  return { reasons, groups };
}

function variantsOf(program: Program): Variants {
  let variants = variantsCache.get(program);
  if (!variants) {
    const build = (change: (rule: OnRule) => OnRule): Scorer =>
      instantiateScorer(
        {
          ...program,
          rules: program.rules.map((r): ProgramRule => (r.rule.kind === 'on' ? { ...r, rule: change(r.rule) } : r)),
        },
        TIME_ZONE,
      );
    variants = {
      count: build((rule) => ({
        ...rule,
        points: { ...rule.points, value: 1 },
        modifiers: [{ kind: 'each', range: rule.range }, ...rule.modifiers.filter((m) => m.kind === 'within')],
      })),
      uncapped: build((rule) => ({
        ...rule,
        modifiers: rule.modifiers.filter((m) => m.kind !== 'max' && m.kind !== 'maxPer'),
      })),
      noPlainMax: build((rule) => ({ ...rule, modifiers: rule.modifiers.filter((m) => m.kind !== 'max') })),
    };
    variantsCache.set(program, variants);
  }
  return variants;
}

function key(line: number, rule: string): string {
  return `${line}\u0000${rule}`;
}
