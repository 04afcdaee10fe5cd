import type { CheckedSource } from '../../../compiler/check-source.js';
import { instantiateScorer } from '../../../compiler/codegen/js-function.js';
import { diffRuleFiles, type SemanticDiff } from '../../../compiler/diff/semantic-diff.js';
import { ImpactCollector, type Impact } from '../../../runtime/impact/impact.js';
import type { PreparedLead } from './prepare.js';
import { TIME_ZONE } from './score-all.js';

/**
 * The same comparison as `leadscore diff`: the rule-by-rule change and the
 * impact of scoring every lead with both versions at the same instant.
 */
export interface DiffResult {
  readonly diff: SemanticDiff;
  readonly impact?: Impact;
}

export function compareVersions(
  before: CheckedSource,
  after: CheckedSource,
  leads: readonly PreparedLead[],
  now: number,
  top = 10,
): DiffResult {
  const diff = diffRuleFiles(before.file, after.file);
  if (!before.program || !after.program) return { diff };
  const oldScorer = instantiateScorer(before.program, TIME_ZONE);
  const newScorer = instantiateScorer(after.program, TIME_ZONE);
  const collector = new ImpactCollector({
    oldTiers: before.program.tiers.map((t) => t.name.name),
    newTiers: after.program.tiers.map((t) => t.name.name),
    pairs: diff.pairs,
    top,
  });
  for (const { id, lead, events } of leads)
    collector.add(id, oldScorer.explain(lead, events, now), newScorer.explain(lead, events, now));
  return { diff, impact: collector.result() };
}
