import type * as Monaco from 'monaco-editor';
import { quickFixes } from '../../../compiler/language-service/code-actions.js';
import { t } from '../i18n.js';
import { monaco } from '../monaco-env.js';
import { isWorkingCopy, session } from './session.js';

/** "Did you mean …?" as quick fixes, from the language service (compiler/language-service/code-actions.ts). */
export const quickFixProvider: Monaco.languages.CodeActionProvider = {
  provideCodeActions(model, range) {
    if (!isWorkingCopy(model)) return { actions: [], dispose() {} };
    const start = model.getOffsetAt({ lineNumber: range.startLineNumber, column: range.startColumn });
    const end = model.getOffsetAt({ lineNumber: range.endLineNumber, column: range.endColumn });
    const actions = quickFixes(session.checked?.diagnostics ?? [], start, end).map(
      ({ diagnostic: d, newText, preferred }): Monaco.languages.CodeAction => {
        const target = new monaco.Range(d.range.start.line, d.range.start.column, d.range.end.line, d.range.end.column);
        return {
          title: t().quickFix(newText),
          kind: 'quickfix',
          isPreferred: preferred,
          edit: {
            edits: [
              { resource: model.uri, versionId: model.getVersionId(), textEdit: { range: target, text: newText } },
            ],
          },
        };
      },
    );
    return { actions, dispose() {} };
  },
};
