import { ApiError } from '../http-common/api-error.js';

/** Deeper JSON than this is refused (400) before it is parsed: no record needs it, and deep nesting is a denial of service. */
export const MAX_JSON_DEPTH = 32;

/**
 * Parses a request body as JSON after checking its nesting depth in one
 * pass over the text (brackets inside strings do not count). `__proto__`
 * keys stay ordinary own properties (JSON.parse never sets a prototype).
 */
export function parseJsonBody(text: string): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH)
        throw new ApiError(400, 'too_deep', `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ApiError(400, 'invalid_json', `the body is not JSON: ${(e as Error).message}`);
  }
}
