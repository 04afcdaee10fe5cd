import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../grammar/tokens.js';
import { REPO } from '../helpers/run-cli.js';

/** The entries of a zip file (a .vsix is one), read from its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra;
  }
  return entries;
}

describe('the VS Code extension', () => {
  it('packages as a .vsix with the grammar, the language configuration and the language client (npm run package:vscode)', () => {
    const build = spawnSync('npm', ['run', 'package:vscode'], { cwd: REPO, encoding: 'utf8', timeout: 280_000 });
    expect(build.status, build.stderr + build.stdout).toBe(0);
    const vsix = unzip(readFileSync(join(REPO, 'editors/vscode/leadscore-vscode-0.1.0.vsix')));
    const manifest = JSON.parse(vsix.get('extension/package.json')!.toString('utf8')) as {
      contributes: { languages: { id: string; extensions: string[] }[]; grammars: { path: string }[] };
      main: string;
    };
    expect(manifest.contributes.languages[0]).toMatchObject({ id: 'leadscore', extensions: ['.score'] });
    const grammar = vsix
      .get(`extension/${manifest.contributes.grammars[0]!.path.replace(/^\.\//, '')}`)!
      .toString('utf8');
    // Every keyword is coloured, the contextual ones of language version 2 too.
    for (const word of [...KEYWORDS, 'decay', 'every', 'per', 'day', 'week', 'month', 'since', 'last'])
      expect(grammar).toContain(word);
    expect(JSON.parse(vsix.get('extension/language-configuration.json')!.toString('utf8'))).toMatchObject({
      comments: { lineComment: '#' },
    });
    const client = vsix.get(`extension/${manifest.main.replace(/^\.\//, '')}`)!.toString('utf8');
    expect(client).toContain('lsp');
    expect(client).toContain('--stdio');
    expect(client).toContain('leadscore.showImpact');
    // The language client is bundled, not left to node_modules (which the package does not carry).
    expect(client).toContain('textDocument/semanticTokens');
    expect([...vsix.keys()].some((name) => name.includes('node_modules'))).toBe(false);
  }, 300_000);
});
