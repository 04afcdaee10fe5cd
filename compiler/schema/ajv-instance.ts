/**
 * One place that picks the ajv flavour for a JSON Schema: draft-07 by default,
 * 2019-09 or 2020-12 when the schema's `$schema` says so. Browser-safe.
 */
import { Ajv, type Options } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export type Draft = '07' | '2019-09' | '2020-12';
type AnyAjv = Ajv | Ajv2019 | Ajv2020;

// ajv-formats is CommonJS; depending on the loader its default import is the
// plugin or the module object holding it.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: AnyAjv,
) => void;

/** The draft a schema declares with `$schema` (`fallback` when it declares none we know). */
export function draftOf(schema: unknown, fallback: Draft = '07'): Draft {
  const declared =
    typeof schema === 'object' && schema !== null ? (schema as { $schema?: unknown }).$schema : undefined;
  if (typeof declared !== 'string') return fallback;
  if (declared.includes('2020-12')) return '2020-12';
  if (declared.includes('2019-09')) return '2019-09';
  if (declared.includes('draft-07') || declared.includes('draft-06')) return '07';
  return fallback;
}

/**
 * A fresh ajv for `draft`. Validation wants `allErrors` (report every problem
 * of a record at once) and `verbose` (the failing value, for "(got …)").
 */
export function createAjv(draft: Draft, options: Options = {}): AnyAjv {
  const all: Options = { strict: false, allErrors: true, verbose: true, ...options };
  const ajv = draft === '2020-12' ? new Ajv2020(all) : draft === '2019-09' ? new Ajv2019(all) : new Ajv(all);
  addFormats(ajv);
  return ajv;
}
