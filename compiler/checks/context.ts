/**
 * What every check sees: the rule file, the schema (when there is one), the
 * file's names (lets, groups, tiers), every test of every condition with the
 * scope its paths are read in, and a `report` function.
 */
import { EVENT_ENVELOPE, pathText, rulesOf } from '../../grammar/ast.js';
import type {
  GroupStatement,
  LetStatement,
  ListRef,
  Path,
  Rule,
  RuleFile,
  Test,
  TierStatement,
  Value,
} from '../../grammar/ast.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { conditionsOf, forEachTest, type Scope } from '../../grammar/visit.js';
import type { FieldType, SchemaModel } from '../schema/model.js';
import { suggest } from '../suggest.js';
import {
  ANY,
  INTEGER,
  NUMBER,
  TEXT,
  admits,
  admitsArray,
  isAny,
  operatorMismatch,
  ORDERING,
  valueTypes,
} from './typing.js';

export type { Scope };

/** One test of a condition, with the scope of its path. */
export interface TestSite {
  readonly test: Test;
  readonly scope: Scope;
}

/** What a path names. */
export type Resolution =
  | { readonly kind: 'found'; readonly type: FieldType }
  /** No such name: `missing` is the first segment that does not exist, `parent` the path before it (empty at the root). */
  | {
      readonly kind: 'unknown';
      readonly scope: Scope;
      readonly parent: string;
      readonly missing: string;
      /** The names that do exist at that level, for did-you-mean. */
      readonly candidates: readonly string[];
      /** Set when `parent` exists but holds no properties (a number, text, …). */
      readonly parentType?: FieldType;
      /** Set when the name is an event's `type`, `at` or `lead_id`. */
      readonly envelope?: boolean;
    }
  /** Cannot be checked (the event type itself is unknown). */
  | { readonly kind: 'unchecked' };

/**
 * A value that must fit a field: the right side of a comparison, the value of
 * `contains`, or an element of an `in` list (written in place or in a `let`).
 */
export interface ValueSite {
  readonly value: Value;
  readonly test: Test;
  /** The type the value must have (for `contains` on a list: the item type). */
  readonly expected: FieldType;
  /** The field's path as written. */
  readonly field: string;
  /**
   * What the value is to the field: compared with it (`=`, ordering), an element
   * of an `in` list, a substring looked for in a text field, or an item looked
   * for in a list field (`contains`).
   */
  readonly role: 'compare' | 'element' | 'substring' | 'item';
  /** The `let` list the value comes from, when it comes from one. */
  readonly list?: LetStatement;
}

