import { rulesOf, type GroupStatement, type Rule, type RuleFile, type TierStatement } from '../../grammar/ast.js';
import { printCondition, printList, printRule } from '../../grammar/print.js';
import { conditionKey, modifierText } from './rule-identity.js';

/**
 * The meaning of a rule-file change, rule by rule, independent of layout and
 * order: rules added, removed and changed (points, condition, modifiers,
 * group, label), group limits, tiers, `let` lists and the schema. Rules are
 * paired across versions first by label, then by condition within the same
 * group, then by condition across groups (a moved rule).
 */
export interface RuleSide {
  readonly text: string;
  readonly label?: string;
  readonly group?: string;
  readonly points: number;
  readonly line: number;
}

export type RuleAspect = 'points' | 'condition' | 'modifiers' | 'group' | 'label';

export type RuleChange =
  | { readonly kind: 'added'; readonly new: RuleSide }
  | { readonly kind: 'removed'; readonly old: RuleSide }
  | {
      readonly kind: 'changed';
      readonly old: RuleSide;
      readonly new: RuleSide;
      readonly aspects: readonly RuleAspect[];
    };

export interface NamedChange {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly name: string;
  readonly old?: string;
  readonly new?: string;
}

export interface SemanticDiff {
  readonly rules: readonly RuleChange[];
  readonly groups: readonly NamedChange[];
  readonly tiers: readonly NamedChange[];
  /** True when the tiers that exist in both versions are tried in another order. */
  readonly tierOrderChanged: boolean;
  readonly lists: readonly NamedChange[];
  readonly schema?: NamedChange;
  /** Pairs of rule lines (old → new) of the same rule, for attributing score changes. */
  readonly pairs: readonly { readonly oldLine: number; readonly newLine: number }[];
}

interface Entry {
  readonly rule: Rule;
  readonly group?: GroupStatement;
  readonly key: string;
}

export function diffRuleFiles(oldFile: RuleFile, newFile: RuleFile): SemanticDiff {
  const oldRules = entries(oldFile);
  const newRules = entries(newFile);
  const pairs: [Entry, Entry][] = [];
  const unpairedOld = new Set(oldRules);
  const unpairedNew = new Set(newRules);
  const pairBy = (same: (a: Entry, b: Entry) => boolean): void => {
    for (const a of [...unpairedOld]) {
      const matches = [...unpairedNew].filter((b) => same(a, b));
      const competing = [...unpairedOld].filter((other) => matches[0] && same(other, matches[0]));
      // Pair only when the match is unambiguous on both sides.
      if (matches.length === 1 && competing.length === 1) {
        pairs.push([a, matches[0]!]);
        unpairedOld.delete(a);
        unpairedNew.delete(matches[0]!);
      }
    }
  };
  const sameLabel = (a: Entry, b: Entry) => a.rule.label !== undefined && a.rule.label.text === b.rule.label?.text;
  const sameInGroup = (a: Entry, b: Entry) => a.key === b.key && a.group?.name.name === b.group?.name.name;
  const sameKey = (a: Entry, b: Entry) => a.key === b.key;
  pairBy(sameLabel);
  pairBy(sameInGroup);
  pairBy(sameKey);
  // Repeated rules (same condition, or same label, more than once): pair them in source order.
  for (const same of [sameInGroup, sameLabel, sameKey]) {
    for (const a of [...unpairedOld]) {
      const b = [...unpairedNew].find((candidate) => same(a, candidate));
      if (!b) continue;
      pairs.push([a, b]);
      unpairedOld.delete(a);
      unpairedNew.delete(b);
    }
  }

  const changes: RuleChange[] = [];
  for (const [a, b] of pairs) {
    const aspects: RuleAspect[] = [];
    if (a.rule.points.value !== b.rule.points.value) aspects.push('points');
    if (a.key !== b.key) aspects.push('condition');
    if (modifierText(a.rule) !== modifierText(b.rule)) aspects.push('modifiers');
    if (a.group?.name.name !== b.group?.name.name) aspects.push('group');
    if (a.rule.label?.text !== b.rule.label?.text) aspects.push('label');
    if (aspects.length > 0) changes.push({ kind: 'changed', old: side(a), new: side(b), aspects });
  }
  for (const a of unpairedOld) changes.push({ kind: 'removed', old: side(a) });
  for (const b of unpairedNew) changes.push({ kind: 'added', new: side(b) });
  changes.sort((x, y) => lineOf(x) - lineOf(y));

  return {
    rules: changes,
    groups: diffNamed(groupsOf(oldFile), groupsOf(newFile)),
    tiers: diffNamed(tiersOf(oldFile), tiersOf(newFile)),
    tierOrderChanged: tierOrderChanged(oldFile, newFile),
    lists: diffNamed(listsOf(oldFile), listsOf(newFile)),
    ...schemaChange(oldFile, newFile),
    pairs: pairs.map(([a, b]) => ({ oldLine: a.rule.range.start.line, newLine: b.rule.range.start.line })),
  };
}

