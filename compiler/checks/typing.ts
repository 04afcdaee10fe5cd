/**
 * The checker's view of field types: what kind of value a field holds, how to
 * name that kind to a marketer, and whether an operator or a value fits it.
 * Shared by the checks; not a check itself.
 */
import type { ComparisonOperator, Test, Value } from '../../grammar/ast.js';
import type { DiagnosticParams } from '../../grammar/diagnostic.js';
import type { EnumValue, FieldType, JsonType } from '../schema/model.js';

/** A field about which nothing is known: everything fits. */
export const ANY: FieldType = { types: new Set<JsonType>() };

export const NUMBER: FieldType = { types: new Set<JsonType>(['number']) };
export const TEXT: FieldType = { types: new Set<JsonType>(['string']) };

/** `score` and group subtotals. */
export const INTEGER: FieldType = { types: new Set<JsonType>(['integer']) };

/**
 * The JSON types a field's non-null values may have. `null` is dropped (the
 * language reads it as missing); a field typed only by its `enum` takes the
 * types of the enum's values. An empty set means "any".
 */
export function valueTypes(type: FieldType): ReadonlySet<JsonType> {
  const result = new Set<JsonType>();
  for (const t of type.types) if (t !== 'null') result.add(t);
  if (result.size === 0 && type.types.size === 0 && type.enumValues) {
    for (const v of type.enumValues) {
      if (typeof v === 'string') result.add('string');
      else if (typeof v === 'number') result.add(Number.isInteger(v) ? 'integer' : 'number');
      else if (typeof v === 'boolean') result.add('boolean');
    }
  }
  return result;
}

export function isAny(type: FieldType): boolean {
  return valueTypes(type).size === 0;
}

export type ScalarKind = 'number' | 'string' | 'boolean';

/** Whether a value of this kind may be a value of the field (always, for an "any" field). */
export function admits(type: FieldType, kind: ScalarKind): boolean {
  const types = valueTypes(type);
  if (types.size === 0) return true;
  if (kind === 'number') return types.has('number') || types.has('integer');
  return types.has(kind);
}

export function admitsArray(type: FieldType): boolean {
  const types = valueTypes(type);
  return types.size === 0 || types.has('array');
}

/** Whether the field may hold a single value that `=`/`in` can compare (a number, text or yes/no). */
export function admitsScalar(type: FieldType): boolean {
  return admits(type, 'number') || admits(type, 'string') || admits(type, 'boolean');
}

/** The field's allowed values without `null`, or undefined when the field has no enum. */
export function allowedValues(type: FieldType): readonly Exclude<EnumValue, null>[] | undefined {
  if (!type.enumValues) return undefined;
  return type.enumValues.filter((v): v is Exclude<EnumValue, null> => v !== null);
}

/** "text", "number", "text or number", … — for messages. */
export function describeKind(type: FieldType): string {
  const types = valueTypes(type);
  if (types.size === 0) return 'any';
  const names: string[] = [];
  if (types.has('string')) names.push('text');
  if (types.has('number') || types.has('integer')) names.push('number');
  if (types.has('boolean')) names.push('yes/no');
  if (types.has('array')) names.push('list');
  if (types.has('object')) names.push('object');
  return names.join(' or ');
}

/** The field's kinds as a comma-separated list (`text,number`), from which translated messages name them. */
export function kindList(type: FieldType): string {
  return describeKind(type).split(' or ').join(',');
}

/** "a number field", "a text field", … — for messages. */
export function describeType(type: FieldType): string {
  const kind = describeKind(type);
  if (kind === 'any') return 'a field of any type';
  return `${kind.startsWith('object') ? 'an' : 'a'} ${kind} field`;
}

/** `"多い" is text`, `5 is a number`, `true is a yes/no value`. */
export function describeValue(value: Value): string {
  switch (value.kind) {
    case 'string':
      return `"${value.value}" is text`;
    case 'number':
      return `${value.raw} is a number`;
    case 'boolean':
      return `${value.value} is a yes/no value`;
  }
}

export function showValue(value: Value | EnumValue): string {
  if (value === null) return 'null';
  if (typeof value === 'object') {
    if (value.kind === 'string') return `"${value.value}"`;
    if (value.kind === 'number') return value.raw;
    return String(value.value);
  }
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Whether a value written in the rule equals an allowed value of an enum. */
export function inEnum(value: Value, allowed: readonly EnumValue[]): boolean {
  return allowed.some((a) => a !== null && a === value.value);
}

export const ORDERING: ReadonlySet<ComparisonOperator> = new Set(['<', '<=', '>', '>=']);

/** A hint of what to write instead, by the field's type: a key (for translations) and its English. */
function alternativeKey(type: FieldType): 'yes-no' | 'contains' | 'compare' | 'equals' {
  if (admits(type, 'boolean') && !admits(type, 'string') && !admits(type, 'number')) return 'yes-no';
  if (admitsArray(type) && !admitsScalar(type)) return 'contains';
  if (admits(type, 'number')) return 'compare';
  return 'equals';
}

function alternative(type: FieldType, path: string): string {
  switch (alternativeKey(type)) {
    case 'yes-no':
      return `write "${path}" alone or "${path} = true"`;
    case 'contains':
      return `use "${path} contains …"`;
    case 'compare':
      return 'use a comparison like >= or =';
    case 'equals':
      return 'use = or in';
  }
}

/** The params of an operator-type diagnostic (`kind`: ordering, single, contains, alone). */
export function operatorMismatchParams(test: Test, type: FieldType, path: string): DiagnosticParams {
  const op = test.kind === 'compare' ? test.op : test.kind === 'in' ? (test.negated ? 'not in' : 'in') : test.kind;
  const kind =
    test.kind === 'compare' && ORDERING.has(test.op)
      ? 'ordering'
      : test.kind === 'compare' || test.kind === 'in'
        ? 'single'
        : test.kind === 'contains'
          ? 'contains'
          : 'alone';
  return { kind, op, path, fieldKinds: kindList(type), alternative: alternativeKey(type) };
}

/**
 * Why the test's operator does not fit the field's type, or undefined when it
 * fits. Ordering needs a number, `contains` text or a list, `=`/`in` a single
 * value, a bare path a yes/no field. An "any" field fits every operator.
 */
export function operatorMismatch(test: Test, type: FieldType, path: string): string | undefined {
  if (isAny(type)) return undefined;
  const field = `"${path}" is ${describeType(type)}`;
  switch (test.kind) {
    case 'compare':
      if (ORDERING.has(test.op)) {
        return admits(type, 'number')
          ? undefined
          : `ordering (${test.op}) needs a number, but ${field} — ${alternative(type, path)}`;
      }
      return admitsScalar(type)
        ? undefined
        : `${test.op} compares a single value, but ${field} — ${alternative(type, path)}`;
    case 'in':
      return admitsScalar(type)
        ? undefined
        : `${test.negated ? 'not in' : 'in'} compares a single value, but ${field} — ${alternative(type, path)}`;
    case 'contains':
      return admits(type, 'string') || admitsArray(type)
        ? undefined
        : `contains needs a text or list field, but ${field} — ${alternative(type, path)}`;
    case 'truthy':
      return admits(type, 'boolean')
        ? undefined
        : `"${path}" alone tests a yes/no field, but ${field} — write a comparison such as "${path} is set" or "${path} = …"`;
    case 'isSet':
      return undefined;
  }
}
