import { format } from '../../grammar/format.js';
import type { TextEdit } from './positions.js';
import { TextIndex } from './positions.js';

/** Format Document is exactly `leadscore fmt`: one edit replacing the text, none when the file has syntax errors or is already formatted. */
export function formatEdits(text: string): TextEdit[] {
  const result = format(text);
  if (!result.ok || result.text === text) return [];
  return [{ range: new TextIndex(text).fullRange(), newText: result.text }];
}
