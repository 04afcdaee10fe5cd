import {
  isEmptyDiff,
  type NamedChange,
  type RuleChange,
  type SemanticDiff,
} from '../../compiler/diff/semantic-diff.js';
import type { Impact } from './impact.js';
import { markdownText } from '../markdown-text.js';

/**
 * The diff report as Markdown meant for a pull-request comment: headings in
 * Japanese with English beside them, tables that GitHub renders, and every
 * name from a rule file or data escaped so it cannot break the table or
 * inject markup.
 */
export interface ReportMeta {
  readonly oldName: string;
  readonly newName: string;
  readonly asOf?: string;
  readonly leadsFile?: string;
  /** Leads left out because they were invalid under one version's schema or both. */
  readonly invalidLeads?: number;
}

export function renderDiffMarkdown(diff: SemanticDiff, impact: Impact | undefined, meta: ReportMeta): string {
  const out: string[] = [`## leadscore diff: ${code(meta.oldName)} → ${code(meta.newName)}`, ''];
  if (isEmptyDiff(diff)) {
    out.push('変更なし / **No change**: the two versions score every lead the same way.', '');
  } else {
    out.push(
      ...ruleSection(diff.rules),
      ...namedSection('グループ / Groups', diff.groups),
      ...namedSection('ティア / Tiers', diff.tiers),
    );
    if (diff.tierOrderChanged) out.push('ティアの判定順が変わりました / The tiers are tried in a different order.', '');
    out.push(...namedSection('リスト / Lists (let)', diff.lists));
    if (diff.schema) out.push(...namedSection('スキーマ / Schema', [diff.schema]));
  }
  if (impact) out.push(...impactSection(impact, meta));
  return out.join('\n');
}

function ruleSection(rules: readonly RuleChange[]): string[] {
  if (rules.length === 0) return [];
  const rows = rules.map((c) => {
    switch (c.kind) {
      case 'added':
        return [
          '➕ 追加 added',
          ruleName(c.new),
          markdownText(c.new.group ?? '—'),
          `${points(c.new.points)} ${code(c.new.text)}`,
        ];
      case 'removed':
        return [
          '➖ 削除 removed',
          ruleName(c.old),
          markdownText(c.old.group ?? '—'),
          `was ${points(c.old.points)} ${code(c.old.text)}`,
        ];
      case 'changed': {
        const what: string[] = [];
        if (c.aspects.includes('points')) what.push(`points ${points(c.old.points)} → **${points(c.new.points)}**`);
        if (c.aspects.includes('condition') || c.aspects.includes('modifiers'))
          what.push(`${code(c.old.text)} → ${code(c.new.text)}`);
        if (c.aspects.includes('group'))
          what.push(`group ${markdownText(c.old.group ?? '—')} → ${markdownText(c.new.group ?? '—')}`);
        if (c.aspects.includes('label'))
          what.push(`label ${markdownText(c.old.label ?? '—')} → ${markdownText(c.new.label ?? '—')}`);
        return ['✏️ 変更 changed', ruleName(c.new), markdownText(c.new.group ?? '—'), what.join('<br>')];
      }
    }
  });
  return [
    '### ルールの変更 / Rule changes',
    '',
    table(['', 'ルール / rule', 'グループ / group', '内容 / change'], rows),
    '',
  ];
}

function namedSection(title: string, changes: readonly NamedChange[]): string[] {
  if (changes.length === 0) return [];
  const rows = changes.map((c) => [
    c.kind === 'added' ? '➕ added' : c.kind === 'removed' ? '➖ removed' : '✏️ changed',
    markdownText(c.name),
    c.kind === 'changed' ? `${code(c.old!)} → **${code(c.new!)}**` : code(c.new ?? c.old ?? ''),
  ]);
  return [`### ${title}`, '', table(['', 'name', 'change'], rows), ''];
}

function impactSection(impact: Impact, meta: ReportMeta): string[] {
  const out = [
    `### リードへの影響 / Impact on ${impact.leads.toLocaleString('en-US')} leads${meta.asOf ? ` (as of ${markdownText(meta.asOf)})` : ''}`,
    '',
  ];
  if (meta.invalidLeads)
    out.push(`⚠️ ${meta.invalidLeads} invalid lead record(s) were left out (see the command's stderr).`, '');
  if (impact.leads === 0) return [...out, 'No valid leads to compare.', ''];
  out.push(
    `- スコアが変わったリード / score changed: **${impact.scoreChanged.toLocaleString('en-US')}** (${percent(impact.scoreChanged, impact.leads)})`,
    `- ティアが変わったリード / tier changed: **${impact.tierChanged.toLocaleString('en-US')}** (${percent(impact.tierChanged, impact.leads)})`,
  );
  const { mql } = impact;
  if (mql.newTier !== undefined || mql.oldTier !== undefined) {
    const name =
      mql.oldTier === mql.newTier
        ? markdownText(mql.newTier ?? '')
        : `${markdownText(mql.oldTier ?? '—')} → ${markdownText(mql.newTier ?? '—')}`;
    out.push(
      `- MQL (最上位ティア / first tier: ${name}): ${mql.before} → **${mql.after}** (entering +${mql.entering}, leaving −${mql.leaving})`,
    );
  }
  const d = impact.delta;
  out.push(
    `- スコア変化 / score change: min ${signed(d.min)}, Q1 ${signed(d.q1)}, median ${signed(d.median)}, Q3 ${signed(d.q3)}, max ${signed(d.max)}`,
    '',
  );

  out.push('#### ティア遷移 / Tier transitions (rows: before, columns: after)', '');
  const count = (from: string | null, to: string | null) =>
    impact.transitions.find((c) => c.from === from && c.to === to)?.count ?? 0;
  out.push(
    table(
      ['before \\ after', ...impact.newTiers.map(tierName)],
      impact.oldTiers.map((from) => [
        tierName(from),
        ...impact.newTiers.map((to) =>
          from === to ? `${count(from, to)}` : count(from, to) > 0 ? `**${count(from, to)}**` : '0',
        ),
      ]),
    ),
    '',
  );
  const moving = impact.perTier.filter((t) => t.entering > 0 || t.leaving > 0);
  if (moving.length > 0) {
    out.push(
      table(
        ['tier', 'before', 'after', 'entering', 'leaving'],
        moving.map((t) => [tierName(t.tier), `${t.before}`, `${t.after}`, `+${t.entering}`, `−${t.leaving}`]),
      ),
      '',
    );
  }
  if (impact.topMovers.length > 0) {
    out.push('#### 変動の大きいリード / Top movers', '');
    out.push(
      table(
        ['lead', 'score', 'tier', 'why / 理由'],
        impact.topMovers.map((m) => [
          code(String(m.id)),
          `${m.oldScore} → ${m.newScore} (${signed(m.delta)})`,
          m.oldTier === m.newTier ? tierName(m.newTier) : `${tierName(m.oldTier)} → **${tierName(m.newTier)}**`,
          m.rules.map((r) => `${markdownText(r.rule)} ${signed(r.delta)}`).join(', '),
        ]),
      ),
      '',
    );
  }
  return out;
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function ruleName(side: { label?: string; text: string }): string {
  return side.label !== undefined ? markdownText(side.label) : code(side.text);
}

function tierName(tier: string | null): string {
  return tier === null ? '(none)' : markdownText(tier);
}

/** Inline code that cannot be closed early by backticks in the text. */
function code(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${flat.startsWith('`') || flat.endsWith('`') ? ` ${flat} ` : flat}${fence}`;
}

function points(n: number): string {
  return n >= 0 ? `+${n}` : `${n}`;
}

function signed(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0';
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(1)}%`;
}
