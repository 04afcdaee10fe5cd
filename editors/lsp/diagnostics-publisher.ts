import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MessageLang } from '../../compiler/messages/diagnostic-messages.js';
import { lspDiagnostic } from './convert.js';
import type { RuleDocuments } from './rule-documents.js';

/** How long typing must pause before a changed file is checked and its diagnostics published. */
export const DIAGNOSTICS_DELAY_MS = 150;

/**
 * Publishes each open file's diagnostics: at once when it opens, after a
 * pause in typing when it changes. Each publication carries the document
 * version it was computed for and reads the text the editor has when the
 * timer fires, so no diagnostic outlives the text it was about.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly rules: RuleDocuments,
    /** The language of messages, from the client's `initialize` `locale`. */
    private readonly messages: { lang: MessageLang } = { lang: 'en' },
  ) {}

  now(uri: string): void {
    this.cancel(uri);
    const document = this.documents.get(uri);
    if (!document) return;
    try {
      const doc = this.rules.analysis(document);
      const diagnostics = doc.diagnostics.map((d) => lspDiagnostic(d, doc.file, this.messages.lang));
      void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (e) {
      // Runs from timers and file watchers: a checker bug must not end the server (requests report theirs as errors).
      this.connection.console.error(
        `leadscore: internal error while checking ${uri}: ${(e as Error)?.message ?? String(e)} (this is a bug in leadscore; please report it)`,
      );
    }
  }

  later(uri: string): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.now(uri);
      }, DIAGNOSTICS_DELAY_MS),
    );
  }

  /** A closed file's diagnostics are cleared (it may be deleted or renamed next). */
  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