export interface CheckContext {
  readonly file: RuleFile;
  readonly schema: SchemaModel | undefined;
  /** The schema file's name, for messages (`lead.schema.json`). */
  readonly schemaName: string;
  /** Each `let` list by name (the first, if a name repeats). */
  readonly lets: ReadonlyMap<string, LetStatement>;
  /** Each group by name (the first, if a name repeats). */
  readonly groups: ReadonlyMap<string, GroupStatement>;
  /** Every rule in source order, with its group. */
  readonly rules: readonly { readonly rule: Rule; readonly group?: GroupStatement }[];
  readonly tiers: readonly TierStatement[];
  /** Every test of every condition, in source order. */
  readonly tests: readonly TestSite[];
  report(diagnostic: Diagnostic): void;
  resolve(path: Path, scope: Scope): Resolution;
  /** The path's type, or undefined when the path is unknown or cannot be checked. */
  typeOf(path: Path, scope: Scope): FieldType | undefined;
  /** The elements of a list written in place or named by a `let`; undefined for an unknown name. */
  listItems(list: ListRef): readonly Value[] | undefined;
  /** Every value that must fit a known field whose operator fits it. */
  valueSites(): readonly ValueSite[];
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

/** Walks `segments[from…]` down the properties of `type`. */
function walk(type: FieldType, path: Path, from: number, scope: Scope): Resolution {
  let current = type;
  const names = path.segments.map((s) => s.name);
  for (let i = from; i < names.length; i++) {
    const name = names[i]!;
    const parent = names.slice(0, i).join('.');
    if (current.properties) {
      const next = current.properties.get(name);
      if (!next) {
        return { kind: 'unknown', scope, parent, missing: name, candidates: [...current.properties.keys()] };
      }
      current = next;
    } else if (isAny(current) || valueTypes(current).has('object')) {
      return { kind: 'found', type: ANY };
    } else {
      return { kind: 'unknown', scope, parent, missing: name, candidates: [], parentType: current };
    }
  }
  return { kind: 'found', type: current };
}

export function createContext(
  file: RuleFile,
  schema: SchemaModel | undefined,
  report: (d: Diagnostic) => void,
): CheckContext {
  const lets = new Map<string, LetStatement>();
  const groups = new Map<string, GroupStatement>();
  const tiers: TierStatement[] = [];
  for (const statement of file.statements) {
    if (statement.kind === 'let' && !lets.has(statement.name.name)) lets.set(statement.name.name, statement);
    if (statement.kind === 'group' && !groups.has(statement.name.name)) groups.set(statement.name.name, statement);
    if (statement.kind === 'tier') tiers.push(statement);
  }
  const rules = rulesOf(file);

  const tests: TestSite[] = [];
  for (const { condition, scope } of conditionsOf(file))
    forEachTest(condition, (test) => void tests.push({ test, scope }));

  function resolve(path: Path, scope: Scope): Resolution {
    const first = path.segments[0];
    if (!first) return { kind: 'unchecked' };
    switch (scope.kind) {
      case 'lead':
        return walk(schema ? schema.lead : ANY, path, 0, scope);
      case 'event': {
        if (EVENT_ENVELOPE.has(first.name)) {
          return { kind: 'unknown', scope, parent: '', missing: first.name, candidates: [], envelope: true };
        }
        if (!schema) return { kind: 'found', type: ANY };
        const event = schema.events.get(scope.eventType);
        if (!event) return { kind: 'unchecked' };
        const resolved = walk(event, path, 0, scope);
        if (resolved.kind === 'unknown' && resolved.parent === '') {
          return { ...resolved, candidates: resolved.candidates.filter((c) => !EVENT_ENVELOPE.has(c)) };
        }
        return resolved;
      }
      case 'tier': {
        if (first.name === 'score' || groups.has(first.name)) return walk(INTEGER, path, 1, scope);
        const resolved = walk(schema ? schema.lead : ANY, path, 0, scope);
        if (resolved.kind === 'unknown' && resolved.parent === '') {
          return { ...resolved, candidates: ['score', ...groups.keys(), ...resolved.candidates] };
        }
        return resolved;
      }
    }
  }

  function typeOf(path: Path, scope: Scope): FieldType | undefined {
    const resolved = resolve(path, scope);
    return resolved.kind === 'found' ? resolved.type : undefined;
  }

  function listItems(list: ListRef): readonly Value[] | undefined {
    if (list.kind === 'list') return list.items;
    return lets.get(list.name)?.list.items;
  }

  let sites: ValueSite[] | undefined;
  function valueSites(): readonly ValueSite[] {
    if (sites) return sites;
    sites = [];
    for (const { test, scope } of tests) {
      if (test.kind === 'isSet' || test.kind === 'truthy') continue;
      const type = typeOf(test.path, scope);
      const field = pathText(test.path);
      if (!type || operatorMismatch(test, type, field) !== undefined) continue;
      switch (test.kind) {
        case 'compare':
          sites.push({
            value: test.value,
            test,
            field,
            role: 'compare',
            expected: ORDERING.has(test.op) ? NUMBER : type,
          });
          break;
        case 'in': {
          const list = test.list.kind === 'identifier' ? lets.get(test.list.name) : undefined;
          for (const value of listItems(test.list) ?? [])
            sites.push({ value, test, field, role: 'element', expected: type, ...(list ? { list } : {}) });
          break;
        }
        case 'contains': {
          // On a text field the value is a substring; on a list field, an item.
          // A field that may be text or a list takes any value.
          if (isAny(type) || (admits(type, 'string') && admitsArray(type))) break;
          if (admits(type, 'string')) sites.push({ value: test.value, test, field, role: 'substring', expected: TEXT });
          else sites.push({ value: test.value, test, field, role: 'item', expected: type.items ?? ANY });
          break;
        }
      }
    }
    return sites;
  }

  return {
    file,
    schema,
    schemaName: schema ? baseName(schema.file) : 'the schema',
    lets,
    groups,
    rules,
    tiers,
    tests,
    report,
    resolve,
    typeOf,
    listItems,
    valueSites,
  };
}

/** `{ suggestions }` when there are any, for the diagnostic's extra fields. */
export function withSuggestions(suggestions: readonly string[]): { suggestions?: readonly string[] } {
  return suggestions.length > 0 ? { suggestions } : {};
}

/**
 * Did-you-mean candidates for a path with an unknown segment, as whole
 * paths: the near names of the missing segment, with the known prefix and the
 * rest of the written path kept (`compnay.size` → `company.size`).
 */
export function suggestedPaths(path: Path, resolved: Extract<Resolution, { kind: 'unknown' }>): string[] {
  const prefix = resolved.parent ? `${resolved.parent}.` : '';
  const rest = path.segments
    .slice(resolved.parent ? resolved.parent.split('.').length + 1 : 1)
    .map((s) => `.${s.name}`)
    .join('');
  return suggest(resolved.missing, resolved.candidates).map((name) => prefix + name + rest);
}
