import {
  rulesOf,
  type GroupStatement,
  type ListLiteral,
  type Rule,
  type RuleFile,
  type TierStatement,
} from '../grammar/ast.js';
import type { SchemaModel } from './schema/model.js';

/**
 * A checked rule file, arranged for the code generators: the rules in source
 * order with their group and reason text, the `let` lists by name, the groups
 * and the tiers. Built only from a file the checker accepted.
 */
export interface ProgramRule {
  readonly rule: Rule;
  readonly group?: GroupStatement;
  /** What a reason names: the label, or the rule's source text. */
  readonly reasonText: string;
  /** The line of the rule's first keyword. */
  readonly line: number;
}

export interface Program {
  readonly file: RuleFile;
  readonly rules: readonly ProgramRule[];
  readonly groups: readonly GroupStatement[];
  readonly tiers: readonly TierStatement[];
  readonly lists: ReadonlyMap<string, ListLiteral>;
  readonly schema?: SchemaModel;
}

export function buildProgram(file: RuleFile, source: string, schema?: SchemaModel): Program {
  const lists = new Map<string, ListLiteral>();
  const groups: GroupStatement[] = [];
  const tiers: TierStatement[] = [];
  for (const statement of file.statements) {
    if (statement.kind === 'let' && !lists.has(statement.name.name)) lists.set(statement.name.name, statement.list);
    else if (statement.kind === 'group') groups.push(statement);
    else if (statement.kind === 'tier') tiers.push(statement);
  }
  const rules = rulesOf(file).map(({ rule, group }) => ({
    rule,
    ...(group && { group }),
    reasonText: rule.label?.text ?? ruleSourceText(rule, file, source),
    line: rule.range.start.line,
  }));
  return { file, rules, groups, tiers, lists, ...(schema && { schema }) };
}

/**
 * An unlabeled rule's reason text: its source with comments removed and each
 * run of white space made one space, so reformatting a file leaves reasons
 * unchanged.
 */
export function ruleSourceText(rule: Rule, file: RuleFile, source: string): string {
  const start = rule.range.start.offset;
  const end = rule.range.end.offset;
  let text = '';
  let cursor = start;
  for (const comment of file.comments) {
    const at = comment.range.start.offset;
    if (at < start || at >= end) continue;
    text += source.slice(cursor, at) + ' ';
    cursor = comment.range.end.offset;
  }
  text += source.slice(cursor, end);
  return collapseWhitespace(text);
}

function collapseWhitespace(text: string): string {
  let out = '';
  let inString = false;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (/[\s\u3000\uFEFF]/u.test(ch)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += ch;
    if (ch === '"') inString = true;
  }
  return out;
}
