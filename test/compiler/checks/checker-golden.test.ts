/**
 * Golden tests of the whole checker: each `test/golden/checker/<case>.score`
 * is parsed and checked against the schema it names, and its diagnostics,
 * one `LINE:COL: severity code: message` a line, must equal
 * `<case>.expected.txt`. Run with UPDATE_GOLDEN=1 to rewrite the expected files.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRules } from '../../../compiler/check.js';
import { loadSchema } from '../../../compiler/schema/load-schema.js';
import type { SchemaModel } from '../../../compiler/schema/model.js';
import { sortDiagnostics } from '../../../grammar/diagnostic.js';
import { parse } from '../../../grammar/parse.js';
import { CHECKER_GOLDEN_DIR } from '../../helpers/checker.js';

const update = process.env['UPDATE_GOLDEN'] === '1';
const cases = readdirSync(CHECKER_GOLDEN_DIR)
  .filter((name) => name.endsWith('.score'))
  .sort();

function check(scoreFile: string): string {
  const source = readFileSync(scoreFile, 'utf8');
  const { file, diagnostics: syntax } = parse(source);
  const statement = file.statements.find((s) => s.kind === 'schema');
  let schema: SchemaModel | undefined;
  const schemaProblems: string[] = [];
  if (statement) {
    const schemaFile = join(dirname(scoreFile), statement.path);
    if (existsSync(schemaFile)) {
      const loaded = loadSchema(readFileSync(schemaFile, 'utf8'), statement.path);
      schema = loaded.model;
      for (const d of loaded.diagnostics)
        schemaProblems.push(
          `${statement.path}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.code}: ${d.message}`,
        );
    } else {
      schemaProblems.push(`${statement.path}: missing`);
    }
  }
  const diagnostics = sortDiagnostics([...syntax, ...checkRules(file, schema)]);
  return [
    ...schemaProblems,
    ...diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.code}: ${d.message}`),
  ]
    .map((line) => `${line}\n`)
    .join('');
}

describe('checker golden files', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, () => {
      const scoreFile = join(CHECKER_GOLDEN_DIR, name);
      const expectedFile = scoreFile.replace(/\.score$/, '.expected.txt');
      const actual = check(scoreFile);
      if (update) writeFileSync(expectedFile, actual);
      if (!existsSync(expectedFile))
        throw new Error(`${expectedFile} is missing: run with UPDATE_GOLDEN=1 to create it`);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
