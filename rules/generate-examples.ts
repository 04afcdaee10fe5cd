/**
 * Deterministic generator of realistic example data for rules/b2b-saas.score:
 * Japanese B2B leads and their marketing events (page views, e-mail opens and
 * clicks, white-paper downloads, webinars, inquiry forms) over the six months
 * before a fixed as-of instant.
 *
 * Everything is derived from a seeded PRNG (mulberry32): the same options
 * always give the same data, byte for byte. No Math.random, no clock.
 *
 * As a script (`node dist/rules/generate-examples.js [OUT_DIR]`, OUT_DIR
 * defaulting to ./examples) it writes:
 *   leads.jsonl              one lead per line, no nested events
 *   events.jsonl             one event per line: {"lead_id","type","at",...props}, in time order
 *   leads.csv                the same leads as CSV (arrays as `a;b`, missing as an empty cell)
 *   leads-with-events.json   a JSON array of 50 leads with nested `events`
 *
 * As a module it exports `generateExampleData` so benchmarks and tests can
 * build any number of leads in memory without touching files.
 */
import { mulberry32 } from '../runtime/random.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// ---------------------------------------------------------------------------
// Public types and constants

/** The fixed as-of instant of the example data. */
export const AS_OF = '2026-11-01T00:00:00+09:00';
export const AS_OF_MS = Date.parse(AS_OF);
export const DEFAULT_SEED = 20261101;
export const DEFAULT_LEAD_COUNT = 3000;

export const INDUSTRIES = ['製造業', '情報通信業', '小売業', '金融業', '建設業', '卸売業', 'サービス業', 'その他'] as const;
export const ROLES = ['役員', '部長', '課長', '主任', '担当者', '学生'] as const;
export const LEAD_SOURCES = ['Web問い合わせ', '資料請求', '展示会', 'ウェビナー', '紹介', '広告'] as const;
export const EVENT_TYPES = ['page_view', 'email_open', 'email_click', 'whitepaper_download', 'form_reach', 'webinar_attend', '失注'] as const;
export const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県',
  '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県',
  '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県',
  '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;

export type Industry = (typeof INDUSTRIES)[number];
export type Role = (typeof ROLES)[number];
export type LeadSource = (typeof LEAD_SOURCES)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type Prefecture = (typeof PREFECTURES)[number];

/** One lead as rules/lead.schema.json describes it. Optional fields may be absent; `employees` may be null. */
export interface ExampleLead {
  id: string;
  name?: string;
  company?: string;
  email?: string;
  employees?: number | null;
  industry?: Industry;
  role?: Role;
  prefecture?: Prefecture;
  lead_source?: LeadSource;
  opted_out?: boolean;
  tags?: string[];
  created_at?: string;
  opportunity?: boolean;
}

/** One event: `lead_id`, `type`, `at` (ISO 8601 with +09:00), then the event's properties. */
export interface ExampleEvent {
  lead_id: string;
  type: EventType;
  at: string;
  url?: string;
  campaign?: string;
  title?: string;
  form?: '問い合わせ' | 'デモ依頼' | '見積依頼';
}

export interface GenerateOptions {
  /** Number of leads. */
  leads: number;
  /** PRNG seed; default 20261101. */
  seed?: number;
  /** Mean number of events per lead (including leads without events); default 12. */
  meanEvents?: number;
  /** The as-of instant (epoch ms); default 2026-11-01T00:00:00+09:00. Events are generated up to it, never after. */
  asOfMs?: number;
}

export interface ExampleData {
  /** Leads in id order. */
  leads: ExampleLead[];
  /** Events grouped by lead (in lead order), each lead's events in time order. */
  events: ExampleEvent[];
}

// ---------------------------------------------------------------------------
// PRNG


class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error('weighted pick from an empty list');
    return last[0];
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

// ---------------------------------------------------------------------------
// Vocabulary

/** [kanji, romaji] */
type Word = readonly [string, string];

