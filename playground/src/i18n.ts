/**
 * UI strings, Japanese first (the users are Japanese marketing-ops teams)
 * with an English toggle. Diagnostics come from the engine as they are.
 */
export type Lang = 'ja' | 'en';

const ja = {
  title: 'leadscore プレイグラウンド',
  tabRules: 'ルール',
  tabSchema: 'スキーマ',
  tabDiff: '差分',
  asOf: '基準日時',
  format: '整形',
  share: '共有リンク',
  shareCopied: '共有リンクをアドレスバーに設定しました',
  download: 'ルールをダウンロード',
  language: 'English',
  data: 'データ',
  dataExample: 'サンプルデータ (同梱)',
  dataFiles: '読み込んだファイル',
  loadFiles: 'リード / イベントのファイルを開く (CSV・JSONL)',
  dropHint: 'ここに CSV / JSONL ファイルをドロップ',
  loading: '読み込み中…',
  leads: 'リード',
  events: 'イベント',
  invalid: '不正なレコード',
  results: '結果',
  filter: '絞り込み (ID・ティア・会社など)',
  score: 'スコア',
  tier: 'ティア',
  id: 'ID',
  reasons: '理由',
  noReasons: '加点・減点したルールはありません',
  clickLead: 'リードをクリックすると理由を表示します',
  tierDistribution: 'ティア分布',
  histogram: 'スコア分布',
  rowsShown: (shown: number, total: number) => `${total.toLocaleString()} 件中 ${shown.toLocaleString()} 件を表示`,
  errorsBlock: (n: number) => `ルールにエラーが ${n} 件あります。直すと結果が更新されます`,
  diagnostics: '診断',
  noProblems: '問題はありません',
  baseline: '比較元',
  baselineBundled: '同梱のルール (rules/b2b-saas.score)',
  baselineSnapshot: '保存したスナップショット',
  baselineFile: '読み込んだファイル',
  saveSnapshot: '現在のルールをスナップショットとして保存',
  openBaseline: '比較元のファイルを開く',
  impact: 'リードへの影響',
  transitions: 'ティア遷移 (行: 変更前、列: 変更後)',
  topMovers: '変動の大きいリード',
  scoreChanged: 'スコアが変わったリード',
  tierChanged: 'ティアが変わったリード',
  ruleChanges: 'ルールの変更',
  noChange: '変更はありません',
  baselineErrors: '比較元か作業中のルールにエラーがあります',
  hoverFires: (n: number, total: number, points: number) =>
    `サンプル ${total.toLocaleString()} 件中 **${n.toLocaleString()} 件**で発火、合計 ${points >= 0 ? '+' : ''}${points.toLocaleString()} 点`,
  hoverType: '型',
  hoverValues: '取りうる値',
  quickFix: (s: string) => `"${s}" に置き換える`,
  sharedData: (name: string) =>
    `共有元はファイル「${name}」を使っていました。ファイルはリンクに含まれないため、サンプルデータを表示しています`,
  schemaInvalid: 'スキーマにエラーがあります',
  before: '変更前',
  after: '変更後',
  group: 'グループ',
  lead: 'リード',
  change: '変化',
  why: '理由',
  sortBy: (col: string) => `${col}で並べ替え`,
};

export type Strings = typeof ja;

const en: Strings = {
  title: 'leadscore playground',
  tabRules: 'Rules',
  tabSchema: 'Schema',
  tabDiff: 'Diff',
  asOf: 'As of',
  format: 'Format',
  share: 'Share link',
  shareCopied: 'The share link is now in the address bar',
  download: 'Download rules',
  language: '日本語',
  data: 'Data',
  dataExample: 'Example data (bundled)',
  dataFiles: 'Loaded files',
  loadFiles: 'Open lead / event files (CSV, JSONL)',
  dropHint: 'Drop CSV / JSONL files here',
  loading: 'Loading…',
  leads: 'leads',
  events: 'events',
  invalid: 'invalid records',
  results: 'Results',
  filter: 'Filter (id, tier, company…)',
  score: 'Score',
  tier: 'Tier',
  id: 'ID',
  reasons: 'Reasons',
  noReasons: 'No rule gave or took points',
  clickLead: 'Click a lead to see its reasons',
  tierDistribution: 'Tiers',
  histogram: 'Score distribution',
  rowsShown: (shown, total) => `showing ${shown.toLocaleString()} of ${total.toLocaleString()}`,
  errorsBlock: (n) => `The rules have ${n} error(s); results update once they are fixed`,
  diagnostics: 'Diagnostics',
  noProblems: 'No problems',
  baseline: 'Baseline',
  baselineBundled: 'Bundled rules (rules/b2b-saas.score)',
  baselineSnapshot: 'Saved snapshot',
  baselineFile: 'Loaded file',
  saveSnapshot: 'Save the current rules as a snapshot',
  openBaseline: 'Open a baseline file',
  impact: 'Impact on leads',
  transitions: 'Tier transitions (rows: before, columns: after)',
  topMovers: 'Top movers',
  scoreChanged: 'Score changed',
  tierChanged: 'Tier changed',
  ruleChanges: 'Rule changes',
  noChange: 'No change',
  baselineErrors: 'The baseline or the working copy has errors',
  hoverFires: (n, total, points) =>
    `fires for **${n.toLocaleString()}** of ${total.toLocaleString()} sample leads, ${points >= 0 ? '+' : ''}${points.toLocaleString()} points in total`,
  hoverType: 'type',
  hoverValues: 'allowed values',
  quickFix: (s) => `Replace with "${s}"`,
  sharedData: (name) =>
    `The sender used the file "${name}"; files are not part of a link, so the example data is shown`,
  schemaInvalid: 'The schema has errors',
  before: 'before',
  after: 'after',
  group: 'Group',
  lead: 'Lead',
  change: 'Change',
  why: 'Why',
  sortBy: (col) => `Sort by ${col}`,
};

let current: Lang = 'ja';

export function t(): Strings {
  return current === 'ja' ? ja : en;
}

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next;
}
