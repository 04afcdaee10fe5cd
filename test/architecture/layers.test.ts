import { describe, expect, test } from 'vitest';
import { checkRepository, findCircles, findLayerViolations, layerOf, type ImportEdge } from '../../scripts/layers.js';

const edge = (from: string, to: string): ImportEdge => ({ from, to, line: 1 });

describe('the layer map', () => {
  test('the repository follows it, with no exceptions', () => {
    expect(checkRepository('.')).toEqual([]);
  });

  test('a folder belongs to the layer with the longest matching prefix', () => {
    expect(layerOf('runtime/report/build-report.ts')?.name).toBe('runtime');
    expect(layerOf('runtime/readers/csv.ts')?.name).toBe('runtime-node');
    expect(layerOf('playground/vite.config.ts')?.name).toBe('tools');
    expect(layerOf('server/main.ts')?.name).toBe('server');
  });
});

describe('the check finds', () => {
  const files = [
    'core/time.ts',
    'compiler/a.ts',
    'runtime/b.ts',
    'runtime/readers/c.ts',
    'runtime/report/d.ts',
    'runtime/tune/e.ts',
    'cli/f.ts',
    'cli/commands/g.ts',
    'cli/commands/h.ts',
    'server/i.ts',
    'playground/src/j.ts',
  ];

  test('an import pointing up a layer', () => {
    expect(findLayerViolations([edge('compiler/a.ts', 'runtime/b.ts')], files)).toEqual([
      'compiler/a.ts:1: compiler may not import runtime (runtime/b.ts)',
    ]);
  });

  test('the server importing the CLI, and the playground reaching Node-only code', () => {
    expect(findLayerViolations([edge('server/i.ts', 'cli/f.ts')], files)).toEqual([
      'server/i.ts:1: server may not import cli (cli/f.ts)',
    ]);
    expect(findLayerViolations([edge('playground/src/j.ts', 'runtime/readers/c.ts')], files)).toContain(
      'playground/src/j.ts:1: browser-safe playground reaches Node-only runtime/readers/c.ts',
    );
  });

  test('a node: module or a Node-only package in browser-safe code', () => {
    expect(
      findLayerViolations([edge('runtime/b.ts', 'node:fs'), edge('compiler/a.ts', '@duckdb/node-api')], files),
    ).toEqual([
      'runtime/b.ts:1: browser-safe runtime imports node:fs',
      'compiler/a.ts:1: browser-safe compiler imports the Node-only package @duckdb/node-api',
    ]);
    expect(findLayerViolations([edge('runtime/readers/c.ts', 'node:fs')], files)).toEqual([]);
  });

  test('files in a circle, sibling folders in a circle, and a command importing a command', () => {
    expect(
      findLayerViolations([edge('runtime/b.ts', 'core/time.ts'), edge('cli/f.ts', 'runtime/b.ts')], files),
    ).toEqual([]);
    expect(
      findLayerViolations(
        [edge('runtime/report/d.ts', 'runtime/tune/e.ts'), edge('runtime/tune/e.ts', 'runtime/report/d.ts')],
        files,
      ),
    ).toEqual([
      'files import each other in a circle: runtime/report/d.ts ↔ runtime/tune/e.ts',
      'folders import each other in a circle: runtime/report ↔ runtime/tune',
    ]);
    expect(findLayerViolations([edge('cli/commands/g.ts', 'cli/commands/h.ts')], files)).toEqual([
      'cli/commands/g.ts:1: a command imports another command (cli/commands/h.ts); move what they share out of cli/commands/',
    ]);
  });

  test('a file outside the map, and an import of a file that does not exist', () => {
    expect(findLayerViolations([edge('cli/f.ts', 'cli/missing.ts')], ['unmapped/x.ts', 'cli/f.ts'])).toEqual([
      'unmapped/x.ts: its folder is not in the layer map (scripts/layers.ts)',
      'cli/f.ts:1: imports cli/missing.ts, which does not exist',
    ]);
  });

  test('circles of any length', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(findCircles(graph)).toEqual([['a', 'b', 'c']]);
  });
});
