import './reasons-drawer.css';
import { h } from '../dom.js';
import { scoreDetails, type ScoreDetails } from '../engine/reason-details.js';
import type { LeadResult } from '../engine/score-all.js';
import type { PipelineState } from '../pipeline.js';
import { ReasonsPanel } from './reasons-panel.js';
import { reasonStrings } from './reasons-strings.js';

/**
 * 「なぜこのスコアか」 beside the results table: a side panel that slides in
 * when a lead is selected (click, or Enter on its row), takes the focus to its
 * heading, and closes with Esc or its button, giving the focus back to the
 * lead's row. The lead stays selected across rule edits: after each run the
 * drawer shows the lead's new result and how it moved since the previous run.
 * Below 1,100 px it lies over the page instead of beside the table.
 */
export class ReasonsDrawer {
  readonly element: HTMLElement;
  private readonly panel: ReasonsPanel;
  private readonly closeButton = h('button', { type: 'button', class: 'close', 'data-testid': 'reasons-close' }, '×');
  private readonly hint = h('p', { class: 'hint close-hint' });
  private leadId?: string;
  private current?: LeadResult;

  constructor(
    revealLine: (line: number) => void,
    private readonly pipeline: PipelineState,
    private readonly now: () => number,
  ) {
    this.panel = new ReasonsPanel(revealLine);
    this.panel.heading.id = 'reasons-heading';
    this.element = h(
      'aside',
      {
        class: 'reasons-drawer',
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': 'reasons-heading',
        'data-testid': 'reasons',
        hidden: true,
      },
      h('header', {}, this.panel.heading, this.closeButton),
      this.hint,
      this.panel.element,
    );
    this.closeButton.addEventListener('click', () => this.close());
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
      }
    });
    this.relabel();
  }

  /** A lead picked in the table: show it with nothing to compare to, and move the focus into the drawer. */
  open(lead: LeadResult): void {
    this.leadId = lead.id;
    this.current = lead;
    this.panel.show({ lead, details: this.details(lead) });
    this.setOpen(true);
    this.panel.heading.focus();
  }

  /** After a run: the selected lead's new result beside its previous one (the focus stays where the user is typing). */
  rescored(): void {
    const run = this.pipeline.run;
    if (this.leadId === undefined || !run) return;
    const lead = run.results.find((r) => r.id === this.leadId);
    if (!lead) {
      this.close();
      return;
    }
    const previous = this.current;
    this.current = lead;
    this.panel.show({ lead, details: this.details(lead), ...(previous && { previous }) });
  }

  close(): void {
    if (this.element.hidden) return;
    const id = this.leadId;
    this.setOpen(false);
    this.leadId = undefined;
    this.current = undefined;
    this.panel.show(undefined);
    const row = id === undefined ? null : document.querySelector<HTMLElement>(`tr[data-lead="${CSS.escape(id)}"]`);
    row?.focus();
  }

  relabel(): void {
    const s = reasonStrings();
    this.closeButton.setAttribute('aria-label', s.close);
    this.closeButton.title = `${s.close} (Esc)`;
    this.hint.textContent = s.closeHint;
    this.panel.render();
  }

  private setOpen(open: boolean): void {
    this.element.hidden = !open;
    this.element.parentElement?.classList.toggle('with-drawer', open);
  }

  /** Only for the lead on show, against the events it was scored from (results and prepared leads share their order). */
  private details(lead: LeadResult): ScoreDetails | undefined {
    const { run, prepared, checked } = this.pipeline;
    if (!run || !prepared || !checked?.program) return undefined;
    const index = run.results.indexOf(lead);
    const source = prepared.leads[index];
    if (!source || source.id !== lead.id) return undefined;
    return scoreDetails(checked.program, lead, source.lead, source.events, this.now());
  }
}