const FAMILY_NAMES: readonly Word[] = [
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

const GIVEN_NAMES: readonly Word[] = [
  ['翔太', 'shota'], ['大輔', 'daisuke'], ['健太', 'kenta'], ['拓也', 'takuya'], ['直樹', 'naoki'],
  ['誠', 'makoto'], ['浩二', 'koji'], ['隆', 'takashi'], ['雄一', 'yuichi'], ['和也', 'kazuya'],
  ['亮', 'ryo'], ['達也', 'tatsuya'], ['聡', 'satoshi'], ['修', 'osamu'], ['剛', 'tsuyoshi'],
  ['太郎', 'taro'], ['一郎', 'ichiro'], ['健一', 'kenichi'], ['翼', 'tsubasa'], ['蓮', 'ren'],
  ['智子', 'tomoko'], ['陽子', 'yoko'], ['美穂', 'miho'], ['恵', 'megumi'], ['由美', 'yumi'],
  ['麻衣', 'mai'], ['彩', 'aya'], ['愛', 'ai'], ['真由美', 'mayumi'], ['裕子', 'yuko'],
  ['沙織', 'saori'], ['奈々', 'nana'], ['結衣', 'yui'], ['美咲', 'misaki'], ['千尋', 'chihiro'],
  ['明美', 'akemi'], ['香織', 'kaori'], ['舞', 'mai'], ['遥', 'haruka'], ['葵', 'aoi'],
];

const COMPANY_STEMS: readonly Word[] = [
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

const COMPANY_SUFFIXES: Readonly<Record<Industry, readonly Word[]>> = {
  製造業: [['製作所', 'seisakusho'], ['工業', 'kogyo'], ['精機', 'seiki'], ['電機', 'denki'], ['化学', 'kagaku'], ['金属', 'kinzoku'], ['製薬', 'seiyaku'], ['食品', 'foods']],
  情報通信業: [['システムズ', 'systems'], ['テクノロジーズ', 'tech'], ['ソフト', 'soft'], ['ネットワークス', 'networks'], ['データ', 'data'], ['情報サービス', 'is'], ['ソリューションズ', 'solutions']],
  小売業: [['商店', 'shoten'], ['ストア', 'store'], ['リテール', 'retail'], ['ドラッグ', 'drug'], ['ホームセンター', 'homecenter']],
  金融業: [['証券', 'sec'], ['ファイナンス', 'finance'], ['リース', 'lease'], ['保険サービス', 'hoken'], ['キャピタル', 'capital']],
  建設業: [['建設', 'kensetsu'], ['工務店', 'komuten'], ['建工', 'kenko'], ['設備', 'setsubi'], ['ハウス', 'house']],
  卸売業: [['商事', 'shoji'], ['物産', 'bussan'], ['産業', 'sangyo'], ['通商', 'tsusho']],
  サービス業: [['コンサルティング', 'consulting'], ['サービス', 'service'], ['人材センター', 'jinzai'], ['ロジスティクス', 'logi'], ['メディカル', 'medical']],
  その他: [['ホールディングス', 'hd'], ['エンタープライズ', 'enterprise'], ['興業', 'kogyo'], ['交通', 'kotsu']],
};

const INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = [
  ['製造業', 25], ['情報通信業', 22], ['小売業', 9], ['金融業', 7], ['建設業', 8], ['卸売業', 9], ['サービス業', 13], ['その他', 7],
];

const ROLE_WEIGHTS: readonly (readonly [Role, number])[] = [
  ['役員', 5], ['部長', 12], ['課長', 18], ['主任', 15], ['担当者', 45], ['学生', 5],
];

const SOURCE_WEIGHTS: readonly (readonly [LeadSource, number])[] = [
  ['Web問い合わせ', 8], ['資料請求', 30], ['展示会', 22], ['ウェビナー', 18], ['紹介', 5], ['広告', 17],
];

const BIG_PREFECTURES: readonly (readonly [Prefecture, number])[] = [
  ['東京都', 70], ['大阪府', 18], ['神奈川県', 13], ['愛知県', 12], ['埼玉県', 6], ['福岡県', 7], ['千葉県', 5],
  ['兵庫県', 5], ['北海道', 5], ['静岡県', 4], ['京都府', 4], ['宮城県', 3], ['広島県', 3],
];
const PREFECTURE_WEIGHTS: readonly (readonly [Prefecture, number])[] = PREFECTURES.map(
  (p): readonly [Prefecture, number] => [p, BIG_PREFECTURES.find(([q]) => q === p)?.[1] ?? 0.8],
);

const TAGS: readonly string[] = ['展示会2026春', '既存顧客', '競合製品利用中', '予算確定', 'パートナー経由', '再訪問', 'ニュースレター購読', 'セミナー参加歴あり'];

/** [path, weight] of ordinary (non-pricing) pages of the vendor's site; `url` holds the path, as most MA exports do. */
const PAGES: readonly (readonly [string, number])[] = [
  ['/', 18], ['/product', 10], ['/product/features', 8], ['/product/integrations', 4], ['/product/security', 3],
  ['/case-studies', 6], ['/case-studies/manufacturing-dx', 3], ['/case-studies/it-inside-sales', 3], ['/case-studies/retail-crm', 2],
  ['/blog/lead-scoring-basics', 6], ['/blog/mql-definition', 5], ['/blog/nurturing-email-tips', 4], ['/blog/sfa-ma-integration', 4],
  ['/blog/kpi-dashboard', 3], ['/resources', 4], ['/resources/whitepaper', 3], ['/webinar', 3], ['/company', 3], ['/recruit', 2],
  ['/news/2026-09-release', 2], ['/support/faq', 2],
];
const PRICING_PAGES: readonly (readonly [string, number])[] = [['/pricing', 6], ['/pricing/enterprise', 2], ['/pricing/faq', 1]];

const WHITEPAPERS: readonly string[] = [
  'リードスコアリング入門ガイド', '製造業のDX事例集2026', 'MA導入チェックリスト', 'BtoBマーケティング実態調査レポート', 'インサイドセールス立ち上げガイド',
];
const WEBINARS: readonly string[] = [
  'はじめてのリードスコアリング', 'MQL定義を営業と合意する方法', '製造業のためのMA活用セミナー', '商談化率を上げるナーチャリング設計',
];
const FORMS = ['問い合わせ', 'デモ依頼', '見積依頼'] as const;

/** Campaign names by yyyy-mm (JST) of the event. */
function campaignsFor(yyyyMm: string): readonly string[] {
  const month = Number(yyyyMm.slice(5));
  return [`nl_${yyyyMm}`, `seminar_${yyyyMm}`, month % 2 === 0 ? `case_${yyyyMm}` : `wp_${yyyyMm}`];
}

// ---------------------------------------------------------------------------
// Helpers

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const JST = 9 * HOUR;

/** Formats epoch ms as ISO 8601 in JST, to the second: `2026-08-12T14:23:05+09:00`. */
export function toJstIso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000 + JST).toISOString().slice(0, 19) + '+09:00';
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

interface Company {
  name: string;
  domain: string;
  industry: Industry;
  employees: number;
  prefecture: Prefecture;
}

function makeCompany(rng: Rng): Company {
  const industry = rng.weighted(INDUSTRY_WEIGHTS);
  const [stemJa, stemEn] = rng.pick(COMPANY_STEMS);
  const [sufJa, sufEn] = rng.pick(COMPANY_SUFFIXES[industry]);
  const base = stemJa + sufJa;
  const form = rng.weighted([['株式会社前', 60], ['株式会社後', 32], ['有限会社', 5], ['合同会社', 3]] as const);
  const name = form === '株式会社前' ? `株式会社${base}` : form === '株式会社後' ? `${base}株式会社` : form === '有限会社' ? `有限会社${base}` : `${base}合同会社`;
  const tld = rng.weighted([['.co.jp', 80], ['.jp', 8], ['.com', 12]] as const);
  const domain = `${stemEn}-${sufEn}${tld}`;
  // Log-normal: median ~60 employees, a long tail of large enterprises.
  const employees = Math.max(1, Math.min(150_000, Math.round(Math.exp(Math.log(60) + 1.5 * rng.normal()))));
  return { name, domain, industry, employees, prefecture: rng.weighted(PREFECTURE_WEIGHTS) };
}

/** What a lead "reports" as its company size: web forms often take ranges, so values are often rounded. */
function reportedEmployees(rng: Rng, actual: number): number {
  if (!rng.chance(0.35)) return actual;
  const bands = [10, 30, 50, 100, 300, 500, 1000, 3000, 5000, 10000];
  let best = bands[0] ?? 10;
  for (const b of bands) if (Math.abs(b - actual) < Math.abs(best - actual)) best = b;
  return best;
}

function emailFor(rng: Rng, family: Word, given: Word, company: Company, role: Role): string {
  const freeMailChance = role === '学生' ? 0.75 : company.employees < 20 ? 0.3 : 0.1;
  if (rng.chance(freeMailChance)) {
    const domain = rng.weighted([['gmail.com', 75], ['yahoo.co.jp', 20], ['icloud.com', 5]] as const);
    const local = rng.weighted([
      [`${given[1]}.${family[1]}`, 3],
      [`${family[1]}${given[1]}${rng.int(70, 99)}`, 2],
      [`${given[1]}_${family[1]}${rng.int(1, 999)}`, 2],
    ] as const);
    return `${local}@${domain}`;
  }
  const local = rng.weighted([
    [`${family[1]}`, 2],
    [`${given[1][0] ?? ''}.${family[1]}`, 3],
    [`${family[1]}.${given[1]}`, 3],
    [`${given[1]}.${family[1]}`, 2],
  ] as const);
  return `${local}@${company.domain}`;
}

// ---------------------------------------------------------------------------
// Generation

/**
 * The hidden model the example `opportunity` is drawn from: log-odds terms of
 * what really drives conversion in the example company. Compared with the
 * points of rules/b2b-saas.score, webinar attendance is under-weighted there
 * (+25 for the second-strongest signal), the white-paper download is
 * over-weighted (+20 for no effect at all) and Gmail is over-weighted (−15
 * for a small effect). Pricing page, inquiry form, recent activity and fit
 * are about right.
 */
export const HIDDEN_OUTCOME_MODEL = {
  intercept: -5.3,
  pricingPage: 1.2,
  formReach: 2.0,
  webinar: 1.9,
  whitepaper: 0,
  fourOpens: 0.2,
  recentActivity: 0.7,
  decisionMaker: 0.9,
  sectionManager: 0.3,
  bigCompany: 0.5,
  targetIndustry: 0.3,
  student: -2.0,
  freeMail: -0.1,
  noise: 0.6,
} as const;

const DECISION_MAKERS: readonly Role[] = ['役員', '部長'];
const TARGET_INDUSTRIES: readonly Industry[] = ['製造業', '情報通信業'];

/**
 * Generates `options.leads` leads and their events, deterministically from
 * `options.seed`. Leads are `L00001`, `L00002`, … (at least five digits).
 * Behaviour depends on fit (role, size, industry) and a latent interest, and
 * `opportunity` is drawn from a hidden logistic model of behaviour and fit
 * (HIDDEN_OUTCOME_MODEL), so that scores predict it — imperfectly, and with
 * some rules of rules/b2b-saas.score deliberately mis-weighted against it:
 * webinar attendance matters far more than its +25, a white-paper download
 * hardly at all despite its +20 (and downloads do not follow interest), a
 * Gmail address much less than its −15. `leadscore report` should flag
 * those rules and `leadscore tune` should move their points (docs/kpi.md).
 */
export function generateExampleData(options: GenerateOptions): ExampleData {
  const count = Math.max(0, Math.floor(options.leads));
  const rng = new Rng(options.seed ?? DEFAULT_SEED);
  // Lost deals (失注) come from their own generator, so every other lead and event stays as it was.
  const lostRng = new Rng((options.seed ?? DEFAULT_SEED) ^ 0x5a17);
  const asOf = options.asOfMs ?? AS_OF_MS;
  const meanEvents = options.meanEvents ?? 12;
  const windowStart = asOf - 182 * DAY;
  const firstCreated = asOf - 540 * DAY;
  // Same-offset ISO strings order like the instants they name.
  const recentSince = toJstIso(asOf - 30 * DAY);

  const companies: Company[] = [];
  const companyCount = Math.max(20, Math.round(count * 0.55));
  for (let i = 0; i < companyCount; i++) companies.push(makeCompany(rng));

  const idWidth = Math.max(5, String(count).length);
  const leads: ExampleLead[] = [];
  const events: ExampleEvent[] = [];
  // Leads with events get on average meanEvents / (share with events).
  const noEventShare = 0.08;
  const activeMean = meanEvents / (1 - noEventShare);

  for (let i = 0; i < count; i++) {
    const id = `L${String(i + 1).padStart(idWidth, '0')}`;
    const company = rng.pick(companies);
    const family = rng.pick(FAMILY_NAMES);
    const given = rng.pick(GIVEN_NAMES);
    const role = rng.weighted(ROLE_WEIGHTS);
    const source = rng.weighted(SOURCE_WEIGHTS);
    const email = emailFor(rng, family, given, company, role);
    // Lead creation: skewed towards recent months (marketing spend grows).
    const createdMs = Math.floor(asOf - (asOf - firstCreated) * Math.pow(rng.float(), 1.6) - rng.int(0, 3) * HOUR);
    const optedOut = rng.chance(0.05);

    const lead: ExampleLead = { id };
    if (!rng.chance(0.01)) lead.name = `${family[0]} ${given[0]}`;
    if (role !== '学生' || rng.chance(0.3)) {
      if (!rng.chance(0.02)) lead.company = company.name;
    }
    if (!rng.chance(0.005)) lead.email = email;
    const employeesRoll = rng.float();
    if (employeesRoll >= 0.05) lead.employees = reportedEmployees(rng, company.employees);
    else if (employeesRoll >= 0.03) lead.employees = null;
    if (!rng.chance(0.03)) lead.industry = company.industry;
    if (!rng.chance(0.04)) lead.role = role;
    if (!rng.chance(0.05)) lead.prefecture = company.prefecture;
    if (!rng.chance(0.02)) lead.lead_source = source;
    if (!rng.chance(0.1)) lead.opted_out = optedOut;
    if (rng.chance(0.35)) {
      const tags = new Set<string>();
      const n = rng.int(1, 3);
      for (let t = 0; t < n; t++) tags.add(rng.pick(TAGS));
      lead.tags = [...tags];
    }
    lead.created_at = toJstIso(createdMs);

    // Latent interest: fit makes engagement more likely, but noise dominates.
    const isDecision = DECISION_MAKERS.includes(role);
    const big = company.employees >= 100;
    const target = TARGET_INDUSTRIES.includes(company.industry);
    const freeMail = email.endsWith('@gmail.com') || email.endsWith('@yahoo.co.jp') || email.endsWith('@icloud.com');
    const z =
      rng.normal() * 1.0 +
      (isDecision ? 0.4 : 0) +
      (big ? 0.25 : 0) +
      (target ? 0.2 : 0) +
      (role === '学生' ? -0.9 : 0) +
      (source === 'Web問い合わせ' ? 0.6 : source === 'ウェビナー' ? 0.3 : 0);
    const interest = sigmoid(z - 0.3);

    const leadEvents = generateEvents(rng, id, {
      interest,
      optedOut,
      source,
      start: Math.max(windowStart, createdMs),
      asOf,
      mean: activeMean,
      noEventShare,
    });
    for (const e of withLostDeal(lostRng, id, leadEvents, asOf)) events.push(e);

    // Outcome: became a sales opportunity (商談化).
    let pricing = false;
    let form = false;
    let webinar = false;
    let whitepaper = false;
    let recent = false;
    let opens = 0;
    for (const e of leadEvents) {
      if (e.type === 'page_view' && e.url !== undefined && e.url.includes('/pricing')) pricing = true;
      else if (e.type === 'form_reach') form = true;
      else if (e.type === 'webinar_attend') webinar = true;
      else if (e.type === 'whitepaper_download') whitepaper = true;
      else if (e.type === 'email_open') opens++;
      if (e.at > recentSince) recent = true;
    }
    const m = HIDDEN_OUTCOME_MODEL;
    const logit =
      m.intercept +
      (pricing ? m.pricingPage : 0) +
      (form ? m.formReach : 0) +
      (webinar ? m.webinar : 0) +
      (whitepaper ? m.whitepaper : 0) +
      (opens >= 4 ? m.fourOpens : 0) +
      (recent ? m.recentActivity : 0) +
      (isDecision ? m.decisionMaker : role === '課長' ? m.sectionManager : 0) +
      (big ? m.bigCompany : 0) +
      (target ? m.targetIndustry : 0) +
      (role === '学生' ? m.student : 0) +
      (freeMail ? m.freeMail : 0) +
      m.noise * rng.normal();
    const opportunity = rng.chance(sigmoid(logit));
    if (!rng.chance(0.01)) lead.opportunity = opportunity;

    leads.push(lead);
  }
  return { leads, events };
}

/**
 * About one engaged lead in ten had a deal that was lost (失注, recorded by
 * sales in the CRM): a day or three after one of its events, never after
 * the as-of instant. Returns the lead's events with it, in time order.
 */
function withLostDeal(rng: Rng, leadId: string, leadEvents: readonly ExampleEvent[], asOf: number): ExampleEvent[] {
  if (leadEvents.length < 3 || !rng.chance(0.1)) return [...leadEvents];
  const after = rng.pick(leadEvents.slice(1));
  const at = Date.parse(after.at) + rng.int(1, 3) * DAY + rng.int(9, 18) * HOUR;
  if (at >= asOf) return [...leadEvents];
  const lost: ExampleEvent = { lead_id: leadId, type: '失注', at: toJstIso(at) };
  // Same-offset ISO strings order like the instants they name.
  return [...leadEvents.filter((e) => e.at <= lost.at), lost, ...leadEvents.filter((e) => e.at > lost.at)];
}

interface EventPlan {
  interest: number;
  optedOut: boolean;
  source: LeadSource;
  start: number;
  asOf: number;
  mean: number;
  noEventShare: number;
}

function generateEvents(rng: Rng, leadId: string, plan: EventPlan): ExampleEvent[] {
  const { interest, asOf } = plan;
  if (rng.chance(plan.noEventShare) || plan.start >= asOf - HOUR) return [];
  // Heavy-tailed count (exponential), mean proportional to interest.
  const lambda = plan.mean * (0.35 + 1.3 * interest);
  const target = Math.min(160, Math.max(1, Math.round(-lambda * Math.log(1 - rng.float()))));

  // Activity window; about a quarter of the leads went quiet more than 30 days ago.
  let end = asOf;
  const quietChance = 0.22 - 0.17 * interest;
  if (rng.chance(quietChance)) {
    const quietEnd = asOf - rng.int(31, 140) * DAY;
    if (quietEnd > plan.start + DAY) end = quietEnd;
  }
  const span = end - plan.start;

  const out: ExampleEvent[] = [];
  const at = (ms: number): string => toJstIso(Math.min(ms, end - 1000));
  const pricingChance = 0.02 + 0.16 * interest * interest;
  const formChance = 0.003 + 0.035 * interest * interest;

  while (out.length < target) {
    // A touch at a business-hours-ish moment in the window; recent days are a bit denser for interested leads.
    const pos = interest > 0.6 ? Math.pow(rng.float(), 0.7) : rng.float();
    const dayStart = plan.start + Math.floor((pos * span) / DAY) * DAY;
    const hour = rng.weighted([[8, 2], [9, 6], [10, 9], [11, 8], [12, 4], [13, 8], [14, 9], [15, 8], [16, 7], [17, 5], [18, 3], [20, 2], [22, 1]] as const);
    let t = dayStart - ((dayStart + JST) % DAY) + hour * HOUR + rng.int(0, 3599) * 1000;
    if (t < plan.start) t = plan.start + rng.int(0, 3599) * 1000;
    if (t >= end) continue;
    const weekday = new Date(t + JST).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.chance(0.75)) continue;

    const kind = rng.weighted([
      ['page', 48],
      ['email', plan.optedOut ? 0 : 34],
      // Downloads follow curiosity, not buying intent: the less interested download more per touch.
      ['whitepaper', 7 * (1 - interest) ** 2],
      ['webinar', plan.source === 'ウェビナー' ? 4 : 1.5],
      ['form', formChance * 100],
    ] as const);

    if (kind === 'page') {
      const views = rng.weighted([[1, 4], [2, 3], [3, 2], [4, 1]] as const);
      let vt = t;
      for (let v = 0; v < views && out.length < target; v++) {
        const path = rng.chance(pricingChance) ? rng.weighted(PRICING_PAGES) : rng.weighted(PAGES);
        out.push({ lead_id: leadId, type: 'page_view', at: at(vt), url: path });
        vt += rng.int(20, 400) * 1000;
      }
    } else if (kind === 'email') {
      const campaign = rng.pick(campaignsFor(toJstIso(t).slice(0, 7)));
      out.push({ lead_id: leadId, type: 'email_open', at: at(t), campaign });
      if (out.length < target && rng.chance(0.08 + 0.3 * interest)) {
        const path = rng.chance(0.1 + pricingChance) ? '/pricing' : rng.weighted(PAGES);
        out.push({ lead_id: leadId, type: 'email_click', at: at(t + rng.int(5, 600) * 1000), campaign, url: path });
      }
    } else if (kind === 'whitepaper') {
      out.push({ lead_id: leadId, type: 'whitepaper_download', at: at(t), title: rng.pick(WHITEPAPERS) });
    } else if (kind === 'webinar') {
      out.push({ lead_id: leadId, type: 'webinar_attend', at: at(t), title: rng.pick(WEBINARS) });
    } else {
      out.push({ lead_id: leadId, type: 'form_reach', at: at(t), form: rng.weighted([[FORMS[0], 5], [FORMS[1], 3], [FORMS[2], 2]] as const) });
    }
  }
  out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return out;
}

