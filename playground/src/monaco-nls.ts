/**
 * Monaco's own UI (find widget, context menu, command labels, hovers) in the
 * playground's language. Monaco reads its translated strings from a global
 * table that must be in place before any of its modules runs (many labels
 * are computed on import), so the language is chosen once per page load:
 * the one saved with the working copy, Japanese first. Toggling the UI
 * language later switches Monaco at the next reload (the toggle's tooltip
 * says so). English is Monaco's built-in text and needs no table.
 */
import type { Lang } from './i18n.js';
import { loadLocal } from './share/persist.js';

let loaded: Lang = 'en';

/** Loads Monaco's strings for the saved UI language; call before importing monaco-env. */
export async function loadMonacoMessages(): Promise<Lang> {
  const lang = loadLocal()?.lang ?? 'ja';
  if (lang === 'ja') await import('monaco-editor/nls/lang/ja.js');
  loaded = lang;
  return lang;
}

/** The language Monaco's own UI speaks in this page load. */
export function monacoLang(): Lang {
  return loaded;
}
