/**
 * Which test files `leadscore test` runs: the ones named (a `.test.yaml`, or
 * a `.score` meaning its sidecar), or every `*.test.yaml` under a folder.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { UsageError } from '../exit-codes.js';

const TEST_SUFFIXES = ['.test.yaml', '.test.yml'] as const;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist']);

export function isTestFile(path: string): boolean {
  return TEST_SUFFIXES.some((suffix) => path.endsWith(suffix) && basename(path).length > suffix.length);
}

/** `rules/b2b-saas.test.yaml` → `rules/b2b-saas.score`: the rule file a test file tests unless it says `rules:`. */
export function defaultRulesFile(testFile: string): string {
  const suffix = TEST_SUFFIXES.find((s) => testFile.endsWith(s)) ?? '';
  return `${testFile.slice(0, testFile.length - suffix.length)}.score`;
}

/**
 * The test file for a command-line argument. Throws a UsageError (exit 2)
 * when it, or the sidecar of a `.score` file, does not exist.
 */
export function testFileFor(arg: string): string {
  if (isTestFile(arg)) {
    if (!isFile(arg))
      throw new UsageError(
        `cannot open test file ${arg}: ${existsSync(arg) ? 'it is a directory, not a file' : 'no such file'}`,
      );
    return arg;
  }
  if (arg.endsWith('.score')) {
    if (!isFile(arg))
      throw new UsageError(
        `cannot open rule file ${arg}: ${existsSync(arg) ? 'it is a directory, not a file' : 'no such file'}`,
      );
    const stem = arg.slice(0, -'.score'.length);
    const sidecar = TEST_SUFFIXES.map((s) => stem + s).find(isFile);
    if (sidecar === undefined)
      throw new UsageError(`${arg} has no tests: write them in ${stem}.test.yaml next to it (see docs/rule-tests.md)`);
    return sidecar;
  }
  throw new UsageError(`${arg} is neither a test file (*.test.yaml) nor a rule file (*.score)`);
}

/** Every test file under `root`, in a stable order, skipping node_modules, .git and dist (symbolic links are not followed). */
export function discoverTestFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable folder holds no tests we can run
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path);
      } else if (entry.isFile() && isTestFile(entry.name)) {
        found.push(relative(process.cwd(), path) || path);
      }
    }
  };
  walk(root);
  return found;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
