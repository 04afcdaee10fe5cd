import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorize, readTokenFile, sha256Hex, TokenFileError } from '../../server/auth/tokens.js';

function tokenFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'leadscore-tokens-')), 'tokens.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('bearer tokens', () => {
  const entries = readTokenFile(
    tokenFile({
      tokens: [
        { name: 'dashboard', sha256: sha256Hex('r-token'), scopes: ['read'] },
        { name: 'ingest', sha256: sha256Hex('w-token').toUpperCase(), scopes: ['write'] },
        { name: 'ops', sha256: sha256Hex('a-token'), scopes: ['admin'] },
      ],
    }),
  );

  it('401 without a token or with an unknown one', () => {
    expect(authorize(entries, undefined, 'read')).toMatchObject({ ok: false, status: 401 });
    expect(authorize(entries, 'Basic abc', 'read')).toMatchObject({ ok: false, status: 401 });
    expect(authorize(entries, 'Bearer sha-of-nothing', 'read')).toMatchObject({ ok: false, status: 401 });
    // The hash itself is not a token.
    expect(authorize(entries, `Bearer ${sha256Hex('r-token')}`, 'read')).toMatchObject({ ok: false, status: 401 });
  });

  it('403 for a known token without the scope; admin includes write, write includes read', () => {
    expect(authorize(entries, 'Bearer r-token', 'read')).toMatchObject({ ok: true, name: 'dashboard' });
    expect(authorize(entries, 'Bearer r-token', 'write')).toMatchObject({ ok: false, status: 403 });
    expect(authorize(entries, 'Bearer w-token', 'read')).toMatchObject({ ok: true });
    expect(authorize(entries, 'Bearer w-token', 'admin')).toMatchObject({ ok: false, status: 403 });
    expect(authorize(entries, 'bearer a-token', 'write')).toMatchObject({ ok: true, name: 'ops' });
  });

  it('a tokens file that is not the documented shape is refused with the reason', () => {
    expect(() => readTokenFile(tokenFile({ tokens: [{ name: 'x', sha256: 'abc', scopes: ['read'] }] }))).toThrow(
      TokenFileError,
    );
    expect(() =>
      readTokenFile(tokenFile({ tokens: [{ name: 'x', sha256: sha256Hex('t'), scopes: ['root'] }] })),
    ).toThrow(/scopes/);
    expect(() => readTokenFile(tokenFile([]))).toThrow(/tokens/);
  });
});
