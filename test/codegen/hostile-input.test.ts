import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { generateJsModule } from '../../compiler/codegen/js-module.js';
import { quoteString } from '../../grammar/strings.js';
import { referenceScore } from '../helpers/reference-interpreter.js';

const NOW = Date.UTC(2026, 10, 1);
const noSchema = { readSchema: () => undefined };
const g = globalThis as { pwned?: unknown };

/** Strings that would break out of a naively emitted string literal, template or script tag. */
const HOSTILE = [
  '"); globalThis.pwned = 1; ("',
  "'); globalThis.pwned = 1; ('",
  '${globalThis.pwned = 1}',
  '`; globalThis.pwned = 1; `',
  '\\"); globalThis.pwned = 1; //',
  '</script><script>globalThis.pwned = 1</script>',
  'line\u2028globalThis.pwned = 1\u2029',
  '*/ globalThis.pwned = 1; /*',
  '\\u0022); globalThis.pwned = 1; //',
];

function compile(source: string) {
  const checked = checkSource(source, noSchema);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checked.program!;
}

afterEach(() => {
  delete g.pwned;
});

describe('hostile rule files', () => {
  it('labels, values and tier names are data, never code', () => {
    for (const text of HOSTILE) {
      const q = quoteString(text);
      const program = compile(
        [
          `let L = [${q}, 部長]`,
          `group 属性 { when role in L +5 ${q} }`,
          `when note = ${q} +1`,
          `when note contains ${q} +2 ${q}`,
          `on view where url = ${q} +3`,
          `tier ${q} >= 100`,
          `tier ${q.slice(0, -1)}2" otherwise`,
        ].join('\n'),
      );
      const scorer = instantiateScorer(program);
      const result = scorer.explain({ id: 1, role: text, note: text }, [{ type: 'view', at: NOW, url: text }], NOW);
      expect(g.pwned).toBeUndefined();
      expect(result.score).toBe(11);
      expect(result.tier).toBe(`${text}2`);
      expect(result.reasons.map((r) => r.rule)).toEqual([
        text,
        `when note = ${q} +1`,
        text,
        `on view where url = ${q} +3`,
      ]);
    }
  });

  it('the standalone module quotes the same way, file name included', async () => {
    const q = quoteString(HOSTILE[0]!);
    const program = compile(`group 属性 { when role = ${q} +5 ${q} }\ntier ${q} >= 5`);
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-hostile-'));
    const file = join(dir, 'scorer.mjs');
    writeFileSync(
      file,
      generateJsModule(program, { sourceName: 'evil\nglobalThis.pwned = 1; //.score', timeZone: 'Asia/Tokyo' }),
    );
    const module = await import(pathToFileURL(file).href);
    expect(g.pwned).toBeUndefined();
    expect(module.explain({ role: HOSTILE[0] }, [], NOW)).toEqual({
      score: 5,
      tier: HOSTILE[0],
      groups: { 属性: 5 },
      reasons: [{ rule: HOSTILE[0], line: 1, points: 5 }],
    });
  });

  it('any label or value round-trips into the scorer unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const q = quoteString(text);
        const scorer = instantiateScorer(compile(`when note = ${q} +7 ${q}\ntier ${q} >= 7`));
        const result = scorer.explain({ note: text }, [], NOW);
        expect(result).toEqual({ score: 7, tier: text, groups: {}, reasons: [{ rule: text, line: 1, points: 7 }] });
        expect(g.pwned).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('field and group names that exist on every object', () => {
  it('inherited names are missing unless the record has them itself', () => {
    const program = compile(
      [
        'when constructor is set +1',
        'when toString is set +2',
        'when __proto__ is set +4',
        'when hasOwnProperty is not set +8',
        'on view where constructor is set +16',
      ].join('\n'),
    );
    const scorer = instantiateScorer(program);
    expect(scorer.score({}, [{ type: 'view', at: NOW }], NOW).score).toBe(8);
    const own = JSON.parse('{"constructor": "x", "toString": 1, "__proto__": {"a": 1}, "hasOwnProperty": true}');
    expect(scorer.score(own, [JSON.parse(`{"type": "view", "at": ${NOW}, "constructor": 1}`)], NOW).score).toBe(
      1 + 2 + 4 + 16,
    );
  });

  it('a group named __proto__ is an own key of groups, and no prototype changes', () => {
    const program = compile(
      'group __proto__ { when a = 1 +5 }\ngroup constructor { when a = 1 +1 }\ntier 高 when __proto__ >= 5',
    );
    const result = instantiateScorer(program).score({ a: 1 }, [], NOW);
    expect(Object.getPrototypeOf(result.groups)).toBe(Object.prototype);
    expect(Object.keys(result.groups)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(result)).toBe('{"score":6,"tier":"高","groups":{"__proto__":5,"constructor":1}}');
    const { reasons: _, ...reference } = referenceScore(program, { a: 1 }, [], NOW);
    expect(result).toEqual(reference);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('nested paths through __proto__ do not reach Object.prototype', () => {
    const program = compile('when __proto__.polluted = 1 +5\nwhen company.constructor.name = "Object" +1');
    const scorer = instantiateScorer(program);
    expect(scorer.score({ company: {} }, [], NOW).score).toBe(0);
    expect(scorer.score(JSON.parse('{"__proto__": {"polluted": 1}}'), [], NOW).score).toBe(5);
  });
});
