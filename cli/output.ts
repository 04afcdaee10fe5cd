import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  fchmodSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { describeFsError } from '../runtime/readers/fs-errors.js';
import { UsageError } from './exit-codes.js';
import { forgetTempFile, rememberTempFile } from './temp-files.js';

/**
 * Every file a command writes is written whole or not at all: the text goes
 * to a temp file beside the target (same folder, so the rename cannot cross
 * file systems), is flushed to disk, and is renamed over the target only when
 * the command succeeded. A failed, crashed or interrupted run leaves the
 * previous file as it was. One mechanism for --out, --rejects and fmt.
 */
export interface OutputFile {
  /** Where to write; stdout when the target is `-` or absent. */
  readonly stream: Writable;
  /** Flushes and puts the file in place (stdout: waits until written). */
  commit(): Promise<void>;
  /** Drops what was written; the previous file stays. Safe to call twice or after commit. */
  abort(): void;
}

/** `-` or no flag: stdout. */
export function isStdout(path: string | undefined): path is undefined | '-' {
  return path === undefined || path === '-';
}

interface Target {
  /** The file renamed over (a symbolic link's target, so the link is kept). */
  readonly path: string;
  /** The existing file's permission bits, kept by the new file. */
  readonly mode?: number;
  /** A device or named pipe (/dev/null, a FIFO): written to directly, there is nothing to replace. */
  readonly direct: boolean;
}

function targetOf(path: string, flag: string): Target {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${flag} ${path}: it is a folder; name a file to write`);
    if (!stat.isFile()) return { path, direct: true };
    return { path: realpathSync(path), mode: stat.mode & 0o7777, direct: false };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR') {
      throw new UsageError(`${flag} ${path}: cannot write: ${describeFsError(e)}`);
    }
  }
  const folder = dirname(resolve(path));
  let folderStat;
  try {
    folderStat = statSync(folder);
  } catch {
    throw new UsageError(`${flag} ${path}: the folder ${dirname(path)} does not exist; create it first`);
  }
  if (!folderStat.isDirectory()) throw new UsageError(`${flag} ${path}: ${dirname(path)} is not a folder`);
  return { path: join(realpathSync(folder), basename(path)), direct: false };
}

interface OpenedTemp {
  readonly fd: number;
  readonly temp: string;
  readonly target: Target;
}

function openTemp(path: string, flag: string): OpenedTemp {
  const target = targetOf(path, flag);
  if (target.direct) {
    try {
      return { fd: openSync(target.path, 'w'), temp: '', target };
    } catch (e) {
      throw new UsageError(`${flag} ${path}: cannot write: ${describeFsError(e)}`);
    }
  }
  const temp = join(
    dirname(target.path),
    `.${basename(target.path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o666);
  } catch (e) {
    throw new UsageError(`${flag} ${path}: cannot write in ${dirname(path)}: ${describeFsError(e)}`);
  }
  rememberTempFile(temp);
  try {
    if (target.mode !== undefined) fchmodSync(fd, target.mode);
  } catch {
    // Not the owner of the old file: the new one gets the default mode.
  }
  return { fd, temp, target };
}

/** Flushes, closes (unless `fdClosed`: a stream closed it) and renames the temp file over the target. */
function finish(opened: OpenedTemp, path: string, flag: string, fdClosed = false): void {
  let closed = fdClosed;
  try {
    if (!closed) {
      if (!opened.target.direct) fsyncSync(opened.fd);
      closed = true;
      closeSync(opened.fd);
    }
    if (opened.target.direct) return;
    renameSync(opened.temp, opened.target.path);
    forgetTempFile(opened.temp);
  } catch (e) {
    discard(opened, closed);
    throw new UsageError(`${flag} ${path}: cannot write: ${describeFsError(e)}`);
  }
  syncFolder(dirname(opened.target.path));
}

/**
 * Removes the temp file. The descriptor is closed here only when nobody else
 * did: closing it twice could close a file opened since under the same number.
 */
function discard(opened: OpenedTemp, fdClosed = false): void {
  if (!fdClosed) {
    try {
      closeSync(opened.fd);
    } catch {
      // already closed
    }
  }
  if (opened.temp === '') return;
  try {
    unlinkSync(opened.temp);
  } catch {
    // already gone
  }
  forgetTempFile(opened.temp);
}

/** So the rename itself survives a power cut (best effort: not every system can fsync a folder). */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

/** Writes a command's whole output to `--out FILE` (atomically), or stdout when absent or `-`. */
export function writeOutput(text: string, out: string | undefined, flag = '--out'): void {
  if (isStdout(out)) {
    process.stdout.write(text);
    return;
  }
  const opened = openTemp(out, flag);
  try {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(opened.fd, bytes, written, bytes.length - written);
  } catch (e) {
    discard(opened);
    throw new UsageError(`${flag} ${out}: cannot write: ${describeFsError(e)}`);
  }
  finish(opened, out, flag);
}

/**
 * Opens an output for streaming (score's results and rejects). Problems with
 * the path are a usage error (exit 2) before anything is read or written.
 */
export function openOutput(path: string | undefined, flag: string): OutputFile {
  if (isStdout(path)) {
    return {
      stream: process.stdout,
      commit: () => new Promise((done) => process.stdout.write('', () => done())),
      abort() {},
    };
  }
  const opened = openTemp(path, flag);
  // The stream owns the descriptor from here on and closes it (also when destroyed).
  const stream = createWriteStream('', { fd: opened.fd, autoClose: true });
  const closed = new Promise<void>((done) => stream.once('close', () => done()));
  let failure: unknown;
  let state: 'open' | 'committed' | 'aborted' = 'open';
  // A write error (a full disk) is reported by commit; the run must not crash on it.
  stream.on('error', (e) => {
    failure ??= e;
  });
  return {
    stream,
    async commit() {
      if (state !== 'open') return;
      state = 'committed';
      if (!stream.destroyed) {
        await new Promise<void>((done) => {
          stream.once('error', () => done());
          // 'finish': everything is written and the descriptor is still open, so it can be flushed to disk.
          stream.end(() => {
            try {
              if (!opened.target.direct) fsyncSync(opened.fd);
            } catch (e) {
              failure ??= e;
            }
            done();
          });
        });
      }
      await closed;
      if (failure !== undefined) {
        discard(opened, true);
        throw new UsageError(`${flag} ${path}: cannot write: ${describeFsError(failure)}`);
      }
      finish(opened, path, flag, true);
    },
    abort() {
      if (state !== 'open') return;
      state = 'aborted';
      stream.destroy();
      discard(opened, true);
    },
  };
}
