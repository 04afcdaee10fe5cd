import { checkSource, type CheckedSource } from '../../../compiler/check-source.js';

/**
 * Runs the real checker on the editor's text. Whatever path the rule file's
 * `schema` line names, the schema is the text of the schema tab: in the
 * browser there is no file system, and the tab is what the user sees.
 */
export const SCHEMA_FILE = 'lead.schema.json';

export function checkRules(rules: string, schemaText: string): CheckedSource {
  return checkSource(rules, { readSchema: () => ({ file: SCHEMA_FILE, text: schemaText }) });
}
