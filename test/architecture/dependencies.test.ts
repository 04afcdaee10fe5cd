import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** The folders whose code ships in the package and runs for a user (bench and scripts are development tools). */
const SHIPPED = ['core', 'grammar', 'compiler', 'runtime', 'cli', 'editors/lsp', 'server'];
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** `chevrotain`, `@duckdb/node-api`: the package a bare import specifier names. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function importedPackages(): Set<string> {
  const found = new Set<string>();
  for (const file of SHIPPED.flatMap(tsFiles)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^'.][^']*)'/g)) {
      const specifier = match[1]!;
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      found.add(packageOf(specifier));
    }
  }
  return found;
}

describe('dependencies', () => {
  const imported = importedPackages();

  test('every package the shipped code imports is a runtime dependency', () => {
    expect([...imported].filter((name) => !Object.hasOwn(pkg.dependencies, name))).toEqual([]);
  });

  test('every runtime dependency is imported by shipped code (a test-only package is a devDependency)', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !imported.has(name))).toEqual([]);
  });
});
