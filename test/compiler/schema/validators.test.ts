import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../../compiler/schema/load-schema.js';
import { compileValidators } from '../../../compiler/schema/validators.js';

const schema = `{
  "lead": {
    "type": "object",
    "required": ["id"],
    "properties": {
      "id": { "type": "string" },
      "employees": { "type": "integer", "minimum": 0 },
      "role": { "enum": ["役員", "部長", "課長", "主任", "担当者", "学生"] },
      "email": { "type": "string", "format": "email" },
      "opted_out": { "type": "boolean" },
      "industry": { "type": ["string", "null"] },
      "company": { "type": "object", "properties": { "size": { "type": "number" } }, "required": ["size"] },
      "tags": { "type": "array", "items": { "type": "string" } }
    },
    "additionalProperties": false
  },
  "events": {
    "page_view": { "type": "object", "properties": { "url": { "type": "string" } }, "required": ["url"] },
    "email_open": {}
  }
}`;

function validators() {
  const { model, diagnostics } = loadSchema(schema, 'lead.schema.json');
  expect(diagnostics).toEqual([]);
  return compileValidators(model!);
}

describe('compileValidators', () => {
  const v = validators();

  it('accepts valid leads, ignoring nested events', () => {
    expect(v.validateLead({ id: 'L1', employees: 10, role: '部長', industry: null, events: [{ type: 'x' }] })).toEqual(
      [],
    );
  });

  it('explains what is wrong in plain words', () => {
    expect(v.validateLead({ id: 'L1', employees: -5 })).toEqual(['employees must be >= 0 (got -5)']);
    expect(v.validateLead({ id: 'L1', employees: 1.5 })).toEqual(['employees must be a whole number (got 1.5)']);
    expect(v.validateLead({ id: 'L1', role: '部帳' })).toEqual([
      'role must be one of 役員, 部長, 課長, 主任, 担当者, 学生 (got "部帳") (did you mean "部長"?)',
    ]);
    expect(v.validateLead({ id: 'L1', email: 'nope' })).toEqual(['email must be a valid email (got "nope")']);
    expect(v.validateLead({ id: 'L1', opted_out: 'yes' })).toEqual(['opted_out must be true or false (got "yes")']);
    expect(v.validateLead({ id: 'L1', company: {} })).toEqual(['company.size is required']);
    expect(v.validateLead({ id: 'L1', tags: ['a', 3] })).toEqual(['tags[1] must be a text (got 3)']);
    expect(v.validateLead({ id: 'L1', emploees: 3 })).toEqual([
      'emploees is not a field the schema allows (did you mean "employees"?)',
    ]);
  });

  it('requires an id that is a string or a number, schema or not', () => {
    expect(v.validateLead({ employees: 3 })).toEqual(['id is required']);
    expect(v.validateLead({ id: true })).toEqual(['id must be a text or a number (got true)']);
    expect(v.validateLead([1])[0]).toMatch(/must be an object/);
    expect(v.validateLead(null)[0]).toMatch(/must be an object/);
  });

  it('keeps hostile keys harmless', () => {
    const lead = JSON.parse('{"id": "L1", "__proto__": {"polluted": true}, "constructor": 1}') as Record<
      string,
      unknown
    >;
    expect(v.validateLead(lead)).toEqual([
      '__proto__ is not a field the schema allows',
      'constructor is not a field the schema allows',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('validates events by type', () => {
    expect(v.validateEvent('page_view', { url: '/pricing' })).toEqual([]);
    expect(v.validateEvent('page_view', { type: 'page_view', at: '2024-01-01', lead_id: 'L1', url: '/x' })).toEqual([]);
    expect(v.validateEvent('page_view', {})).toEqual(['url is required']);
    expect(v.validateEvent('email_open', { anything: 1 })).toEqual([]);
    expect(v.validateEvent('page_veiw', {})).toEqual([
      'unknown event type "page_veiw" (did you mean "page_view"?) (the schema\'s events are: page_view, email_open)',
    ]);
    expect(v.validateEvent('constructor', {})[0]).toMatch(/^unknown event type "constructor"/);
  });
});
