import { closeSync, fstatSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openOutput, writeOutput } from '../../cli/output.js';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describe('openOutput', () => {
  it('an aborted output closes its descriptor once: a file opened afterwards stays open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-output-'));
    for (let i = 0; i < 20; i++) {
      const output = openOutput(join(dir, 'out.jsonl'), '--out');
      output.stream.write('partial');
      output.abort();
      // The next open gets the lowest free descriptor: the one the output just gave up.
      const fd = openSync(join(dir, 'other.txt'), 'w');
      await settle();
      expect(() => fstatSync(fd)).not.toThrow();
      closeSync(fd);
    }
    expect(readdirSync(dir).sort()).toEqual(['other.txt']);
  });

  it('commit puts the whole file in place; until then the old one is there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-output-'));
    const path = join(dir, 'out.jsonl');
    writeFileSync(path, 'old\n');
    const output = openOutput(path, '--out');
    output.stream.write('new\n');
    await settle();
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    await output.commit();
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });
});

describe('writeOutput', () => {
  it('replaces the file whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadscore-output-'));
    const path = join(dir, 'report.md');
    writeFileSync(path, 'old');
    writeOutput('# 新しい\n', path);
    expect(readFileSync(path, 'utf8')).toBe('# 新しい\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });
});
