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

export const FIELDS = [
  'employees',
  'industry',
  'role',
  'flag',
  'tags',
  'company.size',
  '__proto__',
  'constructor',
  '部署',
  'toString',
];
export const EVENT_TYPES = ['view', 'click', 'form_reach', '資料請求'];
export const PROPERTIES = ['url', 'n', 'ok', 'tags', 'constructor', '__proto__', 'type', 'at'];
export const WORDS = ['部長', '役員', 'a', 'B', '製造業', 'x_1'];
export const STRINGS = [
  '部長',
  '/pricing',
  '',
  'a"b',
  'back\\slash',
  '${x}',
  '</script>',
  'line\u2028sep',
  '@gmail.com',
];
export const NUMBERS = [-5, -1, 0, 1, 2, 3, 10, 100, 1.5];
export const DURATIONS: [string, number][] = [
  ['1h', HOUR],
  ['1d', DAY],
  ['7d', 7 * DAY],
  ['2w', 14 * DAY],
  ['30d', 30 * DAY],
];

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
    fc
      .tuple(
        path,
        fc.constantFrom('<', '<=', '>', '>='),
        fc.oneof({ weight: 4, arbitrary: numberText }, { weight: 1, arbitrary: valueText }),
      )
      .map(([p, op, v]) => `${p} ${op} ${v}`),
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
  const when = fc
    .tuple(conditionText(FIELDS, lets), points, label)
    .map(([c, p, l]) => `when ${c} ${p}${l ? ` ${l}` : ''}`);
  const modifiers = fc
    .record({
      each: fc.boolean(),
      max: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      within: fc.option(fc.constantFrom(...DURATIONS.map(([t]) => t)), { nil: undefined }),
    })
    .chain((m) => {
      const parts = [
        m.each ? 'each' : '',
        m.each && m.max !== undefined ? `max ${m.max}` : '',
        m.within ? `within ${m.within}` : '',
      ].filter(Boolean);
      return fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length });
    });
  const on = fc
    .tuple(
      fc.constantFrom(...EVENT_TYPES),
      fc.option(conditionText(PROPERTIES, lets), { nil: undefined }),
      points,
      modifiers,
      label,
    )
    .map(
      ([t, where, p, mods, l]) =>
        `on ${t}${where ? ` where ${where}` : ''} ${p}${mods.length ? ` ${mods.join(' ')}` : ''}${l ? ` ${l}` : ''}`,
    );
  const inactive = fc
    .tuple(fc.constantFrom(...DURATIONS.map(([t]) => t)), points, label)
    .map(([d, p, l]) => `after ${d} inactive ${p}${l ? ` ${l}` : ''}`);
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
    const letDecls = fc
      .tuple(...letNames.map(() => fc.array(valueText, { minLength: 1, maxLength: 4 })))
      .map((lists) => lists.map((items, i) => `let ${letNames[i]} = [${items.join(', ')}]`));
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
    const tierCondition = fc.oneof(
      totals,
      conditionText(['employees', 'role'], letNames),
      fc.tuple(totals, conditionText(['role'], letNames)).map(([a, b]) => `${a} and (${b})`),
    );
    const tiers = fc
      .tuple(
        fc.array(
          fc.oneof(
            numberText.map((n) => `>= ${n}`),
            tierCondition.map((c) => `when ${c}`),
          ),
          { maxLength: 3 },
        ),
        fc.boolean(),
      )
      .map(([tests, otherwise]) => [
        ...tests.map((t, i) => `tier ${i === 1 ? '"MQL \\"hot\\""' : `T${i}`} ${t}`),
        ...(otherwise ? ['tier 低関心 otherwise'] : []),
      ]);
    return fc
      .tuple(letDecls, groupDecls, loose, tiers)
      .map(([l, g, r, t]) => [...l, ...g, ...r, ...t].join('\n') + '\n');
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
  for (const [k, v] of entries)
    Object.defineProperty(object, k, { value: v, enumerable: true, writable: true, configurable: true });
  return object;
}

export const leadArb: fc.Arbitrary<Record<string, unknown>> = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'employees',
        'industry',
        'role',
        'flag',
        'tags',
        '__proto__',
        'constructor',
        '部署',
        'toString',
        'company',
      ),
      fieldValue,
    ),
    { maxLength: 8 },
  )
  .chain((entries) =>
    fc.option(fc.constantFrom(...NUMBERS), { nil: undefined }).map((size) => {
      const lead = own(
        entries.map(([k, v]) => (k === 'company' ? [k, size === undefined ? v : own([['size', size]])] : [k, v])),
      );
      lead.id = 'L';
      return lead;
    }),
  );

/** Event times cluster on the window edges (exactly D ago, a millisecond either side) and around now. */
const at = fc.oneof(
  fc
    .constantFrom(...DURATIONS.map(([, ms]) => ms))
    .chain((ms) => fc.constantFrom(NOW - ms, NOW - ms + 1, NOW - ms - 1)),
  fc.constantFrom(NOW, NOW + 1, NOW - 1, NOW + DAY),
  fc.integer({ min: NOW - 60 * DAY, max: NOW + DAY }),
);

