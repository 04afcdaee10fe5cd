/**
 * ISO 8601 instants and IANA time zones, for `at`, `--as-of` and `--tz`
 * (docs/language.md#13-time-the-as-of-instant-event-ages-time-zones).
 *
 * This file has no imports on purpose: the code generator copies these
 * functions into standalone scorers with `Function.prototype.toString()`
 * (see TIME_HELPER_FUNCTIONS). So every function here is a plain `function`
 * declaration whose body uses only its parameters, the other functions in
 * TIME_HELPER_FUNCTIONS and globals (Intl, Date, Math, Number, Map). Caches
 * live as properties of the functions themselves, created lazily, because a
 * module-level `const` would not travel with the copied source.
 *
 * DST choices (the same as JS Temporal's `disambiguation: "compatible"`):
 * - a wall time inside a gap (clocks jump forward, e.g. 02:30 on the spring
 *   change in New York) is shifted forward by the gap's length (03:30);
 * - a wall time inside an overlap (clocks fall back, 01:30 happens twice) is
 *   the earlier of the two instants.
 */

/** Offset of `timeZone` from UTC at the instant `epochMs`, in ms (local = UTC + offset). */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  // Per-zone caches keyed by UTC day: a day whose start and end have the same
  // offset is assumed to have no transition inside it (zones change at most
  // twice a year, never twice in one day), so all its instants share the offset.
  // Transition days are cached by quarter hour (negative keys, same Map).
  const self = zoneOffsetMs as unknown as {
    zones?: Map<string, { format: Intl.DateTimeFormat; days: Map<number, number> }>;
  };
  let zones = self.zones;
  if (zones === undefined) zones = self.zones = new Map();
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = {
      format: new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      days: new Map(),
    };
    zones.set(timeZone, zone);
  }
  const dayKey = Math.floor(epochMs / 86400000);
  const cached = zone.days.get(dayKey);
  if (cached !== undefined) return cached;
  const format = zone.format;
  const exact = (ms: number): number => {
    const parts = format.formatToParts(ms);
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of parts) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        case 'era':
          bc = part.value.charAt(0) === 'B';
          break;
      }
    }
    if (bc) year = 1 - year;
    // Date.UTC maps years 0–99 to 1900–1999; go through a 400-year cycle (146097 days) instead.
    const local =
      year >= 0 && year < 100
        ? Date.UTC(year + 400, month - 1, day, hour, minute, second) - 146097 * 86400000
        : Date.UTC(year, month - 1, day, hour, minute, second);
    const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
    return local - wholeSeconds;
  };
  const start = exact(dayKey * 86400000);
  const end = exact(dayKey * 86400000 + 86399999);
  if (start !== end) {
    // A transition day: cache by quarter hour (transitions fall on quarter
    // hours), and compute exactly inside the quarter that holds the change.
    const quarterKey = -1 - Math.floor(epochMs / 900000); // negative keys: no clash with day keys
    const quarter = zone.days.get(quarterKey);
    if (quarter !== undefined) return quarter;
    const first = exact(-(quarterKey + 1) * 900000);
    if (first !== exact(-(quarterKey + 1) * 900000 + 899999)) return exact(epochMs);
    zone.days.set(quarterKey, first);
    return first;
  }
  if (zone.days.size > 100000) zone.days.clear(); // bound memory for very long time spans
  zone.days.set(dayKey, start);
  return start;
}

/**
 * The instant at which the wall-clock time `localMs` (a "UTC" reading of the
 * local date and time) occurs in `timeZone`. See the DST choices above.
 */
