/**
 * Every diagnostic code has a Japanese message, for real diagnostics: the
 * rule files of the golden and conformance tests, plus one rule file (or
 * schema file) per form of every code, go through the checker and the SQL
 * target, and no diagnostic comes out in Japanese mode as its English text.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { sqlTargetDiagnostics } from '../../compiler/codegen/sql/target-diagnostics.js';
import { localizedMessage } from '../../compiler/messages/diagnostic-messages.js';
import { DIAGNOSTIC_CATALOGUE } from '../../grammar/diagnostic-catalogue.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';

const SCHEMA = readFileSync('rules/lead.schema.json', 'utf8');
const KANA = /[\u3040-\u30ff]/u;

/** Checker and SQL-target diagnostics of a rule file, its schema read from `schemaText` (or from `dir`). */
function diagnose(rules: string, schemaText?: string, dir?: string): Diagnostic[] {
  const checked = checkSource(rules, {
    readSchema: (path) => {
      if (schemaText !== undefined) return { file: 'lead.schema.json', text: schemaText };
      const file = dir === undefined ? undefined : join(dir, path);
      return file && existsSync(file) && statSync(file).isFile()
        ? { file: path, text: readFileSync(file, 'utf8') }
        : undefined;
    },
  });
  return [...checked.diagnostics, ...(checked.program ? sqlTargetDiagnostics(checked.program) : [])];
}

const withSchema = (rules: string): Diagnostic[] => diagnose(`schema "./lead.schema.json"\n${rules}\n`, SCHEMA);
const schemaFile = (text: string): Diagnostic[] =>
  diagnose('schema "./lead.schema.json"\nwhen employees >= 1 +5\n', text);

function scoreFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scoreFiles(join(dir, e.name)) : e.name.endsWith('.score') ? [join(dir, e.name)] : [],
  );
}

/** The repository's own rule files with problems: golden files and conformance cases. */
const REPO_FILES = [...scoreFiles('test/golden'), ...scoreFiles('test/cases'), ...scoreFiles('examples')];

