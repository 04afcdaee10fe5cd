import { describe, it } from 'vitest';
import { duplicateModifier } from '../../../compiler/checks/duplicate-modifier.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('duplicate-modifier', () => {
  it('accepts each modifier once', () => {
    expectValid(duplicateModifier, `on email_open +5 each max 20 within 30d`);
  });

  it('reports the second each, max and within', () => {
    expectDiagnostics(
      duplicateModifier,
      `on email_open +5 each each\non email_click +1 each max 2 within 3d max 4 within 5d`,
      [
        { code: 'duplicate-modifier', line: 1, column: 23, text: 'each', messageIncludes: '"each" is written twice' },
        { code: 'duplicate-modifier', line: 2, column: 40, text: 'max 4' },
        { code: 'duplicate-modifier', line: 2, column: 46, text: 'within 5d' },
      ],
    );
  });
});
