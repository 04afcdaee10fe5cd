import { randomUUID } from 'node:crypto';
import type { Sql } from '../store/database.js';
import {
  appendHistory,
  appendOutbox,
  readLeadRecord,
  readScore,
  readScoringEvents,
  writeScore,
  type HistoryEntry,
  type StoredScore,
} from '../store/lead-rows.js';
import type { ScoreChange } from '../store/score-changes.js';
import type { ScoringEvent } from '../../core/score-result.js';
import type { RuleSet } from '../rule-versions/rule-set.js';
import type { Cause } from './cause.js';

/** What re-scoring one lead writes: its new score, and a history row and outbox row when they are due. */
export type RescorePlan = ScoreChange;

/**
 * Scores one lead as of `at` from what is stored (its record, events and
 * current score `before`) and says what to record: the current score, a
 * history row when score, tier or groups changed, and an outbox row (for
 * webhooks) when the tier changed. A new lead's first score is a change from
 * nothing, its first tier a change from null.
 */
export function planRescore(
  rules: RuleSet,
  key: string,
  lead: Record<string, unknown>,
  events: readonly ScoringEvent[],
  before: StoredScore | undefined,
  at: number,
  cause: Cause,
): RescorePlan {
  const result = rules.scorer.explain(lead, events, at);
  const nextChange = rules.scorer.nextChange(lead, events, at);
  const groups = JSON.stringify(result.groups);
  const changed = !before || before.score !== result.score || before.tier !== result.tier || before.groups !== groups;
  const after: StoredScore = {
    leadKey: key,
    score: result.score,
    tier: result.tier,
    groups,
    reasons: JSON.stringify(result.reasons),
    rulesVersion: rules.version,
    scoredAt: at,
    changedAt: changed ? at : before.changedAt,
    nextChange,
  };
  if (!changed) return { after };
  const history: HistoryEntry = {
    leadKey: key,
    at,
    score: result.score,
    tier: result.tier,
    groups,
    reasons: result.reasons,
    ...(before && { previous: { score: before.score, tier: before.tier } }),
    cause: { ...cause, rules_version: rules.version },
    rulesVersion: rules.version,
  };
  const fromTier = before ? before.tier : null;
  if (fromTier === result.tier) return { after, history };
  const id = randomUUID();
  const payload = {
    id,
    type: 'lead.tier_changed',
    lead_id: lead.id ?? key,
    from: fromTier,
    to: result.tier,
    score: result.score,
    reasons: result.reasons,
    rules_version: rules.version,
    occurred_at: new Date(at).toISOString(),
  };
  return {
    after,
    history,
    outbox: { id, kind: 'lead.tier_changed', leadKey: key, payload: JSON.stringify(payload), occurredAt: at },
  };
}

/**
 * Scores one lead as of `at` from what is stored, inside the caller's
 * transaction (which holds the lead's lock), and records the outcome (see
 * planRescore).
 */
export async function rescoreLead(
  tx: Sql,
  rules: RuleSet,
  key: string,
  at: number,
  cause: Cause,
): Promise<StoredScore> {
  const lead = (await readLeadRecord(tx, key)) ?? { id: key };
  const events = await readScoringEvents(tx, key);
  const before = await readScore(tx, key);
  const plan = planRescore(rules, key, lead, events, before, at, cause);
  await writeScore(tx, plan.after);
  if (!plan.history) return plan.after;
  const historySeq = await appendHistory(tx, plan.history);
  if (plan.outbox) await appendOutbox(tx, { ...plan.outbox, historySeq });
  return plan.after;
}

/** More steps than this for one lead in one go means a bug in nextChange, not a busy lead. */
const MAX_STEPS = 100_000;

/**
 * Makes every change the clock brought to a locked lead up to `until`, each
 * at its own instant and in time order (cause "time"); a score of an older
 * rules version is re-scored first, as of `until` (cause "rules").
 * `maxSteps` lets the clock take one change per lead at a time, so that
 * changes of many leads are made in (nearly) global time order.
 */
export async function catchUp(
  tx: Sql,
  rules: RuleSet,
  key: string,
  until: number,
  maxSteps = MAX_STEPS,
): Promise<StoredScore | undefined> {
  let current = await readScore(tx, key);
  if (!current) return undefined;
  if (current.rulesVersion !== rules.version)
    current = await rescoreLead(tx, rules, key, Math.max(until, current.scoredAt), { kind: 'rules' });
  for (let step = 0; current.nextChange !== null && current.nextChange <= until && step < maxSteps; step++) {
    if (step >= MAX_STEPS - 1)
      throw new Error(`lead ${key}: the next change never passed ${new Date(until).toISOString()}`);
    current = await rescoreLead(tx, rules, key, current.nextChange, { kind: 'time' });
  }
  return current;
}
