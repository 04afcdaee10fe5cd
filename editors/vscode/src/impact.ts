import { execFile } from 'node:child_process';
import { basename, dirname, isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import { findLeadscore } from './server-command.js';

/**
 * "Show the impact of this rule change": `leadscore diff` between the
 * file in git (HEAD) and the saved file, scoring the configured leads with
 * both when there are any, shown as a Markdown preview. Paths are passed as
 * arguments (no shell), each starting with `./` or `/` so none reads as an option.
 */
export async function showImpact(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const document = editor?.document;
  if (!document || document.languageId !== 'leadscore' || document.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Open a saved .score rule file first.');
    return;
  }
  if (document.isDirty && !(await document.save())) return;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath;
  const config = vscode.workspace.getConfiguration('leadscore', document.uri);
  const leads = await leadsFile(config.get<string>('impact.leads', ''), folder);
  const events = config.get<string>('impact.events', '');
  const cwd = dirname(document.uri.fsPath);
  const file = `./${basename(document.uri.fsPath)}`;
  const cli = findLeadscore(config.get<string>('path', ''), folder);
  const args = [...cli.args, 'diff', `HEAD:${file}`, file, '--format', 'md'];
  if (leads) args.push('--leads', absolute(leads, folder));
  if (leads && events) args.push('--events', absolute(events, folder));
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'leadscore diff' },
    () => run(cli.command, args, cwd),
  );
  if (report.code !== 0 && report.stdout.trim() === '') {
    void vscode.window.showErrorMessage(`leadscore diff failed: ${report.stderr.trim() || `exit code ${report.code}`}`);
    return;
  }
  const markdown = await vscode.workspace.openTextDocument({ language: 'markdown', content: report.stdout });
  await vscode.commands.executeCommand('markdown.showPreview', markdown.uri);
}

async function leadsFile(setting: string, folder: string | undefined): Promise<string | undefined> {
  if (setting.trim() !== '') return setting;
  const picked = await vscode.window.showOpenDialog({
    title: 'Leads to score with both versions (Cancel: compare the rules only)',
    canSelectMany: false,
    ...(folder && { defaultUri: vscode.Uri.file(folder) }),
    filters: { Leads: ['jsonl', 'ndjson', 'json', 'csv', 'parquet'] },
  });
  return picked?.[0]?.fsPath;
}

function absolute(path: string, folder: string | undefined): string {
  return isAbsolute(path) || !folder ? path : join(folder, path);
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 70) : 0;
      resolve({ code, stdout, stderr: stderr || (error && typeof error.code !== 'number' ? error.message : '') });
    });
  });
}
