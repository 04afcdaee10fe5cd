import { readOutcome } from '../../runtime/report/outcome.js';
import { tierInfos } from '../../runtime/statistics/observation.js';
import type { HistogramBin, ScoreBand } from '../../runtime/statistics/metrics.js';
import type { ServiceCore } from '../scoring/core.js';
import { millis } from '../store/database.js';
import {
  decileBandsOf,
  histogramOf,
  mqlFigure,
  tierFigures,
  total,
  type MqlFigure,
  type ScoreCount,
  type TierFigure,
} from './kpi-figures.js';

/** GET /v1/metrics and the dashboard: one set of figures, aggregated in SQL. */
export interface KpiSnapshot {
  readonly now: string;
  readonly rules_version: string;
  readonly time_zone: string;
  readonly leads: number;
  readonly tiers: readonly TierFigure[];
  readonly mql: MqlFigure | null;
  readonly histogram: readonly HistogramBin[];
  /** Leads entering the MQL tier (a new lead's first tier included), per day for 30 days and per ISO week (Monday) for 12, in the time zone. */
  readonly mql_inflow: {
    readonly daily: readonly { day: string; count: number }[];
    readonly weekly: readonly { week: string; count: number }[];
  };
  /** With --outcome: the field, and conversion per decile band of the score. */
  readonly outcome: {
    readonly field: string;
    readonly converted: number;
    readonly conversion_rate: number | null;
    readonly bands: readonly ScoreBand[];
  } | null;
  readonly latest_changes: readonly TierChangeRow[];
}

export interface TierChangeRow {
  readonly lead_id: unknown;
  readonly name: string | null;
  readonly company: string | null;
  readonly at: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly score: number;
  readonly reasons: readonly { rule: string; points: number }[];
}

const DAYS = 30;
const WEEKS = 12;
const LATEST = 20;

export async function kpiSnapshot(core: ServiceCore, outcomeField: string | undefined): Promise<KpiSnapshot> {
  const { db } = core;
  const rules = core.registry.current;
  const tiers = tierInfos(rules.program);
  const zone = core.timeZone ?? 'UTC';
  const now = await core.clock.now(db);
  const counts = await scoreCounts(core, outcomeField);
  const tierRows = tierFigures(counts, tiers, outcomeField !== undefined);
  const mql = mqlFigure(tierRows, tiers);
  const n = total(counts);
  let converted = 0;
  for (const c of counts) if (c.converted) converted += c.count;
  return {
    now: new Date(now).toISOString(),
    rules_version: rules.version,
    time_zone: zone,
    leads: n,
    tiers: tierRows,
    mql,
    histogram: histogramOf(counts),
    mql_inflow: mql ? await inflow(core, mql.tier, now, zone) : { daily: [], weekly: [] },
    outcome:
      outcomeField === undefined
        ? null
        : {
            field: outcomeField,
            converted,
            conversion_rate: n === 0 ? null : converted / n,
            bands: decileBandsOf(counts),
          },
    latest_changes: await latestChanges(core),
  };
}

/** How long the converted counts (--outcome) are reused: reading the field parses every lead record. */
const OUTCOME_TTL_MS = 30_000;
const outcomeCache = new WeakMap<ServiceCore, { field: string; at: number; converted: Map<string, number> }>();

/**
 * Leads per (score, tier, converted). The counts per score and tier come
 * from the scores table on every call (an index-only aggregate); the
 * converted counts need the outcome field of every lead record, so they are
 * read at most every OUTCOME_TTL_MS and may lag the scores by that much.
 */
async function scoreCounts(core: ServiceCore, outcomeField: string | undefined): Promise<ScoreCount[]> {
  const rows = await core.db.query<{ score: number; tier: string | null; n: number }>(
    `SELECT score, tier, count(*)::int AS n FROM scores GROUP BY score, tier`,
  );
  if (outcomeField === undefined)
    return rows.map((r) => ({ score: Number(r.score), tier: r.tier, converted: false, count: Number(r.n) }));
  const converted = await convertedCounts(core, outcomeField);
  return rows.flatMap((r) => {
    const n = Number(r.n);
    const c = Math.min(converted.get(JSON.stringify([Number(r.score), r.tier])) ?? 0, n);
    return [
      { score: Number(r.score), tier: r.tier, converted: true, count: c },
      { score: Number(r.score), tier: r.tier, converted: false, count: n - c },
    ];
  });
}

