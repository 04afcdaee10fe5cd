/**
 * Plain-text sentences for mismatches and results, shared by the CLI and
 * any other front end (which may add colour or layout). Browser-safe.
 */
import { didYouMean } from '../../compiler/suggest.js';
import type { ExplainedScore, Reason } from '../../core/score-result.js';
import type { Mismatch } from './compare.js';
import type { ExpectedReason } from './types.js';

/** `+25`, `-10`, `0`: points as the rule file writes them. */
export function formatPoints(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

export function formatTier(tier: string | null): string {
  return tier === null ? 'null (no tier)' : tier;
}

/** `決裁者層 +25 (line 40)`; the line only when known. */
export function formatReason(reason: Reason | ExpectedReason): string {
  return `${reason.rule} ${formatPoints(reason.points)}${reason.line !== undefined ? ` (line ${reason.line})` : ''}`;
}

/** One or more lines for a mismatch, without indentation. */
export function describeMismatch(m: Mismatch): string[] {
  switch (m.kind) {
    case 'score':
      return [`score: expected ${m.expected}, got ${m.actual}`];
    case 'tier':
      return [
        `tier: expected ${formatTier(m.expected)}, got ${formatTier(m.actual)}` +
          (m.unknown
            ? ` — the rule file has no tier named ${JSON.stringify(m.expected)}${didYouMean(m.suggestions ?? [])}`
            : ''),
      ];
    case 'group':
      return [`groups.${m.group}: expected ${m.expected}, got ${m.actual}`];
    case 'unknown-group':
      return [
        `groups.${m.group}: the rule file has no group named ${JSON.stringify(m.group)}${didYouMean(m.suggestions)}`,
      ];
    case 'not-fired':
      return [`fired: expected "${m.rule}" to give or take points, but it did not`];
    case 'fired':
      return [
        `not_fired: expected "${m.rule}" not to fire, but it did: ${m.reasons.map((r) => `${formatPoints(r.points)} (line ${r.line})`).join(', ')}`,
      ];
    case 'unknown-rule':
      return [
        `${m.key}: the rule file has no rule named ${JSON.stringify(m.rule)}${didYouMean(m.suggestions)} (use a rule's label, as reasons show it)`,
      ];
    case 'reasons': {
      const i = m.firstDifference;
      const e = m.expected[i];
      const a = m.actual[i];
      const detail =
        e === undefined
          ? `got an extra reason ${formatReason(a!)}`
          : a === undefined
            ? `expected ${formatReason(e)}, but there are no more reasons`
            : `expected ${formatReason(e)}, got ${formatReason(a)}`;
      return [
        `reasons: differ at #${i + 1}: ${detail}`,
        `  expected: ${m.expected.length === 0 ? '(none)' : m.expected.map(formatReason).join(', ')}`,
      ];
    }
  }
}

/** What the scorer gave, for the reader to see why: score, tier, groups, then every reason. */
export function describeActual(actual: ExplainedScore): string[] {
  const groups = Object.entries(actual.groups).map(([name, points]) => `${name} ${points}`);
  return [
    `actual: score ${actual.score}, tier ${formatTier(actual.tier)}${groups.length > 0 ? `, groups: ${groups.join(', ')}` : ''}`,
    actual.reasons.length === 0 ? 'reasons: (none: no rule gave or took points)' : 'reasons:',
    ...actual.reasons.map((r) => `  ${formatReason(r)}`),
  ];
}
