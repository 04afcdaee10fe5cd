import type { Rule, RuleFile } from '../../grammar/ast.js';
import type { Range } from '../../grammar/range.js';

/** The outline of a rule file: lets, groups with their rules, rules outside groups, tiers. */
export interface OutlineItem {
  readonly name: string;
  readonly kind: 'schema' | 'let' | 'group' | 'rule' | 'tier';
  /** The whole statement. */
  readonly range: Range;
  /** The part to select and reveal: the name, or the rule's keyword. */
  readonly selectionRange: Range;
  readonly detail?: string;
  readonly children?: readonly OutlineItem[];
}

export function outlineOf(file: RuleFile, source: string): OutlineItem[] {
  return file.statements.map((statement): OutlineItem => {
    switch (statement.kind) {
      case 'schema':
        return {
          name: statement.path,
          kind: 'schema',
          range: statement.range,
          selectionRange: statement.pathRange,
          detail: 'schema',
        };
      case 'let':
        return {
          name: statement.name.name,
          kind: 'let',
          range: statement.range,
          selectionRange: statement.name.range,
          detail: `${statement.list.items.length} values`,
        };
      case 'group': {
        const limits = statement.limits.map((l) => `${l.kind} ${l.value}`).join(' ');
        const children = statement.rules.map((rule) => ruleItem(rule, source));
        return {
          name: statement.name.name,
          kind: 'group',
          range: statement.range,
          selectionRange: statement.name.range,
          ...(limits && { detail: limits }),
          children,
        };
      }
      case 'tier':
        return {
          name: statement.name.name,
          kind: 'tier',
          range: statement.range,
          selectionRange: statement.name.range,
          detail: tierDetail(statement.test.kind),
        };
      default:
        return ruleItem(statement, source);
    }
  });
}

function ruleItem(rule: Rule, source: string): OutlineItem {
  const points = `${rule.points.value > 0 ? '+' : ''}${rule.points.value}`;
  // An unlabeled rule is named by its text up to the points (a name must not be empty).
  const name =
    rule.label?.text ||
    source.slice(rule.range.start.offset, rule.points.range.start.offset).replace(/\s+/g, ' ').trim() ||
    rule.kind;
  return {
    name,
    kind: 'rule',
    range: rule.range,
    selectionRange: rule.label?.range ?? rule.points.range,
    detail: points,
  };
}

function tierDetail(kind: 'threshold' | 'when' | 'otherwise'): string {
  return kind === 'otherwise' ? 'otherwise' : kind === 'when' ? 'when …' : 'threshold';
}