/** One rule or schema file per form of each code that the repository's files may not show. */
const FORMS: readonly (() => Diagnostic[])[] = [
  // syntax
  () => withSchema('when employees >= 100 foo'),
  () => withSchema('when role in [] +5'),
  () => withSchema('when employees >= +100 +5'),
  () => withSchema(`when ${'('.repeat(120)}employees >= 1 +5`),
  () => diagnose('x'.repeat(5_000_001)),
  () => withSchema('when role = max +5'),
  () => withSchema('let x = [a, max]'),
  () => withSchema('when employees >= 100 20'),
  () => withSchema('on page_view each max per day +5'),
  () => withSchema('tier A'),
  () => withSchema('group g {\n  when employees >= 1 +5\n'),
  () => withSchema('group g max 10 {\n  foo\n}'),
  () => withSchema('on page_view +5 decay 50 every 30d'),
  () => withSchema('group g since 失注 {\n  on page_view +5\n}'),
  () => withSchema('when role is nothing +5'),
  () => withSchema('when (employees >= 1 +5'),
  () => withSchema('let = [a]'),
  () => withSchema('schema lead'),
  // lexer
  () => withSchema('when employees >= 100 ＋２０'),
  () => withSchema('when employees >= 100 +20 §'),
  () => withSchema('when role = "部長 +5'),
  () => withSchema('when name = "a\\q" +5'),
  () => withSchema('when employees >= 100 + 20'),
  () => withSchema('when employees >= 100 +'),
  () => withSchema('when employees >= 100 +1.5'),
  () => withSchema('on page_view +5 each max 1.5'),
  () => withSchema('on page_view +5 decay 50.5% every 30d'),
  () => withSchema('group g max 1.5 {\n  when employees >= 1 +5\n}'),
  () => withSchema('when employees >= 100 +99999999999999999999'),
  () => withSchema('on page_view +5 within 30y'),
  // the schema file
  () => diagnose('schema "./missing.json"\n', undefined, 'test'),
  () => schemaFile('{ "lead": { "type": "object", }, "events": {} }'),
  () => schemaFile('{ "lead": { "type": "object" } "events": {} }'),
  () => schemaFile('{ "lead": { "type": "object" }, "events": {} '),
  () => schemaFile('{ "lead": { "type": obj }, "events": {} }'),
  () => schemaFile('{ "lead": { "type": "object" }, "events": {} } x'),
  () => schemaFile('{ "lead": { "type": "object" /* a */ }, "events": {} }'),
  () => schemaFile('{ "lead": { "type": "object" }, "events": { "a": { "title": "\\x" } } }'),
  () => schemaFile('SECRET=1'),
  () => schemaFile('[]'),
  () => schemaFile('{ "lead": { "type": "object" }, "events": {}, "evnets": {} }'),
  () => schemaFile('{ "events": {} }'),
  () => schemaFile('{ "lead": {} }'),
  () => schemaFile('{ "lead": 1, "events": [] }'),
  () => schemaFile('{ "lead": { "type": "string" }, "events": { "a": 1 } }'),
  () => schemaFile(`{ "lead": ${'['.repeat(250)}${']'.repeat(250)}, "events": {} }`),
  () => schemaFile('{ "lead": { "type": "strin" }, "events": {} }'),
  () => schemaFile('{ "lead": { "type": "object", "properties": 1 }, "events": {} }'),
  () => schemaFile('{ "lead": { "type": "object", "minProperties": -1 }, "events": {} }'),
  () => schemaFile('{ "lead": { "$ref": "http://example.com/x" }, "events": {} }'),
  () => schemaFile('{ "$defs": { "lead": {} }, "lead": { "$ref": "#/$defs/leed" }, "events": {} }'),
  () => schemaFile('{ "$defs": { "a": { "$ref": "#/$defs/a" } }, "lead": { "$ref": "#/$defs/a" }, "events": {} }'),
  // rule checks
  () => withSchema('on page_view where type = "x" +5'),
  () => withSchema('on page_view where at = "x" +5'),
  () => withSchema('on page_view where url.host = "x" +5'),
  () => withSchema('on page_view where uri = "x" +5'),
  () => withSchema('on form_reach where foo = "x" +5'),
  () => withSchema('on 失注 where reason = "x" +5'),
  () => withSchema('when name >= 1 +5'),
  () => withSchema('when tags = "a" +5'),
  () => withSchema('when tags in [a] +5'),
  () => withSchema('when opted_out contains "a" +5'),
  () => withSchema('when name +5'),
  () => withSchema('when employees = "多い" +5'),
  () => withSchema('when employees >= "多い" +5'),
  () => withSchema('when employees in [1, "a"] +5'),
  () => withSchema('when opted_out = 1 +5'),
  () => withSchema('when name = 1 +5'),
  () => withSchema('when role = 1 +5'),
  () => withSchema('when name contains 1 +5'),
  () => withSchema('when tags contains 1 +5'),
  () => withSchema('let nums = [1, 2]\nwhen name in nums +5'),
  () => withSchema('when employees >= 1 +2000000'),
  () => withSchema('on page_view +5 within 40000d'),
  () => withSchema('on page_view +5 each max 2000000000'),
  () => withSchema('group g max 2000000000 {\n  when employees >= 1 +5\n}'),
  () => withSchema('tier A >= 99999999999999999999'),
  () => withSchema('on page_view +5 max 10 per day'),
  () => withSchema('on page_view +5 each decay 0% every 30d'),
  () => withSchema('on page_view +5 each decay 150% every 30d'),
  () => withSchema('on page_view +5 each decay 50% every 0d'),
  () => withSchema('group g since last 失注 since last page_view {\n  on email_open +5\n}'),
  () => withSchema('tier A otherwise\ntier B >= 10'),
  () => withSchema('tier A >= 10\ntier B >= 20'),
  () => withSchema('tier A when employees >= 1\ntier B when employees >= 1'),
  () => withSchema('group g max 10 {\n  when employees >= 1 +20 "大企業"\n}'),
  () => withSchema('group g min -10 {\n  when employees >= 1 -20\n}'),
  () => withSchema('when employees >= 1 +5 "a"\nwhen employees >= 1 +10'),
  () => withSchema('on page_view +5 each decay 50% every 30d within 7d'),
  () => withSchema('on page_view +5 each max 100 per day max 10'),
  () => withSchema('group g since last 失注 {\n  on 失注 +5\n}'),
  () => withSchema('group g since last 失注 {\n  when employees >= 1 +5\n}'),
  // the SQL target
  () => diagnose('when employees >= 1 +5\n'),
  () =>
    diagnose(
      'schema "./lead.schema.json"\nwhen x = 1 +5\non e where y = 1 +5\n',
      '{ "lead": { "type": "object", "properties": { "x": {} } }, "events": { "e": { "properties": { "y": {} } } } }',
    ),
  () =>
    withSchema(
      'group Score {\n  when employees >= 1 +5\n}\ngroup a {\n  when employees >= 2 +5\n}\ngroup A {\n  when employees >= 3 +5\n}',
    ),
];

