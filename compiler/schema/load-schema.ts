/**
 * Reads a schema file (docs/language.md#14-the-schema-file) into a SchemaModel, reporting every
 * problem as a Diagnostic that points into the schema file itself.
 * Browser-safe: the caller reads the file; this only sees its text.
 *
 * Decisions:
 * - The file must be strict JSON (no comments, no trailing commas): other
 *   tools read it too. Only the first syntax error is reported, as later ones
 *   are usually echoes of it.
 * - `$defs` / `definitions` at the top of the file are shared: they are
 *   copied into `lead` and each event schema (which keep their own on a name
 *   clash), so `"$ref": "#/$defs/x"` works from any of them.
 * - `model` is returned exactly when there is no error (warnings allowed).
 */
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { error, warning, type Diagnostic, type DiagnosticParams } from '../../grammar/diagnostic.js';
import { LineMap, type Range } from '../../grammar/range.js';
import { findJsonSyntaxProblem, findTooDeep, type JsonSyntaxProblem } from '../../core/json-syntax.js';
import { didYouMean, suggest } from '../suggest.js';
import { draftOf } from './ajv-instance.js';
import { checkSchema, DEFS_KEYS, isObject, type Fail } from './check-schema.js';

/** How deeply a schema file may nest objects and lists. */
const MAX_SCHEMA_DEPTH = 200;
import { fieldTypeOf, own } from './field-type.js';
import type { FieldType, SchemaModel } from './model.js';

const ALLOWED_TOP_KEYS = new Set([
  'lead',
  'events',
  '$schema',
  '$id',
  '$comment',
  '$defs',
  'definitions',
  'title',
  'description',
]);

export interface LoadedSchema {
  model?: SchemaModel;
  diagnostics: Diagnostic[];
}

