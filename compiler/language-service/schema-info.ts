import type { EnumValue, FieldType, SchemaModel } from '../schema/model.js';
import { own } from '../schema/field-type.js';
import { isIdentifier } from '../../grammar/identifier-pattern.js';
import { KEYWORDS } from '../../grammar/tokens.js';
import type { Scope } from './cursor-context.js';

/** What completions and hovers need from the schema: fields by path, their types, values and descriptions. */

export function scopeRoot(schema: SchemaModel, scope: Scope): FieldType | undefined {
  return scope.kind === 'event' ? schema.events.get(scope.eventType) : schema.lead;
}

export function fieldAt(root: FieldType | undefined, path: readonly string[]): FieldType | undefined {
  let type = root;
  for (const key of path) type = type?.properties?.get(key);
  return type;
}

/** Every field below `root` as a dotted path, nested objects included. */
export function allPaths(root: FieldType | undefined, prefix = ''): { path: string; type: FieldType }[] {
  const out: { path: string; type: FieldType }[] = [];
  for (const [name, type] of root?.properties ?? []) {
    out.push({ path: prefix + name, type });
    if (type.properties) out.push(...allPaths(type, `${prefix}${name}.`));
  }
  return out;
}

/** The values a test on this field can usefully compare with: its enum, an array's item enum, or true/false. */
export function valuesOf(type: FieldType | undefined): readonly EnumValue[] {
  if (!type) return [];
  if (type.enumValues) return type.enumValues;
  if (type.items?.enumValues) return type.items.enumValues;
  if (type.types.size === 1 && type.types.has('boolean')) return [true, false];
  return [];
}

export function describeType(type: FieldType): string {
  if (type.enumValues) return 'enum';
  if (type.types.size === 0) return 'any';
  const items = type.items && type.types.has('array') ? `array of ${describeType(type.items)}` : undefined;
  return [...type.types].map((t) => (t === 'array' && items ? items : t)).join(' | ');
}

/** How a value is written in a rule: a bare word when it can be one, else a quoted string. */
export function valueSource(value: EnumValue): string {
  if (typeof value === 'string') return isIdentifier(value) && !KEYWORDS.has(value) ? value : JSON.stringify(value);
  return String(value);
}

/** The `description` the schema file gives a field, read from the raw JSON Schema (own properties only). */
export function descriptionOf(schema: SchemaModel, scope: Scope, path: readonly string[]): string | undefined {
  let node: unknown = scope.kind === 'event' ? schema.eventSchemas.get(scope.eventType) : schema.leadSchema;
  for (const key of path) {
    const props = own(node, 'properties');
    node = own(props, key);
  }
  const description = own(node, 'description');
  return typeof description === 'string' ? description : undefined;
}
