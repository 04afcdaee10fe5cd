import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstantMacro } from '../../runtime/duckdb/instant-sql.js';
import { parseInstant } from '../../core/time.js';

/** Both engines read event times alike: the same texts are times, and to the same instant. */
const ODD_TIMES = [
  '2026-10-31T12:00:00Z',
  '2026-10-31T24:00:00Z',
  '2026-10-31T12:00:00+25:00',
  '2026-10-31T12:00:00+14:00',
  '2026-10-31T12:00:00+15:00',
  '2026-10-31T12:00:00+23:59',
  '2026-10-31T12:00:00+24:00',
  '2026-10-31T12:00:00-12:00',
  '2026/10/31',
  '2026-10-31',
  '2026-2-3',
  '2026-02-29',
  '2024-02-29',
  '1900-02-29',
  '2000-02-29',
  '2026-02-30',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-10-00',
  '2026-10-31T23:59:60Z',
  '2026-12-31T23:59:60Z',
  '2026-10-31t10:00z',
  '2026-10-31T10:00Z',
  '2026-10-31T10:00',
  '2026-10-31T10',
  '2026-10-31 10:00',
  '2026-10-31  10:00',
  '2026-10-31T10:00:00.1',
  '2026-10-31T10:00:00,5Z',
  '2026-10-31T10:00:00.123456789+14:00',
  '2026-10-31T10:00:00.1234567890Z',
  '2026-10-31T10:00:00.999999999Z',
  '2026-10-31T10:00:00.Z',
  '2026-10-31T10:00.5',
  '2026-W44-6',
  '2026-W44',
  '2026-304',
  '2026-10-31T25:00',
  '2026-10-31T23:60',
  '2026-10-31T10:00:00+0900',
  '2026-10-31T10:00:00+09',
  '2026-10-31T10:00:00+9',
  '2026-10-31T10:00:00+09:',
  '2026-10-31T10:00:00 +09:00',
  '2026-10-31T10:00:00UTC',
  '2026-10-31T10:00:00GMT+9',
  '+2026-10-31',
  '-2026-10-31',
  '20261031',
  '20261031T100000Z',
  '0000-01-01',
  '0099-12-31T23:59:59Z',
  '9999-12-31T23:59:59.999Z',
  '2026-03-08T02:30:00',
  '2026-11-01T01:30:00',
  '2026-03-29T02:30:00',
  '2026-10-25T02:30:00',
  ' 2026-10-31',
  '2026-10-31 ',
  '２０２６-10-31',
  '2026-10-31T10:00:00.5-03:30',
  '',
  'yesterday',
  '1793415600000',
];

let connection: DuckDBConnection;
beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  connection = await instance.connect();
  await createInstantMacro(connection);
});
afterAll(() => connection.closeSync());

async function duckdbInstants(texts: readonly string[], timeZone: string): Promise<(number | undefined)[]> {
  await connection.run(`SET TimeZone = '${timeZone}'`);
  const prepared = await connection.prepare(
    `SELECT epoch_ms(ls_instant(t)) FROM unnest(CAST($1 AS VARCHAR[])) WITH ORDINALITY AS u(t, i) ORDER BY i`,
  );
  prepared.bindList(1, texts.map((t) => t) as never, undefined as never);
  const rows = (await prepared.runAndReadAll()).getRows();
  return rows.map(([ms]) => (ms === null ? undefined : Number(ms)));
}

