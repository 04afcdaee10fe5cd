/**
 * The editor-neutral language service: everything an editor shows about a
 * rule file, as plain data (offsets and {line, character} in UTF-16 units).
 * The playground's Monaco adapters and the language server both use it, so
 * the two never drift. Browser-safe.
 */
export * from './code-actions.js';
export * from './completion.js';
export * from './cursor-context.js';
export * from './document.js';
export * from './document-symbols.js';
export * from './formatting.js';
export * from './hover.js';
export * from './names.js';
export * from './positions.js';
export * from './references.js';
export * from './rename.js';
export * from './schema-info.js';
export * from './semantic-tokens.js';
export * from './decay.js';
