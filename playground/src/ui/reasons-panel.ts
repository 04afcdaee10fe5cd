import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import type { Reason } from '../../../core/score-result.js';
import type { LeadResult } from '../engine/score-all.js';
import type { ReasonDetail, ScoreDetails } from '../engine/reason-details.js';
import { num, signed } from './numbers.js';
import { reasonStrings } from './reasons-strings.js';

/**
 * The selected lead's score, tier and reasons, and what each reason's points
 * are made of (×14 events, decay, caps; engine/reason-details.ts); each group
 * with its subtotal and what its clamp took. With the lead's result of the
 * previous run, how the score moved and which reasons changed. A reason's
 * line button jumps to its rule.
 */
export interface ReasonsView {
  readonly lead: LeadResult;
  readonly details?: ScoreDetails;
  /** The same lead in the previous run, when there was one. */
  readonly previous?: LeadResult;
}

export class ReasonsPanel {
  readonly element = h('section', { class: 'reasons', 'aria-live': 'polite', 'data-testid': 'reasons-body' });
  readonly heading = h('h2', { tabindex: -1, 'data-testid': 'reasons-heading' });
  private view?: ReasonsView;

  constructor(private readonly revealLine: (line: number) => void) {
    this.render();
  }

  show(view: ReasonsView | undefined): void {
    this.view = view;
    this.render();
  }

  render(): void {
    const view = this.view;
    if (!view) {
      this.heading.textContent = t().reasons;
      replaceChildren(this.element, h('p', { class: 'hint' }, t().clickLead));
      return;
    }
    const { lead, details } = view;
    this.heading.textContent = `${t().reasons}: ${lead.id}`;
    const items = lead.reasons.map((r, i) => this.reasonItem(r, details?.reasons[i]));
    const groups = (details?.groups ?? []).map((g) =>
      h(
        'li',
        { 'data-group': g.name },
        `${g.name}: ${num(g.subtotal)}`,
        g.clamp &&
          h(
            'span',
            { class: 'clamp', 'data-testid': 'group-clamp' },
            ` (${reasonStrings().groupSum(g.sum)}; ${reasonStrings()[g.clamp.kind](g.clamp.limit, g.clamp.delta)})`,
          ),
      ),
    );
    replaceChildren(
      this.element,
      h('p', { class: 'score-line' }, `${t().score} ${num(lead.score)} · ${t().tier} ${lead.tier ?? '—'}`),
      view.previous && changeSection(view.previous, lead),
      groups.length > 0 && h('ul', { class: 'groups', 'data-testid': 'reason-groups' }, ...groups),
      items.length > 0 ? h('ul', { class: 'reason-list' }, ...items) : h('p', { class: 'hint' }, t().noReasons),
    );
  }

  private reasonItem(r: Reason, detail: ReasonDetail | undefined): HTMLElement {
    const s = reasonStrings();
    const jump = h('button', { type: 'button', class: 'line' }, `L${r.line}`);
    jump.addEventListener('click', () => this.revealLine(r.line));
    const notes = [
      detail?.decay && s.decay(detail.decay.percent, detail.decay.before, detail.decay.after),
      detail?.perPeriod && s.perPeriod(detail.perPeriod.limit, detail.perPeriod.period, detail.perPeriod.delta),
      detail?.max && s.max(detail.max.limit, detail.max.delta),
    ].filter((x): x is string => typeof x === 'string');
    return h(
      'li',
      {},
      jump,
      ' ',
      h('span', { class: 'rule' }, r.rule),
      ' ',
      h('span', { class: r.points >= 0 ? 'plus' : 'minus' }, signed(r.points)),
      detail?.count !== undefined &&
        h(
          'span',
          { class: 'count', title: s.countTitle(detail.count), 'data-testid': 'reason-count' },
          ` ${s.count(detail.count)}`,
        ),
      notes.length > 0 && h('span', { class: 'detail', 'data-testid': 'reason-detail' }, ` (${notes.join(', ')})`),
    );
  }
}

/** 「72 → 85 (+13)」 and the reasons added, removed or changed, matched by rule text (lines move as rules are edited). */
function changeSection(before: LeadResult, after: LeadResult): HTMLElement {
  const s = reasonStrings();
  const total = (reasons: readonly Reason[]): Map<string, number> => {
    const map = new Map<string, number>();
    for (const r of reasons) map.set(r.rule, (map.get(r.rule) ?? 0) + r.points);
    return map;
  };
  const old = total(before.reasons);
  const now = total(after.reasons);
  const changes: HTMLElement[] = [];
  for (const [rule, points] of now) {
    const was = old.get(rule);
    if (was === undefined) changes.push(h('li', { 'data-kind': 'added' }, s.reasonAdded(rule, points)));
    else if (was !== points) changes.push(h('li', { 'data-kind': 'changed' }, s.reasonChanged(rule, was, points)));
  }
  for (const [rule, points] of old)
    if (!now.has(rule)) changes.push(h('li', { 'data-kind': 'removed' }, s.reasonRemoved(rule, points)));
  const moved = before.score !== after.score || before.tier !== after.tier;
  if (!moved && changes.length === 0) return h('p', { class: 'hint', 'data-testid': 'score-change' }, s.unchanged);
  return h(
    'div',
    { class: 'score-change', 'data-testid': 'score-change' },
    h(
      'p',
      {},
      `${s.sinceLastRun}: ${t().score} ${s.scoreMoved(before.score, after.score)}`,
      before.tier !== after.tier ? ` · ${t().tier} ${before.tier ?? '—'} → ${after.tier ?? '—'}` : '',
    ),
    changes.length > 0 && h('ul', { 'data-testid': 'reason-changes' }, ...changes),
  );
}
