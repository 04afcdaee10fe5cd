import type { Range } from './range.js';

/**
 * The typed syntax tree of a rule file. Every node carries the source range
 * it was parsed from. Nodes are plain data (no methods), so tests can compare
 * them and the playground can send them to a worker.
 */

export interface Node {
  readonly range: Range;
}

export interface Identifier extends Node {
  readonly kind: 'identifier';
  readonly name: string;
}

/** `company.size`: a lead field or, inside `where`, an event property. */
export interface Path extends Node {
  readonly kind: 'path';
  readonly segments: readonly Identifier[];
}

export interface NumberValue extends Node {
  readonly kind: 'number';
  readonly value: number;
  /** The literal as written (`1.50`), so the formatter keeps it. */
  readonly raw: string;
}

export interface StringValue extends Node {
  readonly kind: 'string';
  readonly value: string;
  /** False for a bare word (`部長`), true for `"部長"`. */
  readonly quoted: boolean;
}

export interface BooleanValue extends Node {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export type Value = NumberValue | StringValue | BooleanValue;

export interface ListLiteral extends Node {
  readonly kind: 'list';
  readonly items: readonly Value[];
}

/** A list written in place, or the name of a `let` list. */
export type ListRef = ListLiteral | Identifier;

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export interface Comparison extends Node {
  readonly kind: 'compare';
  readonly path: Path;
  readonly op: ComparisonOperator;
  readonly value: Value;
  readonly parenthesized: boolean;
}

export interface Membership extends Node {
  readonly kind: 'in';
  readonly path: Path;
  readonly negated: boolean;
  readonly list: ListRef;
  readonly parenthesized: boolean;
}

export interface Contains extends Node {
  readonly kind: 'contains';
  readonly path: Path;
  readonly value: Value;
  readonly parenthesized: boolean;
}

export interface IsSet extends Node {
  readonly kind: 'isSet';
  readonly path: Path;
  readonly negated: boolean;
  readonly parenthesized: boolean;
}

/** A bare path: true exactly when the value is the boolean `true`. */
export interface Truthy extends Node {
  readonly kind: 'truthy';
  readonly path: Path;
  readonly parenthesized: boolean;
}

export interface Not extends Node {
  readonly kind: 'not';
  readonly operand: Condition;
  readonly parenthesized: boolean;
}

export interface And extends Node {
  readonly kind: 'and';
  readonly operands: readonly Condition[];
  readonly parenthesized: boolean;
}

export interface Or extends Node {
  readonly kind: 'or';
  readonly operands: readonly Condition[];
  readonly parenthesized: boolean;
}

export type Test = Comparison | Membership | Contains | IsSet | Truthy;
export type Condition = Test | Not | And | Or;

/** `+20`, `-10`: always an integer with an explicit sign. */
export interface Points extends Node {
  readonly kind: 'points';
  readonly value: number;
}

export type DurationUnit = 'h' | 'd' | 'w';

export interface Duration extends Node {
  readonly kind: 'duration';
  readonly amount: number;
  readonly unit: DurationUnit;
  /** The length in milliseconds. */
  readonly milliseconds: number;
}

export interface Label extends Node {
  readonly kind: 'label';
  readonly text: string;
}

export interface WhenRule extends Node {
  readonly kind: 'when';
  readonly condition: Condition;
  readonly points: Points;
  readonly label?: Label;
}

export type Modifier =
  | { readonly kind: 'each'; readonly range: Range }
  | { readonly kind: 'max'; readonly limit: number; readonly range: Range }
  | { readonly kind: 'within'; readonly duration: Duration; readonly range: Range };

export interface OnRule extends Node {
  readonly kind: 'on';
  readonly eventType: Identifier;
  readonly where?: Condition;
  readonly points: Points;
  /** In the order written; the checker rejects repeats. */
  readonly modifiers: readonly Modifier[];
  readonly label?: Label;
}

export interface InactiveRule extends Node {
  readonly kind: 'inactive';
  readonly duration: Duration;
  readonly points: Points;
  readonly label?: Label;
}

export type Rule = WhenRule | OnRule | InactiveRule;

export interface SchemaStatement extends Node {
  readonly kind: 'schema';
  readonly path: string;
  readonly pathRange: Range;
}

export interface LetStatement extends Node {
  readonly kind: 'let';
  readonly name: Identifier;
  readonly list: ListLiteral;
}

export interface GroupLimit extends Node {
  readonly kind: 'max' | 'min';
  readonly value: number;
}

export interface GroupStatement extends Node {
  readonly kind: 'group';
  readonly name: Identifier;
  readonly limits: readonly GroupLimit[];
  readonly rules: readonly Rule[];
}

export interface TierName extends Node {
  readonly name: string;
  readonly quoted: boolean;
}

export type TierTest =
  | { readonly kind: 'threshold'; readonly threshold: NumberValue }
  | { readonly kind: 'when'; readonly condition: Condition }
  | { readonly kind: 'otherwise'; readonly range: Range };

export interface TierStatement extends Node {
  readonly kind: 'tier';
  readonly name: TierName;
  readonly test: TierTest;
}

export type Statement = SchemaStatement | LetStatement | GroupStatement | Rule | TierStatement;

export interface Comment extends Node {
  readonly kind: 'comment';
  /** The text after `#`. */
  readonly text: string;
}

export interface RuleFile extends Node {
  readonly kind: 'file';
  readonly statements: readonly Statement[];
  readonly comments: readonly Comment[];
}

/** Every rule of the file in source order, with the group it belongs to (if any). */
export function rulesOf(file: RuleFile): { rule: Rule; group?: GroupStatement }[] {
  const result: { rule: Rule; group?: GroupStatement }[] = [];
  for (const statement of file.statements) {
    if (statement.kind === 'group') for (const rule of statement.rules) result.push({ rule, group: statement });
    else if (statement.kind === 'when' || statement.kind === 'on' || statement.kind === 'inactive')
      result.push({ rule: statement });
  }
  return result;
}

export function pathText(path: Path): string {
  return path.segments.map((s) => s.name).join('.');
}

/** An event's keys that are not its properties (docs/language.md#where): `where` never sees them. */
export const EVENT_ENVELOPE: ReadonlySet<string> = new Set(['type', 'at', 'lead_id']);
