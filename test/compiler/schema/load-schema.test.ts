import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../../compiler/schema/load-schema.js';

const example = JSON.stringify(
  {
    lead: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        employees: { type: 'integer', minimum: 0 },
        industry: { enum: ['製造業', '情報通信業', null] },
        role: { type: ['string', 'null'], enum: ['役員', '部長'] },
        opted_out: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
        company: { type: 'object', properties: { size: { type: 'number' }, name: { $ref: '#/$defs/name' } } },
        score_hint: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        constructor: { type: 'number' },
        toString: { const: 'x' },
      },
    },
    events: { page_view: { type: 'object', properties: { url: { type: 'string' } } }, email_open: {} },
    $defs: { name: { type: 'string', minLength: 1 } },
  },
  null,
  2,
);

describe('loadSchema', () => {
  it('builds field types', () => {
    // An object literal cannot hold an own __proto__ key, so it goes in as text.
    const text = example.replace('"toString"', '"__proto__": { "type": "string" }, "toString"');
    const { model, diagnostics } = loadSchema(text, 'lead.schema.json');
    expect(diagnostics).toEqual([]);
    const props = model!.lead.properties!;
    expect([...model!.lead.types]).toEqual(['object']);
    expect([...props.get('employees')!.types].sort()).toEqual(['integer', 'number']);
    expect([...props.get('industry')!.types].sort()).toEqual(['null', 'string']);
    expect(props.get('industry')!.enumValues).toEqual(['製造業', '情報通信業', null]);
    expect([...props.get('role')!.types].sort()).toEqual(['null', 'string']);
    expect(props.get('tags')!.items!.types.has('string')).toBe(true);
    expect(props.get('company')!.properties!.get('name')!.types.has('string')).toBe(true);
    expect([...props.get('score_hint')!.types].sort()).toEqual(['number', 'string']);
    expect(props.get('__proto__')!.types.has('string')).toBe(true);
    expect(props.get('constructor')!.types.has('number')).toBe(true);
    expect(props.get('toString')!.enumValues).toEqual(['x']);
    expect(props.get('hasOwnProperty')).toBeUndefined();
    expect([...model!.events.keys()]).toEqual(['page_view', 'email_open']);
    expect(model!.events.get('page_view')!.properties!.get('url')!.types.has('string')).toBe(true);
    expect(model!.events.get('email_open')!.types.size).toBe(0);
    expect(model!.eventSchemas.get('email_open')).toEqual({ $defs: { name: { type: 'string', minLength: 1 } } });
    expect(({} as Record<string, unknown>).type).toBeUndefined(); // nothing leaked into Object.prototype
  });

  it('reports JSON syntax errors with their position', () => {
    const { model, diagnostics } = loadSchema('{\n  "lead": {},\n  "events": {},\n}', 'lead.schema.json');
    expect(model).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({ code: 'schema-json-syntax', severity: 'error', file: 'lead.schema.json' });
    expect(d!.range.start).toMatchObject({ line: 4, column: 1 });
    expect(d!.message).toMatch(/remove the last comma/);

    const missingComma = loadSchema('{\n  "lead": {}\n  "events": {}\n}', 's.json').diagnostics[0]!;
    expect(missingComma.range.start.line).toBe(3);
    expect(missingComma.message).toMatch(/comma/);
    expect(loadSchema('', 's.json').diagnostics[0]!.code).toBe('schema-json-syntax');
    expect(loadSchema('{ // note\n}', 's.json').diagnostics[0]!.message).toMatch(/comments/);
  });

  it('checks the shape of the file', () => {
    expect(loadSchema('[]', 's.json').diagnostics.map((d) => d.code)).toEqual(['schema-shape']);
    const missing = loadSchema('{"lead": {"type": "object"}}', 's.json');
    expect(missing.model).toBeUndefined();
    expect(missing.diagnostics[0]!.message).toMatch(/no "events"/);
    const wrong = loadSchema('{"lead": 5, "events": {"a": 1, "b": {}}, "evnets": {}}', 's.json');
    expect(wrong.diagnostics.map((d) => [d.code, d.severity, d.range.start.column])).toEqual([
      ['schema-shape', 'warning', 42],
      ['schema-shape', 'error', 10],
      ['schema-shape', 'error', 29],
    ]);
    expect(wrong.diagnostics[0]!.suggestions).toEqual(['events']);
    expect(loadSchema('{"lead": {"type": "string"}, "events": {}}', 's.json').diagnostics[0]!.message).toMatch(
      /"type": "object"/,
    );
  });

  it('reports invalid JSON Schemas where they are', () => {
    const text =
      '{\n  "lead": {\n    "properties": {\n      "employees": { "type": "integr" },\n      "role": { "enum": 5 }\n    }\n  },\n  "events": { "x": { "required": "id" } }\n}';
    const { model, diagnostics } = loadSchema(text, 's.json');
    expect(model).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([
      ['schema-invalid', 4, 30],
      ['schema-invalid', 5, 25],
      ['schema-invalid', 8, 34],
    ]);
    expect(diagnostics[0]!.message).toMatch(/"integr" is not a JSON Schema type \(did you mean "integer"\?\)/);
  });

  it('reports references that do not exist', () => {
    const text =
      '{"lead": {"properties": {"a": {"$ref": "#/$defs/nmae"}}, "$defs": {"name": {}}}, "events": {"e": {"$ref": "http://x/y"}}}';
    const { diagnostics } = loadSchema(text, 's.json');
    expect(diagnostics.map((d) => d.code)).toEqual(['schema-invalid', 'schema-invalid']);
    expect(diagnostics[0]!.message).toMatch(/did you mean "name"/);
  });

  it('supports 2020-12 schemas and a BOM', () => {
    const text =
      '\ufeff{"$schema": "https://json-schema.org/draft/2020-12/schema", "lead": {"type": "object", "properties": {"t": {"type": "array", "prefixItems": [{"type": "string"}]}}}, "events": {}}';
    const { model, diagnostics } = loadSchema(text, 's.json');
    expect(diagnostics).toEqual([]);
    expect(model!.lead.properties!.get('t')!.items!.types.has('string')).toBe(true);
    expect(loadSchema('\ufeff{"lead": 1, "events": {}}', 's.json').diagnostics[0]!.range.start.column).toBe(10);
  });

  it('survives recursive references', () => {
    const text =
      '{"lead": {"type": "object", "properties": {"tree": {"$ref": "#/$defs/node"}}, "$defs": {"node": {"type": "object", "properties": {"child": {"$ref": "#/$defs/node"}}}}}, "events": {}}';
    const { model } = loadSchema(text, 's.json');
    expect(model!.lead.properties!.get('tree')!.properties!.get('child')!.types.has('object')).toBe(true);
  });
});
