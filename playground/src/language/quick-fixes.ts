import type * as Monaco from 'monaco-editor';
import { t } from '../i18n.js';
import { monaco } from '../monaco-env.js';
import { isWorkingCopy, session } from './session.js';

/**
 * "Did you mean …?" as quick fixes: each suggestion a diagnostic carries
 * becomes an edit that puts it in place of the diagnostic's range.
 */
export const quickFixProvider: Monaco.languages.CodeActionProvider = {
  provideCodeActions(model, range) {
    const actions: Monaco.languages.CodeAction[] = [];
    if (!isWorkingCopy(model)) return { actions: [], dispose() {} };
    for (const d of session.checked?.diagnostics ?? []) {
      if (d.file !== undefined || !d.suggestions?.length) continue;
      const target = new monaco.Range(d.range.start.line, d.range.start.column, d.range.end.line, d.range.end.column);
      if (!monaco.Range.areIntersectingOrTouching(target, range)) continue;
      d.suggestions.forEach((suggestion, i) => {
        actions.push({
          title: t().quickFix(suggestion),
          kind: 'quickfix',
          isPreferred: i === 0,
          edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: target, text: suggestion } }] },
        });
      });
    }
    return { actions, dispose() {} };
  },
};
