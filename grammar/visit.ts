/**
 * The one walk over conditions. A condition is a tree of `not`, `and` and `or`
 * over tests (its leaves); every analysis that needs the tests of a rule file
 * (the checks, the paths a program reads, the editor's hover) goes through here.
 */
import type { Condition, Rule, RuleFile, Test } from './ast.js';

/** Where a rule's condition reads its paths: a lead (`when`) or an event of one type (`on … where`). */
export type RuleScope = { readonly kind: 'lead' } | { readonly kind: 'event'; readonly eventType: string };

/** Where a condition's paths are read: a rule's scope, or a tier's `when` (score, groups, lead fields). */
export type Scope = RuleScope | { readonly kind: 'tier' };

export interface ConditionSite<S extends Scope = Scope> {
  readonly condition: Condition;
  readonly scope: S;
}

/** A rule's condition with its scope; undefined for `after … inactive` and an `on` without `where`. */
export function conditionOfRule(rule: Rule): ConditionSite<RuleScope> | undefined {
  if (rule.kind === 'when') return { condition: rule.condition, scope: { kind: 'lead' } };
  if (rule.kind === 'on' && rule.where)
    return { condition: rule.where, scope: { kind: 'event', eventType: rule.eventType.name } };
  return undefined;
}

/** Every condition of a rule file in source order: the rules' (inside groups too) and the tiers' `when`. */
export function conditionsOf(file: RuleFile): ConditionSite[] {
  const sites: ConditionSite[] = [];
  const add = (site: ConditionSite | undefined): void => {
    if (site) sites.push(site);
  };
  for (const statement of file.statements) {
    if (statement.kind === 'group') statement.rules.forEach((rule) => add(conditionOfRule(rule)));
    else if (statement.kind === 'when' || statement.kind === 'on' || statement.kind === 'inactive')
      add(conditionOfRule(statement));
    else if (statement.kind === 'tier' && statement.test.kind === 'when') {
      add({ condition: statement.test.condition, scope: { kind: 'tier' } });
    }
  }
  return sites;
}

/**
 * Calls `visit` with each test of `condition`, in source order. The walk stops
 * at the first test for which `visit` returns a value, and returns that value.
 */
export function forEachTest<T>(condition: Condition, visit: (test: Test) => T | undefined): T | undefined {
  switch (condition.kind) {
    case 'not':
      return forEachTest(condition.operand, visit);
    case 'and':
    case 'or':
      for (const operand of condition.operands) {
        const found = forEachTest(operand, visit);
        if (found !== undefined) return found;
      }
      return undefined;
    default:
      return visit(condition);
  }
}
