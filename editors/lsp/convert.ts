import { pathToFileURL } from 'node:url';
import { localizedMessage, type MessageLang } from '../../compiler/messages/diagnostic-messages.js';
import {
  CompletionItemKind,
  DiagnosticSeverity,
  SymbolKind,
  type CompletionItem as LspCompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Range as LspRange,
} from 'vscode-languageserver/node';
import type { CompletionItem, CompletionKind } from '../../compiler/language-service/completion.js';
import type { OutlineItem } from '../../compiler/language-service/document-symbols.js';
import { toTextRange, type TextRange } from '../../compiler/language-service/positions.js';
import type { RuleFile } from '../../grammar/ast.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import type { Range } from '../../grammar/range.js';

/** The language service's plain data as LSP types. Positions are already UTF-16, as LSP wants. */

export function lspRange(range: Range): LspRange {
  return lspTextRange(toTextRange(range));
}

export function lspTextRange(r: TextRange): LspRange {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}

/**
 * A rule file's diagnostic as an LSP diagnostic. One in the schema file
 * (it carries `file`) is shown on the `schema "…"` path of the rule file,
 * with its place in the schema file as related information.
 */
export function lspDiagnostic(d: Diagnostic, file: RuleFile, lang: MessageLang = 'en'): LspDiagnostic {
  const message = localizedMessage(d, lang);
  const schemaStatement = file.statements.find((s) => s.kind === 'schema');
  const inSchema = d.file !== undefined;
  const range = inSchema && schemaStatement?.kind === 'schema' ? schemaStatement.pathRange : d.range;
  return {
    range: lspRange(range),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'leadscore',
    message: inSchema ? `${d.file}:${d.range.start.line}:${d.range.start.column}: ${message}` : message,
    ...(inSchema && {
      relatedInformation: [{ location: { uri: pathToFileURL(d.file!).href, range: lspRange(d.range) }, message }],
    }),
    ...(d.suggestions?.length && { data: { suggestions: d.suggestions } }),
  };
}

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  field: CompletionItemKind.Field,
  value: CompletionItemKind.EnumMember,
  event: CompletionItemKind.Event,
  variable: CompletionItemKind.Variable,
  group: CompletionItemKind.Module,
  snippet: CompletionItemKind.Snippet,
};

export function lspCompletionItem(item: CompletionItem, replace: LspRange): LspCompletionItem {
  return {
    label: item.label,
    kind: COMPLETION_KINDS[item.kind],
    ...(item.detail !== undefined && { detail: item.detail }),
    ...(item.sortText !== undefined && { sortText: item.sortText }),
    insertTextFormat: item.snippet ? 2 : 1,
    textEdit: { range: replace, newText: item.insertText },
  };
}

const SYMBOL_KINDS: Record<OutlineItem['kind'], SymbolKind> = {
  schema: SymbolKind.File,
  let: SymbolKind.Array,
  group: SymbolKind.Namespace,
  rule: SymbolKind.Function,
  tier: SymbolKind.EnumMember,
};

export function lspDocumentSymbol(item: OutlineItem): DocumentSymbol {
  return {
    name: item.name,
    kind: SYMBOL_KINDS[item.kind],
    range: lspRange(item.range),
    selectionRange: lspRange(item.selectionRange),
    ...(item.detail !== undefined && { detail: item.detail }),
    ...(item.children && { children: item.children.map(lspDocumentSymbol) }),
  };
}
