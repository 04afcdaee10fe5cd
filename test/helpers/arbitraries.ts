/**
 * fast-check generators for rule files and data. Programs are generated as
 * source text (so the parser is exercised too) from small pools of names and
 * values, so that conditions actually hit the data and boundaries are common.
 */
import fc from 'fast-check';
import { quoteString } from '../../grammar/strings.js';

export const NOW = Date.UTC(2026, 10, 1, 0, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const FIELDS = ['employees', 'industry', 'role', 'flag', 'tags', 'company.size', '__proto__', 'constructor', '部署', 'toString'];
export const EVENT_TYPES = ['view', 'click', 'form_reach', '資料請求'];
export const PROPERTIES = ['url', 'n', 'ok', 'tags', 'constructor', '__proto__'];
const WORDS = ['部長', '役員', 'a', 'B', '製造業', 'x_1'];
const STRINGS = ['部長', '/pricing', '', 'a"b', 'back\\slash', '${x}', '</script>', 'line\u2028sep', '@gmail.com'];
const NUMBERS = [-5, -1, 0, 1, 2, 3, 10, 100, 1.5];
const DURATIONS: [string, number][] = [['1h', HOUR], ['1d', DAY], ['7d', 7 * DAY], ['2w', 14 * DAY], ['30d', 30 * DAY]];

const numberText = fc.constantFrom(...NUMBERS).map((n) => String(n));
const valueText = fc.oneof(
  numberText,
  fc.constantFrom(...WORDS),
  fc.constantFrom(...STRINGS).map(quoteString),
  fc.constantFrom('true', 'false'),
);

function listText(lets: readonly string[]): fc.Arbitrary<string> {
  const literal = fc.array(valueText, { minLength: 1, maxLength: 4 }).map((items) => `[${items.join(', ')}]`);
  return lets.length > 0 ? fc.oneof(literal, fc.constantFrom(...lets)) : literal;
}

function testText(paths: readonly string[], lets: readonly string[]): fc.Arbitrary<string> {
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    fc.tuple(path, fc.constantFrom('=', '!='), valueText).map(([p, op, v]) => `${p} ${op} ${v}`),
    fc.tuple(path, fc.constantFrom('<', '<=', '>', '>='), numberText).map(([p, op, v]) => `${p} ${op} ${v}`),
    fc.tuple(path, fc.boolean(), listText(lets)).map(([p, neg, l]) => `${p} ${neg ? 'not in' : 'in'} ${l}`),
    fc.tuple(path, valueText).map(([p, v]) => `${p} contains ${v}`),
    fc.tuple(path, fc.boolean()).map(([p, neg]) => `${p} is ${neg ? 'not ' : ''}set`),
    path,
  );
}

export function conditionText(paths: readonly string[], lets: readonly string[]): fc.Arbitrary<string> {
  const { cond } = fc.letrec<{ cond: string }>((tie) => ({
    cond: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      testText(paths, lets),
      tie('cond').map((c) => `not ${c}`),
      tie('cond').map((c) => `(${c})`),
      fc.tuple(tie('cond'), fc.constantFrom('and', 'or'), tie('cond')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    ),
  }));
  return cond;
}

const points = fc.integer({ min: -30, max: 30 }).map((n) => (n >= 0 ? `+${n}` : `${n}`));
const label = fc.option(fc.constantFrom('"規模"', '"a\\"b"', '"</script>"', '"${x}"', '"\\u2028"'), { nil: undefined });

function ruleText(lets: readonly string[]): fc.Arbitrary<string> {
  const when = fc.tuple(conditionText(FIELDS, lets), points, label).map(([c, p, l]) => `when ${c} ${p}${l ? ` ${l}` : ''}`);
  const modifiers = fc
    .record({
      each: fc.boolean(),
      max: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      within: fc.option(fc.constantFrom(...DURATIONS.map(([t]) => t)), { nil: undefined }),
    })
    .chain((m) => {
      const parts = [m.each ? 'each' : '', m.each && m.max !== undefined ? `max ${m.max}` : '', m.within ? `within ${m.within}` : ''].filter(Boolean);
      return fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length });
    });
  const on = fc
    .tuple(fc.constantFrom(...EVENT_TYPES), fc.option(conditionText(PROPERTIES, lets), { nil: undefined }), points, modifiers, label)
    .map(([t, where, p, mods, l]) => `on ${t}${where ? ` where ${where}` : ''} ${p}${mods.length ? ` ${mods.join(' ')}` : ''}${l ? ` ${l}` : ''}`);
  const inactive = fc.tuple(fc.constantFrom(...DURATIONS.map(([t]) => t)), points, label).map(([d, p, l]) => `after ${d} inactive ${p}${l ? ` ${l}` : ''}`);
  return fc.oneof(when, on, inactive);
}

