import type { Lang } from '../i18n.js';
import { sanitizeState, type LocalState } from '../state.js';

/** The working copy survives reloads in localStorage (one key, JSON). */
const KEY = 'leadscore-playground:v1';

export function loadLocal(): LocalState | undefined {
  try {
    const text = localStorage.getItem(KEY);
    if (!text) return undefined;
    const value = JSON.parse(text) as Record<string, unknown>;
    const state = sanitizeState(value);
    if (!state) return undefined;
    const lang: Lang = value.lang === 'en' ? 'en' : 'ja';
    return { ...state, lang, ...(typeof value.snapshot === 'string' && { snapshot: value.snapshot }) };
  } catch {
    return undefined;
  }
}

export function saveLocal(state: LocalState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage full or disabled (private mode): the page still works, it just forgets on reload.
  }
}
