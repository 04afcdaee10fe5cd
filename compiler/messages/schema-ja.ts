/** Japanese texts of the schema file's errors (compiler/schema/load-schema.ts), by their `kind` param. */
import type { Diagnostic, DiagnosticParams } from '../../grammar/diagnostic.js';
import { didYouMean, q } from './japanese-words.js';

const JSON_PROBLEMS: Readonly<Record<string, (found: string) => string>> = {
  'trailing-comma': () => '閉じかっこの直前にカンマは書けません (最後のカンマを削除してください)',
  InvalidSymbol: (f) =>
    `予期しない ${f} があります (文字はダブルクォートで囲み、数、true、false、null はそのまま書きます)`,
  InvalidNumberFormat: (f) => `${f} は正しい数ではありません`,
  PropertyNameExpected: (f) => `ダブルクォートで囲んだプロパティ名が必要です (見つかったのは ${f})`,
  ValueExpected: (f) => `値が必要です (見つかったのは ${f})`,
  ColonExpected: (f) => `プロパティ名の後に ':' が必要です (見つかったのは ${f})`,
  CommaExpected: (f) => `カンマが必要です (見つかったのは ${f}。前の項目の末尾のカンマが抜けていませんか?)`,
  CloseBraceExpected: (f) => `オブジェクトを閉じる '}' が必要です (見つかったのは ${f})`,
  CloseBracketExpected: (f) => `リストを閉じる ']' が必要です (見つかったのは ${f})`,
  EndOfFileExpected: (f) => `JSON の値が終わった後に予期しない ${f} があります`,
  InvalidCommentToken: () => 'JSON にはコメントを書けません',
  UnexpectedEndOfComment: () => 'JSON にはコメントを書けません',
  UnexpectedEndOfString: () => '文字の値が閉じていません (ダブルクォートが抜けています)',
  UnexpectedEndOfNumber: () => '数が途中で終わっています',
  InvalidUnicode: () => '\\u エスケープが正しくありません (16 進数 4 桁が必要です)',
  InvalidEscapeCharacter: () =>
    'バックスラッシュの後のエスケープが正しくありません (バックスラッシュ自体は \\\\ と書きます)',
  InvalidCharacter: () => '文字の値に改行か制御文字がそのまま入っています (改行は \\n と書きます)',
};

export function schemaJsonSyntaxJa(p: DiagnosticParams): string | undefined {
  if (p.kind === 'not-json') {
    return 'スキーマファイルが JSON ではありません: スキーマファイルは { "lead": …, "events": … } の形の JSON オブジェクトです。ルールファイルが正しいファイルを指定しているか確かめてください';
  }
  const found = p.found === '' ? 'テキストの終わり' : JSON.stringify(String(p.found));
  const problem = JSON_PROBLEMS[String(p.problem)]?.(found) ?? `予期しない ${found} があります`;
  return `スキーマファイルが正しい JSON ではありません: ${problem}`;
}

export function schemaShapeJa(p: DiagnosticParams, d: Diagnostic): string | undefined {
  switch (p.kind) {
    case 'not-object':
      return 'スキーマファイルは "lead" (リードの JSON Schema) と "events" (イベント種別ごとの JSON Schema) を持つ JSON オブジェクトにしてください';
    case 'unknown-key':
      return `スキーマファイルに不明なキー ${q(p.key)} があります。このキーは無視されます (スキーマファイルに書くのは "lead" と "events" です)${didYouMean(d)}`;
    case 'no-lead':
      return 'スキーマファイルに "lead" がありません: リード 1 件を表す "lead": { "type": "object", "properties": { … } } を追加してください';
    case 'lead-not-object':
      return '"lead" は JSON Schema のオブジェクトにしてください (例: { "type": "object", "properties": { … } })';
    case 'lead-type':
      return 'リードは項目の集まりなので、"lead" には "type": "object" を指定してください';
    case 'no-events':
      return 'スキーマファイルに "events" がありません: イベント種別ごとに 1 つずつ、"events": { "page_view": { … }, "email_open": {} } のように追加してください';
    case 'events-not-object':
      return '"events" は、イベント種別ごとにそのプロパティの JSON Schema を書いたオブジェクトにしてください (プロパティがなければ {})';
    case 'event-not-object':
      return `イベント種別 ${q(p.event)} には、プロパティの JSON Schema をオブジェクトで書いてください (プロパティがなければ {})`;
    default:
      return undefined;
  }
}

const TYPE_NAMES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];
const TYPE_WORDS: Readonly<Record<string, string>> = {
  array: 'リスト [ … ]',
  object: 'オブジェクト { … }',
  string: 'ダブルクォートで囲んだ文字',
  number: '数',
  integer: '整数',
  boolean: 'true か false',
};

export function schemaInvalidJa(p: DiagnosticParams): string | undefined {
  const where = p.where === '' || p.where === undefined ? 'このスキーマ' : `"${p.where}"`;
  switch (p.kind) {
    case 'too-deep':
      return `スキーマファイルのオブジェクトとリストの入れ子が、ここで ${p.max} 段を超えています: そこまで深いスキーマは必要ありません。平らにするか "$ref" を使ってください`;
    case 'cannot-check':
      return `この JSON Schema はチェックできません: ${p.detail}`;
    case 'not-a-type': {
      const near = p.near === undefined ? '' : ` — もしかして ${String(p.near).split(', ').map(q).join('、')} ですか?`;
      return `${p.value === undefined ? 'これ' : JSON.stringify(String(p.value))} は JSON Schema の型ではありません: ${TYPE_NAMES.map((t) => `"${t}"`).join('、')} のどれかを使ってください${near}`;
    }
    case 'type':
      return `${where} は ${String(p.types)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' または ')} にしてください`;
    case 'meta':
      return `${where} が JSON Schema として正しくありません (${p.detail})`;
    case 'external-ref':
      return `参照できるのはスキーマファイルの中だけです ("#/$defs/…" の形)。"${p.ref}" は参照できません`;
    case 'missing-ref': {
      const near = p.near === undefined ? '' : ` — もしかして ${String(p.near).split(', ').map(q).join('、')} ですか?`;
      return `"${p.ref}" はスキーマファイルにありません${near}`;
    }
    case 'ref-loop':
      return `参照 ${p.refs} は、プロパティや要素に進まずに自分自身に戻るため、値をチェックできません: 値を表すスキーマを指すようにしてください`;
    default:
      return undefined;
  }
}
