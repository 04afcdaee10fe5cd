/**
 * Compares what a case expects with what the scorer gave, as structured
 * mismatches (rendered by describe.ts, or by a UI its own way). Browser-safe.
 */
import { suggest } from '../../compiler/suggest.js';
import type { ExplainedScore, Reason } from '../../core/score-result.js';
import type { KnownNames } from './known-names.js';
import type { Expectation, ExpectedReason } from './types.js';

export type Mismatch =
  | { readonly kind: 'score'; readonly expected: number; readonly actual: number }
  | {
      readonly kind: 'tier';
      readonly expected: string | null;
      readonly actual: string | null;
      readonly suggestions?: readonly string[];
      readonly unknown: boolean;
    }
  | { readonly kind: 'group'; readonly group: string; readonly expected: number; readonly actual: number }
  | { readonly kind: 'unknown-group'; readonly group: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'not-fired'; readonly rule: string }
  | { readonly kind: 'fired'; readonly rule: string; readonly reasons: readonly Reason[] }
  | {
      readonly kind: 'unknown-rule';
      readonly key: 'fired' | 'not_fired';
      readonly rule: string;
      readonly suggestions: readonly string[];
    }
  | {
      readonly kind: 'reasons';
      readonly expected: readonly ExpectedReason[];
      readonly actual: readonly Reason[];
      readonly firstDifference: number;
    };

/** Every way `actual` falls short of `expect`, in the order the keys are documented; empty when the case passes. */
export function compareExpectation(expect: Expectation, actual: ExplainedScore, names: KnownNames): Mismatch[] {
  const out: Mismatch[] = [];
  if (expect.score !== undefined && expect.score !== actual.score)
    out.push({ kind: 'score', expected: expect.score, actual: actual.score });
  if (expect.tier !== undefined && expect.tier !== actual.tier) {
    const unknown = expect.tier !== null && !names.tiers.includes(expect.tier);
    out.push({
      kind: 'tier',
      expected: expect.tier,
      actual: actual.tier,
      unknown,
      ...(unknown && expect.tier !== null && { suggestions: suggest(expect.tier, names.tiers) }),
    });
  }
  for (const [group, expected] of Object.entries(expect.groups ?? {})) {
    if (!Object.hasOwn(actual.groups, group))
      out.push({ kind: 'unknown-group', group, suggestions: suggest(group, names.groups) });
    else if (actual.groups[group] !== expected)
      out.push({ kind: 'group', group, expected, actual: actual.groups[group] ?? 0 });
  }
  for (const rule of expect.fired ?? []) {
    if (!names.rules.includes(rule))
      out.push({ kind: 'unknown-rule', key: 'fired', rule, suggestions: suggest(rule, names.rules) });
    else if (!actual.reasons.some((r) => r.rule === rule && r.points !== 0)) out.push({ kind: 'not-fired', rule });
  }
  for (const rule of expect.notFired ?? []) {
    if (!names.rules.includes(rule)) {
      out.push({ kind: 'unknown-rule', key: 'not_fired', rule, suggestions: suggest(rule, names.rules) });
      continue;
    }
    const reasons = actual.reasons.filter((r) => r.rule === rule && r.points !== 0);
    if (reasons.length > 0) out.push({ kind: 'fired', rule, reasons });
  }
  if (expect.reasons !== undefined) {
    const firstDifference = firstReasonDifference(expect.reasons, actual.reasons);
    if (firstDifference >= 0)
      out.push({ kind: 'reasons', expected: expect.reasons, actual: actual.reasons, firstDifference });
  }
  return out;
}

/** The 0-based index of the first reason that differs (or where one list ends early); −1 when they agree. */
export function firstReasonDifference(expected: readonly ExpectedReason[], actual: readonly Reason[]): number {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === undefined || a === undefined) return i;
    if (e.rule !== a.rule || e.points !== a.points || (e.line !== undefined && e.line !== a.line)) return i;
  }
  return -1;
}