function collect(): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const file of REPO_FILES) found.push(...diagnose(readFileSync(file, 'utf8'), undefined, dirname(file)));
  for (const form of FORMS) found.push(...form());
  return found;
}

describe('every diagnostic code in Japanese', () => {
  const found = collect();

  test('the files show every code of the catalogue', () => {
    const codes = new Set(found.map((d) => d.code));
    // The parser gives up only when recovery exhausts the stack, which depends on the machine
    // (test/grammar/parse-never-throws.test.ts); its message has no params, so it is checked as built.
    expect(Object.keys(DIAGNOSTIC_CATALOGUE).filter((c) => !codes.has(c as Diagnostic['code']))).toEqual([
      'too-many-errors',
    ]);
    const gaveUp = { ...found[0]!, code: 'too-many-errors' as const, message: 'too many syntax errors', params: {} };
    expect(localizedMessage(gaveUp, 'ja')).toMatch(/^構文エラーが多すぎて/);
  });

  test('no diagnostic falls back to English in Japanese mode, and English stays the message the check wrote', () => {
    const english = found
      .filter((d) => localizedMessage(d, 'ja') === d.message || !KANA.test(localizedMessage(d, 'ja')))
      .map((d) => `${d.code}: ${d.message}`);
    expect(english).toEqual([]);
    for (const d of found) expect(localizedMessage(d, 'en')).toBe(d.message);
  });

  test('a "did you mean" in English is a もしかして in Japanese', () => {
    const suggesting = found.filter((d) => /did you mean/.test(d.message));
    expect(suggesting.length).toBeGreaterThan(5);
    for (const d of suggesting) expect(localizedMessage(d, 'ja')).toContain('もしかして');
  });

  test('a syntax error quoting text that holds a NUL keeps its English and Japanese whole', () => {
    const [d] = withSchema('when employees >= 1 "a\u0000b"');
    expect(d?.message).toBe('expected points such as +20 after the condition, but found the text "a\u0000b"');
    expect(localizedMessage(d!, 'ja')).toBe('条件の後に "+20" のような点数が必要です (見つかったのは 文字 "a\u0000b")');
  });

  test('any text: every diagnostic has a Japanese message', () => {
    const pieces = [
      'when',
      'on',
      'tier',
      'group',
      'let',
      'max',
      'each',
      '+5',
      '5',
      '>=',
      '=',
      '"a',
      '"b"',
      '[',
      ']',
      '(',
      ')',
      '{',
      '}',
      'employees',
      'role',
      'in',
      'not',
      'where',
      'within',
      '30d',
      '30q',
      '＋',
      '\\q',
      ',',
      '\n',
      ' ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (words) => {
        for (const d of withSchema(words.join(' '))) {
          expect(localizedMessage(d, 'ja'), `${d.code}: ${d.message}`).not.toBe(d.message);
        }
      }),
      { numRuns: 200 },
    );
  });
});
