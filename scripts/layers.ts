/**
 * The layer map of the repository, and the check that every import follows it
 * (run by `test/architecture/layers.test.ts`, so by `npm test`). docs/architecture.md
 * explains the layers in words; this file is the rule.
 *
 * Layers point down only. A file may import its own layer and the layers below;
 * Node-only code may not be reached from browser-safe code; no file imports
 * itself through a circle; sibling folders do not import each other in a circle;
 * a CLI command does not import another command.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

export interface Layer {
  readonly name: string;
  /** Folders (relative to the repository root, `/`-separated) that belong to it. */
  readonly folders: readonly string[];
  /** The layers whose files this layer may import, besides its own. */
  readonly mayImport: readonly string[];
  /** Runs in a browser: no `node:` module, nothing Node-only. */
  readonly browserSafe: boolean;
}

const BASE = ['core'];
const LANGUAGE = [...BASE, 'grammar'];
const COMPILER = [...LANGUAGE, 'compiler'];
const RUNTIME = [...COMPILER, 'runtime'];
const RUNTIME_NODE = [...RUNTIME, 'runtime-node'];

/**
 * Ordered bottom to top. A folder belongs to the layer with the longest
 * matching prefix, so `runtime/readers` is runtime-node while `runtime/report`
 * is runtime.
 */
export const LAYERS: readonly Layer[] = [
  { name: 'core', folders: ['core'], mayImport: [], browserSafe: true },
  { name: 'grammar', folders: ['grammar'], mayImport: BASE, browserSafe: true },
  { name: 'compiler', folders: ['compiler'], mayImport: LANGUAGE, browserSafe: true },
  { name: 'runtime', folders: ['runtime'], mayImport: COMPILER, browserSafe: true },
  {
    name: 'runtime-node',
    folders: ['runtime/readers', 'runtime/duckdb', 'runtime/batch'],
    mayImport: RUNTIME,
    browserSafe: false,
  },
  { name: 'server', folders: ['server'], mayImport: RUNTIME_NODE, browserSafe: false },
  { name: 'editors', folders: ['editors', 'lsp'], mayImport: RUNTIME_NODE, browserSafe: false },
  // The `leadscore` program is the one entry point: its command table starts the
  // service and the language server, which never import the CLI back.
  { name: 'cli', folders: ['cli'], mayImport: [...RUNTIME_NODE, 'server', 'editors'], browserSafe: false },
  { name: 'playground', folders: ['playground'], mayImport: RUNTIME, browserSafe: true },
  {
    name: 'tools',
    folders: [
      'scripts',
      'bench',
      'test',
      'rules',
      'vitest.config.ts',
      'vitest.browser.config.ts',
      'playground/vite.config.ts',
    ],
    mayImport: [...RUNTIME_NODE, 'cli', 'server', 'editors', 'playground'],
    browserSafe: false,
  },
];

/** Packages that only run on Node; browser-safe code may not import them. */
export const NODE_ONLY_PACKAGES: readonly string[] = ['@duckdb/node-api', 'cli-progress', 'commander', 'pg'];

/** Folders whose files may not import each other (each command stands on shared plumbing). */
export const INDEPENDENT_FILES_IN: readonly string[] = ['cli/commands'];

const SKIPPED = new Set(['node_modules', 'dist', '.git', 'test/cases', 'test/golden', 'test/format/fixtures']);
const SOURCE = /\.(ts|mts)$/;

export interface ImportEdge {
  readonly from: string;
  /** A repository file (`core/time.ts`) or a package/builtin name (`node:fs`). */
  readonly to: string;
  readonly line: number;
}

/** Every TypeScript file of the repository, `/`-separated paths relative to `root`. */
export function listSourceFiles(root: string, folder = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (SKIPPED.has(path) || entry.name === 'node_modules' || entry.name === 'dist') continue;
    if (entry.isDirectory()) files.push(...listSourceFiles(root, path));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** The imports of one file (static, dynamic and `import type`), resolved to repository files where relative. */
export function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const info = ts.preProcessFile(text, true, true);
  const edges: ImportEdge[] = [];
  for (const imported of info.importedFiles) {
    const line = text.slice(0, imported.pos).split('\n').length;
    const specifier = imported.fileName.replace(/\?.*$/, '');
    if (specifier.startsWith('.')) {
      const resolved = posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.ts');
      edges.push({ from: file, to: resolved, line });
    } else {
      edges.push({ from: file, to: specifier, line });
    }
  }
  return edges;
}

