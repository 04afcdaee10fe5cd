/**
 * The shape of a `*.test.yaml` file (docs/rule-tests.md), as a JSON Schema:
 * ajv checks it so that a misspelt key (`expcet`, `scroe`) or a wrong type is
 * reported at its line instead of being ignored.
 */
const stringList = { type: 'array', items: { type: 'string', minLength: 1 } };

export const SUITE_SCHEMA = {
  type: 'object',
  required: ['cases'],
  additionalProperties: false,
  properties: {
    rules: { type: 'string', minLength: 1 },
    as_of: { type: 'string', minLength: 1 },
    tz: { type: 'string', minLength: 1 },
    cases: { type: 'array', minItems: 1, items: { $ref: '#/definitions/case' } },
  },
  definitions: {
    case: {
      type: 'object',
      required: ['name', 'lead', 'expect'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1 },
        as_of: { type: 'string', minLength: 1 },
        lead: { type: 'object' },
        events: { type: 'array', items: { type: 'object' } },
        expect: { $ref: '#/definitions/expect' },
      },
    },
    expect: {
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties: {
        score: { type: 'integer' },
        tier: { type: ['string', 'null'] },
        groups: { type: 'object', additionalProperties: { type: 'integer' } },
        fired: stringList,
        not_fired: stringList,
        reasons: {
          type: 'array',
          items: {
            type: 'object',
            required: ['rule', 'points'],
            additionalProperties: false,
            properties: {
              rule: { type: 'string', minLength: 1 },
              points: { type: 'integer' },
              line: { type: 'integer', minimum: 1 },
            },
          },
        },
      },
    },
  },
} as const;
