import type { Program } from '../../../compiler/program.js';
import { instantiateScorer } from '../../../compiler/codegen/js-function.js';
import type { ExplainedScore } from '../../../core/score-result.js';
import type { PreparedLead } from './prepare.js';

/**
 * Every lead scored with reasons, plus what the hover shows for each rule
 * (how many leads it fires for, the points it gives in total). One pass, so
 * a rule edit costs one scorer instantiation and one loop over the leads.
 */
export interface LeadResult extends ExplainedScore {
  readonly id: string;
  readonly lead: Record<string, unknown>;
}

export interface RuleStat {
  fires: number;
  points: number;
}

export interface ScoreRun {
  readonly results: readonly LeadResult[];
  readonly tiers: readonly string[];
  readonly groups: readonly string[];
  /** By the line of the rule's first keyword (the `line` of a reason). */
  readonly ruleStats: ReadonlyMap<number, RuleStat>;
}

export const TIME_ZONE = 'Asia/Tokyo';

export function scoreAll(program: Program, leads: readonly PreparedLead[], now: number): ScoreRun {
  const scorer = instantiateScorer(program, TIME_ZONE);
  const ruleStats = new Map<number, RuleStat>();
  const results: LeadResult[] = new Array(leads.length);
  for (let i = 0; i < leads.length; i++) {
    const { id, lead, events } = leads[i]!;
    const explained = scorer.explain(lead, events, now);
    for (const reason of explained.reasons) {
      const stat = ruleStats.get(reason.line);
      if (stat) {
        stat.fires++;
        stat.points += reason.points;
      } else ruleStats.set(reason.line, { fires: 1, points: reason.points });
    }
    results[i] = { id, lead, ...explained };
  }
  return {
    results,
    tiers: program.tiers.map((t) => t.name.name),
    groups: program.groups.map((g) => g.name.name),
    ruleStats,
  };
}
