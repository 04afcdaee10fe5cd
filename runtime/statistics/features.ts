/**
 * The features of the fit: for each lead and rule, the rule's contribution
 * divided by its points, i.e. how many times the rule fired (1 for a `when`
 * or `after … inactive` rule, the event count for an `each` rule, capped
 * where `max` caps it). Pure, browser-safe.
 */
import type { Program } from '../../compiler/program.js';
import type { Observation } from './observation.js';

export interface TuneRule {
  readonly index: number;
  readonly text: string;
  readonly line: number;
  readonly group: string | null;
  readonly points: number;
  /** The source offsets of the points token (`+25`), for rewriting it. */
  readonly pointsStart: number;
  readonly pointsEnd: number;
  /** `each … max M`: the rule's own cap on its contribution's magnitude. */
  readonly ruleMax: number | null;
  /** The group's `max` (caps its subtotal from above). */
  readonly groupMax: number | null;
  /** The group's `min` (caps its subtotal from below). */
  readonly groupMin: number | null;
}

export function tuneRules(program: Program): TuneRule[] {
  return program.rules.map((r, index) => {
    const rule = r.rule;
    const max = rule.kind === 'on' ? rule.modifiers.find((m) => m.kind === 'max') : undefined;
    const limit = (kind: 'max' | 'min'): number | null => {
      const found = r.group?.limits.filter((l) => l.kind === kind);
      return found && found.length > 0 ? found[found.length - 1]!.value : null;
    };
    return {
      index,
      text: r.reasonText,
      line: r.line,
      group: r.group?.name.name ?? null,
      points: rule.points.value,
      pointsStart: rule.points.range.start.offset,
      pointsEnd: rule.points.range.end.offset,
      ruleMax: max && max.kind === 'max' ? max.limit : null,
      groupMax: limit('max'),
      groupMin: limit('min'),
    };
  });
}

/** Row i, column j: observation i's contribution of rule j ÷ rule j's points (0 when the points are 0). */
export function featureMatrix(
  observations: readonly Observation[],
  rules: readonly { readonly index: number; readonly points: number }[],
): number[][] {
  return observations.map((o) => rules.map((r) => (r.points === 0 ? 0 : (o.contributions[r.index] ?? 0) / r.points)));
}