/**
 * Converted leads per (score, tier). The outcome is read by the report's own
 * readOutcome, once per distinct JSON value of the field (true, false,
 * dates …), so "converted" means exactly what it means in `leadscore report`.
 */
async function convertedCounts(core: ServiceCore, field: string): Promise<Map<string, number>> {
  const cached = outcomeCache.get(core);
  if (cached && cached.field === field && Date.now() - cached.at < OUTCOME_TTL_MS) return cached.converted;
  // json, not jsonb: a record may hold "\u0000", which jsonb refuses.
  const rows = await core.db.query<{ score: number; tier: string | null; v: string | null; n: number }>(
    `SELECT s.score, s.tier, (l.record::json -> $1)::text AS v, count(*)::int AS n FROM scores s JOIN leads l ON l.id = s.lead_id GROUP BY 1, 2, 3`,
    [field],
  );
  const seen = new Map<string | null, boolean>();
  const isConverted = (v: string | null): boolean => {
    let c = seen.get(v);
    if (c === undefined) seen.set(v, (c = readOutcome(v === null ? undefined : JSON.parse(v)).converted));
    return c;
  };
  const converted = new Map<string, number>();
  for (const r of rows) {
    if (!isConverted(r.v)) continue;
    const key = JSON.stringify([Number(r.score), r.tier]);
    converted.set(key, (converted.get(key) ?? 0) + Number(r.n));
  }
  outcomeCache.set(core, { field, at: Date.now(), converted });
  return converted;
}

async function inflow(
  core: ServiceCore,
  mqlTier: string,
  now: number,
  zone: string,
): Promise<KpiSnapshot['mql_inflow']> {
  const since = now - WEEKS * 7 * 86_400_000 - 7 * 86_400_000;
  const rows = await core.db.query<{ day: string; n: number }>(
    // `tier IS DISTINCT FROM previous_tier` as the index on tier changes says it, so that the planner takes it.
    `SELECT to_char(h.at AT TIME ZONE $3, 'YYYY-MM-DD') AS day, count(*)::int AS n FROM history h
      WHERE h.tier IS DISTINCT FROM h.previous_tier AND h.tier = $1 AND h.at >= $2 AND h.at <= $4 GROUP BY 1`,
    [mqlTier, new Date(since).toISOString(), zone, new Date(now).toISOString()],
  );
  const perDay = new Map(rows.map((r) => [r.day, Number(r.n)]));
  const today = localDay(now, zone);
  const daily: { day: string; count: number }[] = [];
  for (let i = DAYS - 1; i >= 0; i--) {
    const day = addDays(today, -i);
    daily.push({ day, count: perDay.get(day) ?? 0 });
  }
  const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  const weekly: { week: string; count: number }[] = [];
  for (let w = WEEKS - 1; w >= 0; w--) {
    const week = addDays(monday, -7 * w);
    let count = 0;
    for (let d = 0; d < 7; d++) count += perDay.get(addDays(week, d)) ?? 0;
    weekly.push({ week, count });
  }
  return { daily, weekly };
}

async function latestChanges(core: ServiceCore): Promise<TierChangeRow[]> {
  const rows = await core.db.query<{
    at: unknown;
    score: number;
    tier: string | null;
    previous_tier: string | null;
    reasons: string;
    record: string;
  }>(
    // The index on tier changes by sequence: the newest first, however rare tier changes are among score changes.
    `SELECT h.at, h.score, h.tier, h.previous_tier, h.reasons, l.record FROM history h JOIN leads l ON l.id = h.lead_id
      WHERE h.tier IS DISTINCT FROM h.previous_tier ORDER BY h.seq DESC LIMIT ${LATEST}`,
  );
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  return rows.map((r) => {
    const lead = JSON.parse(r.record) as Record<string, unknown>;
    const reasons = (JSON.parse(r.reasons) as { rule: string; points: number }[]).map(({ rule, points }) => ({
      rule,
      points,
    }));
    return {
      lead_id: lead.id,
      name: text(lead.name),
      company: text(lead.company),
      at: new Date(millis(r.at)!).toISOString(),
      from: r.previous_tier,
      to: r.tier,
      score: Number(r.score),
      reasons,
    };
  });
}

/** A marker that changes whenever a score, tier or lead changes (history is append-only): the dashboard refreshes on a change. */
export async function changeMarker(core: ServiceCore): Promise<string> {
  const rows = await core.db.query<{ seq: string | null }>(`SELECT max(seq)::text AS seq FROM history`);
  return `${rows[0]?.seq ?? '0'}:${core.registry.current.version}`;
}

function localDay(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(ms),
  );
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
