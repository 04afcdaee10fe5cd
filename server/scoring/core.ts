import type { Database } from '../store/database.js';
import type { StoredScore } from '../store/lead-rows.js';
import type { RulesRegistry } from '../rule-versions/rules-registry.js';
import type { Clock } from '../store/clock.js';
import type { LeadEventsCache } from '../store/lead-events-cache.js';

/** What every operation of the service works with. */
export interface ServiceCore {
  readonly db: Database;
  readonly registry: RulesRegistry;
  readonly clock: Clock;
  /** IANA zone for event times without an offset (--tz); UTC when absent. */
  readonly timeZone: string | undefined;
  /** Recently active leads' events, where this process is the data's only writer (PGlite); none on a server. */
  readonly leadEvents?: LeadEventsCache;
  /** Told of every committed score, so the time scheduler can wake up for its next change. */
  readonly onCommitted: (scores: readonly StoredScore[]) => void;
}

/** The score object of the API: what `leadscore score` writes for the lead, plus rules_version and scored_at. */
export interface ScoreObject {
  readonly id: unknown;
  readonly score: number;
  readonly tier: string | null;
  readonly groups: Record<string, number>;
  readonly reasons: unknown[];
  readonly rules_version: string;
  readonly scored_at: string;
}

export function scoreObject(id: unknown, s: StoredScore): ScoreObject {
  return {
    id,
    score: s.score,
    tier: s.tier,
    groups: JSON.parse(s.groups) as Record<string, number>,
    reasons: JSON.parse(s.reasons) as unknown[],
    rules_version: s.rulesVersion,
    scored_at: new Date(s.scoredAt).toISOString(),
  };
}
