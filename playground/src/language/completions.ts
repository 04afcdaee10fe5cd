import type * as Monaco from 'monaco-editor';
import { KEYWORDS } from '../../../grammar/tokens.js';
import { monaco } from '../monaco-env.js';
import { cursorContext } from './context.js';
import { allPaths, describeType, scopeRoot, valueSource, valuesOf, fieldAt } from './schema-info.js';
import { session } from './session.js';

/** Completions from the schema and the file itself; see context.ts for where each kind is offered. */
export const completionProvider: Monaco.languages.CompletionItemProvider = {
  triggerCharacters: ['[', ',', '.', '=', ' '],
  provideCompletionItems(model, position) {
    const word = model.getWordUntilPosition(position);
    const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
    const before = model.getValueInRange(new monaco.Range(1, 1, position.lineNumber, word.startColumn));
    const context = cursorContext(before);
    const schema = session.schema;
    const Kind = monaco.languages.CompletionItemKind;
    const item = (label: string, kind: Monaco.languages.CompletionItemKind, detail?: string, insertText = label): Monaco.languages.CompletionItem => ({
      label,
      kind,
      insertText,
      range,
      ...(detail !== undefined && { detail }),
    });
    const suggestions: Monaco.languages.CompletionItem[] = [];
    switch (context.kind) {
      case 'eventType':
        for (const name of schema?.events.keys() ?? []) suggestions.push(item(name, Kind.Event, 'event'));
        break;
      case 'path': {
        const root = schema && scopeRoot(schema, context.scope);
        for (const { path, type } of allPaths(root)) suggestions.push(item(path, Kind.Field, describeType(type)));
        if (context.scope.kind === 'lead') suggestions.push(item('not', Kind.Keyword));
        break;
      }
      case 'value': {
        const root = schema && scopeRoot(schema, context.scope);
        for (const value of valuesOf(fieldAt(root, context.path))) {
          const text = valueSource(value);
          suggestions.push({ ...item(text, Kind.EnumMember, context.path.join('.')), sortText: '0' });
        }
        break;
      }
      case 'listName':
        for (const name of letNames(model.getValue())) suggestions.push(item(name, Kind.Variable, 'let'));
        suggestions.push(item('[ ]', Kind.Snippet, undefined, '[$0]'));
        suggestions[suggestions.length - 1]!.insertTextRules = monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;
        break;
      case 'other':
        for (const keyword of KEYWORDS) suggestions.push(item(keyword, Kind.Keyword));
        for (const name of letNames(model.getValue())) suggestions.push(item(name, Kind.Variable, 'let'));
        break;
    }
    return { suggestions };
  },
};

function letNames(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)let\s+([\p{L}_][\p{L}\p{N}\p{M}_]*)/gu)].map((m) => m[1]!);
}
