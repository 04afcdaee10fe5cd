import { describe, it } from 'vitest';
import { unknownEventProperty } from '../../../compiler/checks/unknown-event-property.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('unknown-event-property', () => {
  it("accepts the event type's own properties", () => {
    expectValid(unknownEventProperty, `on page_view where url contains "/pricing" and duration_sec > 30 +30`);
  });

  it('accepts anything for an event schema that declares no properties', () => {
    expectValid(unknownEventProperty, `on email_open where 件名 contains "セミナー" +5`);
  });

  it('reports an unknown property with a did-you-mean', () => {
    expectDiagnostics(unknownEventProperty, `on page_view where uri contains "/pricing" +30`, [
      {
        code: 'unknown-event-property',
        line: 1,
        column: 20,
        text: 'uri',
        suggestions: ['url'],
        messageIncludes: '"page_view" events have no such property',
      },
    ]);
  });

  it('lists the properties when nothing is near', () => {
    expectDiagnostics(unknownEventProperty, `on email_click where 件名 = a +5`, [
      {
        code: 'unknown-event-property',
        line: 1,
        column: 22,
        text: '件名',
        suggestions: [],
        messageIncludes: '(properties: link)',
      },
    ]);
  });

  it("reports type, at and lead_id even without a schema: where sees only the event's own properties", () => {
    expectDiagnostics(
      unknownEventProperty,
      `on page_view where at > 3 +1\non email_open where type = email_open or lead_id is set +1`,
      [
        {
          code: 'unknown-event-property',
          line: 1,
          column: 20,
          text: 'at',
          messageIncludes: ["where sees only the event's own properties", 'within 30d'],
        },
        { code: 'unknown-event-property', line: 2, column: 21, text: 'type' },
        { code: 'unknown-event-property', line: 2, column: 42, text: 'lead_id' },
      ],
      null,
    );
  });

  it('does not look at properties of an unknown event type', () => {
    expectValid(unknownEventProperty, `on page_veiw where uri = x +1`);
  });

  it('does not read lead fields as event properties', () => {
    expectDiagnostics(unknownEventProperty, `on page_view where employees > 10 +1`, [
      { code: 'unknown-event-property', line: 1, column: 20, text: 'employees' },
    ]);
  });
});
