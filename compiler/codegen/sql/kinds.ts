import type { FieldType } from '../../schema/model.js';

/**
 * The one SQL type a lead field or event property is read as. A warehouse
 * column has a single type, so the query needs to know, when it is
 * generated, whether `x = 5` compares numbers or `x contains "a"` searches
 * text or an array: the schema says. Values are then read through the
 * dialect's safe casts (number-as-text converts; text that does not is
 * missing), and a test whose value type does not fit the field is decided
 * the way the JavaScript scorer decides it (`employees = "a"` is false).
 */
export type ScalarKind = 'number' | 'string' | 'boolean';
export type SqlKind =
  | { readonly kind: ScalarKind }
  /** `items` undefined: the schema does not say; the array is compared with whatever the value is. */
  | { readonly kind: 'array'; readonly items?: ScalarKind }
  /** Always missing: `type`/`at`/`lead_id` inside `where`, `score.x` in a tier. */
  | { readonly kind: 'missing' };

/** The kind of a schema type; undefined when it allows more than one kind (or anything). */
export function kindOf(type: FieldType | undefined): SqlKind | undefined {
  if (type === undefined) return undefined;
  const scalar = scalarKindOf(type);
  if (scalar) return { kind: scalar };
  const types = [...type.types].filter((t) => t !== 'null');
  if (types.length === 1 && types[0] === 'array') {
    const items = type.items === undefined ? undefined : scalarKindOf(type.items);
    return items ? { kind: 'array', items } : { kind: 'array' };
  }
  return undefined;
}

function scalarKindOf(type: FieldType): ScalarKind | undefined {
  const types = new Set([...type.types].filter((t) => t !== 'null'));
  types.delete('integer');
  if (types.size !== 1) return undefined;
  const [only] = [...types];
  return only === 'number' || only === 'string' || only === 'boolean' ? only : undefined;
}

/** The type at a dotted path below an object type, following declared properties. */
export function typeAtPath(root: FieldType | undefined, segments: readonly string[]): FieldType | undefined {
  let type = root;
  for (const key of segments) {
    type = type?.properties?.get(key);
    if (type === undefined) return undefined;
  }
  return type;
}
