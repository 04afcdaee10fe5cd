/**
 * Builds the checker's simplified FieldType view of a JSON Schema. It is a
 * view, not a validator: where JSON Schema says more than a FieldType can
 * hold (patterns, ranges, if/then), ajv still enforces it on the data.
 *
 * User keys (`__proto__`, `constructor`, …) are only ever read as own
 * properties and stored in Maps, so no name can reach Object.prototype.
 */
import type { EnumValue, FieldType, JsonType } from './model.js';

const JSON_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
const ANY: FieldType = { types: new Set() };
const MAX_UNFOLD = 3;

/** Own property of a parsed JSON object, never an inherited one. */
export function own(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Resolves a local JSON pointer (`#/$defs/x`) against `root`; undefined when it does not exist. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? (/^\d+$/.test(key) ? node[Number(key)] : undefined) : own(node, key);
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * The FieldType of `schema`; local `$ref`s resolve against `root` (the schema
 * document the reference lives in).
 *
 * - `type` (a name or a list); `integer` also counts as `number`;
 * - `enum` / `const` give the allowed values, and the types when `type` is absent;
 * - `null` among the types or the enum values makes the field nullable (`null` in types);
 * - `properties` / `items` (and tuple `items`/`prefixItems`) describe nested values;
 * - `anyOf` / `oneOf` are the union of their branches, `allOf` and `$ref` narrow.
 */
export function fieldTypeOf(schema: unknown, root: unknown, seen: readonly string[] = []): FieldType {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return ANY;
  let result = ownKeywords(schema, root, seen);

  const ref = own(schema, '$ref');
  // A recursive schema is unfolded a few levels deep, then its fields are "any".
  if (typeof ref === 'string' && seen.filter((r) => r === ref).length < MAX_UNFOLD) {
    const target = resolvePointer(root, ref);
    if (target !== undefined) result = narrow(result, fieldTypeOf(target, root, [...seen, ref]));
  }
  for (const key of ['anyOf', 'oneOf']) {
    const branches = own(schema, key);
    if (Array.isArray(branches) && branches.length > 0) {
      result = narrow(result, branches.map((b) => fieldTypeOf(b, root, seen)).reduce(union));
    }
  }
  const all = own(schema, 'allOf');
  if (Array.isArray(all)) for (const part of all) result = narrow(result, fieldTypeOf(part, root, seen));
  return withNull(result);
}

function ownKeywords(schema: object, root: unknown, seen: readonly string[]): FieldType {
  const types = new Set<JsonType>();
  const type = own(schema, 'type');
  for (const name of Array.isArray(type) ? type : [type]) {
    if (typeof name === 'string' && JSON_TYPES.has(name)) types.add(name as JsonType);
  }

  let enumValues: EnumValue[] | undefined;
  const values = Object.hasOwn(schema, 'const') ? [own(schema, 'const')] : own(schema, 'enum');
  if (Array.isArray(values)) {
    enumValues = values.filter((v): v is EnumValue => v === null || ['string', 'number', 'boolean'].includes(typeof v));
    if (types.size === 0) for (const v of enumValues) types.add(v === null ? 'null' : (typeof v as JsonType));
  }

  let properties: Map<string, FieldType> | undefined;
  const props = own(schema, 'properties');
  if (typeof props === 'object' && props !== null && !Array.isArray(props)) {
    properties = new Map();
    for (const name of Object.keys(props)) properties.set(name, fieldTypeOf(own(props, name), root, seen));
  }

  let items: FieldType | undefined;
  const itemSchemas = [own(schema, 'prefixItems'), own(schema, 'items')].flatMap((x) =>
    Array.isArray(x) ? x : x === undefined ? [] : [x],
  );
  if (itemSchemas.length > 0) items = itemSchemas.map((s) => fieldTypeOf(s, root, seen)).reduce(union);

  // Without `type`, `properties` / `items` still say what the field is meant to hold.
  if (type === undefined && enumValues === undefined) {
    if (properties !== undefined) types.add('object');
    if (items !== undefined) types.add('array');
  }
  if (types.has('integer')) types.add('number');
  return make(types, enumValues, items, properties);
}

function make(
  types: Set<JsonType>,
  enumValues?: readonly EnumValue[],
  items?: FieldType,
  properties?: ReadonlyMap<string, FieldType>,
): FieldType {
  return {
    types,
    ...(enumValues !== undefined ? { enumValues } : {}),
    ...(items !== undefined ? { items } : {}),
    ...(properties !== undefined ? { properties } : {}),
  };
}

/** Either type: any branch that allows anything makes the union "any". */
function union(a: FieldType, b: FieldType): FieldType {
  const types = a.types.size === 0 || b.types.size === 0 ? new Set<JsonType>() : new Set([...a.types, ...b.types]);
  const enumValues =
    a.enumValues !== undefined && b.enumValues !== undefined
      ? [...new Set([...a.enumValues, ...b.enumValues])]
      : undefined;
  const items = a.items && b.items ? union(a.items, b.items) : (a.items ?? b.items);
  return make(types, enumValues, items, mergeProperties(a.properties, b.properties, union));
}

/** Both types at once (own keywords with a `$ref`, `allOf`, or a union). */
function narrow(a: FieldType, b: FieldType): FieldType {
  let types: Set<JsonType>;
  if (a.types.size === 0) types = new Set(b.types);
  else if (b.types.size === 0) types = new Set(a.types);
  else {
    types = new Set([...a.types].filter((t) => b.types.has(t)));
    if (types.size === 0) types = new Set(a.types); // contradictory schema: keep what is written here
  }
  const enumValues = a.enumValues ?? b.enumValues;
  const items = a.items && b.items ? narrow(a.items, b.items) : (a.items ?? b.items);
  return make(types, enumValues, items, mergeProperties(a.properties, b.properties, narrow));
}

function mergeProperties(
  a: ReadonlyMap<string, FieldType> | undefined,
  b: ReadonlyMap<string, FieldType> | undefined,
  combine: (x: FieldType, y: FieldType) => FieldType,
): ReadonlyMap<string, FieldType> | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const merged = new Map(a);
  for (const [name, type] of b) {
    const existing = merged.get(name);
    merged.set(name, existing === undefined ? type : combine(existing, type));
  }
  return merged;
}

/** An enum that lists null makes the field nullable even when `type` forgot "null". */
function withNull(type: FieldType): FieldType {
  if (type.types.size === 0 || type.types.has('null') || !type.enumValues?.includes(null)) return type;
  return make(new Set([...type.types, 'null']), type.enumValues, type.items, type.properties);
}
