import { SingleBar } from 'cli-progress';

export interface Progress {
  update(leadRecords: number): void;
  /** Prints a line above the bar (or plainly, when there is no bar). */
  log(text: string): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; nothing otherwise (pipes and CI stay clean). */
export function startProgress(label: string): Progress {
  if (!process.stderr.isTTY) {
    return { update() {}, log: (text) => void process.stderr.write(text), stop() {} };
  }
  const bar = new SingleBar({
    stream: process.stderr,
    format: `scoring ${label} | {value} leads | {rate} leads/s | {duration_formatted}`,
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  const started = Date.now();
  bar.start(0, 0, { rate: 0 });
  let stopped = false;
  return {
    update(n) {
      const seconds = (Date.now() - started) / 1000;
      bar.setTotal(n);
      bar.update(n, { rate: seconds > 0 ? Math.round(n / seconds) : 0 });
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
