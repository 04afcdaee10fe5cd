/** The words and weights the example leads and events are drawn from. */
import { type Industry, type LeadSource, type Prefecture, PREFECTURES, type Role } from './model.js';

/** [kanji, romaji] */
export type Word = readonly [string, string];

export const FAMILY_NAMES: readonly Word[] = [
  ['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['伊藤', 'ito'],
  ['渡辺', 'watanabe'], ['山本', 'yamamoto'], ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'],
  ['吉田', 'yoshida'], ['山田', 'yamada'], ['佐々木', 'sasaki'], ['山口', 'yamaguchi'], ['松本', 'matsumoto'],
  ['井上', 'inoue'], ['木村', 'kimura'], ['林', 'hayashi'], ['斎藤', 'saito'], ['清水', 'shimizu'],
  ['山崎', 'yamazaki'], ['森', 'mori'], ['池田', 'ikeda'], ['橋本', 'hashimoto'], ['阿部', 'abe'],
  ['石川', 'ishikawa'], ['山下', 'yamashita'], ['中島', 'nakajima'], ['石井', 'ishii'], ['小川', 'ogawa'],
  ['前田', 'maeda'], ['岡田', 'okada'], ['長谷川', 'hasegawa'], ['藤田', 'fujita'], ['後藤', 'goto'],
  ['近藤', 'kondo'], ['村上', 'murakami'], ['遠藤', 'endo'], ['青木', 'aoki'], ['坂本', 'sakamoto'],
  ['西村', 'nishimura'], ['福田', 'fukuda'], ['太田', 'ota'], ['三浦', 'miura'], ['藤井', 'fujii'],
];

export const GIVEN_NAMES: readonly Word[] = [
  ['翔太', 'shota'], ['大輔', 'daisuke'], ['健太', 'kenta'], ['拓也', 'takuya'], ['直樹', 'naoki'],
  ['誠', 'makoto'], ['浩二', 'koji'], ['隆', 'takashi'], ['雄一', 'yuichi'], ['和也', 'kazuya'],
  ['亮', 'ryo'], ['達也', 'tatsuya'], ['聡', 'satoshi'], ['修', 'osamu'], ['剛', 'tsuyoshi'],
  ['太郎', 'taro'], ['一郎', 'ichiro'], ['健一', 'kenichi'], ['翼', 'tsubasa'], ['蓮', 'ren'],
  ['智子', 'tomoko'], ['陽子', 'yoko'], ['美穂', 'miho'], ['恵', 'megumi'], ['由美', 'yumi'],
  ['麻衣', 'mai'], ['彩', 'aya'], ['愛', 'ai'], ['真由美', 'mayumi'], ['裕子', 'yuko'],
  ['沙織', 'saori'], ['奈々', 'nana'], ['結衣', 'yui'], ['美咲', 'misaki'], ['千尋', 'chihiro'],
  ['明美', 'akemi'], ['香織', 'kaori'], ['舞', 'mai'], ['遥', 'haruka'], ['葵', 'aoi'],
];

export const COMPANY_STEMS: readonly Word[] = [
  ['東和', 'towa'], ['日進', 'nisshin'], ['大和', 'yamato'], ['協和', 'kyowa'], ['三栄', 'sanei'],
  ['富士見', 'fujimi'], ['北斗', 'hokuto'], ['旭', 'asahi'], ['光洋', 'koyo'], ['明和', 'meiwa'],
  ['昭栄', 'shoei'], ['太平', 'taihei'], ['中央', 'chuo'], ['青葉', 'aoba'], ['さくら', 'sakura'],
  ['若葉', 'wakaba'], ['関東', 'kanto'], ['東邦', 'toho'], ['新星', 'shinsei'], ['平和', 'heiwa'],
  ['共栄', 'kyoei'], ['双葉', 'futaba'], ['朝日', 'asahi'], ['丸善', 'maruzen'], ['日東', 'nitto'],
  ['大成', 'taisei'], ['信和', 'shinwa'], ['菱和', 'ryowa'], ['松葉', 'matsuba'], ['瑞穂', 'mizuho'],
  ['みらい', 'mirai'], ['ひかり', 'hikari'], ['あおぞら', 'aozora'], ['グリーン', 'green'], ['アルファ', 'alpha'],
  ['ネクスト', 'next'], ['サンライズ', 'sunrise'], ['ブルーオーシャン', 'blueocean'], ['エムズ', 'ms'], ['ケイアンドエス', 'kands'],
  ['山田', 'yamada'], ['佐藤', 'sato'], ['高木', 'takagi'], ['岡本', 'okamoto'], ['森田', 'morita'],
  ['北海', 'hokkai'], ['浪速', 'naniwa'], ['尾張', 'owari'], ['筑紫', 'tsukushi'], ['湘南', 'shonan'],
];

export const COMPANY_SUFFIXES: Readonly<Record<Industry, readonly Word[]>> = {
  製造業: [['製作所', 'seisakusho'], ['工業', 'kogyo'], ['精機', 'seiki'], ['電機', 'denki'], ['化学', 'kagaku'], ['金属', 'kinzoku'], ['製薬', 'seiyaku'], ['食品', 'foods']],
  情報通信業: [['システムズ', 'systems'], ['テクノロジーズ', 'tech'], ['ソフト', 'soft'], ['ネットワークス', 'networks'], ['データ', 'data'], ['情報サービス', 'is'], ['ソリューションズ', 'solutions']],
  小売業: [['商店', 'shoten'], ['ストア', 'store'], ['リテール', 'retail'], ['ドラッグ', 'drug'], ['ホームセンター', 'homecenter']],
  金融業: [['証券', 'sec'], ['ファイナンス', 'finance'], ['リース', 'lease'], ['保険サービス', 'hoken'], ['キャピタル', 'capital']],
  建設業: [['建設', 'kensetsu'], ['工務店', 'komuten'], ['建工', 'kenko'], ['設備', 'setsubi'], ['ハウス', 'house']],
  卸売業: [['商事', 'shoji'], ['物産', 'bussan'], ['産業', 'sangyo'], ['通商', 'tsusho']],
  サービス業: [['コンサルティング', 'consulting'], ['サービス', 'service'], ['人材センター', 'jinzai'], ['ロジスティクス', 'logi'], ['メディカル', 'medical']],
  その他: [['ホールディングス', 'hd'], ['エンタープライズ', 'enterprise'], ['興業', 'kogyo'], ['交通', 'kotsu']],
};

export const INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = [
  ['製造業', 25], ['情報通信業', 22], ['小売業', 9], ['金融業', 7], ['建設業', 8], ['卸売業', 9], ['サービス業', 13], ['その他', 7],
];

export const ROLE_WEIGHTS: readonly (readonly [Role, number])[] = [
  ['役員', 5], ['部長', 12], ['課長', 18], ['主任', 15], ['担当者', 45], ['学生', 5],
];

export const SOURCE_WEIGHTS: readonly (readonly [LeadSource, number])[] = [
  ['Web問い合わせ', 8], ['資料請求', 30], ['展示会', 22], ['ウェビナー', 18], ['紹介', 5], ['広告', 17],
];

export const BIG_PREFECTURES: readonly (readonly [Prefecture, number])[] = [
  ['東京都', 70], ['大阪府', 18], ['神奈川県', 13], ['愛知県', 12], ['埼玉県', 6], ['福岡県', 7], ['千葉県', 5],
  ['兵庫県', 5], ['北海道', 5], ['静岡県', 4], ['京都府', 4], ['宮城県', 3], ['広島県', 3],
];
export const PREFECTURE_WEIGHTS: readonly (readonly [Prefecture, number])[] = PREFECTURES.map(
  (p): readonly [Prefecture, number] => [p, BIG_PREFECTURES.find(([q]) => q === p)?.[1] ?? 0.8],
);

export const TAGS: readonly string[] = ['展示会2026春', '既存顧客', '競合製品利用中', '予算確定', 'パートナー経由', '再訪問', 'ニュースレター購読', 'セミナー参加歴あり'];

/** [path, weight] of ordinary (non-pricing) pages of the vendor's site; `url` holds the path, as most MA exports do. */
export const PAGES: readonly (readonly [string, number])[] = [
  ['/', 18], ['/product', 10], ['/product/features', 8], ['/product/integrations', 4], ['/product/security', 3],
  ['/case-studies', 6], ['/case-studies/manufacturing-dx', 3], ['/case-studies/it-inside-sales', 3], ['/case-studies/retail-crm', 2],
  ['/blog/lead-scoring-basics', 6], ['/blog/mql-definition', 5], ['/blog/nurturing-email-tips', 4], ['/blog/sfa-ma-integration', 4],
  ['/blog/kpi-dashboard', 3], ['/resources', 4], ['/resources/whitepaper', 3], ['/webinar', 3], ['/company', 3], ['/recruit', 2],
  ['/news/2026-09-release', 2], ['/support/faq', 2],
];
export const PRICING_PAGES: readonly (readonly [string, number])[] = [['/pricing', 6], ['/pricing/enterprise', 2], ['/pricing/faq', 1]];

export const WHITEPAPERS: readonly string[] = [
  'リードスコアリング入門ガイド', '製造業のDX事例集2026', 'MA導入チェックリスト', 'BtoBマーケティング実態調査レポート', 'インサイドセールス立ち上げガイド',
];
export const WEBINARS: readonly string[] = [
  'はじめてのリードスコアリング', 'MQL定義を営業と合意する方法', '製造業のためのMA活用セミナー', '商談化率を上げるナーチャリング設計',
];
export const FORMS = ['問い合わせ', 'デモ依頼', '見積依頼'] as const;

/** Campaign names by yyyy-mm (JST) of the event. */
export function campaignsFor(yyyyMm: string): readonly string[] {
  const month = Number(yyyyMm.slice(5));
  return [`nl_${yyyyMm}`, `seminar_${yyyyMm}`, month % 2 === 0 ? `case_${yyyyMm}` : `wp_${yyyyMm}`];
}
