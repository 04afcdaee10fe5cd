/** What a scorer returns for one lead (docs/language.md#10-the-score, docs/cli.md#leadscore-score). */
export interface Reason {
  /** The rule's label, or its source text when it has none. */
  readonly rule: string;
  /** The line of the rule's first keyword. */
  readonly line: number;
  /** The rule's contribution, after each/max and before any group clamp. */
  readonly points: number;
}

export interface ScoreResult {
  readonly score: number;
  readonly tier: string | null;
  readonly groups: Record<string, number>;
}

export interface ExplainedScore extends ScoreResult {
  readonly reasons: Reason[];
}

/** An event as the scorer sees it: `at` in epoch ms, a Date, or an ISO 8601 string. */
export type ScoringEvent = { readonly type: unknown; readonly at: unknown; readonly [property: string]: unknown };
export type Lead = { readonly [field: string]: unknown };

export interface Scorer {
  score(lead: Lead, events: readonly ScoringEvent[] | undefined, now: number | Date): ScoreResult;
  explain(lead: Lead, events: readonly ScoringEvent[] | undefined, now: number | Date): ExplainedScore;
}

/** A scorer that also says when a lead's score can next change with no new input (the live service). */
export interface LiveScorer extends Scorer {
  /** The earliest instant after `now` (epoch ms) at which the score may change on its own; null if never. */
  nextChange(lead: Lead, events: readonly ScoringEvent[] | undefined, now: number | Date): number | null;
}