export function loadSchema(text: string, file: string): LoadedSchema {
  // Editors do not show a BOM or count it in columns, so positions are those of the text without it.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineMap(source);
  const diagnostics: Diagnostic[] = [];
  const at = (node: Node | undefined): Range =>
    node === undefined ? lines.range(0, 0) : lines.range(node.offset, node.offset + node.length);
  const fail: Fail = (code, message, node, params) => {
    diagnostics.push(error(code, message, at(node), { file, params }));
  };

  // Before anything that recurses into the file (the syntax explainer, the tree, the validators).
  const deep = findTooDeep(source, MAX_SCHEMA_DEPTH);
  if (deep !== undefined) {
    diagnostics.push(
      error(
        'schema-invalid',
        `the schema file nests objects and lists more than ${MAX_SCHEMA_DEPTH} deep here: no real schema needs that many levels; flatten it or use "$ref"`,
        lines.range(deep, deep + 1),
        { file, params: { kind: 'too-deep', max: MAX_SCHEMA_DEPTH } },
      ),
    );
    return { diagnostics };
  }
  const syntax = findJsonSyntaxProblem(source);
  if (syntax !== undefined) {
    // A rule file can name any file as its schema (a key, a .env file): unless the file looks like a JSON object, none of it is quoted back.
    const message = source.trimStart().startsWith('{')
      ? `the schema file is not valid JSON: ${syntax.message}`
      : 'the schema file is not JSON: a schema file is a JSON object { "lead": …, "events": … }; check that the rule file names the right file';
    const range = source.trimStart().startsWith('{')
      ? lines.range(syntax.offset, syntax.offset + syntax.length)
      : lines.range(0, 0);
    const params: DiagnosticParams = source.trimStart().startsWith('{')
      ? { kind: 'syntax', detail: syntax.message, ...jsonProblem(source, syntax) }
      : { kind: 'not-json' };
    diagnostics.push(error('schema-json-syntax', message, range, { file, params }));
    return { diagnostics };
  }
  const tree = parseTree(source, [], { disallowComments: true });
  // JSON.parse keeps `__proto__` as an ordinary own key, unlike building objects by assignment.
  const root: unknown = JSON.parse(source);
  if (
    tree === undefined ||
    tree.type !== 'object' ||
    typeof root !== 'object' ||
    root === null ||
    Array.isArray(root)
  ) {
    fail(
      'schema-shape',
      'the schema file must be a JSON object with "lead" (the JSON Schema of a lead) and "events" (the JSON Schema of each event type)',
      tree,
      { kind: 'not-object' },
    );
    return { diagnostics };
  }
  const headOf = (node: Node): Node => ({ ...node, length: 1 }); // the opening brace, not the whole object

  for (const property of tree.children ?? []) {
    const keyNode = property.children?.[0];
    const key = keyNode?.value;
    if (typeof key !== 'string' || ALLOWED_TOP_KEYS.has(key)) continue;
    const near = suggest(key, ['lead', 'events']);
    diagnostics.push(
      warning(
        'schema-shape',
        `the schema file has an unknown key "${key}"; it is ignored (a schema file has "lead" and "events")${didYouMean(near)}`,
        at(keyNode),
        {
          file,
          suggestions: near,
          params: { kind: 'unknown-key', key },
        },
      ),
    );
  }

  const rootDraft = draftOf(root);
  const leadNode = findNodeAtLocation(tree, ['lead']);
  const leadRaw = own(root, 'lead');
  let leadSchema: object | undefined;
  if (leadNode === undefined) {
    fail(
      'schema-shape',
      'the schema file has no "lead": add "lead": { "type": "object", "properties": { … } } describing one lead',
      headOf(tree),
      { kind: 'no-lead' },
    );
  } else if (!isObject(leadRaw)) {
    fail(
      'schema-shape',
      '"lead" must be a JSON Schema object, e.g. { "type": "object", "properties": { … } }',
      leadNode,
      { kind: 'lead-not-object' },
    );
  } else {
    leadSchema = withSharedDefs(leadRaw, root);
    const type = own(leadRaw, 'type');
    if (type !== undefined && !(type === 'object' || (Array.isArray(type) && type.includes('object')))) {
      fail(
        'schema-shape',
        'a lead is a record of fields, so "lead" must have "type": "object"',
        findNodeAtLocation(leadNode, ['type']),
        { kind: 'lead-type' },
      );
    }
    checkSchema(leadSchema, leadNode, draftOf(leadRaw, rootDraft), fail);
  }

  const eventsNode = findNodeAtLocation(tree, ['events']);
  const eventsRaw = own(root, 'events');
  const eventSchemas = new Map<string, object>();
  if (eventsNode === undefined) {
    fail(
      'schema-shape',
      'the schema file has no "events": add "events": { "page_view": { … }, "email_open": {} } with one entry per event type',
      headOf(tree),
      { kind: 'no-events' },
    );
  } else if (!isObject(eventsRaw)) {
    fail(
      'schema-shape',
      '"events" must be an object mapping each event type to the JSON Schema of its properties ({} when it has none)',
      eventsNode,
      { kind: 'events-not-object' },
    );
  } else {
    for (const property of eventsNode.children ?? []) {
      const name = property.children?.[0]?.value;
      const valueNode = property.children?.[1];
      if (typeof name !== 'string' || valueNode === undefined) continue;
      const raw = own(eventsRaw, name);
      if (!isObject(raw)) {
        fail(
          'schema-shape',
          `the event type "${name}" must map to a JSON Schema object of its properties ({} when it has none)`,
          valueNode,
          { kind: 'event-not-object', event: name },
        );
        continue;
      }
      const schema = withSharedDefs(raw, root);
      eventSchemas.set(name, schema);
      checkSchema(schema, valueNode, draftOf(raw, rootDraft), fail);
    }
  }

  if (diagnostics.some((d) => d.severity === 'error') || leadSchema === undefined) return { diagnostics };
  const events = new Map<string, FieldType>();
  for (const [name, schema] of eventSchemas) events.set(name, fieldTypeOf(schema, schema));
  return {
    model: { file, lead: fieldTypeOf(leadSchema, leadSchema), events, leadSchema, eventSchemas },
    diagnostics,
  };
}

/**
 * Which JSON syntax problem it is (jsonc-parser's code name, or
 * `trailing-comma`) and the text found there, for a translated message.
 */
function jsonProblem(source: string, syntax: JsonSyntaxProblem): { problem: string; found: string } {
  const errors: ParseError[] = [];
  parse(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const found = source.slice(syntax.offset, syntax.offset + Math.max(1, Math.min(syntax.length, 20)));
  if (syntax.message.startsWith('a comma is not allowed')) return { problem: 'trailing-comma', found };
  return { problem: first === undefined ? 'unknown' : printParseErrorCode(first.error), found };
}

/** A copy of `schema` that also holds the file's top-level definitions (its own win). */
function withSharedDefs(schema: Record<string, unknown>, root: unknown): object {
  const shared = DEFS_KEYS.filter((key) => isObject(own(root, key)));
  if (shared.length === 0) return schema;
  const copy = cloneOwn(schema);
  for (const key of shared) {
    const defs = cloneOwn(own(root, key) as Record<string, unknown>);
    const mine = own(schema, key);
    if (isObject(mine)) for (const name of Object.keys(mine)) define(defs, name, mine[name]);
    define(copy, key, defs);
  }
  return copy;
}

function cloneOwn(source: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) define(copy, key, source[key]);
  return copy;
}

/** Sets an own property even for `__proto__`, which plain assignment would turn into a prototype change. */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
