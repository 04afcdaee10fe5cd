/**
 * Which schema type each CSV column has, for convertCell. Leads take it from
 * the lead schema; events from the schema of the row's own `type`.
 */
import type { FieldType, SchemaModel } from '../../compiler/schema/model.js';

/** Given a column (a dotted header such as `company.size`) and the row's raw cells, the column's type. */
export type ColumnTyper = (column: string, row: ReadonlyMap<string, string>) => FieldType | undefined;

const STRING: FieldType = { types: new Set(['string']) };

/** The type at a dotted path below `root`, following declared properties. */
export function fieldTypeAtPath(root: FieldType | undefined, column: string): FieldType | undefined {
  let type = root;
  for (const key of column.split('.')) {
    type = type?.properties?.get(key);
    if (type === undefined) return undefined;
  }
  return type;
}

/**
 * Types of a leads CSV. An `id` the schema does not declare stays text:
 * `00123` and `123` are different leads.
 */
export function leadColumnTypes(model: SchemaModel | undefined): ColumnTyper {
  return (column) => fieldTypeAtPath(model?.lead, column) ?? (column === 'id' ? STRING : undefined);
}

/** Types of an events CSV: `lead_id`, `type` and `at` are text; the rest follows the schema of the row's `type`. */
export function eventColumnTypes(model: SchemaModel | undefined): ColumnTyper {
  return (column, row) => {
    if (column === 'lead_id' || column === 'type' || column === 'at') return STRING;
    const type = row.get('type');
    return type === undefined ? undefined : fieldTypeAtPath(model?.events.get(type), column);
  };
}
