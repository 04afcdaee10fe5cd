import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeLang } from '../../cli/message-lang.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'leadscore-lang-'));
writeFileSync(join(dir, 'lead.schema.json'), readFileSync('rules/lead.schema.json'));
writeFileSync(join(dir, 'typo.score'), 'schema "./lead.schema.json"\nwhen employes >= 100 +20\n');
const FILE = join(dir, 'typo.score');
const EN = `${FILE}:2:6: error: unknown field "employes": leads have no such field in lead.schema.json — did you mean "employees"? [unknown-field]`;
const JA = `${FILE}:2:6: error: 不明な項目 「employes」: lead.schema.json にこの項目はありません — もしかして 「employees」 ですか? [unknown-field]`;
const firstLine = (env: Record<string, string>, args: string[] = []) =>
  runCli([...args, 'check', FILE], { env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env } }).stderr.split(
    '\n',
  )[0];

describe('the language of CLI messages', () => {
  it('is English by default, Japanese when the locale says ja, and --lang wins over the locale', () => {
    expect(firstLine({})).toBe(EN);
    expect(firstLine({ LANG: 'ja_JP.UTF-8' })).toBe(JA);
    expect(firstLine({ LC_MESSAGES: 'ja_JP.UTF-8' })).toBe(JA);
    expect(firstLine({ LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe(EN);
    expect(firstLine({ LANG: 'ja_JP.UTF-8' }, ['--lang', 'en'])).toBe(EN);
    expect(firstLine({}, ['--lang', 'ja'])).toBe(JA);
  });

  it('reads the locale in POSIX order', () => {
    expect(localeLang({ LANG: 'ja' })).toBe('ja');
    expect(localeLang({ LANG: 'ja_JP.eucJP' })).toBe('ja');
    expect(localeLang({ LANG: 'jam' })).toBe('en');
    expect(localeLang({ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(localeLang({})).toBe('en');
  });
});
