import { runCommand } from '../../cli/main.js';
import type { CliRun } from './run-cli.js';

type Write = typeof process.stdout.write;

function capturing(chunks: string[]): Write {
  return ((chunk: string | Uint8Array, encodingOrCallback?: unknown, callback?: unknown): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as Write;
}

let running = false;

/**
 * Runs a command inside this process (about a hundred times faster than
 * spawning the CLI), capturing stdout and stderr. Paths must be absolute:
 * the working directory is not changed. One run at a time.
 */
export async function runCliInProcess(args: readonly string[]): Promise<CliRun> {
  if (running) throw new Error('runCliInProcess: one run at a time');
  running = true;
  const out: string[] = [];
  const err: string[] = [];
  const { write: stdoutWrite } = process.stdout;
  const { write: stderrWrite } = process.stderr;
  const exitCode = process.exitCode;
  process.stdout.write = capturing(out);
  process.stderr.write = capturing(err);
  try {
    const status = await runCommand(['node', 'leadscore', ...args]);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.exitCode = exitCode;
    running = false;
  }
}
