import { monaco } from '../monaco-env.js';
import { completionProvider } from './completions.js';
import { formattingProvider } from './formatting.js';
import { hoverProvider } from './hover.js';
import { LANGUAGE_ID, languageConfiguration, monarch, themeRules } from './monarch.js';
import { quickFixProvider } from './quick-fixes.js';

/** Registers the leadscore language with Monaco, once per page. */
export const THEME = 'leadscore-light';

export function registerLanguage(): void {
  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.score'] });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarch);
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, languageConfiguration);
  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, completionProvider);
  monaco.languages.registerHoverProvider(LANGUAGE_ID, hoverProvider);
  monaco.languages.registerCodeActionProvider(LANGUAGE_ID, quickFixProvider, { providedCodeActionKinds: ['quickfix'] });
  monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, formattingProvider);
  monaco.editor.defineTheme(THEME, { base: 'vs', inherit: true, rules: themeRules, colors: {} });
}
