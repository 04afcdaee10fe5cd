/**
 * Golden tests of syntax errors: each `test/golden/syntax/<case>.score` is a
 * broken file of the kind marketers write, and its diagnostics, one
 * `LINE:COL: severity code: message` a line, must equal `<case>.expected.txt`.
 * Run with UPDATE_GOLDEN=1 to rewrite the expected files (then read them).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/parse.js';

const GOLDEN_DIR = fileURLToPath(new URL('../golden/syntax/', import.meta.url));
const update = process.env['UPDATE_GOLDEN'] === '1';
const cases = readdirSync(GOLDEN_DIR)
  .filter((name) => name.endsWith('.score'))
  .sort();

function render(source: string): string {
  return parse(source)
    .diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.code}: ${d.message}\n`)
    .join('');
}

describe('syntax golden files', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of cases) {
    it(name, () => {
      const scoreFile = join(GOLDEN_DIR, name);
      const expectedFile = scoreFile.replace(/\.score$/, '.expected.txt');
      const source = readFileSync(scoreFile, 'utf8');
      const actual = render(source);
      if (update) writeFileSync(expectedFile, actual);
      if (!existsSync(expectedFile))
        throw new Error(`${expectedFile} is missing: run with UPDATE_GOLDEN=1 to create it`);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
      // Every case is broken on purpose: a case that parses cleanly has lost its point.
      expect(actual).not.toBe('');
    });

    it(`${name} reports the same errors with CRLF line endings`, () => {
      const source = readFileSync(join(GOLDEN_DIR, name), 'utf8');
      expect(render(source.replace(/\n/g, '\r\n'))).toBe(render(source));
    });
  }
});
