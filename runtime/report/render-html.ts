/**
 * The report as one self-contained HTML file: Japanese-first labels, inline
 * CSS, charts as inline SVG; no scripts, no network. Every text from the rule
 * file or the data (rule labels, tier names, cohort values, file names,
 * lead fields) is escaped with `escapeXml`.
 */
import type { Kpis, Report } from './build-report.js';
import { NONE, num, pct, signed, times } from './format.js';
import { criterionLabel, FLAG_LABELS, isActionable } from './labels.js';
import { barChart, escapeXml as e, precisionRecallChart } from './render-svg.js';

/** Fewer leads than this in a score bin: its conversion rate is not drawn. */
const MIN_RATE_LEADS = 5;

const CSS = `body{font-family:"Hiragino Sans","Noto Sans JP","Yu Gothic",Meiryo,sans-serif;margin:2em auto;max-width:980px;color:#222;line-height:1.6;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:2px solid #1f6fb2;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:.25em .6em}th{background:#eef4fa}
td.n{text-align:right;font-variant-numeric:tabular-nums}.kpis{display:flex;flex-wrap:wrap;gap:1em}.kpi{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;min-width:12em}
.kpi b{display:block;font-size:1.6em;color:#1f6fb2}.warn{background:#fff4e5;border-left:4px solid #e67e22;padding:.5em 1em}.flag{color:#c0392b;font-weight:bold}
.meta{color:#555;font-size:.9em}.chart{width:100%;height:auto;max-width:720px}small{color:#666}`;

