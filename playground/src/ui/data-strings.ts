import { lang } from '../i18n.js';

/** The data panel's words for column mapping and rejected rows, Japanese first (kept apart from i18n.ts, which other panels share). */
const ja = {
  mappingTitle: (file: string) => `列の対応付け: ${file}`,
  mappingHint:
    '各項目に、ファイルのどの列を使うかを選んで「適用」を押してください (同じ見出しのファイルには次回も自動で使います)',
  mappingNone: '(使わない)',
  required: '必須',
  apply: '適用',
  appliedNote: '適用済み',
  rejectedCount: (n: number) => `除外された行: ${n.toLocaleString()} 件`,
  row: '行',
  file: 'ファイル',
  id: 'ID',
  reason: '理由',
  record: 'レコード',
  previous: '前へ',
  next: '次へ',
  pageOf: (from: number, to: number, total: number) =>
    `${total.toLocaleString()} 件中 ${from.toLocaleString()}–${to.toLocaleString()} 件`,
  download: '除外された行をダウンロード',
  rowLabel: (kind: 'row' | 'line' | 'record', n: number | undefined) =>
    n === undefined ? '—' : kind === 'record' ? `${n} 件目` : `${n} 行目`,
};

export type DataStrings = typeof ja;

const en: DataStrings = {
  mappingTitle: (file) => `Column mapping: ${file}`,
  mappingHint:
    'Choose the column that gives each field and press Apply (files with the same header get it again next time)',
  mappingNone: '(not used)',
  required: 'required',
  apply: 'Apply',
  appliedNote: 'applied',
  rejectedCount: (n) => `Rejected rows: ${n.toLocaleString()}`,
  row: 'Row',
  file: 'File',
  id: 'ID',
  reason: 'Reason',
  record: 'Record',
  previous: 'Previous',
  next: 'Next',
  pageOf: (from, to, total) => `${from.toLocaleString()}–${to.toLocaleString()} of ${total.toLocaleString()}`,
  download: 'Download rejected rows',
  rowLabel: (kind, n) => (n === undefined ? '—' : kind === 'record' ? `record ${n}` : `line ${n}`),
};

export function ds(): DataStrings {
  return lang() === 'ja' ? ja : en;
}
