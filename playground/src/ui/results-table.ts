import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import type { LeadResult, ScoreRun } from '../engine/score-all.js';
import { num } from './numbers.js';

/**
 * The leads table: id, company, score, tier and each group's subtotal;
 * sortable by any column, filtered by free text. Only the first rows are put
 * in the DOM, so 5,000 leads re-render in a few milliseconds.
 */
const MAX_ROWS = 100;

type SortKey = { readonly column: string; readonly descending: boolean };

export class ResultsTable {
  readonly element: HTMLElement;
  private readonly table = h('table', { class: 'results', 'data-testid': 'results-table' });
  private readonly status = h('p', { class: 'status', 'aria-live': 'polite' });
  private readonly filterInput = h('input', { type: 'search', class: 'filter', 'data-testid': 'results-filter' });
  private sort: SortKey = { column: 'score', descending: true };
  private run?: ScoreRun;
  private selected?: string;

  constructor(private readonly onSelect: (lead: LeadResult) => void) {
    this.filterInput.addEventListener('input', () => this.render());
    this.element = h(
      'section',
      { class: 'results-panel' },
      this.filterInput,
      this.status,
      h('div', { class: 'table-scroll' }, this.table),
    );
    this.relabel();
  }

  relabel(): void {
    this.filterInput.placeholder = t().filter;
    this.filterInput.setAttribute('aria-label', t().filter);
    this.render();
  }

  update(run: ScoreRun): void {
    this.run = run;
    this.render();
  }

  private render(): void {
    const run = this.run;
    if (!run) return;
    const columns = ['id', 'company', 'score', 'tier', ...run.groups.map((g) => `group:${g}`)];
    const title = (c: string): string =>
      c === 'id'
        ? t().id
        : c === 'company'
          ? t().lead
          : c === 'score'
            ? t().score
            : c === 'tier'
              ? t().tier
              : c.slice(6);
    const head = h(
      'tr',
      {},
      ...columns.map((c) => {
        const active = this.sort.column === c;
        const button = h(
          'button',
          { type: 'button', class: 'sort', 'aria-label': t().sortBy(title(c)) },
          title(c),
          active ? (this.sort.descending ? ' ▼' : ' ▲') : '',
        );
        button.addEventListener('click', () => {
          this.sort = {
            column: c,
            descending: active ? !this.sort.descending : c === 'score' || c.startsWith('group:'),
          };
          this.render();
        });
        return h(
          'th',
          { scope: 'col', 'aria-sort': active ? (this.sort.descending ? 'descending' : 'ascending') : undefined },
          button,
        );
      }),
    );
    const rows = this.sorted(this.filtered(run.results), run);
    const body = h('tbody');
    for (const r of rows.slice(0, MAX_ROWS)) body.append(this.row(r, run));
    replaceChildren(this.table, h('thead', {}, head), body);
    this.status.textContent = t().rowsShown(Math.min(rows.length, MAX_ROWS), rows.length);
  }

  private row(r: LeadResult, run: ScoreRun): HTMLTableRowElement {
    const tr = h(
      'tr',
      { tabindex: 0, 'data-lead': r.id, 'aria-selected': r.id === this.selected ? 'true' : 'false' },
      h('td', {}, r.id),
      h('td', { class: 'company' }, text(r.lead.company) ?? text(r.lead.name) ?? ''),
      h('td', { class: 'num', 'data-col': 'score' }, num(r.score)),
      h('td', { 'data-col': 'tier' }, r.tier ?? '—'),
      ...run.groups.map((g) => h('td', { class: 'num' }, num(r.groups[g] ?? 0))),
    );
    const select = (): void => {
      this.selected = r.id;
      for (const other of this.table.querySelectorAll('tr[aria-selected="true"]'))
        other.setAttribute('aria-selected', 'false');
      tr.setAttribute('aria-selected', 'true');
      this.onSelect(r);
    };
    tr.addEventListener('click', select);
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        select();
      }
    });
    return tr;
  }

  /**
   * Free text, compared after NFKC (「ｼｽﾃﾑｽﾞ」 finds システムズ, ＭＱＬ finds MQL),
   * or a score test: `>= 60`, `score < 30`, `=45` (full-width too).
   */
  private filtered(results: readonly LeadResult[]): readonly LeadResult[] {
    const needle = fold(this.filterInput.value.trim());
    if (needle === '') return results;
    const test = /^(?:score\s*)?(>=|<=|>|<|=)\s*(-?\d+(?:\.\d+)?)$/.exec(needle);
    if (test) {
      const [, op, raw] = test;
      const n = Number(raw);
      const pass = (s: number) =>
        op === '>=' ? s >= n : op === '<=' ? s <= n : op === '>' ? s > n : op === '<' ? s < n : s === n;
      return results.filter((r) => pass(r.score));
    }
    return results.filter(
      (r) =>
        fold(r.id).includes(needle) ||
        fold(r.tier ?? '').includes(needle) ||
        Object.values(r.lead).some((v) => typeof v === 'string' && fold(v).includes(needle)),
    );
  }

  private sorted(results: readonly LeadResult[], run: ScoreRun): LeadResult[] {
    const { column, descending } = this.sort;
    const tierIndex = new Map(run.tiers.map((name, i) => [name, i]));
    const key = (r: LeadResult): number | string =>
      column === 'score'
        ? r.score
        : column === 'tier'
          ? -(tierIndex.get(r.tier ?? '') ?? run.tiers.length)
          : column === 'id'
            ? r.id
            : column === 'company'
              ? (text(r.lead.company) ?? '')
              : (r.groups[column.slice(6)] ?? 0);
    const sign = descending ? -1 : 1;
    return [...results].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -1 : x > y ? 1 : 0) * sign || (a.id < b.id ? -1 : 1);
    });
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
