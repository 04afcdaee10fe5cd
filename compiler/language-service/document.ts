import type { RuleFile } from '../../grammar/ast.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { checkSource, type CheckedSource, type SchemaHost } from '../check-source.js';
import type { SchemaModel } from '../schema/model.js';
import { TextIndex } from './positions.js';

/**
 * One rule file as the language features see it: its text, its parse (a
 * file with syntax errors still has every statement that could be read),
 * the schema it was checked against and the diagnostics. Built by the
 * editor (the playground, the language server) after each change.
 */
export interface LanguageDocument {
  readonly text: string;
  readonly index: TextIndex;
  readonly file: RuleFile;
  /** The schema the file names; while it fails to load, the last one that loaded, so completion keeps working. */
  readonly schema?: SchemaModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly checked: CheckedSource;
}

export function analyzeDocument(text: string, host: SchemaHost, lastSchema?: SchemaModel): LanguageDocument {
  return documentOf(text, checkSource(text, host), lastSchema);
}

/** A document from a check the editor already ran (the playground checks in its own loop). */
export function documentOf(text: string, checked: CheckedSource, lastSchema?: SchemaModel): LanguageDocument {
  const schema = checked.schema ?? lastSchema;
  return {
    text,
    index: new TextIndex(text),
    file: checked.file,
    ...(schema && { schema }),
    diagnostics: checked.diagnostics,
    checked,
  };
}
