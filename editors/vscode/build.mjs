// Builds the VS Code extension and packages it as a .vsix, offline:
//   npm run package:vscode   (from the repository root)
// 1. typecheck src/ with the repository's TypeScript; 2. bundle src/extension.ts
// and vscode-languageclient into dist/extension.js (esbuild); 3. package with
// @vscode/vsce (no dependencies to collect: the bundle has them).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const manifest = require('./package.json');

const tsc = join(here, '..', '..', 'node_modules', 'typescript', 'bin', 'tsc');
const typecheck = spawnSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

const esbuild = require('esbuild');
await esbuild.build({
  entryPoints: [join(here, 'src', 'extension.ts')],
  outfile: join(here, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
});

const { createVSIX } = require('@vscode/vsce');
const packagePath = join(here, `${manifest.name}-${manifest.version}.vsix`);
await createVSIX({ cwd: here, packagePath, dependencies: false, allowMissingRepository: true });
console.log(packagePath);
