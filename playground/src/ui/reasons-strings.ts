import type { Period } from '../../../grammar/ast.js';
import { lang } from '../i18n.js';
import { num, signed } from './numbers.js';

/** The words of the reasons drawer, Japanese first (kept beside the drawer rather than in i18n.ts). */
const ja = {
  close: '閉じる',
  closeHint: 'Esc で閉じる',
  sinceLastRun: '前回の実行から',
  unchanged: '前回の実行から変化なし',
  scoreMoved: (before: number, after: number) => `${num(before)} → ${num(after)} (${signed(after - before)})`,
  reasonAdded: (rule: string, points: number) => `＋ ${rule} ${signed(points)}`,
  reasonRemoved: (rule: string, points: number) => `－ ${rule} ${signed(points)}`,
  reasonChanged: (rule: string, before: number, after: number) => `✎ ${rule} ${signed(before)} → ${signed(after)}`,
  count: (n: number) => `×${num(n)}`,
  countTitle: (n: number) => `${num(n)} 件のイベントを数えました`,
  decay: (percent: number, before: number, after: number) => `減衰 ${percent}% (${signed(before)} → ${signed(after)})`,
  perPeriod: (limit: number, period: Period, delta: number) =>
    `${{ day: '1日', week: '1週', month: '1か月' }[period]}あたり上限 ${num(limit)} により ${signed(delta)}`,
  max: (limit: number, delta: number) => `上限 ${num(limit)} により ${signed(delta)}`,
  min: (limit: number, delta: number) => `下限 ${num(limit)} により ${signed(delta)}`,
  groupSum: (sum: number) => `理由の合計 ${signed(sum)}`,
};

const en: typeof ja = {
  close: 'Close',
  closeHint: 'Esc closes',
  sinceLastRun: 'Since the last run',
  unchanged: 'No change since the last run',
  scoreMoved: ja.scoreMoved,
  reasonAdded: ja.reasonAdded,
  reasonRemoved: ja.reasonRemoved,
  reasonChanged: ja.reasonChanged,
  count: ja.count,
  countTitle: (n) => `${num(n)} event(s) counted`,
  decay: (percent, before, after) => `decay ${percent}% (${signed(before)} → ${signed(after)})`,
  perPeriod: (limit, period, delta) => `cap ${num(limit)} per ${period}: ${signed(delta)}`,
  max: (limit, delta) => `max ${num(limit)}: ${signed(delta)}`,
  min: (limit, delta) => `min ${num(limit)}: ${signed(delta)}`,
  groupSum: (sum) => `reasons add up to ${signed(sum)}`,
};

export function reasonStrings(): typeof ja {
  return lang() === 'ja' ? ja : en;
}
