/** Japanese-first labels of the report, shared by the Markdown and HTML renderers. */
import type { RuleFlag } from './rule-stats.js';
import type { ReportWarning } from './build-report.js';

export const FLAG_LABELS: Readonly<Record<RuleFlag, { ja: string; en: string }>> = {
  'too-few': { ja: 'データ不足', en: 'too few leads to judge' },
  'positive-points-negative-lift': { ja: '加点なのに商談化しにくい', en: 'positive points, negative lift' },
  'negative-points-positive-lift': { ja: '減点なのに商談化しやすい', en: 'negative points, positive lift' },
  'points-without-signal': { ja: '配点が大きいのに予測力なし', en: 'many points, no predictive value' },
  'under-weighted': { ja: '配点が過小', en: 'under-weighted' },
  'over-weighted': { ja: '配点が過大', en: 'over-weighted' },
  'joint-under-weighted': {
    ja: '他ルールと合わせて見ると配点が過小',
    en: 'under-weighted when fitted with the other rules',
  },
  'joint-over-weighted': {
    ja: '他ルールと合わせて見ると配点が過大',
    en: 'over-weighted when fitted with the other rules',
  },
};

/** Flags that call for a review (all but too-few). */
export function isActionable(flag: RuleFlag): boolean {
  return flag !== 'too-few';
}

export function warningText(w: ReportWarning): string {
  return `${w.messageJa} (${w.message})`;
}

export const CRITERION_LABELS: Readonly<Record<string, string>> = {
  f1: 'F1 最大 (適合率と再現率の調和平均)',
  youden: 'Youden の J 最大 (再現率 − 偽陽性率)',
};

export function criterionLabel(criterion: string): string {
  const known = CRITERION_LABELS[criterion];
  if (known) return known;
  const m = /^precision=(.*)$/.exec(criterion);
  return m ? `MQL→商談化率 ${Number(m[1]) * 100}% 以上を保つ最も低い閾値` : criterion;
}
