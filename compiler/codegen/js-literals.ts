/**
 * Every name and string a rule file supplies reaches generated code only
 * through these functions. They emit literals that JavaScript (and an HTML
 * <script> element, should the module be inlined) reads back as exactly the
 * original value: nothing a rule file contains can end a string early.
 */

export function jsString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u2028\u2029<>]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function jsNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return Object.is(value, -0) ? '0' : String(value);
}

export function jsValue(value: string | number | boolean): string {
  if (typeof value === 'string') return jsString(value);
  if (typeof value === 'number') return jsNumber(value);
  return value ? 'true' : 'false';
}

/** Names every object inherits; reading them needs an own-property check. */
const INHERITED = new Set<string>([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

/**
 * Reads property `key` of the object held in `objectExpr` (an identifier).
 * Inherited names (`constructor`, `__proto__`, `toString`…) are read only
 * when the object has them itself, so data can't reach prototypes.
 */
export function jsOwnRead(objectExpr: string, key: string): string {
  const quoted = jsString(key);
  return INHERITED.has(key)
    ? `(hasOwn.call(${objectExpr}, ${quoted}) ? ${objectExpr}[${quoted}] : undefined)`
    : `${objectExpr}[${quoted}]`;
}

/** An object literal key that never sets a prototype (`{["__proto__"]: 1}` is an own property). */
export function jsKey(name: string): string {
  return `[${jsString(name)}]`;
}
