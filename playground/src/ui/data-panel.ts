import { h, replaceChildren } from '../dom.js';
import type { PreparedData } from '../engine/prepare.js';
import type { RawDataset } from '../engine/raw-data.js';
import { t } from '../i18n.js';

/**
 * Which data is scored, how many leads and events it has and how many
 * records were invalid; a file picker and a drop zone for the user's own
 * CSV / JSON Lines files (leads, events, or both).
 */
export class DataPanel {
  readonly element: HTMLElement;
  private readonly summary = h('p', { class: 'data-summary', 'data-testid': 'data-summary', 'aria-live': 'polite' });
  private readonly notice = h('p', { class: 'notice', 'data-testid': 'data-notice' });
  private readonly problems = h('ul', { class: 'problems' });
  private readonly input = h('input', {
    type: 'file',
    multiple: true,
    accept: '.csv,.jsonl,.ndjson,.json,.xlsx,.xls',
    'data-testid': 'data-file',
  });
  private readonly label = h('label', { class: 'file-button' });
  private readonly exampleButton = h('button', { type: 'button' });
  private readonly drop = h('div', { class: 'drop', tabindex: -1 });

  constructor(onFiles: (files: File[]) => void, onExample: () => void) {
    this.input.addEventListener('change', () => {
      if (this.input.files && this.input.files.length > 0) onFiles([...this.input.files]);
      this.input.value = '';
    });
    this.exampleButton.addEventListener('click', onExample);
    this.label.append(this.input);
    this.element = h(
      'section',
      { class: 'data-panel' },
      h('div', { class: 'data-row' }, this.summary, this.label, this.exampleButton),
      this.drop,
      this.notice,
      this.problems,
    );
    // The whole panel accepts dropped files.
    this.element.addEventListener('dragover', (e) => {
      e.preventDefault();
      this.element.classList.add('dragging');
    });
    this.element.addEventListener('dragleave', () => this.element.classList.remove('dragging'));
    this.element.addEventListener('drop', (e) => {
      e.preventDefault();
      this.element.classList.remove('dragging');
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) onFiles(files);
    });
    this.relabel();
  }

  relabel(): void {
    this.label.replaceChildren(t().loadFiles, this.input);
    this.exampleButton.textContent = t().dataExample;
    this.drop.textContent = t().dropHint;
  }

  loading(): void {
    this.summary.textContent = t().loading;
  }

  setNotice(text: string): void {
    this.notice.textContent = text;
  }

  update(data: RawDataset, prepared: PreparedData): void {
    const source =
      data.source === 'example' ? t().dataExample : `${t().dataFiles}: ${data.files.map((f) => f.name).join(', ')}`;
    const invalid = prepared.invalidLeads + prepared.invalidEvents;
    this.summary.textContent = `${source} — ${t().leads} ${prepared.leads.length.toLocaleString()}, ${t().events} ${prepared.eventCount.toLocaleString()}${invalid > 0 ? `, ${t().invalid} ${invalid.toLocaleString()}` : ''}`;
    const headers = prepared.headerProblems.map((p) =>
      h('li', { 'data-testid': 'header-problem' }, t().headerProblem(p.file, p.unknown, p.missing)),
    );
    replaceChildren(this.problems, ...headers, ...prepared.problems.map((p) => h('li', {}, p)));
  }
}
