import type { SemanticDiff } from '../../../compiler/diff/semantic-diff.js';
import type { Impact } from '../../../runtime/impact/impact.js';
import { h, replaceChildren } from '../dom.js';
import type { DiffResult } from '../engine/impact.js';
import { t } from '../i18n.js';
import { changeItems, moverReasons, sign } from './diff-changes.js';
import { num } from './numbers.js';

/**
 * The impact summary of diff mode, the same content as `leadscore diff`:
 * every semantic change (rules, group limits, tiers, lists, schema), the tier transition matrix (rows before, columns after)
 * and the top movers with the rules that moved them.
 */
export function renderImpact(target: HTMLElement, result: DiffResult | undefined): void {
  if (!result) {
    replaceChildren(target, h('p', { class: 'error' }, t().baselineErrors));
    return;
  }
  const changes = changeItems(result.diff);
  replaceChildren(
    target,
    h('h3', {}, t().ruleChanges),
    changes.length > 0 ? h('ul', { 'data-testid': 'rule-changes' }, ...changes) : h('p', {}, t().noChange),
    result.impact ? impactSection(result.impact, result.diff) : h('p', { class: 'error' }, t().baselineErrors),
  );
}

function impactSection(impact: Impact, diff: SemanticDiff): HTMLElement {
  const count = (from: string | null, to: string | null): number =>
    impact.transitions.find((c) => c.from === from && c.to === to)?.count ?? 0;
  const name = (tier: string | null): string => tier ?? '—';
  const matrix = h(
    'table',
    { class: 'matrix', 'data-testid': 'transition-matrix' },
    h('caption', {}, t().transitions),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, `${t().before} \\ ${t().after}`),
        ...impact.newTiers.map((tier) => h('th', { scope: 'col' }, name(tier))),
      ),
    ),
    h(
      'tbody',
      {},
      ...impact.oldTiers.map((from) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, name(from)),
          ...impact.newTiers.map((to) => {
            const n = count(from, to);
            return h(
              'td',
              {
                class: from !== to && n > 0 ? 'num moved' : 'num',
                'data-from': name(from),
                'data-to': name(to),
                'data-count': n,
              },
              num(n),
            );
          }),
        ),
      ),
    ),
  );
  const movers = h(
    'table',
    { class: 'movers', 'data-testid': 'top-movers' },
    h('caption', {}, t().topMovers),
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, t().lead), h('th', {}, t().score), h('th', {}, t().tier), h('th', {}, t().why)),
    ),
    h(
      'tbody',
      {},
      ...impact.topMovers.map((m) =>
        h(
          'tr',
          {},
          h('td', {}, String(m.id)),
          h('td', { class: 'num' }, `${num(m.oldScore)} → ${num(m.newScore)} (${sign(m.delta)})`),
          h('td', {}, m.oldTier === m.newTier ? name(m.newTier) : `${name(m.oldTier)} → ${name(m.newTier)}`),
          h('td', {}, moverReasons(m, diff)),
        ),
      ),
    ),
  );
  const pct = (n: number): string => (impact.leads === 0 ? '0' : ((100 * n) / impact.leads).toFixed(1));
  return h(
    'section',
    { 'data-testid': 'impact' },
    h('h3', {}, `${t().impact} (${num(impact.leads)})`),
    h(
      'p',
      {},
      `${t().scoreChanged}: ${num(impact.scoreChanged)} (${pct(impact.scoreChanged)}%) · ${t().tierChanged}: ${num(impact.tierChanged)} (${pct(impact.tierChanged)}%)`,
    ),
    matrix,
    movers,
  );
}
