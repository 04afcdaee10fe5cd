import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { showImpact } from './impact.js';
import { findLeadscore } from './server-command.js';

/**
 * The leadscore extension: starts `leadscore lsp --stdio` for .score files
 * (diagnostics, completion, hover, quick fixes, rename, formatting and the
 * rest come from the server) and adds the impact command.
 */
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('leadscore.showImpact', showImpact),
    vscode.commands.registerCommand('leadscore.restartServer', async () => {
      await stop();
      await start(context);
    }),
  );
  await start(context);
}

export function deactivate(): Promise<void> {
  return stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const cli = findLeadscore(vscode.workspace.getConfiguration('leadscore').get<string>('path', ''), folder);
  // No `transport`: the client would add a second --stdio.
  const run = {
    command: cli.command,
    args: [...cli.args, 'lsp', '--stdio'],
    ...(folder && { options: { cwd: folder } }),
  };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'leadscore' }],
    // The server re-checks open rule files when the schema they name changes.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.json') },
  };
  client = new LanguageClient('leadscore', 'leadscore', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
