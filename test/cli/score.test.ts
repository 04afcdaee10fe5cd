import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { jsonLines, REPO, runCli } from '../helpers/run-cli.js';

const EXAMPLE = [
  'score',
  'rules/b2b-saas.score',
  '--events',
  'examples/events.jsonl',
  '--as-of',
  '2026-11-01T00:00:00+09:00',
];

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-score-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('leadscore score on the bundled example', () => {
  const jsonl = runCli([...EXAMPLE, '--leads', 'examples/leads.jsonl']);

  it('scores every lead, in input order, with exit 0', () => {
    expect(jsonl.status).toBe(0);
    const results = jsonLines(jsonl.stdout) as {
      id: string;
      score: number;
      tier: string;
      groups: Record<string, number>;
    }[];
    expect(results).toHaveLength(3000);
    expect(results[0]!.id).toBe('L00001');
    expect(results.at(-1)!.id).toBe('L03000');
    for (const r of results) {
      expect(Object.keys(r)).toEqual(['id', 'score', 'tier', 'groups', 'reasons']);
      expect(r.score).toBe(r.groups['属性']! + r.groups['行動']!);
      expect(['MQL', '中関心', '低関心']).toContain(r.tier);
    }
    expect(jsonl.stderr).toContain('scored 3000 of 3000 leads');
  });

  it('gives the same scores from the CSV copy of the leads', () => {
    const csv = runCli([...EXAMPLE, '--leads', 'examples/leads.csv']);
    expect(csv.status).toBe(0);
    expect(jsonLines(csv.stdout)).toEqual(jsonLines(jsonl.stdout));
  });

  it('reads leads with nested events from a JSON array', () => {
    const nested = runCli([
      'score',
      'rules/b2b-saas.score',
      '--leads',
      'examples/leads-with-events.json',
      '--as-of',
      '2026-11-01T00:00:00+09:00',
    ]);
    expect(nested.status).toBe(0);
    const byId = new Map((jsonLines(jsonl.stdout) as { id: string }[]).map((r) => [r.id, r]));
    const results = jsonLines(nested.stdout) as { id: string }[];
    expect(results.length).toBeGreaterThan(10);
    for (const r of results) expect(r).toEqual(byId.get(r.id));
  });

  it('writes CSV with one column per group, and a JSON array', () => {
    const csv = runCli([...EXAMPLE, '--leads', 'examples/leads.jsonl', '--format', 'csv']);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,score,tier,属性,行動,reasons');
    expect(lines).toHaveLength(3001);
    const first = jsonLines(jsonl.stdout)[0] as { id: string; score: number; tier: string };
    expect(lines[1]!.startsWith(`${first.id},${first.score},${first.tier},`)).toBe(true);
    // For Excel: --bom puts a UTF-8 byte-order mark first, and changes nothing else.
    const excel = runCli([...EXAMPLE, '--leads', 'examples/leads.jsonl', '--format', 'csv', '--bom']);
    expect(excel.stdout).toBe(`\uFEFF${csv.stdout}`);
    const json = runCli([...EXAMPLE, '--leads', 'examples/leads.jsonl', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(jsonLines(jsonl.stdout));
  });
});

describe('leadscore score with bad input', () => {
  const rules =
    'schema "./lead.schema.json"\ngroup 属性 max 30 {\n  when employees >= 100 +20 "規模"\n}\ngroup 行動 {\n  on page_view +5 each "閲覧"\n}\ntier MQL >= 20\ntier その他 otherwise\n';
  const schema = JSON.stringify({
    lead: {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string' }, employees: { type: 'integer', minimum: 0 } },
    },
    events: { page_view: { type: 'object', properties: { url: { type: 'string' } } } },
  });

  it('scores the valid leads, reports each invalid record with file and record number, keeps them whole, exits 3', () => {
    const dir = workspace({
      'r.score': rules,
      'lead.schema.json': schema,
      'leads.jsonl': [
        '{"id":"A","employees":120}',
        '{"id":"B","employees":-1}',
        '{"id":"C",',
        '',
        '{"id":"D","employees":"多い"}',
        '{"id":"E"}',
      ].join('\n'),
      'events.jsonl': [
        '{"lead_id":"A","type":"page_view","at":"2026-10-01"}',
        '{"lead_id":"A","type":"page_veiw","at":"2026-10-01"}',
        '{"lead_id":"E","type":"page_view","at":"yesterday"}',
        '{"type":"page_view","at":"2026-10-02"}',
        '{"lead_id":"E","type":"page_view","at":"2026-10-31T23:00:00+09:00","url":"/pricing"}',
      ].join('\n'),
    });
    const run = runCli(
      [
        'score',
        'r.score',
        '--leads',
        'leads.jsonl',
        '--events',
        'events.jsonl',
        '--as-of',
        '2026-11-01',
        '--rejects',
        'rejects.jsonl',
      ],
      { cwd: dir },
    );
    expect(run.status).toBe(3);
    expect(jsonLines(run.stdout)).toEqual([
      {
        id: 'A',
        score: 25,
        tier: 'MQL',
        groups: { 属性: 20, 行動: 5 },
        reasons: [
          { rule: '規模', line: 3, points: 20 },
          { rule: '閲覧', line: 6, points: 5 },
        ],
      },
      {
        id: 'E',
        score: 5,
        tier: 'その他',
        groups: { 属性: 0, 行動: 5 },
        reasons: [{ rule: '閲覧', line: 6, points: 5 }],
      },
    ]);
    expect(run.stderr).toMatch(/^leads\.jsonl:2: invalid lead record 2: employees must be >= 0 \(got -1\)$/m);
    expect(run.stderr).toMatch(/^leads\.jsonl:3: invalid lead record 3: not valid JSON/m);
    expect(run.stderr).toMatch(/^leads\.jsonl:5: invalid lead record 4: employees must be /m);
    expect(run.stderr).toMatch(
      /^events\.jsonl:2: invalid event record 2: unknown event type "page_veiw".*did you mean "page_view"/m,
    );
    expect(run.stderr).toMatch(/^events\.jsonl:3: invalid event record 3: at "yesterday" is not an ISO 8601 time/m);
    const rejects = jsonLines(readFileSync(join(dir, 'rejects.jsonl'), 'utf8')) as {
      file: string;
      kind: string;
      record: number;
      data: unknown;
    }[];
    expect(rejects.map((r) => [r.file, r.kind, r.record])).toEqual([
      ['events.jsonl', 'event', 2],
      ['events.jsonl', 'event', 3],
      ['events.jsonl', 'event', 4],
      ['leads.jsonl', 'lead', 2],
      ['leads.jsonl', 'lead', 3],
      ['leads.jsonl', 'lead', 4],
    ]);
    expect(rejects[3]!.data).toEqual({ id: 'B', employees: -1 });
    expect(rejects[0]!.data).toEqual({ lead_id: 'A', type: 'page_veiw', at: '2026-10-01' });
    expect(rejects[2]!.data).toEqual({ type: 'page_view', at: '2026-10-02' }); // whole, its time as written
    expect(rejects[4]!.data).toBe('{"id":"C",');
  });

  it('a CSV cell that does not convert makes its record invalid, never a silent zero', () => {
    const dir = workspace({
      'r.score': rules,
      'lead.schema.json': schema,
      'leads.csv': 'id,employees\nA,120\nB,12abc\nC,\n',
    });
    const run = runCli(['score', 'r.score', '--leads', 'leads.csv', '--as-of', '2026-11-01'], { cwd: dir });
    expect(run.status).toBe(3);
    expect((jsonLines(run.stdout) as { id: string; score: number }[]).map((r) => [r.id, r.score])).toEqual([
      ['A', 20],
      ['C', 0],
    ]);
    expect(run.stderr).toMatch(/^leads\.csv:3: invalid lead record 2: employees: "12abc" is not a number/m);
  });

  it('exits 2 for unreadable files, unknown formats, bad --as-of and --tz, and 1 for rules with errors', () => {
    const dir = workspace({
      'r.score': rules,
      'lead.schema.json': schema,
      'leads.txt': '',
      'leads.jsonl': '{"id":"A"}\n',
      'bad.score': 'when x = 1',
    });
    const cases: [string[], number, RegExp][] = [
      [['score', 'r.score', '--leads', 'nope.jsonl'], 2, /cannot open nope\.jsonl: no such file/],
      [['score', 'r.score', '--leads', 'leads.jsonl', '--events', 'nope.csv'], 2, /cannot open nope\.csv/],
      [['score', 'r.score', '--leads', 'leads.txt'], 2, /cannot tell the file's format/],
      [
        ['score', 'r.score', '--leads', 'leads.jsonl', '--as-of', '11/01/2026'],
        2,
        /--as-of "11\/01\/2026" is not an ISO 8601 time/,
      ],
      [
        ['score', 'r.score', '--leads', 'leads.jsonl', '--tz', 'Mars/Olympus'],
        2,
        /--tz "Mars\/Olympus" is not a time zone/,
      ],
      [['score', 'r.score', '--leads', 'leads.jsonl', '--format', 'xml'], 2, /argument 'xml' is invalid/],
      [['score', 'r.score'], 2, /required option '--leads <file>' not specified/],
      [['score', 'nope.score', '--leads', 'leads.jsonl'], 2, /cannot open rule file nope\.score/],
      [
        ['score', 'bad.score', '--leads', 'leads.jsonl'],
        1,
        /^bad\.score:1:11: error: expected points.*\n.*fix the errors above/m,
      ],
    ];
    for (const [args, status, stderr] of cases) {
      const run = runCli(args, { cwd: dir });
      expect({ args, status: run.status }).toEqual({ args, status });
      expect(run.stderr).toMatch(stderr);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack traces
    }
  });

  it('reads leads from stdin with -, and writes to --out', () => {
    const dir = workspace({ 'r.score': rules, 'lead.schema.json': schema });
    const run = runCli(['score', 'r.score', '--leads', '-', '--as-of', '2026-11-01', '--out', 'scores.jsonl'], {
      cwd: dir,
      input: '{"id":"A","employees":100}\n',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(jsonLines(readFileSync(join(dir, 'scores.jsonl'), 'utf8'))).toEqual([
      {
        id: 'A',
        score: 20,
        tier: 'MQL',
        groups: { 属性: 20, 行動: 0 },
        reasons: [{ rule: '規模', line: 3, points: 20 }],
      },
    ]);
  });

  it('reads times without an offset in --tz', () => {
    const dir = workspace({
      'r.score': 'on view +5 within 1h\n',
      'leads.jsonl': '{"id":1,"events":[{"type":"view","at":"2026-11-01T08:30:00"}]}\n',
    });
    const asOf = '2026-11-01T00:00:00Z'; // 09:00 in Tokyo
    expect(
      (
        jsonLines(runCli(['score', 'r.score', '--leads', 'leads.jsonl', '--as-of', asOf], { cwd: dir }).stdout)[0] as {
          score: number;
        }
      ).score,
    ).toBe(0);
    expect(
      (
        jsonLines(
          runCli(['score', 'r.score', '--leads', 'leads.jsonl', '--as-of', asOf, '--tz', 'Asia/Tokyo'], { cwd: dir })
            .stdout,
        )[0] as { score: number }
      ).score,
    ).toBe(5);
  });
});

describe('leadscore score into a pipe that closes early', () => {
  it('stops quietly when the reader has had enough (| head)', () => {
    const result = spawnSync(
      'bash',
      [
        '-c',
        `node bin/leadscore.js score rules/b2b-saas.score --leads examples/leads.jsonl --events examples/events.jsonl --as-of 2026-11-01 | head -1; exit \${PIPESTATUS[0]}`,
      ],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 'L00001' });
  });
});
