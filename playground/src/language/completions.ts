import type * as Monaco from 'monaco-editor';
import {
  COMPLETION_TRIGGERS,
  completionsAt,
  type CompletionKind,
} from '../../../compiler/language-service/completion.js';
import { monaco } from '../monaco-env.js';
import { session } from './session.js';

/** Completions from the language service (compiler/language-service/completion.ts), as Monaco items. */
export const completionProvider: Monaco.languages.CompletionItemProvider = {
  triggerCharacters: COMPLETION_TRIGGERS,
  provideCompletionItems(model, position) {
    const text = model.getValue();
    const { replaceStart, items } = completionsAt({ text, schema: session.schema }, model.getOffsetAt(position));
    const from = model.getPositionAt(replaceStart);
    // Monaco replaces up to the cursor, as the playground always has.
    const range = new monaco.Range(from.lineNumber, from.column, position.lineNumber, position.column);
    const suggestions = items.map((item): Monaco.languages.CompletionItem => ({
      label: item.label,
      kind: kindOf(item.kind),
      insertText: item.insertText,
      range,
      ...(item.detail !== undefined && { detail: item.detail }),
      ...(item.sortText !== undefined && { sortText: item.sortText }),
      ...(item.snippet && { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet }),
    }));
    return { suggestions };
  },
};

function kindOf(kind: CompletionKind): Monaco.languages.CompletionItemKind {
  const Kind = monaco.languages.CompletionItemKind;
  const kinds: Record<CompletionKind, Monaco.languages.CompletionItemKind> = {
    keyword: Kind.Keyword,
    field: Kind.Field,
    value: Kind.EnumMember,
    event: Kind.Event,
    variable: Kind.Variable,
    group: Kind.Module,
    snippet: Kind.Snippet,
  };
  return kinds[kind];
}
