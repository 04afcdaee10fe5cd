/**
 * `leadscore serve` as a process: the one stdout line, the token shown once,
 * a 2xx that survives kill -9 (PGlite on disk), the manual clock resuming
 * where it was, and SIGTERM ending with exit 0.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/run-cli.js';
import { RULES, SCHEMA } from './harness.js';

const BIN = join(REPO, 'bin/leadscore.js');

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly stdout: string[];
  stderr: string;
  readonly exited: Promise<number | null>;
}

async function start(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: REPO, env: { ...process.env, TZ: 'UTC' } });
  const stdout: string[] = [];
  const running = {
    child,
    stdout,
    stderr: '',
    url: '',
    exited: new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))),
  };
  child.stderr.on('data', (chunk: Buffer) => (running.stderr += chunk.toString('utf8')));
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      stdout.push(line);
      if (stdout.length === 1) resolve(line);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code} before listening: ${running.stderr}`)));
  });
  expect(first).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
  return Object.assign(running, { url: first.slice('listening on '.length) });
}

async function call(
  r: Running,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${r.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

function rulesDir(): { dir: string; rules: string } {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-serve-process-'));
  writeFileSync(join(dir, 'lead.schema.json'), JSON.stringify(SCHEMA));
  writeFileSync(join(dir, 'rules.score'), RULES);
  return { dir, rules: join(dir, 'rules.score') };
}

describe('leadscore serve (the process)', () => {
  it('a 2xx survives kill -9; the restart resumes the manual clock and keeps the token; SIGTERM exits 0', async () => {
    const { dir, rules } = rulesDir();
    const args = [rules, '--listen', '127.0.0.1:0', '--data-dir', join(dir, 'data'), '--clock', 'manual'];
    const first = await start(args);
    const token = /lsk_[A-Za-z0-9_-]+/.exec(first.stderr)?.[0];
    expect(token, first.stderr).toBeDefined();
    expect((await call(first, token!, 'POST', '/v1/clock', { now: '2026-11-01T00:00:00Z' })).status).toBe(200);
    const put = await call(first, token!, 'PUT', '/v1/leads/k9', { employees: 300, role: '部長' });
    expect(put.status).toBe(200);
    const events = await call(first, token!, 'POST', '/v1/events', {
      events: [{ id: 'x', lead_id: 'k9', type: 'form_reach', at: '2026-11-01T06:00:00Z' }],
    });
    expect(events.body.results[0].status).toBe('stored');
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await start(args);
    expect(second.stderr).not.toMatch(/lsk_/);
    // One process per data directory; the lock the killed process left was taken over.
    const third = runCli(['serve', ...args]);
    expect(third.status).toBe(2);
    expect(third.stderr).toMatch(/in use by another leadscore serve/);
    const health = await fetch(`${second.url}/healthz`).then((r) => r.json());
    expect(health.now).toBe('2026-11-01T00:00:00.000Z');
    expect((await call(second, token!, 'GET', '/v1/leads/k9')).body).toEqual(put.body);
    expect((await call(second, token!, 'GET', '/v1/leads/k9/events')).body.items).toHaveLength(1);
    // The future event is still due, at its own instant.
    await call(second, token!, 'POST', '/v1/clock', { now: '2026-11-02T00:00:00Z' });
    const later = await call(second, token!, 'GET', '/v1/leads/k9/history');
    expect(later.body.items.at(-1)).toMatchObject({
      at: '2026-11-01T06:00:00.000Z',
      score: 85,
      cause: { kind: 'time' },
    });
    // SIGHUP re-reads RULES.
    const next = RULES.replace('+40 "フォーム"', '+50 "フォーム"');
    writeFileSync(rules, next);
    second.child.kill('SIGHUP');
    const version = createHash('sha256').update(next).digest('hex');
    let seen = '';
    for (let i = 0; i < 200 && seen !== version; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = (await fetch(`${second.url}/healthz`).then((r) => r.json())).rules_version;
    }
    expect(seen).toBe(version);
    expect((await call(second, token!, 'GET', '/v1/leads/k9')).body).toMatchObject({
      score: 95,
      rules_version: version,
    });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.stdout).toHaveLength(1);
  }, 300_000);

  it('a missing rule file is a usage error (2); rules with errors exit 1 with the diagnostics', () => {
    const { dir } = rulesDir();
    const missing = runCli(['serve', join(dir, 'nope.score'), '--data-dir', join(dir, 'data')]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    writeFileSync(join(dir, 'bad.score'), RULES.replace('employees >= 100', 'employes >= 100'));
    const bad = runCli(['serve', join(dir, 'bad.score'), '--data-dir', join(dir, 'data')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.score:3:\d+: error: .*employees/);
    expect(runCli(['serve', join(dir, 'bad.score'), '--listen', 'nowhere']).status).toBe(2);
  }, 120_000);
});
