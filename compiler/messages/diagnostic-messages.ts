import type { DiagnosticCode } from '../../grammar/diagnostic-catalogue.js';
import type { Diagnostic, DiagnosticParams } from '../../grammar/diagnostic.js';

/**
 * The messages of diagnostics in Japanese and English, by code. English is
 * the message the check wrote (the CLI's output and the tests match it
 * exactly, so it has one source); Japanese is built here from the named
 * `params` the check attached. An entry names the params it needs: a
 * diagnostic without them — a check not yet giving params, or a code added
 * later that has no Japanese text yet — keeps its English message. That
 * fallback is deliberate and tested (test/compiler/diagnostic-messages.test.ts).
 * The record is keyed by every code, so a new code fails the typecheck here
 * until it gets an entry (`{ needs: [], ja: undefined }` says "English only").
 */
export type MessageLang = 'ja' | 'en';

interface JapaneseMessage {
  /** The params the Japanese text reads; all must be present. */
  readonly needs: readonly string[];
  readonly ja?: (p: DiagnosticParams, d: Diagnostic) => string;
}

const q = (v: unknown): string => `「${String(v)}」`;

/** " — もしかして「a」ですか?" from the diagnostic's suggestions. */
function didYouMean(d: Diagnostic): string {
  const s = d.suggestions ?? [];
  return s.length === 0 ? '' : ` — もしかして ${s.map(q).join('、')} ですか?`;
}

const entry = (needs: readonly string[], ja: JapaneseMessage['ja']): JapaneseMessage => ({ needs, ...(ja && { ja }) });
const englishOnly: JapaneseMessage = { needs: [] };

export const JAPANESE_MESSAGES: Readonly<Record<DiagnosticCode, JapaneseMessage>> = {
  syntax: englishOnly,
  'unexpected-character': entry(
    ['text', 'half'],
    (p) => `使えない文字 ${q(p.text)} があります: 半角の "${p.half}" を使ってください`,
  ),
  'unterminated-string': englishOnly,
  'bad-escape': englishOnly,
  'bad-points': englishOnly,
  'bad-duration': englishOnly,
  'too-many-errors': englishOnly,

  'schema-not-found': englishOnly,
  'schema-json-syntax': englishOnly,
  'schema-shape': englishOnly,
  'schema-invalid': englishOnly,

  'unknown-field': entry(['field', 'schema'], (p, d) =>
    d.suggestions?.length
      ? `不明な項目 ${q(p.field)}: ${p.schema} にこの項目はありません${didYouMean(d)}`
      : `不明な項目 ${q(p.field)}: ${p.schema} にこの項目はありません — 綴りを確かめるか、スキーマに追加してください`,
  ),
  'unknown-event-type': entry(['event', 'schema'], (p, d) =>
    d.suggestions?.length
      ? `不明なイベント種別 ${q(p.event)}: ${p.schema} にこのイベントはありません${didYouMean(d)}`
      : `不明なイベント種別 ${q(p.event)}: ${p.schema} にこのイベントはありません — 綴りを確かめるか、${p.schema} の "events" に追加してください`,
  ),
  'unknown-event-property': englishOnly,
  'operator-type': englishOnly,
  'value-type': englishOnly,
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
  'number-out-of-range': englishOnly,
  'per-without-each': englishOnly,
  'decay-percent-range': englishOnly,
  'decay-step-zero': englishOnly,
  'duplicate-since-last': englishOnly,

  'unreachable-tier': englishOnly,
  'group-max-below-points': englishOnly,
  'duplicate-condition': englishOnly,
  'decay-never-applies': englishOnly,
  'cap-never-applies': englishOnly,
  'reset-hides-rule': englishOnly,
  'reset-never-applies': englishOnly,
  'no-schema': entry(
    [],
    () =>
      'このファイルはスキーマを指定していないため、型チェックされません。schema "./lead.schema.json" を追加してください',
  ),

  'sql-needs-schema': englishOnly,
  'sql-untyped-path': englishOnly,
  'sql-column-clash': englishOnly,
};

/**
 * The diagnostic's message in `lang`: English is the check's own message;
 * Japanese when the code has a Japanese text and the diagnostic carries the
 * params it needs, otherwise the English message (explicit fallback).
 */
export function localizedMessage(d: Diagnostic, lang: MessageLang): string {
  if (lang === 'en') return d.message;
  const message = Object.hasOwn(JAPANESE_MESSAGES, d.code) ? JAPANESE_MESSAGES[d.code] : undefined;
  if (!message?.ja) return d.message;
  const params = d.params ?? {};
  if (!message.needs.every((k) => Object.hasOwn(params, k))) return d.message;
  return message.ja(params, d);
}

/** Whether `localizedMessage(d, 'ja')` is Japanese rather than the English fallback. */
export function hasJapanese(d: Diagnostic): boolean {
  return localizedMessage(d, 'ja') !== d.message;
}
