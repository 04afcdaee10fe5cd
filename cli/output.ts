import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import { describeFsError } from '../runtime/readers/fs-errors.js';
import { UsageError } from './exit-codes.js';

/** Writes a command's whole output to `--out FILE`, or stdout when absent or `-`. */
export function writeOutput(text: string, out: string | undefined, flag = '--out'): void {
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new UsageError(`${flag} ${out}: cannot write: ${describeFsError(e)}`);
  }
}

/** Opens a file for streamed output; a usage error (exit 2) before anything is written when it cannot be. */
export async function openOutputStream(path: string, flag: string): Promise<WriteStream> {
  const stream = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(new UsageError(`${flag} ${path}: cannot write: ${describeFsError(e)}`)));
  });
  return stream;
}