// ---------------------------------------------------------------------------
// Serialisation

/** Lead columns, in schema order. */
export const LEAD_COLUMNS = [
  'id', 'name', 'company', 'email', 'employees', 'industry', 'role', 'prefecture', 'lead_source', 'opted_out', 'tags', 'created_at', 'opportunity',
] as const satisfies readonly (keyof ExampleLead)[];

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Leads as CSV with a header row: missing and null as empty cells, arrays as `a;b`. */
export function leadsToCsv(leads: readonly ExampleLead[]): string {
  const lines = [LEAD_COLUMNS.join(',')];
  for (const lead of leads) lines.push(LEAD_COLUMNS.map((c) => csvCell(lead[c])).join(','));
  return lines.join('\n') + '\n';
}

export function toJsonl(records: readonly unknown[]): string {
  let out = '';
  for (const r of records) out += JSON.stringify(r) + '\n';
  return out;
}

/** Events sorted by time (as an MA export is), ties kept in lead order. */
export function eventsInTimeOrder(events: readonly ExampleEvent[]): ExampleEvent[] {
  return events
    .map((e, i) => ({ e, i, ms: Date.parse(e.at) }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map(({ e }) => e);
}

/** Groups events by lead id (each lead's events stay in their order). */
export function eventsByLead(events: readonly ExampleEvent[]): Map<string, ExampleEvent[]> {
  const byLead = new Map<string, ExampleEvent[]>();
  for (const e of events) {
    let list = byLead.get(e.lead_id);
    if (list === undefined) byLead.set(e.lead_id, (list = []));
    list.push(e);
  }
  return byLead;
}

/** The first `n` leads with their events nested (without `lead_id`), as in leads-with-events.json. */
export function nestEvents(data: ExampleData, n: number): (ExampleLead & { events: Omit<ExampleEvent, 'lead_id'>[] })[] {
  const byLead = eventsByLead(data.events);
  return data.leads.slice(0, n).map((lead) => ({
    ...lead,
    events: (byLead.get(lead.id) ?? []).map(({ lead_id: _leadId, ...rest }) => rest),
  }));
}

/** A JSON array of leads, one field per line and one event per line, so that it reads well and diffs well. */
export function nestedToJson(leads: readonly (ExampleLead & { events: readonly object[] })[]): string {
  const blocks = leads.map((lead) => {
    const { events, ...fields } = lead;
    const lines = Object.entries(fields).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
    const body = events.map((e) => `      ${JSON.stringify(e)}`).join(',\n');
    lines.push(events.length === 0 ? '    "events": []' : `    "events": [\n${body}\n    ]`);
    return `  {\n${lines.join('\n')}\n  }`;
  });
  return `[\n${blocks.join(',\n')}\n]\n`;
}

/** Writes the four example files into `dir`; returns their names and sizes in bytes. */
export function writeExamples(dir: string, options: GenerateOptions = { leads: DEFAULT_LEAD_COUNT }): { file: string; bytes: number }[] {
  const data = generateExampleData(options);
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['leads.jsonl', toJsonl(data.leads)],
    ['events.jsonl', toJsonl(eventsInTimeOrder(data.events))],
    ['leads.csv', leadsToCsv(data.leads)],
    ['leads-with-events.json', nestedToJson(nestEvents(data, 50))],
  ];
  return files.map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return { file: join(dir, name), bytes: Buffer.byteLength(text) };
  });
}

// ---------------------------------------------------------------------------
// Script entry

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const dir = resolve(process.argv[2] ?? 'examples');
  for (const { file, bytes } of writeExamples(dir, { leads: DEFAULT_LEAD_COUNT, seed: DEFAULT_SEED })) {
    console.log(`${file}\t${(bytes / 1024).toFixed(0)} KiB`);
  }
}
