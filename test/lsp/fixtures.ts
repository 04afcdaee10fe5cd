import { TextIndex } from '../../compiler/language-service/positions.js';

/** A Japanese rule file and its schema; `𠮷` (beyond the BMP, two UTF-16 units) tests position counting. */
export const SCHEMA = {
  lead: {
    type: 'object',
    properties: {
      役職: { enum: ['役員', '部長', '課長', '担当者'], description: '役職' },
      従業員数: { type: 'integer', description: '従業員数 (不明なら未設定)' },
      𠮷田フラグ: { type: 'boolean', description: '𠮷田さんの担当' },
      業種: { enum: ['製造業', '情報通信業'] },
    },
  },
  events: {
    資料請求: { type: 'object', properties: { 種類: { enum: ['ホワイトペーパー', '事例集'] } } },
    ウェビナー参加: { type: 'object', properties: {} },
  },
};

export const RULES = `schema "./lead.schema.json"

let 決裁者 = [役員, 部長]

group 属性 max 60 {
  when 𠮷田フラグ and 役職 in 決裁者 +25 "決裁者層"
  when 従業員数 >= 100 +20 "規模"
}

group 行動 {
  on 資料請求 where 種類 = ホワイトペーパー +20 "資料"
  on ウェビナー参加 +10 each max 30
}

tier MQL when 属性 >= 40 and 行動 >= 10
tier 低関心 otherwise
`;

/** The {line, character} of the `nth` occurrence of `needle` in `text`, plus `delta` UTF-16 units. */
export function positionOf(text: string, needle: string, nth = 0, delta = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${nth} not in the text`);
  }
  const { line, character } = new TextIndex(text).positionAt(at + delta);
  return { line, character };
}
