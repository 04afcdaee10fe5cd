/**
 * Lead ids written as JSON numbers beyond 2^53 (`12345678901234567890`):
 * JSON.parse rounds them, so different leads would share one id. The reader
 * keeps the text of such an id, exactly as written, beside the record (under
 * a symbol: invisible to the schema validation, which still sees the number
 * as parsed, and to --rejects); `exactId` gives it to whoever groups events
 * by lead or writes the id out (as a JSON string). Ids that are safe
 * integers are left as they are. Only records holding such an id pay for the
 * second look at their text.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

const ID_KEYS = ['id', 'lead_id'] as const;
type IdKey = (typeof ID_KEYS)[number];
const EXACT = Symbol('leadscore.exactIds');

/** The record's `id` or `lead_id`: the text as written when the number was rounded, else the value as parsed. */
export function exactId(record: Record<string, unknown>, key: IdKey): unknown {
  const exact = (record as { [EXACT]?: Partial<Record<IdKey, string>> })[EXACT]?.[key];
  return exact ?? (Object.hasOwn(record, key) ? record[key] : undefined);
}

/** True when a parsed id lost digits: a whole number beyond 2^53, or too large to be a number at all. */
function roundedId(value: unknown): boolean {
  return (
    typeof value === 'number' && !Number.isSafeInteger(value) && (Number.isInteger(value) || !Number.isFinite(value))
  );
}

export function hasRoundedId(record: Record<string, unknown>): boolean {
  return ID_KEYS.some((key) => Object.hasOwn(record, key) && roundedId(record[key]));
}

/** Replaces rounded ids of `record` by their source text, read from `tree` (the record's own JSON node). */
export function restoreIds(record: Record<string, unknown>, tree: Node | undefined, text: string): void {
  if (tree === undefined) return;
  for (const key of ID_KEYS) {
    if (!Object.hasOwn(record, key) || !roundedId(record[key])) continue;
    // The last occurrence wins, as in JSON.parse.
    const node = lastProperty(tree, key);
    if (node?.type !== 'number') continue;
    const holder = record as { [EXACT]?: Partial<Record<IdKey, string>> };
    if (holder[EXACT] === undefined) Object.defineProperty(record, EXACT, { value: {}, enumerable: false });
    holder[EXACT]![key] = text.slice(node.offset, node.offset + node.length);
  }
}

/** A record's JSON line: its tree, parsed again only when needed. */
export function restoreIdsInLine(record: Record<string, unknown>, text: string): void {
  if (hasRoundedId(record)) restoreIds(record, parseTree(text), text);
}

function lastProperty(object: Node, key: string): Node | undefined {
  if (object.type !== 'object') return undefined;
  let found: Node | undefined;
  for (const property of object.children ?? []) {
    if (property.children?.[0]?.value === key) found = property.children[1];
  }
  return found ?? findNodeAtLocation(object, [key]);
}
