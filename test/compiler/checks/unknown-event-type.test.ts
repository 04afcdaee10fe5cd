import { describe, it } from 'vitest';
import { unknownEventType } from '../../../compiler/checks/unknown-event-type.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('unknown-event-type', () => {
  it('accepts event types of the schema', () => {
    expectValid(unknownEventType, `group 行動 { on whitepaper_download +20\n on email_open +5 each max 20 }`);
  });

  it('reports an unknown event type with a did-you-mean, in and out of groups', () => {
    expectDiagnostics(unknownEventType, `on email_opne +5\ngroup 行動 {\n  on ウェビナー参加 +25\n}`, [
      {
        code: 'unknown-event-type',
        line: 1,
        column: 4,
        text: 'email_opne',
        suggestions: ['email_open'],
        messageIncludes:
          'unknown event type "email_opne": lead.schema.json defines no such event — did you mean "email_open"?',
      },
      {
        code: 'unknown-event-type',
        line: 3,
        column: 6,
        text: 'ウェビナー参加',
        suggestions: [],
        messageIncludes: 'add it under "events"',
      },
    ]);
  });

  it('reports nothing without a schema', () => {
    expectValid(unknownEventType, `on email_opne +5`, null);
  });
});
