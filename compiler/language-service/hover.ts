import { pathText, rulesOf, type Condition, type Path, type Rule, type RuleFile } from '../../grammar/ast.js';
import type { Range } from '../../grammar/range.js';
import { conditionOfRule, conditionsOf, forEachTest, type Scope } from '../../grammar/visit.js';
import type { SchemaModel } from '../schema/model.js';
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
  /** On `decay R% every D`: the worth of the rule's points by the event's age (`range` is the modifier's). */
  readonly decay?: DecayInfo;
}

export function hoverAt(
  doc: { readonly file: RuleFile; readonly schema?: SchemaModel | undefined },
  offset: number,
): HoverInfo | undefined {
  const { file, schema } = doc;
  const decay = decayAt(file, offset);
  const named = symbolAt(file, offset);
  const inRule = rulesOf(file).find(({ rule }) => contains(rule.range, offset))?.rule;
  if (decay) return { range: decay.range, decay, ...(inRule && { rule: inRule }) };
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
  for (const { condition, scope } of conditionsOf(file)) {
    if (scope.kind !== 'tier') continue;
    const hit = findPath(condition, offset, scope);
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
  /** The language of the decay hover's one-line summary; English when absent. */
  readonly language?: 'en' | 'ja';
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
  if (info.decay) out.push(decayMarkdown(info.decay, labels.language));
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
  const site = conditionOfRule(rule);
  return site && findPath(site.condition, offset, site.scope);
}

function findPath(condition: Condition, offset: number, scope: Scope): { scope: Scope; path: Path } | undefined {
  if (!contains(condition.range, offset)) return undefined;
  return forEachTest(condition, (test) => (contains(test.path.range, offset) ? { scope, path: test.path } : undefined));
}

function contains(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}
