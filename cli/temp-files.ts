import { unlinkSync } from 'node:fs';

/**
 * The temp files of outputs not yet in place. On SIGINT / SIGTERM they are
 * removed and the process exits 130 / 143 (128 + the signal's number, as
 * shells do), leaving every target file as it was before the run. The
 * handlers are installed only while a temp file exists, so commands that
 * write nothing keep Node's default signal behaviour.
 */
const pending = new Set<string>();

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof SIGNAL_EXIT;

function onSignal(signal: HandledSignal): void {
  removeTempFiles();
  process.stderr.write(
    `\nleadscore: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; no output file was changed\n`,
  );
  process.exit(SIGNAL_EXIT[signal]);
}

const handlers: Record<HandledSignal, () => void> = {
  SIGINT: () => onSignal('SIGINT'),
  SIGTERM: () => onSignal('SIGTERM'),
};

export function rememberTempFile(path: string): void {
  if (pending.size === 0) {
    process.on('SIGINT', handlers.SIGINT);
    process.on('SIGTERM', handlers.SIGTERM);
    process.on('exit', removeTempFiles);
  }
  pending.add(path);
}

export function forgetTempFile(path: string): void {
  if (!pending.delete(path) || pending.size > 0) return;
  process.off('SIGINT', handlers.SIGINT);
  process.off('SIGTERM', handlers.SIGTERM);
  process.off('exit', removeTempFiles);
}

/** Deletes every temp file still pending (a crash, a signal, an early exit). */
export function removeTempFiles(): void {
  for (const path of [...pending]) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
    forgetTempFile(path);
  }
}
