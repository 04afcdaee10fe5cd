import { h } from './dom.js';
import { t } from './i18n.js';
import { DEFAULT_STATE, type SavedState } from './state.js';
import type { Layout } from './ui/layout.js';
import { encodeShareHash } from './share/hash.js';

/**
 * The rules a share link replaces become the diff snapshot, so nothing is
 * lost: the local rules when they differ from the incoming ones and from
 * the example (undefined when there is nothing to keep).
 */
export function rulesToKeep(localRules: string, incoming: string): string | undefined {
  return localRules === incoming || localRules === DEFAULT_STATE.rules ? undefined : localRules;
}

/** 「共有」: the work as a link in the address bar and the share field, copied to the clipboard where allowed. */
export function shareWork(state: SavedState, layout: Layout): void {
  const url = `${location.origin}${location.pathname}${location.search}${encodeShareHash(state)}`;
  history.replaceState(null, '', url);
  layout.shareUrl.hidden = false;
  layout.shareUrl.value = url;
  layout.shareUrl.select();
  layout.toast.textContent = t().shareCopied;
  void navigator.clipboard?.writeText(url).catch(() => undefined);
}

/** The rules as a `rules.score` download. */
export function downloadRules(text: string): void {
  const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
  const a = h('a', { href: URL.createObjectURL(blob), download: 'rules.score' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
