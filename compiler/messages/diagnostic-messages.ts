import type { DiagnosticCode } from '../../grammar/diagnostic-catalogue.js';
import type { Diagnostic, DiagnosticParams } from '../../grammar/diagnostic.js';
import {
  duplicateConditionJa,
  groupMaxBelowPointsJa,
  numberRangeJa,
  operatorTypeJa,
  unknownEventPropertyJa,
  unreachableTierJa,
  valueTypeJa,
} from './checks-ja.js';
import { didYouMean, kinds, period, q } from './japanese-words.js';
import { schemaInvalidJa, schemaJsonSyntaxJa, schemaShapeJa } from './schema-ja.js';
import { badPointsJa, syntaxJa, unexpectedCharacterJa } from './syntax-ja.js';

/**
 * The messages of diagnostics in Japanese and English, by code. English is
 * the message the check wrote (the CLI's output and the tests match it
 * exactly, so it has one source); Japanese is built here from the named
 * `params` the check attached. Every code has a Japanese text: the record is
 * keyed by every code and `ja` is required, so a new code fails the
 * typecheck here until it gets one, and test/compiler/diagnostic-messages.test.ts
 * checks that a real diagnostic of every code comes out in Japanese.
 * A diagnostic without the params its text needs (one built by hand, or by
 * an older producer) keeps its English message rather than showing holes.
 */
export type MessageLang = 'ja' | 'en';

interface JapaneseMessage {
  /** The params the Japanese text reads; all must be present. */
  readonly needs: readonly string[];
  /** The Japanese text; undefined when the params name a form it does not know (then English is shown). */
  readonly ja: (p: DiagnosticParams, d: Diagnostic) => string | undefined;
}

const entry = (needs: readonly string[], ja: JapaneseMessage['ja']): JapaneseMessage => ({ needs, ja });

