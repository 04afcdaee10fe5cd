import './editor-help.css';
import { h } from '../dom.js';
import { lang } from '../i18n.js';

/**
 * A line under the editor tabs: Monaco keeps Tab for indentation, so a
 * keyboard user needs to know Ctrl+M lets Tab move the focus out; and the
 * language reference (docs/language.md, built into the site as
 * language.html by scripts/playground-language-page.ts).
 */
const words = {
  ja: { tab: 'Ctrl+M: Tab でフォーカス移動', reference: '言語リファレンス', opensNew: '(新しいタブで開きます)' },
  en: { tab: 'Ctrl+M: Tab moves focus', reference: 'Language reference', opensNew: '(opens in a new tab)' },
};

export class EditorHelp {
  private readonly tabHint = h('span', { class: 'tab-hint', 'data-testid': 'tab-hint' });
  private readonly link = h('a', {
    href: './language.html',
    target: '_blank',
    rel: 'noopener',
    'data-testid': 'language-reference',
  });
  readonly element = h('p', { class: 'editor-help' }, this.tabHint, ' · ', this.link);

  constructor() {
    this.relabel();
  }

  relabel(): void {
    const w = words[lang()];
    this.tabHint.textContent = w.tab;
    this.link.textContent = w.reference;
    this.link.title = `${w.reference} ${w.opensNew}`;
  }
}
