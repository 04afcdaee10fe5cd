import { localizedMessage } from '../../../compiler/messages/diagnostic-messages.js';
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { h, replaceChildren } from '../dom.js';
import { lang, t } from '../i18n.js';

/**
 * The problems under the editor, as a list a keyboard and a screen reader
 * can reach (markers alone are only visible to the mouse); each item moves
 * the cursor to its range.
 */
export class DiagnosticsList {
  readonly element = h('section', { class: 'diagnostics', 'aria-live': 'polite', 'data-testid': 'diagnostics' });
  private items: readonly Diagnostic[] = [];

  constructor(private readonly reveal: (d: Diagnostic) => void) {}

  update(diagnostics: readonly Diagnostic[]): void {
    this.items = diagnostics;
    this.render();
  }

  render(): void {
    if (this.items.length === 0) {
      replaceChildren(this.element, h('p', { class: 'ok' }, `✓ ${t().noProblems}`));
      return;
    }
    const list = h('ul', {});
    for (const d of this.items.slice(0, 50)) {
      const button = h(
        'button',
        { type: 'button', class: d.severity },
        `${d.file ? `${d.file} ` : ''}${d.range.start.line}:${d.range.start.column} `,
        h('strong', {}, d.code),
        ` ${localizedMessage(d, lang())}`,
      );
      button.addEventListener('click', () => this.reveal(d));
      list.append(h('li', {}, button));
    }
    replaceChildren(this.element, list);
  }
}
