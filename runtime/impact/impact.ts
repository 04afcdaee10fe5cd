import type { ExplainedScore, Reason } from '../../core/score-result.js';

/**
 * The effect of a rule change on real leads: every lead scored by both
 * versions, summarised as a tier transition matrix, the leads entering and
 * leaving each tier (and MQL, the first tier), the distribution of score
 * changes and the leads that moved most, with the rules that moved them.
 * Browser-safe; memory is one number per lead plus the top movers.
 */
export interface Mover {
  readonly id: unknown;
  readonly oldScore: number;
  readonly newScore: number;
  readonly delta: number;
  readonly oldTier: string | null;
  readonly newTier: string | null;
  /** Rules whose contribution changed, largest change first; `(group limits)` for what clamps changed. */
  readonly rules: readonly { readonly rule: string; readonly delta: number }[];
}

export interface Impact {
  readonly leads: number;
  readonly scoreChanged: number;
  readonly tierChanged: number;
  readonly oldTiers: readonly (string | null)[];
  readonly newTiers: readonly (string | null)[];
  /** Every non-empty cell of the transition matrix. */
  readonly transitions: readonly { readonly from: string | null; readonly to: string | null; readonly count: number }[];
  readonly perTier: readonly {
    readonly tier: string | null;
    readonly before: number;
    readonly after: number;
    readonly entering: number;
    readonly leaving: number;
  }[];
  /** MQL is each version's first tier. */
  readonly mql: {
    readonly oldTier?: string;
    readonly newTier?: string;
    readonly before: number;
    readonly after: number;
    readonly entering: number;
    readonly leaving: number;
  };
  /** Quartiles by linear interpolation; all zero when there are no leads. */
  readonly delta: {
    readonly min: number;
    readonly q1: number;
    readonly median: number;
    readonly q3: number;
    readonly max: number;
    readonly mean: number;
  };
  readonly topMovers: readonly Mover[];
}

export interface ImpactOptions {
  /** Each version's tier names in order. */
  readonly oldTiers: readonly string[];
  readonly newTiers: readonly string[];
  /** Lines of the same rule in the old and the new file. */
  readonly pairs: readonly { readonly oldLine: number; readonly newLine: number }[];
  readonly top?: number;
}

export class ImpactCollector {
  private readonly deltas: number[] = [];
  private readonly cells = new Map<string, { from: string | null; to: string | null; count: number }>();
  private movers: Mover[] = [];
  private scoreChanged = 0;
  private tierChanged = 0;
  private readonly top: number;
  private readonly newLineOf: Map<number, number>;

  constructor(private readonly options: ImpactOptions) {
    this.top = options.top ?? 10;
    this.newLineOf = new Map(options.pairs.map((p) => [p.oldLine, p.newLine]));
  }

  add(id: unknown, before: ExplainedScore, after: ExplainedScore): void {
    const delta = after.score - before.score;
    this.deltas.push(delta);
    if (delta !== 0) this.scoreChanged++;
    if (before.tier !== after.tier) this.tierChanged++;
    const key = JSON.stringify([before.tier, after.tier]);
    const cell = this.cells.get(key);
    if (cell) cell.count++;
    else this.cells.set(key, { from: before.tier, to: after.tier, count: 1 });
    if (delta !== 0 || before.tier !== after.tier) this.considerMover(id, before, after, delta);
  }

  result(): Impact {
    const { oldTiers, newTiers } = this.options;
    const transitions = [...this.cells.values()];
    const count = (pick: (c: (typeof transitions)[number]) => boolean) =>
      transitions.filter(pick).reduce((n, c) => n + c.count, 0);
    const tierNames = unique<string | null>([...oldTiers, ...newTiers, ...transitions.flatMap((c) => [c.from, c.to])]);
    const perTier = tierNames.map((tier) => ({
      tier,
      before: count((c) => c.from === tier),
      after: count((c) => c.to === tier),
      entering: count((c) => c.to === tier && c.from !== tier),
      leaving: count((c) => c.from === tier && c.to !== tier),
    }));
    const oldMql = oldTiers[0];
    const newMql = newTiers[0];
    const inOld = (c: (typeof transitions)[number]) => oldMql !== undefined && c.from === oldMql;
    const inNew = (c: (typeof transitions)[number]) => newMql !== undefined && c.to === newMql;
    return {
      leads: this.deltas.length,
      scoreChanged: this.scoreChanged,
      tierChanged: this.tierChanged,
      oldTiers: unique<string | null>([...oldTiers, ...transitions.map((c) => c.from)]),
      newTiers: unique<string | null>([...newTiers, ...transitions.map((c) => c.to)]),
      transitions,
      perTier,
      mql: {
        ...(oldMql !== undefined && { oldTier: oldMql }),
        ...(newMql !== undefined && { newTier: newMql }),
        before: count(inOld),
        after: count(inNew),
        entering: count((c) => inNew(c) && !inOld(c)),
        leaving: count((c) => inOld(c) && !inNew(c)),
      },
      delta: summarize(this.deltas),
      topMovers: this.sortedMovers(),
    };
  }

  private considerMover(id: unknown, before: ExplainedScore, after: ExplainedScore, delta: number): void {
    const weakest = this.movers.length >= this.top ? Math.abs(this.sortedMovers()[this.top - 1]!.delta) : -1;
    if (Math.abs(delta) < weakest && before.tier === after.tier) return;
    this.movers.push({
      id,
      oldScore: before.score,
      newScore: after.score,
      delta,
      oldTier: before.tier,
      newTier: after.tier,
      rules: this.ruleDeltas(before, after, delta),
    });
    if (this.movers.length > this.top * 4) this.movers = this.sortedMovers();
  }

  /** Largest moves first; a tier change outranks an equal move without one. */
  private sortedMovers(): Mover[] {
    this.movers.sort(
      (a, b) =>
        Math.abs(b.delta) - Math.abs(a.delta) || Number(b.oldTier !== b.newTier) - Number(a.oldTier !== a.newTier),
    );
    return this.movers.slice(0, this.top);
  }

  private ruleDeltas(before: ExplainedScore, after: ExplainedScore, delta: number): Mover['rules'] {
    const newByLine = new Map<number, Reason>(after.reasons.map((r) => [r.line, r]));
    const seenNew = new Set<number>();
    const rules: { rule: string; delta: number }[] = [];
    for (const r of before.reasons) {
      const line = this.newLineOf.get(r.line);
      const now = line === undefined ? undefined : newByLine.get(line);
      if (line !== undefined) seenNew.add(line);
      const change = (now?.points ?? 0) - r.points;
      if (change !== 0) rules.push({ rule: now?.rule ?? r.rule, delta: change });
    }
    for (const r of after.reasons) if (!seenNew.has(r.line)) rules.push({ rule: r.rule, delta: r.points });
    const explained = rules.reduce((n, r) => n + r.delta, 0);
    if (explained !== delta) rules.push({ rule: '(group limits)', delta: delta - explained });
    return rules.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function summarize(values: readonly number[]): Impact['delta'] {
  if (values.length === 0) return { min: 0, q1: 0, median: 0, q3: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (p: number): number => {
    const index = (sorted.length - 1) * p;
    const low = Math.floor(index);
    const high = Math.ceil(index);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low);
  };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { min: sorted[0]!, q1: at(0.25), median: at(0.5), q3: at(0.75), max: sorted[sorted.length - 1]!, mean };
}
