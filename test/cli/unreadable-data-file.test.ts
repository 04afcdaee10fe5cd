import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'leadscore-unreadable-'));
const files: Record<string, string> = {
  'broken.json': '[{"id":"A"},\n {"id": }]\n',
  'object.json': '{"id":"A"}\n',
  'header.csv': 'id,id\nA,B\n',
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

describe('a data file that cannot be read', () => {
  it.each([
    ['broken.json', 'broken.json:2:9: not valid JSON'],
    ['object.json', 'object.json:1:1: a .json data file must be a list of records'],
    ['header.csv', 'header.csv:1: the column "id" appears twice'],
  ])('%s: one message naming the file and position once, exit 2', (file, expected) => {
    const run = runCli(['score', 'rules/b2b-saas.score', '--leads', join(dir, file), '--as-of', '2026-11-01']);
    expect(run.status).toBe(2);
    expect(run.stderr.startsWith(`leadscore: ${join(dir, expected)}`)).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.split(file)).toHaveLength(2);
  });
});
