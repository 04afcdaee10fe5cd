/**
 * The report as Markdown, for pull requests and chat. Every text that comes
 * from a rule file or the data (rule labels, tier names, cohort values, file
 * names) goes through `markdownText`, so it cannot break a table or inject HTML.
 */
import type { CohortKpis, Kpis, Report } from './build-report.js';
import { num, pct, signed, times, NONE } from './format.js';
import { criterionLabel, FLAG_LABELS, warningText } from './labels.js';
import { markdownText } from '../markdown-text.js';

const tierName = (name: string | null): string => (name === null ? '(ティアなし)' : markdownText(name));

export function renderMarkdown(report: Report): string {
  const { meta, kpis } = report;
  const hasOutcome = meta.outcomeField !== null;
  const out: string[] = [];
  out.push('# リードスコア KPI レポート (lead-scoring KPI report)', '');
  out.push(
    `ルール ${markdownText(meta.rulesFile)} · リード ${markdownText(meta.leadsFile)}${meta.eventsFile ? ` · 行動 ${markdownText(meta.eventsFile)}` : ''} · 基準日時 ${markdownText(meta.asOf)} (${markdownText(meta.timeZone)})` +
      (hasOutcome ? ` · 成果フィールド \`${meta.outcomeField!.replace(/`/g, "'")}\`` : ''),
    '',
  );
  for (const w of report.warnings) out.push(`> ⚠️ ${markdownText(warningText(w))}`, '');

  out.push('## サマリー (summary)', '');
  out.push(...summaryLines(kpis, hasOutcome), '');

  out.push('## ティア別 (by tier)', '');
  out.push(
    '| ティア | 閾値 | リード数 | 構成比 | 閾値以上の割合 | 商談化 | 商談化率 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const t of kpis.tiers) {
    out.push(
      `| ${tierName(t.name)} | ${t.threshold === null ? NONE : `≥ ${t.threshold}`} | ${num(t.count)} | ${pct(t.share)} | ${pct(t.reachedShare)} | ${hasOutcome ? num(t.converted) : NONE} | ${pct(t.rate)} |`,
    );
  }
  out.push('');

  out.push('## スコア分布 (score distribution)', '');
  const maxCount = Math.max(1, ...report.histogram.map((b) => b.count));
  out.push('| スコア | リード数 | 商談化 | 商談化率 | |', '| --- | ---: | ---: | ---: | --- |');
  for (const b of report.histogram) {
    const bar = '█'.repeat(Math.round((b.count / maxCount) * 30));
    out.push(
      `| ${b.from} 〜 ${b.to - 1} | ${num(b.count)} | ${hasOutcome ? num(b.converted) : NONE} | ${pct(b.rate)} | ${bar} |`,
    );
  }
  out.push('');

  if (report.bands) {
    out.push('## スコア十分位別の商談化率 (conversion by score decile)', '');
    out.push('十分位 1 = スコア上位 10%。同点のリードは同じ帯に入れるため、帯の件数は揃わないことがあります。', '');
    out.push(
      '| 帯 | スコア | リード数 | 商談化 | 商談化率 | 累積カバー率 |',
      '| ---: | --- | ---: | ---: | ---: | ---: |',
    );
    for (const b of report.bands)
      out.push(
        `| ${b.band} | ${b.minScore} 〜 ${b.maxScore} | ${num(b.count)} | ${num(b.converted)} | ${pct(b.rate)} | ${pct(b.cumulativeCapture)} |`,
      );
    out.push('');
  }

  if (report.rules) {
    out.push('## ルール別の効き目 (per rule)', '');
    out.push(
      '発火 = そのルールの点がリードに付いたこと。リフト = 発火時の商談化率 ÷ 全体の商談化率。目安点 = 単独で見た対数オッズ比をこのファイルの配点の尺度に換算した点 (他のルールとの重なりは考慮しません)。同時推定 = 全ルールをまとめてロジスティック回帰で当てはめた点 (一緒に発火しがちなルールのどれが効いているかを分けて見られます。書き換えたルールファイルは `leadscore tune`)。',
      '',
    );
    out.push(
      '| 行 | グループ | ルール | 配点 | 発火率 | 発火時の商談化率 | 非発火時 | リフト | 目安点 | 同時推定 | 注意 |',
      '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const r of report.rules) {
      const flags = r.flags.map((f) => `${FLAG_LABELS[f].ja}`).join('、');
      out.push(
        `| ${r.rule.line} | ${r.rule.group === null ? NONE : markdownText(r.rule.group)} | ${markdownText(r.rule.text)} | ${signed(r.rule.points)} | ${pct(r.fireShare)} | ${pct(r.rateWhenFires)} | ${pct(r.rateWhenNot)} | ${times(r.lift)} | ${signed(r.impliedPoints)} | ${signed(r.jointPoints)} | ${flags === '' ? '' : `⚠️ ${flags}`} |`,
      );
    }
    out.push('');
  }

  if (report.thresholds) {
    out.push('## 閾値ごとの適合率・再現率 (precision and recall by threshold)', '');
    out.push('<details><summary>すべての候補閾値 (every candidate threshold)</summary>', '');
    out.push(
      '| 閾値 (以上) | 到達リード数 | 到達率 | 適合率 (MQL→商談化率) | 再現率 (商談のカバー率) | F1 | Youden J |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const t of report.thresholds) {
      out.push(
        `| ${t.threshold} | ${num(t.reached)} | ${pct(t.reachedShare)} | ${pct(t.precision)} | ${pct(t.recall)} | ${num(t.f1, 3)} | ${num(t.youden, 3)} |`,
      );
    }
    out.push('', '</details>', '');
  }

  if (report.cohorts) {
    out.push(`## コホート別 (by ${markdownText(meta.byField ?? '')})`, '');
    out.push('日付・日時のフィールドは月 (YYYY-MM) ごとにまとめます。', '');
    out.push(
      '| コホート | リード数 | 商談化 | 商談化率 | MQL 数 | MQL→商談化率 | MQL 外の商談 | AUC | 推奨閾値 |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const c of report.cohorts) out.push(cohortRow(c));
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function summaryLines(k: Kpis, hasOutcome: boolean): string[] {
  const lines = [`- リード数 (leads): ${num(k.leads)}`];
  if (hasOutcome) lines.push(`- 商談化 (opportunities): ${num(k.converted)} (${pct(k.conversionRate)})`);
  if (k.mql) {
    const def =
      k.mql.threshold === null
        ? `ティア「${markdownText(k.mql.tier)}」`
        : `ティア「${markdownText(k.mql.tier)}」= スコア ${k.mql.threshold} 以上`;
    lines.push(`- MQL 数 (${def}): ${num(k.mql.count)} (${pct(k.mql.share)})`);
    if (hasOutcome) {
      lines.push(
        `- **MQL→商談化率 (MQL→opportunity rate): ${pct(k.mql.opportunityRate)}** (${num(k.mql.converted)} / ${num(k.mql.count)})`,
      );
      lines.push(
        `- MQL にならなかった商談 (opportunities the MQL definition missed): ${num(k.mql.missed)} (商談全体の ${pct(k.mql.missedShare)})`,
      );
    }
  } else lines.push('- MQL: ティアがないため定義されていません');
  if (hasOutcome) {
    lines.push(`- スコアの予測力 AUC: ${num(k.auc, 3)} (0.5 = 当てずっぽう、1 = 完全に分離)`);
    const rec = k.recommendation;
    if (rec?.row) {
      const r = rec.row;
      lines.push(
        `- **推奨 MQL 閾値 (recommended threshold, ${markdownText(criterionLabel(rec.criterion))}): ${r.threshold} 点以上** — MQL ${num(r.reached)} 件 (${pct(r.reachedShare)})、MQL→商談化率 ${pct(r.precision)}、商談のカバー率 ${pct(r.recall)}`,
      );
    } else if (rec) lines.push(`- 推奨 MQL 閾値: なし (${markdownText(rec.reason ?? '')})`);
  }
  return lines;
}

function cohortRow(c: CohortKpis): string {
  const rec = c.recommendation?.row;
  return `| ${markdownText(c.cohort)} | ${num(c.leads)} | ${num(c.converted)} | ${pct(c.conversionRate)} | ${num(c.mql?.count)} | ${pct(c.mql?.opportunityRate)} | ${c.mql ? `${num(c.mql.missed)} (${pct(c.mql.missedShare)})` : NONE} | ${num(c.auc, 3)} | ${rec ? `≥ ${rec.threshold}` : NONE} |`;
}
