/**
 * Japanese texts of syntax errors (grammar/syntax-messages.ts): what the
 * parser expected, by the key it names, and what it found, by kind.
 */
import type { DiagnosticParams } from '../../grammar/diagnostic.js';
import { q } from './japanese-words.js';

const EXPECTED: Readonly<Record<string, string>> = {
  'points-after-condition': '条件の後に "+20" のような点数',
  'points-after-event': 'イベント (と where の条件) の後に "+20" のような点数',
  'points-after-inactive': '"inactive" の後に "-10" のような点数',
  points: '"+20" や "-10" のような符号付きの点数',
  'schema-path': '"./lead.schema.json" のように引用符で囲んだスキーマファイル名',
  text: 'ダブルクォートで囲んだ文字',
  'event-type': '"on" の後に page_view のようなイベント種別',
  'since-last-event': '"since last" の後にイベント種別 (例: since last 失注)',
  'let-name': '"let" の後にリストの名前',
  'group-name': '"group" の後にグループの名前',
  'field-after-dot': '"." の後に項目名',
  name: '名前',
  'let-equals': 'リスト名とリストの間に "="',
  equals: '"="',
  'open-group': 'グループを開く "{" (名前と max/min の後)',
  'close-group': 'グループを閉じる "}"',
  list: '[役員, 部長] のような角かっこのリスト',
  'close-list': 'リストを閉じる "]" (値はカンマで区切ります)',
  'close-paren': 'かっこを閉じる ")"',
  'number-after-max': '"max" の後に数 (例: max 20)',
  'number-after-group-max': '"max" の後に数 (例: max 60)',
  'whole-number': '整数',
  percent: '"decay" の後に 50% のような割合 (例: decay 50% every 30d)',
  every: '割合の後に "every" と期間 (例: decay 50% every 30d)',
  last: '"since" の後に "last" とイベント種別 (例: since last 失注)',
  duration: '30d のような期間 (h = 時間、d = 日、w = 週)',
  inactive: '期間の後に "inactive" (例: after 30d inactive -10)',
  set: '"is" の後に "set" (is set / is not set)',
  in: '"not" の後に "in" (not in [...])',
  statement: '文 (schema、let、group、when、on、after、tier のどれか)',
  rule: 'when、on、after で始まるルール (またはグループを閉じる "}")',
  'group-min': '"min" の後に数 (例: min 0、min -20)',
  modifier: 'each、max N、max N per day/week/month、within 期間、decay R% every 期間 のどれか',
  period: '"per" の後に day、week、month のどれか (例: max 10 per day)',
  tier: 'ティア名と、その後に ">= 数"、"when 条件"、"otherwise" のどれか',
  'tier-test': 'ティア名の後に ">= 数"、"when 条件"、"otherwise" のどれか',
  condition: 'employees >= 100、role in [部長, 役員]、(…) のような条件',
  comparator: '比較 (=、!=、<、<=、>、>= のどれか)',
  value: '値 (数、単語、"引用符で囲んだ文字"、true、false のどれか)',
  number: '数',
  'list-or-name': '[役員, 部長] のようなリスト、または let で定義したリストの名前',
  'value-or-close-list': '値、またはリストを閉じる "]"',
  more: '続き',
};

const FOUND: Readonly<Record<string, (text: string) => string>> = {
  end: () => 'ファイルの終わり',
  word: (text) => `単語 "${text}"`,
  points: (text) => `点数 ${text}`,
  number: (text) => `数 ${text}`,
  duration: (text) => `期間 ${text}`,
  text: (text) => `文字 ${text}`,
  keyword: (text) => `キーワード "${text}"`,
  symbol: (text) => `"${text}"`,
};

/** 「"+20" のような点数が必要です (見つかったのは 単語 "foo")」 */
function parserMessage(p: DiagnosticParams): string | undefined {
  const expected = p.expected === 'token' ? `"${p.label}"` : EXPECTED[String(p.expected)];
  const found = FOUND[String(p.found)];
  if (expected === undefined || found === undefined) return undefined;
  const text = String(p.foundText ?? '');
  const hint =
    p.hint === 'keyword-as-value'
      ? ` — 値として使うには引用符で囲んでください ("${text}")`
      : p.hint === 'points-need-sign'
        ? ` — 点数には符号が必要です (+${text} または -${text})`
        : '';
  // A space after quoted or bracketed words, as Japanese text does around Latin.
  const space = /[\x21-\x7e]$/.test(expected) ? ' ' : '';
  return `${expected}${space}が必要です (見つかったのは ${found(text)})${hint}`;
}

export function syntaxJa(p: DiagnosticParams): string | undefined {
  switch (p.kind) {
    case 'too-large':
      return `ルールファイルが大きすぎます (${p.length} 文字。上限は ${p.max} 文字です) — ファイルを分けてください`;
    case 'too-deep':
      return `条件の入れ子が深すぎます (かっこや "not" が ${p.max} 重を超えています) — 条件を簡単にしてください`;
    case 'empty-list':
      return 'リストには値が 1 つ以上必要です (例: [役員, 部長])';
    case 'plus-number':
      return `ここでは数に "+" を付けずに ${p.number} と書いてください ("+" で始まる数は点数と読まれます)`;
    default:
      return p.expected === undefined ? undefined : parserMessage(p);
  }
}

export function unexpectedCharacterJa(p: DiagnosticParams): string {
  if (p.half === '"') return `使えない文字 ${q(p.text)} があります: 半角のダブルクォート (") を使ってください`;
  if (p.half !== undefined) return `使えない文字 ${q(p.text)} があります: 半角の "${p.half}" を使ってください`;
  const ch = [...String(p.text)][0] ?? '\ufffd';
  return `使えない文字 ${q(ch)} があります: 文字の値は "このように" 引用符で囲むか、この文字を削除してください`;
}

export function badPointsJa(p: DiagnosticParams): string | undefined {
  switch (p.kind) {
    case 'sign-space':
      return `符号と数の間に空白を入れず、${p.points} のように続けて書いてください`;
    case 'sign-alone':
      return `"${p.sign}" の後には数が必要です (例: ${p.sign}20)`;
    case 'points':
      return `点数は符号付きの整数で書いてください (例: ${p.example})`;
    case 'max':
      return '"max" には整数を書いてください (例: each max 20)';
    case 'decay':
      return '"decay" の割合は整数で書いてください (例: decay 50% every 30d)';
    case 'group-limit':
      return `"${p.keyword}" には整数を書いてください (例: ${p.keyword} 60)`;
    case 'too-large':
      return `${p.number} は大きすぎます: 9007199254740992 より小さい数を使ってください`;
    default:
      return undefined;
  }
}