export function renderHtml(report: Report): string {
  const { meta, kpis } = report;
  const hasOutcome = meta.outcomeField !== null;
  const h: string[] = [];
  h.push(
    '<!DOCTYPE html>',
    '<html lang="ja"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
  );
  h.push(`<title>リードスコア KPI レポート — ${e(meta.rulesFile)}</title><style>${CSS}</style></head><body>`);
  h.push('<h1>リードスコア KPI レポート</h1>');
  h.push(
    `<p class="meta">ルール: ${e(meta.rulesFile)} ／ リード: ${e(meta.leadsFile)}${meta.eventsFile ? ` ／ 行動: ${e(meta.eventsFile)}` : ''} ／ 基準日時: ${e(meta.asOf)} (${e(meta.timeZone)})` +
      (hasOutcome ? ` ／ 成果フィールド: ${e(meta.outcomeField!)}` : '') +
      '</p>',
  );
  for (const w of report.warnings) h.push(`<p class="warn">⚠ ${e(w.messageJa)}<br><small>${e(w.message)}</small></p>`);

  h.push('<h2>サマリー</h2>', kpiCards(kpis, hasOutcome));

  h.push(
    '<h2>ティア別</h2><table><tr><th>ティア</th><th>閾値</th><th>リード数</th><th>構成比</th><th>閾値以上の割合</th><th>商談化</th><th>商談化率</th></tr>',
  );
  for (const t of kpis.tiers) {
    h.push(
      `<tr><td>${t.name === null ? '(ティアなし)' : e(t.name)}</td><td class="n">${t.threshold === null ? NONE : `${t.threshold} 点以上`}</td><td class="n">${num(t.count)}</td><td class="n">${pct(t.share)}</td><td class="n">${pct(t.reachedShare)}</td><td class="n">${hasOutcome ? num(t.converted) : NONE}</td><td class="n">${pct(t.rate)}</td></tr>`,
    );
  }
  h.push('</table>');

  h.push('<h2>スコア分布</h2>');
  h.push(
    barChart(
      // A rate on a handful of leads is noise (1 lead: 0 % or 100 %); it is not drawn.
      report.histogram.map((b) => ({
        label: `${b.from}〜${b.to - 1}`,
        value: b.count,
        part: hasOutcome ? b.converted : 0,
        rate: hasOutcome && b.count >= MIN_RATE_LEADS ? b.rate : null,
      })),
      {
        title: 'スコア分布',
        valueLabel: '■ リード数 (濃い色: 商談化)',
        partLabel: '商談化',
        ...(hasOutcome && { rateLabel: `商談化率 (${MIN_RATE_LEADS} 件未満の区間は省略)` }),
      },
    ),
  );

  if (report.bands) {
    h.push(
      '<h2>スコア十分位別の商談化率</h2><p><small>帯 1 = スコア上位 10%。同点のリードは同じ帯に入れます。累積カバー率 = その帯までで全商談の何 % を拾えるか。</small></p>',
    );
    h.push(
      barChart(
        report.bands.map((b) => ({
          label: `帯${b.band} (${b.minScore}〜${b.maxScore})`,
          value: b.count,
          part: b.converted,
          rate: b.rate,
        })),
        { title: '十分位別の商談化率', valueLabel: '■ リード数', partLabel: '商談化', rateLabel: '商談化率' },
      ),
    );
    h.push(
      '<table><tr><th>帯</th><th>スコア</th><th>リード数</th><th>商談化</th><th>商談化率</th><th>累積カバー率</th></tr>',
    );
    for (const b of report.bands)
      h.push(
        `<tr><td class="n">${b.band}</td><td class="n">${b.minScore}〜${b.maxScore}</td><td class="n">${num(b.count)}</td><td class="n">${num(b.converted)}</td><td class="n">${pct(b.rate)}</td><td class="n">${pct(b.cumulativeCapture)}</td></tr>`,
      );
    h.push('</table>');
  }

  if (report.thresholds && report.thresholds.length > 0) {
    h.push('<h2>閾値を変えると (適合率と再現率)</h2>');
    const marks: { threshold: number; label: string; color: string }[] = [];
    if (kpis.mql?.threshold !== null && kpis.mql?.threshold !== undefined)
      marks.push({ threshold: kpis.mql.threshold, label: `現在 ${kpis.mql.threshold}`, color: '#555' });
    const rec = kpis.recommendation?.row;
    if (rec) marks.push({ threshold: rec.threshold, label: `推奨 ${rec.threshold}`, color: '#c0392b' });
    h.push(precisionRecallChart(report.thresholds, marks));
    h.push(
      '<details><summary>すべての候補閾値</summary><table><tr><th>閾値 (以上)</th><th>到達リード数</th><th>到達率</th><th>適合率</th><th>再現率</th><th>F1</th><th>Youden J</th></tr>',
    );
    for (const t of report.thresholds)
      h.push(
        `<tr><td class="n">${t.threshold}</td><td class="n">${num(t.reached)}</td><td class="n">${pct(t.reachedShare)}</td><td class="n">${pct(t.precision)}</td><td class="n">${pct(t.recall)}</td><td class="n">${num(t.f1, 3)}</td><td class="n">${num(t.youden, 3)}</td></tr>`,
      );
    h.push('</table></details>');
  }

  if (report.rules) {
    h.push(
      '<h2>ルール別の効き目</h2><p><small>発火率 = そのルールの点が付いたリードの割合。リフト = 発火時の商談化率 ÷ 全体の商談化率 (1 より大きいほど商談につながる)。目安点 = ルール単独のデータをこのファイルの配点の尺度に換算した点。同時推定 = 全ルールをまとめて当てはめた点 (一緒に発火しがちなルールのどれが効いているかを分けて見られます)。書き換えたルールファイルは <code>leadscore tune</code> で作れます。</small></p>',
    );
    h.push(
      '<table><tr><th>行</th><th>グループ</th><th>ルール</th><th>配点</th><th>発火率</th><th>発火時の商談化率</th><th>非発火時</th><th>リフト</th><th>目安点</th><th>同時推定</th><th>注意</th></tr>',
    );
    for (const r of report.rules) {
      const flags = r.flags
        .map(
          (f) =>
            `<span class="${isActionable(f) ? 'flag' : ''}" title="${e(FLAG_LABELS[f].en)}">${e(FLAG_LABELS[f].ja)}</span>`,
        )
        .join('<br>');
      h.push(
        `<tr><td class="n">${r.rule.line}</td><td>${r.rule.group === null ? NONE : e(r.rule.group)}</td><td>${e(r.rule.text)}</td><td class="n">${signed(r.rule.points)}</td><td class="n">${pct(r.fireShare)}</td><td class="n">${pct(r.rateWhenFires)}</td><td class="n">${pct(r.rateWhenNot)}</td><td class="n">${times(r.lift)}</td><td class="n">${signed(r.impliedPoints)}</td><td class="n">${signed(r.jointPoints)}</td><td>${flags}</td></tr>`,
      );
    }
    h.push('</table>');
  }

  if (report.cohorts) {
    h.push(
      `<h2>コホート別 (${e(meta.byField ?? '')})</h2><p><small>日付・日時のフィールドは月 (YYYY-MM) ごとにまとめます。</small></p>`,
    );
    if (hasOutcome)
      h.push(
        barChart(
          report.cohorts.map((c) => ({
            label: c.cohort,
            value: c.mql?.count ?? 0,
            part: c.mql?.converted ?? 0,
            rate: c.mql?.opportunityRate ?? null,
          })),
          {
            title: 'コホート別の MQL 数と MQL→商談化率',
            valueLabel: '■ MQL 数 (濃い色: 商談化)',
            partLabel: '商談化',
            rateLabel: 'MQL→商談化率',
          },
        ),
      );
    h.push(
      '<table><tr><th>コホート</th><th>リード数</th><th>商談化</th><th>商談化率</th><th>MQL 数</th><th>MQL→商談化率</th><th>MQL 外の商談</th><th>AUC</th><th>推奨閾値</th></tr>',
    );
    for (const c of report.cohorts) {
      h.push(
        `<tr><td>${e(c.cohort)}</td><td class="n">${num(c.leads)}</td><td class="n">${num(c.converted)}</td><td class="n">${pct(c.conversionRate)}</td><td class="n">${num(c.mql?.count)}</td><td class="n">${pct(c.mql?.opportunityRate)}</td><td class="n">${c.mql ? `${num(c.mql.missed)} (${pct(c.mql.missedShare)})` : NONE}</td><td class="n">${num(c.auc, 3)}</td><td class="n">${c.recommendation?.row ? `${c.recommendation.row.threshold} 点以上` : NONE}</td></tr>`,
      );
    }
    h.push('</table>');
  }
  h.push('<p class="meta">leadscore report で作成</p></body></html>');
  return `${h.join('\n')}\n`;
}

