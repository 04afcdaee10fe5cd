import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidTimeZone,
  parseInstant,
  TIME_HELPER_FUNCTIONS,
  toInstant,
  wallTimeToInstant,
  zoneOffsetMs,
} from '../../core/time.js';

const utc = (iso: string): number => Date.parse(iso);

describe('parseInstant', () => {
  it.each([
    ['2024-03-01', '2024-03-01T00:00:00.000Z'],
    ['2024-03-01T10:20', '2024-03-01T10:20:00.000Z'],
    ['2024-03-01T10:20:30', '2024-03-01T10:20:30.000Z'],
    ['2024-03-01T10:20:30.5', '2024-03-01T10:20:30.500Z'],
    ['2024-03-01T10:20:30.123456789', '2024-03-01T10:20:30.123Z'],
    ['2024-03-01 10:20:30', '2024-03-01T10:20:30.000Z'],
    ['2024-03-01t10:20:30z', '2024-03-01T10:20:30.000Z'],
    ['2024-03-01T10:20:30Z', '2024-03-01T10:20:30.000Z'],
    ['2024-03-01T10:20:30+09:00', '2024-03-01T01:20:30.000Z'],
    ['2024-03-01T10:20:30+0900', '2024-03-01T01:20:30.000Z'],
    ['2024-03-01T10:20+09', '2024-03-01T01:20:00.000Z'],
    ['2024-03-01T10:20:30-05:30', '2024-03-01T15:50:30.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
    ['2024-03-01T23:59:59.999+23:59', '2024-03-01T00:00:59.999Z'],
  ])('reads %s', (text, iso) => {
    expect(parseInstant(text, undefined)).toBe(utc(iso));
    expect(parseInstant(text, 'UTC')).toBe(utc(iso));
  });

  it.each([
    '',
    'abc',
    '2024',
    '2024-03',
    '2024-3-01',
    '2024-03-1',
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-03-00',
    '2024-03-01T24:00',
    '2024-03-01T10:60',
    '2024-03-01T10:20:60',
    '2024-03-01T10',
    '2024-03-01T10:20+24:00',
    '2024-03-01T10:20+09:60',
    '2024-03-01Z',
    '2024-03-01T10:20:30.',
    '2024-03-01T10:20:30.1234567890',
    ' 2024-03-01',
    '2024-03-01 ',
    '2024-03-01T10:20:30+9',
    '2024-03-01T10:20:30 Z',
    '２０２４-03-01',
    '+002024-03-01',
  ])('rejects %j', (text) => {
    expect(parseInstant(text, undefined)).toBeUndefined();
    expect(parseInstant(text, 'Asia/Tokyo')).toBeUndefined();
  });

  it('reads a time without offset in the given zone; a date alone is its midnight', () => {
    expect(parseInstant('2024-03-01', 'Asia/Tokyo')).toBe(utc('2024-02-29T15:00:00Z'));
    expect(parseInstant('2024-03-01T09:00', 'Asia/Tokyo')).toBe(utc('2024-03-01T00:00:00Z'));
    expect(parseInstant('2024-07-01T12:00', 'America/New_York')).toBe(utc('2024-07-01T16:00:00Z'));
    expect(parseInstant('2024-01-01T12:00', 'America/New_York')).toBe(utc('2024-01-01T17:00:00Z'));
    expect(parseInstant('2024-01-01T12:00', 'Asia/Kathmandu')).toBe(utc('2024-01-01T06:15:00Z'));
    // An explicit offset wins over the zone.
    expect(parseInstant('2024-03-01T09:00Z', 'Asia/Tokyo')).toBe(utc('2024-03-01T09:00:00Z'));
  });

  it('shifts a wall time in a DST gap forward and takes the earlier instant in an overlap', () => {
    expect(parseInstant('2024-03-10T02:30', 'America/New_York')).toBe(utc('2024-03-10T07:30:00Z')); // 03:30 EDT
    expect(parseInstant('2024-11-03T01:30', 'America/New_York')).toBe(utc('2024-11-03T05:30:00Z')); // 01:30 EDT
    expect(parseInstant('2024-11-03T02:00', 'America/New_York')).toBe(utc('2024-11-03T07:00:00Z'));
    expect(parseInstant('2024-03-31T02:30', 'Europe/Berlin')).toBe(utc('2024-03-31T01:30:00Z')); // 03:30 CEST
    expect(parseInstant('2024-10-27T02:30', 'Europe/Berlin')).toBe(utc('2024-10-27T00:30:00Z')); // 02:30 CEST
    // Lord Howe moves by half an hour.
    expect(parseInstant('2024-10-06T02:15', 'Australia/Lord_Howe')).toBe(utc('2024-10-05T15:45:00Z')); // 02:45 +11:00
  });

  it('gives the zone offset, also on transition days', () => {
    expect(zoneOffsetMs('Asia/Tokyo', utc('2024-03-01T00:00:00Z'))).toBe(9 * 3600_000);
    expect(zoneOffsetMs('America/New_York', utc('2024-03-10T06:59:59Z'))).toBe(-5 * 3600_000);
    expect(zoneOffsetMs('America/New_York', utc('2024-03-10T07:00:00Z'))).toBe(-4 * 3600_000);
    expect(zoneOffsetMs('America/New_York', utc('2024-03-10T06:59:59Z'))).toBe(-5 * 3600_000);
  });

  it('round-trips any Date through toISOString', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (d) => {
          expect(parseInstant(d.toISOString(), undefined)).toBe(d.getTime());
          expect(parseInstant(d.toISOString(), 'Asia/Tokyo')).toBe(d.getTime());
        },
      ),
    );
  });

  it('reads a wall time back as the same wall time in the zone (outside gaps)', () => {
    const format = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'America/New_York',
      dateStyle: 'short',
      timeStyle: 'medium',
    });
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const wall = format.format(Math.floor(d.getTime() / 1000) * 1000).replace(' ', 'T');
          const t = parseInstant(wall, 'America/New_York');
          expect(t).toBeDefined();
          expect(format.format(t!).replace(' ', 'T')).toBe(wall);
        },
      ),
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom(undefined, 'UTC', 'Asia/Tokyo'), (text, zone) => {
        const t = parseInstant(text, zone);
        expect(t === undefined || Number.isFinite(t)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d(:?\d\d)?)?)?$/),
        (text) => {
          const t = parseInstant(text, 'Europe/Berlin');
          expect(t === undefined || Number.isFinite(t)).toBe(true);
        },
      ),
    );
  });
});

