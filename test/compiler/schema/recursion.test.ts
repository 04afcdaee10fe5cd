import { describe, expect, it } from 'vitest';
import { checkSource } from '../../../compiler/check-source.js';
import { compileValidators } from '../../../compiler/schema/validators.js';
import { loadSchema } from '../../../compiler/schema/load-schema.js';

const errors = (schema: unknown) =>
  loadSchema(typeof schema === 'string' ? schema : JSON.stringify(schema), 's.json')
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);

describe('self-referencing and deep schemas end in a clear error, never a stack overflow', () => {
  it.each([
    ['lead is "$ref": "#"', { lead: { $ref: '#' }, events: {} }, '"#"'],
    [
      'a definition that is only a reference to itself',
      {
        lead: { type: 'object', $defs: { a: { $ref: '#/$defs/a' } }, properties: { x: { $ref: '#/$defs/a' } } },
        events: {},
      },
      '"#/$defs/a"',
    ],
    [
      'a loop through allOf',
      {
        lead: {
          type: 'object',
          $defs: { a: { $ref: '#/$defs/b' }, b: { allOf: [{ $ref: '#/$defs/a' }] } },
          properties: { x: { $ref: '#/$defs/a' } },
        },
        events: {},
      },
      'comes back to itself',
    ],
    [
      'a loop through not / anyOf in an event',
      {
        lead: { type: 'object' },
        events: {
          visit: {
            $defs: { a: { anyOf: [{ not: { $ref: '#/$defs/a' } }] } },
            properties: { p: { $ref: '#/$defs/a' } },
          },
        },
      },
      'comes back to itself',
    ],
    [
      'a loop shared from the top-level $defs',
      {
        $defs: { a: { $ref: '#/$defs/a' } },
        lead: { type: 'object', properties: { x: { $ref: '#/$defs/a' } } },
        events: {},
      },
      'comes back to itself',
    ],
  ])('%s', (_name, schema, message) => {
    const found = errors(schema);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
    expect(found[0]).toContain('without going into a property or an item');
  });

  it('a recursive schema that goes into the data is fine, and validates nested records', () => {
    const schema = {
      lead: {
        type: 'object',
        properties: { id: { type: 'string' }, parent: { $ref: '#' }, tree: { $ref: '#/$defs/node' } },
      },
      $defs: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } } } },
      events: {},
    };
    const loaded = loadSchema(JSON.stringify(schema), 's.json');
    expect(loaded.diagnostics).toEqual([]);
    const validators = compileValidators(loaded.model!);
    let deep: Record<string, unknown> = { id: 'x' };
    for (let i = 0; i < 900; i++) deep = { id: `L${i}`, parent: deep };
    expect(validators.validateLead(deep)).toEqual([]);
  });

  it('a long chain of references is followed without recursion', () => {
    const defs: Record<string, unknown> = { d0: { $ref: '#/$defs/d19999' } };
    for (let i = 1; i < 20000; i++) defs[`d${i}`] = { $ref: `#/$defs/d${i - 1}` };
    const found = errors({
      $defs: defs,
      lead: { type: 'object', properties: { x: { $ref: '#/$defs/d5' } } },
      events: {},
    });
    expect(found.some((m) => m.includes('comes back to itself'))).toBe(true);
  });

  it('a schema file nested thousands of levels deep', () => {
    let nested = '{"type":"string"}';
    for (let i = 0; i < 20000; i++) nested = `{"type":"object","properties":{"a":${nested}}}`;
    const found = errors(`{"lead":{"type":"object","properties":{"x":${nested}}},"events":{}}`);
    expect(found).toEqual([expect.stringContaining('nests objects and lists more than 200 deep')]);
  });

  it('a malformed %-escape in a $ref is an unknown reference, not a crash', () => {
    expect(errors({ lead: { type: 'object', properties: { x: { $ref: '#/%E0' } } }, events: {} })).toEqual([
      expect.stringContaining('"#/%E0" does not exist'),
    ]);
  });

  it('rule files: deep not and parentheses are a syntax error', () => {
    for (const source of [
      `when ${'not '.repeat(100000)}a = 1 +1`,
      `when ${'('.repeat(100000)}a = 1${')'.repeat(100000)} +1`,
    ]) {
      const checked = checkSource(source, { readSchema: () => undefined });
      expect(checked.diagnostics.some((d) => d.message.includes('nested too deeply'))).toBe(true);
    }
  });
});