export function wallTimeToInstant(localMs: number, timeZone: string): number {
  // Fast path: a cache of local days whose offset is the same from the day
  // before to the day after, so every wall time in them maps directly.
  const self = wallTimeToInstant as unknown as {
    zone?: string;
    days?: Map<number, number>;
    zones?: Map<string, Map<number, number>>;
  };
  let days = self.days;
  if (self.zone !== timeZone || days === undefined) {
    let zones = self.zones;
    if (zones === undefined) zones = self.zones = new Map();
    days = zones.get(timeZone);
    if (days === undefined) zones.set(timeZone, (days = new Map()));
    self.zone = timeZone;
    self.days = days;
  }
  const dayKey = Math.floor(localMs / 86400000);
  const stable = days.get(dayKey);
  if (stable !== undefined) return localMs - stable;
  const dayStart = dayKey * 86400000;
  const around = zoneOffsetMs(timeZone, dayStart - 86400000);
  if (
    around === zoneOffsetMs(timeZone, dayStart + 2 * 86400000) &&
    around === zoneOffsetMs(timeZone, dayStart + 43200000)
  ) {
    if (days.size > 100000) days.clear();
    days.set(dayKey, around);
    return localMs - around;
  }
  const before = zoneOffsetMs(timeZone, localMs - 86400000);
  const after = zoneOffsetMs(timeZone, localMs + 86400000);
  if (before === after) {
    const t = localMs - before;
    // Offsets equal a day apart on both sides: no transition nearby (the usual case).
    if (zoneOffsetMs(timeZone, t) === before) return t;
  }
  const t1 = localMs - before;
  const t2 = localMs - after;
  const ok1 = zoneOffsetMs(timeZone, t1) === before;
  const ok2 = zoneOffsetMs(timeZone, t2) === after;
  if (ok1 && ok2) return Math.min(t1, t2); // overlap: the earlier instant
  if (ok1) return t1;
  if (ok2) return t2;
  return t1; // gap: read with the offset before the change, i.e. shifted forward
}

/**
 * Parses an ISO 8601 date or date-time into epoch ms; undefined when the text
 * is not one. A time without an offset (and a date alone, as midnight) is
 * read in `timeZone` (UTC when undefined).
 */
