/** The complete example of the language (docs/language.md#1-a-first-look), verbatim (shared by the grammar tests). */
export const SPEC_EXAMPLE = `
# rules/b2b-saas.score — the scoring model of a B2B SaaS company
schema "./lead.schema.json"

let 決裁者 = [役員, 部長]

group 属性 max 60 {
  when employees >= 100          +20 "ターゲット規模"
  when industry in [製造業, 情報通信業] +15 "ターゲット業種"
  when role in 決裁者             +25 "決裁者層"
  when role in [課長, 主任]       +10 "担当者層"
  when email contains "@gmail.com" -15
}

group 行動 {
  on whitepaper_download +20
  on email_open +5 each max 20
  on email_click +10 each within 90d
  on page_view where url contains "/pricing" +30 "料金ページ閲覧"
  on form_reach +40
  on webinar_attend +25
  after 30d inactive -10 "一定期間行動なし"
}

tier MQL >= 60
tier 中関心 >= 30
tier 低関心 otherwise
`.slice(1);
