/**
 * Real `leadscore serve` processes for the fault and scale-out tests: the
 * built CLI (dist/, built by `npm test`) spawned as a user would start it, on
 * loopback with a free port, with a tokens file holding one token per scope.
 * Every process a test starts is killed by `stopAll()` (afterEach), so a
 * failing test never leaves a server behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../../bin/leadscore.js', import.meta.url));
export const RULES = join(REPO, 'rules/b2b-saas.score');

export const TOKENS = { admin: 'test-admin-token', write: 'test-write-token', read: 'test-read-token' } as const;
const sha = (t: string): string => createHash('sha256').update(t).digest('hex');

/** A temporary directory removed by `removeTempDirs()`. */
const tempDirs: string[] = [];
export function tempDir(prefix = 'leadscore-serve-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A tokens file with TOKENS.admin, .write and .read, each with only its own scope. */
export function tokensFile(): string {
  const path = join(tempDir('leadscore-tokens-'), 'tokens.json');
  const tokens = Object.entries(TOKENS).map(([scope, token]) => ({
    name: `${scope} (tests)`,
    sha256: sha(token),
    scopes: [scope],
  }));
  writeFileSync(path, JSON.stringify({ tokens }));
  return path;
}

export interface Storage {
  readonly args: readonly string[];
}
export const pgliteStorage = (dataDir: string): Storage => ({ args: ['--data-dir', dataDir] });
export const postgresStorage = (url: string): Storage => ({ args: ['--database', url] });

export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to finish anything. */
  kill9(): Promise<void>;
}

const running = new Set<ChildProcess>();

export async function startServe(
  storage: Storage,
  options: { rules?: string; clock?: 'manual' | 'system'; tokens?: string; extra?: readonly string[] } = {},
): Promise<ServeProcess> {
  const args = [
    BIN,
    'serve',
    options.rules ?? RULES,
    '--listen',
    '127.0.0.1:0',
    ...storage.args,
    '--tokens',
    options.tokens ?? tokensFile(),
    '--clock',
    options.clock ?? 'manual',
    ...(options.extra ?? []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  let stdout = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => (running.delete(child), resolve(code))),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not print "listening on" within 240 s; stderr:\n${stderr}`)),
      240_000,
    );
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const match = /listening on (http:\/\/\S+)\n/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then(
      (code) => (
        clearTimeout(timer),
        reject(new Error(`serve exited with ${code} before listening; stderr:\n${stderr}`))
      ),
    );
  });
  return {
    url,
    child,
    stderr: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export async function stopAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

export interface Answer {
  readonly status: number;
  readonly body: any;
}

/** One request; `body` is sent as JSON unless it is a string (sent as is, with `contentType`). */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? TOKENS.admin : options.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  const response = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined && { body }) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed };
}

/** Calls `call` and fails with the answer unless it is `expected`. */
export async function ok(
  base: string,
  method: string,
  path: string,
  options: Parameters<typeof call>[3] = {},
  expected = 200,
): Promise<any> {
  const answer = await call(base, method, path, options);
  if (answer.status !== expected)
    throw new Error(`${method} ${path}: expected ${expected}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}