export const eventArb = fc
  .tuple(
    fc.constantFrom(...EVENT_TYPES, 'other'),
    at,
    fc.array(fc.tuple(fc.constantFrom('url', 'n', 'ok', 'tags', 'constructor', '__proto__'), fieldValue), {
      maxLength: 3,
    }),
  )
  .map(([type, time, props]) => {
    const event = own(props);
    event.type = type;
    event.at = time;
    return event as { type: string; at: number; [k: string]: unknown };
  });

export const eventsArb = fc.array(eventArb, { maxLength: 12 });

/*
 * Typed data for the SQL target (test/sql). A warehouse column has one type,
 * so each name that `programText` uses gets one kind here (SQL_SCHEMA_JSON)
 * and the typed leads and events hold values of that kind or nothing. The
 * programs stay `programText`'s, type mismatches included (`role >= 3`):
 * both scorers must decide those the same way.
 */
const EVENT_PROPERTY_SCHEMA = {
  type: 'object',
  properties: {
    url: { type: 'string' },
    n: { type: 'number' },
    ok: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    constructor: { type: ['string', 'null'] },
    ['__proto__']: { type: 'integer' },
  },
};

export const SQL_SCHEMA_JSON: string = JSON.stringify({
  lead: {
    type: 'object',
    required: ['id'],
    properties: {
      id: { type: 'string' },
      employees: { type: 'integer' },
      industry: { type: 'string' },
      role: { enum: ['部長', '役員', 'a', 'B', '製造業', 'x_1', null] },
      flag: { type: 'boolean' },
      tags: { type: 'array', items: { type: 'string' } },
      company: { type: 'object', properties: { size: { type: 'number' } } },
      ['__proto__']: { type: 'string' },
      constructor: { type: 'boolean' },
      部署: { type: 'string' },
      toString: { type: 'array', items: { type: 'number' } },
    },
  },
  events: Object.fromEntries([...EVENT_TYPES, 'other'].map((t) => [t, EVENT_PROPERTY_SCHEMA])),
});

/** The kind of each lead column and event property of SQL_SCHEMA_JSON, for loading typed data into a table. */
export const SQL_LEAD_KINDS: ReadonlyArray<
  readonly [string, 'number' | 'string' | 'boolean' | 'string[]' | 'number[]']
> = [
  ['employees', 'number'],
  ['industry', 'string'],
  ['role', 'string'],
  ['flag', 'boolean'],
  ['tags', 'string[]'],
  ['company.size', 'number'],
  ['__proto__', 'string'],
  ['constructor', 'boolean'],
  ['部署', 'string'],
  ['toString', 'number[]'],
];
export const SQL_EVENT_KINDS: ReadonlyArray<
  readonly [string, 'number' | 'string' | 'boolean' | 'string[]' | 'number[]']
> = [
  ['url', 'string'],
  ['n', 'number'],
  ['ok', 'boolean'],
  ['tags', 'string[]'],
  ['constructor', 'string'],
  ['__proto__', 'number'],
];

const TYPED_STRINGS = [...WORDS, ...STRINGS, "O'Reilly", "'; DROP TABLE leads; --", "\\'", '$$', ':as_of', '@as_of'];
const INTEGERS = NUMBERS.filter((n) => Number.isInteger(n));

function typedValue(
  kind: 'number' | 'string' | 'boolean' | 'string[]' | 'number[]',
  name: string,
): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'number':
      return fc.constantFrom(...(name === 'employees' || name === '__proto__' ? INTEGERS : NUMBERS));
    case 'string':
      return name === 'role' ? fc.constantFrom(...WORDS) : fc.constantFrom(...TYPED_STRINGS);
    case 'boolean':
      return fc.boolean();
    case 'string[]':
      return fc.array(fc.constantFrom(...TYPED_STRINGS), { maxLength: 3 });
    case 'number[]':
      return fc.array(fc.constantFrom(...NUMBERS), { maxLength: 3 });
  }
}

/** An own-property record from [path, value] pairs; `a.b` makes a nested object. Absent and null values both occur. */
function typedRecord(kinds: typeof SQL_LEAD_KINDS): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      ...kinds.map(([name, kind]) =>
        fc.option(fc.option(typedValue(kind, name), { nil: null }), { nil: undefined, freq: 3 }),
      ),
    )
    .map((values) => {
      const record: Record<string, unknown> = {};
      const put = (object: Record<string, unknown>, key: string, value: unknown): void => {
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      };
      kinds.forEach(([name], i) => {
        const value = values[i];
        if (value === undefined) return;
        const [head, tail] = name.split('.') as [string, string | undefined];
        if (tail === undefined) put(record, head, value);
        else put(record, head, { [tail]: value });
      });
      return record;
    });
}

/** Leads of SQL_SCHEMA_JSON's types; `id` is set by the caller. */
export const sqlLeadArb: fc.Arbitrary<Record<string, unknown>> = typedRecord(SQL_LEAD_KINDS);

/** Events of SQL_SCHEMA_JSON's types, at the same boundary-heavy times as eventArb. */
export const sqlEventArb = fc
  .tuple(fc.constantFrom(...EVENT_TYPES, 'other'), at, typedRecord(SQL_EVENT_KINDS))
  .map(([type, time, props]) => {
    props.type = type;
    props.at = time;
    return props as { type: string; at: number; [k: string]: unknown };
  });

export const sqlEventsArb = fc.array(sqlEventArb, { maxLength: 12 });
