import type { SchemaModel } from '../../../compiler/schema/model.js';

/**
 * Which column of a file gives which field, for files whose header is not in
 * the schema's words — a CRM export with 会社名, 従業員数, メールアドレス.
 * A guess pre-fills the choice; the user confirms it (「適用」). Pure: the
 * data panel shows it, prepare.ts applies it, the worker uses it to tell an
 * events file with Japanese headers from a leads file.
 */

/** A field a column can be mapped to. */
export interface MappingField {
  readonly name: string;
  readonly required: boolean;
  /** What the schema calls it (`title`, the start of `description`): 会社名. */
  readonly labels: readonly string[];
}

/** field → the column that gives it. */
export type ColumnMapping = Readonly<Record<string, string>>;

/** Common headers of Japanese CRM / MA exports, by field name. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  id: ['リードID', 'ID', 'リードNo', '顧客ID', 'コンタクトID', 'レコードID'],
  company: ['会社名', '会社', '企業名', '社名', '法人名', '組織名', '勤務先'],
  employees: ['従業員数', '社員数', '従業員', '従業員規模'],
  industry: ['業種', '業界'],
  role: ['役職', '役職名', '役職区分'],
  email: ['メール', 'メールアドレス', 'Eメール', 'Eメールアドレス', 'e-mail', 'mail'],
  name: ['氏名', '名前', '担当者名', '姓名'],
  prefecture: ['都道府県', '所在地 (都道府県)'],
  lead_source: ['獲得経路', 'リードソース', '流入経路', '流入元'],
  created_at: ['作成日時', '登録日時', '作成日', '登録日'],
  opted_out: ['配信停止', 'メール配信停止', 'オプトアウト'],
  tags: ['タグ'],
  lead_id: ['リードID', 'リード', '顧客ID', 'コンタクトID'],
  type: ['種類', 'イベント', 'イベント種別', 'イベントの種類', '行動'],
  at: ['日時', '発生日時', '時刻', 'タイムスタンプ', '実施日時'],
};

const EVENT_FIELDS: readonly MappingField[] = [
  { name: 'lead_id', required: true, labels: [] },
  { name: 'type', required: true, labels: [] },
  { name: 'at', required: true, labels: [] },
];

/** The fields of a leads or events file a column can be mapped to, required first. */
export function mappingFields(role: 'leads' | 'events', schema: SchemaModel | undefined): MappingField[] {
  if (role === 'events') return [...EVENT_FIELDS];
  const raw = (schema?.leadSchema ?? {}) as { required?: unknown; properties?: unknown };
  const required = new Set(['id', ...(Array.isArray(raw.required) ? raw.required : [])]);
  const props = isObject(raw.properties) ? raw.properties : {};
  const names = ['id', ...Object.keys(props).filter((n) => n !== 'id')];
  const fields = names.map((name) => ({ name, required: required.has(name), labels: labelsOf(props[name]) }));
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
}

/** `title`, and `description` up to its first bracket or sentence end: 「従業員数 (不明なら…)」 → 従業員数. */
function labelsOf(schema: unknown): string[] {
  if (!isObject(schema)) return [];
  const out: string[] = [];
  if (typeof schema.title === 'string') out.push(schema.title);
  if (typeof schema.description === 'string') out.push(schema.description.split(/\s*[(（。、,]/)[0]!);
  return out.filter((l) => l.trim() !== '');
}

/** NFKC (full-width Ａ → A, half-width ｶﾅ → カナ), lower case, no spaces or separators. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-・.()]/g, '');
}

/**
 * The column most likely to give `field`, among `columns` not already named
 * after another field: its own name first (any case or width), then what the
 * schema calls it, then the built-in synonyms.
 */
export function guessColumn(
  field: MappingField,
  columns: readonly string[],
  taken: ReadonlySet<string> = new Set(),
): string | undefined {
  const free = columns.filter((c) => !taken.has(c));
  const byKey = new Map(free.map((c) => [normalizeHeader(c), c] as const));
  const candidates = [
    field.name,
    ...field.labels,
    ...(Object.hasOwn(SYNONYMS, field.name) ? SYNONYMS[field.name]! : []),
  ];
  for (const candidate of candidates) {
    const found = byKey.get(normalizeHeader(candidate));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The fields no column is named after exactly: the ones a mapping is for. */
export function unmatchedFields(fields: readonly MappingField[], columns: readonly string[]): MappingField[] {
  const names = new Set(columns.map((c) => c.split('.')[0]!));
  return fields.filter((f) => !names.has(f.name));
}

/** A guess for every unmatched field; a column is given to one field at most. */
export function guessMapping(fields: readonly MappingField[], columns: readonly string[]): ColumnMapping {
  const exact = new Set(fields.map((f) => f.name));
  const taken = new Set(columns.filter((c) => exact.has(c)));
  const mapping: Record<string, string> = {};
  for (const field of unmatchedFields(fields, columns)) {
    const column = guessColumn(field, columns, taken);
    if (column === undefined) continue;
    taken.add(column);
    mapping[field.name] = column;
  }
  return mapping;
}

/** The header with mapped columns renamed to their fields; a column a field is already named after stays. */
export function renameColumns(header: readonly string[], mapping: ColumnMapping): string[] {
  const fieldOf = new Map(Object.entries(mapping).map(([field, column]) => [column, field] as const));
  return header.map((column) => fieldOf.get(column) ?? column);
}

/** A record with mapped keys renamed (a shallow copy; `__proto__` stays an own key). */
export function renameKeys(record: Record<string, unknown>, mapping: ColumnMapping): Record<string, unknown> {
  const fieldOf = new Map(Object.entries(mapping).map(([field, column]) => [column, field] as const));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record))
    Object.defineProperty(copy, fieldOf.get(key) ?? key, {
      value: record[key],
      writable: true,
      enumerable: true,
      configurable: true,
    });
  return copy;
}

/** True when the columns give an events file's lead_id, type and at, in any of the words above. */
export function looksLikeEvents(columns: readonly string[]): boolean {
  const direct = EVENT_FIELDS.every((f) => columns.includes(f.name));
  return direct || Object.keys(guessMapping(EVENT_FIELDS, columns)).length + countExact(columns) === 3;
}

function countExact(columns: readonly string[]): number {
  return EVENT_FIELDS.filter((f) => columns.includes(f.name)).length;
}

/** What a remembered mapping is filed under: the same export from the same CRM gets it again. */
export function headerSignature(role: 'leads' | 'events', columns: readonly string[]): string {
  return `${role}:${JSON.stringify(columns)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
