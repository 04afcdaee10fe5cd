import type * as Monaco from 'monaco-editor';
import { monaco } from './monaco-env.js';
import { LANGUAGE_ID } from './language/monarch.js';
import { THEME } from './language/register.js';
import { WORKING_COPY_URI } from './language/session.js';

/** The Monaco editors of the page: rules, schema, and (created on first use) the diff editor. */
const COMMON: Monaco.editor.IStandaloneEditorConstructionOptions = {
  theme: THEME,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  // Completions come from the schema, not from words elsewhere in the file.
  wordBasedSuggestions: 'off',
  lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
  unicodeHighlight: { ambiguousCharacters: false },
  // Keep Tab for indentation; Ctrl+M (Monaco's toggle) releases it for keyboard navigation.
  tabSize: 2,
};

export function createEditors(rulesHost: HTMLElement, schemaHost: HTMLElement, rules: string, schema: string) {
  const rulesModel = monaco.editor.createModel(rules, LANGUAGE_ID, monaco.Uri.parse(WORKING_COPY_URI));
  const schemaModel = monaco.editor.createModel(
    schema,
    'json',
    monaco.Uri.parse('inmemory://playground/lead.schema.json'),
  );
  const baselineModel = monaco.editor.createModel(
    '',
    LANGUAGE_ID,
    monaco.Uri.parse('inmemory://playground/baseline.score'),
  );
  const rulesEditor = monaco.editor.create(rulesHost, { ...COMMON, model: rulesModel, ariaLabel: 'rules' });
  const schemaEditor = monaco.editor.create(schemaHost, { ...COMMON, model: schemaModel, ariaLabel: 'schema' });
  let diffEditor: Monaco.editor.IStandaloneDiffEditor | undefined;
  const getDiffEditor = (host: HTMLElement): Monaco.editor.IStandaloneDiffEditor => {
    if (!diffEditor) {
      // Side by side down to a narrow column (Monaco's own default switches to inline below 900 px, which is most laptops' editor column).
      diffEditor = monaco.editor.createDiffEditor(host, {
        ...COMMON,
        originalEditable: false,
        renderSideBySide: true,
        useInlineViewWhenSpaceIsLimited: true,
        renderSideBySideInlineBreakpoint: 480,
      });
      diffEditor.setModel({ original: baselineModel, modified: rulesModel });
    }
    return diffEditor;
  };
  /**
   * Scrolls the diff to the first line where the working copy differs from
   * the baseline. Found by comparing the texts rather than from the diff
   * editor's result, which is computed later and may still be the one of the
   * previous baseline.
   */
  const revealFirstChange = (): void => {
    const editor = diffEditor?.getModifiedEditor();
    if (!editor) return;
    const line = firstDifferentLine(baselineModel.getLinesContent(), rulesModel.getLinesContent());
    if (line === undefined) return;
    diffEditor!.layout(); // shown a moment ago: measure before scrolling
    editor.revealLineInCenter(line);
    editor.setPosition({ lineNumber: line, column: 1 });
  };
  return { rulesModel, schemaModel, baselineModel, rulesEditor, schemaEditor, getDiffEditor, revealFirstChange };
}

export type Editors = ReturnType<typeof createEditors>;

/** The 1-based line of the second text where it first differs from the first one (undefined when they are equal). */
export function firstDifferentLine(before: readonly string[], after: readonly string[]): number | undefined {
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) if (before[i] !== after[i]) return Math.min(i + 1, Math.max(after.length, 1));
  return undefined;
}

/** The example opens with a long comment header: shows the file from the line before its first statement. */
export function scrollToFirstStatement(editor: monaco.editor.IStandaloneCodeEditor): void {
  const lines = editor.getModel()?.getLinesContent() ?? [];
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (first <= 0) return;
  editor.setScrollTop(editor.getTopForLineNumber(Math.max(1, first)));
  editor.setPosition({ lineNumber: first + 1, column: 1 });
}

/** Selects a range (1-based lines and columns), shows it in the middle of the editor and focuses it. */
export function revealRange(
  editor: monaco.editor.IStandaloneCodeEditor,
  start: { line: number; column: number },
  end: { line: number; column: number } = start,
): void {
  editor.setSelection(new monaco.Range(start.line, start.column, end.line, end.column));
  editor.revealRangeInCenter(editor.getSelection()!);
  editor.focus();
}