export function layerOf(path: string): Layer | undefined {
  let best: { layer: Layer; length: number } | undefined;
  for (const layer of LAYERS) {
    for (const folder of layer.folders) {
      if ((path === folder || path.startsWith(`${folder}/`)) && (!best || folder.length > best.length)) {
        best = { layer, length: folder.length };
      }
    }
  }
  return best?.layer;
}

function isRepositoryPath(to: string): boolean {
  return to.includes('/') && !to.startsWith('@') && /\.[a-z]+$/.test(to) && !to.startsWith('node:');
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Strongly connected groups of more than one node (Tarjan), each sorted. */
export function findCircles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) circles.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return circles;
}

/** Every broken rule, one sentence each; empty when the house is in order. */
export function findLayerViolations(edges: readonly ImportEdge[], files: readonly string[]): string[] {
  const problems: string[] = [];
  const known = new Set(files);
  const fileGraph = new Map<string, Set<string>>();
  const folderGraph = new Map<string, Set<string>>();
  for (const file of files) {
    if (!layerOf(file)) problems.push(`${file}: its folder is not in the layer map (scripts/layers.ts)`);
  }
  for (const edge of edges) {
    const from = layerOf(edge.from);
    if (!from) continue;
    const where = `${edge.from}:${edge.line}`;
    if (isRepositoryPath(edge.to)) {
      // Assets (a rule file, a schema, example data) are data, not code.
      if (!SOURCE.test(edge.to)) continue;
      if (!known.has(edge.to)) {
        problems.push(`${where}: imports ${edge.to}, which does not exist`);
        continue;
      }
      const to = layerOf(edge.to);
      if (!to) continue;
      if (to !== from && !from.mayImport.includes(to.name)) {
        problems.push(`${where}: ${from.name} may not import ${to.name} (${edge.to})`);
      }
      if (from.browserSafe && !to.browserSafe) {
        problems.push(`${where}: browser-safe ${from.name} reaches Node-only ${edge.to}`);
      }
      {
        addEdge(fileGraph, edge.from, edge.to);
        const fromFolder = posix.dirname(edge.from);
        const toFolder = posix.dirname(edge.to);
        const siblings = siblingFolders(fromFolder, toFolder);
        if (siblings) addEdge(folderGraph, siblings[0], siblings[1]);
        for (const folder of INDEPENDENT_FILES_IN) {
          if (fromFolder === folder && toFolder === folder) {
            problems.push(
              `${where}: a command imports another command (${edge.to}); move what they share out of ${folder}/`,
            );
          }
        }
      }
    } else if (from.browserSafe) {
      if (edge.to.startsWith('node:')) {
        problems.push(`${where}: browser-safe ${from.name} imports ${edge.to}`);
      } else if (NODE_ONLY_PACKAGES.includes(packageName(edge.to))) {
        problems.push(`${where}: browser-safe ${from.name} imports the Node-only package ${edge.to}`);
      }
    }
  }
  for (const circle of findCircles(fileGraph))
    problems.push(`files import each other in a circle: ${circle.join(' ↔ ')}`);
  for (const circle of findCircles(folderGraph)) {
    problems.push(`folders import each other in a circle: ${circle.join(' ↔ ')}`);
  }
  return problems;
}

/**
 * The two sibling folders an import crosses between (`runtime/report` and
 * `runtime/tune` for `runtime/report/x.ts` → `runtime/tune/y.ts`), or
 * undefined when one side is the parent of the other: a parent folder's
 * entry files use their subfolders and the subfolders use the parent's shared
 * files, which is no circle between peers.
 */
function siblingFolders(from: string, to: string): [string, string] | undefined {
  const a = from.split('/');
  const b = to.split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  if (common === a.length || common === b.length) return undefined;
  return [a.slice(0, common + 1).join('/'), b.slice(0, common + 1).join('/')];
}

function addEdge(graph: Map<string, Set<string>>, from: string, to: string): void {
  let targets = graph.get(from);
  if (!targets) graph.set(from, (targets = new Set()));
  targets.add(to);
}

/** The whole check over a checkout. */
export function checkRepository(root: string): string[] {
  const files = listSourceFiles(root);
  const edges = files.flatMap((file) => importsOf(root, file));
  return findLayerViolations(edges, files);
}

export function repositoryRoot(): string {
  return (
    relative(process.cwd(), dirname(dirname(new URL(import.meta.url).pathname)))
      .split(sep)
      .join('/') || '.'
  );
}
