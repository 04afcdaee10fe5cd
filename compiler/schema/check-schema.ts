/**
 * Whether the schemas in a schema file are valid JSON Schema: each checked
 * against its draft's meta-schema (ajv), and every `$ref` pointing at a
 * definition that exists. Problems point into the schema file's parse tree.
 * Browser-safe.
 */
import type { Ajv } from 'ajv';
import type { Node } from 'jsonc-parser';
import type { DiagnosticCode } from '../../grammar/diagnostic-catalogue.js';
import type { DiagnosticParams } from '../../grammar/diagnostic.js';
import { didYouMean, suggest } from '../suggest.js';
import { createAjv, type Draft } from './ajv-instance.js';
import { own, resolvePointer } from './field-type.js';
import { findRefLoop } from './ref-loops.js';

/** Where a schema file keeps definitions shared by its schemas. */
export const DEFS_KEYS = ['$defs', 'definitions'] as const;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports a problem; `params` (with a `kind`) are what a translated message is built from. */
export type Fail = (code: DiagnosticCode, message: string, node: Node | undefined, params: DiagnosticParams) => void;

const ajvByDraft = new Map<Draft, Ajv>();
function metaValidator(draft: Draft): Ajv {
  let ajv = ajvByDraft.get(draft);
  if (ajv === undefined) {
    ajv = createAjv(draft, { verbose: false }) as Ajv;
    ajvByDraft.set(draft, ajv);
  }
  return ajv;
}

/** Reports where `schema` breaks its draft's meta-schema, or refers to definitions that do not exist. */
export function checkSchema(schema: object, node: Node, draft: Draft, fail: Fail): void {
  const ajv = metaValidator(draft);
  let valid: boolean;
  try {
    valid = ajv.validateSchema(schema) as boolean;
  } catch (e) {
    fail('schema-invalid', `this JSON Schema cannot be checked: ${(e as Error).message}`, node, {
      kind: 'cannot-check',
      detail: (e as Error).message,
    });
    return;
  }
  if (!valid) {
    // One report per location: meta-schema `anyOf`s repeat the same problem several ways.
    const seen = new Set<string>();
    for (const e of ajv.errors ?? []) {
      if (seen.has(e.instancePath) || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
      seen.add(e.instancePath);
      const segments = e.instancePath.split('/').slice(1).map(unescapePointer);
      const where = nodeAt(node, segments);
      const args = [
        segments,
        where.value,
        e.keyword,
        e.params as Record<string, unknown>,
        e.message ?? 'is not valid',
      ] as const;
      const params = metaParams(...args);
      fail('schema-invalid', metaMessage(params), where, params);
    }
    return;
  }
  let broken = false;
  checkRefs(schema, node, schema, (code, message, at, params) => {
    broken = true;
    fail(code, message, at, params);
  });
  if (broken) return;
  const loop = findRefLoop(schema, schema);
  if (loop !== undefined) {
    fail(
      'schema-invalid',
      `the reference ${loop.map((r) => `"${r}"`).join(' → ')} comes back to itself without going into a property or an item, so no value can ever be checked against it: point it at a schema that describes the value`,
      node,
      { kind: 'ref-loop', refs: loop.map((r) => `"${r}"`).join(' → ') },
    );
  }
}

const TYPE_NAMES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];

/** What is wrong, as the message's params: `not-a-type` (value, suggestion), `type` (where, types) or `meta` (where, detail). */
function metaParams(
  segments: string[],
  value: unknown,
  keyword: string,
  params: Record<string, unknown>,
  message: string,
): DiagnosticParams {
  const last = segments[segments.length - 1];
  const where = segments.join('/');
  if (keyword === 'enum' && (last === 'type' || segments[segments.length - 2] === 'type')) {
    const near = typeof value === 'string' ? suggest(value, TYPE_NAMES) : [];
    return {
      kind: 'not-a-type',
      ...(typeof value === 'string' && { value }),
      ...(near.length > 0 && { near: near.join(', ') }),
    };
  }
  if (keyword === 'type') return { kind: 'type', where, types: String(params.type) };
  return { kind: 'meta', where, detail: message };
}

/** The English message of metaParams' params. */
function metaMessage(p: DiagnosticParams): string {
  if (p.kind === 'not-a-type') {
    const shown = p.value === undefined ? 'this' : JSON.stringify(p.value);
    const near = p.near === undefined ? '' : didYouMean(String(p.near).split(', '));
    return `${shown} is not a JSON Schema type${near}: use one of ${TYPE_NAMES.map((t) => `"${t}"`).join(', ')}`;
  }
  const where = p.where === '' ? 'this schema' : `"${p.where}"`;
  return p.kind === 'type' ? `${where} must be ${article(String(p.types))}` : `${where} ${p.detail}`;
}

function article(type: string): string {
  const words: Record<string, string> = {
    array: 'a list [ … ]',
    object: 'an object { … }',
    string: 'a text in double quotes',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
  };
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

/** Finds `$ref`s that do not point to a definition inside this schema. */
function checkRefs(value: unknown, node: Node, schemaRoot: object, fail: Fail): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const child = node.children?.[i];
      if (child !== undefined) checkRefs(item, child, schemaRoot, fail);
    });
    return;
  }
  if (!isObject(value)) return;
  for (const property of node.children ?? []) {
    const key = property.children?.[0]?.value;
    const child = property.children?.[1];
    if (typeof key !== 'string' || child === undefined) continue;
    const item = own(value, key);
    if (key === '$ref' && typeof item === 'string') {
      if (!item.startsWith('#'))
        fail(
          'schema-invalid',
          `only references inside the schema file are supported ("#/$defs/…"), not "${item}"`,
          child,
          { kind: 'external-ref', ref: item },
        );
      else if (resolvePointer(schemaRoot, item) === undefined) {
        const names = DEFS_KEYS.flatMap((k) =>
          Object.keys(isObject(own(schemaRoot, k)) ? (own(schemaRoot, k) as object) : {}),
        );
        const near = suggest(item.replace(/^#\/(\$defs|definitions)\//, ''), names);
        fail('schema-invalid', `"${item}" does not exist in the schema file${didYouMean(near)}`, child, {
          kind: 'missing-ref',
          ref: item,
          ...(near.length > 0 && { near: near.join(', ') }),
        });
      }
    } else checkRefs(item, child, schemaRoot, fail);
  }
}

/** The node at a path of keys below `node` (array positions as numbers); the nearest existing ancestor otherwise. */
function nodeAt(node: Node, segments: readonly string[]): Node {
  let current = node;
  for (const segment of segments) {
    let next: Node | undefined;
    if (current.type === 'array') next = current.children?.[Number(segment)];
    else if (current.type === 'object')
      next = current.children?.find((p) => p.children?.[0]?.value === segment)?.children?.[1];
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
