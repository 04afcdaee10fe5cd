import { statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';

export interface Progress {
  update(leadRecords: number, bytes: number): void;
  /** Prints a line above the bar (or plainly, when there is no bar). */
  log(text: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal; nothing otherwise (pipes
 * and CI stay clean). It measures the bytes of the leads file read, so it
 * knows the total before the first lead; stdin shows a count only.
 */
export function startProgress(path: string): Progress {
  if (!process.stderr.isTTY) {
    return { update() {}, log: (text) => void process.stderr.write(text), stop() {} };
  }
  const size = path === '-' ? 0 : fileSize(path);
  const bar = new SingleBar({
    stream: process.stderr,
    format:
      size > 0
        ? `scoring ${path} [{bar}] {percentage}% | {leads} leads | {rate} leads/s | ETA {eta_formatted}`
        : `scoring stdin | {leads} leads | {rate} leads/s`,
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  const started = Date.now();
  bar.start(Math.max(size, 1), 0, { leads: 0, rate: 0 });
  let stopped = false;
  return {
    update(leads, bytes) {
      const seconds = (Date.now() - started) / 1000;
      bar.update(size > 0 ? Math.min(bytes, size) : 0, { leads, rate: seconds > 0 ? Math.round(leads / seconds) : 0 });
    },
    log(text) {
      // Clear the bar's line; it redraws itself below on its next tick.
      process.stderr.write(stopped ? text : `\r\x1b[K${text}`);
    },
    stop() {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
