import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeFsError } from '../runtime/readers/fs-errors.js';

/**
 * Why a file cannot be opened, in words; a missing folder is named as such
 * ("the folder rules/old does not exist"), not reported as a missing file.
 */
export function whyCannotOpen(path: string, e: unknown): string {
  return (e as { code?: string }).code === 'ENOENT' ? (missingFolder(path) ?? 'no such file') : describeFsError(e);
}

/** "the folder X does not exist" when the file's folder is missing, else undefined. */
export function missingFolder(path: string): string | undefined {
  const folder = dirname(path);
  return folder !== '.' && !existsSync(folder) ? `the folder ${folder} does not exist` : undefined;
}