function kpiCards(k: Kpis, hasOutcome: boolean): string {
  const cards: [string, string, string][] = [['リード数', num(k.leads), '']];
  if (hasOutcome) cards.push(['商談化', num(k.converted), `全体の ${pct(k.conversionRate)}`]);
  if (k.mql) {
    cards.push([
      'MQL 数',
      num(k.mql.count),
      `ティア「${e(k.mql.tier)}」${k.mql.threshold === null ? '' : ` (${k.mql.threshold} 点以上)`}・全体の ${pct(k.mql.share)}`,
    ]);
    if (hasOutcome) {
      cards.push(['MQL→商談化率', pct(k.mql.opportunityRate), `${num(k.mql.converted)} / ${num(k.mql.count)}`]);
      cards.push(['MQL にならなかった商談', num(k.mql.missed), `商談全体の ${pct(k.mql.missedShare)}`]);
    }
  }
  if (hasOutcome) {
    cards.push(['スコアの予測力 (AUC)', num(k.auc, 3), '0.5 = 当てずっぽう、1 = 完全']);
    const rec = k.recommendation;
    if (rec?.row)
      cards.push([
        '推奨 MQL 閾値',
        `${rec.row.threshold} 点以上`,
        `${e(criterionLabel(rec.criterion))}: MQL ${num(rec.row.reached)} 件、商談化率 ${pct(rec.row.precision)}、カバー率 ${pct(rec.row.recall)}`,
      ]);
    else if (rec) cards.push(['推奨 MQL 閾値', NONE, e(rec.reason ?? '')]);
  }
  return `<div class="kpis">${cards.map(([label, value, note]) => `<div class="kpi">${label}<b>${value}</b><small>${note}</small></div>`).join('')}</div>`;
}
