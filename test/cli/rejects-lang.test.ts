import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'leadscore-rejects-lang-'));
writeFileSync(join(dir, 'lead.schema.json'), readFileSync('rules/lead.schema.json'));
writeFileSync(
  join(dir, 'r.score'),
  'schema "./lead.schema.json"\nwhen employees >= 100 +20 "規模"\ntier MQL >= 20\ntier その他 otherwise\n',
);
writeFileSync(
  join(dir, 'leads.jsonl'),
  ['{"id":"A","employees":120}', '{"id":"B","employees":-1}', '{"company":"x"}', '{"id":"C","role":"部帳"}'].join(
    '\n',
  ) + '\n',
);
writeFileSync(
  join(dir, 'events.jsonl'),
  '{"lead_id":"A","type":"page_view","url":"/","at":"yesterday"}\n{"lead_id":"A","type":"page_veiw","at":"2026-10-01"}\n',
);
const score = (lang: string) =>
  runCli(
    [
      '--lang',
      lang,
      'score',
      'r.score',
      '--leads',
      'leads.jsonl',
      '--events',
      'events.jsonl',
      '--as-of',
      '2026-11-01',
      '--rejects',
      `rejects-${lang}.jsonl`,
    ],
    { cwd: dir, env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' } },
  );

describe('invalid records on stderr in the language of the messages', () => {
  it('--lang ja says why in Japanese, with the same file:line start; --lang en is the English line', () => {
    const ja = score('ja');
    const en = score('en');
    expect(ja.status).toBe(3);
    expect(en.status).toBe(3);
    const jaLines = ja.stderr.split('\n');
    expect(jaLines).toContain(
      'leads.jsonl:2: リードのレコード 2 は無効です: employees は 0 以上にしてください (値: -1)',
    );
    expect(jaLines).toContain('leads.jsonl:3: リードのレコード 3 は無効です: id がありません');
    expect(
      jaLines.some((l) => /^leads\.jsonl:4: .*role は次のいずれかにしてください: .*もしかして "部長"/.test(l)),
    ).toBe(true);
    expect(
      jaLines.some((l) =>
        l.startsWith(
          'events.jsonl:1: イベントのレコード 1 は無効です: at "yesterday" は日時として読めません: 2026-11-01T09:00:00+09:00',
        ),
      ),
    ).toBe(true);
    const enLines = en.stderr.split('\n');
    expect(enLines).toContain('leads.jsonl:2: invalid lead record 2: employees must be >= 0 (got -1)');
    expect(enLines).toContain('leads.jsonl:3: invalid lead record 3: id is required');
    // The --rejects file is for programs: the same English reasons in either language.
    const reasons = (lang: string) =>
      jsonLines(readFileSync(join(dir, `rejects-${lang}.jsonl`), 'utf8')).map((r) => (r as { reason: string }).reason);
    expect(reasons('ja')).toEqual(reasons('en'));
    expect(reasons('ja')).toContain('id is required');
  });
});
