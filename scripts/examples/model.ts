/** The shape of the example data: its vocabularies of values, and the records and options of the generator. */
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
