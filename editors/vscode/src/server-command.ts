import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** How to run the `leadscore` CLI: a program and the arguments before the command's own. Never through a shell. */
export interface LeadscoreCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * Where `leadscore` is, first match wins: the `leadscore.path` setting (a
 * `.js` file runs with node); the workspace's own bin when the workspace is
 * leadscore itself; the workspace's node_modules/leadscore; else
 * `npx --no leadscore` (found on PATH or in a parent folder, never downloaded).
 */
export function findLeadscore(setting: string, workspaceFolder: string | undefined): LeadscoreCommand {
  if (setting.trim() !== '') {
    const path = workspaceFolder && !isAbsolute(setting) ? join(workspaceFolder, setting) : setting;
    return path.endsWith('.js') ? { command: 'node', args: [path] } : { command: path, args: [] };
  }
  if (workspaceFolder) {
    if (isLeadscorePackage(workspaceFolder))
      return { command: 'node', args: [join(workspaceFolder, 'bin', 'leadscore.js')] };
    const installed = join(workspaceFolder, 'node_modules', 'leadscore', 'bin', 'leadscore.js');
    if (existsSync(installed)) return { command: 'node', args: [installed] };
  }
  return { command: process.platform === 'win32' ? 'npx.cmd' : 'npx', args: ['--no', 'leadscore'] };
}

function isLeadscorePackage(folder: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: unknown };
    return manifest.name === 'leadscore' && existsSync(join(folder, 'bin', 'leadscore.js'));
  } catch {
    return false;
  }
}