describe('event times: DuckDB reads exactly what the JavaScript engine reads', () => {
  for (const timeZone of ['UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/Berlin']) {
    it(`odd times, read in ${timeZone}`, async () => {
      const duck = await duckdbInstants(ODD_TIMES, timeZone);
      const js = ODD_TIMES.map((t) => parseInstant(t, timeZone === 'UTC' ? undefined : timeZone));
      const table = ODD_TIMES.map((t, i) => ({ t, js: js[i], duckdb: duck[i] }));
      expect(table).toEqual(ODD_TIMES.map((t, i) => ({ t, js: js[i], duckdb: js[i] })));
    });
  }

  it('the list has both kinds', () => {
    const valid = ODD_TIMES.filter((t) => parseInstant(t, undefined) !== undefined);
    expect(valid.length).toBeGreaterThan(20);
    expect(ODD_TIMES.length - valid.length).toBeGreaterThan(30);
    expect(parseInstant('2026-10-31T24:00:00Z', undefined)).toBeUndefined();
  });

  it('any date-time-like text (property)', async () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        two(14),
        two(33),
        fc.constantFrom('T', 't', ' ', '_'),
        two(25),
        two(61),
        fc.option(two(61)),
        fc.option(fc.stringMatching(/^[.,][0-9]{1,10}$/)),
        fc.constantFrom('', 'Z', 'z', '+', '-'),
        two(25),
        fc.constantFrom(':', '', ':'),
        two(61),
      )
      .map(([y, mo, d, sep, h, mi, s, f, z, oh, colon, om]) => {
        const time = `${h}:${mi}${s === null ? '' : `:${s}${f ?? ''}`}`;
        const zone = z === '+' || z === '-' ? `${z}${oh}${colon}${om}` : z;
        return `${y}-${mo}-${d}${sep}${time}${zone}`;
      });
    const samples = fc.sample(text, { numRuns: 2000, seed: 7 });
    for (const timeZone of ['UTC', 'Asia/Tokyo']) {
      const duck = await duckdbInstants(samples, timeZone);
      const mismatches = samples.filter(
        (t, i) => parseInstant(t, timeZone === 'UTC' ? undefined : timeZone) !== duck[i],
      );
      expect(mismatches).toEqual([]);
    }
  });
});

describe('leadscore score --engine duckdb: invalid event times', () => {
  it('are rejected as by the JavaScript engine: same scores, exit 3', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { jsonLines, runCli } = await import('../helpers/run-cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-duck-times-'));
    writeFileSync(
      join(dir, 's.json'),
      JSON.stringify({ lead: { type: 'object', properties: { id: { type: 'string' } } }, events: { visit: {} } }),
    );
    writeFileSync(join(dir, 'r.score'), 'schema "./s.json"\non visit +1 each\ntier A >= 3\ntier B otherwise\n');
    const leads = ODD_TIMES.map((_, i) => ({ id: `L${i}` }));
    // Every odd time as the one event of its lead, plus one valid event each.
    const events = ODD_TIMES.flatMap((at, i) => [
      { lead_id: `L${i}`, type: 'visit', at },
      { lead_id: `L${i}`, type: 'visit', at: '2026-10-01T00:00:00Z' },
    ]);
    writeFileSync(join(dir, 'leads.jsonl'), leads.map((l) => JSON.stringify(l)).join('\n'));
    writeFileSync(join(dir, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n'));
    writeFileSync(
      join(dir, 'events.csv'),
      'lead_id,type,at\n' + events.map((e) => `${e.lead_id},${e.type},"${e.at}"`).join('\n'),
    );
    const invalid = ODD_TIMES.filter((t) => parseInstant(t, undefined) === undefined).length;
    for (const file of ['events.jsonl', 'events.csv']) {
      const args = [
        'score',
        join(dir, 'r.score'),
        '--leads',
        join(dir, 'leads.jsonl'),
        '--events',
        join(dir, file),
        '--as-of',
        '9999-12-31T23:59:59.999Z',
      ];
      const js = runCli(args);
      const duck = runCli([...args, '--engine', 'duckdb']);
      expect(js.status).toBe(3);
      expect(duck.status, duck.stderr).toBe(3);
      expect(duck.stderr).toContain(`${invalid} event records without a valid at`);
      const strip = (text: string) =>
        (jsonLines(text) as { reasons?: unknown }[]).map(({ reasons: _, ...rest }) => rest);
      expect(strip(duck.stdout)).toEqual(strip(js.stdout));
    }
  });
});
