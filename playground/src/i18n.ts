/**
 * UI strings, Japanese first (the users are Japanese marketing-ops teams)
 * with an English toggle. Diagnostics are translated by compiler/messages/.
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
  languageHint:
    '表示を英語に切り替えます。エディタ自体のメニュー (検索、右クリック) はページを再読み込みすると切り替わります',
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
  groupLabel: 'グループ',
  tierLabel: 'ティア',
  listLabel: 'リスト',
  schemaLabel: 'スキーマ',
  tierOrderChanged: 'ティアの判定順が変わりました',
  thresholdMoved: (tier: string, from: string, to: string) => `閾値 ${tier} ${from}→${to}`,
  groupLimitMoved: (limits: string, delta: string) =>
    limits === '' ? `上限により ${delta}` : `上限 ${limits} により ${delta}`,
  thresholdsLegend: 'ティアの閾値',
  reset: 'サンプルに戻す',
  formatBlocked: (line: number) =>
    `構文エラーがあるため整形しませんでした (${line} 行目)。エラーを直してからもう一度「整形」してください`,
  keptAsSnapshot:
    '共有リンクを開きました。それまでのルールはスナップショットとして保存してあります (差分タブの比較元「保存したスナップショット」)',
  resetConfirm:
    'ルール・スキーマ・基準日時をサンプルに戻します。今の作業内容は失われます (必要なら先に「ルールをダウンロード」か差分タブのスナップショットで保存してください)。戻しますか?',
  headerProblem: (file: string, unknown: readonly string[], missing: readonly string[]) =>
    `${file}: 必須の列 ${missing.join('、')} がありません。${unknown.length > 0 ? `どの項目にも対応しない列: ${unknown.join('、')}。` : ''}下の「列の対応付け」で列を選んで「適用」するか、1 行目の列名をスキーマの項目名 (id, company, employees …) に直してください`,
  excelNotSupported: (name: string) =>
    `${name} は Excel ブックです。Excel ファイルはそのままでは読み込めません。Excel で「ファイル」→「名前を付けて保存」→ ファイルの種類「CSV UTF-8 (コンマ区切り)」で保存し、その CSV を開いてください`,
  notUtf8: (name: string) =>
    `${name} は UTF-8 でも Shift_JIS でもないため読み込めません。UTF-8 で保存してください (Excel:「CSV UTF-8 (コンマ区切り)」)`,
  readAsShiftJis: (name: string) => `${name} は Shift_JIS (Excel の「CSV (コンマ区切り)」) として読み込みました。`,
  baselineCount: (tier: string, before: number, after: number) =>
    `${tier}: 比較元 ${before.toLocaleString()} → ${after.toLocaleString()}`,
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
  languageHint:
    "Switch the page to Japanese. The editor's own menus (find, right-click) switch when you reload the page",
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
  groupLabel: 'Group',
  tierLabel: 'Tier',
  listLabel: 'List',
  schemaLabel: 'Schema',
  tierOrderChanged: 'The tiers are tried in a different order',
  thresholdMoved: (tier, from, to) => `threshold ${tier} ${from}→${to}`,
  groupLimitMoved: (limits, delta) => (limits === '' ? `group limit ${delta}` : `group limit ${limits} ${delta}`),
  thresholdsLegend: 'Tier thresholds',
  reset: 'Back to the example',
  formatBlocked: (line) => `Not formatted: the rules have a syntax error (line ${line}). Fix it and format again`,
  keptAsSnapshot:
    'Opened a share link. Your previous rules are kept as the snapshot (Diff tab, baseline "Saved snapshot")',
  resetConfirm:
    'This puts the rules, schema and as-of date back to the example; your current work is lost (download the rules or save a snapshot in the Diff tab first if you need it). Continue?',
  headerProblem: (file, unknown, missing) =>
    `${file}: required column(s) ${missing.join(', ')} missing. ${unknown.length > 0 ? `Columns that match no field: ${unknown.join(', ')}. ` : ''}Choose the columns under "Column mapping" below and press Apply, or rename the header row to the schema's field names (id, company, employees…)`,
  excelNotSupported: (name) =>
    `${name} is an Excel workbook, which cannot be read as it is. In Excel choose File → Save As → "CSV UTF-8 (Comma delimited)" and open that CSV`,
  notUtf8: (name) =>
    `${name} is neither UTF-8 nor Shift_JIS and cannot be read: save it as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)")`,
  readAsShiftJis: (name) => `${name} was read as Shift_JIS (Excel's "CSV (Comma delimited)").`,
  baselineCount: (tier, before, after) => `${tier}: ${before.toLocaleString()} before → ${after.toLocaleString()}`,
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
