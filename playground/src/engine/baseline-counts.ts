import type { TierStatement } from '../../../grammar/ast.js';
import type { PreparedData } from './prepare.js';
import { checkRules } from './check.js';
import { scoreAll } from './score-all.js';

/**
 * The tier counts of the diff baseline on the same data at the same instant,
 * so the main view shows what an edit changed (MQL 1,134 → 1,250, +116).
 * The baseline is checked and scored again only when it, the schema, the
 * data or the instant changed: an edit of the working copy costs nothing here.
 */
export interface BaselineCounts {
  readonly counts: ReadonlyMap<string | null, number>;
  /** The baseline's tier thresholds (`tier X >= n`), to mark them beside the working copy's. */
  readonly thresholds: ReadonlyMap<string, number>;
}

export class BaselineCountsCache {
  private key?: { text: string; schemaText: string; prepared: PreparedData; now: number };
  private value?: BaselineCounts;

  get(text: string, schemaText: string, prepared: PreparedData, now: number): BaselineCounts | undefined {
    const k = this.key;
    if (k && k.text === text && k.schemaText === schemaText && k.prepared === prepared && k.now === now)
      return this.value;
    this.key = { text, schemaText, prepared, now };
    const program = checkRules(text, schemaText).program;
    if (!program) return (this.value = undefined);
    const counts = new Map<string | null, number>(program.tiers.map((t) => [t.name.name, 0]));
    for (const r of scoreAll(program, prepared.leads, now).results) counts.set(r.tier, (counts.get(r.tier) ?? 0) + 1);
    return (this.value = { counts, thresholds: tierThresholds(program.tiers) });
  }
}

export function tierThresholds(tiers: readonly TierStatement[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tiers) if (t.test.kind === 'threshold') out.set(t.name.name, t.test.threshold.value);
  return out;
}
