import { createHash, randomBytes } from 'node:crypto';
import { authorize, type TokenEntry } from '../auth/tokens.js';
import { instant, type Database } from '../store/database.js';

/**
 * Dashboard sign-in: a read token, typed once into a password field, opens a
 * session; the browser then holds only a random session id in an HttpOnly,
 * SameSite=Strict cookie. Sessions live in the database (its SHA-256 only),
 * so every process sharing the database knows them; a session ends when it
 * expires or when the token it was opened with is no longer configured.
 */
export const SESSION_COOKIE = 'leadscore_session';
export const SESSION_HOURS = 12;

const hashOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export async function openSession(
  db: Database,
  tokens: readonly TokenEntry[],
  token: string,
  now: number,
): Promise<{ ok: true; cookie: string } | { ok: false; message: string }> {
  const auth = authorize(tokens, `Bearer ${token}`, 'read');
  if (!auth.ok || /\s/.test(token) || token === '')
    return { ok: false, message: 'the token is not known, or lacks the read scope' };
  const session = randomBytes(32).toString('base64url');
  await db.query(`DELETE FROM dashboard_sessions WHERE expires_at < $1`, [instant(now)]);
  await db.query(`INSERT INTO dashboard_sessions (sha256, token_sha256, expires_at) VALUES ($1, $2, $3)`, [
    hashOf(session),
    hashOf(token),
    instant(now + SESSION_HOURS * 3_600_000),
  ]);
  return { ok: true, cookie: session };
}

export async function sessionIsValid(
  db: Database,
  tokens: readonly TokenEntry[],
  cookieHeader: string | undefined,
  now: number,
): Promise<boolean> {
  const session = readCookie(cookieHeader, SESSION_COOKIE);
  if (!session) return false;
  const rows = await db.query<{ token_sha256: string }>(
    `SELECT token_sha256 FROM dashboard_sessions WHERE sha256 = $1 AND expires_at > $2`,
    [hashOf(session), instant(now)],
  );
  const tokenHash = rows[0]?.token_sha256;
  return tokenHash !== undefined && tokens.some((t) => t.hash.toString('hex') === tokenHash);
}

export async function closeSession(db: Database, cookieHeader: string | undefined): Promise<void> {
  const session = readCookie(cookieHeader, SESSION_COOKIE);
  if (session) await db.query(`DELETE FROM dashboard_sessions WHERE sha256 = $1`, [hashOf(session)]);
}

export function sessionCookie(value: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}${secure ? '; Secure' : ''}`;
}

export function expiredCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
