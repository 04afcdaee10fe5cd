import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKS, checkRules } from '../../../compiler/check.js';
import type { RuleFile } from '../../../grammar/ast.js';
import { parse } from '../../../grammar/parse.js';
import { CHECKER_GOLDEN_DIR, LEAD_SCHEMA, runChecks } from '../../helpers/checker.js';

const CODES = [
  'unknown-field',
  'unknown-event-type',
  'unknown-event-property',
  'operator-type',
  'value-type',
  'enum-value',
  'duplicate-group',
  'duplicate-let',
  'duplicate-tier',
  'unknown-list',
  'group-shadows-field',
  'otherwise-not-last',
  'max-without-each',
  'duplicate-modifier',
  'duplicate-schema',
  'schema-after-rule',
  'group-min-above-max',
  'duplicate-group-limit',
  'unreachable-tier',
  'group-max-below-points',
  'duplicate-condition',
  'no-schema',
];

describe('checkRules', () => {
  it('runs one check for each documented code', () => {
    expect(Object.keys(CHECKS).sort()).toEqual([...CODES].sort());
  });

  it('returns the diagnostics in file order', () => {
    const diagnostics = runChecks(`tier 低関心 otherwise\ntier A >= 1\nwhen employes >= 1 +1\nwhen role = 部帳 +1`);
    expect(diagnostics.map((d) => [d.range.start.line, d.code])).toEqual([
      [1, 'no-schema'],
      [1, 'otherwise-not-last'],
      [2, 'unreachable-tier'],
      [3, 'unknown-field'],
      [4, 'enum-value'],
    ]);
  });

  it('stops at an unknown field: no type errors on the same test', () => {
    const codes = runChecks(`schema "./lead.schema.json"\nwhen employes >= 多い +1`).map((d) => d.code);
    expect(codes).toEqual(['unknown-field']);
  });

  it('reports an operator error without a value error on the same test', () => {
    const codes = runChecks(`schema "./lead.schema.json"\nwhen industry >= 部長 +1`).map((d) => d.code);
    expect(codes).toEqual(['operator-type']);
  });

  it('copes with empty lists and paths in hand-built trees', () => {
    const at = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
    const file: RuleFile = {
      kind: 'file',
      range: at,
      comments: [],
      statements: [
        {
          kind: 'let',
          range: at,
          name: { kind: 'identifier', name: '空', range: at },
          list: { kind: 'list', items: [], range: at },
        },
        {
          kind: 'when',
          range: at,
          condition: {
            kind: 'and',
            parenthesized: false,
            range: at,
            operands: [
              {
                kind: 'in',
                negated: false,
                parenthesized: false,
                range: at,
                path: { kind: 'path', segments: [{ kind: 'identifier', name: 'role', range: at }], range: at },
                list: { kind: 'identifier', name: '空', range: at },
              },
              { kind: 'truthy', parenthesized: false, range: at, path: { kind: 'path', segments: [], range: at } },
            ],
          },
          points: { kind: 'points', value: 1, range: at },
        },
      ],
    };
    expect(checkRules(file, LEAD_SCHEMA).map((d) => d.code)).toEqual(['no-schema']);
  });

  it('never throws on recovered trees of broken files', () => {
    const sources = readdirSync(CHECKER_GOLDEN_DIR)
      .filter((n) => n.endsWith('.score'))
      .map((n) => readFileSync(join(CHECKER_GOLDEN_DIR, n), 'utf8'));
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.nat(), fc.nat(), (source, a, b) => {
        const start = a % (source.length + 1);
        const end = start + (b % (source.length - start + 1));
        const broken = source.slice(0, start) + source.slice(end);
        const { file } = parse(broken);
        for (const schema of [LEAD_SCHEMA, undefined]) {
          for (const d of checkRules(file, schema)) {
            expect(CODES).toContain(d.code);
            expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
