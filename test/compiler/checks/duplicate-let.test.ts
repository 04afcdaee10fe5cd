import { describe, it } from 'vitest';
import { duplicateLet } from '../../../compiler/checks/duplicate-let.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('duplicate-let', () => {
  it('accepts distinct list names', () => {
    expectValid(duplicateLet, `let 決裁者 = [役員, 部長]\nlet 担当 = [担当者]`);
  });

  it('reports the repeat at its name', () => {
    expectDiagnostics(duplicateLet, `let 決裁者 = [役員]\n\nlet 決裁者 = [部長]`, [
      {
        code: 'duplicate-let',
        line: 3,
        column: 5,
        text: '決裁者',
        messageIncludes: 'list "決裁者" is already defined on line 1',
      },
    ]);
  });
});
