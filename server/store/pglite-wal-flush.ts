import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite writes its files through Node's file system, but its WebAssembly
 * file layer has no fsync (PostgreSQL runs with fsync=off inside it): a
 * commit reaches the operating system before the query resolves, which
 * survives the process being killed, but not a power cut. This flushes the
 * newest write-ahead log segments to disk after each commit, so a 2xx
 * survives that too. The data files need no flush: PostgreSQL replays the
 * log over them on the next start.
 */
export function walFlusher(dataDir: string): () => void {
  const wal = join(dataDir, 'pg_wal');
  return () => {
    // A commit may cross into a new segment: flush the two newest.
    const segments = readdirSync(wal)
      .filter((name) => /^[0-9A-F]{24}$/.test(name))
      .sort()
      .slice(-2);
    for (const name of segments) {
      const fd = openSync(join(wal, name), 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  };
}