export function parseInstant(text: string, timeZone: string | undefined): number | undefined {
  if (typeof text !== 'string' || text.length < 10 || text.length > 40) return undefined;
  let year: number;
  let month: number;
  let day: number;
  let hour: number;
  let minute: number;
  let second: number;
  let ms = 0;
  /** 0: no offset (local time); 1: Z; 2: +HH:MM; 3: -HH:MM. */
  let zone = 0;
  let offsetHours = 0;
  let offsetMinutes = 0;
  // Fast path, without the regular expression: the shape nearly every `at`
  // has, `YYYY-MM-DDTHH:MM:SS(.fraction)?(Z|±HH:MM)?` (this runs once per
  // event; 12 M times on a large run). Anything else falls through to the
  // full pattern below; both paths feed the same checks and arithmetic.
  const n = text.length;
  const c = (i: number): number => text.charCodeAt(i) - 48; // a digit's value; outside 0–9 for anything else
  const y1 = c(0),
    y2 = c(1),
    y3 = c(2),
    y4 = c(3),
    mo1 = c(5),
    mo2 = c(6),
    d1 = c(8),
    d2 = c(9);
  const h1 = c(11),
    h2 = c(12),
    mi1 = c(14),
    mi2 = c(15),
    s1 = c(17),
    s2 = c(18);
  let fast =
    n >= 19 &&
    c(4) === -3 &&
    c(7) === -3 &&
    c(10) === 36 &&
    c(13) === 10 &&
    c(16) === 10 && // - - T : :
    y1 >= 0 &&
    y1 <= 9 &&
    y2 >= 0 &&
    y2 <= 9 &&
    y3 >= 0 &&
    y3 <= 9 &&
    y4 >= 0 &&
    y4 <= 9 &&
    mo1 >= 0 &&
    mo1 <= 9 &&
    mo2 >= 0 &&
    mo2 <= 9 &&
    d1 >= 0 &&
    d1 <= 9 &&
    d2 >= 0 &&
    d2 <= 9 &&
    h1 >= 0 &&
    h1 <= 9 &&
    h2 >= 0 &&
    h2 <= 9 &&
    mi1 >= 0 &&
    mi1 <= 9 &&
    mi2 >= 0 &&
    mi2 <= 9 &&
    s1 >= 0 &&
    s1 <= 9 &&
    s2 >= 0 &&
    s2 <= 9;
  let pos = 19;
  if (fast && pos < n && (c(pos) === -2 || c(pos) === -4)) {
    // `.` or `,` and a fraction of 1 to 9 digits; its first three are the milliseconds.
    const start = ++pos;
    while (pos < n && pos - start < 10 && c(pos) >= 0 && c(pos) <= 9) {
      if (pos - start < 3) ms += c(pos) * (pos === start ? 100 : pos === start + 1 ? 10 : 1);
      pos++;
    }
    if (pos === start || pos - start > 9) fast = false;
  }
  if (fast && pos < n) {
    const sign = c(pos);
    if ((sign === 42 || sign === 74) && pos + 1 === n)
      zone = 1; // Z z
    else if ((sign === -5 || sign === -3) && pos + 6 === n && c(pos + 3) === 10) {
      // +HH:MM or -HH:MM
      const oh1 = c(pos + 1),
        oh2 = c(pos + 2),
        om1 = c(pos + 4),
        om2 = c(pos + 5);
      if (oh1 >= 0 && oh1 <= 9 && oh2 >= 0 && oh2 <= 9 && om1 >= 0 && om1 <= 9 && om2 >= 0 && om2 <= 9) {
        zone = sign === -5 ? 2 : 3;
        offsetHours = oh1 * 10 + oh2;
        offsetMinutes = om1 * 10 + om2;
      } else fast = false;
    } else fast = false;
  }
  if (fast) {
    year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
    month = mo1 * 10 + mo2;
    day = d1 * 10 + d2;
    hour = h1 * 10 + h2;
    minute = mi1 * 10 + mi2;
    second = s1 * 10 + s2;
  } else {
    const m =
      /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|([+-])(\d{2})(?::?(\d{2}))?)?)?$/.exec(
        text,
      );
    if (m === null) return undefined;
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
    hour = m[4] === undefined ? 0 : Number(m[4]);
    minute = m[5] === undefined ? 0 : Number(m[5]);
    second = m[6] === undefined ? 0 : Number(m[6]);
    ms = m[7] === undefined ? 0 : Number((m[7] + '00').slice(0, 3));
    if (m[8] !== undefined) {
      zone = m[9] === undefined ? 1 : m[9] === '+' ? 2 : 3;
      offsetHours = m[10] === undefined ? 0 : Number(m[10]);
      offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
    }
  }
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > monthDays) return undefined;
  // Date.UTC maps years 0–99 to 1900–1999; go through a 400-year cycle (146097 days) instead.
  const local =
    year < 100
      ? Date.UTC(year + 400, month - 1, day, hour, minute, second, ms) - 146097 * 86400000
      : Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (zone === 1) return local; // Z
  if (zone !== 0) {
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    const offset = (offsetHours * 60 + offsetMinutes) * 60000;
    return zone === 3 ? local + offset : local - offset;
  }
  if (timeZone === undefined || timeZone === 'UTC') return local;
  return wallTimeToInstant(local, timeZone);
}

/** True when `zone` is an IANA time zone name this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Epoch ms from a number (epoch ms), a Date, or an ISO 8601 string; undefined otherwise. */
export function toInstant(value: unknown, timeZone: string | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return parseInstant(value, timeZone);
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? t : undefined;
  }
  return undefined;
}

/**
 * The functions above in dependency order, for the code generator to emit with
 * `fn.toString()` into a standalone module (their names are kept as written).
 */
export const TIME_HELPER_FUNCTIONS: readonly ((...args: never[]) => unknown)[] = [
  zoneOffsetMs,
  wallTimeToInstant,
  parseInstant,
  isValidTimeZone,
  toInstant,
];