describe('isValidTimeZone / toInstant', () => {
  it('knows IANA zones', () => {
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Tokio')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('accepts epoch ms, Dates and ISO text', () => {
    expect(toInstant(1_700_000_000_000, undefined)).toBe(1_700_000_000_000);
    expect(toInstant(new Date('2024-03-01T00:00:00Z'), 'Asia/Tokyo')).toBe(utc('2024-03-01T00:00:00Z'));
    expect(toInstant('2024-03-01', 'Asia/Tokyo')).toBe(utc('2024-02-29T15:00:00Z'));
    expect(toInstant(Number.NaN, undefined)).toBeUndefined();
    expect(toInstant(new Date('nope'), undefined)).toBeUndefined();
    expect(toInstant(null, undefined)).toBeUndefined();
    expect(toInstant({}, undefined)).toBeUndefined();
  });
});

describe('TIME_HELPER_FUNCTIONS', () => {
  it('work identically when their sources are embedded in another module', () => {
    const source = TIME_HELPER_FUNCTIONS.map((fn) => fn.toString()).join('\n');
    const embedded = new Function(`${source}\nreturn { parseInstant, toInstant, isValidTimeZone };`)() as {
      parseInstant: typeof parseInstant;
      toInstant: typeof toInstant;
      isValidTimeZone: typeof isValidTimeZone;
    };
    const samples = [
      '2024-03-01',
      '2024-03-10T02:30',
      '2024-11-03T01:30',
      '2024-03-01T10:20:30.123+09:00',
      '2023-02-29',
      'x',
      '2024-06-30 23:59:59',
    ];
    for (const zone of [undefined, 'UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/Berlin']) {
      for (const text of samples) expect(embedded.parseInstant(text, zone)).toBe(parseInstant(text, zone));
    }
    expect(embedded.toInstant(new Date(5), undefined)).toBe(5);
    expect(embedded.isValidTimeZone('Asia/Tokyo')).toBe(true);
  });
});

