/**
 * SIGHUP re-reads the tokens file along with RULES: a token added works at
 * once, a token removed stops working, and a file that is not valid leaves
 * the tokens in force unchanged (with the reason on stderr).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { call, pgliteStorage, removeTempDirs, startServe, stopAll, TOKENS, tokensFile } from './serve-process.js';

afterEach(async () => {
  await stopAll();
  removeTempDirs();
});

const sha = (t: string): string => createHash('sha256').update(t).digest('hex');

async function statusWith(url: string, token: string): Promise<number> {
  return (await call(url, 'GET', '/v1/leads?limit=1', { token })).status;
}

describe('SIGHUP and the tokens file', () => {
  it('reloads the tokens: added ones work, removed ones are refused, a broken file changes nothing', async () => {
    const file = tokensFile();
    const serve = await startServe(pgliteStorage('memory://'), { tokens: file });
    expect(await statusWith(serve.url, TOKENS.read)).toBe(200);
    expect(await statusWith(serve.url, 'rotated-read-token')).toBe(401);

    const { tokens } = JSON.parse(readFileSync(file, 'utf8')) as { tokens: { sha256: string }[] };
    const rotated = [
      ...tokens.filter((t) => t.sha256 !== sha(TOKENS.read)),
      { name: 'dashboard (rotated)', sha256: sha('rotated-read-token'), scopes: ['read'] },
    ];
    writeFileSync(file, JSON.stringify({ tokens: rotated }));
    serve.child.kill('SIGHUP');
    for (let i = 0; i < 100 && (await statusWith(serve.url, 'rotated-read-token')) !== 200; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await statusWith(serve.url, 'rotated-read-token')).toBe(200);
    expect(await statusWith(serve.url, TOKENS.read)).toBe(401);
    expect(serve.stderr()).toMatch(/tokens reloaded: 3 in force/);

    writeFileSync(file, '{"tokens":[{"name":"broken","sha256":"not hex","scopes":["read"]}]}');
    serve.child.kill('SIGHUP');
    for (let i = 0; i < 100 && !/cannot reload the tokens/.test(serve.stderr()); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(serve.stderr()).toMatch(/cannot reload the tokens, the ones in force are unchanged: .*sha256 must be/);
    expect(await statusWith(serve.url, 'rotated-read-token')).toBe(200);
    expect(await statusWith(serve.url, TOKENS.admin)).toBe(200);
    expect(serve.stderr()).not.toMatch(/\n\s+at /);
    expect(await serve.stop()).toBe(0);
  }, 120_000);
});
