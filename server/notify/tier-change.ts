/**
 * What a salesperson needs from a tier change, read from the webhook payload
 * and the lead's record: who, which company, score, tier, the top reasons.
 * Shared by the Slack and Teams messages.
 */
export interface TierChangePayload {
  readonly id: string;
  readonly type: string;
  readonly lead_id: unknown;
  readonly from: string | null;
  readonly to: string | null;
  readonly score: number;
  readonly reasons: readonly { readonly rule: string; readonly points: number; readonly line?: number }[];
  readonly rules_version: string;
  readonly occurred_at: string;
}

export interface TierChangeSummary {
  /** The lead's name, or its id when the record has no name. */
  readonly who: string;
  readonly company: string | null;
  readonly role: string | null;
  readonly leadId: string;
  readonly from: string;
  readonly to: string;
  readonly score: number;
  /** "料金ページ閲覧 +30 / 決裁者層 +25 / …": the largest contributions first. */
  readonly topReasons: string;
  /** 2026-11-01 09:00 in the service's time zone. */
  readonly when: string;
  readonly rulesVersion: string;
}

const NO_TIER = 'ティアなし';
const TOP_REASONS = 3;

export function summarize(
  payload: TierChangePayload,
  lead: Record<string, unknown> | undefined,
  timeZone: string | undefined,
): TierChangeSummary {
  const text = (v: unknown): string | null =>
    typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null;
  const leadId = text(payload.lead_id) ?? String(payload.lead_id);
  return {
    who: text(lead?.name) ?? text(lead?.full_name) ?? leadId,
    company: text(lead?.company) ?? text(lead?.company_name) ?? null,
    role: text(lead?.role) ?? text(lead?.title) ?? null,
    leadId,
    from: payload.from ?? NO_TIER,
    to: payload.to ?? NO_TIER,
    score: payload.score,
    topReasons: topReasons(payload.reasons),
    when: localTime(payload.occurred_at, timeZone),
    rulesVersion: payload.rules_version.slice(0, 7),
  };
}

/** Positive contributions, largest first (ties in rule order), then the deductions, largest first. */
export function topReasons(reasons: TierChangePayload['reasons'], count = TOP_REASONS): string {
  const signed = (p: number): string => (p >= 0 ? `+${p}` : `−${-p}`);
  const ranked = reasons
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.points !== 0)
    .sort((a, b) =>
      a.r.points > 0 !== b.r.points > 0
        ? a.r.points > 0
          ? -1
          : 1
        : Math.abs(b.r.points) - Math.abs(a.r.points) || a.i - b.i,
    );
  const shown = ranked.slice(0, count).map(({ r }) => `${r.rule} ${signed(r.points)}`);
  if (ranked.length > count) shown.push(`ほか ${ranked.length - count} 件`);
  return shown.length > 0 ? shown.join(' / ') : '(理由なし)';
}

function localTime(iso: string, timeZone: string | undefined): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZone ?? 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}
