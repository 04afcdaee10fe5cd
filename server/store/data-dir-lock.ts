import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Two processes on one PGlite directory would corrupt it: the first holds this lock file. */
export class DataDirBusyError extends Error {}

/** Takes the data directory for this process; a lock left by a process that is gone (kill -9) is taken over. */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, 'leadscore-serve.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirBusyError(
          `the data directory ${dir} is in use by another leadscore serve (pid ${holder}): stop it, or use --database postgres://… to run several`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirBusyError(`cannot take the data directory ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
