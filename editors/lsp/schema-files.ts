import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SchemaHost } from '../../compiler/check-source.js';

/**
 * The schema a rule file names, read from disk relative to the rule file
 * (as the CLI does), remembering every path asked for: when one of those
 * files changes, the rule files that named it are checked again.
 */
export function recordingSchemaHost(rulePath: string | undefined, read: Set<string>): SchemaHost {
  return {
    readSchema(schemaPath) {
      if (rulePath === undefined) return undefined;
      const absolute = resolve(dirname(rulePath), schemaPath);
      read.add(absolute);
      try {
        return { file: absolute, text: readFileSync(absolute, 'utf8') };
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The fallback when the editor does not watch files for the server: one
 * fs.watch per folder holding a schema, reporting changes to the files of
 * interest (a folder, not the file, so an editor's save-by-rename and a file
 * created later are seen too).
 */
export class SchemaWatcher {
  private readonly folders = new Map<string, FSWatcher>();

  constructor(private readonly changed: (path: string) => void) {}

  watchFiles(paths: Iterable<string>): void {
    for (const path of paths) {
      const folder = dirname(path);
      if (this.folders.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (name) this.changed(resolve(folder, name.toString()));
        });
        watcher.on('error', () => this.unwatch(folder));
        this.folders.set(folder, watcher);
      } catch {
        // A folder that does not exist: the schema-not-found diagnostic already says so.
      }
    }
  }

  close(): void {
    for (const folder of [...this.folders.keys()]) this.unwatch(folder);
  }

  private unwatch(folder: string): void {
    this.folders.get(folder)?.close();
    this.folders.delete(folder);
  }
}
