import { recordMessage } from '../../../compiler/messages/record-messages.js';
import { h, replaceChildren } from '../dom.js';
import type { RowProblem } from '../engine/prepare.js';
import { lang } from '../i18n.js';
import { ds } from './data-strings.js';

/** Rows per page: a file with 100,000 bad rows still shows at once. */
export const PAGE_SIZE = 50;

/**
 * Every record left out, a page at a time, with its row as Excel numbers
 * it, its lead id and why — in the UI language — and a download of them all.
 */
export class RowProblemsList {
  readonly element = h('section', { class: 'row-problems', 'data-testid': 'row-problems', hidden: true });
  private readonly count = h('strong', { 'data-testid': 'row-problem-count' });
  private readonly downloadButton = h('button', { type: 'button', 'data-testid': 'download-rejected' });
  private readonly body = h('tbody');
  private readonly head = h('thead');
  private readonly pager = h('span', { 'data-testid': 'row-problem-page' });
  private readonly previous = h('button', { type: 'button', 'data-testid': 'row-problem-previous' });
  private readonly next = h('button', { type: 'button', 'data-testid': 'row-problem-next' });
  private problems: readonly RowProblem[] = [];
  private page = 0;

  constructor(onDownload: () => void) {
    this.downloadButton.addEventListener('click', onDownload);
    this.previous.addEventListener('click', () => this.turn(-1));
    this.next.addEventListener('click', () => this.turn(1));
    this.element.append(
      h('div', { class: 'row-problems-bar' }, this.count, this.downloadButton),
      h('div', { class: 'table-scroll' }, h('table', {}, this.head, this.body)),
      h('div', { class: 'pager' }, this.previous, this.pager, this.next),
    );
  }

  show(problems: readonly RowProblem[]): void {
    this.problems = problems;
    this.page = 0;
    this.render();
  }

  render(): void {
    const total = this.problems.length;
    this.element.hidden = total === 0;
    const s = ds();
    this.count.textContent = s.rejectedCount(total);
    this.downloadButton.textContent = s.download;
    this.previous.textContent = s.previous;
    this.next.textContent = s.next;
    replaceChildren(
      this.head,
      h('tr', {}, h('th', {}, s.row), h('th', {}, s.file), h('th', {}, s.id), h('th', {}, s.reason)),
    );
    const from = this.page * PAGE_SIZE;
    const shown = this.problems.slice(from, from + PAGE_SIZE);
    replaceChildren(
      this.body,
      ...shown.map((p) =>
        h(
          'tr',
          { 'data-testid': 'row-problem' },
          h('td', { 'data-testid': 'row-problem-row' }, s.rowLabel(p.rowKind, p.row)),
          h('td', {}, p.file),
          h('td', { 'data-testid': 'row-problem-id' }, p.leadId ?? ''),
          h('td', { 'data-testid': 'row-problem-reason' }, reasonText(p)),
        ),
      ),
    );
    this.pager.textContent = total === 0 ? '' : s.pageOf(from + 1, from + shown.length, total);
    this.previous.disabled = this.page === 0;
    this.next.disabled = from + PAGE_SIZE >= total;
  }

  private turn(by: number): void {
    const last = Math.max(0, Math.ceil(this.problems.length / PAGE_SIZE) - 1);
    this.page = Math.min(last, Math.max(0, this.page + by));
    this.render();
  }
}

function reasonText(p: RowProblem): string {
  const text = p.reasons.map((r) => recordMessage(r, lang())).join('; ');
  return p.part ? `${p.part}: ${text}` : text;
}
