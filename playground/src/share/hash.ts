import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { sanitizeState, type SavedState } from '../state.js';

/**
 * Share links: the state as JSON, lz-string compressed into the URL hash
 * (`#s=…`). The hash never reaches a server, so a link's rules stay between
 * sender and receiver. Opening a link is untrusted input: it is decoded as
 * data, checked field by field, and only ever reaches the page as editor
 * text, never as markup or code.
 */
const PREFIX = '#s=';
const VERSION = 1;
/** A decompressed state larger than this is refused (a zip bomb in a link). */
const MAX_JSON = 4_000_000;

export function encodeShareHash(state: SavedState): string {
  return PREFIX + compressToEncodedURIComponent(JSON.stringify({ v: VERSION, ...state }));
}

export function decodeShareHash(hash: string): SavedState | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  try {
    const json = decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
    if (!json || json.length > MAX_JSON) return undefined;
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || (value as { v?: unknown }).v !== VERSION) return undefined;
    return sanitizeState(value);
  } catch {
    return undefined;
  }
}
