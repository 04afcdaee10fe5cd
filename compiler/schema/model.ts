/**
 * What the checker and the readers know of a schema file: the JSON Schemas
 * themselves (for validating data) and a simplified type view of each field
 * (for checking rules).
 */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

export type EnumValue = string | number | boolean | null;

export interface FieldType {
  /** The JSON types the value may have; empty means "any". `integer` implies a number. */
  readonly types: ReadonlySet<JsonType>;
  /** The allowed values, when the schema restricts them with `enum` or `const`. */
  readonly enumValues?: readonly EnumValue[];
  /** For arrays: the type of the items. */
  readonly items?: FieldType;
  /** For objects: the declared properties. */
  readonly properties?: ReadonlyMap<string, FieldType>;
}

export interface SchemaModel {
  /** The schema file's path as the rule file names it, resolved by the caller. */
  readonly file: string;
  /** The type of a lead (an object type with properties). */
  readonly lead: FieldType;
  /** Each event type's properties, by event type name. */
  readonly events: ReadonlyMap<string, FieldType>;
  /** The raw JSON Schema for a lead, for validation. */
  readonly leadSchema: object;
  /** The raw JSON Schema for each event type's properties, for validation. */
  readonly eventSchemas: ReadonlyMap<string, object>;
}
