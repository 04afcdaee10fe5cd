/**
 * Why a data record (a lead or an event read from a CSV / JSON file) is
 * invalid, in Japanese or English. The English text is the reason the
 * readers and validators wrote (runtime/prepare-records.ts,
 * compiler/schema/validators.ts and explain-errors.ts, runtime/records/*):
 * the CLI prints it and its tests match it exactly, so it stays the one
 * source. Japanese is read back from those fixed sentence forms and their
 * params (field, value, limit, allowed values). A form not known here keeps
 * its English text rather than a wrong translation. Browser-safe.
 */
export type RecordMessageLang = 'ja' | 'en';

export const TIME_EXAMPLE_EN = 'an ISO 8601 time such as 2026-11-01T09:00:00+09:00 or 2026-11-01';
const TIME_EXAMPLE_JA = '2026-11-01T09:00:00+09:00 や 2026-11-01 のような ISO 8601 形式の日時';

/** The reason as the UI language shows it. */
export function recordMessage(reason: string, lang: RecordMessageLang): string {
  return lang === 'en' ? reason : japanese(reason);
}

function japanese(reason: string): string {
  // A CSV row's cell problems come joined: `employees: "x" is not a number; role: …`.
  const parts = reason.split(/; (?=[^\s:"]+: )/);
  if (parts.length > 1) return parts.map(japanese).join('; ');
  const whole = wholeSentence(reason);
  if (whole !== undefined) return whole;
  // `column: reason` (a CSV cell), or `events[2]: reason` (a nested event).
  const prefixed = /^([^\s:"]+): (.+)$/s.exec(reason);
  if (prefixed) {
    const inner = japanese(prefixed[2]!);
    return inner === prefixed[2] ? reason : `${prefixed[1]}: ${inner}`;
  }
  return reason;
}

/** Sentences whose asides are not at the end, and the ones with no value to show. */
function wholeSentence(reason: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^unknown event type (".*?")( \(did you mean .*\?\))? \(the schema's events are: (.*)\)$/s.exec(reason)))
    return `イベントの種類 ${m[1]} はスキーマにありません${dym(m[2])} (スキーマのイベント: ${m[3] === 'none' ? 'なし' : m[3]})`;
  if ((m = /^at is required: (.*)$/s.exec(reason)) && m[1] === TIME_EXAMPLE_EN)
    return `at (日時) がありません: ${TIME_EXAMPLE_JA}を入れてください`;
  if ((m = /^at (".*") is not (.*)$/s.exec(reason)) && m[2] === TIME_EXAMPLE_EN)
    return `at ${m[1]} は日時として読めません: ${TIME_EXAMPLE_JA}で書いてください`;
  if ((m = /^the row has (\d+) cells but the header has (\d+) columns$/.exec(reason)))
    return `この行のセルは ${m[1]} 個ですが、1 行目 (見出し) の列は ${m[2]} 個です`;
  if (reason.startsWith('a quoted cell is never closed'))
    return '引用符 (") で始まるセルが閉じていません: この行は読み飛ばし、次の行から読み続けました';
  if (reason === 'not valid JSON') return 'JSON として読めません';
  // The JSON reader's detail (what it found, where) stays as written: it quotes the line itself.
  if ((m = /^not valid JSON: (.*)$/s.exec(reason))) return `JSON として読めません: ${m[1]}`;
  if (reason === 'a .json file must hold an array of records')
    return '.json ファイルはレコードの配列 ([{…}, {…}]) にしてください';
  if (reason === 'a record must be a JSON object') return 'レコードは JSON オブジェクト ({…}) にしてください';
  return withAsides(reason);
}

/** `core (got X) (did you mean "a"?)`: the core translated, the asides after it. */
function withAsides(reason: string): string | undefined {
  let rest = reason;
  let suggestion = '';
  const d = / \(did you mean (.*)\?\)$/s.exec(rest);
  if (d) {
    suggestion = dym(d[0]);
    rest = rest.slice(0, d.index);
  }
  let got = '';
  const g = / \(got (.*)\)$/s.exec(rest);
  if (g) {
    got = ` (値: ${g[1] === 'nothing' ? 'なし' : g[1]})`;
    rest = rest.slice(0, g.index);
  }
  const core = coreSentence(rest);
  return core === undefined ? undefined : core + got + suggestion;
}

function coreSentence(text: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(.+) is required$/s.exec(text))) return `${subject(m[1]!)} がありません`;
  if ((m = /^(.+) is not a field the schema allows$/s.exec(text))) return `${m[1]} はスキーマにない項目です`;
  if ((m = /^(.+) is not allowed by the schema$/s.exec(text)))
    return `${subject(m[1]!)} はスキーマで許可されていません`;
  if ((m = /^(.+) has a value that is not allowed$/s.exec(text))) return `${subject(m[1]!)} の値は許可されていません`;
  if ((m = /^(.+) does not match any of the allowed forms$/s.exec(text)))
    return `${subject(m[1]!)} は許可されたどの形にも当てはまりません`;
  if ((m = /^(.+) matches more than one of the allowed forms$/s.exec(text)))
    return `${subject(m[1]!)} は許可された形の複数に当てはまります`;
  if ((m = /^(.+) must not list the same item twice$/s.exec(text)))
    return `${subject(m[1]!)} に同じ要素が重複しています`;
  if ((m = /^(.+) must have at (least|most) (\d+) items$/s.exec(text)))
    return `${subject(m[1]!)} の要素は ${m[3]} 個${m[2] === 'least' ? '以上' : '以下'}にしてください`;
  if ((m = /^(.+) must be at (least|most) (\d+) characters long$/s.exec(text)))
    return `${subject(m[1]!)} は ${m[3]} 文字${m[2] === 'least' ? '以上' : '以下'}にしてください`;
  if ((m = /^(.+) must match the pattern (.*)$/s.exec(text)))
    return `${subject(m[1]!)} はパターン ${m[2]} に合う値にしてください`;
  if (text === 'a lead must be an object with fields') return 'リードは項目を持つオブジェクトにしてください';
  if (text === 'an event must be an object with type and at')
    return 'イベントは type と at を持つオブジェクトにしてください';
  if (text === 'events must be a list of events') return 'events はイベントのリストにしてください';
  if ((m = /^(".*") is not a number$/s.exec(text))) return `${m[1]} は数値ではありません`;
  if ((m = /^(".*") is not true or false$/s.exec(text))) return `${m[1]} は true か false ではありません`;
  if ((m = /^(".*") is not a valid JSON object$/s.exec(text)))
    return `${m[1]} は正しい JSON オブジェクトではありません`;
  if ((m = /^(".*") is not a JSON object like \{"key": "value"\}$/s.exec(text)))
    return `${m[1]} は {"key": "value"} のような JSON オブジェクトではありません`;
  if ((m = /^(".*") is not valid JSON$/s.exec(text))) return `${m[1]} は JSON として読めません`;
  if ((m = /^(".*") is not a valid list \(write \["a","b"\] or a;b\)$/s.exec(text)))
    return `${m[1]} はリストとして読めません (["a","b"] か a;b と書いてください)`;
  if ((m = /^(".*") cannot be read as (.*)$/s.exec(text))) return `${m[1]} は ${m[2]} として読めません`;
  if ((m = /^(.*) \(in the list (".*")\)$/s.exec(text))) {
    const inner = japanese(m[1]!);
    return inner === m[1] ? undefined : `${inner} (リスト ${m[2]} の中)`;
  }
  if ((m = /^(.+) is also given as a single cell$/s.exec(text)))
    return `${m[1]} は 1 つのセルとしても書かれています (どちらか一方にしてください)`;
  // A subject is a field path or "the lead": never a sentence with its own ": " detail.
  if ((m = /^((?:(?!: ).)+?) must be (.+)$/s.exec(text))) return mustBe(subject(m[1]!), m[2]!);
  return undefined;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  'a text': '文字列',
  'a number': '数値',
  'a whole number': '整数',
  'true or false': 'true か false',
  'a list': 'リスト',
  'an object': 'オブジェクト',
  null: 'null',
};

const COMPARISON: Readonly<Record<string, string>> = { '>=': '以上', '<=': '以下', '>': 'より大きく', '<': '未満' };

function mustBe(name: string, what: string): string {
  let m: RegExpExecArray | null;
  if (what === TIME_EXAMPLE_EN) return `${name} は ${TIME_EXAMPLE_JA}にしてください`;
  if ((m = /^(>=|<=|>|<) (\S+)$/.exec(what))) return `${name} は ${m[2]} ${COMPARISON[m[1]!]}にしてください`;
  if ((m = /^one of (.*)$/s.exec(what))) return `${name} は次のいずれかにしてください: ${m[1]}`;
  if ((m = /^a multiple of (\S+)$/.exec(what))) return `${name} は ${m[1]} の倍数にしてください`;
  if (what === 'a text or a number') return `${name} は文字列か数値にしてください`;
  if ((m = /^a valid (\S+)$/.exec(what)))
    return m[1] === 'date-time'
      ? `${name} は正しい日時 (例: 2026-11-01T09:00:00+09:00) にしてください`
      : `${name} は正しい ${m[1]} 形式にしてください`;
  const types = typeWords(what);
  if (types !== undefined) return `${name} は${spaced(types)}にしてください`;
  return `${name} は ${what} にしてください`;
}

/** `a whole number or null` → `整数か null`; undefined when a word is not a type word. */
function typeWords(text: string): string | undefined {
  const words: string[] = [];
  let rest = text;
  while (rest !== '') {
    const word = Object.keys(TYPE_WORDS).find((w) => rest === w || rest.startsWith(`${w} or `));
    if (word === undefined) return undefined;
    words.push(TYPE_WORDS[word]!);
    rest = rest.slice(word.length).replace(/^ or /, '');
  }
  return words.join('か');
}

/** Japanese text around a Latin word gets a space on each side: `整数か null`, `は true か false に`. */
function spaced(text: string): string {
  return text
    .replace(/([^\t-\x7f])([\x21-\x7e])/g, '$1 $2')
    .replace(/([\x21-\x7e])([^\t-\x7f])/g, '$1 $2')
    .replace(/^(?=[\x21-\x7e])/, ' ')
    .replace(/(?<=[\x21-\x7e])$/, ' ');
}

function subject(name: string): string {
  return name === 'the lead' ? 'リード' : name === 'the event' ? 'イベント' : name;
}

/** ` (did you mean "a" or "b"?)` → ` (もしかして "a"、"b" ですか?)`. */
function dym(aside: string | undefined): string {
  const m = aside === undefined ? null : /did you mean (.*)\?\)$/s.exec(aside);
  if (!m) return '';
  return ` (もしかして ${m[1]!.replace(/", "|" or "/g, '"、"')} ですか?)`;
}