/** A whole rule file that the checker accepts (it has no schema, so only structure is checked). */
export const programText: fc.Arbitrary<string> = fc
  .record({
    lets: fc.integer({ min: 0, max: 2 }),
    groups: fc.array(
      fc.record({
        max: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        min: fc.option(fc.integer({ min: -40, max: 0 }), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
  })
  .chain(({ lets, groups }) => {
    const letNames = Array.from({ length: lets }, (_, i) => `リスト${i}`);
    const groupNames = groups.map((_, i) => ['属性', '行動', '__proto__'][i]!);
    const letDecls = fc.tuple(...letNames.map(() => fc.array(valueText, { minLength: 1, maxLength: 4 }))).map((lists) => lists.map((items, i) => `let ${letNames[i]} = [${items.join(', ')}]`));
    const groupDecls = fc.tuple(
      ...groups.map((g, i) =>
        fc.array(ruleText(letNames), { maxLength: 4 }).map((rules) => {
          const limits = `${g.max !== undefined ? ` max ${g.max}` : ''}${g.min !== undefined ? ` min ${g.min}` : ''}`;
          return `group ${groupNames[i]}${limits} {\n${rules.map((r) => `  ${r}`).join('\n')}\n}`;
        }),
      ),
    );
    const loose = fc.array(ruleText(letNames), { maxLength: 3 });
    // score and group subtotals are integers: compare them with numbers (anything else is a type error).
    const totals = fc
      .tuple(fc.constantFrom('score', ...groupNames), fc.constantFrom('=', '!=', '<', '<=', '>', '>='), numberText)
      .map(([p, op, n]) => `${p} ${op} ${n}`);
    const tierCondition = fc.oneof(totals, conditionText(['employees', 'role'], letNames), fc.tuple(totals, conditionText(['role'], letNames)).map(([a, b]) => `${a} and (${b})`));
    const tiers = fc
      .tuple(
        fc.array(fc.oneof(numberText.map((n) => `>= ${n}`), tierCondition.map((c) => `when ${c}`)), { maxLength: 3 }),
        fc.boolean(),
      )
      .map(([tests, otherwise]) => [...tests.map((t, i) => `tier ${i === 1 ? '"MQL \\"hot\\""' : `T${i}`} ${t}`), ...(otherwise ? ['tier 低関心 otherwise'] : [])]);
    return fc.tuple(letDecls, groupDecls, loose, tiers).map(([l, g, r, t]) => [...l, ...g, ...r, ...t].join('\n') + '\n');
  });

const fieldValue = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...WORDS, ...STRINGS),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.constantFrom(...WORDS, ...STRINGS), fc.constantFrom(...NUMBERS)), { maxLength: 3 }),
);

function own(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(object, k, { value: v, enumerable: true, writable: true, configurable: true });
  return object;
}

export const leadArb: fc.Arbitrary<Record<string, unknown>> = fc
  .array(fc.tuple(fc.constantFrom('employees', 'industry', 'role', 'flag', 'tags', '__proto__', 'constructor', '部署', 'toString', 'company'), fieldValue), { maxLength: 8 })
  .chain((entries) =>
    fc.option(fc.constantFrom(...NUMBERS), { nil: undefined }).map((size) => {
      const lead = own(entries.map(([k, v]) => (k === 'company' ? [k, size === undefined ? v : own([['size', size]])] : [k, v])));
      lead.id = 'L';
      return lead;
    }),
  );

/** Event times cluster on the window edges (exactly D ago, a millisecond either side) and around now. */
const at = fc.oneof(
  fc.constantFrom(...DURATIONS.map(([, ms]) => ms)).chain((ms) => fc.constantFrom(NOW - ms, NOW - ms + 1, NOW - ms - 1)),
  fc.constantFrom(NOW, NOW + 1, NOW - 1, NOW + DAY),
  fc.integer({ min: NOW - 60 * DAY, max: NOW + DAY }),
);

export const eventArb = fc
  .tuple(fc.constantFrom(...EVENT_TYPES, 'other'), at, fc.array(fc.tuple(fc.constantFrom('url', 'n', 'ok', 'tags', 'constructor', '__proto__'), fieldValue), { maxLength: 3 }))
  .map(([type, time, props]) => {
    const event = own(props);
    event.type = type;
    event.at = time;
    return event as { type: string; at: number; [k: string]: unknown };
  });

export const eventsArb = fc.array(eventArb, { maxLength: 12 });
