/**
 * Reads the text of a `*.test.yaml` file into a TestSuite, or into problems
 * with their line and column: YAML syntax errors first, then the file's
 * shape (checked with ajv against SUITE_SCHEMA). No file system access.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { createAjv } from '../../compiler/schema/ajv-instance.js';
import { explainErrors } from '../../compiler/schema/explain-errors.js';
import { didYouMean, suggest } from '../../compiler/suggest.js';
import type { Expectation, ExpectedReason, TestCase, TestProblem, TestSuite } from '../../runtime/rule-tests/types.js';
import { SUITE_SCHEMA } from './suite-schema.js';

export type ParsedSuite =
  { readonly ok: true; readonly suite: TestSuite } | { readonly ok: false; readonly problems: readonly TestProblem[] };

let validateShape: ValidateFunction | undefined;

export function parseSuite(text: string): ParsedSuite {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): { line: number; column: number } => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ ...at(e.pos[0]), message: `YAML: ${firstSentence(e.message)}` })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return {
      ok: false,
      problems: [{ line: 1, column: 1, message: `YAML: ${firstSentence((e as Error).message ?? String(e))}` }],
    };
  }
  if (data === null || data === undefined) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          column: 1,
          message: 'the test file is empty: write "cases:" with at least one case (see docs/rule-tests.md)',
        },
      ],
    };
  }
  validateShape ??= createAjv('07').compile(SUITE_SCHEMA);
  if (!validateShape(data)) {
    const problems = (validateShape.errors ?? []).map((e) => ({
      ...at(offsetOf(doc, e)),
      message: explainShapeError(e),
    }));
    return {
      ok: false,
      problems: dedupe(problems).sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)),
    };
  }
  return { ok: true, suite: buildSuite(doc, data as RawSuite, (node) => at(node?.range?.[0] ?? 0).line) };
}

interface RawCase {
  name: string;
  as_of?: string;
  lead: Record<string, unknown>;
  events?: unknown[];
  expect: {
    score?: number;
    tier?: string | null;
    groups?: Record<string, number>;
    fired?: string[];
    not_fired?: string[];
    reasons?: ExpectedReason[];
  };
}
interface RawSuite {
  rules?: string;
  as_of?: string;
  tz?: string;
  cases: RawCase[];
}

function buildSuite(doc: Document, raw: RawSuite, lineOf: (node: Node | undefined) => number): TestSuite {
  const node = (...path: (string | number)[]): Node | undefined => nodeAt(doc, path);
  const cases: TestCase[] = raw.cases.map((c, i) => {
    const e = c.expect;
    const expect: Expectation = {
      ...(e.score !== undefined && { score: e.score }),
      ...(e.tier !== undefined && { tier: e.tier }),
      ...(e.groups !== undefined && { groups: e.groups }),
      ...(e.fired !== undefined && { fired: e.fired }),
      ...(e.not_fired !== undefined && { notFired: e.not_fired }),
      ...(e.reasons !== undefined && { reasons: e.reasons }),
    };
    return {
      name: c.name,
      line: lineOf(node('cases', i)),
      ...(c.as_of !== undefined && { asOf: { text: c.as_of, line: lineOf(node('cases', i, 'as_of')) } }),
      lead: { value: c.lead, line: lineOf(node('cases', i, 'lead')) },
      events: (c.events ?? []).map((value, j) => ({ value, line: lineOf(node('cases', i, 'events', j)) })),
      expect,
    };
  });
  return {
    ...(raw.rules !== undefined && { rules: { path: raw.rules, line: lineOf(node('rules')) } }),
    ...(raw.as_of !== undefined && { asOf: { text: raw.as_of, line: lineOf(node('as_of')) } }),
    ...(raw.tz !== undefined && { tz: { zone: raw.tz, line: lineOf(node('tz')) } }),
    cases,
  };
}

/** The YAML node at a path of keys and indexes (undefined when absent). */
function nodeAt(doc: Document, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isSeq(node)) node = node.items[Number(segment)];
    else if (isMap(node))
      node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(segment))?.value;
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** Where an ajv error points: the misspelt key itself, else the value at the error's path. */
function offsetOf(doc: Document, e: ErrorObject): number {
  const path =
    e.instancePath === ''
      ? []
      : e.instancePath
          .split('/')
          .slice(1)
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const parent = nodeAt(doc, path);
  if (e.keyword === 'additionalProperties' && isMap(parent)) {
    const extra = String((e.params as { additionalProperty?: unknown }).additionalProperty);
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === extra);
    if (isScalar(pair?.key) && pair.key.range) return pair.key.range[0];
  }
  return parent?.range?.[0] ?? 0;
}

function explainShapeError(e: ErrorObject): string {
  const where = placeOf(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return `"${extra}" is not a key of ${where} (allowed: ${allowed.join(', ')})${didYouMean(suggest(extra, allowed))}`;
    }
    case 'required':
      return `${where} needs "${String(p.missingProperty)}"`;
    case 'minProperties':
      return `${where} is empty: write at least one of score, tier, groups, fired, not_fired, reasons`;
    case 'minItems':
      return `${where} is empty: write at least one case`;
    default:
      return explainErrors([e], 'the test file')[0] ?? `${where} is not valid`;
  }
}

/** `/cases/2/expect` → `cases[2].expect`; the root is "the test file". */
function placeOf(pointer: string): string {
  if (pointer === '') return 'the test file';
  return pointer
    .split('/')
    .slice(1)
    .reduce((acc, key) => (/^\d+$/.test(key) ? `${acc}[${key}]` : acc === '' ? key : `${acc}.${key}`), '');
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function dedupe(problems: TestProblem[]): TestProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
