import type * as Monaco from 'monaco-editor';
import { localizedMessage } from '../../../compiler/messages/diagnostic-messages.js';
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { lang } from '../i18n.js';
import { monaco } from '../monaco-env.js';

/**
 * Diagnostics → Monaco markers. The checker's ranges are 1-based lines and
 * columns with an exclusive end, which is exactly Monaco's convention. A
 * zero-width range (e.g. "expected … at end of file") is widened by one
 * column so the squiggle is visible. Messages are in the UI language
 * (compiler/messages/; English where a message has no Japanese text yet).
 */
export const MARKER_OWNER = 'leadscore';

export function toMarker(d: Diagnostic): Monaco.editor.IMarkerData {
  const { start, end } = d.range;
  const empty = start.line === end.line && start.column === end.column;
  return {
    severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: localizedMessage(d, lang()),
    code: d.code,
    source: 'leadscore',
    startLineNumber: start.line,
    startColumn: start.column,
    endLineNumber: end.line,
    endColumn: empty ? end.column + 1 : end.column,
  };
}

export function setDiagnostics(model: Monaco.editor.ITextModel, diagnostics: readonly Diagnostic[]): void {
  monaco.editor.setModelMarkers(model, MARKER_OWNER, diagnostics.map(toMarker));
}
