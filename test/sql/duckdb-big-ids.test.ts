import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/run-cli.js';

/** Ids written as JSON numbers beyond 2^53 stay distinct and exact, in both engines. */
describe('lead ids beyond 2^53', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-big-ids-'));
  writeFileSync(
    join(dir, 's.json'),
    JSON.stringify({ lead: { type: 'object', properties: { id: { type: 'integer' } } }, events: { visit: {} } }),
  );
  writeFileSync(join(dir, 'r.score'), 'schema "./s.json"\non visit +5 each\n');
  const ids = [
    '12345678901234567890',
    '12345678901234567891',
    '123456789012345678901234567890',
    '9007199254740993',
    '9007199254740992',
  ];
  writeFileSync(join(dir, 'leads.jsonl'), ids.map((id) => `{"id":${id}}`).join('\n') + '\n{"id":7}\n');
  writeFileSync(join(dir, 'leads.json'), `[${ids.map((id) => `{"id":${id}}`).join(',')},{"id":7}]`);
  writeFileSync(
    join(dir, 'nested.jsonl'),
    ids
      .map(
        (id, i) =>
          `{"id":${id},"events":${JSON.stringify(Array.from({ length: i }, () => ({ type: 'visit', at: '2026-10-01' })))}}`,
      )
      .join('\n') + '\n',
  );
  // Lead i has i visits.
  writeFileSync(
    join(dir, 'events.jsonl'),
    ids
      .flatMap((id, i) => Array.from({ length: i }, () => `{"lead_id":${id},"type":"visit","at":"2026-10-01"}`))
      .join('\n') + '\n',
  );
  const expected = [...ids.map((id, i) => ({ id, score: 5 * i })), { id: 7, score: 0 }];
  const scores = (stdout: string) =>
    (jsonLines(stdout) as { id: unknown; score: number }[]).map(({ id, score }) => ({ id, score }));

  it('the JavaScript engine keeps each id as written (as text) and joins its events', { timeout: 180_000 }, () => {
    for (const leads of ['leads.jsonl', 'leads.json']) {
      const r = runCli([
        'score',
        join(dir, 'r.score'),
        '--leads',
        join(dir, leads),
        '--events',
        join(dir, 'events.jsonl'),
        '--as-of',
        '2026-11-01',
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(scores(r.stdout)).toEqual(expected);
    }
    const nested = runCli([
      'score',
      join(dir, 'r.score'),
      '--leads',
      join(dir, 'nested.jsonl'),
      '--as-of',
      '2026-11-01',
    ]);
    expect(scores(nested.stdout)).toEqual(expected.slice(0, ids.length));
  });

  it('DuckDB gives the same ids and scores (its ids are always text)', { timeout: 180_000 }, () => {
    const text = expected.map(({ id, score }) => ({ id: String(id), score }));
    for (const [leads, events] of [
      ['leads.jsonl', 'events.jsonl'],
      ['leads.json', 'events.jsonl'],
      ['nested.jsonl', undefined],
    ] as const) {
      const r = runCli([
        'score',
        join(dir, 'r.score'),
        '--leads',
        join(dir, leads),
        ...(events ? ['--events', join(dir, events)] : []),
        '--as-of',
        '2026-11-01',
        '--engine',
        'duckdb',
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(scores(r.stdout)).toEqual(leads === 'nested.jsonl' ? text.slice(0, ids.length) : text);
    }
  });
});
