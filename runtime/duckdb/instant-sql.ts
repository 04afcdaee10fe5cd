/**
 * The DuckDB engine's reading of event times: exactly the texts the
 * JavaScript engine's parseInstant (runtime/time.ts) accepts, to the same
 * instant. DuckDB's own cast to TIMESTAMPTZ is far more lenient (it takes
 * `24:00:00`, a `+25:00` offset, `2026/10/31`, …), so a text is first matched
 * against the same pattern and the same range checks, and only a valid one
 * is cast, rewritten into the one layout the cast reads unambiguously
 * (`YYYY-MM-DD HH:MM:SS.mmm±HH:MM`, no offset for local times, which the
 * cast reads in the session's TimeZone as parseInstant reads them in --tz).
 *
 * NULL: the text is no time (or is NULL); the engine then counts the event as
 * an invalid record. test/sql/duckdb-times.test.ts checks both engines on a
 * list of odd times.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

/** parseInstant's pattern, with ASCII digits spelled out ([0-9]: RE2's \d and JavaScript's agree, but say so). */
const PATTERN =
  '^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?([Zz]|([+-])([0-9]{2})(?::?([0-9]{2}))?)?)?$';

const GROUPS = ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'z', 'sg', 'oh', 'om'];

const int = (part: string): string => `COALESCE(TRY_CAST(p.${part} AS INTEGER), 0)`;

/** Matches parseInstant's range checks: month, day of that month, hour ≤ 23, minute and second ≤ 59, offset ≤ 23:59. */
const VALID = [
  "p.y <> ''",
  `${int('mo')} BETWEEN 1 AND 12`,
  `${int('d')} >= 1`,
  `${int('d')} <= CASE ${int('mo')} WHEN 2 THEN CASE WHEN (${int('y')} % 4 = 0 AND ${int('y')} % 100 <> 0) OR ${int('y')} % 400 = 0 THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END`,
  `${int('h')} <= 23`,
  `${int('mi')} <= 59`,
  `${int('s')} <= 59`,
  `${int('oh')} <= 23`,
  `${int('om')} <= 59`,
].join(' AND ');

const pad2 = (part: string): string => `CASE WHEN p.${part} = '' THEN '00' ELSE p.${part} END`;

/** The local date and time in the one layout the cast reads; milliseconds truncated to three digits, as parseInstant does. */
const WALL_TIME = [
  "p.y || '-' || p.mo || '-' || p.d || ' '",
  `${pad2('h')} || ':' || ${pad2('mi')} || ':' || ${pad2('s')}`,
  "'.' || left(p.f || '000', 3)",
].join(' || ');

const OFFSET = `CASE WHEN p.sg = '' THEN '+00:00' ELSE p.sg || ${pad2('oh')} || ':' || ${pad2('om')} END`;

/** Creates `ls_instant(text)`: TIMESTAMPTZ, or NULL when the text is not a time parseInstant accepts. */
export async function createInstantMacro(connection: DuckDBConnection): Promise<void> {
  const groups = `[${GROUPS.map((g) => `'${g}'`).join(', ')}]`;
  const macros = [
    `ls_time_parts(t) AS regexp_extract(CAST(t AS VARCHAR), '${PATTERN}', ${groups})`,
    // The zone's offset at an instant, in ms (local = UTC + offset), in the session's TimeZone.
    'ls_offset_ms(x) AS epoch_ms(CAST(x AS TIMESTAMP)) - epoch_ms(x)',
    // A wall time that happens twice (clocks fall back) is the earlier instant,
    // as in parseInstant; DuckDB's cast takes the later one. `alt` reads the
    // wall time with the offset of the day before; it is taken when that offset
    // is really in force then and it is earlier. In a gap it never is, and the
    // cast's reading (shifted forward) stands, as in parseInstant.
    'ls_earlier(td, alt, before) AS CASE WHEN alt < td AND ls_offset_ms(alt) = before THEN alt ELSE td END',
    'ls_local_with(td, l, before) AS ls_earlier(td, td - to_milliseconds(epoch_ms(td) - (epoch_ms(l) - before)), before)',
    'ls_local(l) AS ls_local_with(CAST(l AS TIMESTAMPTZ), l, ls_offset_ms(CAST(l AS TIMESTAMPTZ) - INTERVAL 1 DAY))',
    `ls_instant_of(p) AS CASE WHEN NOT (${VALID}) THEN NULL WHEN p.z = '' THEN ls_local(TRY_CAST(${WALL_TIME} AS TIMESTAMP)) ELSE TRY_CAST(${WALL_TIME} || ${OFFSET} AS TIMESTAMPTZ) END`,
    'ls_instant(t) AS ls_instant_of(ls_time_parts(t))',
  ];
  for (const macro of macros) await connection.run(`CREATE OR REPLACE MACRO ${macro}`);
}
