import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Database } from '../store/database.js';

/**
 * Bearer tokens. Only SHA-256 hashes are kept (in --tokens FILE or in the
 * database); a presented token is hashed and compared with every known hash
 * in constant time. Scopes nest: admin includes write, write includes read.
 */
export type Scope = 'read' | 'write' | 'admin';
const RANK: Record<Scope, number> = { read: 1, write: 2, admin: 3 };

export interface TokenEntry {
  readonly name: string;
  readonly hash: Buffer;
  readonly scopes: readonly Scope[];
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class TokenFileError extends Error {}

/** `{"tokens":[{"name","sha256","scopes":[…]}]}` */
export function readTokenFile(path: string): TokenEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new TokenFileError(`cannot read the tokens file ${path}: ${(e as Error).message}`);
  }
  const list = (parsed as { tokens?: unknown })?.tokens;
  if (!Array.isArray(list))
    throw new TokenFileError(`${path}: expected {"tokens":[{"name":"…","sha256":"<hex>","scopes":["read"]}]}`);
  return list.map((entry, i) => {
    const e = entry as { name?: unknown; sha256?: unknown; scopes?: unknown };
    const where = `${path}: token ${i + 1}`;
    if (typeof e.sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(e.sha256))
      throw new TokenFileError(`${where}: sha256 must be the 64 hex digits of the token's SHA-256`);
    if (
      !Array.isArray(e.scopes) ||
      e.scopes.length === 0 ||
      !e.scopes.every((s) => s === 'read' || s === 'write' || s === 'admin')
    ) {
      throw new TokenFileError(`${where}: scopes must be a list of read, write, admin`);
    }
    return {
      name: typeof e.name === 'string' ? e.name : `token ${i + 1}`,
      hash: Buffer.from(e.sha256.toLowerCase(), 'hex'),
      scopes: e.scopes as Scope[],
    };
  });
}

/** The database's tokens; on a first start without --tokens, creates one admin token and returns its text (shown once). */
export async function databaseTokens(db: Database): Promise<{ entries: TokenEntry[]; created?: string }> {
  let created: string | undefined;
  const rows = await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(727274002)`);
    const existing = await tx.query<{ name: string; sha256: string; scopes: string }>(
      `SELECT name, sha256, scopes FROM tokens`,
    );
    if (existing.length > 0) return existing;
    created = `lsk_${randomBytes(32).toString('base64url')}`;
    const row = { name: 'admin (first start)', sha256: sha256Hex(created), scopes: JSON.stringify(['admin']) };
    await tx.query(`INSERT INTO tokens (sha256, name, scopes) VALUES ($1, $2, $3)`, [row.sha256, row.name, row.scopes]);
    return [row];
  });
  const entries = rows.map((r) => ({
    name: r.name,
    hash: Buffer.from(r.sha256, 'hex'),
    scopes: JSON.parse(r.scopes) as Scope[],
  }));
  return created === undefined ? { entries } : { entries, created };
}

export type AuthOutcome =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly status: 401 | 403; readonly message: string };

export function authorize(entries: readonly TokenEntry[], header: string | undefined, needed: Scope): AuthOutcome {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  if (!match) return { ok: false, status: 401, message: 'send a token: Authorization: Bearer TOKEN' };
  const hash = createHash('sha256').update(match[1]!, 'utf8').digest();
  let found: TokenEntry | undefined;
  // Compare with every entry, found or not, so the time taken says nothing about the hashes.
  for (const entry of entries) if (timingSafeEqual(entry.hash, hash) && !found) found = entry;
  if (!found) return { ok: false, status: 401, message: 'the token is not known: check it, or ask an admin for one' };
  if (!found.scopes.some((s) => RANK[s] >= RANK[needed]))
    return { ok: false, status: 403, message: `the token ${JSON.stringify(found.name)} lacks the ${needed} scope` };
  return { ok: true, name: found.name };
}
