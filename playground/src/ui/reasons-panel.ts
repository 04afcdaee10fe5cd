import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import type { LeadResult } from '../engine/score-all.js';

/** The selected lead's score, tier, group subtotals and reasons; a reason's line button jumps to its rule. */
export class ReasonsPanel {
  readonly element = h('section', { class: 'reasons', 'aria-live': 'polite', 'data-testid': 'reasons' });
  private lead?: LeadResult;

  constructor(private readonly revealLine: (line: number) => void) {
    this.render();
  }

  show(lead: LeadResult | undefined): void {
    this.lead = lead;
    this.render();
  }

  render(): void {
    const lead = this.lead;
    if (!lead) {
      replaceChildren(this.element, h('p', { class: 'hint' }, t().clickLead));
      return;
    }
    const groups = Object.entries(lead.groups)
      .map(([g, n]) => `${g}: ${n}`)
      .join(' / ');
    const items = lead.reasons.map((r) => {
      const jump = h('button', { type: 'button', class: 'line' }, `L${r.line}`);
      jump.addEventListener('click', () => this.revealLine(r.line));
      return h(
        'li',
        {},
        jump,
        ' ',
        h('span', { class: 'rule' }, r.rule),
        ' ',
        h('span', { class: r.points >= 0 ? 'plus' : 'minus' }, r.points >= 0 ? `+${r.points}` : String(r.points)),
      );
    });
    replaceChildren(
      this.element,
      h('h3', {}, `${t().reasons}: ${lead.id}`),
      h('p', {}, `${t().score} ${lead.score} · ${t().tier} ${lead.tier ?? '—'}${groups ? ` · ${groups}` : ''}`),
      items.length > 0 ? h('ul', {}, ...items) : h('p', { class: 'hint' }, t().noReasons),
    );
  }
}
