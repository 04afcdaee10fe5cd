import { describe, it } from 'vitest';
import { unknownList } from '../../../compiler/checks/unknown-list.js';
import { expectDiagnostics, expectValid } from '../../helpers/checker.js';

describe('unknown-list', () => {
  it('accepts lists defined anywhere in the file', () => {
    expectValid(
      unknownList,
      `when role in 決裁者 +25\nlet 決裁者 = [役員, 部長]\nlet 担当 = [担当者]\nwhen role not in 担当 +1`,
    );
  });

  it('reports an unknown list with a did-you-mean, also without a schema', () => {
    expectDiagnostics(
      unknownList,
      `let 決裁者 = [役員, 部長]\nwhen role in 決済者 +25\non page_view where url in 料金ページ +1\ntier A when role not in 役職`,
      [
        {
          code: 'unknown-list',
          line: 2,
          column: 14,
          text: '決済者',
          suggestions: ['決裁者'],
          messageIncludes: 'unknown list "決済者": no let defines it — did you mean "決裁者"?',
        },
        {
          code: 'unknown-list',
          line: 3,
          column: 27,
          text: '料金ページ',
          suggestions: [],
          messageIncludes: 'define it with let 料金ページ = [...]',
        },
        { code: 'unknown-list', line: 4, column: 25, text: '役職' },
      ],
      null,
    );
  });
});
