import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { generateJsModule } from '../../compiler/codegen/js-module.js';

const NOW = Date.UTC(2026, 10, 1);
const RULES = 'when vip +5\non visit +10\nafter 30d inactive -3\ntier A >= 10\ntier B otherwise';

type Fn = (lead: unknown, events?: unknown, now?: unknown) => { score: number };
let module: { score: Fn; explain: Fn };

beforeAll(async () => {
  const checked = checkSource(RULES, { readSchema: () => undefined });
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-args-'));
  const file = join(dir, 'scorer.mjs');
  writeFileSync(file, generateJsModule(checked.program!));
  module = await import(pathToFileURL(file).href);
});

describe('the standalone module checks its arguments', () => {
  const visit = [{ type: 'visit', at: NOW - 1000 }];

  it.each([
    ['missing', undefined, /now must be epoch milliseconds or a valid Date \(got undefined\)/],
    ['null', null, /got null/],
    ['NaN', NaN, /got NaN/],
    ['Infinity', Infinity, /got Infinity/],
    ['an invalid Date', new Date('nope'), /got an invalid Date/],
    ['a text that is no time', 'yesterday', /got "yesterday"/],
    ['an object', {}, /got object/],
  ])('now %s is a TypeError, not "every event in the future"', (_name, now, message) => {
    for (const fn of [module.score, module.explain]) {
      expect(() => fn({ vip: true }, visit, now)).toThrow(TypeError);
      expect(() => fn({ vip: true }, visit, now)).toThrow(message);
    }
  });

  it('accepts epoch ms, a Date and an ISO text for now', () => {
    expect(module.score({}, visit, NOW).score).toBe(10);
    expect(module.score({}, visit, new Date(NOW)).score).toBe(10);
    expect(module.score({}, visit, '2026-11-01T00:00:00Z').score).toBe(10);
  });

  it.each([
    ['null', null, /lead must be an object \{…\} \(got null\)/],
    ['a list', [], /got a list/],
    ['a text', 'L1', /got "L1"/],
    ['undefined', undefined, /got undefined/],
  ])('lead %s is a TypeError', (_name, lead, message) => {
    expect(() => module.score(lead, visit, NOW)).toThrow(TypeError);
    expect(() => module.explain(lead, visit, NOW)).toThrow(message);
  });

  it('events must be a list or left out', () => {
    expect(() => module.score({}, { type: 'visit', at: NOW }, NOW)).toThrow(
      /events must be a list \[ \{…\}, … \] or left out \(got object\)/,
    );
    expect(() => module.score({}, 'visit', NOW)).toThrow(TypeError);
    // Left out: the lead's own `events`.
    expect(module.score({ events: visit }, undefined, NOW).score).toBe(10);
    expect(module.score({ events: visit }, null, NOW).score).toBe(10);
  });

  it('the in-process scorer checks the same way', () => {
    const checked = checkSource(RULES, { readSchema: () => undefined });
    const scorer = instantiateScorer(checked.program!);
    expect(() => scorer.score({}, [], undefined as unknown as number)).toThrow(TypeError);
    expect(scorer.score({}, visit, NOW).score).toBe(10);
  });
});
