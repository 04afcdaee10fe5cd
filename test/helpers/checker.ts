/**
 * Test helpers for the checker: parse rule source, run one check (or all),
 * and compare the diagnostics with the expected codes and positions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { checkRules, type Check } from '../../compiler/check.js';
import { loadSchema } from '../../compiler/schema/load-schema.js';
import type { SchemaModel } from '../../compiler/schema/model.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { parse } from '../../grammar/parse.js';

export const CHECKER_GOLDEN_DIR = fileURLToPath(new URL('../golden/checker/', import.meta.url));

/** Loads a schema file's text, failing the test on any schema error. */
export function schemaFrom(text: string, file = 'lead.schema.json'): SchemaModel {
  const loaded = loadSchema(text, file);
  if (!loaded.model)
    throw new Error(`test schema does not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.model;
}

/** The example schema of docs/language.md#14-the-schema-file, plus nested, nullable, numeric-enum and untyped fields. */
export const LEAD_SCHEMA: SchemaModel = schemaFrom(readFileSync(`${CHECKER_GOLDEN_DIR}lead.schema.json`, 'utf8'));

/** Parses `source`, which must be free of syntax errors, and runs the given checks (all by default); `null` runs them without a schema. */
export function runChecks(
  source: string,
  schema: SchemaModel | null = LEAD_SCHEMA,
  checks?: readonly Check[],
): Diagnostic[] {
  const { file, diagnostics } = parse(source);
  if (diagnostics.length > 0) {
    throw new Error(
      `test source has syntax errors:\n${diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`).join('\n')}`,
    );
  }
  return checkRules(file, schema ?? undefined, checks);
}

export interface ExpectedDiagnostic {
  code: string;
  line: number;
  column: number;
  /** The offending text: the source between the diagnostic's start and end. */
  text?: string;
  messageIncludes?: string | readonly string[];
  suggestions?: readonly string[];
  severity?: 'error' | 'warning';
}

/**
 * Runs one check over `source` and expects exactly `expected` (in file order).
 * Positions are 1-based as in editors.
 */
export function expectDiagnostics(
  check: Check,
  source: string,
  expected: readonly ExpectedDiagnostic[],
  schema: SchemaModel | null = LEAD_SCHEMA,
): Diagnostic[] {
  const actual = runChecks(source, schema, [check]);
  const shown = actual.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}: ${d.message}`);
  expect(
    actual.map((d) => ({ code: d.code, line: d.range.start.line, column: d.range.start.column })),
    `diagnostics were:\n${shown.join('\n')}`,
  ).toEqual(expected.map((e) => ({ code: e.code, line: e.line, column: e.column })));
  actual.forEach((d, i) => {
    const e = expected[i]!;
    if (e.text !== undefined) expect(source.slice(d.range.start.offset, d.range.end.offset)).toBe(e.text);
    const includes =
      e.messageIncludes === undefined
        ? []
        : typeof e.messageIncludes === 'string'
          ? [e.messageIncludes]
          : e.messageIncludes;
    for (const part of includes) expect(d.message).toContain(part);
    if (e.suggestions !== undefined) expect(d.suggestions ?? []).toEqual(e.suggestions);
    if (e.severity !== undefined) expect(d.severity).toBe(e.severity);
  });
  return actual;
}

/** Runs one check over `source` and expects no diagnostic. */
export function expectValid(check: Check, source: string, schema: SchemaModel | null = LEAD_SCHEMA): void {
  expectDiagnostics(check, source, [], schema);
}