export function isEmptyDiff(diff: SemanticDiff): boolean {
  return (
    diff.rules.length === 0 &&
    diff.groups.length === 0 &&
    diff.tiers.length === 0 &&
    !diff.tierOrderChanged &&
    diff.lists.length === 0 &&
    !diff.schema
  );
}

function entries(file: RuleFile): Entry[] {
  return rulesOf(file).map(({ rule, group }) => ({ rule, ...(group && { group }), key: conditionKey(rule) }));
}

function side(entry: Entry): RuleSide {
  return {
    text: printRule(entry.rule),
    ...(entry.rule.label && { label: entry.rule.label.text }),
    ...(entry.group && { group: entry.group.name.name }),
    points: entry.rule.points.value,
    line: entry.rule.range.start.line,
  };
}

function lineOf(change: RuleChange): number {
  return change.kind === 'removed' ? change.old.line : change.new.line;
}

/** Named things (groups, tiers, lists) as name → canonical text of what matters. */
function diffNamed(before: Map<string, string>, after: Map<string, string>): NamedChange[] {
  const changes: NamedChange[] = [];
  for (const [name, text] of before) {
    const now = after.get(name);
    if (now === undefined) changes.push({ kind: 'removed', name, old: text });
    else if (now !== text) changes.push({ kind: 'changed', name, old: text, new: now });
  }
  for (const [name, text] of after) if (!before.has(name)) changes.push({ kind: 'added', name, new: text });
  return changes;
}

function groupsOf(file: RuleFile): Map<string, string> {
  const groups = new Map<string, string>();
  for (const s of file.statements) {
    if (s.kind !== 'group' || groups.has(s.name.name)) continue;
    const limits = s.limits.map((l) => `${l.kind} ${l.value}`).join(' ');
    groups.set(s.name.name, limits === '' ? 'no limits' : limits);
  }
  return groups;
}

function tiersOf(file: RuleFile): Map<string, string> {
  const tiers = new Map<string, string>();
  for (const s of file.statements)
    if (s.kind === 'tier' && !tiers.has(s.name.name)) tiers.set(s.name.name, tierTest(s));
  return tiers;
}

function tierTest(tier: TierStatement): string {
  const test = tier.test;
  if (test.kind === 'threshold') return `>= ${test.threshold.value}`;
  if (test.kind === 'when') return `when ${printCondition(test.condition)}`;
  return 'otherwise';
}

function tierOrderChanged(a: RuleFile, b: RuleFile): boolean {
  const names = (f: RuleFile) => f.statements.flatMap((s) => (s.kind === 'tier' ? [s.name.name] : []));
  const before = names(a);
  const after = names(b);
  const common = new Set(before.filter((n) => after.includes(n)));
  return before.filter((n) => common.has(n)).join('\u0000') !== after.filter((n) => common.has(n)).join('\u0000');
}

function listsOf(file: RuleFile): Map<string, string> {
  const lists = new Map<string, string>();
  for (const s of file.statements)
    if (s.kind === 'let' && !lists.has(s.name.name)) lists.set(s.name.name, printList(s.list));
  return lists;
}

function schemaChange(a: RuleFile, b: RuleFile): { schema?: NamedChange } {
  const path = (f: RuleFile) => f.statements.find((s) => s.kind === 'schema')?.path;
  const before = path(a);
  const after = path(b);
  if (before === after) return {};
  if (before === undefined) return { schema: { kind: 'added', name: 'schema', new: after! } };
  if (after === undefined) return { schema: { kind: 'removed', name: 'schema', old: before } };
  return { schema: { kind: 'changed', name: 'schema', old: before, new: after } };
}