export const JAPANESE_MESSAGES: Readonly<Record<DiagnosticCode, JapaneseMessage>> = {
  syntax: entry([], syntaxJa),
  'unexpected-character': entry(['text'], unexpectedCharacterJa),
  'unterminated-string': entry(
    [],
    () => 'この文字には閉じる " がありません: 末尾に " を追加してください (文字は行をまたげません)',
  ),
  'bad-escape': entry(
    ['text'],
    (p) =>
      `${q(p.text)} はエスケープとして使えません: \\" \\\\ \\n \\t \\uXXXX (16 進数 4 桁) のどれかを使ってください`,
  ),
  'bad-points': entry(['kind'], badPointsJa),
  'bad-duration': entry(
    ['unit'],
    (p) => `時間の単位 ${q(p.unit)} は使えません: h (時間)、d (日)、w (週) のどれかを使ってください (例: 30d)`,
  ),
  'too-many-errors': entry(
    [],
    () =>
      '構文エラーが多すぎて、ファイルの残りを読めません: ルールファイルで合っていますか? 上のエラーを直してから、もう一度チェックしてください',
  ),

  'schema-not-found': entry(
    ['path'],
    (p) => `スキーマファイル "${p.path}" を読めません: パスを確かめてください (ルールファイルからの相対パスです)`,
  ),
  'schema-json-syntax': entry(['kind'], schemaJsonSyntaxJa),
  'schema-shape': entry(['kind'], schemaShapeJa),
  'schema-invalid': entry(['kind'], schemaInvalidJa),

  'unknown-field': entry(['field', 'schema'], (p, d) =>
    p.kind === 'not-an-object'
      ? `不明な項目 ${q(p.field)}: ${q(p.parent)} は${kinds(p.parentKinds)}の項目で、プロパティを持ちません — ${q(p.parent)} だけを書いてください`
      : d.suggestions?.length
        ? `不明な項目 ${q(p.field)}: ${p.schema} にこの項目はありません${didYouMean(d)}`
        : `不明な項目 ${q(p.field)}: ${p.schema} にこの項目はありません — 綴りを確かめるか、スキーマに追加してください`,
  ),
  'unknown-event-type': entry(['event', 'schema'], (p, d) =>
    d.suggestions?.length
      ? `不明なイベント種別 ${q(p.event)}: ${p.schema} にこのイベントはありません${didYouMean(d)}`
      : `不明なイベント種別 ${q(p.event)}: ${p.schema} にこのイベントはありません — 綴りを確かめるか、${p.schema} の "events" に追加してください`,
  ),
  'unknown-event-property': entry(['kind', 'event'], unknownEventPropertyJa),
  'operator-type': entry(['kind', 'path', 'fieldKinds'], operatorTypeJa),
  'value-type': entry(['kind', 'value', 'valueKind', 'field'], valueTypeJa),
  'enum-value': entry(['value', 'field', 'allowed'], (p, d) =>
    d.suggestions?.length
      ? `${p.list === undefined ? '' : `リスト ${q(p.list)} の `}${q(p.value)} は ${q(p.field)} に使える値ではありません (使える値: ${p.allowed})${didYouMean(d)}`
      : `${p.list === undefined ? '' : `リスト ${q(p.list)} の `}${q(p.value)} は ${q(p.field)} に使える値ではありません (使える値: ${p.allowed}) — このどれかを使うか、スキーマの enum に追加してください`,
  ),
  'duplicate-group': entry(
    ['name', 'line'],
    (p) =>
      `グループ ${q(p.name)} は ${p.line} 行目で定義済みです — 別の名前にするか、ルールを最初のグループに移してください`,
  ),
  'duplicate-let': entry(
    ['name', 'line'],
    (p) => `リスト ${q(p.name)} は ${p.line} 行目で定義済みです — 別の名前にするか、2 つをまとめてください`,
  ),
  'duplicate-tier': entry(
    ['name', 'line'],
    (p) => `ティア ${q(p.name)} は ${p.line} 行目で定義済みです — 別の名前にしてください`,
  ),
  'unknown-list': entry(['list'], (p, d) =>
    d.suggestions?.length
      ? `不明なリスト ${q(p.list)}: この名前の let はありません${didYouMean(d)}`
      : `不明なリスト ${q(p.list)}: この名前の let はありません — let ${p.list} = [...] で定義するか、[a, b] のように値をその場に書いてください`,
  ),
  'group-shadows-field': entry(
    ['group'],
    (p) =>
      `グループ ${q(p.group)} はリードの項目と同じ名前です: ティアの条件でどちらの意味か決まりません — グループ名を変えてください`,
  ),
  'otherwise-not-last': entry(
    ['tier'],
    (p) =>
      `"otherwise" は最後のティアに書いてください: ティア ${q(p.tier)} はすべてのリードに当てはまるため、後ろのティアには決して入りません — 末尾に移してください`,
  ),
  'max-without-each': entry(
    ['points', 'limit'],
    (p) =>
      `"max" には "each" が必要です: イベントごとの点に上限を付けるには "${p.points} each max ${p.limit}" と書いてください`,
  ),
  'duplicate-modifier': entry(
    ['modifier'],
    (p) => `"${p.modifier}" がこのルールに 2 回書かれています — 1 つだけにしてください`,
  ),
  'duplicate-schema': entry(
    ['line'],
    (p) => `スキーマは ${p.line} 行目で指定済みです — 1 ファイルにスキーマは 1 つです。この行を削除してください`,
  ),
  'schema-after-rule': entry(
    ['line'],
    (p) =>
      `スキーマはルールより前に書いてください (${p.line} 行目からルールが始まっています) — この行をファイルの先頭に移してください`,
  ),
  'group-min-above-max': entry(
    ['group', 'min', 'max'],
    (p) =>
      `グループ ${q(p.group)} の min ${p.min} が max ${p.max} を上回っています — min を下げるか max を上げてください`,
  ),
  'duplicate-group-limit': entry(
    ['group', 'limit'],
    (p) => `グループ ${q(p.group)} には ${p.limit} がすでにあります — ${p.limit} は 1 つだけにしてください`,
  ),
  'number-out-of-range': entry(['kind'], numberRangeJa),
  'per-without-each': entry(
    ['limit', 'period', 'points'],
    (p) =>
      `${q(`max ${p.limit} per ${p.period}`)} には "each" が必要です: イベントを 1 件ずつ数えて 1 ${period(p.period)}あたり ${p.limit} 点までにするには ${q(`${p.points} each max ${p.limit} per ${p.period}`)} と書いてください`,
  ),
  'decay-percent-range': entry(
    ['percent'],
    (p) =>
      `decay ${p.percent}% は 1%〜100% の範囲外です: 1 ステップごとに点数を何 % 減らすかを書いてください (例: decay 50%。100% なら 1 ステップで 0 になります)`,
  ),
  'decay-step-zero': entry(
    ['step'],
    (p) => `${q(`every ${p.step}`)} は時間が 0 です: 点数を減らす間隔を書いてください (例: every 30d)`,
  ),
  'duplicate-since-last': entry(
    ['group', 'event'],
    (p) =>
      `グループ ${q(p.group)} はすでに ${q(p.event)} の後にリセットされます — "since last" は 1 つだけにしてください`,
  ),

  'unreachable-tier': entry(['kind', 'tier'], unreachableTierJa),
  'group-max-below-points': entry(['kind', 'group', 'limit', 'points', 'line'], groupMaxBelowPointsJa),
  'duplicate-condition': entry(['line'], duplicateConditionJa),
  'decay-never-applies': entry(
    ['percent', 'step', 'window'],
    (p) =>
      `${q(`decay ${p.percent}% every ${p.step}`)} は効きません: ${q(`within ${p.window}`)} は ${p.step} より新しいイベントしか数えません — ステップを短くするか、期間を長くしてください`,
  ),
  'cap-never-applies': entry(
    ['perLimit', 'period', 'limit'],
    (p) =>
      `${q(`max ${p.perLimit} per ${p.period}`)} は効きません: ${q(`max ${p.limit}`)} がルール全体をそれより低く抑えます — 1 ${period(p.period)}ごとの上限を下げるか、削除してください`,
  ),
  'reset-hides-rule': entry(
    ['group', 'event'],
    (p) =>
      `このルールは点を付けません: グループ ${q(p.group)} は ${q(p.event)} イベントのたびにリセットされ、そのイベント自体は見ません — ルールをグループの外に移してください`,
  ),
  'reset-never-applies': entry(
    ['event', 'group'],
    (p) =>
      `${q(`since last ${p.event}`)} は効きません: グループ ${q(p.group)} には "on" や "after … inactive" のルールがありません (when のルールはイベントではなくリードの項目を読みます)`,
  ),
  'no-schema': entry(
    [],
    () =>
      'このファイルはスキーマを指定していないため、型チェックされません。schema "./lead.schema.json" を追加してください',
  ),

  'sql-needs-schema': entry(
    [],
    () =>
      'SQL 出力にはスキーマの指定が必要です (schema "./lead.schema.json" を追加してください): ウェアハウスの列は型を 1 つ持ち、その型はスキーマで決まります',
  ),
  'sql-untyped-path': entry(
    ['path'],
    (p) =>
      `${p.event === undefined ? `項目 ${q(p.path)}` : `${p.event} イベントのプロパティ ${q(p.path)}`} の型がスキーマで 1 つに決まっていません: SQL 出力は列ごとに 1 つの型で読むため、"type": "string"、"number"、"integer"、"boolean"、"array" のどれかを指定してください`,
  ),
  'sql-column-clash': entry(
    ['group', 'other'],
    (p) =>
      `グループ ${q(p.group)} は出力列として ${q(p.other)} と同じ名前になります (ウェアハウスは列名の大文字と小文字を区別しません) — グループ名を変えてください`,
  ),
};

/**
 * The diagnostic's message in `lang`: English is the check's own message;
 * Japanese when the diagnostic carries the params its text needs, otherwise
 * the English message (a hand-made diagnostic, or a code from a newer version).
 */
export function localizedMessage(d: Diagnostic, lang: MessageLang): string {
  if (lang === 'en') return d.message;
  const message = Object.hasOwn(JAPANESE_MESSAGES, d.code) ? JAPANESE_MESSAGES[d.code] : undefined;
  if (!message) return d.message;
  const params = d.params ?? {};
  if (!message.needs.every((k) => Object.hasOwn(params, k))) return d.message;
  return message.ja(params, d) ?? d.message;
}

/** Whether `localizedMessage(d, 'ja')` is Japanese rather than the English fallback. */
export function hasJapanese(d: Diagnostic): boolean {
  return localizedMessage(d, 'ja') !== d.message;
}