/** parseInstant as it was before its fast path: the regular expression alone, the reference the fast path must equal. */
function parseInstantByPattern(text: string, timeZone: string | undefined): number | undefined {
  if (typeof text !== 'string' || text.length < 10 || text.length > 40) return undefined;
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|([+-])(\d{2})(?::?(\d{2}))?)?)?$/.exec(
      text,
    );
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [m[4], m[5], m[6]].map((x) => (x === undefined ? 0 : Number(x))) as [
    number,
    number,
    number,
  ];
  const ms = m[7] === undefined ? 0 : Number((m[7] + '00').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (
    day > new Date(Date.UTC(2000, month, 0)).getUTCDate() ||
    (month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0))
  )
    return undefined;
  const local =
    year < 100
      ? Date.UTC(year + 400, month - 1, day, hour, minute, second, ms) - 146097 * 86400000
      : Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (m[8] !== undefined) {
    if (m[9] === undefined) return local;
    const [oh, om] = [Number(m[10]), m[11] === undefined ? 0 : Number(m[11])];
    if (oh > 23 || om > 59) return undefined;
    return m[9] === '-' ? local + (oh * 60 + om) * 60000 : local - (oh * 60 + om) * 60000;
  }
  return timeZone === undefined || timeZone === 'UTC' ? local : wallTimeToInstant(local, timeZone);
}

describe('parseInstant fast path', () => {
  it('equals the full pattern on near-ISO text', () => {
    const digit = fc.constantFrom(...'0123456789');
    const piece = fc.oneof(
      digit,
      digit,
      digit,
      fc.constantFrom('-', ':', 'T', 't', ' ', '.', ',', 'Z', 'z', '+', 'x', '９'),
    );
    const nearIso = fc
      .tuple(
        fc.constantFrom(
          '2024-03-01T10:20:30',
          '0050-06-01T00:00:00',
          '2023-02-29T23:59:59',
          '2024-12-31T24:00:00',
          '1999-13-01T00:60:00',
        ),
        fc.array(piece, { maxLength: 16 }),
        fc.nat(18),
        fc.option(piece),
      )
      .map(([base, tail, at, swap]) => {
        const text = base + tail.join('');
        return swap === null ? text : text.slice(0, at) + swap + text.slice(at + 1);
      });
    fc.assert(
      fc.property(nearIso, fc.constantFrom(undefined, 'UTC', 'Asia/Tokyo'), (text, zone) => {
        expect(parseInstant(text, zone)).toBe(parseInstantByPattern(text, zone));
      }),
      { numRuns: 20000 },
    );
  });

  it('reads the common shapes exactly', () => {
    for (const text of [
      '2026-05-03T09:59:08+09:00',
      '2026-05-03T09:59:08.123Z',
      '2026-05-03T09:59:08,5-03:30',
      '2026-05-03T09:59:08.123456789+00:00',
      '2026-05-03T09:59:08',
    ]) {
      expect(parseInstant(text, 'Asia/Tokyo')).toBe(parseInstantByPattern(text, 'Asia/Tokyo'));
    }
    expect(parseInstant('2026-05-03T09:59:08+09:00', undefined)).toBe(utc('2026-05-03T00:59:08Z'));
    expect(parseInstant('2026-05-03T09:59:08.1234567890Z', undefined)).toBeUndefined();
    expect(parseInstant('2026-05-03T09:59:08+24:00', undefined)).toBeUndefined();
  });
});
