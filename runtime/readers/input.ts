/**
 * Opens a data file (or stdin for `-`) as a byte stream, failing up front with
 * DataFileError('cannot-open') so the CLI can exit 2 before any output.
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DataFileError } from './errors.js';
import { describeFsError } from './fs-errors.js';

export async function openInput(path: string): Promise<Readable> {
  if (path === '-') return process.stdin;
  let handle;
  try {
    handle = await open(path, 'r');
    // Directories open fine on Linux; reading them fails later, so refuse now.
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
  } catch (e) {
    throw new DataFileError('cannot-open', path, `cannot open ${path}: ${describeFsError(e)}`);
  }
  // 1 MiB reads: on files of gigabytes, the per-chunk costs of the default 64 KiB add up.
  return handle.createReadStream({ highWaterMark: 1 << 20 });
}
