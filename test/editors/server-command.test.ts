import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLeadscore } from '../../editors/vscode/src/server-command.js';
import { REPO } from '../helpers/run-cli.js';

describe('findLeadscore (which leadscore the VS Code extension starts)', () => {
  const dirs: string[] = [];
  const workspace = () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-ws-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('runs the leadscore.path setting, a .js file with node, relative to the workspace', () => {
    expect(findLeadscore('tools/leadscore.js', '/ws')).toEqual({
      command: 'node',
      args: [join('/ws', 'tools/leadscore.js')],
    });
    expect(findLeadscore('/opt/bin/leadscore', '/ws')).toEqual({ command: '/opt/bin/leadscore', args: [] });
  });

  it('prefers the workspace’s own leadscore: the repository itself, then node_modules/leadscore', () => {
    expect(findLeadscore('', REPO)).toEqual({ command: 'node', args: [join(REPO, 'bin', 'leadscore.js')] });
    const dir = workspace();
    mkdirSync(join(dir, 'node_modules', 'leadscore', 'bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'leadscore', 'bin', 'leadscore.js'), '');
    expect(findLeadscore('', dir)).toEqual({
      command: 'node',
      args: [join(dir, 'node_modules', 'leadscore', 'bin', 'leadscore.js')],
    });
  });

  it('falls back to npx without ever downloading a package', () => {
    expect(findLeadscore('', workspace()).args).toEqual(['--no', 'leadscore']);
    expect(findLeadscore('', undefined).args).toEqual(['--no', 'leadscore']);
  });
});
