/**
 * A real `leadscore serve` process for the service benchmarks (loopback, a
 * free port, manual clock, a throwaway tokens file), and a tiny HTTP client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BENCH_TOKEN = 'bench-admin-token';

export interface BenchServe {
  readonly url: string;
  /** CPU time the server process has used so far, in ms (Linux; NaN elsewhere): steadier than wall time on a shared machine. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function startBenchServe(root: string, storageArgs: readonly string[]): Promise<BenchServe> {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-bench-tokens-'));
  const tokens = join(dir, 'tokens.json');
  writeFileSync(
    tokens,
    JSON.stringify({
      tokens: [{ name: 'bench', sha256: createHash('sha256').update(BENCH_TOKEN).digest('hex'), scopes: ['admin'] }],
    }),
  );
  const rules = join(root, 'rules/b2b-saas.score');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // BENCH_SERVE_NODE_ARGS: options for the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
      ...(process.env['BENCH_SERVE_NODE_ARGS']?.split(' ').filter((a) => a !== '') ?? []),
      join(root, 'bin/leadscore.js'),
      'serve',
      rules,
      '--listen',
      '127.0.0.1:0',
      '--clock',
      'manual',
      '--tokens',
      tokens,
      ...storageArgs,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (\S+)\n/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error('leadscore serve exited before listening')));
  });
  return {
    url,
    cpuMs: () => processCpuMs(child.pid),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** POST/PUT JSON with the bench token; throws unless 200. Resolves with the request's latency in ms. */
export async function send(url: string, method: string, path: string, body: unknown): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return performance.now() - start;
}

/** utime + stime from /proc/PID/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux). */
function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
