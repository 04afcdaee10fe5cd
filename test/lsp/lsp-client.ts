import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
} from 'vscode-languageserver-protocol/node';
import { REPO } from '../helpers/run-cli.js';

/**
 * A real LSP client over the server's stdio: `leadscore lsp --stdio` spawned
 * from bin/leadscore.js (→ dist), as an editor starts it.
 */
export interface LspSession {
  readonly connection: ProtocolConnection;
  readonly dir: string;
  readonly registrations: Registration[];
  readonly stderr: () => string;
  uriOf(name: string): string;
  open(name: string, text: string): Promise<void>;
  change(name: string, version: number, changes: { range?: Range; text: string }[]): Promise<void>;
  /** The next publication for `name` (for `version`, when given) that satisfies `accept`. */
  diagnostics(name: string, accept?: (p: PublishDiagnosticsParams) => boolean): Promise<Diagnostic[]>;
  latest(name: string): PublishDiagnosticsParams | undefined;
  close(): Promise<void>;
}

export async function startServer(
  options: { watchFiles?: boolean; dir?: string; locale?: string } = {},
): Promise<LspSession> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'leadscore-lsp-'));
  const child: ChildProcess = spawn(process.execPath, [join(REPO, 'bin/leadscore.js'), 'lsp', '--stdio'], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const published = new Map<string, PublishDiagnosticsParams[]>();
  const waiters: {
    uri: string;
    accept: (p: PublishDiagnosticsParams) => boolean;
    resolve: (d: Diagnostic[]) => void;
  }[] = [];
  const registrations: Registration[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
    for (const waiter of [...waiters]) {
      if (waiter.uri !== params.uri || !waiter.accept(params)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(params.diagnostics);
    }
  });
  connection.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(...params.registrations);
  });
  connection.listen();
  const capabilities: ClientCapabilities = {
    workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watchFiles ?? false } },
    textDocument: {
      rename: { prepareSupport: true },
      semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
      publishDiagnostics: { versionSupport: true },
    },
  };
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities,
    workspaceFolders: null,
    ...(options.locale && { locale: options.locale }),
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
  return {
    connection,
    dir,
    registrations,
    stderr: () => stderr,
    uriOf,
    async open(name, text) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: uriOf(name), languageId: 'leadscore', version: 1, text },
      });
    },
    async change(name, version, changes) {
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: uriOf(name), version },
        contentChanges: changes.map((c) => (c.range ? { range: c.range, text: c.text } : { text: c.text })),
      });
    },
    diagnostics(name, accept = () => true) {
      return new Promise((resolve) => waiters.push({ uri: uriOf(name), accept, resolve }));
    },
    latest(name) {
      return published.get(uriOf(name))?.at(-1);
    },
    async close() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await exited;
      connection.dispose();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
