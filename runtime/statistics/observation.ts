/**
 * What the report and the tuner keep of each scored lead: its score and
 * tier, whether it converted, its cohort, and each rule's contribution.
 * Browser-safe: built from a Program and the scorer's `explain` result.
 */
import type { Program } from '../../compiler/program.js';
import type { Reason } from '../../core/score-result.js';

export interface RuleInfo {
  /** The rule's position in source order (Program.rules). */
  readonly index: number;
  /** The reason text: the label, or the rule's source text. */
  readonly text: string;
  readonly line: number;
  readonly group: string | null;
  /** The points as written (`+25` → 25). */
  readonly points: number;
}

export interface TierInfo {
  readonly name: string;
  /** For `tier X >= N`; null for `when` and `otherwise` tiers. */
  readonly threshold: number | null;
}

export interface Observation {
  readonly id: unknown;
  readonly score: number;
  readonly tier: string | null;
  readonly converted: boolean;
  /** The `--by` cohort, when the report has one. */
  readonly cohort?: string;
  /** Each rule's contribution by rule index (0 when the rule did not fire). */
  readonly contributions: readonly number[];
}

export function ruleInfos(program: Program): RuleInfo[] {
  return program.rules.map((r, index) => ({
    index,
    text: r.reasonText,
    line: r.line,
    group: r.group?.name.name ?? null,
    points: r.rule.points.value,
  }));
}

export function tierInfos(program: Program): TierInfo[] {
  return program.tiers.map((t) => ({
    name: t.name.name,
    threshold: t.test.kind === 'threshold' ? t.test.threshold.value : null,
  }));
}

/**
 * Each rule's contribution from the reasons of `explain`. Reasons come in
 * source order, one per rule whose contribution is not 0, so they are matched
 * to the rules by walking both lists (this keeps two rules with the same
 * label on the same line apart).
 */
export function contributionsOf(rules: readonly RuleInfo[], reasons: readonly Reason[]): number[] {
  const out = new Array<number>(rules.length).fill(0);
  let r = 0;
  for (const reason of reasons) {
    while (r < rules.length && !(rules[r]!.line === reason.line && rules[r]!.text === reason.rule)) r++;
    if (r >= rules.length) break;
    out[r] = reason.points;
    r++;
  }
  return out;
}
