import type { Lang } from './i18n.js';
import { EXAMPLE_AS_OF, EXAMPLE_RULES, EXAMPLE_SCHEMA } from './data/examples.js';

/**
 * Everything a share link or the local copy keeps. The data itself is not
 * kept (it may be large and private): only which data set was used.
 */
export type DataRef = { readonly kind: 'example' } | { readonly kind: 'files'; readonly names: readonly string[] };

export interface SavedState {
  readonly rules: string;
  readonly schema: string;
  readonly data: DataRef;
  /** `YYYY-MM-DDTHH:MM`, Japan time. */
  readonly asOf: string;
}

export interface LocalState extends SavedState {
  readonly lang: Lang;
  /** The diff baseline the user saved, if any. */
  readonly snapshot?: string;
}

export const DEFAULT_STATE: SavedState = {
  rules: EXAMPLE_RULES,
  schema: EXAMPLE_SCHEMA,
  data: { kind: 'example' },
  asOf: EXAMPLE_AS_OF,
};

/** Limits for untrusted input (share links, local storage another version wrote). */
const MAX_TEXT = 1_000_000;
const AS_OF = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Reads a state object of unknown origin field by field; anything malformed falls back to the default. */
export function sanitizeState(value: unknown): SavedState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const text = (x: unknown): string | undefined => (typeof x === 'string' && x.length <= MAX_TEXT ? x : undefined);
  const rules = text(v.rules);
  if (rules === undefined) return undefined;
  return {
    rules,
    schema: text(v.schema) ?? DEFAULT_STATE.schema,
    data: sanitizeDataRef(v.data),
    asOf: typeof v.asOf === 'string' && AS_OF.test(v.asOf) ? v.asOf : DEFAULT_STATE.asOf,
  };
}

function sanitizeDataRef(value: unknown): DataRef {
  if (typeof value !== 'object' || value === null) return { kind: 'example' };
  const v = value as Record<string, unknown>;
  if (v.kind !== 'files' || !Array.isArray(v.names)) return { kind: 'example' };
  const names = v.names
    .filter((n): n is string => typeof n === 'string')
    .map((n) => n.slice(0, 200))
    .slice(0, 10);
  return names.length > 0 ? { kind: 'files', names } : { kind: 'example' };
}
