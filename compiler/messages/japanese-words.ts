/** Small pieces the Japanese messages share: quoting, "did you mean", names of kinds and periods. */
import type { Diagnostic } from '../../grammar/diagnostic.js';

export const q = (v: unknown): string => `「${String(v)}」`;

/** " — もしかして 「a」 ですか?" from the diagnostic's suggestions, or from a comma-separated list. */
export function didYouMean(d: Diagnostic, near?: string | number): string {
  const s = near === undefined ? (d.suggestions ?? []) : String(near).split(', ');
  return s.length === 0 ? '' : ` — もしかして ${s.map(q).join('、')} ですか?`;
}

const KINDS: Readonly<Record<string, string>> = {
  text: '文字',
  number: '数値',
  'yes/no': 'はい/いいえ',
  list: 'リスト',
  object: 'オブジェクト',
  any: '任意の型',
};

/** `text,number` (compiler/checks/typing.ts kindList) → 「文字または数値」. */
export function kinds(list: string | number | undefined): string {
  return String(list ?? 'any')
    .split(',')
    .map((k) => KINDS[k] ?? k)
    .join('または');
}

const PERIODS: Readonly<Record<string, string>> = { day: '日', week: '週', month: '月' };

export function period(p: string | number | undefined): string {
  return PERIODS[String(p)] ?? String(p);
}

/** 1000000 → "1,000,000". */
export function fmt(n: string | number | undefined): string {
  return Number(n).toLocaleString('ja-JP');
}
