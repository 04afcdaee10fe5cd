import {
  CodeActionKind,
  ResponseError,
  SemanticTokensBuilder,
  type CodeAction,
  type Connection,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { MessageLang } from '../../compiler/messages/diagnostic-messages.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { quickFixes, quickFixTitle } from '../../compiler/language-service/code-actions.js';
import { completionsAt } from '../../compiler/language-service/completion.js';
import { outlineOf } from '../../compiler/language-service/document-symbols.js';
import { formatEdits } from '../../compiler/language-service/formatting.js';
import { hoverAt, hoverMarkdown } from '../../compiler/language-service/hover.js';
import { definitionAt, referencesAt } from '../../compiler/language-service/references.js';
import { prepareRename, renameAt } from '../../compiler/language-service/rename.js';
import {
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  semanticTokens,
} from '../../compiler/language-service/semantic-tokens.js';
import { lspCompletionItem, lspDiagnostic, lspDocumentSymbol, lspRange, lspTextRange } from './convert.js';
import type { RuleDocuments } from './rule-documents.js';

/** Every request the server answers, each a thin translation of a language-service call. */
export function registerFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  rules: RuleDocuments,
  messages: { lang: MessageLang } = { lang: 'en' },
): void {
  const open = (uri: string) => documents.get(uri);

  connection.onCompletion(({ textDocument, position }) => {
    const document = open(textDocument.uri);
    if (!document) return [];
    // Completion reads the text as typed, so it works while the file does not parse.
    const offset = document.offsetAt(position);
    const { schema } = rules.analysis(document);
    const result = completionsAt({ text: document.getText(), schema }, offset);
    const replace = { start: document.positionAt(result.replaceStart), end: document.positionAt(result.replaceEnd) };
    return { isIncomplete: false, items: result.items.map((item) => lspCompletionItem(item, replace)) };
  });

  connection.onHover(({ textDocument, position }) => {
    const document = open(textDocument.uri);
    if (!document) return null;
    const doc = rules.analysis(document);
    const info = hoverAt(doc, document.offsetAt(position));
    const paragraphs = info ? hoverMarkdown(info) : [];
    if (!info || paragraphs.length === 0) return null;
    return { contents: { kind: 'markdown', value: paragraphs.join('\n\n---\n\n') }, range: lspRange(info.range) };
  });

  connection.onDefinition(({ textDocument, position }) => {
    const document = open(textDocument.uri);
    if (!document) return null;
    const range = definitionAt(rules.analysis(document).file, document.offsetAt(position));
    return range ? { uri: textDocument.uri, range: lspRange(range) } : null;
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const document = open(textDocument.uri);
    if (!document) return [];
    const ranges = referencesAt(rules.analysis(document).file, document.offsetAt(position), context.includeDeclaration);
    return ranges.map((range) => ({ uri: textDocument.uri, range: lspRange(range) }));
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const document = open(textDocument.uri);
    if (!document) return null;
    const hit = prepareRename(rules.analysis(document).file, document.offsetAt(position));
    return hit ? { range: lspRange(hit.range), placeholder: hit.name } : null;
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const document = open(textDocument.uri);
    if (!document) return null;
    const result = renameAt(rules.analysis(document).file, document.offsetAt(position), newName);
    if (!result.ok) throw new ResponseError(-32803 /* RequestFailed */, result.message);
    return {
      changes: { [textDocument.uri]: result.edits.map((e) => ({ range: lspRange(e.range), newText: e.newText })) },
    };
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const document = open(textDocument.uri);
    if (!document) return [];
    const doc = rules.analysis(document);
    return outlineOf(doc.file, doc.text).map(lspDocumentSymbol);
  });

  connection.onDocumentFormatting(({ textDocument }) => {
    const document = open(textDocument.uri);
    if (!document) return [];
    return formatEdits(document.getText()).map((e) => ({ range: lspTextRange(e.range), newText: e.newText }));
  });

  connection.onCodeAction(({ textDocument, range }) => {
    const document = open(textDocument.uri);
    if (!document) return [];
    const doc = rules.analysis(document);
    const fixes = quickFixes(doc.diagnostics, document.offsetAt(range.start), document.offsetAt(range.end));
    return fixes.map((fix): CodeAction => ({
      title: quickFixTitle(fix),
      kind: CodeActionKind.QuickFix,
      isPreferred: fix.preferred,
      diagnostics: [lspDiagnostic(fix.diagnostic, doc.file, messages.lang)],
      edit: { changes: { [textDocument.uri]: [{ range: lspRange(fix.diagnostic.range), newText: fix.newText }] } },
    }));
  });

  connection.languages.semanticTokens.on(({ textDocument }) => {
    const document = open(textDocument.uri);
    const builder = new SemanticTokensBuilder();
    if (!document) return builder.build();
    const doc = rules.analysis(document);
    for (const token of semanticTokens(doc.text, doc.file)) {
      builder.push(
        token.line,
        token.character,
        token.length,
        SEMANTIC_TOKEN_TYPES.indexOf(token.type),
        token.declaration ? 1 : 0,
      );
    }
    return builder.build();
  });
}

export const SEMANTIC_TOKENS_LEGEND = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};
