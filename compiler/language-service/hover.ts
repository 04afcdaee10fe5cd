import { pathText, rulesOf, type Condition, type Path, type Rule, type RuleFile } from '../../grammar/ast.js';
import type { Range } from '../../grammar/range.js';
import type { SchemaModel } from '../schema/model.js';
import type { Scope } from './cursor-context.js';
import { decayAt, decayMarkdown, type DecayInfo } from './decay.js';
import { symbolAt } from './references.js';
import { describeType, descriptionOf, fieldAt, scopeRoot, valueSource, valuesOf } from './schema-info.js';

/** What the cursor rests on, as plain data; each editor renders it (see hoverMarkdown). */
export interface HoverInfo {
  /** The word the hover is about (a path, a name), or the rule. */
  readonly range: Range;
  /** The rule the cursor is in, for editors that add what it did (the playground's firing statistics). */
  readonly rule?: Rule;
  readonly field?: {
    readonly path: string;
    readonly type: string;
    readonly description?: string;
    readonly values: readonly string[];
  };
  readonly symbol?: { readonly kind: 'let' | 'group'; readonly name: string; readonly uses: number };
  /** On `decay R% every D`: the worth of the rule's points by the event's age. */
  readonly decay?: DecayInfo;
  /** Set with `decay`: the offsets the hover is about (the grammar has no range for it yet). */
  readonly offsets?: { readonly start: number; readonly end: number };
}

export function hoverAt(
  doc: { readonly file: RuleFile; readonly schema?: SchemaModel | undefined; readonly text?: string },
  offset: number,
): HoverInfo | undefined {
  const { file, schema } = doc;
  const decay = doc.text === undefined ? undefined : decayAt(doc.text, offset);
  const named = symbolAt(file, offset);
  const inRule = rulesOf(file).find(({ rule }) => contains(rule.range, offset))?.rule;
  if (decay)
    return {
      range: inRule?.range ?? file.range,
      decay,
      offsets: { start: decay.start, end: decay.end },
      ...(inRule && { rule: inRule }),
    };
  if (named) {
    const symbol = { kind: named.symbol.kind, name: named.symbol.name, uses: named.symbol.uses.length };
    return { range: named.range, symbol, ...(inRule && { rule: inRule }) };
  }
  for (const rule of inRule ? [inRule] : []) {
    const hit = pathAt(rule, offset);
    const type =
      hit && schema
        ? fieldAt(
            scopeRoot(schema, hit.scope),
            hit.path.segments.map((s) => s.name),
          )
        : undefined;
    if (!hit || !type || !schema) return { range: rule.range, rule };
    const description = descriptionOf(
      schema,
      hit.scope,
      hit.path.segments.map((s) => s.name),
    );
    const field = {
      path: pathText(hit.path),
      type: describeType(type),
      values: valuesOf(type).map(valueSource),
      ...(description !== undefined && { description }),
    };
    return { range: hit.path.range, rule, field };
  }
  for (const statement of file.statements) {
    if (statement.kind !== 'tier' || statement.test.kind !== 'when' || !contains(statement.range, offset)) continue;
    const hit = findPath(statement.test.condition, offset, { kind: 'tier' });
    const type =
      hit && schema
        ? fieldAt(
            schema.lead,
            hit.path.segments.map((s) => s.name),
          )
        : undefined;
    if (hit && type && schema) {
      const description = descriptionOf(
        schema,
        hit.scope,
        hit.path.segments.map((s) => s.name),
      );
      return {
        range: hit.path.range,
        field: {
          path: pathText(hit.path),
          type: describeType(type),
          values: valuesOf(type).map(valueSource),
          ...(description !== undefined && { description }),
        },
      };
    }
  }
  return undefined;
}

export interface HoverLabels {
  readonly type: string;
  readonly values: string;
  readonly letList: (name: string, uses: number) => string;
  readonly group: (name: string, uses: number) => string;
}

export const ENGLISH_HOVER_LABELS: HoverLabels = {
  type: 'type',
  values: 'values',
  letList: (name, uses) => `let list **${name}**, used ${uses} time${uses === 1 ? '' : 's'}`,
  group: (name, uses) => `group **${name}**: its subtotal; named in ${uses} tier condition${uses === 1 ? '' : 's'}`,
};

/** Markdown paragraphs for a hover. Names and text from the files are escaped: shown as text, never as markup or links. */
export function hoverMarkdown(info: HoverInfo, labels: HoverLabels = ENGLISH_HOVER_LABELS): string[] {
  const out: string[] = [];
  if (info.decay) out.push(decayMarkdown(info.decay));
  if (info.field) {
    const lines = [`**${escapeMarkdown(info.field.path)}** — ${labels.type}: \`${info.field.type}\``];
    if (info.field.description) lines.push(escapeMarkdown(info.field.description));
    if (info.field.values.length > 0)
      lines.push(`${labels.values}: ${info.field.values.map((v) => `\`${v.replace(/`/g, "'")}\``).join(', ')}`);
    out.push(lines.join('\n\n'));
  }
  if (info.symbol) {
    const name = escapeMarkdown(info.symbol.name);
    out.push(
      info.symbol.kind === 'let' ? labels.letList(name, info.symbol.uses) : labels.group(name, info.symbol.uses),
    );
  }
  return out;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (c) => `\\${c}`);
}

/** The path under the cursor in a rule's condition, with the scope it is read in. */
function pathAt(rule: Rule, offset: number): { scope: Scope; path: Path } | undefined {
  if (rule.kind === 'when') return findPath(rule.condition, offset, { kind: 'lead' });
  if (rule.kind === 'on' && rule.where)
    return findPath(rule.where, offset, { kind: 'event', eventType: rule.eventType.name });
  return undefined;
}

function findPath(condition: Condition, offset: number, scope: Scope): { scope: Scope; path: Path } | undefined {
  if (!contains(condition.range, offset)) return undefined;
  switch (condition.kind) {
    case 'not':
      return findPath(condition.operand, offset, scope);
    case 'and':
    case 'or':
      for (const operand of condition.operands) {
        const hit = findPath(operand, offset, scope);
        if (hit) return hit;
      }
      return undefined;
    default:
      return contains(condition.path.range, offset) ? { scope, path: condition.path } : undefined;
  }
}

function contains(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}
