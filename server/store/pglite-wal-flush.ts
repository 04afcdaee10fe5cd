import { readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * PGlite writes its files through Node's file system, but its WebAssembly
 * file layer has no fsync (PostgreSQL runs with fsync=off inside it): a
 * commit reaches the operating system before the query resolves, which
 * survives the process being killed, but not a power cut. This flushes the
 * newest write-ahead log segments to disk after a commit, so a 2xx
 * survives that too. The data files need no flush: PostgreSQL replays the
 * log over them on the next start.
 *
 * Group flush: the returned function resolves once a flush that STARTED
 * after the call has finished (the log is written in order, so that flush
 * covers the caller's commit). Callers that arrive while a flush is under
 * way share the next one, and the flush runs off the event loop (libuv's
 * thread pool), so PGlite already runs the next transaction meanwhile.
 */
export function walFlusher(dataDir: string): () => Promise<void> {
  const wal = join(dataDir, 'pg_wal');
  let running: Promise<void> | undefined;
  let following: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const flush = flushNewestSegments(wal).finally(() => {
      if (running === flush) running = undefined;
    });
    running = flush;
    return flush;
  };
  return () => {
    if (!running) return start();
    // The flush under way may have started before this commit: wait for the next one.
    following ??= running
      .catch(() => undefined)
      .then(() => {
        following = undefined;
        return start();
      });
    return following;
  };
}

async function flushNewestSegments(wal: string): Promise<void> {
  // A commit may cross into a new segment: flush the two newest.
  const segments = readdirSync(wal)
    .filter((name) => /^[0-9A-F]{24}$/.test(name))
    .sort()
    .slice(-2);
  for (const name of segments) {
    const file = await open(join(wal, name), 'r');
    try {
      await file.sync();
    } finally {
      await file.close();
    }
  }
}
