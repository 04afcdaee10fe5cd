import { diffRuleFiles } from '../../compiler/diff/semantic-diff.js';
import type { SchemaHost } from '../../compiler/check-source.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { ImpactCollector, type Impact } from '../../runtime/impact/impact.js';
import { readScoringEventsOf } from '../store/lead-rows.js';
import type { ServiceCore } from '../scoring/core.js';
import { compileRuleSet, type RuleSet } from '../rule-versions/rule-set.js';

const IMPACT_BATCH = 2000;

export type ReplaceOutcome =
  | { readonly ok: true; readonly rules: RuleSet; readonly impact: Impact; readonly warnings: Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/**
 * A new version of the rules (POST /v1/rules, SIGHUP): checked first (with
 * errors, nothing changes), its impact on every stored lead measured as
 * `leadscore diff` measures it, then made current. The stored scores are
 * re-scored afterwards, in the background (BackgroundRescore).
 */
export async function replaceRules(core: ServiceCore, bytes: Uint8Array, schemaHost: SchemaHost): Promise<ReplaceOutcome> {
  const compiled = compileRuleSet(bytes, schemaHost, core.timeZone);
  if (!compiled.ok) return compiled;
  const before = core.registry.current;
  const after = compiled.rules;
  const impact = await measureImpact(core, before, after);
  await core.registry.activate(core.db, after);
  return { ok: true, rules: after, impact, warnings: compiled.warnings };
}

async function measureImpact(core: ServiceCore, before: RuleSet, after: RuleSet): Promise<Impact> {
  const collector = new ImpactCollector({
    oldTiers: before.program.tiers.map((t) => t.name.name),
    newTiers: after.program.tiers.map((t) => t.name.name),
    pairs: diffRuleFiles(before.program.file, after.program.file).pairs,
  });
  const now = await core.clock.now(core.db);
  let last = '';
  for (;;) {
    const leads = await core.db.query<{ id: string; record: string }>(`SELECT id, record FROM leads WHERE id > $1 ORDER BY id LIMIT ${IMPACT_BATCH}`, [last]);
    if (leads.length === 0) break;
    // One statement for the whole page's events (read outside a transaction: a figure, not a write).
    const eventsOf = await readScoringEventsOf(
      core.db,
      leads.map((row) => row.id),
    );
    for (const row of leads) {
      const lead = JSON.parse(row.record) as Record<string, unknown>;
      const events = eventsOf.get(row.id) ?? [];
      collector.add(lead.id ?? row.id, before.scorer.explain(lead, events, now), after.scorer.explain(lead, events, now));
    }
    last = leads[leads.length - 1]!.id;
  }
  return collector.result();
}
