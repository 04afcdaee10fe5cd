import type { NamedChange, RuleChange, SemanticDiff } from '../../../compiler/diff/semantic-diff.js';
import type { Mover } from '../../../runtime/impact/impact.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { num } from './numbers.js';

/**
 * Every semantic change of diff mode, the same list `leadscore diff` prints:
 * rules, group limits, tiers (and their order), `let` lists and the schema
 * line. Also the words for why a top mover moved when no rule's points
 * explain it: a changed threshold or group limit.
 */
export function changeItems(diff: SemanticDiff): HTMLElement[] {
  const s = t();
  return [
    ...diff.rules.map(ruleChangeItem),
    ...diff.groups.map((c) => namedItem(s.groupLabel, c)),
    ...diff.tiers.map((c) => namedItem(s.tierLabel, c)),
    ...(diff.tierOrderChanged ? [h('li', { 'data-kind': 'tier-order' }, `✎ ${s.tierOrderChanged}`)] : []),
    ...diff.lists.map((c) => namedItem(s.listLabel, c)),
    ...(diff.schema ? [namedItem(s.schemaLabel, diff.schema)] : []),
  ];
}

function ruleChangeItem(change: RuleChange): HTMLElement {
  if (change.kind === 'added')
    return h('li', { 'data-kind': 'rule' }, `＋ ${change.new.label ?? change.new.text} (${sign(change.new.points)})`);
  if (change.kind === 'removed')
    return h('li', { 'data-kind': 'rule' }, `－ ${change.old.label ?? change.old.text} (${sign(change.old.points)})`);
  const what = change.aspects.includes('points')
    ? `${sign(change.old.points)} → ${sign(change.new.points)}`
    : change.aspects.join(', ');
  return h('li', { 'data-kind': 'rule' }, `✎ ${change.new.label ?? change.new.text}: ${what}`);
}

function namedItem(what: string, change: NamedChange): HTMLElement {
  const kind =
    what === t().groupLabel ? 'group' : what === t().tierLabel ? 'tier' : what === t().listLabel ? 'list' : 'schema';
  if (change.kind === 'added') return h('li', { 'data-kind': kind }, `＋ ${what} ${change.name}: ${change.new}`);
  if (change.kind === 'removed') return h('li', { 'data-kind': kind }, `－ ${what} ${change.name}: ${change.old}`);
  return h('li', { 'data-kind': kind }, `✎ ${what} ${change.name}: ${change.old} → ${change.new}`);
}

/** `>= 60` → `60`; other tier tests stay as they are. */
function thresholdOf(test: string | undefined): string {
  const m = /^>= (-?\d+)$/.exec(test ?? '');
  return m ? m[1]! : (test ?? '—');
}

/**
 * Why a lead moved, in words: the rules whose contribution changed, a clamp
 * by a group limit named with the limit's change, and — for a tier change —
 * the threshold changes of the tiers it left or entered.
 */
export function moverReasons(mover: Mover, diff: SemanticDiff): string {
  const s = t();
  const parts = mover.rules.map((r) => {
    if (r.rule !== '(group limits)') return `${r.rule} ${sign(r.delta)}`;
    const limits = diff.groups.filter((g) => g.kind === 'changed').map((g) => `${g.name} ${g.old}→${g.new}`);
    return s.groupLimitMoved(limits.join(', '), sign(r.delta));
  });
  if (mover.oldTier !== mover.newTier && diff.tiers.length > 0) {
    const touching = diff.tiers.filter((c) => c.name === mover.oldTier || c.name === mover.newTier);
    for (const c of touching.length > 0 ? touching : diff.tiers) {
      parts.push(
        c.kind === 'changed'
          ? s.thresholdMoved(c.name, thresholdOf(c.old), thresholdOf(c.new))
          : `${c.kind === 'added' ? '＋' : '－'} ${s.tierLabel} ${c.name}`,
      );
    }
  }
  if (mover.oldTier !== mover.newTier && diff.tierOrderChanged) parts.push(s.tierOrderChanged);
  return parts.join(', ');
}

export function sign(n: number): string {
  return n >= 0 ? `+${num(n)}` : `-${num(-n)}`;
}
