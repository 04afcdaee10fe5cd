import { rejectedRowsCsv } from '../data/rejected-csv.js';
import { h, replaceChildren } from '../dom.js';
import { headerSignature, type ColumnMapping } from '../engine/column-mapping.js';
import type { PreparedData } from '../engine/prepare.js';
import type { RawDataset, RawFile } from '../engine/raw-data.js';
import { lang, t } from '../i18n.js';
import { recallMapping, rememberMapping } from '../share/mapping-store.js';
import { columnMapper } from './column-mapper.js';
import { ds } from './data-strings.js';
import { RowProblemsList } from './row-problems.js';

/**
 * Which data is scored, how many leads and events it has and how many
 * records were invalid; a file picker and a drop zone for the user's own
 * CSV / JSON Lines files (leads, events, or both); the mapping of a
 * file's columns to fields, and every rejected row with a download.
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
  private readonly mappers = h('div', { class: 'column-mappers' });
  private readonly rows = new RowProblemsList(() => this.downloadRejected());
  private shown?: { readonly data: RawDataset; readonly prepared: PreparedData };

  /** `onData`: the same data with a column mapping the user applied, to prepare and score again. */
  constructor(
    onFiles: (files: File[]) => void,
    onExample: () => void,
    private readonly onData: (data: RawDataset) => void = () => undefined,
  ) {
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
      this.mappers,
      this.rows.element,
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
    this.shown = { data, prepared };
    const source =
      data.source === 'example' ? t().dataExample : `${t().dataFiles}: ${data.files.map((f) => f.name).join(', ')}`;
    const invalid = prepared.invalidLeads + prepared.invalidEvents;
    this.summary.textContent = `${source} — ${t().leads} ${prepared.leads.length.toLocaleString()}, ${t().events} ${prepared.eventCount.toLocaleString()}${invalid > 0 ? `, ${t().invalid} ${invalid.toLocaleString()}` : ''}`;
    const headers = prepared.headerProblems.map((p) =>
      h('li', { 'data-testid': 'header-problem' }, t().headerProblem(p.file, p.unknown, p.missing)),
    );
    replaceChildren(this.problems, ...headers);
    replaceChildren(
      this.mappers,
      ...prepared.mappingOffers.map((offer) =>
        columnMapper(offer, (file, mapping) => this.applyMapping(file, mapping)),
      ),
    );
    this.rows.show(prepared.problems);
  }

  /** The files with the mapping remembered for their header, unless they have one already. */
  withMappings(data: RawDataset): RawDataset {
    const files = data.files.map((file): RawFile => {
      if (file.mapping !== undefined) return file;
      const mapping = recallMapping(headerSignature(file.role, columnsOf(file)));
      return mapping ? { ...file, mapping } : file;
    });
    return files.some((f, i) => f !== data.files[i]) ? { ...data, files } : data;
  }

  private applyMapping(name: string, mapping: ColumnMapping): void {
    const data = this.shown?.data;
    if (!data) return;
    const files = data.files.map((file) => {
      if (file.name !== name) return file;
      rememberMapping(headerSignature(file.role, columnsOf(file)), mapping);
      return { ...file, mapping };
    });
    this.onData({ ...data, files });
  }

  /** The rejected rows as a CSV file (rejected-csv.ts), in the UI language. */
  private downloadRejected(): void {
    if (!this.shown) return;
    const headers = new Map(
      this.shown.data.files.map((f) => [f.name, f.table.kind === 'csv' ? f.table.header : []] as const),
    );
    const s = ds();
    const text = rejectedRowsCsv(this.shown.prepared.problems, headers, s, lang());
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const link = h('a', { href: url, download: 'rejected-rows.csv', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** The columns a mapping is remembered by: the header as written, or a JSON file's first keys. */
function columnsOf(file: RawFile): string[] {
  return file.table.kind === 'csv'
    ? [...file.table.header]
    : [...new Set(file.table.records.slice(0, 50).flatMap((r) => (isObject(r) ? Object.keys(r) : [])))];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
