import { KEYWORDS } from '../../grammar/tokens.js';
import type { SchemaModel } from '../schema/model.js';
import { cursorContext } from './cursor-context.js';
import { letNames, groupNames } from './names.js';
import { allPaths, describeType, fieldAt, scopeRoot, valueSource, valuesOf } from './schema-info.js';

/** What a completion item is, for the editor's icon. */
export type CompletionKind = 'keyword' | 'field' | 'value' | 'event' | 'variable' | 'group' | 'snippet';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly insertText: string;
  readonly detail?: string;
  /** `insertText` holds a snippet (`[$0]`). */
  readonly snippet?: boolean;
  /** Sorts before the rest when set ('0'). */
  readonly sortText?: string;
}

export interface Completions {
  /** The word being typed, which the chosen item replaces: [start, end) offsets. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  readonly items: readonly CompletionItem[];
}

/** Characters after which an editor should ask for completions unprompted. */
export const COMPLETION_TRIGGERS = ['[', ',', '.', '=', ' '];

const WORD_BEFORE = /[\p{L}\p{N}\p{M}_]*$/u;
const WORD_AFTER = /^[\p{L}\p{N}\p{M}_]*/u;

/**
 * Completions at `offset` from the schema and the file itself: event types
 * after `on`, fields where a test starts, values after `=` or in `[ … ]`,
 * `let` names after `in`, keywords elsewhere. Works on any text, half-written
 * rules included: it reads the text, not the parse.
 */
export function completionsAt(
  doc: { readonly text: string; readonly schema?: SchemaModel | undefined },
  offset: number,
): Completions {
  const { text, schema } = doc;
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const replaceStart = offset - WORD_BEFORE.exec(text.slice(lineStart, offset))![0].length;
  const replaceEnd = offset + WORD_AFTER.exec(text.slice(offset, offset + 200))![0].length;
  const context = cursorContext(text.slice(0, replaceStart));
  const items: CompletionItem[] = [];
  const item = (label: string, kind: CompletionKind, detail?: string, extra: Partial<CompletionItem> = {}): void => {
    items.push({ label, kind, insertText: label, ...(detail !== undefined && { detail }), ...extra });
  };
  switch (context.kind) {
    case 'eventType':
      for (const name of schema?.events.keys() ?? []) item(name, 'event', 'event');
      break;
    case 'path': {
      if (context.scope.kind === 'tier') {
        item('score', 'keyword', 'integer');
        for (const name of groupNames(text)) item(name, 'group', 'group');
      }
      const root = schema && scopeRoot(schema, context.scope);
      for (const { path, type } of allPaths(root)) item(path, 'field', describeType(type));
      if (context.scope.kind !== 'event') item('not', 'keyword');
      break;
    }
    case 'value': {
      const root = schema && scopeRoot(schema, context.scope);
      for (const value of valuesOf(fieldAt(root, context.path)))
        item(valueSource(value), 'value', context.path.join('.'), { sortText: '0' });
      break;
    }
    case 'listName':
      for (const name of letNames(text)) item(name, 'variable', 'let');
      item('[ ]', 'snippet', undefined, { insertText: '[$0]', snippet: true });
      break;
    case 'other':
      for (const word of context.expected ?? []) item(word, 'keyword', undefined, { sortText: '0' });
      for (const keyword of KEYWORDS) if (!context.expected?.includes(keyword)) item(keyword, 'keyword');
      for (const name of letNames(text)) item(name, 'variable', 'let');
      break;
  }
  return { replaceStart, replaceEnd, items };
}
