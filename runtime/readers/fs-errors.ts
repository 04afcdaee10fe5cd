/** Why a file could not be opened or written, in words (not `ENOENT`). */
export function describeFsError(e: unknown): string {
  switch ((e as { code?: string }).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (e as Error).message ?? String(e);
  }
}
