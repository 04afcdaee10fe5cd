import { fileURLToPath } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COMPLETION_TRIGGERS } from '../../compiler/language-service/completion.js';
import type { MessageLang } from '../../compiler/messages/diagnostic-messages.js';
import { DiagnosticsPublisher } from './diagnostics-publisher.js';
import { SEMANTIC_TOKENS_LEGEND, registerFeatures } from './features.js';
import { RuleDocuments } from './rule-documents.js';
import { SchemaWatcher } from './schema-files.js';

/**
 * The leadscore language server: the checker, the formatter and the language
 * service behind the Language Server Protocol, over the given streams (stdin
 * and stdout for `leadscore lsp --stdio`). Resolves when the client ends the
 * connection.
 */
export function runLanguageServer(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const connection = createConnection(input, output);
  const documents = new TextDocuments(TextDocument);
  const rules = new RuleDocuments();
  // Messages in the client's language: Japanese when its `initialize` locale is (ja, ja-JP…), else English.
  const messages: { lang: MessageLang } = { lang: 'en' };
  const publisher = new DiagnosticsPublisher(connection, documents, rules, messages);
  let clientWatchesFiles = false;
  const schemaChanged = (path: string) => {
    for (const uri of rules.invalidateSchema(path)) publisher.now(uri);
  };
  const fallbackWatcher = new SchemaWatcher(schemaChanged);
  const watchSchemas = () => {
    if (!clientWatchesFiles) fallbackWatcher.watchFiles(rules.schemaPaths());
  };

  connection.onInitialize((params): InitializeResult => {
    messages.lang = /^ja(-|_|$)/i.test(params.locale ?? '') ? 'ja' : 'en';
    clientWatchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      },
      serverInfo: { name: 'leadscore' },
    };
  });

  connection.onInitialized(() => {
    // Schema files are JSON anywhere in the workspace; the editor tells us when one changes.
    if (clientWatchesFiles)
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.json' }],
      });
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      if (change.uri.startsWith('file:')) schemaChanged(fileURLToPath(change.uri));
    }
  });

  documents.onDidOpen(({ document }) => {
    publisher.now(document.uri);
    watchSchemas();
  });
  documents.onDidChangeContent(({ document }) => {
    // Also fired on open, whose version onDidOpen has just published.
    if (!rules.isCurrent(document)) publisher.later(document.uri);
  });
  documents.onDidSave(() => watchSchemas());
  documents.onDidClose(({ document }) => {
    rules.forget(document.uri);
    publisher.clear(document.uri);
  });

  registerFeatures(connection, documents, rules, messages);

  const closed = new Promise<void>((resolve) => {
    connection.onExit(() => {
      publisher.dispose();
      fallbackWatcher.close();
      resolve();
    });
  });
  documents.listen(connection);
  connection.listen();
  return closed;
}
