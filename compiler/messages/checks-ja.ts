/** Japanese texts of the rule checks with several forms (by their `kind` param): types, event properties, numbers, tiers, caps. */
import type { Diagnostic, DiagnosticParams } from '../../grammar/diagnostic.js';
import { didYouMean, fmt, kinds, q } from './japanese-words.js';

const ENVELOPE_ADVICE: Readonly<Record<string, string>> = {
  type: 'イベント種別は "on" の後に書く名前です',
  at: '最近のイベントだけを数えるには、点数の後に "within 30d" と書いてください',
  lead_id: 'ルールが数えるイベントは、すべて採点中のリードのものです',
};

export function unknownEventPropertyJa(p: DiagnosticParams, d: Diagnostic): string | undefined {
  const event = `${q(p.event)} イベント`;
  switch (p.kind) {
    case 'envelope':
      return `${q(p.property)} は ${event}のプロパティではありません: where で使えるのはイベント自身のプロパティだけで、type、at、lead_id は使えません — ${ENVELOPE_ADVICE[String(p.property)] ?? 'この条件を削除してください'}`;
    case 'not-an-object':
      return `${event}に不明なプロパティ ${q(p.path)} があります: ${q(p.parent)} は${kinds(p.parentKinds)}の項目で、プロパティを持ちません — ${q(p.parent)} だけを書いてください`;
    case 'unknown': {
      const where =
        p.parent === undefined
          ? `${event}にこのプロパティはありません`
          : `${q(p.parent)} にプロパティ ${q(p.missing)} はありません`;
      const advice = d.suggestions?.length
        ? didYouMean(d)
        : p.candidates !== undefined
          ? ` (使えるプロパティ: ${p.candidates})`
          : ` — ${p.schema} に追加してください`;
      return `不明なプロパティ ${q(p.path)}: ${p.schema} では ${where}${advice}`;
    }
    default:
      return undefined;
  }
}

function alternative(p: DiagnosticParams): string {
  switch (p.alternative) {
    case 'yes-no':
      return `${q(p.path)} だけか ${q(`${p.path} = true`)} と書いてください`;
    case 'contains':
      return `${q(`${p.path} contains …`)} を使ってください`;
    case 'compare':
      return '>= や = などの比較を使ってください';
    default:
      return '= か in を使ってください';
  }
}

export function operatorTypeJa(p: DiagnosticParams): string | undefined {
  const field = `${q(p.path)} は${kinds(p.fieldKinds)}の項目です`;
  switch (p.kind) {
    case 'ordering':
      return `大小の比較 (${p.op}) には数値が必要ですが、${field} — ${alternative(p)}`;
    case 'single':
      return `${p.op} は 1 つの値と比べますが、${field} — ${alternative(p)}`;
    case 'contains':
      return `contains には文字かリストの項目が必要ですが、${field} — ${alternative(p)}`;
    case 'alone':
      return `${q(p.path)} だけの条件ははい/いいえの項目を調べますが、${field} — ${q(`${p.path} is set`)} や ${q(`${p.path} = …`)} のような比較を書いてください`;
    default:
      return undefined;
  }
}

function valueHint(p: DiagnosticParams): string {
  switch (p.hint) {
    case 'number':
      return '数を書いてください (例: 100)';
    case 'enum':
      return `使える値 (${p.allowed}) のどれかを書いてください`;
    case 'text':
      return `引用符で囲んだ文字を書いてください (例: "${p.value}")`;
    case 'yes-no':
      return 'true か false を書いてください';
    default:
      return '値を変えてください';
  }
}

export function valueTypeJa(p: DiagnosticParams): string | undefined {
  const list = p.list === undefined ? '' : `リスト ${q(p.list)} の `;
  const value = p.valueKind === 'string' ? q(p.value) : String(p.value);
  const valueKind = p.valueKind === 'string' ? '文字' : p.valueKind === 'number' ? '数値' : 'はい/いいえの値';
  const what = `${list}${value} は${valueKind}`;
  switch (p.kind) {
    case 'ordering':
      return `大小の比較 (${p.op}) には数値が必要ですが、${what}です — 数を書いてください (例: ${p.field} ${p.op} 100)`;
    case 'compare':
    case 'element':
      return `${what}ですが、${q(p.field)} は${kinds(p.fieldKinds)}の項目です — ${valueHint(p)}`;
    case 'substring':
      return `文字の項目 ${q(p.field)} への contains は文字を探しますが、${what}です — 引用符で囲んでください: "${p.value}"`;
    case 'item':
      return `${what}ですが、${q(p.field)} の要素は${kinds(p.fieldKinds)}です — ${valueHint(p)}`;
    default:
      return undefined;
  }
}

export function numberRangeJa(p: DiagnosticParams): string | undefined {
  switch (p.kind) {
    case 'duration':
      return `期間 ${p.duration} は 100 年を超えています: ${p.most} 以下にしてください (${fmt(p.days)} 日)`;
    case 'points':
      return `点数 ${p.points} は大きすぎます: 1 つのルールで増減できるのは ${fmt(p.most)} 点まで (-${p.most} 〜 +${p.most}) です`;
    case 'cap':
      return `max ${fmt(p.limit)} は大きすぎます: 上限は ${fmt(p.most)} までです`;
    case 'group-limit':
      return `${p.keyword} ${fmt(p.limit)} は大きすぎます: グループの max と min は -${fmt(p.most)} 〜 ${fmt(p.most)} の範囲です`;
    case 'compared':
      return `数 ${p.number} は大きすぎて正確に比べられません: 条件に書ける数は -${fmt(p.most)} 〜 ${fmt(p.most)} です`;
    default:
      return undefined;
  }
}

export function unreachableTierJa(p: DiagnosticParams): string | undefined {
  const never = `ティア ${q(p.tier)} には決して当てはまりません`;
  switch (p.kind) {
    case 'after-otherwise':
      return `${never}: 上のティア ${q(p.other)} が "otherwise" で、先にすべてのリードに当てはまります — "otherwise" を末尾に移してください`;
    case 'threshold':
      return `${never}: ${p.threshold} 点以上のスコアはすべて、上のティア ${q(p.other)} (>= ${p.otherThreshold}) に先に当てはまります — ティアはしきい値の高い順に並べてください`;
    case 'same-condition':
      return `${never}: 条件が ${p.line} 行目のティア ${q(p.other)} と同じです — どちらかを変えるか削除してください`;
    default:
      return undefined;
  }
}

/** 「3 行目のルール ("役員") の +30」 */
function ruleRef(p: DiagnosticParams): string {
  return `${p.line} 行目のルール${p.label === undefined ? '' : ` ("${p.label}")`}`;
}

export function groupMaxBelowPointsJa(p: DiagnosticParams): string | undefined {
  switch (p.kind) {
    case 'max':
      return `グループ ${q(p.group)} の max ${p.limit} が ${ruleRef(p)}の ${p.points} より小さいため、そのルールの点が上限で削られます — max を上げるか点数を下げてください`;
    case 'min':
      return `グループ ${q(p.group)} の min ${p.limit} が ${ruleRef(p)}の ${p.points} より上のため、そのルールの減点が下限で削られます — min を下げるか点数を上げてください`;
    default:
      return undefined;
  }
}

export function duplicateConditionJa(p: DiagnosticParams): string {
  return `このルールは ${ruleRef(p)}と同じ条件です — どちらも同じリードに点を付けます。1 つのルールにまとめるか、どちらかの条件を変えてください`;
}
