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
      diffEditor = monaco.editor.createDiffEditor(host, {
        ...COMMON,
        originalEditable: false,
        renderSideBySide: true,
        useInlineViewWhenSpaceIsLimited: true,
      });
      diffEditor.setModel({ original: baselineModel, modified: rulesModel });
    }
    return diffEditor;
  };
  return { rulesModel, schemaModel, baselineModel, rulesEditor, schemaEditor, getDiffEditor };
}

export type Editors = ReturnType<typeof createEditors>;
